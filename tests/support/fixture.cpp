// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

namespace versus::test {

QString fixturesDir()
{
    return QStringLiteral(VERSUS_FIXTURES_DIR);
}

QStringList fixtureProviders()
{
    QStringList providers = QDir(fixturesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    providers.removeIf([](const QString &provider) { return fixtureNames(provider).isEmpty(); });
    return providers;
}

QStringList fixtureNames(const QString &provider)
{
    QStringList names;
    const QStringList files =
        QDir(fixturesDir() + u'/' + provider).entryList({QStringLiteral("*.http")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        names.append(file.chopped(5));
    return names;
}

Fixture loadFixture(const QString &provider, const QString &name, ScriptedResponse::BodyLineEndings endings)
{
    Fixture fixture = loadFixtureFile(fixturesDir() + u'/' + provider + u'/' + name + u".http", endings);
    fixture.provider = provider;
    return fixture;
}

Fixture loadFixtureFile(const QString &httpPath, ScriptedResponse::BodyLineEndings endings)
{
    Fixture fixture;
    const QFileInfo info(httpPath);
    fixture.name = info.completeBaseName();
    fixture.provider = info.dir().dirName();

    auto response = ScriptedResponse::fromRawHttpFile(httpPath, endings);
    if (!response) {
        fixture.error = response.error();
        return fixture;
    }
    fixture.response = *response;

    const QString expectedPath = info.dir().filePath(fixture.name + u".expected.json");
    QFile file(expectedPath);
    if (!file.open(QIODevice::ReadOnly)) {
        fixture.error = expectedPath + u": " + file.errorString();
        return fixture;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        fixture.error = expectedPath + u": " + parseError.errorString();
        return fixture;
    }
    fixture.expected = document.object();
    return fixture;
}

} // namespace versus::test

// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonschemasuite.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

/// The draft 7 files of the suite; VERSUS_JSON_SCHEMA_TEST_SUITE may name another copy of it.
QString suiteDirectory()
{
    const QString root = qEnvironmentVariable("VERSUS_JSON_SCHEMA_TEST_SUITE", u"/usr/share/json-schema-test-suite"_s);
    return root + u"/tests/draft7"_s;
}

/// A file, group or case of the suite that is not run, and why; an empty group or test
/// covers the whole file or group. Never "whatever fails": each entry names what it skips.
struct Skip {
    QStringView file;
    QStringView group;
    QStringView test;
    QStringView reason;
};

// Only the top folder of draft7/ is read, so optional/ is not run: bignum needs integers beyond
// a double, format/ (the draft 7 home of format.json) and content.json check annotations that
// are not assertions here, ecmascript-regex needs a full ECMAScript engine (patterns run on
// PCRE), and zeroTerminatedFloats (1.0 is an integer) is one of our own cases.
constexpr Skip kSkips[] = {
    // Every $ref loads a schema from http://localhost:1234, a server the suite's runner provides.
    {u"refRemote.json", {}, {}, u"needs remote schemas from a server at localhost:1234"},
    // Validates against the draft-07 metaschema, which it loads by URL.
    {u"definitions.json", {}, {}, u"$ref to the draft-07 metaschema by URL (remote)"},
    // Same: {"$ref": "http://json-schema.org/draft-07/schema#"}.
    {u"ref.json", u"remote ref, containing refs itself", {}, u"$ref to the draft-07 metaschema by URL (remote)"},
    // {"$ref": "node"} and {"$ref": "tree"} resolve against $id base URIs.
    {u"ref.json", u"Recursive references between schemas", {}, u"$ref by $id: base-URI changes are not supported"},
};

qsizetype skipIndex(const QString &file, const QString &group, const QString &test)
{
    for (qsizetype i = 0; i < qsizetype(std::size(kSkips)); ++i) {
        const Skip &skip = kSkips[i];
        if (skip.file == file && (skip.group.isEmpty() || skip.group == group) &&
            (skip.test.isEmpty() || skip.test == test))
            return i;
    }
    return -1;
}

} // namespace

void addJsonSchemaSuiteRows()
{
    QTest::addColumn<QString>("problem"); // when set, the row fails with it
    QTest::addColumn<QJsonValue>("schema");
    QTest::addColumn<QJsonValue>("instance");
    QTest::addColumn<bool>("valid");

    const QDir dir(suiteDirectory());
    const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        QTest::newRow("suite missing") << u"no draft7 files in %1: install the Debian package "
                                          u"json-schema-test-suite (script/bootstrap does)"_s.arg(dir.path())
                                       << QJsonValue() << QJsonValue() << true;
        return;
    }
    int run = 0;
    int skipped = 0;
    QList<bool> skipUsed(qsizetype(std::size(kSkips)), false);
    for (const QString &file : files) {
        QFile in(dir.filePath(file));
        QJsonParseError error;
        const QJsonDocument document =
            QJsonDocument::fromJson(in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray(), &error);
        if (!document.isArray()) {
            QTest::newRow(file.toUtf8().constData())
                << u"%1 cannot be read as a JSON array: %2"_s.arg(in.fileName(), error.errorString()) << QJsonValue()
                << QJsonValue() << true;
            continue;
        }
        for (const QJsonValue &groupValue : document.array()) {
            const QJsonObject group = groupValue.toObject();
            const QString groupName = group.value(u"description").toString();
            for (const QJsonValue &testValue : group.value(u"tests").toArray()) {
                const QJsonObject test = testValue.toObject();
                const QString testName = test.value(u"description").toString();
                if (const qsizetype skip = skipIndex(file, groupName, testName); skip >= 0) {
                    skipUsed[skip] = true;
                    ++skipped;
                    continue;
                }
                const QString name = file + u"/"_s + groupName + u"/"_s + testName;
                QTest::newRow(name.toUtf8().constData())
                    << QString() << group.value(u"schema") << test.value(u"data") << test.value(u"valid").toBool();
                ++run;
            }
        }
    }
    // A skip that no longer matches anything is a mistake in the list.
    for (qsizetype i = 0; i < skipUsed.size(); ++i) {
        if (skipUsed.at(i))
            continue;
        const Skip &skip = kSkips[i];
        const QString name = u"stale skip "_s + skip.file.toString() + u"/"_s + skip.group.toString();
        QTest::newRow(name.toUtf8().constData())
            << u"the skip list names a file or case the suite does not have"_s << QJsonValue() << QJsonValue() << true;
    }
    qInfo("json-schema-test-suite draft7 (%s): %d cases run, %d skipped", qUtf8Printable(dir.path()), run, skipped);
    for (const Skip &skip : kSkips) {
        qInfo("  skipped %s%s%s: %s", qUtf8Printable(skip.file.toString()), skip.group.isEmpty() ? "" : " / ",
              qUtf8Printable(skip.group.toString()), qUtf8Printable(skip.reason.toString()));
    }
    qInfo("  not run: optional/ (bignum, content, ecmascript-regex, format/, zeroTerminatedFloats)");
}

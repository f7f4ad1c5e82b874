// SPDX-License-Identifier: GPL-3.0-or-later
// Saved model sets (modelsets.json): what a set keeps of its lanes, saving, renaming and
// deleting, the file's mode, and a damaged file reported and left alone.
#include "compare/modelsets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;

namespace {

ModelSet sampleSet(const QString &name)
{
    ModelSetLane first;
    first.target = {QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b")};
    first.parameters.model = first.target.model;
    first.parameters.systemPrompt = QStringLiteral("Answer in French.");
    first.parameters.temperature = 0.25;
    first.parameters.maxTokens = 300;
    first.parameters.reasoningEffort = QStringLiteral("high");
    first.tools = QJsonDocument::fromJson(R"([{"type": "function", "function": {"name": "calc",
        "parameters": {"type": "object"}}, "result": {"builtin": "calculator"}}])")
                      .array();
    first.toolsFile = QStringLiteral("/home/me/tools.json");
    ModelSetLane second;
    second.target = {QStringLiteral("ollama"), QStringLiteral("llama3:8b")};
    second.parameters.model = second.target.model;
    return ModelSet{name, {first, second}};
}

} // namespace

class tst_ModelSets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void noFileIsNoSets();
    void roundTrip();
    void saveReplacesRenameAndRemove();
    void badSetsRefused();
    void damagedFileReportedNotOverwritten_data();
    void damagedFileReportedNotOverwritten();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(QStringLiteral("config/versus/modelsets.json")); }
};

void tst_ModelSets::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_ModelSets::noFileIsNoSets()
{
    const ModelSetFile file(path());
    const auto sets = file.read();
    QVERIFY(sets.has_value());
    QVERIFY(sets->isEmpty());
    QVERIFY(!QFile::exists(path())); // reading creates nothing
}

void tst_ModelSets::roundTrip()
{
    ModelSetFile file(path());
    const ModelSet set = sampleSet(QStringLiteral("Fast open models"));
    QVERIFY(file.save(set).has_value());
    QCOMPARE(QFile::permissions(path()) &
                 (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    const auto sets = ModelSetFile(path()).read();
    QVERIFY2(sets.has_value(), qPrintable(sets.error()));
    QCOMPARE(sets->size(), 1);
    QCOMPARE(sets->first(), set);
    const auto found = file.find(QStringLiteral("fast OPEN models"));
    QVERIFY(found.has_value() && found->has_value());
    QCOMPARE(found->value().lanes.first().parameters.systemPrompt, QStringLiteral("Answer in French."));
    QVERIFY(file.find(QStringLiteral("other"))->has_value() == false);
}

void tst_ModelSets::saveReplacesRenameAndRemove()
{
    ModelSetFile file(path());
    QVERIFY(file.save(sampleSet(QStringLiteral("one"))).has_value());
    QVERIFY(file.save(sampleSet(QStringLiteral("two"))).has_value());
    ModelSet smaller = sampleSet(QStringLiteral("ONE"));
    smaller.lanes.removeLast();
    QVERIFY(file.save(smaller).has_value()); // same name, any case: replaced in place
    auto sets = file.read();
    QCOMPARE(sets->size(), 2);
    QCOMPARE(sets->at(0), smaller);

    QCOMPARE(file.rename(QStringLiteral("one"), QStringLiteral("two")).error().contains(QStringLiteral("two")), true);
    QVERIFY(!file.rename(QStringLiteral("one"), QStringLiteral("  ")).has_value());
    QVERIFY(!file.rename(QStringLiteral("missing"), QStringLiteral("x")).has_value());
    QVERIFY(file.rename(QStringLiteral("one"), QStringLiteral("  first ")).has_value());
    QVERIFY(!file.remove(QStringLiteral("one")).has_value());
    QVERIFY(file.remove(QStringLiteral("two")).has_value());
    sets = file.read();
    QCOMPARE(sets->size(), 1);
    QCOMPARE(sets->first().name, QStringLiteral("first"));
}

void tst_ModelSets::badSetsRefused()
{
    ModelSetFile file(path());
    QVERIFY(!file.save(ModelSet{QStringLiteral("empty"), {}}).has_value());
    QVERIFY(!file.save(sampleSet(QString())).has_value());
    ModelSet seven = sampleSet(QStringLiteral("seven"));
    while (seven.lanes.size() < 7)
        seven.lanes.append(seven.lanes.first());
    QVERIFY(!file.save(seven).has_value());
    QVERIFY(!QFile::exists(path()));
}

void tst_ModelSets::damagedFileReportedNotOverwritten_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("reason");
    QTest::addRow("not JSON") << QByteArray("{\"sets\": [") << QStringLiteral("not valid JSON");
    QTest::addRow("no sets") << QByteArray(R"({"version": 1})") << QStringLiteral("no \"sets\" array");
    QTest::addRow("set without name") << QByteArray(R"({"sets": [{"lanes": [{"target": "groq:m"}]}]})")
                                      << QStringLiteral("no \"name\"");
    QTest::addRow("bad target") << QByteArray(R"({"sets": [{"name": "a", "lanes": [{"target": "groq"}]}]})")
                                << QStringLiteral("lane 1: \"target\"");
    QTest::addRow("no lanes") << QByteArray(R"({"sets": [{"name": "a", "lanes": []}]})")
                              << QStringLiteral("1 to 6 lanes");
    QTest::addRow("parameters not an object")
        << QByteArray(R"({"sets": [{"name": "a", "lanes": [{"target": "groq:m", "parameters": 3}]}]})")
        << QStringLiteral("\"parameters\" must be an object");
    QTest::addRow("two sets of one name") << QByteArray(R"({"sets": [{"name": "a", "lanes": [{"target": "groq:m"}]},
                                    {"name": "A", "lanes": [{"target": "groq:n"}]}]})")
                                          << QStringLiteral("two sets are named");
}

void tst_ModelSets::damagedFileReportedNotOverwritten()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, reason);
    QVERIFY(QDir().mkpath(QFileInfo(path()).absolutePath()));
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
    file.close();

    ModelSetFile sets(path());
    const auto read = sets.read();
    QVERIFY(!read.has_value());
    QVERIFY2(read.error().contains(reason), qPrintable(read.error()));
    QVERIFY2(read.error().contains(path()), qPrintable(read.error()));
    // Every change is refused with the same words, and the user's file stays as it was.
    const auto saved = sets.save(sampleSet(QStringLiteral("new")));
    QVERIFY(!saved.has_value());
    QCOMPARE(saved.error(), read.error());
    QVERIFY(!sets.remove(QStringLiteral("a")).has_value());
    QVERIFY(!sets.rename(QStringLiteral("a"), QStringLiteral("b")).has_value());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), contents);
}

QTEST_GUILESS_MAIN(tst_ModelSets)
#include "tst_modelsets.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Images in the history (schema version 4) against real SQLite files: stored once per
// SHA-256, linked to turns in order with their file names, written in the prompt's
// transaction, gone from the file's bytes when the last conversation using them is deleted,
// and added to a version-3 file by the migration.
#include "history/historyschema.h"
#include "history/historystore.h"
#include "rawsql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace versus;
using namespace versus::history;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

using versus::test::sql;

/// An image whose bytes hold @p marker (so a test can look for them in the file).
ImageInput image(const QByteArray &marker, const QString &fileName, const QString &type = u"image/png"_s)
{
    ImageInput input;
    input.mimeType = type;
    // Larger than a page, so that the bytes live on overflow pages too.
    input.data = QByteArray("\x89PNG\r\n\x1a\n", 8) + marker.repeated(400);
    input.fileName = fileName;
    return input;
}

LaneRecord lane(const QString &provider, const QString &model)
{
    LaneRecord record;
    record.provider = provider;
    record.model = model;
    return record;
}

QString count(const QString &path, const QString &table)
{
    const QStringList rows = sql(path, {u"SELECT count(*) FROM "_s + table});
    return rows.isEmpty() ? QString() : rows.first();
}

} // namespace

class TestHistoryImages : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void roundTripKeepsOrderAndNames();
    void sameImageIsStoredOnce();
    void failedTurnWritesNoImage();
    void deleteErasesUnsharedImages();
    void migrationFromVersion3();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestHistoryImages::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"data/versus/history.sqlite"_s);
}

void TestHistoryImages::cleanup()
{
    m_dir.reset();
}

void TestHistoryImages::roundTripKeepsOrderAndNames()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    auto created = store.createConversation(u"pictures"_s, {lane(u"openai"_s, u"gpt-4.1"_s)});
    QVERIFY(created);
    const QList<ImageInput> images{image("Kangaroo", u"roo.png"_s), image("Echidna", u"spiky.jpg"_s, u"image/jpeg"_s),
                                   image("Platypus", QString(), u"image/webp"_s)};
    auto turn = store.addTurn(created->id, u"Which animals?"_s, {created->lanes.at(0).id}, images);
    QVERIFY2(turn, qPrintable(turn.error().message));
    QCOMPARE(turn->images, images);
    QVERIFY(store.addTurn(created->id, u"no pictures this time"_s, {created->lanes.at(0).id}));

    // A new store reads what is on disk, not what the first one remembers.
    store.close();
    HistoryStore reopened;
    QVERIFY(reopened.open(m_path));
    const auto loaded = reopened.conversation(created->id);
    QVERIFY(loaded);
    QCOMPARE(loaded->turns.size(), 2);
    QCOMPARE(loaded->turns.at(0).images, images);
    QCOMPARE(loaded->turns.at(0).images.at(1).sha256(), images.at(1).sha256());
    QVERIFY(loaded->turns.at(1).images.isEmpty());
    // readConversation() hands the same turns to its visitor.
    int visited = 0;
    QVERIFY(
        reopened.readConversation(created->id, [&](const ConversationRecord &, const TurnRecord &t, AnswerRecord &&) {
            if (t.position == 0) {
                QCOMPARE(t.images, images);
                ++visited;
            }
        }));
    QCOMPARE(visited, 1);
}

void TestHistoryImages::sameImageIsStoredOnce()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    auto a = store.createConversation(u"a"_s, {lane(u"groq"_s, u"scout"_s)});
    auto b = store.createConversation(u"b"_s, {lane(u"groq"_s, u"scout"_s)});
    QVERIFY(a && b);
    const ImageInput photo = image("Dingo", u"dingo.png"_s);
    ImageInput renamed = photo;
    renamed.fileName = u"same dog.png"_s;
    // Twice in one turn, again in a later turn and in another conversation: one row of bytes.
    QVERIFY(store.addTurn(a->id, u"one"_s, {a->lanes.at(0).id}, {photo, renamed}));
    QVERIFY(store.addTurn(a->id, u"two"_s, {a->lanes.at(0).id}, {photo}));
    QVERIFY(store.addTurn(b->id, u"three"_s, {b->lanes.at(0).id}, {renamed}));
    QCOMPARE(count(m_path, u"images"_s), u"1"_s);
    QCOMPARE(count(m_path, u"turn_images"_s), u"4"_s);
    QCOMPARE(sql(m_path, {u"SELECT sha256 FROM images"_s}), QStringList{photo.sha256()});
    QCOMPARE(sql(m_path, {u"SELECT size FROM images"_s}), QStringList{QString::number(photo.data.size())});
    // Each link keeps the name it was attached under.
    const auto loaded = store.conversation(a->id);
    QCOMPARE(loaded->turns.at(0).images, (QList<ImageInput>{photo, renamed}));
    QCOMPARE(store.conversation(b->id)->turns.at(0).images, QList<ImageInput>{renamed});
}

void TestHistoryImages::failedTurnWritesNoImage()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    auto a = store.createConversation(u"a"_s, {lane(u"groq"_s, u"scout"_s)});
    auto other = store.createConversation(u"other"_s, {lane(u"groq"_s, u"scout"_s)});
    QVERIFY(a && other);
    // A lane of another conversation fails the whole turn: the image is not left behind.
    const auto failed = store.addTurn(a->id, u"p"_s, {other->lanes.at(0).id}, {image("Bilby", u"b.png"_s)});
    QVERIFY(!failed);
    QCOMPARE(failed.error().kind, HistoryError::Kind::NotFound);
    QCOMPARE(count(m_path, u"images"_s), u"0"_s);
    QCOMPARE(count(m_path, u"turn_images"_s), u"0"_s);
    QCOMPARE(count(m_path, u"turns"_s), u"0"_s);

    // A failure after the turn and its images were written (the answer rows come last) rolls
    // them back with it: the images are inside the prompt's transaction.
    QCOMPARE(
        sql(m_path,
            {u"CREATE TRIGGER refuse_answers BEFORE INSERT ON answers BEGIN SELECT RAISE(ABORT, 'no answers'); END"_s}),
        QStringList());
    const auto aborted = store.addTurn(a->id, u"p"_s, {a->lanes.at(0).id}, {image("Bilby", u"b.png"_s)});
    QVERIFY(!aborted);
    QCOMPARE(count(m_path, u"images"_s), u"0"_s);
    QCOMPARE(count(m_path, u"turn_images"_s), u"0"_s);
    QCOMPARE(count(m_path, u"turns"_s), u"0"_s);
    QCOMPARE(sql(m_path, {u"DROP TRIGGER refuse_answers"_s}), QStringList());
    QVERIFY(store.addTurn(a->id, u"p"_s, {a->lanes.at(0).id}, {image("Bilby", u"b.png"_s)}));
    QCOMPARE(count(m_path, u"images"_s), u"1"_s); // the same write succeeds without the trigger
}

void TestHistoryImages::deleteErasesUnsharedImages()
{
    const QByteArray canary = "Quokkaimagecanary4711";
    const QByteArray shared = "Wombatsharedimage0815";
    HistoryStore store;
    QVERIFY(store.open(m_path));
    auto secret = store.createConversation(u"secret"_s, {lane(u"openai"_s, u"gpt-4.1"_s)});
    auto kept = store.createConversation(u"kept"_s, {lane(u"openai"_s, u"gpt-4.1"_s)});
    QVERIFY(secret && kept);
    QVERIFY(store.addTurn(secret->id, u"look"_s, {secret->lanes.at(0).id},
                          {image(canary, u"private.png"_s), image(shared, u"both.png"_s)}));
    QVERIFY(store.addTurn(kept->id, u"look too"_s, {kept->lanes.at(0).id}, {image(shared, u"both.png"_s)}));
    QCOMPARE(count(m_path, u"images"_s), u"2"_s);

    const auto bytes = [&]() -> QByteArray { return readAll(m_path) + readAll(m_path + u"-wal"_s); };
    // The test can fail: before the delete the canary is in the files' bytes.
    QVERIFY(bytes().contains(canary));

    QVERIFY(store.deleteConversation(secret->id));
    for (const QString &suffix : {QString(), u"-wal"_s})
        QVERIFY2(!readAll(m_path + suffix).contains(canary),
                 qPrintable(u"image canary left in history.sqlite"_s + suffix));
    // The image the other conversation still uses stays, whole.
    QCOMPARE(count(m_path, u"images"_s), u"1"_s);
    QCOMPARE(store.conversation(kept->id)->turns.at(0).images, QList<ImageInput>{image(shared, u"both.png"_s)});
    QVERIFY(bytes().contains(shared));

    // Deleting the last user of an image removes it too.
    QVERIFY(store.deleteConversation(kept->id));
    QCOMPARE(count(m_path, u"images"_s), u"0"_s);
    QVERIFY(!bytes().contains(shared));
}

void TestHistoryImages::migrationFromVersion3()
{
    // A file as version 3 left it: the released steps 1 to 3 and one conversation.
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    QStringList statements;
    for (const versus::history::Migration &migration : versus::history::migrations()) {
        if (migration.version <= 3)
            statements << migration.statements;
    }
    statements << u"INSERT INTO conversations VALUES (5, 'before images', 1700000000000, 1700000000000)"_s
               << u"INSERT INTO lanes VALUES (6, 5, 0, 'groq', 'scout', NULL, 0)"_s
               << u"INSERT INTO turns VALUES (7, 5, 0, 'What is a nebula?', 1700000001000)"_s
               << u"PRAGMA user_version = 3"_s << u"PRAGMA user_version"_s;
    QCOMPARE(sql(m_path, statements), QStringList{u"3"_s});
    const qint64 conversationId = 5;
    QCOMPARE(count(m_path, u"images"_s).left(6), u"error:"_s);

    HistoryStore store;
    const auto report = store.open(m_path);
    QVERIFY2(report, qPrintable(report.error().message));
    QCOMPARE(report->migratedFrom, 3);
    QCOMPARE(HistoryStore::schemaVersion(), 6);
    QCOMPARE(sql(m_path, {u"PRAGMA user_version"_s}), QStringList{u"6"_s});
    const auto old = store.conversation(conversationId);
    QVERIFY(old);
    QCOMPARE(old->turns.at(0).prompt, u"What is a nebula?"_s);
    QVERIFY(old->turns.at(0).images.isEmpty());
    // The migrated file takes images.
    const ImageInput picture = image("Nebula", u"m42.png"_s);
    QVERIFY(store.addTurn(conversationId, u"And this one?"_s, {old->lanes.at(0).id}, {picture}));
    QCOMPARE(store.conversation(conversationId)->turns.at(1).images, QList<ImageInput>{picture});
    QCOMPARE(sql(m_path, {u"PRAGMA integrity_check"_s}), QStringList{u"ok"_s});
}

QTEST_GUILESS_MAIN(TestHistoryImages)
#include "tst_historyimages.moc"

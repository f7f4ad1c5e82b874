// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryStore against real SQLite files in temporary directories.
#include "history/historystore.h"
#include "rawsql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace versus::history;

namespace {

constexpr QFileDevice::Permissions kOwnerReadWrite = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

mode_t modeOf(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

using versus::test::sql;

/// Makes @p path unwritable even for root: `chattr +i` as root, chmod otherwise.
/// Returns an empty string on success, else why it could not.
QString setImmutable(const QString &path, bool on)
{
    if (::geteuid() != 0) {
        const bool ok = QFileInfo(path).isDir()
                            ? QFile::setPermissions(path, on ? QFileDevice::ReadOwner | QFileDevice::ExeOwner
                                                             : QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                                   QFileDevice::ExeOwner)
                            : QFile::setPermissions(path, on ? QFileDevice::ReadOwner : kOwnerReadWrite);
        return ok ? QString() : u"chmod failed"_s;
    }
    QProcess chattr;
    chattr.start(u"chattr"_s, {on ? u"+i"_s : u"-i"_s, path});
    if (!chattr.waitForFinished(10000) || chattr.exitStatus() != QProcess::NormalExit || chattr.exitCode() != 0)
        return u"chattr %1 failed: %2"_s.arg(on ? u"+i"_s : u"-i"_s,
                                             QString::fromLocal8Bit(chattr.readAllStandardError()).trimmed() +
                                                 chattr.errorString());
    return {};
}

LaneRecord lane(const QString &provider, const QString &model, const QJsonObject &parameters = {})
{
    LaneRecord record;
    record.provider = provider;
    record.model = model;
    record.parameters = parameters;
    return record;
}

AnswerRecord finished(const AnswerRecord &streaming, AnswerState state, const QString &text, const QString &reasoning)
{
    AnswerRecord answer = streaming;
    answer.state = state;
    answer.text = text;
    answer.reasoning = reasoning;
    answer.finishedAt = QDateTime::currentDateTimeUtc();
    return answer;
}

/// A conversation of one lane and one finished turn.
ConversationRecord addSimple(HistoryStore &store, const QString &title, const QString &prompt, const QString &text,
                             const QString &reasoning = {})
{
    auto conversation = store.createConversation(title, {lane(u"groq"_s, u"llama"_s)});
    if (!conversation)
        return {};
    auto turn = store.addTurn(conversation->id, prompt, {conversation->lanes.at(0).id});
    if (!turn)
        return {};
    if (!store.finishAnswer(finished(turn->answers.at(0), AnswerState::Complete, text, reasoning)))
        return {};
    return *store.conversation(conversation->id);
}

// The version-1 schema as released, copied (not shared with the code) so that an edit to
// the migration list cannot silently change what an old file looks like.
const QStringList kVersion1Ddl = {
    u"CREATE TABLE conversations (id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '', "
    u"created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"_s,
    u"CREATE TABLE lanes (id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL REFERENCES conversations(id) "
    u"ON DELETE CASCADE, position INTEGER NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL, parameters TEXT, "
    u"removed INTEGER NOT NULL DEFAULT 0)"_s,
    u"CREATE TABLE turns (id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL REFERENCES conversations(id) "
    u"ON DELETE CASCADE, position INTEGER NOT NULL, prompt TEXT NOT NULL, created_at INTEGER NOT NULL)"_s,
    u"CREATE TABLE answers (id INTEGER PRIMARY KEY, turn_id INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE, "
    u"lane_id INTEGER NOT NULL REFERENCES lanes(id) ON DELETE CASCADE, state TEXT NOT NULL, "
    u"text TEXT NOT NULL DEFAULT '', reasoning TEXT NOT NULL DEFAULT '', tool_calls TEXT, finish_reason TEXT, "
    u"usage TEXT, metrics TEXT, cost TEXT, error TEXT, started_at INTEGER NOT NULL, finished_at INTEGER, "
    u"updated_at INTEGER NOT NULL)"_s,
    u"CREATE INDEX lanes_by_conversation ON lanes(conversation_id, position)"_s,
    u"CREATE UNIQUE INDEX turns_by_conversation ON turns(conversation_id, position)"_s,
    u"CREATE INDEX answers_by_turn ON answers(turn_id)"_s,
    u"CREATE INDEX answers_by_lane ON answers(lane_id)"_s,
    u"CREATE INDEX answers_streaming ON answers(state) WHERE state = 'streaming'"_s,
};

} // namespace

class TestHistoryStore : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void answerStateNames();
    void roundTripOfEveryMember();
    void listIsNewestFirst();
    void rename();
    void lanesAddedUpdatedRemoved();
    void unknownIdsAreNotFound();
    void turnMomentsAreDistinct();
    void streamingAnswersBecomeInterrupted();
    void search_data();
    void search();
    void searchSkipsDeletedConversations();
    void filePermissions();
    void migrationFromVersion1();
    void tooNewIsRefusedAndUntouched();
    void corruptFileIsMovedAside_data();
    void corruptFileIsMovedAside();
    void readOnlyIsUnwritable_data();
    void readOnlyIsUnwritable();
    void diskFullKeepsEarlierData();
    void deleteErasesTheBytes();
    void deleteWhileAnotherProcessReads();
    void corruptFileInUseIsLeftInPlace();
    void severalStoresInOneProcess();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestHistoryStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"data/versus/history.sqlite"_s);
}

void TestHistoryStore::cleanup()
{
    m_dir.reset();
}

void TestHistoryStore::answerStateNames()
{
    for (AnswerState state : {AnswerState::Streaming, AnswerState::Complete, AnswerState::Error, AnswerState::Cancelled,
                              AnswerState::Truncated, AnswerState::Interrupted}) {
        QVERIFY(!answerStateName(state).isEmpty());
        QCOMPARE(answerStateFromName(answerStateName(state)), state);
    }
    QCOMPARE(answerStateName(AnswerState::Interrupted), u"interrupted"_s);
    QCOMPARE(answerStateFromName(u"bogus"_s), std::nullopt);
}

void TestHistoryStore::roundTripOfEveryMember()
{
    HistoryStore store;
    auto report = store.open(m_path);
    QVERIFY2(report, qPrintable(report.error().message));
    QCOMPARE(report->path, QFileInfo(m_path).absoluteFilePath());
    QVERIFY(report->movedAsideTo.isEmpty());
    QCOMPARE(report->migratedFrom, -1);
    QCOMPARE(report->interruptedAnswers, 0);
    QVERIFY(store.isOpen());

    const QJsonObject parameters{{u"system"_s, u"Be brief."_s}, {u"temperature"_s, 0.25}, {u"max_tokens"_s, 512}};
    auto created =
        store.createConversation(u"Première comparaison"_s, {lane(u"groq"_s, u"openai/gpt-oss-120b"_s, parameters),
                                                             lane(u"ollama"_s, u"llama3:8b"_s)});
    QVERIFY(created);
    QCOMPARE(created->lanes.size(), 2);
    QCOMPARE(created->lanes.at(0).position, 0);
    QCOMPARE(created->lanes.at(1).position, 1);
    QVERIFY(created->lanes.at(0).id != created->lanes.at(1).id);

    auto turn = store.addTurn(created->id, u"Why is the sky blue? ☀ \"quotes\" 'and' \\back"_s,
                              {created->lanes.at(0).id, created->lanes.at(1).id});
    QVERIFY(turn);
    QCOMPARE(turn->position, 0);
    QCOMPARE(turn->answers.size(), 2);
    QCOMPARE(turn->answers.at(0).state, AnswerState::Streaming);
    QCOMPARE(turn->answers.at(0).laneId, created->lanes.at(0).id);
    QCOMPARE(turn->answers.at(1).turnId, turn->id);

    AnswerRecord first = finished(turn->answers.at(0), AnswerState::Complete, u"Rayleigh scattering.\nLine 2 — ü"_s,
                                  u"Think about wavelengths."_s);
    first.toolCalls = QJsonArray{QJsonObject{{u"id"_s, u"call_1"_s},
                                             {u"name"_s, u"calculator"_s},
                                             {u"arguments"_s, u"{\"expression\":\"6*7\"}"_s},
                                             {u"valid_json"_s, true}}};
    first.toolRounds = QJsonArray{QJsonObject{
        {u"round"_s, 1},
        {u"calls"_s, QJsonArray{QJsonObject{{u"name"_s, u"calculator"_s}, {u"result"_s, u"{\"result\":42}"_s}}}}}};
    first.structuredOutput =
        QJsonObject{{u"valid"_s, false}, {u"errors"_s, QJsonArray{QJsonObject{{u"pointer"_s, u"/a"_s}}}}};
    first.finishReason = u"stop"_s;
    first.usage = QJsonObject{{u"prompt_tokens"_s, 12}, {u"completion_tokens"_s, 34}, {u"source"_s, u"provider"_s}};
    first.metrics = QJsonObject{{u"ttft_ms"_s, 120.5}, {u"e2e_ms"_s, 900}, {u"server"_s, QJsonValue::Null}};
    first.cost = QJsonObject{{u"total_usd"_s, 0.000123}, {u"estimated"_s, false}};
    QVERIFY(store.finishAnswer(first));

    AnswerRecord second = finished(turn->answers.at(1), AnswerState::Error, {}, {});
    second.error = QJsonObject{{u"kind"_s, u"rate_limit"_s}, {u"http_status"_s, 429}, {u"message"_s, u"slow down"_s}};
    QVERIFY(store.finishAnswer(second));

    ConversationRecord expected = *created;
    TurnRecord expectedTurn = *turn;
    expectedTurn.answers = {first, second};
    expected.turns = {expectedTurn};

    auto loaded = store.conversation(created->id);
    QVERIFY(loaded);
    QVERIFY(loaded->updatedAt >= created->createdAt);
    expected.updatedAt = loaded->updatedAt;
    QCOMPARE(loaded->lanes, expected.lanes);
    QCOMPARE(loaded->turns.at(0).answers.at(0), first);
    QCOMPARE(loaded->turns.at(0).answers.at(1), second);
    QCOMPARE(*loaded, expected);

    // ...and again from the file, through a new store.
    store.close();
    QVERIFY(!store.isOpen());
    HistoryStore again;
    QVERIFY(again.open(m_path));
    QCOMPARE(*again.conversation(created->id), expected);
}

void TestHistoryStore::listIsNewestFirst()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    QVERIFY(store.conversations()->isEmpty());
    const ConversationRecord a = addSimple(store, u"A"_s, u"first"_s, u"one"_s);
    QTest::qSleep(3);
    const ConversationRecord b = addSimple(store, u"B"_s, u"second"_s, u"two"_s);
    QTest::qSleep(3);
    auto c = store.createConversation(u"C"_s, {lane(u"openai"_s, u"gpt-4o"_s), lane(u"groq"_s, u"x"_s)});
    QVERIFY(c);

    auto list = store.conversations();
    QVERIFY(list);
    QCOMPARE(list->size(), 3);
    QCOMPARE(list->at(0).id, c->id);
    QCOMPARE(list->at(1).id, b.id);
    QCOMPARE(list->at(2).id, a.id);
    QCOMPARE(list->at(0).targets, QStringList({u"openai:gpt-4o"_s, u"groq:x"_s}));
    QCOMPARE(list->at(0).laneCount, 2);
    QCOMPARE(list->at(0).turnCount, 0);
    QCOMPARE(list->at(2).title, u"A"_s);
    QCOMPARE(list->at(2).turnCount, 1);
    QCOMPARE(list->at(2).createdAt, a.createdAt);
    QCOMPARE(list->at(2).updatedAt, a.updatedAt);

    // A new turn in A makes it the newest.
    QTest::qSleep(3);
    QVERIFY(store.addTurn(a.id, u"more"_s, {a.lanes.at(0).id}));
    list = store.conversations();
    QCOMPARE(list->at(0).id, a.id);
    QCOMPARE(list->at(0).turnCount, 2);
}

void TestHistoryStore::rename()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    const ConversationRecord a = addSimple(store, u"Old"_s, u"p"_s, u"t"_s);
    QVERIFY(store.renameConversation(a.id, u"New title"_s));
    QCOMPARE(store.conversation(a.id)->title, u"New title"_s);
    QCOMPARE(store.conversations()->at(0).title, u"New title"_s);
    const auto missing = store.renameConversation(a.id + 100, u"x"_s);
    QVERIFY(!missing);
    QCOMPARE(missing.error().kind, HistoryError::Kind::NotFound);
}

void TestHistoryStore::lanesAddedUpdatedRemoved()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    auto created = store.createConversation(u"lanes"_s, {lane(u"groq"_s, u"a"_s)});
    QVERIFY(created);
    auto added = store.addLane(created->id, lane(u"mistral"_s, u"b"_s, {{u"temperature"_s, 1}}));
    QVERIFY(added);
    QCOMPARE(added->position, 1);
    QVERIFY(added->id > 0);

    QVERIFY(store.addTurn(created->id, u"to both"_s, {created->lanes.at(0).id, added->id}));

    LaneRecord changed = *added;
    changed.model = u"b-large"_s;
    changed.parameters = {{u"temperature"_s, 0.5}, {u"system"_s, u"x"_s}};
    changed.removed = true;
    QVERIFY(store.updateLane(changed));

    auto loaded = store.conversation(created->id);
    QVERIFY(loaded);
    QCOMPARE(loaded->lanes.size(), 2);
    QCOMPARE(loaded->lanes.at(0), created->lanes.at(0));
    QCOMPARE(loaded->lanes.at(1), changed);
    // The removed lane's answer is still history.
    QCOMPARE(loaded->turns.at(0).answers.size(), 2);
    QCOMPARE(loaded->turns.at(0).answers.at(1).laneId, added->id);
    QCOMPARE(store.conversations()->at(0).targets, QStringList({u"groq:a"_s, u"mistral:b-large"_s}));

    // A later turn to the remaining lane only.
    auto second = store.addTurn(created->id, u"one lane"_s, {created->lanes.at(0).id});
    QVERIFY(second);
    QCOMPARE(second->position, 1);
    QCOMPARE(store.conversation(created->id)->turns.at(1).answers.size(), 1);

    LaneRecord ghost = changed;
    ghost.id = 9999;
    QCOMPARE(store.updateLane(ghost).error().kind, HistoryError::Kind::NotFound);
    QCOMPARE(store.addLane(9999, lane(u"a"_s, u"b"_s)).error().kind, HistoryError::Kind::NotFound);
}

void TestHistoryStore::unknownIdsAreNotFound()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    const ConversationRecord a = addSimple(store, u"A"_s, u"p"_s, u"t"_s);
    QCOMPARE(store.conversation(4242).error().kind, HistoryError::Kind::NotFound);
    QCOMPARE(store.addTurn(4242, u"p"_s, {}).error().kind, HistoryError::Kind::NotFound);
    // A lane of another conversation is refused and nothing is written.
    auto other = store.createConversation(u"B"_s, {lane(u"x"_s, u"y"_s)});
    QCOMPARE(store.addTurn(a.id, u"p"_s, {other->lanes.at(0).id}).error().kind, HistoryError::Kind::NotFound);
    QCOMPARE(store.conversation(a.id)->turns.size(), 1);
    QCOMPARE(store.checkpointAnswer(4242, u"x"_s, {}).error().kind, HistoryError::Kind::NotFound);
    // A finished answer is not rewritten by a late checkpoint.
    QCOMPARE(store.checkpointAnswer(a.turns.at(0).answers.at(0).id, u"late"_s, {}).error().kind,
             HistoryError::Kind::NotFound);
    QCOMPARE(store.conversation(a.id)->turns.at(0).answers.at(0).text, u"t"_s);
    AnswerRecord ghost;
    ghost.id = 4242;
    QCOMPARE(store.finishAnswer(ghost).error().kind, HistoryError::Kind::NotFound);
    QCOMPARE(store.deleteConversation(4242).error().kind, HistoryError::Kind::NotFound);
}

void TestHistoryStore::turnMomentsAreDistinct()
{
    // A turn's moment is its key across lanes: the next turn comes after the last one even
    // within the same millisecond, and never before the moment the caller asks for.
    HistoryStore store;
    QVERIFY(store.open(m_path));
    const ConversationRecord a = addSimple(store, u"A"_s, u"p"_s, u"t"_s);
    const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(3600);
    auto asked = store.addTurn(a.id, u"second"_s, {a.lanes.at(0).id}, {}, later);
    QVERIFY(asked);
    QCOMPARE(asked->createdAt, later);
    auto next = store.addTurn(a.id, u"third"_s, {a.lanes.at(0).id});
    QVERIFY(next);
    QCOMPARE(next->createdAt, later.addMSecs(1));
    const ConversationRecord stored = store.conversation(a.id).value();
    QCOMPARE(stored.turns.size(), 3);
    QVERIFY(stored.turns.at(0).createdAt < stored.turns.at(1).createdAt);
    QCOMPARE(stored.turns.at(2).createdAt, later.addMSecs(1));
}

void TestHistoryStore::streamingAnswersBecomeInterrupted()
{
    qint64 conversationId = 0;
    qint64 answerId = 0;
    {
        HistoryStore store;
        QVERIFY(store.open(m_path));
        auto created = store.createConversation(u"cut"_s, {lane(u"groq"_s, u"a"_s), lane(u"groq"_s, u"b"_s)});
        auto turn =
            store.addTurn(created->id, u"tell me a long story"_s, {created->lanes.at(0).id, created->lanes.at(1).id});
        QVERIFY(turn);
        conversationId = created->id;
        answerId = turn->answers.at(0).id;
        QVERIFY(store.checkpointAnswer(answerId, u"Once upon"_s, u"plan"_s));
        QVERIFY(store.checkpointAnswer(answerId, u"Once upon a time"_s, u"plan: story"_s));
        QVERIFY(store.finishAnswer(finished(turn->answers.at(1), AnswerState::Cancelled, u"x"_s, {})));
        // Not indexed while streaming, so "time" is not found yet.
        QCOMPARE(store.search(u"time"_s)->size(), 0);
    }
    HistoryStore store;
    auto report = store.open(m_path);
    QVERIFY(report);
    QCOMPARE(report->interruptedAnswers, 1);
    auto loaded = store.conversation(conversationId);
    QCOMPARE(loaded->turns.at(0).answers.at(0).state, AnswerState::Interrupted);
    QCOMPARE(loaded->turns.at(0).answers.at(0).text, u"Once upon a time"_s);
    QCOMPARE(loaded->turns.at(0).answers.at(0).reasoning, u"plan: story"_s);
    QVERIFY(!loaded->turns.at(0).answers.at(0).finishedAt.isValid());
    QCOMPARE(loaded->turns.at(0).answers.at(1).state, AnswerState::Cancelled);
    // Interrupted text is searchable.
    QCOMPARE(store.search(u"time"_s)->size(), 1);
    QCOMPARE(store.search(u"time"_s)->at(0).answerId, answerId);
    store.close();
    QCOMPARE(store.open(m_path)->interruptedAnswers, 0);
}

void TestHistoryStore::search_data()
{
    QTest::addColumn<QString>("words");
    QTest::addColumn<QStringList>("snippets"); ///< "p:" prompt hits, "a:" answer hits, in any order

    QTest::addRow("word in prompt") << u"telescope"_s << QStringList{u"p:Which [telescope] should I buy?"_s};
    QTest::addRow("case and accents fold") << u"TÉLESCOPE"_s << QStringList{u"p:Which [telescope] should I buy?"_s};
    QTest::addRow("word in answer text") << u"refractor"_s << QStringList{u"a:A small [refractor] is a good start."_s};
    QTest::addRow("word in reasoning") << u"budget"_s << QStringList{u"a:The user has a small [budget]."_s};
    QTest::addRow("every word must occur")
        << u"small refractor"_s << QStringList{u"a:A [small] [refractor] is a good start."_s};
    QTest::addRow("words in different rows do not match") << u"telescope refractor"_s << QStringList{};
    QTest::addRow("NEAR is a word") << u"NEAR"_s << QStringList{u"a:Stars [near] the NCP* never set."_s};
    QTest::addRow("OR is a word, not an operator") << u"refractor OR nothingatall"_s << QStringList{};
    QTest::addRow("NOT is a word") << u"refractor NOT"_s << QStringList{};
    QTest::addRow("star is no prefix operator") << u"refr*"_s << QStringList{};
    QTest::addRow("star after a whole word") << u"NCP*"_s << QStringList{u"a:Stars near the [NCP]* never set."_s};
    QTest::addRow("lone quote") << u"\""_s << QStringList{};
    QTest::addRow("unbalanced quote") << u"\"telescope"_s << QStringList{u"p:Which [telescope] should I buy?"_s};
    QTest::addRow("parenthesis and colon")
        << u"(telescope: buy)"_s << QStringList{u"p:Which [telescope] should I [buy]?"_s};
    QTest::addRow("minus and caret") << u"-telescope ^buy"_s << QStringList{u"p:Which [telescope] should I [buy]?"_s};
    QTest::addRow("only operators") << u"* ( ) : ^ + -"_s << QStringList{};
    QTest::addRow("empty") << QString() << QStringList{};
    QTest::addRow("unknown word") << u"zyzzyva"_s << QStringList{};
}

void TestHistoryStore::search()
{
    QFETCH(QString, words);
    QFETCH(QStringList, snippets);
    HistoryStore store;
    QVERIFY(store.open(m_path));
    const ConversationRecord first =
        addSimple(store, u"Astronomy"_s, u"Which telescope should I buy?"_s, u"A small refractor is a good start."_s,
                  u"The user has a small budget."_s);
    const ConversationRecord second =
        addSimple(store, u"Sky"_s, u"Circumpolar?"_s, u"Stars near the NCP* never set."_s);
    QVERIFY(first.id && second.id);

    auto hits = store.search(words);
    QVERIFY2(hits, qPrintable(hits ? QString() : hits.error().message));
    QStringList got;
    for (const SearchHit &hit : *hits) {
        const ConversationRecord &owner = hit.conversationId == first.id ? first : second;
        QCOMPARE(hit.conversationTitle, owner.title);
        QCOMPARE(hit.turnId, owner.turns.at(0).id);
        QCOMPARE(hit.updatedAt, owner.updatedAt);
        QCOMPARE(hit.answerId, hit.answerId ? owner.turns.at(0).answers.at(0).id : 0);
        got << (hit.answerId ? u"a:"_s : u"p:"_s) + hit.snippet;
    }
    got.sort();
    snippets.sort();
    QCOMPARE(got, snippets);
}

void TestHistoryStore::searchSkipsDeletedConversations()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    const ConversationRecord gone = addSimple(store, u"gone"_s, u"quasar question"_s, u"quasar answer"_s);
    const ConversationRecord kept = addSimple(store, u"kept"_s, u"pulsar question"_s, u"quasar too"_s);
    QCOMPARE(store.search(u"quasar"_s)->size(), 3);
    QVERIFY(store.deleteConversation(gone.id));
    auto hits = store.search(u"quasar"_s);
    QCOMPARE(hits->size(), 1);
    QCOMPARE(hits->at(0).conversationId, kept.id);
    QCOMPARE(store.search(u"question"_s)->size(), 1);
    QCOMPARE(store.search(u"quasar"_s, 0)->size(), 0);
    QCOMPARE(store.conversation(gone.id).error().kind, HistoryError::Kind::NotFound);
    QCOMPARE(store.conversations()->size(), 1);
}

void TestHistoryStore::filePermissions()
{
    // Whatever the umask, the store decides the modes itself.
    const mode_t oldMask = ::umask(0);
    const auto restore = qScopeGuard([oldMask] { ::umask(oldMask); });
    HistoryStore store;
    QVERIFY(store.open(m_path));
    QVERIFY(store.createConversation(u"x"_s, {lane(u"a"_s, u"b"_s)}));
    const QString dir = QFileInfo(m_path).absolutePath();
    QCOMPARE(modeOf(dir), mode_t(0700));
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        QVERIFY2(QFileInfo::exists(m_path + suffix), qPrintable(suffix));
        QCOMPARE(modeOf(m_path + suffix), mode_t(0600));
    }
    store.close();

    // A file left 0644 by something else is made private again.
    QVERIFY(QFile::setPermissions(m_path, kOwnerReadWrite | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QCOMPARE(modeOf(m_path), mode_t(0644));
    QVERIFY(store.open(m_path));
    QVERIFY(store.createConversation(u"y"_s, {}));
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
        QCOMPARE(modeOf(m_path + suffix), mode_t(0600));
}

void TestHistoryStore::migrationFromVersion1()
{
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    QStringList statements = kVersion1Ddl;
    statements << u"INSERT INTO conversations VALUES (7, 'Old one', 1700000000000, 1700000005000)"_s
               << u"INSERT INTO lanes VALUES (3, 7, 0, 'groq', 'llama', '{\"temperature\":0.5}', 0)"_s
               << u"INSERT INTO lanes VALUES (4, 7, 1, 'openai', 'gpt', NULL, 1)"_s
               << u"INSERT INTO turns VALUES (11, 7, 0, 'What is a nebula?', 1700000001000)"_s
               << u"INSERT INTO answers VALUES (21, 11, 3, 'complete', 'A cloud of interstellar gas.', 'dust', "
                  u"NULL, 'stop', '{\"prompt_tokens\":5}', NULL, NULL, NULL, 1700000001000, 1700000004000, "
                  u"1700000004000)"_s
               << u"INSERT INTO answers VALUES (22, 11, 4, 'streaming', 'partial nebula text', '', NULL, NULL, NULL, "
                  u"NULL, NULL, NULL, 1700000001000, NULL, 1700000002000)"_s
               << u"PRAGMA user_version = 1"_s;
    QCOMPARE(sql(m_path, statements), QStringList());
    QCOMPARE(sql(m_path, {u"PRAGMA user_version"_s}), QStringList{u"1"_s});

    {
        HistoryStore store;
        auto report = store.open(m_path);
        QVERIFY2(report, qPrintable(report.error().message));
        QCOMPARE(report->migratedFrom, 1);
        QCOMPARE(report->interruptedAnswers, 1);
        QVERIFY(report->movedAsideTo.isEmpty());

        auto loaded = store.conversation(7);
        QVERIFY(loaded);
        QCOMPARE(loaded->title, u"Old one"_s);
        QCOMPARE(loaded->createdAt, QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC));
        QCOMPARE(loaded->lanes.size(), 2);
        QCOMPARE(loaded->lanes.at(0).parameters, QJsonObject({{u"temperature"_s, 0.5}}));
        QVERIFY(loaded->lanes.at(1).removed);
        QCOMPARE(loaded->turns.size(), 1);
        QCOMPARE(loaded->turns.at(0).prompt, u"What is a nebula?"_s);
        const AnswerRecord &answer = loaded->turns.at(0).answers.at(0);
        QCOMPARE(answer.text, u"A cloud of interstellar gas."_s);
        QCOMPARE(answer.usage, QJsonObject({{u"prompt_tokens"_s, 5}}));
        QCOMPARE(answer.finishedAt, QDateTime::fromMSecsSinceEpoch(1700000004000, Qt::UTC));
        QCOMPARE(loaded->turns.at(0).answers.at(1).state, AnswerState::Interrupted);

        // Old rows are in the new index.
        QCOMPARE(store.search(u"nebula"_s)->size(), 2); // the prompt and the interrupted answer
        QCOMPARE(store.search(u"interstellar"_s)->size(), 1);
        QCOMPARE(store.search(u"interstellar"_s)->at(0).answerId, 21);
        // And new rows go on from the old ids.
        auto turn = store.addTurn(7, u"And a galaxy?"_s, {3});
        QVERIFY(turn);
        QCOMPARE(turn->position, 1);
        QCOMPARE(store.search(u"galaxy"_s)->size(), 1);
    }
    QCOMPARE(sql(m_path, {u"PRAGMA user_version"_s}), QStringList{QString::number(HistoryStore::schemaVersion())});
    QCOMPARE(HistoryStore::schemaVersion(), 6);
    QCOMPARE(sql(m_path, {u"PRAGMA integrity_check"_s}), QStringList{u"ok"_s});
    // Rows from before version 3 have no trace and no structured-output check.
    QCOMPARE(
        sql(m_path,
            {u"SELECT count(*) FROM answers WHERE id IN (21, 22) AND tool_rounds IS NULL AND structured_output IS NULL"_s}),
        QStringList{u"2"_s});
    HistoryStore store;
    QCOMPARE(store.open(m_path)->migratedFrom, -1);
}

void TestHistoryStore::tooNewIsRefusedAndUntouched()
{
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    QCOMPARE(sql(m_path, {u"CREATE TABLE future (x)"_s, u"INSERT INTO future VALUES ('from the future')"_s,
                          u"PRAGMA user_version = 99"_s}),
             QStringList());
    const QByteArray before = readAll(m_path);
    QVERIFY(!before.isEmpty());

    HistoryStore store;
    auto report = store.open(m_path);
    QVERIFY(!report);
    QCOMPARE(report.error().kind, HistoryError::Kind::TooNew);
    QVERIFY(report.error().message.contains(u"99"_s));
    QVERIFY(!store.isOpen());
    QCOMPARE(readAll(m_path), before);
    QCOMPARE(QDir(QFileInfo(m_path).absolutePath()).entryList(QDir::Files), QStringList{u"history.sqlite"_s});
}

void TestHistoryStore::corruptFileIsMovedAside_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addRow("random bytes") << u"random"_s;
    QTest::addRow("truncated database") << u"truncate"_s;
    QTest::addRow("damaged page") << u"page"_s;
}

void TestHistoryStore::corruptFileIsMovedAside()
{
    QFETCH(QString, damage);
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    QRandomGenerator random(42);
    if (damage == u"random") {
        QByteArray bytes(64 * 1024, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random.bounded(256));
        QVERIFY(writeAll(m_path, bytes));
    } else {
        {
            HistoryStore store;
            QVERIFY(store.open(m_path));
            auto created = store.createConversation(u"big"_s, {lane(u"a"_s, u"b"_s)});
            for (int i = 0; i < 120; ++i) {
                auto turn =
                    store.addTurn(created->id, u"prompt %1 "_s.arg(i) + QString(400, u'p'), {created->lanes.at(0).id});
                QVERIFY(turn);
                QVERIFY(store.finishAnswer(finished(turn->answers.at(0), AnswerState::Complete,
                                                    u"answer %1 "_s.arg(i) + QString(600, u'a'), {})));
            }
        } // closing checkpoints everything into the main file
        QByteArray bytes = readAll(m_path);
        QVERIFY(bytes.size() > 40 * 4096);
        if (damage == u"truncate") {
            bytes.truncate(bytes.size() / 2);
        } else {
            // Scribble over the middle of several pages past the schema page.
            for (int page = 3; page < 12; ++page) {
                for (int i = 0; i < 1500; ++i)
                    bytes[page * 4096 + 40 + i] = char(random.bounded(256));
            }
        }
        QVERIFY(writeAll(m_path, bytes));
    }
    // The companions must travel with the main file.
    QVERIFY(writeAll(m_path + u"-wal"_s, "not a wal"));
    QVERIFY(writeAll(m_path + u"-shm"_s, QByteArray(32768, '\0')));
    const QByteArray corruptBytes = readAll(m_path);

    HistoryStore store;
    auto report = store.open(m_path);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QVERIFY(!report->movedAsideTo.isEmpty());
    QVERIFY(!report->corruptionReason.isEmpty());
    QVERIFY2(QRegularExpression(u"^"_s + QRegularExpression::escape(m_path) + u"\\.corrupt-\\d{8}-\\d{6}$"_s)
                 .match(report->movedAsideTo)
                 .hasMatch(),
             qPrintable(report->movedAsideTo));
    QCOMPARE(readAll(report->movedAsideTo), corruptBytes);
    QCOMPARE(readAll(report->movedAsideTo + u"-wal"_s), QByteArray("not a wal"));
    QCOMPARE(readAll(report->movedAsideTo + u"-shm"_s).size(), 32768);

    // A fresh store works.
    QVERIFY(store.conversations()->isEmpty());
    const ConversationRecord fresh = addSimple(store, u"fresh"_s, u"new start"_s, u"works"_s);
    QCOMPARE(store.conversations()->size(), 1);
    QCOMPARE(store.search(u"start"_s)->size(), 1);
    store.close();
    QCOMPARE(sql(m_path, {u"PRAGMA integrity_check"_s}), QStringList{u"ok"_s});
    QVERIFY(store.open(m_path)->movedAsideTo.isEmpty());
    QCOMPARE(store.conversation(fresh.id)->title, u"fresh"_s);
}

void TestHistoryStore::readOnlyIsUnwritable_data()
{
    QTest::addColumn<bool>("existing");
    QTest::addColumn<bool>("lockFile"); ///< the file itself, else its directory
    QTest::addRow("new store in a read-only directory") << false << false;
    QTest::addRow("existing store in a read-only directory") << true << false;
    QTest::addRow("read-only database file") << true << true;
}

void TestHistoryStore::readOnlyIsUnwritable()
{
    QFETCH(bool, existing);
    QFETCH(bool, lockFile);
    const QString dir = QFileInfo(m_path).absolutePath();
    QVERIFY(QDir().mkpath(dir));
    qint64 keptId = 0;
    if (existing) {
        HistoryStore store;
        QVERIFY(store.open(m_path));
        keptId = addSimple(store, u"kept"_s, u"before read-only"_s, u"still here"_s).id;
        QVERIFY(keptId);
    }
    const QString locked = lockFile ? m_path : dir;
    if (const QString why = setImmutable(locked, true); !why.isEmpty())
        QSKIP(qPrintable(u"no way to make a path read-only for this user here: "_s + why));
    auto unlock = qScopeGuard([&] { setImmutable(locked, false); });
    // Prove the mechanism holds for this user (root ignores plain permissions).
    QFile probe(lockFile ? m_path : dir + u"/probe"_s);
    QVERIFY2(!probe.open(QIODevice::ReadWrite | QIODevice::Append), "the read-only mechanism did not stop a write");

    HistoryStore store;
    auto report = store.open(m_path);
    QVERIFY(!report);
    QCOMPARE(report.error().kind, HistoryError::Kind::Unwritable);
    QVERIFY(!report.error().message.isEmpty());
    QVERIFY(!store.isOpen());
    // Nothing was moved aside or created.
    QCOMPARE(QDir(dir).entryList({u"*.corrupt-*"_s}, QDir::Files), QStringList());

    unlock.dismiss();
    QCOMPARE(setImmutable(locked, false), QString());
    if (existing) {
        auto reopened = store.open(m_path);
        QVERIFY(reopened);
        QVERIFY(reopened->movedAsideTo.isEmpty());
        QCOMPARE(store.conversation(keptId)->turns.at(0).answers.at(0).text, u"still here"_s);
    }
}

void TestHistoryStore::diskFullKeepsEarlierData()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    const ConversationRecord kept = addSimple(store, u"kept"_s, u"small prompt"_s, u"small answer"_s);
    auto streaming = store.addTurn(kept.id, u"second"_s, {kept.lanes.at(0).id});
    QVERIFY(streaming);
    QVERIFY(store.checkpointAnswer(streaming->answers.at(0).id, u"partial"_s, {}));
    const ConversationRecord before = *store.conversation(kept.id);

    // The database may not grow past its current size: the next big write hits SQLITE_FULL.
    QVERIFY(store.setMaxPageCountForTesting(1));
    const QString big(200 * 1024, u'x');
    auto turn = store.addTurn(kept.id, big, {kept.lanes.at(0).id});
    QVERIFY(!turn);
    QCOMPARE(turn.error().kind, HistoryError::Kind::DiskFull);
    auto checkpoint = store.checkpointAnswer(streaming->answers.at(0).id, big, {});
    QVERIFY(!checkpoint);
    QCOMPARE(checkpoint.error().kind, HistoryError::Kind::DiskFull);
    auto created = store.createConversation(big, {});
    QCOMPARE(created.error().kind, HistoryError::Kind::DiskFull);

    // Nothing of the failed writes, everything of the earlier ones; the store still works.
    QCOMPARE(*store.conversation(kept.id), before);
    QCOMPARE(store.conversations()->size(), 1);
    QVERIFY(store.checkpointAnswer(streaming->answers.at(0).id, u"partial, more"_s, {}));
    store.close();

    QCOMPARE(sql(m_path, {u"PRAGMA integrity_check"_s}), QStringList{u"ok"_s});
    QVERIFY(store.open(m_path));
    auto after = store.conversation(kept.id);
    QCOMPARE(after->turns.size(), 2);
    QCOMPARE(after->turns.at(0), before.turns.at(0));
    QCOMPARE(after->turns.at(1).answers.at(0).text, u"partial, more"_s);
    QCOMPARE(after->turns.at(1).answers.at(0).state, AnswerState::Interrupted);
}

void TestHistoryStore::deleteErasesTheBytes()
{
    const QByteArray canary = "Quokkacanary4711";
    const QByteArray keeper = "Wombatkeeper0815";
    HistoryStore store;
    QVERIFY(store.open(m_path));
    const QString c = QString::fromLatin1(canary);
    const QString k = QString::fromLatin1(keeper);
    const ConversationRecord secret =
        addSimple(store, u"secret "_s + c, u"prompt about "_s + c, u"answer with "_s + c, u"reasoning on "_s + c);
    const ConversationRecord other =
        addSimple(store, u"other"_s, u"prompt about "_s + k, u"answer with "_s + k, u"reasoning on "_s + k);
    QCOMPARE(store.search(c)->size(), 2);

    const auto bytes = [&]() -> QByteArray { return readAll(m_path) + readAll(m_path + u"-wal"_s); };
    // The test can fail: before the delete the canary is in the files' bytes.
    QVERIFY(bytes().contains(canary));

    QVERIFY(store.deleteConversation(secret.id));
    QCOMPARE(store.search(c)->size(), 0);
    for (const QString &suffix : {QString(), u"-wal"_s}) {
        const QByteArray raw = readAll(m_path + suffix);
        QVERIFY2(!raw.contains(canary), qPrintable(u"canary left in history.sqlite"_s + suffix));
        QVERIFY2(!raw.contains(canary.toLower()), qPrintable(u"indexed canary left in history.sqlite"_s + suffix));
    }
    QVERIFY(readAll(m_path).contains(keeper));
    QCOMPARE(store.search(k)->size(), 2);
    QCOMPARE(store.conversation(other.id)->turns.at(0).answers.at(0).reasoning, u"reasoning on "_s + k);
}

void TestHistoryStore::deleteWhileAnotherProcessReads()
{
    const QByteArray canary = "Numbatcanary2024";
    HistoryStore store;
    QVERIFY(store.open(m_path));
    const QString c = QString::fromLatin1(canary);
    const ConversationRecord secret = addSimple(store, u"secret "_s + c, u"prompt "_s + c, u"answer "_s + c);

    // A reader in the middle of a read transaction holds a snapshot: the WAL cannot be truncated.
    QSqlDatabase reader = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"reader"_s);
    reader.setDatabaseName(m_path);
    QVERIFY(reader.open());
    {
        QSqlQuery read(reader);
        QVERIFY(read.exec(u"BEGIN"_s));
        QVERIFY(read.exec(u"SELECT count(*) FROM answers"_s) && read.next());
        // The conversation is deleted (not an error), and gone from every list and search.
        QVERIFY(store.deleteConversation(secret.id));
        QVERIFY(!store.conversation(secret.id));
        QCOMPARE(store.search(c)->size(), 0);
        QVERIFY(read.exec(u"COMMIT"_s));
    }
    reader.close();
    reader = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"reader"_s);

    // Once the store closes, the text has left the file's bytes too.
    store.close();
    for (const QString &suffix : {QString(), u"-wal"_s})
        QVERIFY2(!readAll(m_path + suffix).contains(canary), qPrintable(u"canary left in history.sqlite"_s + suffix));
}

void TestHistoryStore::corruptFileInUseIsLeftInPlace()
{
    // A Versus has the file open (it holds the writer lock) when another process finds it damaged.
    HistoryStore running;
    QVERIFY(running.open(m_path));
    addSimple(running, u"kept"_s, u"p"_s, u"t"_s);
    // (a delete checkpoints the WAL into the file, so that the damage below is what is read)
    QVERIFY(running.deleteConversation(addSimple(running, u"gone"_s, u"p"_s, u"t"_s).id));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.write(QByteArray(16, '\x33')); // "SQLite format 3": not a database any more
    file.close();

    QProcess other; // the lock is per process: the check runs in another one
    other.start(QStringLiteral(VERSUS_HISTORY_OPEN_PROBE), {m_path});
    QVERIFY(other.waitForFinished(30000));
    const QString said = QString::fromUtf8(other.readAllStandardOutput());
    QVERIFY2(said.startsWith(u"error corrupt"_s), qPrintable(said));
    QVERIFY(said.contains(u"another running Versus"_s));
    // Nothing was moved: the running store's file is where it was.
    QVERIFY(QFile::exists(m_path));
    QVERIFY(QDir(QFileInfo(m_path).path()).entryList({u"*.corrupt-*"_s}).isEmpty());
}

void TestHistoryStore::severalStoresInOneProcess()
{
    HistoryStore first;
    HistoryStore second;
    QVERIFY(first.open(m_dir->filePath(u"one/history.sqlite"_s)));
    QVERIFY(second.open(m_dir->filePath(u"two/history.sqlite"_s)));
    addSimple(first, u"in one"_s, u"p"_s, u"t"_s);
    QCOMPARE(first.conversations()->size(), 1);
    QCOMPARE(second.conversations()->size(), 0);
    second.close();
    QCOMPARE(first.conversations()->size(), 1);
    QVERIFY(first.path().endsWith(u"one/history.sqlite"_s));
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Writer for tst_historycrash: opens the store, then forever adds a turn and streams its
// answers with checkpoints, printing an "ack-..." line only after each call returned. The
// test kills it with SIGKILL at random moments and checks every acknowledged write.
//   history_crash_writer DATABASE SEED
#include "crashtext.h"
#include "history/historystore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace versus::history;

namespace {

void ack(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

[[noreturn]] void fail(const QString &what, const HistoryError &error)
{
    std::fprintf(stderr, "crash writer: %s: %s\n", qPrintable(what), qPrintable(error.message));
    std::exit(3);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: history_crash_writer DATABASE SEED\n");
        return 2;
    }
    QRandomGenerator random(args.at(2).toUInt());

    HistoryStore store;
    const auto report = store.open(args.at(1));
    if (!report)
        fail(u"open"_s, report.error());
    ack(u"ack-open %1"_s.arg(report->interruptedAnswers));

    ConversationRecord conversation;
    const auto list = store.conversations();
    if (!list)
        fail(u"list"_s, list.error());
    auto loaded = list->isEmpty() ? store.createConversation(u"crash"_s, {LaneRecord{0, 0, u"a"_s, u"m1"_s, {}, false},
                                                                          LaneRecord{0, 0, u"b"_s, u"m2"_s, {}, false}})
                                  : store.conversation(list->first().id);
    if (!loaded)
        fail(u"conversation"_s, loaded.error());
    conversation = *loaded;
    const QList<qint64> laneIds = {conversation.lanes.at(0).id, conversation.lanes.at(1).id};

    TurnRecord turn;
    QList<QString> texts;
    int checkpointsLeft = 0;
    int round = 0;
    QElapsedTimer sinceCheckpoint;
    qint64 nextCheckpointMs = 0;

    const auto startTurn = [&] {
        const QString prompt = u"prompt %1 round %2 ünïcode"_s.arg(args.at(2)).arg(round++);
        auto added = store.addTurn(conversation.id, prompt, laneIds);
        if (!added)
            fail(u"addTurn"_s, added.error());
        turn = *added;
        ack(u"ack-turn %1 %2"_s.arg(turn.id).arg(prompt));
        texts = {QString(), QString()};
        checkpointsLeft = int(random.bounded(2, 7));
        sinceCheckpoint.start();
        nextCheckpointMs = random.bounded(50, 101);
    };
    startTurn();

    QTimer tick;
    tick.setInterval(2);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        for (int i = 0; i < texts.size(); ++i)
            texts[i] = crashStreamText(turn.answers.at(i).id, texts.at(i).size() + random.bounded(1, 12));
        if (sinceCheckpoint.elapsed() < nextCheckpointMs)
            return;
        const bool finishing = --checkpointsLeft <= 0;
        for (int i = 0; i < texts.size(); ++i) {
            const qint64 id = turn.answers.at(i).id;
            if (!finishing) {
                if (auto saved = store.checkpointAnswer(id, texts.at(i), {}); !saved)
                    fail(u"checkpoint"_s, saved.error());
                ack(u"ack-checkpoint %1 %2"_s.arg(id).arg(texts.at(i).size()));
            } else {
                AnswerRecord answer = turn.answers.at(i);
                answer.state = AnswerState::Complete;
                answer.text = texts.at(i);
                answer.finishReason = u"stop"_s;
                answer.finishedAt = QDateTime::currentDateTimeUtc();
                if (auto saved = store.finishAnswer(answer); !saved)
                    fail(u"finish"_s, saved.error());
                ack(u"ack-finish %1 %2"_s.arg(id).arg(texts.at(i).size()));
            }
        }
        if (finishing)
            startTurn();
        sinceCheckpoint.start();
        nextCheckpointMs = random.bounded(50, 101);
    });
    tick.start();
    return app.exec();
}

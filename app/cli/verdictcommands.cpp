// SPDX-License-Identifier: GPL-3.0-or-later
// versus-cli vote and versus-cli leaderboard: the user's verdicts on stored turns, recorded
// from scripts, and the ratings of models they add up to (the history the window shows).
#include "clisupport.h"
#include "commands.h"
#include "compare/leaderboard.h"
#include "history/historystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace versus::cli {

namespace {

using namespace history;

QString tr(const char *text)
{
    return QCoreApplication::translate("versus::cli::Verdicts", text);
}

QString voteUsage()
{
    return tr("Usage: versus-cli vote CONVERSATION_ID TURN_POSITION (LANE_POSITION|tie|all-bad) [--note TEXT]\n"
              "\n"
              "Records your verdict on a stored turn, replacing an earlier one: the answer of the lane at\n"
              "LANE_POSITION was best, or it was a tie, or all answers were bad. Positions count from 1, as\n"
              "'versus-cli history show' and the Markdown export number them.\n");
}

QString leaderboardUsage()
{
    return tr("Usage: versus-cli leaderboard [--json] [--since YYYY-MM-DD] [--tag TAG]\n"
              "\n"
              "Ranks the models your votes were on: wins, losses, ties and \"all bad\" votes, and a\n"
              "Bradley-Terry rating with its 95% confidence interval (fewer than %1 votes: not a verdict yet).\n"
              "\n"
              "Options:\n"
              "  --json         Print one JSON document\n"
              "  --since DATE   Count only votes cast on or after DATE (UTC)\n"
              "  --tag TAG      Count only votes on turns tagged TAG\n"
              "  -h, --help     Show this help\n")
        .arg(Leaderboard::kFewVotes);
}

int usageError(CommandContext &context, const QString &command, const QString &message, const QString &usage)
{
    context.err << "versus-cli " << command << ": " << message << "\n\n" << usage;
    return ExitUsage;
}

/// Opens the history; nullptr (after saying why) when it cannot be.
std::unique_ptr<HistoryStore> openStore(CommandContext &context, const QString &command)
{
    auto store = std::make_unique<HistoryStore>();
    const auto report = store->open();
    if (!report) {
        context.err << "versus-cli " << command << ": "
                    << tr("the history cannot be opened: %1").arg(report.error().message) << '\n';
        return nullptr;
    }
    if (!report->movedAsideTo.isEmpty())
        context.err << "versus-cli " << command << ": "
                    << tr("the history file was damaged (%1); it was moved to %2 and a new, empty history started")
                           .arg(report->corruptionReason, report->movedAsideTo)
                    << '\n';
    return store;
}

int vote(CommandContext &context)
{
    const QString command = QStringLiteral("vote");
    QCommandLineParser parser;
    const QCommandLineOption noteOption(QStringLiteral("note"), QString(), QStringLiteral("TEXT"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({noteOption, helpOption});
    if (!parser.parse(QStringList{QStringLiteral("versus-cli")} + context.arguments))
        return usageError(context, command, parser.errorText(), voteUsage());
    if (parser.isSet(helpOption)) {
        context.out << voteUsage();
        return ExitOk;
    }
    const QStringList args = parser.positionalArguments();
    if (args.size() != 3)
        return usageError(context, command,
                          tr("give a conversation ID, a turn position and a lane position, tie or all-bad"),
                          voteUsage());
    bool ok = false;
    const qint64 conversationId = args.at(0).toLongLong(&ok);
    if (!ok || conversationId <= 0)
        return usageError(context, command, tr("'%1' is not a conversation ID").arg(args.at(0)), voteUsage());
    const int turnPosition = args.at(1).toInt(&ok);
    if (!ok || turnPosition <= 0)
        return usageError(context, command, tr("'%1' is not a turn position (1, 2, ...)").arg(args.at(1)), voteUsage());
    VoteRecord record;
    record.castAt = QDateTime::currentDateTimeUtc();
    record.note = parser.value(noteOption);
    int lanePosition = 0;
    if (args.at(2) == u"tie") {
        record.kind = VoteRecord::Kind::Tie;
    } else if (args.at(2) == u"all-bad") {
        record.kind = VoteRecord::Kind::AllBad;
    } else {
        lanePosition = args.at(2).toInt(&ok);
        if (!ok || lanePosition <= 0)
            return usageError(context, command,
                              tr("'%1' is neither a lane position (1, 2, ...) nor tie or all-bad").arg(args.at(2)),
                              voteUsage());
    }

    const auto store = openStore(context, command);
    if (!store)
        return ExitFailure;
    const auto conversation = store->conversation(conversationId);
    if (!conversation) {
        context.err << "versus-cli vote: "
                    << (conversation.error().kind == HistoryError::Kind::NotFound
                            ? tr("there is no conversation %1 (see versus-cli history list)").arg(conversationId)
                            : conversation.error().message)
                    << '\n';
        return ExitFailure;
    }
    if (turnPosition > conversation->turns.size()) {
        context.err << "versus-cli vote: "
                    << tr("conversation %1 has %2 turn(s), not %3")
                           .arg(conversationId)
                           .arg(conversation->turns.size())
                           .arg(turnPosition)
                    << '\n';
        return ExitFailure;
    }
    const TurnRecord &turn = conversation->turns.at(turnPosition - 1);
    QString what;
    if (record.kind == VoteRecord::Kind::Best) {
        const auto lane = std::find_if(conversation->lanes.cbegin(), conversation->lanes.cend(),
                                       [&](const LaneRecord &l) { return l.position == lanePosition - 1; });
        const bool answered = lane != conversation->lanes.cend() &&
                              std::any_of(turn.answers.cbegin(), turn.answers.cend(),
                                          [&](const AnswerRecord &a) { return a.laneId == lane->id; });
        if (!answered) {
            context.err << "versus-cli vote: "
                        << tr("lane %1 has no answer to turn %2 of conversation %3")
                               .arg(lanePosition)
                               .arg(turnPosition)
                               .arg(conversationId)
                        << '\n';
            return ExitFailure;
        }
        record.laneId = lane->id;
        what = tr("best: lane %1 (%2:%3)").arg(lanePosition).arg(lane->provider, lane->model);
    } else {
        what = record.kind == VoteRecord::Kind::Tie ? tr("a tie") : tr("all bad");
    }
    if (auto stored = store->setVote(turn.id, record); !stored) {
        context.err << "versus-cli vote: " << tr("the vote could not be saved: %1").arg(stored.error().message) << '\n';
        return ExitFailure;
    }
    context.out << tr("Turn %1 of conversation %2: %3.").arg(turnPosition).arg(conversationId).arg(what) << '\n';
    return ExitOk;
}

double rounded(double value)
{
    return std::round(value * 10.0) / 10.0;
}

int leaderboard(CommandContext &context)
{
    const QString command = QStringLiteral("leaderboard");
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    const QCommandLineOption sinceOption(QStringLiteral("since"), QString(), QStringLiteral("DATE"));
    const QCommandLineOption tagOption(QStringLiteral("tag"), QString(), QStringLiteral("TAG"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({jsonOption, sinceOption, tagOption, helpOption});
    if (!parser.parse(QStringList{QStringLiteral("versus-cli")} + context.arguments))
        return usageError(context, command, parser.errorText(), leaderboardUsage());
    if (parser.isSet(helpOption)) {
        context.out << leaderboardUsage();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(context, command, tr("unexpected argument '%1'").arg(parser.positionalArguments().first()),
                          leaderboardUsage());
    LeaderboardFilter filter;
    if (parser.isSet(sinceOption)) {
        const QDate date = QDate::fromString(parser.value(sinceOption), Qt::ISODate);
        if (!date.isValid())
            return usageError(context, command,
                              tr("--since needs a date as YYYY-MM-DD, not '%1'").arg(parser.value(sinceOption)),
                              leaderboardUsage());
        filter.since = date.startOfDay(Qt::UTC);
    }
    filter.tag = parser.value(tagOption).simplified();

    const auto store = openStore(context, command);
    if (!store)
        return ExitFailure;
    const auto votes = store->leaderboardVotes(filter);
    if (!votes) {
        context.err << "versus-cli leaderboard: " << votes.error().message << '\n';
        return ExitFailure;
    }
    const Leaderboard board = Leaderboard::compute(*votes);

    if (parser.isSet(jsonOption)) {
        QJsonArray entries;
        for (const LeaderboardEntry &entry : board.entries) {
            entries.append(QJsonObject{{QStringLiteral("model"), entry.model},
                                       {QStringLiteral("rating"), rounded(entry.rating)},
                                       {QStringLiteral("ci_low"), rounded(entry.ciLow)},
                                       {QStringLiteral("ci_high"), rounded(entry.ciHigh)},
                                       {QStringLiteral("votes"), entry.votes},
                                       {QStringLiteral("wins"), entry.wins},
                                       {QStringLiteral("losses"), entry.losses},
                                       {QStringLiteral("ties"), entry.ties},
                                       {QStringLiteral("all_bad"), entry.allBad},
                                       {QStringLiteral("few_votes"), entry.fewVotes}});
        }
        writeJson(context.out, QJsonDocument(QJsonObject{{QStringLiteral("leaderboard"), entries},
                                                         {QStringLiteral("method"), board.method},
                                                         {QStringLiteral("votes"), board.votes}}));
        return ExitOk;
    }
    if (board.entries.isEmpty()) {
        context.out << tr("No votes yet%1. Vote in the app, or with versus-cli vote.")
                           .arg(filter.tag.isEmpty() && !filter.since.isValid() ? QString() : tr(" that match"))
                    << '\n';
        return ExitOk;
    }
    const QStringList titles = {tr("#"),   tr("model"), tr("rating"), tr("95% CI"), tr("votes"),
                                tr("won"), tr("lost"),  tr("tied"),   tr("all bad")};
    QList<QStringList> rows;
    for (int i = 0; i < board.entries.size(); ++i) {
        const LeaderboardEntry &e = board.entries.at(i);
        rows << QStringList{QString::number(i + 1),
                            e.model,
                            QString::number(e.rating, 'f', 0) + (e.fewVotes ? QStringLiteral(" ?") : QString()),
                            QStringLiteral("%1–%2").arg(e.ciLow, 0, 'f', 0).arg(e.ciHigh, 0, 'f', 0),
                            QString::number(e.votes),
                            QString::number(e.wins),
                            QString::number(e.losses),
                            QString::number(e.ties),
                            QString::number(e.allBad)};
    }
    QList<qsizetype> widths;
    for (const QString &title : titles)
        widths << title.size();
    for (const QStringList &row : std::as_const(rows)) {
        for (int c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    const auto line = [&](const QStringList &cells) {
        QStringList padded;
        for (int c = 0; c < cells.size(); ++c)
            padded << (c == 1 ? cells.at(c).leftJustified(widths[c]) : cells.at(c).rightJustified(widths[c]));
        return padded.join(QStringLiteral("  "));
    };
    context.out << line(titles) << '\n';
    for (const QStringList &row : std::as_const(rows))
        context.out << line(row) << '\n';
    context.out
        << tr("%1 vote(s). ? = fewer than %2 votes: not a verdict yet.").arg(board.votes).arg(Leaderboard::kFewVotes)
        << '\n'
        << tr("Rating: %1.").arg(board.method) << '\n';
    return ExitOk;
}

} // namespace

void runVote(CommandContext &context, Done done)
{
    done(vote(context));
}

void runLeaderboard(CommandContext &context, Done done)
{
    done(leaderboard(context));
}

} // namespace versus::cli

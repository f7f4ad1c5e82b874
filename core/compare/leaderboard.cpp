// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/leaderboard.h"

#include <QHash>

namespace versus {

namespace {

QStringList distinct(const QStringList &targets)
{
    QStringList models;
    for (const QString &target : targets) {
        if (!models.contains(target))
            models << target;
    }
    return models;
}

} // namespace

QList<PairResult> Leaderboard::pairResults(const QList<history::LeaderboardVote> &votes)
{
    QList<PairResult> results;
    for (const history::LeaderboardVote &vote : votes) {
        const QStringList models = distinct(vote.targets);
        switch (vote.kind) {
        case history::VoteRecord::Kind::Best:
            if (!models.contains(vote.best))
                break; // the best lane's answer was an error: nothing to compare
            for (const QString &other : models) {
                if (other != vote.best)
                    results.append({vote.best, other, false});
            }
            break;
        case history::VoteRecord::Kind::Tie:
            for (qsizetype i = 0; i < models.size(); ++i) {
                for (qsizetype j = i + 1; j < models.size(); ++j)
                    results.append({models.at(i), models.at(j), true});
            }
            break;
        case history::VoteRecord::Kind::AllBad:
            break;
        }
    }
    return results;
}

Leaderboard Leaderboard::compute(const QList<history::LeaderboardVote> &votes, double prior)
{
    QHash<QString, LeaderboardEntry> byModel;
    QStringList order;
    Leaderboard board;
    for (const history::LeaderboardVote &vote : votes) {
        const QStringList models = distinct(vote.targets);
        if (models.isEmpty())
            continue;
        ++board.votes;
        for (const QString &model : models) {
            if (!byModel.contains(model)) {
                order << model;
                byModel[model].model = model;
            }
            LeaderboardEntry &entry = byModel[model];
            ++entry.votes;
            switch (vote.kind) {
            case history::VoteRecord::Kind::Best:
                if (!models.contains(vote.best))
                    break;
                if (model == vote.best)
                    ++entry.wins;
                else
                    ++entry.losses;
                break;
            case history::VoteRecord::Kind::Tie:
                ++entry.ties;
                break;
            case history::VoteRecord::Kind::AllBad:
                ++entry.allBad;
                break;
            }
        }
    }
    const QList<ModelRating> ratings = BradleyTerry::fit(pairResults(votes), order, prior);
    for (const ModelRating &rating : ratings) {
        LeaderboardEntry entry = byModel.value(rating.model);
        entry.rating = rating.rating;
        entry.ciLow = rating.ciLow;
        entry.ciHigh = rating.ciHigh;
        entry.fewVotes = entry.votes < kFewVotes;
        board.entries << entry;
    }
    board.method = BradleyTerry::methodDescription();
    return board;
}

} // namespace versus

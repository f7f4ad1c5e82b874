// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/rating.h"
#include "history/historyrecords.h"

#include <QList>
#include <QString>

namespace versus {

/// One model's line of the leaderboard.
struct LeaderboardEntry {
    QString model;  ///< "provider:model"
    int votes = 0;  ///< votes on turns the model answered
    int wins = 0;   ///< the model's answer was voted best
    int losses = 0; ///< another model's answer was voted best
    int ties = 0;
    int allBad = 0;
    double rating = 1000;
    double ciLow = 1000;
    double ciHigh = 1000;
    bool fewVotes = true; ///< under Leaderboard::kFewVotes votes: not a verdict yet
};

/// The leaderboard across all comparisons: per model, what the user's votes said and a
/// Bradley–Terry rating (see BradleyTerry) with its 95 % confidence interval.
///
/// Each vote counts once per model that answered the turn (a model in two lanes of one turn
/// counts once). A "best" vote in a turn of N answered lanes is N − 1 pairwise results: the
/// best lane's model beats each other lane's model. A tie is a drawn result between every
/// two models that answered. "All bad" is counted per model (its all-bad column and votes)
/// but is not a pairwise result: it says nothing about which answer was better.
struct Leaderboard {
    static constexpr int kFewVotes = 10;
    QList<LeaderboardEntry> entries; ///< best rating first
    QString method;                  ///< how the rating was computed (BradleyTerry::methodDescription())
    int votes = 0;                   ///< votes counted

    static Leaderboard compute(const QList<history::LeaderboardVote> &votes,
                               double prior = BradleyTerry::kDefaultPrior);
    /// The pairwise results the votes stand for (see above), in vote order.
    static QList<PairResult> pairResults(const QList<history::LeaderboardVote> &votes);
};

} // namespace versus

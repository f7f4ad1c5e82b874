// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace versus {

/// One pairwise result between two models: @c winner beat @c loser, or (tie) they drew.
struct PairResult {
    QString winner;
    QString loser;
    bool tie = false;
    friend bool operator==(const PairResult &, const PairResult &) = default;
};

/// A model's strength as fitted from the pairwise results.
struct ModelRating {
    QString model;
    double rating = 1000; ///< 1000 + 400·log10(strength)
    double ciLow = 1000;  ///< 95 % confidence interval of the rating
    double ciHigh = 1000;
    double games = 0; ///< pairwise results the model took part in (a tie counts 1)
};

/// Bradley–Terry ratings of models from pairwise results.
///
/// Model: P(i beats j) = p_i / (p_i + p_j). A tie counts as half a win each way. The strengths
/// are fitted by the MM algorithm (Hunter 2004) to the maximum of the likelihood times a weak
/// prior: every model also played @c prior games against a fixed reference model of strength 1
/// (rating 1000) and won half of them. The prior keeps the rating of a model that never lost
/// (or never won) finite, pulls models with few results towards 1000, and anchors the scale;
/// with prior 0 the scale is anchored instead by a geometric mean strength of 1 (and a model
/// that never lost has no finite rating, so prior 0 is for tests of the plain model).
///
/// Ratings are on an Elo-like scale: 1000 + 400·log10(strength), so 400 points mean 10:1 odds.
/// The 95 % confidence interval is rating ± 1.96 standard errors, the standard errors from the
/// Fisher information of log-strengths at the fit (observed = expected information for this
/// model), the prior's games included; with prior 0, from its pseudo-inverse (the log-strengths
/// are defined up to a common shift). The standard error is that of the model's log-strength
/// relative to the mean of all rated models: the common level, which only the prior's games
/// against the reference fix, says nothing about the ranking and is left out (one model alone
/// keeps its full variance). Models that share no result with the others (a disconnected
/// group) get intervals only from their own results and the prior.
class BradleyTerry {
public:
    static constexpr double kDefaultPrior = 1.0;
    static QString methodDescription();

    /// Ratings of every model named in @p results, plus @p extraModels (models with votes but
    /// no pairwise result, e.g. only "all bad": they sit at the prior's 1000), sorted best first
    /// (then by name).
    static QList<ModelRating> fit(const QList<PairResult> &results, const QStringList &extraModels = {},
                                  double prior = kDefaultPrior);
};

} // namespace versus

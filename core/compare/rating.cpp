// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/rating.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace versus {

namespace {

constexpr double kZ95 = 1.959963984540054;
constexpr int kMaxIterations = 10000;
constexpr double kTolerance = 1e-12;

double ratingOf(double logStrength)
{
    return 1000.0 + 400.0 * logStrength / std::log(10.0);
}

/// Inverts a symmetric positive-definite matrix (Gauss–Jordan with partial pivoting); false
/// when it is singular.
bool invert(std::vector<std::vector<double>> &a)
{
    const size_t n = a.size();
    std::vector<std::vector<double>> inv(n, std::vector<double>(n, 0.0));
    for (size_t i = 0; i < n; ++i)
        inv[i][i] = 1.0;
    for (size_t col = 0; col < n; ++col) {
        size_t pivot = col;
        for (size_t row = col + 1; row < n; ++row) {
            if (std::abs(a[row][col]) > std::abs(a[pivot][col]))
                pivot = row;
        }
        if (std::abs(a[pivot][col]) < 1e-14)
            return false;
        std::swap(a[pivot], a[col]);
        std::swap(inv[pivot], inv[col]);
        const double scale = a[col][col];
        for (size_t k = 0; k < n; ++k) {
            a[col][k] /= scale;
            inv[col][k] /= scale;
        }
        for (size_t row = 0; row < n; ++row) {
            if (row == col || a[row][col] == 0.0)
                continue;
            const double factor = a[row][col];
            for (size_t k = 0; k < n; ++k) {
                a[row][k] -= factor * a[col][k];
                inv[row][k] -= factor * inv[col][k];
            }
        }
    }
    a = std::move(inv);
    return true;
}

} // namespace

QString BradleyTerry::methodDescription()
{
    return u"Bradley-Terry (MM fit; ties as half a win each way; prior: one drawn game against a 1000-rated "
           u"reference; rating = 1000 + 400*log10(strength); 95% CI from the Fisher information)"_s;
}

QList<ModelRating> BradleyTerry::fit(const QList<PairResult> &results, const QStringList &extraModels, double prior)
{
    QStringList models;
    QHash<QString, int> index;
    const auto add = [&](const QString &model) {
        if (!index.contains(model)) {
            index.insert(model, int(models.size()));
            models << model;
        }
    };
    for (const PairResult &result : results) {
        if (result.winner == result.loser)
            continue; // a model against itself says nothing
        add(result.winner);
        add(result.loser);
    }
    for (const QString &model : extraModels)
        add(model);
    const size_t n = size_t(models.size());
    if (n == 0)
        return {};

    // wins[i][j]: i's wins over j (ties as halves); games[i][j] = wins[i][j] + wins[j][i].
    std::vector<std::vector<double>> wins(n, std::vector<double>(n, 0.0));
    for (const PairResult &result : results) {
        if (result.winner == result.loser)
            continue;
        const size_t w = size_t(index.value(result.winner));
        const size_t l = size_t(index.value(result.loser));
        if (result.tie) {
            wins[w][l] += 0.5;
            wins[l][w] += 0.5;
        } else {
            wins[w][l] += 1.0;
        }
    }
    std::vector<double> totalWins(n, prior / 2.0);
    std::vector<std::vector<double>> games(n, std::vector<double>(n, 0.0));
    std::vector<double> played(n, 0.0);
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < n; ++j) {
            totalWins[i] += wins[i][j];
            games[i][j] = wins[i][j] + wins[j][i];
            played[i] += games[i][j];
        }
    }

    // MM: p_i <- W_i / (sum_j n_ij / (p_i + p_j) + prior / (p_i + 1)).
    std::vector<double> p(n, 1.0);
    for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
        double change = 0;
        std::vector<double> next(n);
        for (size_t i = 0; i < n; ++i) {
            double denominator = prior > 0 ? prior / (p[i] + 1.0) : 0.0;
            for (size_t j = 0; j < n; ++j) {
                if (games[i][j] > 0)
                    denominator += games[i][j] / (p[i] + p[j]);
            }
            next[i] = denominator > 0 ? totalWins[i] / denominator : 1.0;
        }
        if (prior <= 0) { // no reference: a geometric mean of 1 fixes the scale
            double logMean = 0;
            for (double value : next)
                logMean += std::log(std::max(value, 1e-300));
            logMean /= double(n);
            for (double &value : next)
                value /= std::exp(logMean);
        }
        for (size_t i = 0; i < n; ++i) {
            change = std::max(change, std::abs(std::log(std::max(next[i], 1e-300)) - std::log(std::max(p[i], 1e-300))));
            p[i] = next[i];
        }
        if (change < kTolerance)
            break;
    }

    // Fisher information of the log-strengths: I_ii = sum_j n_ij q_ij q_ji (+ the prior's
    // games against the reference), I_ij = -n_ij q_ij q_ji, with q_ij = p_i / (p_i + p_j).
    std::vector<std::vector<double>> information(n, std::vector<double>(n, 0.0));
    for (size_t i = 0; i < n; ++i) {
        if (prior > 0) {
            const double q = p[i] / (p[i] + 1.0);
            information[i][i] += prior * q * (1.0 - q);
        }
        for (size_t j = 0; j < n; ++j) {
            if (i == j || games[i][j] == 0)
                continue;
            const double q = p[i] / (p[i] + p[j]);
            const double term = games[i][j] * q * (1.0 - q);
            information[i][i] += term;
            information[i][j] -= term;
        }
    }
    if (prior <= 0) {
        // The log-strengths are free up to a common shift: the pseudo-inverse is
        // (I + J/n)^-1 - J/n for a connected comparison graph.
        for (auto &row : information) {
            for (double &value : row)
                value += 1.0 / double(n);
        }
    }
    const bool inverted = invert(information);
    std::vector<std::vector<double>> &covariance = information;
    if (inverted && prior <= 0) {
        for (auto &row : covariance) {
            for (double &value : row)
                value -= 1.0 / double(n);
        }
    }
    // The variance of each log-strength relative to the models' mean: the common level, which
    // only the prior's few games against the reference fix, is not what a ranking is about and
    // would make every interval as wide as the prior is weak. (Without a prior the
    // pseudo-inverse is already centred; one model alone keeps its own variance.)
    std::vector<double> rowMean(n, 0.0);
    double mean = 0;
    for (size_t i = 0; i < n && inverted; ++i) {
        for (size_t j = 0; j < n; ++j)
            rowMean[i] += covariance[i][j] / double(n);
        mean += rowMean[i] / double(n);
    }

    QList<ModelRating> ratings;
    for (size_t i = 0; i < n; ++i) {
        ModelRating rating;
        rating.model = models.at(qsizetype(i));
        const double logStrength = std::log(std::max(p[i], 1e-300));
        rating.rating = ratingOf(logStrength);
        rating.games = played[i];
        double variance = std::numeric_limits<double>::infinity();
        if (inverted)
            variance = n == 1 ? covariance[i][i] : covariance[i][i] - 2 * rowMean[i] + mean;
        variance = std::max(variance, 0.0);
        const double halfWidth = ratingOf(kZ95 * std::sqrt(variance)) - 1000.0;
        rating.ciLow = rating.rating - halfWidth;
        rating.ciHigh = rating.rating + halfWidth;
        ratings << rating;
    }
    std::sort(ratings.begin(), ratings.end(), [](const ModelRating &a, const ModelRating &b) {
        return a.rating != b.rating ? a.rating > b.rating : a.model < b.model;
    });
    return ratings;
}

} // namespace versus

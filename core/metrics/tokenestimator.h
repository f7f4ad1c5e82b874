// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "metrics/charcounts.h"

#include <QMap>
#include <QString>
#include <QStringView>

#include <expected>
#include <utility>

namespace versus {

/// Estimates token counts from text when a provider reports no usage, and learns a
/// correction factor per (provider, model) from the responses that did report usage.
///
/// Method (docs/metrics.md, "Estimated token counts"): N_est = k · (L/4 + O/2 + C), with L, O,
/// C the Latin, other-script and CJK code points and k the calibration factor (1 until the
/// model has been calibrated). Only numbers are kept and persisted, never text.
class TokenEstimator {
public:
    static constexpr double kLatinCharsPerToken = CharCounts::kLatinCharsPerToken;
    static constexpr double kOtherCharsPerToken = CharCounts::kOtherCharsPerToken;
    /// A response teaches the factor only when its base estimate has at least this many tokens
    /// (short answers are dominated by rounding and special tokens).
    static constexpr double kMinCalibrationTokens = 8.0;
    /// Observed factors are clamped into [kMinFactor, kMaxFactor] before they are averaged.
    static constexpr double kMinFactor = 0.25;
    static constexpr double kMaxFactor = 4.0;
    /// Cumulative mean for the first kWindow samples, then an exponential moving average
    /// with α = 1 / kWindow, so the factor follows a provider that changes its tokenizer.
    static constexpr int kWindow = 20;

    static CharCounts countChars(QStringView text) { return CharCounts::of(text); }
    static double baseTokens(QStringView text) { return countChars(text).baseTokens(); }

    /// One learnt factor: reported tokens / base estimate, averaged over @c samples responses.
    struct Factor {
        double value = 1.0;
        qint64 samples = 0;
        friend bool operator==(const Factor &, const Factor &) = default;
    };

    /// @p calibrationPath: JSON file the factors are loaded from and saved to; empty = memory only.
    explicit TokenEstimator(QString calibrationPath = {});

    QString calibrationPath() const { return m_path; }
    /// $XDG_DATA_HOME/versus/token-calibration.json
    static QString defaultCalibrationPath();

    /// Reads the calibration file. A missing file is not an error. A corrupt file (or a corrupt
    /// entry) is ignored with a warning and the estimator keeps working with what it has.
    std::expected<void, QString> load();
    /// Writes the calibration file atomically (owner read/write only).
    std::expected<void, QString> save() const;

    Factor completionFactor(const QString &provider, const QString &model) const;
    Factor promptFactor(const QString &provider, const QString &model) const;

    /// Estimated usage: completion from @p completion (everything the model generated: answer,
    /// reasoning and tool-call text), reasoning from @p reasoning (a part of @p completion),
    /// prompt from @p prompt (the text sent). Counts that have no text stay absent.
    /// The result has Usage::estimated set.
    Usage estimate(const QString &provider, const QString &model, const CharCounts &completion,
                   const CharCounts &reasoning = {}, const CharCounts &prompt = {}) const;
    Usage estimate(const QString &provider, const QString &model, QStringView completionText,
                   QStringView promptText = {}) const;

    /// Learns from a response that reported usage: updates the completion factor from
    /// usage.completionTokens and the prompt factor from usage.promptTokens. Estimated usage,
    /// missing counts and too-short texts are ignored. Returns true when a factor changed.
    bool calibrate(const QString &provider, const QString &model, const Usage &reported, const CharCounts &completion,
                   const CharCounts &prompt = {});

private:
    struct Entry {
        Factor completion;
        Factor prompt;
    };
    using Key = std::pair<QString, QString>; // provider, model

    static bool learn(Factor &factor, std::optional<qint64> reported, const CharCounts &chars);

    QString m_path;
    QMap<Key, Entry> m_entries;
};

} // namespace versus

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>
#include <QtGlobal>

namespace versus {

/// Characters of a text sorted into the three classes the token estimate distinguishes.
/// Counts are Unicode code points (a surrogate pair counts once).
struct CharCounts {
    qint64 latin = 0; ///< Latin script, digits, punctuation, whitespace: ~4 characters per token
    qint64 cjk = 0;   ///< Han, kana, Hangul, CJK punctuation and full-width forms: ~1 token each
    qint64 other = 0; ///< every other script and symbol (Cyrillic, Greek, Arabic, Indic, emoji…): ~2 per token

    static constexpr double kLatinCharsPerToken = 4.0;
    static constexpr double kOtherCharsPerToken = 2.0;

    /// Counts the characters of @p text.
    static CharCounts of(QStringView text);

    /// Tokens by the uncalibrated method: latin / 4 + other / 2 + cjk.
    double baseTokens() const;
    bool isEmpty() const { return latin == 0 && cjk == 0 && other == 0; }
    CharCounts &operator+=(const CharCounts &o)
    {
        latin += o.latin;
        cjk += o.cjk;
        other += o.other;
        return *this;
    }
    friend CharCounts operator+(CharCounts a, const CharCounts &b) { return a += b; }
    friend bool operator==(const CharCounts &, const CharCounts &) = default;
};

} // namespace versus

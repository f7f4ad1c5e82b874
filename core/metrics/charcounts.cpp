// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/charcounts.h"

#include <QChar>

namespace versus {

namespace {
enum class CharClass { Latin, Cjk, Other };

constexpr CharClass classify(char32_t cp)
{
    if (cp < 0x0250 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2000 && cp <= 0x206F))
        return CharClass::Latin;             // Basic Latin … Latin Extended-B, Latin Extended Additional, punctuation
    if ((cp >= 0x1100 && cp <= 0x11FF)       // Hangul Jamo
        || (cp >= 0x2E80 && cp <= 0x33FF)    // radicals, CJK symbols, kana, Bopomofo, enclosed/compat CJK
        || (cp >= 0x3400 && cp <= 0x4DBF)    // CJK Extension A
        || (cp >= 0x4E00 && cp <= 0x9FFF)    // CJK Unified Ideographs
        || (cp >= 0xA960 && cp <= 0xA97F)    // Hangul Jamo Extended-A
        || (cp >= 0xAC00 && cp <= 0xD7FF)    // Hangul syllables, Jamo Extended-B
        || (cp >= 0xF900 && cp <= 0xFAFF)    // CJK Compatibility Ideographs
        || (cp >= 0xFE30 && cp <= 0xFE4F)    // CJK Compatibility Forms
        || (cp >= 0xFF00 && cp <= 0xFFEF)    // half-width and full-width forms
        || (cp >= 0x20000 && cp <= 0x3FFFF)) // CJK Extensions B… (planes 2 and 3)
        return CharClass::Cjk;
    return CharClass::Other;
}
} // namespace

double CharCounts::baseTokens() const
{
    return double(latin) / kLatinCharsPerToken + double(other) / kOtherCharsPerToken + double(cjk);
}

CharCounts CharCounts::of(QStringView text)
{
    CharCounts counts;
    const QChar *p = text.data();
    const QChar *end = p + text.size();
    while (p != end) {
        char32_t cp = p->unicode();
        ++p;
        if (cp < 0x80) { // the common case, kept branch-light
            ++counts.latin;
            continue;
        }
        if (QChar::isHighSurrogate(cp) && p != end && p->isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(char16_t(cp), p->unicode());
            ++p;
        }
        switch (classify(cp)) {
        case CharClass::Latin:
            ++counts.latin;
            break;
        case CharClass::Cjk:
            ++counts.cjk;
            break;
        case CharClass::Other:
            ++counts.other;
            break;
        }
    }
    return counts;
}

} // namespace versus

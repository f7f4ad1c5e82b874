// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace versus {

/// One run of a word diff: words both texts have, or words only the old (Removed) or only
/// the new text (Added) has.
struct DiffSpan {
    enum Kind { Equal, Removed, Added };
    Kind kind = Equal;
    /// The words as the side they belong to spells them (the new text's, for Equal), with the
    /// whitespace after them.
    QString text;
    /// Equal only: the same words as the old text spells them (its own whitespace).
    QString oldText;
    bool operator==(const DiffSpan &) const = default;
};

/// A word-level diff of two texts: the spans, in order, and how many words changed.
struct WordDiff {
    enum Granularity {
        Words,      ///< word and punctuation tokens
        Paragraphs, ///< the texts were too long to compare word by word: whole paragraphs
        Whole,      ///< too long even by paragraph: the old text removed, the new one added
    };
    QList<DiffSpan> spans;
    Granularity granularity = Words;
    int removedWords = 0; ///< words (not punctuation) in Removed spans
    int addedWords = 0;   ///< words (not punctuation) in Added spans

    /// The old text again: Equal (as the old text spells it) and Removed spans.
    QString oldText() const;
    /// The new text again: Equal and Added spans.
    QString newText() const;
};

/// Compares @p oldText with @p newText word by word (longest common subsequence of tokens).
/// A token is a word (letters, digits and marks, any script) or one punctuation character;
/// whitespace separates tokens and is never a difference of its own. The common head and tail
/// are taken off first; when what is left would need more than @p maxCells comparisons, the
/// texts are compared by paragraph (separated by blank lines), and if that is still too much,
/// as a whole. The result says which granularity was used.
WordDiff diffWords(const QString &oldText, const QString &newText, qint64 maxCells = 4'000'000);

} // namespace versus

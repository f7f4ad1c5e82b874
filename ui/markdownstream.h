// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "markdownblocks.h"

#include <QColor>
#include <QFont>
#include <QTextCharFormat>

class QTextCursor;
class QTextDocument;

namespace versus::ui {

/// How an answer's Markdown is drawn: the view's font and colours, and the turn it belongs to
/// (its code blocks' Copy links name it).
struct AnswerStyle {
    QFont font;
    QTextCharFormat dim;
    QColor codeBackground;
    int turn = 0;
};

/// The link of the Copy button of code block @p index of @p turn's answer.
QString copyCodeLink(int turn, int index);

/// Draws @p markdown at @p cursor, which is at an empty block: piece by piece at the places
/// MarkdownBlockScanner finds (the same pieces a stream draws), each piece's fenced code blocks
/// with a header (language, Copy link) and in a monospace font on a tinted background, the rest
/// as Markdown (markdownFragment: nothing loaded).
void renderAnswerMarkdown(QTextCursor &cursor, QStringView markdown, const AnswerStyle &style);

/// Draws an answer as it streams: the blocks completed so far as Markdown (as soon as the next
/// one begins), the unfinished tail as plain text after them. A flush appends to the tail, or
/// replaces only the tail by the blocks it completed: its cost does not grow with the answer.
/// When the answer is complete, finish() draws the tail as Markdown: the document is then the
/// same as renderAnswerMarkdown() of the whole text.
class MarkdownStream {
public:
    /// Starts at @p cursor's position, an empty block at the end of @p document.
    void begin(QTextDocument *document, const QTextCursor &cursor, const AnswerStyle &style);
    bool isActive() const { return m_document != nullptr; }
    /// Shows @p text, the whole answer so far (it extends what was shown).
    void update(QStringView text);
    /// Shows @p text, the whole answer, entirely as Markdown; the stream ends.
    void finish(QStringView text);
    void stop() { m_document = nullptr; }
    /// Where the plain tail begins in the document (what a flush may change is after it).
    int tailPosition() const { return m_tailPos; }

private:
    void drawPieces(QStringView text, const QList<qsizetype> &ends, bool toEnd);

    QTextDocument *m_document = nullptr;
    AnswerStyle m_style;
    MarkdownBlockScanner m_scanner;
    qsizetype m_drawn = 0; // characters of the text drawn as Markdown
    qsizetype m_shown = 0; // characters shown (as Markdown or in the tail)
    int m_tailPos = 0;
    bool m_fresh = true;              // the tail block is empty and nothing was drawn into it
    bool m_tailBlockInserted = false; // the tail block was added after drawn Markdown
    int m_codeIndex = 0;
};

} // namespace versus::ui

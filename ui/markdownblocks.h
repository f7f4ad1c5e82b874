// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

// Where the Markdown of an answer splits into blocks that can be drawn one by one: what lets a
// streaming answer show its completed blocks as Markdown while the rest is still coming.
namespace versus::ui {

/// Finds the places where the blocks of a growing Markdown text end, reading each line once.
///
/// A place is the start of a line that begins a block which cannot belong to the one before:
/// the opening line of a fenced code block, the line after its closing fence, or a line after
/// a blank line (outside a fence) that is not indented and is not a list item (those could go
/// on with a list). Drawing the text piece by piece at these places looks the same as drawing
/// it at once. After a link reference definition ("[id]: url") none is given any more (its
/// uses may be anywhere). Only complete lines (ended by '\n') are read.
class MarkdownBlockScanner {
public:
    /// Reads @p text, which extends the text read before, and returns the places (offsets in
    /// @p text, ascending) found in what it added.
    QList<qsizetype> feed(QStringView text);
    void reset() { *this = MarkdownBlockScanner(); }

private:
    qsizetype m_lineStart = 0; // the first line not read yet
    bool m_inFence = false;
    bool m_fenceAtMargin = false;
    QChar m_fenceChar;
    qsizetype m_fenceLength = 0;
    bool m_afterBlank = false;
    bool m_content = false;    // a non-blank line was read (no place before the first)
    bool m_references = false; // a link reference definition was read
    qsizetype m_lastPlace = 0;
};

/// A part of a piece of Markdown: text to draw as Markdown, or a fenced code block at the left
/// margin (one that is not inside a list or a quote), drawn with its language and a Copy link.
struct MarkdownSegment {
    bool code = false;
    QString text;     ///< Markdown, or the code (the lines between the fences)
    QString language; ///< of a code block: the first word of its info string
};

/// @p markdown in segments, in order. A code block without its closing fence runs to the end.
QList<MarkdownSegment> markdownSegments(QStringView markdown);

/// The code of the fenced code blocks markdownSegments() draws, in order: what their Copy
/// links copy.
QStringList codeBlocks(QStringView markdown);

} // namespace versus::ui

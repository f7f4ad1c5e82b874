// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownstream.h"

#include "richtext.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QUrl>
#include <QUrlQuery>

namespace versus::ui {

QString copyCodeLink(int turn, int index)
{
    QUrl url;
    url.setScheme(QStringLiteral("versus"));
    url.setPath(QStringLiteral("copy-code"));
    url.setQuery(QStringLiteral("turn=%1&index=%2").arg(turn).arg(index));
    return url.toString();
}

namespace {

void drawCode(QTextCursor &cursor, const MarkdownSegment &segment, const AnswerStyle &style, int index)
{
    QTextBlockFormat header;
    header.setTopMargin(6);
    QTextCharFormat label = style.dim;
    label.setFontPointSize(std::max(6.0, style.font.pointSizeF() - 1));
    cursor.setBlockFormat(header);
    cursor.setBlockCharFormat(label);
    cursor.insertText(segment.language.isEmpty() ? QCoreApplication::translate("versus::ui::ConversationView", "code")
                                                 : segment.language,
                      label);
    cursor.insertText(QStringLiteral("   "), label);
    QTextCharFormat link = label;
    link.setAnchor(true);
    link.setAnchorHref(copyCodeLink(style.turn, index));
    link.setFontUnderline(true);
    link.setToolTip(QCoreApplication::translate("versus::ui::ConversationView", "Copy this code to the clipboard"));
    cursor.insertText(QCoreApplication::translate("versus::ui::ConversationView", "Copy"), link);

    QTextCharFormat code;
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(style.font.pointSizeF());
    code.setFont(mono);
    code.setFontFixedPitch(true);
    QTextBlockFormat block;
    block.setBackground(style.codeBackground);
    block.setNonBreakableLines(true);
    block.setLeftMargin(2);
    block.setProperty(QTextFormat::BlockCodeFence, QStringLiteral("```"));
    if (!segment.language.isEmpty())
        block.setProperty(QTextFormat::BlockCodeLanguage, segment.language);
    const QStringList lines = segment.text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        QTextBlockFormat line = block;
        if (i == lines.size() - 1)
            line.setBottomMargin(6);
        cursor.insertBlock(line, code);
        cursor.insertText(lines.at(i), code);
    }
}

/// Draws one piece; @p fresh says whether the cursor's block is still empty (and is cleared
/// once something is drawn). Returns the code blocks drawn.
int drawPiece(QTextCursor &cursor, QStringView piece, const AnswerStyle &style, int firstCode, bool &fresh)
{
    int codes = 0;
    for (const MarkdownSegment &segment : markdownSegments(piece)) {
        if (!segment.code && segment.text.trimmed().isEmpty())
            continue;
        if (!fresh)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        fresh = false;
        if (segment.code) {
            drawCode(cursor, segment, style, firstCode + codes++);
        } else {
            cursor.insertFragment(markdownFragment(segment.text, style.font, style.dim, style.codeBackground));
        }
    }
    return codes;
}

} // namespace

void renderAnswerMarkdown(QTextCursor &cursor, QStringView markdown, const AnswerStyle &style)
{
    if (shownLength(markdown) < markdown.size() || !isCheapMarkdown(markdown)) {
        // Too long or too costly to lay out piece by piece: markdownFragment() shows what fits, as
        // plain text when Qt's Markdown import would be slow, with a note saying so.
        cursor.insertFragment(markdownFragment(markdown.toString(), style.font, style.dim, style.codeBackground));
        return;
    }
    MarkdownBlockScanner scanner;
    QList<qsizetype> ends = scanner.feed(markdown);
    ends.append(markdown.size());
    bool fresh = true;
    int codes = 0;
    qsizetype from = 0;
    for (qsizetype end : std::as_const(ends)) {
        codes += drawPiece(cursor, markdown.mid(from, end - from), style, codes, fresh);
        from = end;
    }
}

void MarkdownStream::begin(QTextDocument *document, const QTextCursor &cursor, const AnswerStyle &style)
{
    *this = MarkdownStream();
    m_document = document;
    m_style = style;
    m_tailPos = cursor.position();
}

void MarkdownStream::drawPieces(QStringView text, const QList<qsizetype> &ends, bool toEnd)
{
    // The plain tail goes; the completed pieces take its place.
    QTextCursor cursor(m_document);
    cursor.setPosition(m_tailPos);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    for (qsizetype end : ends) {
        m_codeIndex += drawPiece(cursor, text.mid(m_drawn, end - m_drawn), m_style, m_codeIndex, m_fresh);
        m_drawn = end;
    }
    if (toEnd) {
        m_codeIndex += drawPiece(cursor, text.mid(m_drawn), m_style, m_codeIndex, m_fresh);
        m_drawn = text.size();
        if (m_fresh && m_tailBlockInserted)
            cursor.deletePreviousChar(); // no empty block after the last one drawn
        m_tailPos = cursor.position();
        return;
    }
    if (!m_fresh) {
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        m_fresh = true;
        m_tailBlockInserted = true;
    }
    m_tailPos = cursor.position();
    // Blank lines between blocks are margins once drawn: the tail does not start with them.
    qsizetype tailStart = m_drawn;
    while (tailStart < text.size() && (text.at(tailStart) == u'\n' || text.at(tailStart) == u'\r'))
        ++tailStart;
    // Plain text within the streamed limits (a megabyte line is laid out in pieces, the rest waits
    // for the final rendering).
    if (const qsizetype to = streamedLength(text); to > tailStart)
        insertShownText(cursor, text, tailStart, to, QTextCharFormat());
}

void MarkdownStream::update(QStringView text)
{
    if (!m_document || text.size() < m_shown)
        return;
    QList<qsizetype> ends = m_scanner.feed(text);
    // Blocks past what a view shows (shownLength) are never drawn as Markdown while streaming: the
    // tail stays plain text within the streamed limits, the final rendering says what is left out.
    const qsizetype budget = shownLength(text);
    while (!ends.isEmpty() && ends.last() > budget)
        ends.removeLast();
    if (!ends.isEmpty()) {
        drawPieces(text, ends, false);
    } else if (text.size() > m_shown) {
        if (const qsizetype to = streamedLength(text); to > m_shown) {
            QTextCursor cursor(m_document);
            cursor.movePosition(QTextCursor::End);
            insertShownText(cursor, text, m_shown, to, QTextCharFormat());
        }
    }
    m_shown = text.size();
}

void MarkdownStream::finish(QStringView text)
{
    if (!m_document)
        return;
    drawPieces(text, m_scanner.feed(text), true);
    m_shown = text.size();
    m_document = nullptr;
}

} // namespace versus::ui

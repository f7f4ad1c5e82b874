// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownblocks.h"

namespace versus::ui {

namespace {

qsizetype leadingSpaces(QStringView line)
{
    qsizetype n = 0;
    while (n < line.size() && line.at(n) == u' ')
        ++n;
    return n;
}

bool isBlank(QStringView line)
{
    return line.trimmed().isEmpty();
}

/// An opening fence: up to three spaces, then ``` or ~~~ (or longer); a backtick fence's info
/// string holds no backtick.
struct Fence {
    QChar ch;
    qsizetype length = 0;
    qsizetype indent = 0;
    QString info;
};

bool openingFence(QStringView line, Fence *fence)
{
    const qsizetype indent = leadingSpaces(line);
    if (indent > 3 || indent >= line.size())
        return false;
    const QChar ch = line.at(indent);
    if (ch != u'`' && ch != u'~')
        return false;
    qsizetype end = indent;
    while (end < line.size() && line.at(end) == ch)
        ++end;
    if (end - indent < 3)
        return false;
    const QStringView info = line.mid(end).trimmed();
    if (ch == u'`' && info.contains(u'`'))
        return false;
    fence->ch = ch;
    fence->length = end - indent;
    fence->indent = indent;
    fence->info = info.toString();
    return true;
}

bool closingFence(QStringView line, QChar ch, qsizetype length)
{
    const qsizetype indent = leadingSpaces(line);
    if (indent > 3)
        return false;
    qsizetype end = indent;
    while (end < line.size() && line.at(end) == ch)
        ++end;
    return end - indent >= length && line.mid(end).trimmed().isEmpty();
}

bool isListItem(QStringView line)
{
    if (line.isEmpty())
        return false;
    const QChar first = line.at(0);
    if (first == u'-' || first == u'+' || first == u'*')
        return line.size() == 1 || line.at(1).isSpace();
    qsizetype digits = 0;
    while (digits < line.size() && digits < 10 && line.at(digits).isDigit())
        ++digits;
    if (digits == 0 || digits > 9 || digits >= line.size())
        return false;
    const QChar mark = line.at(digits);
    return (mark == u'.' || mark == u')') && (digits + 1 == line.size() || line.at(digits + 1).isSpace());
}

bool isReferenceDefinition(QStringView line)
{
    const QStringView trimmed = line.trimmed();
    return trimmed.startsWith(u'[') && trimmed.contains(QStringView(u"]:"));
}

QStringView withoutLineEnd(QStringView line)
{
    if (line.endsWith(u'\n'))
        line.chop(1);
    if (line.endsWith(u'\r'))
        line.chop(1);
    return line;
}

} // namespace

QList<qsizetype> MarkdownBlockScanner::feed(QStringView text)
{
    QList<qsizetype> places;
    auto place = [&](qsizetype at) {
        if (at > m_lastPlace && !m_references) {
            places.append(at);
            m_lastPlace = at;
        }
    };
    while (m_lineStart < text.size()) {
        const qsizetype newline = text.indexOf(u'\n', m_lineStart);
        if (newline < 0)
            break; // the line is not complete yet
        const qsizetype start = m_lineStart;
        const QStringView line = withoutLineEnd(text.mid(start, newline + 1 - start));
        m_lineStart = newline + 1;
        if (m_inFence) {
            if (closingFence(line, m_fenceChar, m_fenceLength)) {
                m_inFence = false;
                m_afterBlank = false;
                if (m_fenceAtMargin) // an indented one may belong to a list item that goes on
                    place(m_lineStart);
            }
            continue;
        }
        if (isBlank(line)) {
            m_afterBlank = true;
            continue;
        }
        Fence fence;
        if (openingFence(line, &fence)) {
            if (fence.indent == 0 && m_content)
                place(start);
            m_inFence = true;
            m_fenceAtMargin = fence.indent == 0;
            m_fenceChar = fence.ch;
            m_fenceLength = fence.length;
        } else {
            if (isReferenceDefinition(line))
                m_references = true;
            if (m_afterBlank && m_content && !line.at(0).isSpace() && !isListItem(line))
                place(start);
        }
        m_afterBlank = false;
        m_content = true;
    }
    return places;
}

QList<MarkdownSegment> markdownSegments(QStringView markdown)
{
    QList<MarkdownSegment> segments;
    MarkdownSegment current;
    bool inFence = false;
    bool ours = false; // the open fence is at the left margin: a code segment
    Fence fence;
    auto flush = [&] {
        if (current.code || !current.text.isEmpty()) {
            if (current.code && current.text.endsWith(u'\n'))
                current.text.chop(1);
            segments.append(current);
        }
        current = MarkdownSegment();
    };
    qsizetype start = 0;
    while (start < markdown.size()) {
        qsizetype newline = markdown.indexOf(u'\n', start);
        const qsizetype end = newline < 0 ? markdown.size() : newline + 1;
        const QStringView raw = markdown.mid(start, end - start);
        const QStringView line = withoutLineEnd(raw);
        start = end;
        if (inFence) {
            if (closingFence(line, fence.ch, fence.length)) {
                inFence = false;
                if (ours) {
                    flush();
                    continue;
                }
            }
            current.text += ours ? line.toString() + u'\n' : raw.toString();
            continue;
        }
        Fence opening;
        if (openingFence(line, &opening)) {
            inFence = true;
            fence = opening;
            ours = opening.indent == 0;
            if (ours) {
                flush();
                current.code = true;
                current.language = opening.info.section(u' ', 0, 0);
                continue;
            }
        }
        current.text += raw.toString();
    }
    flush();
    return segments;
}

QStringList codeBlocks(QStringView markdown)
{
    QStringList codes;
    for (const MarkdownSegment &segment : markdownSegments(markdown)) {
        if (segment.code)
            codes << segment.text;
    }
    return codes;
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "richtext.h"

#include "safetextbrowser.h"
#include "safetextdocument.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringTokenizer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QUrl>

#include <algorithm>
#include <climits>

namespace versus::ui {

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QString prettyArguments(const QString &arguments, bool *valid)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(arguments.toUtf8(), &error);
    *valid = error.error == QJsonParseError::NoError && !document.isNull();
    if (!*valid)
        return arguments;
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
}

int wordCount(const QString &text)
{
    return int(text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size());
}

namespace {

bool isCode(const QTextBlock &block)
{
    const QTextBlockFormat format = block.blockFormat();
    return format.nonBreakableLines() || format.hasProperty(QTextFormat::BlockCodeFence);
}

} // namespace

// A link in the model's Markdown to the window's own "versus:" links (copy, edit, regenerate,
// image…) would act as the window's buttons do when clicked: it becomes plain text.
void disarmInternalLinks(QTextDocument &document)
{
    QList<std::pair<int, int>> ranges;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid() || !fragment.charFormat().isAnchor())
                continue;
            const QString href = fragment.charFormat().anchorHref().trimmed();
            if (QUrl(href).scheme().compare(u"versus", Qt::CaseInsensitive) == 0 ||
                href.startsWith(u"versus", Qt::CaseInsensitive))
                ranges.append({fragment.position(), fragment.length()});
        }
    }
    QTextCursor cursor(&document);
    for (const auto &[position, length] : std::as_const(ranges)) {
        cursor.setPosition(position);
        cursor.setPosition(position + length, QTextCursor::KeepAnchor);
        QTextCharFormat format = cursor.charFormat();
        format.setAnchor(false);
        format.setAnchorHref(QString());
        format.setAnchorNames({});
        format.setFontUnderline(false);
        format.clearForeground();
        cursor.setCharFormat(format);
    }
}

// Markdown images become a dimmed "[image: …]" mention: nothing is fetched, and a web
// address stays reachable (as a link that asks before opening).
void replaceImages(QTextDocument &document, const QTextCharFormat &dim)
{
    struct Image {
        int position;
        int length;
        QString name;
        QString alt;
    };
    QList<Image> images;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid() && fragment.charFormat().isImageFormat()) {
                const QTextImageFormat image = fragment.charFormat().toImageFormat();
                images.append({fragment.position(), fragment.length(), image.name(),
                               image.stringProperty(QTextFormat::ImageAltText)});
            }
        }
    }
    for (auto it = images.crbegin(); it != images.crend(); ++it) {
        QTextCursor cursor(&document);
        cursor.setPosition(it->position);
        cursor.setPosition(it->position + it->length, QTextCursor::KeepAnchor);
        QTextCharFormat format = dim;
        const QUrl url(it->name);
        if (SafeTextBrowser::isWebLink(url)) {
            format.setAnchor(true);
            format.setAnchorHref(url.toString(QUrl::FullyEncoded));
            format.setFontUnderline(true);
        }
        const QString label = it->alt.isEmpty() ? it->name : it->alt;
        cursor.insertText(
            QCoreApplication::translate("versus::ui::ConversationView", "[image not loaded: %1]").arg(label), format);
    }
}

// Code stands out: code blocks and inline code get a tinted background.
void tintCode(QTextDocument &document, const QColor &background)
{
    QTextCursor cursor(&document);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        QTextBlockFormat format = block.blockFormat();
        if (isCode(block)) {
            format.setBackground(background);
            // A little air around a code block, none between its lines.
            if (!block.previous().isValid() || !isCode(block.previous()))
                format.setTopMargin(std::max(format.topMargin(), 6.0));
            if (!block.next().isValid() || !isCode(block.next()))
                format.setBottomMargin(std::max(format.bottomMargin(), 6.0));
            cursor.setPosition(block.position());
            cursor.setBlockFormat(format);
            continue;
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid() || !fragment.charFormat().fontFixedPitch())
                continue;
            QTextCharFormat tint;
            tint.setBackground(background);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(tint);
        }
    }
}

namespace {

qsizetype lengthWithin(QStringView text, qsizetype characters, qsizetype lines)
{
    const qsizetype limit = std::min(text.size(), characters);
    qsizetype seen = 0;
    for (qsizetype i = 0; i < limit; ++i) {
        if (text.at(i) == u'\n' && ++seen == lines)
            return i + 1;
    }
    return limit;
}

} // namespace

qsizetype shownLength(QStringView text)
{
    return lengthWithin(text, kShownCharacters, kShownLines);
}

qsizetype streamedLength(QStringView text)
{
    return lengthWithin(text, kStreamedCharacters, kStreamedLines);
}

void insertShownText(QTextCursor &cursor, QStringView text, qsizetype from, qsizetype to, const QTextCharFormat &format)
{
    if (from >= to)
        return;
    qsizetype lineStart = from;
    while (lineStart > 0 && text.at(lineStart - 1) != u'\n')
        --lineStart;
    qsizetype column = (from - lineStart) % kLongestShownLine;
    QString shown;
    shown.reserve(to - from + (to - from) / kLongestShownLine + 1);
    if (column == 0 && from > lineStart)
        shown += u'\n'; // the line reached a piece's length at the end of the last insert
    for (qsizetype i = from; i < to; ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            column = 0;
        } else if (column == kLongestShownLine) {
            shown += u'\n';
            column = 1;
        } else {
            ++column;
        }
        shown += c;
    }
    cursor.insertText(shown, format);
}

namespace {

// Limits of what Qt's Markdown import lays out within a frame's time on a slow machine
// (measured with tests/ui/tst_hostilemarkdown): its cost grows with the square of a
// paragraph's spans and lines, and a table costs about a millisecond per cell.
constexpr qsizetype kCheapCharacters = 32 * 1024;
constexpr qsizetype kCheapLineLength = 2048;
constexpr int kCheapParagraphLines = 150; // lines in a row without a blank line
constexpr int kCheapLines = 400;          // non-blank lines outside code blocks
constexpr int kCheapParagraphMarkup = 300;
constexpr int kCheapNesting = 8;
constexpr int kCheapMarkupRun = 16;
constexpr int kCheapTableCells = 150;

bool isMarkup(QChar c)
{
    switch (c.unicode()) {
    case '*':
    case '_':
    case '~':
    case '`':
    case '[':
    case ']':
    case '<':
    case '>':
    case '!':
    case '&':
    case '|':
        return true;
    default:
        return false;
    }
}

// Block quotes and list items a line opens ("> - 1. > x" opens four).
int nesting(QStringView line)
{
    int depth = 0;
    qsizetype i = 0;
    while (i < line.size()) {
        while (i < line.size() && line.at(i) == u' ')
            ++i;
        if (i >= line.size())
            break;
        const QChar c = line.at(i);
        if (c == u'>') {
            ++depth;
            ++i;
            continue;
        }
        if ((c == u'-' || c == u'*' || c == u'+') && i + 1 < line.size() && line.at(i + 1) == u' ') {
            ++depth;
            i += 2;
            continue;
        }
        qsizetype digits = i;
        while (digits < line.size() && line.at(digits).isDigit() && digits - i < 9)
            ++digits;
        if (digits > i && digits + 1 < line.size() && (line.at(digits) == u'.' || line.at(digits) == u')') &&
            line.at(digits + 1) == u' ') {
            ++depth;
            i = digits + 2;
            continue;
        }
        break;
    }
    return depth;
}

bool isFence(QStringView line)
{
    const QStringView trimmed = line.trimmed();
    return trimmed.startsWith(u"```") || trimmed.startsWith(u"~~~");
}

} // namespace

bool isCheapMarkdown(QStringView markdown)
{
    if (markdown.size() > kCheapCharacters)
        return false;
    bool inFence = false;
    int lines = 0;
    int paragraphLines = 0;
    int paragraphMarkup = 0;
    int tableCells = 0;
    for (QStringView line : markdown.tokenize(u'\n')) {
        if (isFence(line)) {
            inFence = !inFence;
            continue;
        }
        if (inFence)
            continue;
        if (line.trimmed().isEmpty()) {
            paragraphLines = 0;
            paragraphMarkup = 0;
            continue;
        }
        if (line.size() > kCheapLineLength || ++lines > kCheapLines || ++paragraphLines > kCheapParagraphLines ||
            nesting(line) > kCheapNesting)
            return false;
        const bool tableRow = line.trimmed().startsWith(u'|');
        int run = 0;
        for (const QChar c : line) {
            if (!isMarkup(c)) {
                run = 0;
                continue;
            }
            if (++run > kCheapMarkupRun || ++paragraphMarkup > kCheapParagraphMarkup)
                return false;
            if (c == u'|' && tableRow && ++tableCells > kCheapTableCells)
                return false;
        }
    }
    return true;
}

QTextDocumentFragment markdownFragment(const QString &markdown, const QFont &font, const QTextCharFormat &dim,
                                       const QColor &codeBackground)
{
    // Parsed in a document that loads nothing either, then copied into the caller's.
    SafeTextDocument parsed;
    parsed.setDefaultFont(font);
    const qsizetype shown = shownLength(markdown);
    const QString text = markdown.left(shown);
    QTextCursor cursor(&parsed);
    if (isCheapMarkdown(text)) {
        QTextDocument::MarkdownFeatures features(QTextDocument::MarkdownDialectGitHub);
        features |= QTextDocument::MarkdownNoHTML;
        parsed.setMarkdown(text, features);
        disarmInternalLinks(parsed);
        replaceImages(parsed, dim);
        tintCode(parsed, codeBackground);
    } else {
        insertShownText(cursor, text, 0, text.size(), QTextCharFormat());
        cursor.insertBlock(QTextBlockFormat(), dim);
        cursor.insertText(QCoreApplication::translate("versus::ui::ConversationView",
                                                      "[Shown as plain text: too large or too deeply nested to lay "
                                                      "out as Markdown.]"),
                          dim);
    }
    if (shown < markdown.size()) {
        cursor.movePosition(QTextCursor::End);
        cursor.insertBlock(QTextBlockFormat(), dim);
        const int hidden = int(std::min<qsizetype>(markdown.size() - shown, INT_MAX));
        cursor.insertText(QCoreApplication::translate("versus::ui::ConversationView",
                                                      "[%n more characters not shown: the answer is too long to show "
                                                      "here. Export the conversation to read all of it.]",
                                                      nullptr, hidden),
                          dim);
    }
    return QTextDocumentFragment(&parsed);
}

} // namespace versus::ui

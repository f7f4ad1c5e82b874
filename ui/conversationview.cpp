// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationview.h"

#include "safetextdocument.h"

#include <QFontDatabase>
#include <QJsonDocument>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextFrame>
#include <QUrlQuery>

namespace versus::ui {

namespace {

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
        cursor.insertText(ConversationView::tr("[image not loaded: %1]").arg(label), format);
    }
}

bool isCode(const QTextBlock &block)
{
    const QTextBlockFormat format = block.blockFormat();
    return format.nonBreakableLines() || format.hasProperty(QTextFormat::BlockCodeFence);
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

} // namespace

ConversationView::ConversationView(QWidget *parent)
    : SafeTextBrowser(parent)
{
    // A transcript is appended to for hours: no undo history to grow with it.
    document()->setUndoRedoEnabled(false);
    document()->setDocumentMargin(10);
    setFrameShape(QFrame::NoFrame);
    connect(this, &SafeTextBrowser::internalLinkActivated, this, &ConversationView::onInternalLink);
}

QString ConversationView::promptText(int turn) const
{
    return turn >= 0 && turn < m_turns.size() ? m_turns.at(turn).prompt : QString();
}

QString ConversationView::answerText(int turn) const
{
    return turn >= 0 && turn < m_turns.size() ? m_turns.at(turn).answer : QString();
}

QString ConversationView::reasoningText(int turn) const
{
    return turn >= 0 && turn < m_turns.size() ? m_turns.at(turn).reasoning : QString();
}

bool ConversationView::isReasoningExpanded(int turn) const
{
    return turn >= 0 && turn < m_turns.size() && m_turns.at(turn).reasoningExpanded;
}

void ConversationView::setReasoningExpanded(int turn, bool expanded)
{
    if (turn < 0 || turn >= m_turns.size() || m_turns.at(turn).reasoningExpanded == expanded)
        return;
    m_turns[turn].reasoningExpanded = expanded;
    const int scroll = verticalScrollBar()->value();
    renderAll();
    verticalScrollBar()->setValue(scroll);
}

void ConversationView::onInternalLink(const QUrl &url)
{
    if (url.path() != u"reasoning")
        return;
    bool ok = false;
    const int turn = QUrlQuery(url).queryItemValue(QStringLiteral("turn")).toInt(&ok);
    if (ok)
        setReasoningExpanded(turn, !isReasoningExpanded(turn));
}

void ConversationView::clearConversation()
{
    m_turns.clear();
    m_tailStart = 0;
    m_tailShape = {};
    document()->clear();
}

void ConversationView::beginTurn(const QString &prompt)
{
    if (isStreaming())
        abandonTurn(QString());
    Turn turn;
    turn.prompt = prompt;
    m_turns.append(turn);
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    renderUser(cursor, m_turns.last(), int(m_turns.size() - 1));
    m_tailStart = cursor.position();
    renderAssistant(cursor, m_turns.last(), int(m_turns.size() - 1));
    m_tailShape = shapeOf(m_turns.last());
    scrollToEnd();
}

ConversationView::TailShape ConversationView::shapeOf(const Turn &turn)
{
    TailShape shape;
    shape.hasAnswer = !turn.answer.isEmpty();
    shape.toolCalls = turn.toolCalls.size();
    shape.liveReasoning = turn.streaming && !turn.reasoning.isEmpty() && !shape.hasAnswer && shape.toolCalls == 0;
    return shape;
}

void ConversationView::appendStreamed(const QString &reasoning, const QString &text,
                                      const QList<ToolCallFragment> &toolCalls)
{
    if (!isStreaming() || (reasoning.isEmpty() && text.isEmpty() && toolCalls.isEmpty()))
        return;
    const bool follow = isScrolledToEnd();
    Turn &turn = m_turns.last();
    turn.reasoning += reasoning;
    turn.answer += text;
    for (const ToolCallFragment &fragment : toolCalls) {
        auto it = std::find_if(turn.toolCalls.begin(), turn.toolCalls.end(),
                               [&fragment](const ToolCall &call) { return call.index == fragment.index; });
        if (it == turn.toolCalls.end()) {
            turn.toolCalls.append(ToolCall{fragment.index, {}, {}, {}});
            it = turn.toolCalls.end() - 1;
        }
        if (!fragment.id.isEmpty())
            it->id = fragment.id;
        if (!fragment.name.isEmpty())
            it->name = fragment.name;
        it->arguments += fragment.argumentsDelta;
    }

    const TailShape shape = shapeOf(turn);
    // Appending is only right when the growing part is the last thing rendered: thinking
    // while nothing else has come, or answer text while no tool call follows it.
    const bool appendable = shape == m_tailShape && toolCalls.isEmpty() && (shape.toolCalls == 0 || text.isEmpty());
    if (!appendable) {
        rerenderTail();
    } else {
        QTextCursor cursor(document());
        cursor.movePosition(QTextCursor::End);
        if (shape.liveReasoning)
            cursor.insertText(reasoning, dimFormat());
        else if (!text.isEmpty())
            cursor.insertText(text, QTextCharFormat());
    }
    if (follow)
        scrollToEnd();
}

void ConversationView::finishTurn(const ChatResult &result, const QString &note)
{
    if (!isStreaming())
        return;
    const bool follow = isScrolledToEnd();
    Turn &turn = m_turns.last();
    turn.streaming = false;
    turn.answer = result.text;
    turn.reasoning = result.reasoning;
    if (!result.toolCalls.isEmpty())
        turn.toolCalls = result.toolCalls;
    turn.note = note;
    rerenderTail();
    if (follow)
        scrollToEnd();
}

void ConversationView::abandonTurn(const QString &note)
{
    if (!isStreaming())
        return;
    Turn &turn = m_turns.last();
    turn.streaming = false;
    turn.note = note;
    rerenderTail();
    scrollToEnd();
}

void ConversationView::renderAll()
{
    document()->clear();
    QTextCursor cursor(document());
    for (int i = 0; i < m_turns.size(); ++i) {
        renderUser(cursor, m_turns.at(i), i);
        if (i == m_turns.size() - 1)
            m_tailStart = cursor.position();
        renderAssistant(cursor, m_turns.at(i), i);
    }
    if (!m_turns.isEmpty())
        m_tailShape = shapeOf(m_turns.last());
}

void ConversationView::rerenderTail()
{
    if (m_turns.isEmpty())
        return;
    QTextCursor cursor(document());
    cursor.setPosition(m_tailStart);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    cursor.setBlockFormat(QTextBlockFormat());
    cursor.setBlockCharFormat(QTextCharFormat());
    renderAssistant(cursor, m_turns.last(), int(m_turns.size() - 1));
    m_tailShape = shapeOf(m_turns.last());
}

void ConversationView::startBlock(QTextCursor &cursor, const QTextBlockFormat &block, const QTextCharFormat &chars)
{
    if (cursor.block().length() > 1) {
        cursor.insertBlock(block, chars);
    } else {
        cursor.setBlockFormat(block);
        cursor.setBlockCharFormat(chars);
        cursor.setCharFormat(chars);
    }
}

QTextCharFormat ConversationView::dimFormat() const
{
    QTextCharFormat format;
    format.setForeground(mix(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.45));
    return format;
}

void ConversationView::renderUser(QTextCursor &cursor, const Turn &turn, int index)
{
    QTextFrameFormat frame;
    frame.setBackground(mix(palette().color(QPalette::Base), palette().color(QPalette::Highlight), 0.12));
    frame.setPadding(8);
    frame.setBorder(0);
    frame.setTopMargin(index == 0 ? 0 : 14);
    frame.setBottomMargin(8);
    cursor.insertFrame(frame);
    // The prompt is the user's own text: shown as typed, never interpreted.
    cursor.insertText(turn.prompt, QTextCharFormat());
    cursor = document()->rootFrame()->lastCursorPosition();
}

void ConversationView::renderAssistant(QTextCursor &cursor, const Turn &turn, int index)
{
    const TailShape shape = shapeOf(turn);
    if (!turn.reasoning.isEmpty())
        renderReasoning(cursor, turn, index, shape.liveReasoning);

    if (!turn.answer.isEmpty()) {
        startBlock(cursor);
        if (turn.streaming)
            cursor.insertText(turn.answer, QTextCharFormat());
        else
            renderMarkdown(cursor, turn.answer);
    } else if (turn.streaming && turn.reasoning.isEmpty() && turn.toolCalls.isEmpty()) {
        startBlock(cursor, {}, dimFormat());
        cursor.insertText(tr("Waiting for the first token…"), dimFormat());
    }

    for (const ToolCall &call : turn.toolCalls)
        renderToolCall(cursor, call, turn.streaming);

    if (!turn.note.isEmpty()) {
        QTextBlockFormat block;
        block.setTopMargin(6);
        QTextCharFormat note = dimFormat();
        note.setFontItalic(true);
        startBlock(cursor, block, note);
        cursor.insertText(turn.note, note);
    }
}

void ConversationView::renderReasoning(QTextCursor &cursor, const Turn &turn, int index, bool live)
{
    QTextCharFormat header = dimFormat();
    QTextBlockFormat headerBlock;
    headerBlock.setBottomMargin(4);
    if (live) {
        header.setFontItalic(true);
        startBlock(cursor, headerBlock, header);
        cursor.insertText(tr("Thinking…"), header);
    } else {
        QUrl url;
        url.setScheme(QStringLiteral("versus"));
        url.setPath(QStringLiteral("reasoning"));
        url.setQuery(QStringLiteral("turn=%1").arg(index));
        header.setAnchor(true);
        header.setAnchorHref(url.toString());
        startBlock(cursor, headerBlock, header);
        const int words = wordCount(turn.reasoning);
        const QString count = words == 1 ? tr("1 word") : tr("%1 words").arg(words);
        cursor.insertText(turn.reasoningExpanded ? tr("▾ Hide reasoning (%1)").arg(count)
                                                 : tr("▸ Show reasoning (%1)").arg(count),
                          header);
    }
    if (live || turn.reasoningExpanded) {
        QTextBlockFormat body;
        body.setLeftMargin(12);
        body.setBottomMargin(6);
        startBlock(cursor, body, dimFormat());
        cursor.insertText(turn.reasoning, dimFormat());
        if (!live) {
            // Leave the indented block so that what follows starts at the margin.
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        }
    }
}

void ConversationView::renderToolCall(QTextCursor &cursor, const ToolCall &call, bool streaming)
{
    QTextBlockFormat headerBlock;
    headerBlock.setTopMargin(8);
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    startBlock(cursor, headerBlock, bold);
    cursor.insertText(tr("Tool call: %1").arg(call.name.isEmpty() ? tr("(unnamed)") : call.name), bold);

    bool valid = false;
    const QString arguments = streaming ? call.arguments : prettyArguments(call.arguments, &valid);
    QTextFrameFormat frame;
    frame.setBackground(mix(palette().color(QPalette::Base), palette().color(QPalette::Text), 0.06));
    frame.setPadding(6);
    frame.setBorder(0);
    frame.setTopMargin(2);
    frame.setBottomMargin(6);
    cursor.insertFrame(frame);
    QTextCharFormat mono;
    mono.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    cursor.insertText(arguments.isEmpty() ? QStringLiteral("{}") : arguments, mono);
    cursor = document()->rootFrame()->lastCursorPosition();
    if (!streaming && !valid && !call.arguments.isEmpty()) {
        QTextCharFormat note = dimFormat();
        note.setFontItalic(true);
        startBlock(cursor, {}, note);
        cursor.insertText(tr("The arguments are not valid JSON."), note);
    }
}

void ConversationView::renderMarkdown(QTextCursor &cursor, const QString &markdown)
{
    // Parsed in a document that loads nothing either, then copied into this one.
    SafeTextDocument parsed;
    parsed.setDefaultFont(document()->defaultFont());
    QTextDocument::MarkdownFeatures features(QTextDocument::MarkdownDialectGitHub);
    features |= QTextDocument::MarkdownNoHTML;
    parsed.setMarkdown(markdown, features);
    replaceImages(parsed, dimFormat());
    tintCode(parsed, mix(palette().color(QPalette::Base), palette().color(QPalette::Text), 0.06));
    cursor.insertFragment(QTextDocumentFragment(&parsed));
}

bool ConversationView::isScrolledToEnd() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 8;
}

void ConversationView::scrollToEnd()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

} // namespace versus::ui

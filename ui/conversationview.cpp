// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationview.h"

#include "richtext.h"
#include "tooltracerender.h"

#include <QEvent>
#include <QScrollBar>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextFrame>
#include <QUrlQuery>

namespace versus::ui {

ConversationView::ConversationView(QWidget *parent)
    : SafeTextBrowser(parent)
{
    // A transcript is appended to for hours: no undo history to grow with it.
    document()->setUndoRedoEnabled(false);
    document()->setDocumentMargin(10);
    setFrameShape(QFrame::NoFrame);
    // ~30 renders a second: smooth to the eye, and far fewer than the tokens of a fast provider.
    m_syncTimer.setSingleShot(true);
    m_syncTimer.setInterval(33);
    connect(&m_syncTimer, &QTimer::timeout, this, &ConversationView::syncStreaming);
    connect(this, &SafeTextBrowser::internalLinkActivated, this, &ConversationView::onInternalLink);
}

void ConversationView::setConversation(LaneConversation *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &from, const QModelIndex &to) { onDataChanged(from.row(), to.row()); });
        connect(model, &QAbstractItemModel::modelReset, this, &ConversationView::resetFromModel);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ConversationView::resetFromModel);
        connect(model, &QAbstractItemModel::rowsMoved, this, &ConversationView::resetFromModel);
    }
    resetFromModel();
}

int ConversationView::turnCount() const
{
    return m_model ? m_model->rowCount() : 0;
}

bool ConversationView::isStreamingTurn(const LaneTurn &turn)
{
    return turn.state == history::AnswerState::Streaming;
}

bool ConversationView::isStreaming() const
{
    const int count = turnCount();
    return count > 0 && isStreamingTurn(m_model->turn(count - 1));
}

QString ConversationView::promptText(int turn) const
{
    return turn >= 0 && turn < turnCount() ? m_model->turn(turn).prompt : QString();
}

QString ConversationView::answerText(int turn) const
{
    return turn >= 0 && turn < turnCount() ? m_model->turn(turn).result.chat.text : QString();
}

QString ConversationView::reasoningText(int turn) const
{
    return turn >= 0 && turn < turnCount() ? m_model->turn(turn).result.chat.reasoning : QString();
}

bool ConversationView::isReasoningExpanded(int turn) const
{
    return turn >= 0 && turn < m_views.size() && m_views.at(turn).reasoningExpanded;
}

void ConversationView::setReasoningExpanded(int turn, bool expanded)
{
    if (turn < 0 || turn >= m_views.size() || m_views.at(turn).reasoningExpanded == expanded)
        return;
    m_views[turn].reasoningExpanded = expanded;
    rerenderTurn(turn);
}

bool ConversationView::isCallExpanded(int turn, const QString &key) const
{
    return turn >= 0 && turn < m_views.size() && m_views.at(turn).expandedCalls.contains(key);
}

void ConversationView::setCallExpanded(int turn, const QString &key, bool expanded)
{
    if (turn < 0 || turn >= m_views.size() || isCallExpanded(turn, key) == expanded)
        return;
    if (expanded)
        m_views[turn].expandedCalls.insert(key);
    else
        m_views[turn].expandedCalls.remove(key);
    rerenderTurn(turn);
}

void ConversationView::rerenderTurn(int turn)
{
    if (turn < m_firstRendered)
        return;
    const int scroll = verticalScrollBar()->value();
    if (turn == m_views.size() - 1)
        rerenderTail();
    else
        renderAll();
    verticalScrollBar()->setValue(scroll);
}

void ConversationView::setNote(int turn, const QString &note)
{
    if (turn < 0 || turn >= m_views.size())
        return;
    m_views[turn].note = note;
    m_views[turn].noteSet = true;
    if (turn == m_views.size() - 1)
        rerenderTail();
    else
        renderAll();
}

void ConversationView::showEarlierTurns(int count)
{
    if (m_firstRendered == 0)
        return;
    const int previousFirst = m_firstRendered;
    m_firstRendered = std::max(0, m_firstRendered - count);
    renderAll();
    scrollToTurn(previousFirst - 1);
}

void ConversationView::scrollToTurn(int turn)
{
    if (turn < 0 || turn >= turnCount())
        return;
    if (turn < m_firstRendered) {
        m_firstRendered = turn;
        renderAll();
    }
    const int index = turn - m_firstRendered;
    if (index >= m_turnStarts.size())
        return;
    QTextCursor cursor(document());
    cursor.setPosition(std::min(m_turnStarts.at(index) + 1, document()->characterCount() - 1));
    const QRect rect = cursorRect(cursor);
    verticalScrollBar()->setValue(verticalScrollBar()->value() + rect.top() - 8);
}

void ConversationView::onInternalLink(const QUrl &url)
{
    if (url.path() == u"earlier") {
        showEarlierTurns();
        return;
    }
    bool ok = false;
    const QUrlQuery query(url);
    const int turn = query.queryItemValue(QStringLiteral("turn")).toInt(&ok);
    if (!ok)
        return;
    if (url.path() == u"image") {
        const int image = query.queryItemValue(QStringLiteral("index")).toInt();
        if (turn < turnCount() && image >= 0 && image < m_model->turn(turn).images.size())
            Q_EMIT imageActivated(m_model->turn(turn).images.at(image));
    } else if (url.path() == u"reasoning") {
        setReasoningExpanded(turn, !isReasoningExpanded(turn));
    } else if (url.path() == u"call") {
        const QString key = query.queryItemValue(QStringLiteral("key"));
        setCallExpanded(turn, key, !isCallExpanded(turn, key));
    }
}

void ConversationView::resetFromModel()
{
    m_syncTimer.stop();
    m_promptImages.clear();
    m_views = QList<TurnView>(turnCount());
    // A long conversation opens on its last turns: rendering thousands at once would keep
    // the window waiting (earlier ones are one click away).
    m_firstRendered = std::max(0, turnCount() - kRenderedTurns);
    for (int i = 0; i < m_views.size(); ++i)
        m_views[i].note = defaultNote(m_model->turn(i));
    renderAll();
    scrollToEnd();
}

void ConversationView::onRowsInserted(int first, int last)
{
    if (first != m_views.size()) { // not appended: render everything again
        resetFromModel();
        return;
    }
    m_syncTimer.stop();
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    for (int row = first; row <= last; ++row) {
        const LaneTurn &turn = m_model->turn(row);
        TurnView view;
        view.note = defaultNote(turn);
        m_views.append(view);
        m_turnStarts.append(cursor.position());
        renderUser(cursor, turn, row);
        m_tailStart = cursor.position();
        renderAssistant(cursor, turn, row);
        markRendered(turn);
    }
    scrollToEnd();
}

void ConversationView::onDataChanged(int first, int last)
{
    const int tail = turnCount() - 1;
    if (first == tail && last == tail && isStreamingTurn(m_model->turn(tail))) {
        if (!m_syncTimer.isActive())
            m_syncTimer.start();
        return;
    }
    m_syncTimer.stop();
    for (int row = first; row <= last && row < m_views.size(); ++row) {
        if (!m_views.at(row).noteSet)
            m_views[row].note = defaultNote(m_model->turn(row));
    }
    const bool follow = isScrolledToEnd();
    if (first == tail && last == tail)
        rerenderTail();
    else
        renderAll();
    if (follow)
        scrollToEnd();
}

ConversationView::TailShape ConversationView::shapeOf(const LaneTurn &turn)
{
    const ChatResult &chat = turn.result.chat;
    TailShape shape;
    shape.hasAnswer = !chat.text.isEmpty();
    shape.toolCalls = chat.toolCalls.size();
    shape.rounds = turn.result.toolRounds.size();
    for (const tools::ToolRound &round : turn.result.toolRounds) {
        for (const tools::ToolCallTrace &trace : round.calls)
            shape.answeredCalls += trace.source != tools::ResultSource::Pending ? 1 : 0;
    }
    shape.liveReasoning =
        isStreamingTurn(turn) && !chat.reasoning.isEmpty() && !shape.hasAnswer && shape.toolCalls == 0;
    return shape;
}

void ConversationView::markRendered(const LaneTurn &turn)
{
    m_tailShape = shapeOf(turn);
    m_renderedText = turn.result.chat.text.size();
    m_renderedReasoning = turn.result.chat.reasoning.size();
    m_renderedToolCalls = turn.result.chat.toolCalls;
}

void ConversationView::syncStreaming()
{
    m_syncTimer.stop();
    if (!isStreaming())
        return;
    const LaneTurn &turn = m_model->turn(turnCount() - 1);
    const ChatResult &chat = turn.result.chat;
    const bool textGrew = chat.text.size() > m_renderedText;
    const bool reasoningGrew = chat.reasoning.size() > m_renderedReasoning;
    const bool toolsChanged = chat.toolCalls != m_renderedToolCalls;
    const TailShape shape = shapeOf(turn);
    if (!textGrew && !reasoningGrew && !toolsChanged && shape == m_tailShape)
        return;
    const bool follow = isScrolledToEnd();
    // Appending is only right when the growing part is the last thing rendered: thinking
    // while nothing else has come, or answer text while no tool call follows it.
    // With a tool trace under the answer (a second round streams), the end of the document
    // is the trace, not the text: the turn is drawn again instead.
    const bool appendable = shape == m_tailShape && !toolsChanged && (shape.toolCalls == 0 || !textGrew) &&
                            shape.rounds == 0 && (shape.liveReasoning || !reasoningGrew || textGrew);
    if (!appendable) {
        rerenderTail();
    } else {
        QTextCursor cursor(document());
        cursor.movePosition(QTextCursor::End);
        if (shape.liveReasoning)
            insertShownText(cursor, chat.reasoning, m_renderedReasoning, streamedLength(chat.reasoning), dimFormat());
        else if (textGrew)
            insertShownText(cursor, chat.text, m_renderedText, streamedLength(chat.text), QTextCharFormat());
        markRendered(turn);
    }
    if (follow)
        scrollToEnd();
}

void ConversationView::renderAll()
{
    document()->clear();
    m_turnStarts.clear();
    QTextCursor cursor(document());
    const int count = turnCount();
    m_firstRendered = std::clamp(m_firstRendered, 0, std::max(0, count - 1));
    if (m_firstRendered > 0) {
        QUrl url;
        url.setScheme(QStringLiteral("versus"));
        url.setPath(QStringLiteral("earlier"));
        QTextCharFormat link = dimFormat();
        link.setAnchor(true);
        link.setAnchorHref(url.toString());
        QTextBlockFormat block;
        block.setAlignment(Qt::AlignHCenter);
        block.setBottomMargin(10);
        startBlock(cursor, block, link);
        cursor.insertText(m_firstRendered == 1 ? tr("▲ Show 1 earlier turn")
                                               : tr("▲ Show earlier turns (%1 more)").arg(m_firstRendered),
                          link);
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    }
    for (int i = m_firstRendered; i < count; ++i) {
        const LaneTurn &turn = m_model->turn(i);
        m_turnStarts.append(cursor.position());
        renderUser(cursor, turn, i);
        if (i == count - 1)
            m_tailStart = cursor.position();
        renderAssistant(cursor, turn, i);
    }
    if (count > 0)
        markRendered(m_model->turn(count - 1));
}

void ConversationView::changeEvent(QEvent *event)
{
    SafeTextBrowser::changeEvent(event);
    if (event->type() != QEvent::PaletteChange || !m_model || turnCount() == 0)
        return;
    const int scroll = verticalScrollBar()->value();
    renderAll();
    verticalScrollBar()->setValue(scroll);
}

void ConversationView::rerenderTail()
{
    const int count = turnCount();
    if (count == 0)
        return;
    QTextCursor cursor(document());
    cursor.setPosition(m_tailStart);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    cursor.setBlockFormat(QTextBlockFormat());
    cursor.setBlockCharFormat(QTextCharFormat());
    const LaneTurn &turn = m_model->turn(count - 1);
    renderAssistant(cursor, turn, count - 1);
    markRendered(turn);
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

void ConversationView::renderUser(QTextCursor &cursor, const LaneTurn &turn, int index)
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
    if (!turn.images.isEmpty()) {
        if (!turn.prompt.isEmpty())
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        m_promptImages.insert(cursor, turn.images, index);
    }
    cursor = document()->rootFrame()->lastCursorPosition();
}

void ConversationView::renderAssistant(QTextCursor &cursor, const LaneTurn &turn, int index)
{
    const ChatResult &chat = turn.result.chat;
    const bool streaming = isStreamingTurn(turn);
    const TailShape shape = shapeOf(turn);
    if (!chat.reasoning.isEmpty())
        renderReasoning(cursor, turn, index, shape.liveReasoning);

    if (!chat.text.isEmpty()) {
        startBlock(cursor);
        if (streaming)
            insertShownText(cursor, chat.text, 0, shownLength(chat.text), QTextCharFormat());
        else
            cursor.insertFragment(
                markdownFragment(chat.text, document()->defaultFont(), dimFormat(),
                                 mix(palette().color(QPalette::Base), palette().color(QPalette::Text), 0.06)));
    } else if (streaming && chat.reasoning.isEmpty() && chat.toolCalls.isEmpty()) {
        startBlock(cursor, {}, dimFormat());
        cursor.insertText(tr("Waiting for the first token…"), dimFormat());
    }

    // Calls the trace shows already (their round ended) are not drawn twice.
    if (!callsShownInTrace(chat.toolCalls, turn.result.toolRounds)) {
        for (const ToolCall &call : chat.toolCalls)
            renderToolCall(cursor, call, streaming);
    }
    renderTrace(cursor, turn, index);

    const QString note = index < m_views.size() ? m_views.at(index).note : QString();
    if (!note.isEmpty()) {
        QTextBlockFormat block;
        block.setTopMargin(6);
        QTextCharFormat format = dimFormat();
        format.setFontItalic(true);
        startBlock(cursor, block, format);
        cursor.insertText(note, format);
    }
}

void ConversationView::renderReasoning(QTextCursor &cursor, const LaneTurn &turn, int index, bool live)
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
        const int words = wordCount(turn.result.chat.reasoning);
        const QString count = words == 1 ? tr("1 word") : tr("%1 words").arg(words);
        cursor.insertText(isReasoningExpanded(index) ? tr("▾ Hide reasoning (%1)").arg(count)
                                                     : tr("▸ Show reasoning (%1)").arg(count),
                          header);
    }
    if (live || isReasoningExpanded(index)) {
        QTextBlockFormat body;
        body.setLeftMargin(12);
        body.setBottomMargin(6);
        startBlock(cursor, body, dimFormat());
        const QString &reasoning = turn.result.chat.reasoning;
        insertShownText(cursor, reasoning, 0, shownLength(reasoning), dimFormat());
        if (!live) {
            // Leave the indented block so that what follows starts at the margin.
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        }
    }
}

void ConversationView::renderToolCall(QTextCursor &cursor, const ToolCall &call, bool streaming)
{
    startBlock(cursor);
    renderCallAsStreamed(cursor, call, streaming, traceStyle(palette(), dimFormat()));
    cursor = document()->rootFrame()->lastCursorPosition();
}

void ConversationView::renderTrace(QTextCursor &cursor, const LaneTurn &turn, int index)
{
    if (turn.result.toolRounds.isEmpty())
        return;
    startBlock(cursor);
    renderToolTrace(cursor, turn.result.toolRounds, index,
                    index < m_views.size() ? m_views.at(index).expandedCalls : QSet<QString>(),
                    traceStyle(palette(), dimFormat()));
    cursor = document()->rootFrame()->lastCursorPosition();
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationview.h"

#include "framepacer.h"
#include "markdownblocks.h"
#include "messagelinks.h"
#include "richtext.h"
#include "tooltracerender.h"

#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QScrollBar>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextFrame>
#include <QToolButton>
#include <QUrlQuery>

namespace versus::ui {

namespace {
// ~30 renders a second: smooth to the eye, and far fewer than the tokens of a fast provider.
constexpr std::chrono::milliseconds kSyncPeriod{33};
} // namespace

ConversationView::ConversationView(QWidget *parent)
    : SafeTextBrowser(parent)
    , m_jumpButton(new QToolButton(this))
{
    // A transcript is appended to for hours: no undo history to grow with it.
    document()->setUndoRedoEnabled(false);
    document()->setDocumentMargin(10);
    setFrameShape(QFrame::NoFrame);
    // Precise, and armed through FramePacer: lanes streaming at once redraw in different frames.
    m_syncTimer.setSingleShot(true);
    m_syncTimer.setTimerType(Qt::PreciseTimer);
    m_syncTimer.setInterval(kSyncPeriod);
    connect(&m_syncTimer, &QTimer::timeout, this, &ConversationView::syncStreaming);
    connect(this, &SafeTextBrowser::internalLinkActivated, this, &ConversationView::onInternalLink);

    m_jumpButton->setObjectName(QStringLiteral("jumpToLatest"));
    m_jumpButton->setText(tr("Jump to latest ↓"));
    m_jumpButton->setToolTip(tr("Scroll to the end and follow the answer again"));
    m_jumpButton->setCursor(Qt::PointingHandCursor);
    m_jumpButton->hide();
    connect(m_jumpButton, &QToolButton::clicked, this, &ConversationView::jumpToLatest);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ConversationView::onScrolled);
    // The document grew (or was laid out further): a view that follows stays at the end.
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_following)
            scrollToEnd();
    });
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
    if (url.path() == u"copy-code") {
        const QStringList codes = codeBlocks(answerText(turn));
        const int index = query.queryItemValue(QStringLiteral("index")).toInt();
        if (index >= 0 && index < codes.size())
            copy(codes.at(index), tr("Code copied to the clipboard."));
    } else if (url.path() == u"copy") {
        if (query.queryItemValue(QStringLiteral("what")) == u"prompt")
            copy(promptText(turn), tr("Prompt copied to the clipboard."));
        else
            copy(answerText(turn), tr("Answer copied to the clipboard."));
    } else if (url.path() == u"edit") {
        if (turn >= 0 && turn < turnCount())
            Q_EMIT editRequested(turn);
    } else if (url.path() == u"regenerate") {
        if (turn == turnCount() - 1 && !isStreaming())
            Q_EMIT regenerateRequested();
    } else if (url.path() == u"image") {
        const int image = query.queryItemValue(QStringLiteral("index")).toInt();
        if (turn >= 0 && turn < turnCount() && image >= 0 && image < m_model->turn(turn).images.size())
            Q_EMIT imageActivated(m_model->turn(turn).images.at(image));
    } else if (url.path() == u"reasoning") {
        setReasoningExpanded(turn, !isReasoningExpanded(turn));
    } else if (url.path() == u"call") {
        const QString key = query.queryItemValue(QStringLiteral("key"));
        setCallExpanded(turn, key, !isCallExpanded(turn, key));
    }
}

void ConversationView::copy(const QString &text, const QString &what)
{
    QGuiApplication::clipboard()->setText(text);
    Q_EMIT copied(what);
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
    jumpToLatest();
}

void ConversationView::onRowsInserted(int first, int last)
{
    if (first != m_views.size()) { // not appended: render everything again
        resetFromModel();
        return;
    }
    m_syncTimer.stop();
    m_stream.stop();
    if (m_regenerateLink.hasSelection()) // only the last answer can be regenerated
        m_regenerateLink.removeSelectedText();
    m_regenerateLink = QTextCursor();
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
    jumpToLatest(); // a new prompt: back to the end
}

void ConversationView::onDataChanged(int first, int last)
{
    const int tail = turnCount() - 1;
    // A finished turn streams again (regenerated, retried): drawn anew, with the note it has now.
    const bool restarted = first == tail && last == tail && isStreamingTurn(m_model->turn(tail)) && !m_tailStreaming;
    if (first == tail && last == tail && isStreamingTurn(m_model->turn(tail)) && !restarted) {
        if (!m_syncTimer.isActive())
            m_syncTimer.start(FramePacer::delay(this, kSyncPeriod));
        return;
    }
    m_syncTimer.stop();
    for (int row = first; row <= last && row < m_views.size(); ++row) {
        if (restarted)
            m_views[row].noteSet = false;
        if (!m_views.at(row).noteSet)
            m_views[row].note = defaultNote(m_model->turn(row));
    }
    if (first == tail && last == tail)
        rerenderTail();
    else
        renderAll();
    if (m_following)
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
    m_tailStreaming = isStreamingTurn(turn);
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
    // Appending is only right when the growing part is the last thing rendered: thinking
    // while nothing else has come, or answer text while no tool call follows it.
    // With a tool trace under the answer (a second round streams), the end of the document
    // is the trace, not the text: the turn is drawn again instead.
    const bool appendable = shape == m_tailShape && !toolsChanged && (shape.toolCalls == 0 || !textGrew) &&
                            shape.rounds == 0 && (shape.liveReasoning || !reasoningGrew || textGrew);
    if (!appendable || (textGrew && !shape.liveReasoning && !m_stream.isActive())) {
        rerenderTail();
    } else {
        if (shape.liveReasoning) {
            QTextCursor cursor(document());
            cursor.movePosition(QTextCursor::End);
            insertShownText(cursor, chat.reasoning, m_renderedReasoning, streamedLength(chat.reasoning), dimFormat());
        } else if (textGrew) {
            m_stream.update(chat.text);
        }
        markRendered(turn);
    }
    if (m_following)
        scrollToEnd();
}

void ConversationView::renderAll()
{
    m_stream.stop();
    m_regenerateLink = QTextCursor();
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
        cursor.insertText(tr("▲ Show earlier turns (%n more)", nullptr, m_firstRendered), link);
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
    m_stream.stop();
    m_regenerateLink = QTextCursor();
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

bool ConversationView::isScrolledToEnd() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 8;
}

void ConversationView::scrollToEnd()
{
    m_autoScrolling = true;
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_autoScrolling = false;
}

void ConversationView::onScrolled()
{
    if (m_autoScrolling)
        return;
    // The user moved: up stops following, back at the end follows again.
    m_following = isScrolledToEnd();
    Q_EMIT scrolledByHand();
    m_jumpButton->setVisible(!m_following);
    if (!m_following)
        placeJumpButton();
}

void ConversationView::jumpToLatest()
{
    m_following = true;
    m_jumpButton->hide();
    scrollToEnd();
}

void ConversationView::placeJumpButton()
{
    m_jumpButton->adjustSize();
    const QRect area = viewport()->geometry();
    m_jumpButton->move(area.right() - m_jumpButton->width() - 12, area.bottom() - m_jumpButton->height() - 10);
    m_jumpButton->raise();
}

void ConversationView::resizeEvent(QResizeEvent *event)
{
    SafeTextBrowser::resizeEvent(event);
    placeJumpButton();
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
// Where a ConversationView is scrolled to, said in turns rather than pixels, so that lanes
// whose answers differ in length can show the same turn (View → Synchronise scrolling).
#include "conversationview.h"

#include <QAbstractTextDocumentLayout>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>

namespace versus::ui {

double ConversationView::turnTop(int index) const
{
    if (index >= m_turnStarts.size())
        return document()->documentLayout()->documentSize().height();
    const QTextBlock block = document()->findBlock(m_turnStarts.at(index));
    return document()->documentLayout()->blockBoundingRect(block).top();
}

std::pair<int, double> ConversationView::scrollAnchor() const
{
    const qsizetype rendered = m_turnStarts.size();
    if (rendered == 0)
        return {0, 0.0};
    const double top = verticalScrollBar()->value();
    int index = 0;
    while (index + 1 < rendered && turnTop(index + 1) <= top + 0.5)
        ++index;
    const double start = turnTop(index);
    const double height = turnTop(index + 1) - start;
    const double fraction = height > 0 ? std::clamp((top - start) / height, 0.0, 1.0) : 0.0;
    return {m_firstRendered + index, fraction};
}

void ConversationView::scrollToAnchor(int turn, double fraction)
{
    if (turn >= turnCount()) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        return;
    }
    if (turn < 0)
        return;
    if (turn < m_firstRendered) {
        m_firstRendered = turn;
        renderAll();
    }
    const int index = turn - m_firstRendered;
    if (index >= m_turnStarts.size())
        return;
    const double start = turnTop(index);
    const double y = start + std::clamp(fraction, 0.0, 1.0) * (turnTop(index + 1) - start);
    verticalScrollBar()->setValue(qRound(y));
}

} // namespace versus::ui

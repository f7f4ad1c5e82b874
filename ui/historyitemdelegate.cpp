// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyitemdelegate.h"

#include "historylistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace versus::ui {

namespace {

constexpr int HorizontalMargin = 8;
constexpr int VerticalMargin = 5;
constexpr int LineGap = 2;

QList<QTextLayout::FormatRange> boldRanges(const MarkedText &marked, qsizetype from, qsizetype length)
{
    QList<QTextLayout::FormatRange> ranges;
    for (const auto &[start, spanLength] : marked.spans) {
        const qsizetype begin = std::max(start, from);
        const qsizetype end = std::min(start + spanLength, from + length);
        if (begin >= end)
            continue;
        QTextLayout::FormatRange range;
        range.start = int(begin - from);
        range.length = int(end - begin);
        range.format.setFontWeight(QFont::Bold);
        ranges << range;
    }
    return ranges;
}

} // namespace

HistoryItemDelegate::HistoryItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

int HistoryItemDelegate::detailLines(const QModelIndex &index)
{
    // A snippet needs room to show the words around the match; a date and targets fit one line.
    return index.data(HistoryListModel::TurnIdRole).toLongLong() != 0 ? 2 : 1;
}

QSize HistoryItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    const int height = 2 * VerticalMargin + metrics.height() + LineGap + detailLines(index) * metrics.lineSpacing();
    return QSize(metrics.averageCharWidth() * 24, height);
}

void HistoryItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // Background, selection and focus as the style draws them; the text is ours.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Active
                                                                            : QPalette::Inactive;
    const QColor textColor = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dimColor = textColor;
    dimColor.setAlphaF(0.65f);

    const QRect area = opt.rect.adjusted(HorizontalMargin, VerticalMargin, -HorizontalMargin, -VerticalMargin);
    QFont titleFont = opt.font;
    const bool open = index.data(HistoryListModel::IsOpenRole).toBool();
    titleFont.setBold(open);
    const QFontMetrics titleMetrics(titleFont);

    painter->save();
    painter->setClipRect(opt.rect);
    if (open) {
        // A bar at the leading edge marks the open conversation even when another row is selected.
        const QRect bar = QStyle::visualRect(opt.direction, opt.rect,
                                             QRect(opt.rect.left(), opt.rect.top() + 3, 3, opt.rect.height() - 6));
        painter->fillRect(bar, opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Highlight));
    }
    painter->setFont(titleFont);
    painter->setPen(textColor);
    const QRect titleRect(area.left(), area.top(), area.width(), titleMetrics.height());
    const QString title =
        titleMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, titleRect.width());
    painter->drawText(titleRect, int(QStyle::visualAlignment(opt.direction, Qt::AlignLeft | Qt::AlignVCenter)), title);

    painter->setPen(dimColor);
    const QRect detailRect(area.left(), titleRect.bottom() + 1 + LineGap, area.width(),
                           area.bottom() - titleRect.bottom() - LineGap);
    drawMarked(painter, detailRect, index.data(HistoryListModel::DetailRole).value<MarkedText>(), opt.font,
               detailLines(index));
    painter->restore();
}

void HistoryItemDelegate::drawMarked(QPainter *painter, const QRect &rect, const MarkedText &marked, const QFont &font,
                                     int maxLines)
{
    QTextOption textOption;
    textOption.setWrapMode(maxLines > 1 ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    QTextLayout layout(marked.text, font);
    layout.setTextOption(textOption);
    layout.setFormats(boldRanges(marked, 0, marked.text.size()));
    layout.beginLayout();
    QList<QTextLine> lines;
    qreal y = 0;
    while (lines.size() < maxLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(rect.width());
        line.setPosition(QPointF(0, y));
        y += line.height();
        lines << line;
    }
    layout.endLayout();
    if (lines.isEmpty())
        return;

    const QTextLine last = lines.last();
    const qsizetype lastStart = last.textStart();
    const bool overflows = lastStart + last.textLength() < marked.text.size() || last.naturalTextWidth() > rect.width();
    for (qsizetype i = 0; i < lines.size() - (overflows ? 1 : 0); ++i)
        lines.at(i).draw(painter, rect.topLeft());
    if (!overflows)
        return;

    // The last line ends in "…": lay out what is left again, elided, with its bold parts.
    const QString rest = marked.text.mid(lastStart);
    const QString elided = QFontMetrics(font).elidedText(rest, Qt::ElideRight, rect.width());
    QTextLayout tail(elided, font);
    QTextOption tailOption;
    tailOption.setWrapMode(QTextOption::NoWrap);
    tail.setTextOption(tailOption);
    const qsizetype kept = elided == rest ? elided.size() : std::max<qsizetype>(0, elided.size() - 1); // without "…"
    tail.setFormats(boldRanges(marked, lastStart, kept));
    tail.beginLayout();
    QTextLine line = tail.createLine();
    line.setLineWidth(rect.width());
    line.setPosition(QPointF(0, last.y()));
    tail.endLayout();
    tail.draw(painter, rect.topLeft());
}

} // namespace versus::ui

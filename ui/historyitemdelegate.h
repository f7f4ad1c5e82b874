// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace versus::ui {

struct MarkedText;

/// Draws a row of the history sidebar: the title (bold for the open conversation), elided,
/// over a dimmed detail line (date and targets) or, for a search hit, up to two lines of
/// snippet with the matches bold. All text is laid out as plain text: snippets are model
/// output and are never read as HTML.
class HistoryItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit HistoryItemDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static int detailLines(const QModelIndex &index);
    static void drawMarked(QPainter *painter, const QRect &rect, const MarkedText &marked, const QFont &font,
                           int maxLines);
};

} // namespace versus::ui

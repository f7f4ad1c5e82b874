// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/historyrecords.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QString>

#include <utility>

namespace versus::ui {

/// Plain text with some spans marked (search matches), for a delegate to draw bold. Never HTML.
struct MarkedText {
    QString text;
    QList<std::pair<qsizetype, qsizetype>> spans; ///< (start, length) in text, in order, not overlapping

    /// The marked parts of the text, in order.
    QStringList markedWords() const;
    /// @p snippet as HistoryStore::search() gives it: matches between [ and ]. FTS5 puts the
    /// marks around whole tokens, so a bracketed part that does not begin and end with a
    /// letter or digit ("[ ]", "[-x]") is text, kept as it is. (A bracketed word in the answer
    /// itself cannot be told from a match; it is shown marked.) Line breaks become spaces.
    static MarkedText fromSnippet(const QString &snippet);
    friend bool operator==(const MarkedText &, const MarkedText &) = default;
};

/// The rows of the history sidebar: either the saved conversations (newest first) or the
/// hits of a search. GUI thread only; it holds copies of what the store returned.
class HistoryListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        ConversationIdRole = Qt::UserRole + 1,
        TurnIdRole, ///< the turn of a search hit; 0 in the conversation list
        DetailRole, ///< MarkedText: date and targets, or the hit's snippet
        IsOpenRole, ///< the row is the conversation open in the window
        TitleRole,  ///< the title as stored (DisplayRole is the title made fit for one line)
    };

    explicit HistoryListModel(QObject *parent = nullptr);

    /// Shows @p conversations; dates are told relative to @p now.
    void setConversations(const QList<history::ConversationSummary> &conversations, const QDateTime &now);
    void setHits(const QList<history::SearchHit> &hits, const QDateTime &now);
    void clear();
    void setOpenConversation(qint64 conversationId);

    qint64 conversationAt(int row) const;
    qint64 turnAt(int row) const;
    /// The first row showing @p conversationId (and @p turnId when not 0); -1 when none.
    int rowOf(qint64 conversationId, qint64 turnId = 0) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// "Today 14:02", "Yesterday 09:15", "Mon 18:40", "12 Mar", or the locale's short date.
    static QString shortDate(const QDateTime &when, const QDateTime &now);
    /// @p title on one line, or "Untitled conversation" when it is empty.
    static QString displayTitle(const QString &title);

private:
    struct Row {
        qint64 conversationId = 0;
        qint64 turnId = 0;
        QString title;
        MarkedText detail;
        QString toolTip; ///< HTML built from escaped text
    };
    void resetRows(QList<Row> rows);

    QList<Row> m_rows;
    qint64 m_open = 0;
};

} // namespace versus::ui

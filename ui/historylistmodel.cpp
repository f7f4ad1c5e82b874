// SPDX-License-Identifier: GPL-3.0-or-later
#include "historylistmodel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace versus::ui {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

// One line of text: line breaks and tabs become spaces (one for one, so positions hold).
QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t' || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return text;
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QStringList MarkedText::markedWords() const
{
    QStringList words;
    for (const auto &[start, length] : spans)
        words << text.mid(start, length);
    return words;
}

MarkedText MarkedText::fromSnippet(const QString &snippet)
{
    const QString source = oneLine(snippet);
    MarkedText marked;
    marked.text.reserve(source.size());
    qsizetype i = 0;
    while (i < source.size()) {
        if (source.at(i) == u'[') {
            const qsizetype close = source.indexOf(u']', i + 1);
            const qsizetype nextOpen = source.indexOf(u'[', i + 1);
            const qsizetype length = close - i - 1;
            if (close > 0 && length > 0 && (nextOpen < 0 || nextOpen > close) && isWordChar(source.at(i + 1)) &&
                isWordChar(source.at(close - 1))) {
                marked.spans.append({marked.text.size(), length});
                marked.text += QStringView(source).mid(i + 1, length);
                i = close + 1;
                continue;
            }
        }
        marked.text += source.at(i);
        ++i;
    }
    return marked;
}

HistoryListModel::HistoryListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

QString HistoryListModel::displayTitle(const QString &title)
{
    const QString line = oneLine(title).simplified();
    return line.isEmpty() ? tr("Untitled conversation") : line;
}

QString HistoryListModel::shortDate(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return QString();
    const QLocale locale;
    const QDateTime local = when.toLocalTime();
    // Minutes are enough in a list; some locales' (and C's) short format has seconds.
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(u":ss"_s);
    const QString time = locale.toString(local.time(), timeFormat);
    const qint64 daysAgo = local.date().daysTo(now.toLocalTime().date());
    if (daysAgo == 0)
        return tr("Today %1").arg(time);
    if (daysAgo == 1)
        return tr("Yesterday %1").arg(time);
    if (daysAgo > 1 && daysAgo < 7)
        return locale.toString(local.date(), QStringLiteral("ddd")) + u' ' + time;
    if (daysAgo > 0 && local.date().year() == now.toLocalTime().date().year())
        return locale.toString(local.date(), tr("d MMM", "date format for a day of this year"));
    return locale.toString(local.date(), QLocale::ShortFormat);
}

void HistoryListModel::setConversations(const QList<history::ConversationSummary> &conversations, const QDateTime &now)
{
    const QLocale locale;
    QList<Row> rows;
    rows.reserve(conversations.size());
    for (const history::ConversationSummary &summary : conversations) {
        Row row;
        row.conversationId = summary.id;
        row.title = summary.title;
        const QString date = shortDate(summary.updatedAt, now);
        const QString targets = summary.targets.join(tr(" vs ", "between the targets of two lanes"));
        row.detail.text = oneLine(targets.isEmpty() ? date : date + QStringLiteral(" · ") + targets);

        QString tip = u"<b>"_s + escaped(displayTitle(summary.title)) + u"</b><br>"_s +
                      escaped(tr("%n turn(s), last on %1", nullptr, summary.turnCount)
                                  .arg(locale.toString(summary.updatedAt.toLocalTime(), QLocale::LongFormat)));
        for (const QString &target : summary.targets)
            tip += u"<br>"_s + escaped(target);
        row.toolTip = tip;
        rows << row;
    }
    resetRows(std::move(rows));
}

void HistoryListModel::setHits(const QList<history::SearchHit> &hits, const QDateTime &now)
{
    QList<Row> rows;
    rows.reserve(hits.size());
    for (const history::SearchHit &hit : hits) {
        Row row;
        row.conversationId = hit.conversationId;
        row.turnId = hit.turnId;
        row.title = hit.conversationTitle;
        row.detail = MarkedText::fromSnippet(hit.snippet);
        const QString where = hit.answerId == 0 ? tr("Found in a prompt") : tr("Found in an answer");
        QString tip = u"<b>"_s + escaped(displayTitle(hit.conversationTitle)) + u"</b><br>"_s + escaped(where);
        if (hit.updatedAt.isValid())
            tip += escaped(QStringLiteral(" · ") + shortDate(hit.updatedAt, now));
        row.toolTip = tip;
        rows << row;
    }
    resetRows(std::move(rows));
}

void HistoryListModel::clear()
{
    resetRows({});
}

void HistoryListModel::resetRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void HistoryListModel::setOpenConversation(qint64 conversationId)
{
    if (m_open == conversationId)
        return;
    m_open = conversationId;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {IsOpenRole});
}

qint64 HistoryListModel::conversationAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).conversationId : 0;
}

qint64 HistoryListModel::turnAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).turnId : 0;
}

int HistoryListModel::rowOf(qint64 conversationId, qint64 turnId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        const Row &r = m_rows.at(row);
        if (r.conversationId == conversationId && (turnId == 0 || r.turnId == turnId))
            return row;
    }
    return -1;
}

int HistoryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant HistoryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayTitle(row.title);
    case Qt::ToolTipRole:
        return row.toolTip;
    case Qt::AccessibleDescriptionRole:
        return row.detail.text;
    case ConversationIdRole:
        return row.conversationId;
    case TurnIdRole:
        return row.turnId;
    case DetailRole:
        return QVariant::fromValue(row.detail);
    case IsOpenRole:
        return m_open != 0 && row.conversationId == m_open;
    case TitleRole:
        return row.title;
    default:
        return {};
    }
}

} // namespace versus::ui

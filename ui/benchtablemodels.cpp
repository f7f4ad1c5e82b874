// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchtablemodels.h"

#include "metricsfooter.h"
#include "pricing/cost.h"

#include <QCoreApplication>
#include <QLocale>
#include <QVariantMap>

namespace versus::ui {

using bench::Distribution;

namespace {

QString durationText(const std::optional<Distribution> &d, double Distribution::*field)
{
    if (!d || d->count == 0)
        return QStringLiteral("–");
    return MetricsFooter::formatDuration(*d.*field);
}

QString rateText(const std::optional<Distribution> &d, double Distribution::*field)
{
    if (!d || d->count == 0)
        return QStringLiteral("–");
    QString text = MetricsFooter::formatRate(*d.*field);
    if (d->estimated)
        text.prepend(u'~');
    return text;
}

QVariant value(const std::optional<Distribution> &d, double Distribution::*field)
{
    if (!d || d->count == 0)
        return {};
    return *d.*field;
}

QString costText(const bench::TargetSummary &s)
{
    if (s.totalTokens == 0 && s.totalCostMicroUsd == 0)
        return QStringLiteral("–");
    if (s.unpricedSamples > 0 && !s.costKnown())
        return QCoreApplication::translate("versus::ui::BenchView", "unpriced");
    QString text = formatUsd(s.totalCostMicroUsd, QLocale());
    if (s.costEstimated)
        text.prepend(u'~');
    if (s.unpricedSamples > 0)
        text = QCoreApplication::translate("versus::ui::BenchView", "%1 + %n unpriced", nullptr, s.unpricedSamples)
                   .arg(text);
    return text;
}

QString sampleDuration(const std::optional<double> &ms)
{
    return ms ? MetricsFooter::formatDuration(*ms) : QStringLiteral("–");
}

QString sampleCost(const LaneResult &result)
{
    if (result.cost)
        return (result.cost->estimated ? QStringLiteral("~") : QString()) +
               formatUsd(result.cost->totalMicroUsd, QLocale());
    const Usage &usage = result.chat.usage;
    if (!result.priced && usage.completionTokens.value_or(0) + usage.promptTokens.value_or(0) > 0)
        return QCoreApplication::translate("versus::ui::BenchView", "unpriced");
    return QStringLiteral("–");
}

QString statusText(const LaneResult &result)
{
    switch (result.chat.status) {
    case ResultStatus::Ok:
        return QCoreApplication::translate("versus::ui::BenchView", "ok");
    case ResultStatus::Error:
        return QCoreApplication::translate("versus::ui::BenchView", "error");
    case ResultStatus::Cancelled:
        return QCoreApplication::translate("versus::ui::BenchView", "stopped");
    case ResultStatus::Truncated:
        return QCoreApplication::translate("versus::ui::BenchView", "cut short");
    }
    return {};
}

QString errorText(const LaneResult &result)
{
    if (!result.chat.error)
        return {};
    const ChatError &error = *result.chat.error;
    QString text = benchErrorKindText(errorKindName(error.kind));
    if (error.httpStatus > 0)
        text += QCoreApplication::translate("versus::ui::BenchView", " (HTTP %1)").arg(error.httpStatus);
    if (!error.message.isEmpty())
        text += QStringLiteral(": ") + error.message;
    return text;
}

Qt::Alignment alignmentOf(bool number)
{
    return number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter;
}

} // namespace

QString benchErrorKindText(const QString &name)
{
    const std::optional<ErrorKind> kind = errorKindFromName(name);
    if (!kind)
        return name;
    switch (*kind) {
    case ErrorKind::Auth:
        return QCoreApplication::translate("versus::ui::BenchView", "authentication");
    case ErrorKind::RateLimit:
        return QCoreApplication::translate("versus::ui::BenchView", "rate limit");
    case ErrorKind::NotFound:
        return QCoreApplication::translate("versus::ui::BenchView", "not found");
    case ErrorKind::BadRequest:
        return QCoreApplication::translate("versus::ui::BenchView", "bad request");
    case ErrorKind::Quota:
        return QCoreApplication::translate("versus::ui::BenchView", "quota");
    case ErrorKind::Server:
        return QCoreApplication::translate("versus::ui::BenchView", "server error");
    case ErrorKind::Network:
        return QCoreApplication::translate("versus::ui::BenchView", "network");
    case ErrorKind::Timeout:
        return QCoreApplication::translate("versus::ui::BenchView", "timeout");
    case ErrorKind::Tls:
        return QCoreApplication::translate("versus::ui::BenchView", "TLS");
    case ErrorKind::Stream:
        return QCoreApplication::translate("versus::ui::BenchView", "broken stream");
    case ErrorKind::Config:
        return QCoreApplication::translate("versus::ui::BenchView", "setup (key, model)");
    case ErrorKind::Cancelled:
        return QCoreApplication::translate("versus::ui::BenchView", "cancelled");
    }
    return name;
}

QString benchErrorsText(const QMap<QString, int> &errors)
{
    int total = 0;
    QStringList kinds;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        total += it.value();
        kinds << QCoreApplication::translate("versus::ui::BenchView", "%1 %2")
                     .arg(benchErrorKindText(it.key()))
                     .arg(it.value());
    }
    if (total == 0)
        return QStringLiteral("0");
    return QCoreApplication::translate("versus::ui::BenchView", "%1 (%2)")
        .arg(total)
        .arg(kinds.join(QStringLiteral(", ")));
}

BenchSummaryModel::BenchSummaryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void BenchSummaryModel::setSummary(const QList<bench::TargetSummary> &summary)
{
    if (summary.size() == m_rows.size()) {
        m_rows = summary;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = summary;
    endResetModel();
}

int BenchSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BenchSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BenchSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const bench::TargetSummary &s = m_rows.at(index.row());
    const auto column = Column(index.column());
    if (role == Qt::TextAlignmentRole)
        return alignmentOf(column != TargetColumn && column != ErrorsColumn).toInt();
    if (role == ErrorsRole) {
        QVariantMap errors;
        for (auto it = s.errors.cbegin(); it != s.errors.cend(); ++it)
            errors.insert(it.key(), it.value());
        return errors;
    }
    if (role == Qt::ToolTipRole) {
        if (column == CostColumn && s.unpricedSamples > 0)
            return QCoreApplication::translate(
                "versus::ui::BenchView",
                "%n request(s) used tokens of a model without a known price: they are left out of the total, "
                "not guessed. Add the price in Settings → Prices.",
                nullptr, s.unpricedSamples);
        if (column == CostColumn && s.costEstimated)
            return QCoreApplication::translate("versus::ui::BenchView",
                                               "~: some token counts were estimated (the provider reported no usage)");
        if ((column == RateP50Column || column == RateP95Column) && s.outputTokensPerS && s.outputTokensPerS->estimated)
            return QCoreApplication::translate("versus::ui::BenchView",
                                               "~: some token counts were estimated (the provider reported no usage)");
        if (column == RequestsColumn)
            return QCoreApplication::translate("versus::ui::BenchView", "%1 answered, %2 failed")
                .arg(s.succeeded)
                .arg(s.count - s.succeeded);
        return {};
    }
    if (role != Qt::DisplayRole && role != ValueRole)
        return {};
    const bool display = role == Qt::DisplayRole;
    switch (column) {
    case TargetColumn:
        return s.target;
    case RequestsColumn:
        return display ? QVariant(QString::number(s.count)) : QVariant(double(s.count));
    case ErrorsColumn:
        return display ? QVariant(benchErrorsText(s.errors)) : QVariant(double(s.count - s.succeeded));
    case TtftP50Column:
        return display ? QVariant(durationText(s.ttftMs, &Distribution::p50)) : value(s.ttftMs, &Distribution::p50);
    case TtftP95Column:
        return display ? QVariant(durationText(s.ttftMs, &Distribution::p95)) : value(s.ttftMs, &Distribution::p95);
    case TtfatP50Column:
        return display ? QVariant(durationText(s.ttfatMs, &Distribution::p50)) : value(s.ttfatMs, &Distribution::p50);
    case E2eP50Column:
        return display ? QVariant(durationText(s.e2eMs, &Distribution::p50)) : value(s.e2eMs, &Distribution::p50);
    case E2eP95Column:
        return display ? QVariant(durationText(s.e2eMs, &Distribution::p95)) : value(s.e2eMs, &Distribution::p95);
    case RateP50Column:
        return display ? QVariant(rateText(s.outputTokensPerS, &Distribution::p50))
                       : value(s.outputTokensPerS, &Distribution::p50);
    case RateP95Column:
        return display ? QVariant(rateText(s.outputTokensPerS, &Distribution::p95))
                       : value(s.outputTokensPerS, &Distribution::p95);
    case TokensColumn:
        return display ? QVariant(QLocale().toString(s.totalTokens)) : QVariant(double(s.totalTokens));
    case CostColumn:
        if (display)
            return costText(s);
        return s.totalCostMicroUsd > 0 ? QVariant(double(s.totalCostMicroUsd) / 1e6) : QVariant();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BenchSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case TargetColumn:
            return QCoreApplication::translate("versus::ui::BenchView", "Target");
        case RequestsColumn:
            return QCoreApplication::translate("versus::ui::BenchView", "Requests");
        case ErrorsColumn:
            return QCoreApplication::translate("versus::ui::BenchView", "Errors");
        case TtftP50Column:
            return QCoreApplication::translate("versus::ui::BenchView", "TTFT p50");
        case TtftP95Column:
            return QCoreApplication::translate("versus::ui::BenchView", "TTFT p95");
        case TtfatP50Column:
            return QCoreApplication::translate("versus::ui::BenchView", "First answer p50");
        case E2eP50Column:
            return QCoreApplication::translate("versus::ui::BenchView", "Total p50");
        case E2eP95Column:
            return QCoreApplication::translate("versus::ui::BenchView", "Total p95");
        case RateP50Column:
            return QCoreApplication::translate("versus::ui::BenchView", "Speed p50");
        case RateP95Column:
            return QCoreApplication::translate("versus::ui::BenchView", "Speed p95");
        case TokensColumn:
            return QCoreApplication::translate("versus::ui::BenchView", "Tokens");
        case CostColumn:
            return QCoreApplication::translate("versus::ui::BenchView", "Cost");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case RequestsColumn:
            return QCoreApplication::translate("versus::ui::BenchView",
                                               "Measured requests finished (warm-up requests are not counted)");
        case ErrorsColumn:
            return QCoreApplication::translate(
                "versus::ui::BenchView",
                "Requests that failed, by kind; their figures are left out of the percentiles");
        case TtftP50Column:
        case TtftP95Column:
            return QCoreApplication::translate(
                "versus::ui::BenchView",
                "Time to first token: first text, reasoning or tool-call chunk − request sent (median, 95th "
                "percentile of the answered requests)");
        case TtfatP50Column:
            return QCoreApplication::translate(
                "versus::ui::BenchView",
                "Time to first answer token: first answer-text chunk − request sent, thinking included "
                "(Artificial Analysis' \"time to first answer token\")");
        case E2eP50Column:
        case E2eP95Column:
            return QCoreApplication::translate("versus::ui::BenchView", "Last token-bearing chunk − request sent");
        case RateP50Column:
        case RateP95Column:
            return QCoreApplication::translate(
                "versus::ui::BenchView",
                "Decode speed: (completion tokens − 1) / (last token − first token), completion tokens as the "
                "provider reported them (reasoning included)");
        case TokensColumn:
            return QCoreApplication::translate("versus::ui::BenchView", "Prompt + completion tokens of every request");
        case CostColumn:
            return QCoreApplication::translate(
                "versus::ui::BenchView",
                "What every request cost at the catalog's prices; ~ when token counts were estimated");
        default:
            break;
        }
    }
    return {};
}

BenchRunsModel::BenchRunsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void BenchRunsModel::setSamples(const QStringList &targets, const QList<bench::BenchSample> &samples)
{
    beginResetModel();
    m_targets = targets;
    m_rows = samples;
    endResetModel();
}

void BenchRunsModel::appendSample(const bench::BenchSample &sample)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(sample);
    endInsertRows();
}

int BenchRunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BenchRunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BenchRunsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const bench::BenchSample &sample = m_rows.at(index.row());
    const LaneResult &r = sample.result;
    const auto column = Column(index.column());
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
            alignmentOf(column != TargetColumn && column != StatusColumn && column != ErrorColumn));
    if (role == Qt::ToolTipRole && column == ErrorColumn)
        return errorText(r);
    if (role != Qt::DisplayRole && role != ValueRole)
        return {};
    const bool display = role == Qt::DisplayRole;
    auto figure = [display](const std::optional<double> &ms) {
        return display ? QVariant(sampleDuration(ms)) : (ms ? QVariant(*ms) : QVariant());
    };
    const qint64 tokens = r.chat.usage.promptTokens.value_or(0) + r.chat.usage.completionTokens.value_or(0);
    switch (column) {
    case TargetColumn:
        return m_targets.value(sample.targetIndex, r.target.isEmpty() ? QStringLiteral("?") : r.target);
    case PromptColumn:
        return display ? QVariant(QString::number(sample.promptIndex + 1)) : QVariant(sample.promptIndex);
    case RunColumn:
        return display ? QVariant(QString::number(sample.runIndex + 1)) : QVariant(sample.runIndex);
    case StatusColumn:
        return display ? QVariant(statusText(r)) : QVariant(resultStatusName(r.chat.status));
    case TtftColumn:
        return figure(r.metrics.ttftMs);
    case TtfatColumn:
        return figure(r.metrics.ttfatMs);
    case E2eColumn:
        return figure(r.metrics.e2eMs);
    case RateColumn:
        if (!r.metrics.outputTokensPerS)
            return display ? QVariant(QStringLiteral("–")) : QVariant();
        if (!display)
            return *r.metrics.outputTokensPerS;
        return QString((r.metrics.estimated ? QStringLiteral("~") : QString()) +
                       MetricsFooter::formatRate(*r.metrics.outputTokensPerS));
    case TokensColumn:
        return display ? QVariant(tokens > 0 ? QLocale().toString(tokens) : QStringLiteral("–")) : QVariant(tokens);
    case CostColumn:
        if (display)
            return sampleCost(r);
        return r.cost ? QVariant(double(r.cost->totalMicroUsd) / 1e6) : QVariant();
    case ErrorColumn:
        return display ? QVariant(errorText(r))
                       : QVariant(r.chat.error ? errorKindName(r.chat.error->kind) : QString());
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BenchRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (Column(section)) {
    case TargetColumn:
        return QCoreApplication::translate("versus::ui::BenchView", "Target");
    case PromptColumn:
        return QCoreApplication::translate("versus::ui::BenchView", "Prompt");
    case RunColumn:
        return QCoreApplication::translate("versus::ui::BenchView", "Run");
    case StatusColumn:
        return QCoreApplication::translate("versus::ui::BenchView", "Status");
    case TtftColumn:
        return QCoreApplication::translate("versus::ui::BenchView", "TTFT");
    case TtfatColumn:
        return QCoreApplication::translate("versus::ui::BenchView", "First answer");
    case E2eColumn:
        return QCoreApplication::translate("versus::ui::BenchView", "Total");
    case RateColumn:
        return QCoreApplication::translate("versus::ui::BenchView", "Speed");
    case TokensColumn:
        return QCoreApplication::translate("versus::ui::BenchView", "Tokens");
    case CostColumn:
        return QCoreApplication::translate("versus::ui::BenchView", "Cost");
    case ErrorColumn:
        return QCoreApplication::translate("versus::ui::BenchView", "Error");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace versus::ui

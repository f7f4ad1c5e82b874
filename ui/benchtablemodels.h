// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bench/benchsummary.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace versus::ui {

/// An error kind in a person's words ("rate limit", "authentication"); @p name is errorKindName().
QString benchErrorKindText(const QString &name);
/// "3 (rate limit 2, timeout 1)", or "0".
QString benchErrorsText(const QMap<QString, int> &errors);

/// The Bench view's results: one row per target of the benchmark, its figures as summarize()
/// makes them. DisplayRole is the text shown ("~" before a figure resting on estimated token
/// counts, "unpriced" where no price is known: never a guess); ValueRole the number behind it
/// (a double; invalid when there is none), ErrorsRole the errors by kind name (a QVariantMap).
class BenchSummaryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TargetColumn,
        RequestsColumn,
        ErrorsColumn,
        TtftP50Column,
        TtftP95Column,
        TtfatP50Column,
        E2eP50Column,
        E2eP95Column,
        RateP50Column,
        RateP95Column,
        TokensColumn,
        CostColumn,
        ColumnCount
    };
    enum Role { ValueRole = Qt::UserRole, ErrorsRole };

    explicit BenchSummaryModel(QObject *parent = nullptr);

    void setSummary(const QList<bench::TargetSummary> &summary);
    const QList<bench::TargetSummary> &summary() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<bench::TargetSummary> m_rows;
};

/// The Bench view's runs: one row per measured request, in the order they finished.
class BenchRunsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TargetColumn,
        PromptColumn,
        RunColumn,
        StatusColumn,
        TtftColumn,
        TtfatColumn,
        E2eColumn,
        RateColumn,
        TokensColumn,
        CostColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role { ValueRole = Qt::UserRole };

    explicit BenchRunsModel(QObject *parent = nullptr);

    /// Replaces the rows; @p targets names the samples' targetIndex.
    void setSamples(const QStringList &targets, const QList<bench::BenchSample> &samples);
    void appendSample(const bench::BenchSample &sample);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_targets;
    QList<bench::BenchSample> m_rows;
};

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace versus {
class Engine;
}

namespace versus::ui {

/// Settings page "Prices": the price table in force (bundled catalog, prices read from live
/// model lists, the user's overrides — PriceCatalog::effective()) with where each price comes
/// from and its date, a filter box, and an editor of the user's overrides. Saving or removing
/// an override writes pricing.json (keeping the rest of it), reloads the engine's overrides
/// and emits pricesChanged(): the next cost uses it.
///
/// Child widgets: "priceFilter", "priceTable", "priceProvider", "priceModel", "priceInput",
/// "priceOutput", "priceCached", "priceCacheWrite", "priceError", "priceSave", "priceRemove".
class PricesPage : public QWidget {
    Q_OBJECT
public:
    enum Column {
        ProviderColumn,
        ModelColumn,
        InputColumn,
        OutputColumn,
        CachedColumn,
        CacheWriteColumn,
        SourceColumn,
        DateColumn,
        ColumnCount
    };

    /// @p path: the overrides file (PriceCatalog::defaultOverridePath() when empty).
    explicit PricesPage(Engine &engine, const QString &path = QString(), QWidget *parent = nullptr);

    /// Shows the engine's table again.
    void refresh();
    /// Saves the form as an override; false (and the reason shown) when it could not be.
    bool saveOverride();
    /// Removes the user's override of the provider and model in the form.
    bool removeOverride();

    QStandardItemModel *model() const { return m_model; }
    QSortFilterProxyModel *filtered() const { return m_filter; }

Q_SIGNALS:
    void pricesChanged();

private:
    void showRow(const QModelIndex &index);
    void updateRemove();
    void showError(const QString &text);

    Engine &m_engine;
    QString m_path;
    QLineEdit *m_filterEdit;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_filter;
    QTableView *m_table;
    QComboBox *m_provider;
    QLineEdit *m_modelEdit;
    QLineEdit *m_input;
    QLineEdit *m_output;
    QLineEdit *m_cached;
    QLineEdit *m_cacheWrite;
    QLabel *m_error;
    QPushButton *m_save;
    QPushButton *m_remove;
};

} // namespace versus::ui

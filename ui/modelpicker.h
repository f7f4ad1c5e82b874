// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pricing/pricecatalog.h"
#include "providers/provider.h"

#include <QComboBox>
#include <QPointer>

class QStandardItemModel;

namespace versus::ui {

class ModelListSource;

/// The model box of a lane: an editable combo box whose list is the provider's models (the
/// live list when one was fetched or cached, else the catalog's; see ModelListSource), one row
/// per model with its capability letters and its price per million tokens. Typing filters the
/// list (any part of the id); any id can still be typed. Opening the list refreshes the live
/// list in the background.
class ModelPicker : public QComboBox {
    Q_OBJECT
public:
    enum Column { IdColumn, CapabilitiesColumn, PriceColumn, ColumnCount };

    explicit ModelPicker(QWidget *parent = nullptr);

    /// Where the models come from (none: the catalog's); @p prices prices the rows. Both must
    /// outlive the picker.
    void setSource(ModelListSource *source, const PriceCatalog *prices);
    ModelListSource *source() const;
    /// Lists @p provider's models (keeping the text typed); null empties the list.
    void setProvider(const Provider *provider);
    /// Fetches the provider's live list in the background (when a source is set).
    void refresh();
    QStandardItemModel *models() const { return m_model; }

    void showPopup() override;

private:
    void fill();

    QStandardItemModel *m_model;
    QPointer<ModelListSource> m_source;
    const PriceCatalog *m_prices = nullptr;
    const Provider *m_provider = nullptr;
};

} // namespace versus::ui

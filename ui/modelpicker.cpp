// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelpicker.h"

#include "capabilitybadges.h"
#include "modellistsource.h"
#include "pricing/cost.h"
#include "providers/modelchoices.h"

#include <QCompleter>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QStandardItemModel>
#include <QTreeView>

#include <algorithm>

namespace versus::ui {

namespace {
constexpr Capability kOrder[] = {Capability::Streaming,    Capability::FunctionCalls,    Capability::Reasoning,
                                 Capability::BuiltinTools, Capability::StructuredOutput, Capability::Vision};

// The letters of what the model can do (as the lane's badges), and the same in words.
std::pair<QString, QString> capabilityText(const Capabilities &caps)
{
    QStringList letters;
    QStringList yes;
    QStringList no;
    for (Capability capability : kOrder) {
        const auto value = capabilityValue(caps, capability);
        if (value == true) {
            letters << CapabilityBadges::letter(capability);
            yes << capabilityDisplayName(capability);
        } else if (value == false) {
            no << capabilityDisplayName(capability);
        }
    }
    QStringList tip;
    if (!yes.isEmpty())
        tip << ModelPicker::tr("Can do: %1.").arg(yes.join(QStringLiteral(", ")));
    if (!no.isEmpty())
        tip << ModelPicker::tr("Cannot do: %1.").arg(no.join(QStringLiteral(", ")));
    return {letters.join(u' '), tip.join(u'\n')};
}
} // namespace

ModelPicker::ModelPicker(QWidget *parent)
    : QComboBox(parent)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setModel(m_model);
    setModelColumn(IdColumn);

    auto *view = new QTreeView(this);
    view->setRootIsDecorated(false);
    view->setItemsExpandable(false);
    view->setAllColumnsShowFocus(true);
    view->setUniformRowHeights(true);
    view->header()->hide();
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->setObjectName(QStringLiteral("modelPickerList"));
    setView(view);

    // Typing filters: every model whose id holds what is typed, in a list under the box.
    auto *completer = new QCompleter(m_model, this);
    completer->setCompletionColumn(IdColumn);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setMaxVisibleItems(12);
    setCompleter(completer);
}

void ModelPicker::setSource(ModelListSource *source, const PriceCatalog *prices)
{
    if (m_source)
        m_source->disconnect(this);
    m_source = source;
    m_prices = prices;
    if (m_source) {
        connect(m_source, &ModelListSource::modelsChanged, this, [this](const QString &providerId) {
            if (m_provider && m_provider->id() == providerId)
                fill();
        });
    }
    fill();
}

ModelListSource *ModelPicker::source() const
{
    return m_source;
}

void ModelPicker::setProvider(const Provider *provider)
{
    m_provider = provider;
    fill();
}

void ModelPicker::refresh()
{
    if (m_source && m_provider)
        m_source->refresh(*m_provider);
}

void ModelPicker::showPopup()
{
    refresh();
    QComboBox::showPopup();
    // Wide enough for the id, the letters and the price side by side.
    QAbstractItemView *list = view();
    int width = 0;
    for (int column = 0; column < ColumnCount; ++column)
        width += list->sizeHintForColumn(column) + 16;
    list->setMinimumWidth(std::max(width, this->width()));
}

void ModelPicker::fill()
{
    const QSignalBlocker block(this);
    const QString typed = currentText();
    m_model->removeRows(0, m_model->rowCount());
    if (!m_provider) {
        setEditText(typed);
        return;
    }
    const ProviderInfo &info = m_provider->info();
    const QList<ModelInfo> models = m_source ? m_source->models(*m_provider) : modelChoices(info, std::nullopt);
    for (const ModelInfo &model : models) {
        auto *id = new QStandardItem(model.id);
        id->setToolTip(model.displayName.isEmpty() ? model.id : tr("%1 (%2)").arg(model.displayName, model.id));
        const auto [letters, lettersTip] = capabilityText(model.capabilities);
        auto *caps = new QStandardItem(letters);
        caps->setToolTip(lettersTip);
        auto *price = new QStandardItem;
        if (const auto known = m_prices ? modelPrice(*m_prices, info.id, model) : std::nullopt) {
            price->setText(tr("%1 / %2").arg(formatUsd(known->inputMicroPerMtok, QLocale()),
                                             formatUsd(known->outputMicroPerMtok, QLocale())));
            price->setToolTip(
                known->fromCatalog
                    ? tr("Per million tokens, input / output (the price table Versus charges with)")
                    : tr("Per million tokens, input / output, as %1's model list states it").arg(info.displayName));
        } else {
            price->setToolTip(tr("No price known for this model"));
        }
        for (QStandardItem *item : {id, caps, price})
            item->setEditable(false);
        m_model->appendRow({id, caps, price});
    }
    const int index = findText(typed);
    if (index >= 0)
        setCurrentIndex(index);
    else
        setEditText(typed);
    lineEdit()->setPlaceholderText(models.isEmpty() ? tr("type a model id") : tr("model id"));
}

} // namespace versus::ui

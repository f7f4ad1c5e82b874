// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricespage.h"

#include "engine/engine.h"
#include "pricing/fixedpoint.h"
#include "pricing/priceoverrides.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace versus::ui {

namespace {

template<typename W>
W *named(W *widget, const char *name)
{
    widget->setObjectName(QLatin1String(name));
    return widget;
}

/// A price as the window's locale writes it: "0.15" in English, "0,15" in French.
QString usd(qint64 micro)
{
    return formatFixedPoint(micro, 6).replace(u'.', QLocale().decimalPoint());
}

/// A price typed in the editor: with the locale's decimal separator or a point, a dollar
/// sign or not. Read digit by digit (parseFixedPoint), never through a double.
std::expected<qint64, QString> parseUsd(QString text)
{
    text.remove(u'$');
    text = text.trimmed();
    const QString point = QLocale().decimalPoint();
    if (point != QStringLiteral(".") && !text.contains(u'.'))
        text.replace(point, QStringLiteral("."));
    return parseFixedPoint(text, 6);
}

QString usd(const std::optional<qint64> &micro)
{
    return micro ? usd(*micro) : QString();
}

/// What the table sorts by: the figure of a price, the text of everything else.
constexpr int kSortRole = Qt::UserRole + 1;

} // namespace

PricesPage::PricesPage(Engine &engine, const QString &path, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_path(path.isEmpty() ? PriceCatalog::defaultOverridePath() : path)
    , m_filterEdit(named(new QLineEdit(this), "priceFilter"))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_table(named(new QTableView(this), "priceTable"))
    , m_provider(named(new QComboBox(this), "priceProvider"))
    , m_modelEdit(named(new QLineEdit(this), "priceModel"))
    , m_input(named(new QLineEdit(this), "priceInput"))
    , m_output(named(new QLineEdit(this), "priceOutput"))
    , m_cached(named(new QLineEdit(this), "priceCached"))
    , m_cacheWrite(named(new QLineEdit(this), "priceCacheWrite"))
    , m_error(named(new QLabel(this), "priceError"))
    , m_save(named(new QPushButton(tr("Save override"), this), "priceSave"))
    , m_remove(named(new QPushButton(tr("Remove override"), this), "priceRemove"))
{
    m_model->setHorizontalHeaderLabels({tr("Provider"), tr("Model"), tr("Input"), tr("Output"), tr("Cached input"),
                                        tr("Cache write"), tr("Source"), tr("As of")});
    m_filter->setSourceModel(m_model);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setSortRole(kSortRole);
    m_filter->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_filterEdit->setPlaceholderText(tr("Filter by provider, model or source"));
    m_filterEdit->setClearButtonEnabled(true);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ProviderColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ModelColumn, QHeaderView::Stretch);

    auto *intro = new QLabel(tr("USD per million tokens. An override of yours wins over the bundled catalog and the "
                                "providers' live lists; it is kept in %1.")
                                 .arg(m_path.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_provider->setEditable(false);
    for (const Provider *provider : engine.registry().providers())
        m_provider->addItem(provider->info().displayName, provider->id());
    m_modelEdit->setPlaceholderText(tr("model id, or * for every model"));
    for (QLineEdit *edit : {m_input, m_output})
        edit->setPlaceholderText(tr("e.g. %1").arg(usd(150'000)));
    for (QLineEdit *edit : {m_cached, m_cacheWrite})
        edit->setPlaceholderText(tr("same as input"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *editor = new QGridLayout;
    editor->addWidget(new QLabel(tr("Provider"), this), 0, 0);
    editor->addWidget(m_provider, 0, 1);
    editor->addWidget(new QLabel(tr("Model"), this), 0, 2);
    editor->addWidget(m_modelEdit, 0, 3);
    editor->addWidget(new QLabel(tr("Input"), this), 1, 0);
    editor->addWidget(m_input, 1, 1);
    editor->addWidget(new QLabel(tr("Output"), this), 1, 2);
    editor->addWidget(m_output, 1, 3);
    editor->addWidget(new QLabel(tr("Cached input"), this), 2, 0);
    editor->addWidget(m_cached, 2, 1);
    editor->addWidget(new QLabel(tr("Cache write"), this), 2, 2);
    editor->addWidget(m_cacheWrite, 2, 3);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addStretch(); // the buttons keep their size when there is no message
    buttons->addWidget(m_remove);
    buttons->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_table, 1);
    layout->addLayout(editor);
    layout->addLayout(buttons);

    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRow(current); });
    connect(m_provider, &QComboBox::currentIndexChanged, this, &PricesPage::updateRemove);
    connect(m_modelEdit, &QLineEdit::textChanged, this, &PricesPage::updateRemove);
    connect(m_save, &QPushButton::clicked, this, &PricesPage::saveOverride);
    connect(m_remove, &QPushButton::clicked, this, &PricesPage::removeOverride);
    refresh();
}

void PricesPage::refresh()
{
    m_model->removeRows(0, m_model->rowCount());
    const QList<PriceEntry> entries = m_engine.prices().effective();
    for (const PriceEntry &entry : entries) {
        const QString source = entry.origin == PriceOrigin::User           ? tr("user")
                               : entry.origin == PriceOrigin::ProviderList ? tr("live")
                                                                           : tr("bundled");
        QList<QStandardItem *> row;
        for (const QString &text :
             {entry.provider, entry.model, usd(entry.price.inputMicroPerMtok), usd(entry.price.outputMicroPerMtok),
              usd(entry.price.cachedInputMicroPerMtok), usd(entry.price.cacheWriteMicroPerMtok), source,
              entry.asOf.isValid() ? entry.asOf.toString(Qt::ISODate) : QString()}) {
            auto *item = new QStandardItem(text);
            item->setToolTip(entry.source.isEmpty() ? entry.note : entry.source);
            row << item;
        }
        // Prices sort as numbers ("2" before "10"), with no price after every price.
        const QList<std::optional<qint64>> prices{entry.price.inputMicroPerMtok, entry.price.outputMicroPerMtok,
                                                  entry.price.cachedInputMicroPerMtok,
                                                  entry.price.cacheWriteMicroPerMtok};
        for (int i = 0; i < prices.size(); ++i) {
            row[InputColumn + i]->setData(
                prices.at(i) ? QVariant(*prices.at(i)) : QVariant(std::numeric_limits<qint64>::max()), kSortRole);
        }
        for (int column : {ProviderColumn, ModelColumn, SourceColumn, DateColumn})
            row[column]->setData(row[column]->text(), kSortRole);
        if (!entry.tiers.isEmpty()) // the table shows the base price; the tiers are in the tooltip
            row[InputColumn]->setToolTip(tr("Other prices apply at some hours (%1)").arg(entry.tiers.first().name));
        row[SourceColumn]->setData(int(entry.origin), Qt::UserRole);
        m_model->appendRow(row);
    }
    m_table->resizeColumnsToContents();
    updateRemove();
}

void PricesPage::showRow(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QModelIndex source = m_filter->mapToSource(index);
    const auto text = [&](int column) { return m_model->item(source.row(), column)->text(); };
    const int provider = m_provider->findData(text(ProviderColumn));
    if (provider >= 0)
        m_provider->setCurrentIndex(provider);
    m_modelEdit->setText(text(ModelColumn));
    m_input->setText(text(InputColumn));
    m_output->setText(text(OutputColumn));
    m_cached->setText(text(CachedColumn));
    m_cacheWrite->setText(text(CacheWriteColumn));
    showError(QString());
}

void PricesPage::updateRemove()
{
    const auto entry = m_engine.prices().find(m_provider->currentData().toString(), m_modelEdit->text().trimmed());
    m_remove->setEnabled(entry && entry->origin == PriceOrigin::User && entry->model == m_modelEdit->text().trimmed());
}

void PricesPage::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

bool PricesPage::saveOverride()
{
    PriceEntry entry;
    entry.provider = m_provider->currentData().toString();
    entry.model = m_modelEdit->text().trimmed();
    entry.origin = PriceOrigin::User;
    entry.source = tr("set in Versus");
    if (entry.provider.isEmpty() || entry.model.isEmpty()) {
        showError(tr("Choose a provider and type a model id (or * for all its models)."));
        return false;
    }
    const auto read = [this](QLineEdit *edit, const QString &what, bool optional) -> std::optional<qint64> {
        const QString text = edit->text().trimmed();
        if (text.isEmpty() && optional)
            return std::nullopt;
        auto value = parseUsd(text);
        if (!value || *value < 0) {
            showError(
                tr("%1: \"%2\" is not a price in USD per million tokens, e.g. %3.").arg(what, text, usd(150'000)));
            return -1;
        }
        return *value;
    };
    const auto input = read(m_input, tr("Input"), false);
    if (!input || *input < 0)
        return false;
    const auto output = read(m_output, tr("Output"), false);
    if (!output || *output < 0)
        return false;
    const auto cached = read(m_cached, tr("Cached input"), true);
    if (cached && *cached < 0)
        return false;
    const auto cacheWrite = read(m_cacheWrite, tr("Cache write"), true);
    if (cacheWrite && *cacheWrite < 0)
        return false;
    entry.price.inputMicroPerMtok = *input;
    entry.price.outputMicroPerMtok = *output;
    entry.price.cachedInputMicroPerMtok = cached;
    entry.price.cacheWriteMicroPerMtok = cacheWrite;
    if (auto saved = savePriceOverride(m_path, entry); !saved) {
        showError(saved.error());
        return false;
    }
    const QList<PriceError> problems = m_engine.reloadPriceOverrides(m_path);
    showError(problems.isEmpty() ? QString() : problems.first().toString());
    refresh();
    Q_EMIT pricesChanged();
    return true;
}

bool PricesPage::removeOverride()
{
    auto removed = removePriceOverride(m_path, m_provider->currentData().toString(), m_modelEdit->text().trimmed());
    if (!removed) {
        showError(removed.error());
        return false;
    }
    m_engine.reloadPriceOverrides(m_path);
    refresh();
    Q_EMIT pricesChanged();
    return *removed;
}

} // namespace versus::ui

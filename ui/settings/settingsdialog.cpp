// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "customendpointspage.h"
#include "engine/engine.h"
#include "generalpage.h"
#include "mcpserverspage.h"
#include "pricespage.h"
#include "providerkeyspage.h"
#include "providers/modellistkeycheck.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QScreen>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace versus::ui {

SettingsDialog::SettingsDialog(Engine &engine, AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_list(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_general(new GeneralPage(engine, settings, this))
    , m_keys(makeKeysPage())
    , m_endpoints(new CustomEndpointsPage(engine, QString(), this))
    , m_prices(new PricesPage(engine, QString(), this))
    , m_mcp(new McpServersPage(engine, QString(), this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_list->setObjectName(QStringLiteral("settingsPages"));
    m_stack->setObjectName(QStringLiteral("settingsStack"));

    // The keys page can be long: it scrolls on its own.
    auto *keysScroll = new QScrollArea(this);
    keysScroll->setObjectName(QStringLiteral("providerKeysScroll"));
    keysScroll->setWidgetResizable(true);
    keysScroll->setFrameShape(QFrame::NoFrame);
    keysScroll->setWidget(m_keys);

    const std::pair<QString, QWidget *> pages[] = {
        {tr("General"), m_general}, {tr("Providers & Keys"), keysScroll}, {tr("Custom endpoints"), m_endpoints},
        {tr("Prices"), m_prices},   {tr("MCP servers"), m_mcp},
    };
    for (const auto &[title, page] : pages) {
        m_list->addItem(title);
        m_stack->addWidget(page);
    }
    m_list->setFixedWidth(m_list->sizeHintForColumn(0) + 32);
    connect(m_list, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_list, &QListWidget::currentRowChanged, this,
            [this](int row) { setWindowTitle(tr("Settings — %1").arg(m_list->item(row)->text())); });

    connect(m_general, &GeneralPage::themeChanged, this, &SettingsDialog::themeChanged);
    connect(m_general, &GeneralPage::sendKeyChanged, this, &SettingsDialog::sendKeyChanged);
    connect(m_endpoints, &CustomEndpointsPage::providersChanged, this, [this] {
        rebuildKeysPage(); // a new endpoint that needs a key gets its row
        Q_EMIT providersChanged();
    });
    connect(m_prices, &PricesPage::pricesChanged, this, &SettingsDialog::pricesChanged);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_list);
    columns->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    // Wide enough for a key entry to show a whole masked key beside its row's buttons.
    QSize size(1240, 680);
    if (const QScreen *screen = parent ? parent->screen() : this->screen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    resize(size);
    showPage(Page::General);
}

ProviderKeysPage *SettingsDialog::makeKeysPage()
{
    QList<KeyedProvider> providers;
    for (const Provider *provider : m_engine.registry().providers()) {
        const ProviderInfo &info = provider->info();
        if (info.keyRequired)
            providers.append(KeyedProvider{info.id, info.displayName, info.keyEnvVar, info.keyRequired});
    }
    auto *page = new ProviderKeysPage(&m_engine.keyStore(), providers, this);
    page->setKeyCheck(net::modelListKeyCheck(m_engine.network(), m_engine.registry()));
    return page;
}

void SettingsDialog::rebuildKeysPage()
{
    auto *scroll = findChild<QScrollArea *>(QStringLiteral("providerKeysScroll"));
    ProviderKeysPage *old = m_keys;
    m_keys = makeKeysPage();
    scroll->setWidget(m_keys); // deletes the old page
    Q_UNUSED(old);
}

void SettingsDialog::showPage(Page page)
{
    m_list->setCurrentRow(int(page));
}

SettingsDialog::Page SettingsDialog::currentPage() const
{
    return Page(m_list->currentRow());
}

void SettingsDialog::refresh()
{
    m_keys->refresh();
    m_mcp->refresh();
    m_prices->refresh();
    m_endpoints->refresh();
}

} // namespace versus::ui

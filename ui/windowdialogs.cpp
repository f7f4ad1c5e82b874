// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowdialogs.h"

#include "engine/engine.h"
#include "metrics/metricdocs.h"
#include "providers/modellistkeycheck.h"
#include "safetextbrowser.h"
#include "settings/mcpserverspage.h"
#include "settings/providerkeyspage.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>

namespace versus::ui {

namespace {
// The window's dialogs keep the window's wording.
QString tr(const char *text)
{
    return QCoreApplication::translate("versus::ui::MainWindow", text);
}
} // namespace

QDialog *createProviderKeysDialog(Engine &engine, QWidget *parent)
{
    QList<KeyedProvider> providers;
    for (const Provider *provider : engine.registry().providers()) {
        const ProviderInfo &info = provider->info();
        if (info.keyRequired)
            providers.append(KeyedProvider{info.id, info.displayName, info.keyEnvVar, info.keyRequired});
    }
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("providerKeysDialog"));
    dialog->setWindowTitle(tr("Providers & Keys"));
    auto *page = new ProviderKeysPage(&engine.keyStore(), providers, dialog);
    page->setKeyCheck(net::modelListKeyCheck(engine.network(), engine.registry()));
    auto *scroll = new QScrollArea(dialog);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    // Wide enough for the key entries to show a whole masked key beside the row's buttons.
    QSize size(1080, 420);
    if (const QScreen *screen = parent ? parent->screen() : nullptr)
        size = size.boundedTo(screen->availableSize() * 0.9);
    dialog->resize(size);
    return dialog;
}

void raiseProviderKeysDialog(QDialog *dialog, bool refresh, const QString &providerId)
{
    if (refresh) {
        if (auto *page = dialog->findChild<ProviderKeysPage *>())
            page->refresh();
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    if (!providerId.isEmpty()) {
        if (auto *entry = dialog->findChild<QLineEdit *>(QStringLiteral("entry_") + providerId))
            entry->setFocus();
    }
}

QDialog *createMcpServersDialog(Engine &engine, QWidget *parent)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("mcpServersDialog"));
    dialog->setWindowTitle(tr("MCP servers"));
    auto *page = new McpServersPage(engine, QString(), dialog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(page, 1);
    layout->addWidget(buttons);
    QSize size(1100, 620);
    if (const QScreen *screen = parent ? parent->screen() : nullptr)
        size = size.boundedTo(screen->availableSize() * 0.9);
    dialog->resize(size);
    return dialog;
}

void raiseMcpServersDialog(QDialog *dialog, bool refresh)
{
    if (refresh) {
        if (auto *page = dialog->findChild<McpServersPage *>())
            page->refresh();
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

QDialog *createMetricsHelpDialog(QWidget *parent)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("metricsHelp"));
    dialog->setWindowTitle(tr("Metrics"));
    auto *browser = new SafeTextBrowser(dialog);
    browser->setObjectName(QStringLiteral("metricsText"));
    QString html = QStringLiteral("<h3>") + tr("How Versus measures").toHtmlEscaped() + QStringLiteral("</h3><p>") +
                   tr("All times come from one monotonic clock; t0 is when the request is handed to the network. "
                      "Figures the provider reports are shown beside Versus' own measurements, never instead "
                      "of them. A \"~\" marks a figure computed from estimated token counts.")
                       .toHtmlEscaped() +
                   QStringLiteral("</p>");
    for (MetricId id : kAllMetricIds) {
        html += QStringLiteral("<h4>") + metricName(id).toHtmlEscaped() + QStringLiteral("</h4><p><code>") +
                metricFormula(id).toHtmlEscaped() + QStringLiteral("</code></p><p>") +
                metricDescription(id).toHtmlEscaped() + QStringLiteral("<br/><i>") +
                tr("Source: %1").arg(metricOriginName(metricOrigin(id))).toHtmlEscaped() + QStringLiteral("</i></p>");
    }
    browser->setHtml(html);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser, 1);
    layout->addWidget(buttons);
    dialog->resize(640, 700);
    return dialog;
}

void openAboutBox(QWidget *parent)
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("About Versus"),
                                tr("Versus %1\n\nCompare LLM API providers side by side: one prompt to several "
                                   "models at once, with live speed, token counts and cost. API keys stay in the "
                                   "system keychain.\n\nLicense: GNU GPL version 3 or later.")
                                    .arg(QStringLiteral(VERSUS_VERSION)),
                                QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace versus::ui

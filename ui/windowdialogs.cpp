// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowdialogs.h"

#include "engine/engine.h"
#include "lanewidget.h"
#include "metrics/metricdocs.h"
#include "safetextbrowser.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace versus::ui {

namespace {
// The window's dialogs keep the window's wording.
} // namespace

SettingsDialog *createSettingsDialog(Engine &engine, AppSettings &settings, QWidget *parent)
{
    return new SettingsDialog(engine, settings, parent);
}

void raiseSettingsDialog(SettingsDialog *dialog, bool refresh, SettingsDialog::Page page, const QString &providerId)
{
    if (refresh)
        dialog->refresh();
    dialog->showPage(page);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    if (page == SettingsDialog::Page::ProviderKeys && !providerId.isEmpty()) {
        if (auto *entry = dialog->findChild<QLineEdit *>(QStringLiteral("entry_") + providerId))
            entry->setFocus();
    }
}

void syncProviderBoxes(const ProviderRegistry &registry, const QList<LaneWidget *> &lanes)
{
    const QList<const Provider *> providers = registry.providers();
    for (LaneWidget *lane : lanes) {
        QComboBox *box = lane->providerBox();
        const QSignalBlocker blocker(box); // the lane's target does not change
        for (int i = box->count() - 1; i >= 0; --i) {
            const QString id = box->itemData(i).toString();
            if (const Provider *provider = registry.find(id))
                box->setItemText(i, provider->info().displayName);
            else if (i != box->currentIndex())
                box->removeItem(i);
        }
        for (const Provider *provider : providers) {
            if (box->findData(provider->id()) < 0)
                box->addItem(provider->info().displayName, provider->id());
        }
    }
}

QDialog *createMetricsHelpDialog(QWidget *parent)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("metricsHelp"));
    dialog->setWindowTitle(QCoreApplication::translate("versus::ui::MainWindow", "Metrics"));
    auto *browser = new SafeTextBrowser(dialog);
    browser->setObjectName(QStringLiteral("metricsText"));
    QString html = QStringLiteral("<h3>") +
                   QCoreApplication::translate("versus::ui::MainWindow", "How Versus measures").toHtmlEscaped() +
                   QStringLiteral("</h3><p>") +
                   QCoreApplication::translate(
                       "versus::ui::MainWindow",
                       "All times come from one monotonic clock; t0 is when the request is handed to the network. "
                       "Figures the provider reports are shown beside Versus' own measurements, never instead "
                       "of them. A \"~\" marks a figure computed from estimated token counts.")
                       .toHtmlEscaped() +
                   QStringLiteral("</p>");
    for (MetricId id : kAllMetricIds) {
        html += QStringLiteral("<h4>") + metricName(id).toHtmlEscaped() + QStringLiteral("</h4><p><code>") +
                metricFormula(id).toHtmlEscaped() + QStringLiteral("</code></p><p>") +
                metricDescription(id).toHtmlEscaped() + QStringLiteral("<br/><i>") +
                QCoreApplication::translate("versus::ui::MainWindow", "Source: %1")
                    .arg(metricOriginName(metricOrigin(id)))
                    .toHtmlEscaped() +
                QStringLiteral("</i></p>");
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
    auto *box = new QMessageBox(
        QMessageBox::Information, QCoreApplication::translate("versus::ui::MainWindow", "About Versus"),
        QCoreApplication::translate("versus::ui::MainWindow",
                                    "Versus %1\n\nCompare LLM API providers side by side: one prompt to several "
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

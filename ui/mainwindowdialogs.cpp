// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's secondary windows: Settings (at a page), the welcome view, Help.
#include "composer.h"
#include "engine/engine.h"
#include "lanewidget.h"
#include "mainwindow.h"
#include "welcomeview.h"
#include "windowdialogs.h"

#include <QDialog>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace versus::ui {

QDialog *MainWindow::providerKeysDialog() const
{
    return m_settingsDialog;
}

void MainWindow::openProviderKeys(const QString &providerId)
{
    openSettings(SettingsDialog::Page::ProviderKeys);
    raiseSettingsDialog(m_settingsDialog, false, SettingsDialog::Page::ProviderKeys, providerId);
}

QDialog *MainWindow::mcpServersDialog() const
{
    return m_settingsDialog;
}

void MainWindow::openMcpServers()
{
    openSettings(SettingsDialog::Page::McpServers);
}

void MainWindow::openSettings(SettingsDialog::Page page)
{
    const bool created = !m_settingsDialog;
    if (created) {
        m_settingsDialog = createSettingsDialog(*m_services.engine, *m_services.settings, this);
        connect(m_settingsDialog, &SettingsDialog::providersChanged, this, [this] {
            syncProviderBoxes(m_services.engine->registry(), lanes());
            scheduleEstimate();
        });
        connect(m_settingsDialog, &SettingsDialog::pricesChanged, this, &MainWindow::scheduleEstimate);
        connect(m_settingsDialog, &SettingsDialog::themeChanged, this, &MainWindow::themeChanged);
        connect(m_settingsDialog, &SettingsDialog::sendKeyChanged, this, &MainWindow::sendKeyChanged);
    }
    raiseSettingsDialog(m_settingsDialog, !created, page);
}

void MainWindow::showWelcome()
{
    if (!m_welcome) {
        m_welcome = new WelcomeView(*m_services.engine, this);
        // In place of the lanes and the scoreboard under them.
        if (auto *layout = qobject_cast<QVBoxLayout *>(m_workspace->parentWidget()->layout()))
            layout->insertWidget(layout->indexOf(m_workspace), m_welcome, 1);
        connect(m_welcome, &WelcomeView::closeRequested, this, &MainWindow::hideWelcome);
        connect(m_welcome, &WelcomeView::openKeysRequested, this, [this] { openProviderKeys(); });
        connect(m_welcome, &WelcomeView::openLaneRequested, this, &MainWindow::openLocalLane);
    }
    m_workspace->hide();
    m_welcome->show();
    m_welcome->probe();
}

void MainWindow::hideWelcome()
{
    if (!m_welcome || m_welcome->isHidden())
        return;
    m_welcome->hide();
    m_workspace->show();
}

void MainWindow::openLocalLane(const Target &target)
{
    hideWelcome();
    // Replaces the lanes only when nothing was said in them yet (an unsaved conversation lives
    // only in them).
    const QList<LaneWidget *> open = lanes();
    const bool empty = std::all_of(open.cbegin(), open.cend(),
                                   [](const LaneWidget *lane) { return lane->conversation()->rowCount() == 0; });
    if (empty && !isBusy())
        setLaneTargets({target});
    else
        addLane(target);
    if (!lanes().isEmpty())
        m_composer->editor()->setFocus();
}

void MainWindow::showMetricsHelp()
{
    if (!m_metricsDialog)
        m_metricsDialog = createMetricsHelpDialog(this);
    m_metricsDialog->show();
    m_metricsDialog->raise();
    m_metricsDialog->activateWindow();
}

void MainWindow::showAbout()
{
    openAboutBox(this);
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/settingsdialog.h"

#include <QList>
#include <QString>

class QDialog;
class QWidget;

namespace versus {
class Engine;
class ProviderRegistry;
} // namespace versus

// The window's secondary dialogs, built on demand; the window keeps and shows them.
namespace versus::ui {

class AppSettings;
class LaneWidget;

/// Settings ("settingsDialog") over @p engine and @p settings, opened at the General page.
SettingsDialog *createSettingsDialog(Engine &engine, AppSettings &settings, QWidget *parent);
/// Shows @p dialog at @p page, the keys and servers read anew when @p refresh, and on the
/// Providers & Keys page the entry of @p providerId focused when given.
void raiseSettingsDialog(SettingsDialog *dialog, bool refresh, SettingsDialog::Page page,
                         const QString &providerId = QString());
/// Brings the lanes' provider boxes up to date with @p registry after it was reloaded: new
/// providers added, renamed ones renamed, removed ones dropped unless a lane still shows one.
void syncProviderBoxes(const ProviderRegistry &registry, const QList<LaneWidget *> &lanes);
/// Help → Metrics ("metricsHelp"): how every figure is measured or estimated.
QDialog *createMetricsHelpDialog(QWidget *parent);
/// Help → About ("aboutBox"), opened window-modal; it deletes itself when closed.
void openAboutBox(QWidget *parent);

} // namespace versus::ui

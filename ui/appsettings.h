// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/providerregistry.h"

#include <QByteArray>
#include <QList>

#include <memory>

class QSettings;

namespace versus::ui {

/// The one typed facade over QSettings for the desktop app: which lanes are open and how
/// the window was laid out. Never a secret: keys live in the keychain, prompts and answers
/// in the history store.
class AppSettings {
public:
    /// The application's settings (QSettings with the organization and application names).
    AppSettings();
    /// Settings kept in @p settings (tests pass an INI file in a temporary directory).
    explicit AppSettings(std::unique_ptr<QSettings> settings);
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    /// The lanes' targets, in order, as last saved; entries that do not parse are dropped.
    QList<Target> laneTargets() const;
    void setLaneTargets(const QList<Target> &targets);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    /// QSplitter::saveState() of the splitter between the conversations sidebar and the lanes.
    QByteArray sideSplitterState() const;
    void setSideSplitterState(const QByteArray &state);
    /// QSplitter::saveState() of the lanes side by side (their widths).
    QByteArray laneSplitterState() const;
    void setLaneSplitterState(const QByteArray &state);

    /// The colour theme: "system" (the default, the desktop's palette), "light" or "dark".
    QString theme() const;
    void setTheme(const QString &theme);

    /// Writes pending changes to storage.
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace versus::ui

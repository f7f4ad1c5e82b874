// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/providerregistry.h"

#include <QByteArray>
#include <QList>

#include <memory>

class QSettings;

namespace versus::net {
struct ProxySettings; // the engine's (Engine::setProxy); ui reaches net only through the engine
} // namespace versus::net

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

    /// What sends the composer's prompt: "enter" (the default; Shift+Enter is a new line) or
    /// "ctrl-enter" (Enter is a new line).
    QString sendKey() const;
    void setSendKey(const QString &key);
    /// The system prompt of every lane that has none of its own; empty = none.
    QString defaultSystemPrompt() const;
    void setDefaultSystemPrompt(const QString &prompt);

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

    /// Whether the scoreboard is shown under the lanes (shown unless the user hid it), and the
    /// QSplitter::saveState() of the lanes above it (appsettingsscoreboard.cpp).
    bool scoreboardVisible() const;
    void setScoreboardVisible(bool visible);
    QByteArray workspaceSplitterState() const;
    void setWorkspaceSplitterState(const QByteArray &state);

    /// The colour theme: "system" (the default, the desktop's palette), "light" or "dark".
    QString theme() const;
    void setTheme(const QString &theme);

    /// "system" or a language code ("en"); read at start.
    QString language() const;
    void setLanguage(const QString &language);
    /// Where the history database is opened at the next start; empty = the default place.
    QString historyPath() const;
    void setHistoryPath(const QString &path);
    /// How requests reach the network; System unless the user chose otherwise.
    net::ProxySettings proxy() const;
    void setProxy(const net::ProxySettings &proxy);

    /// Blind mode (View → Blind mode): provider and model names hidden until the vote.
    bool blindMode() const;
    void setBlindMode(bool on);
    /// View → Synchronise scrolling: scrolling one lane scrolls the others (off until turned on).
    bool syncScrolling() const; // appsettingslive.cpp
    void setSyncScrolling(bool on);
    /// The model set opened last, opened again at start; empty: the lanes as they were left.
    QString lastModelSet() const;
    void setLastModelSet(const QString &name);

    /// The Bench window's saveGeometry() (appsettingsbench.cpp).
    QByteArray benchGeometry() const;
    void setBenchGeometry(const QByteArray &geometry);

    /// Writes pending changes to storage.
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace versus::ui

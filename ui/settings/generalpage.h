// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace versus {
class Engine;
}

namespace versus::ui {

class AppSettings;

/// Settings page "General": the send key, theme, language, where the history is kept (from
/// the next start) and how requests reach the network. Every change is stored in
/// AppSettings at once; the proxy is applied to the engine at once; the theme and send key
/// are announced (the window applies them).
///
/// The language is said in the language chosen, from the next start ("languageNote").
///
/// Child widgets: "sendKeyBox", "themeBox", "languageBox", "languageNote", "historyPathLabel",
/// "changeHistoryPath", "defaultHistoryPath", "historyNote", "proxyModeBox", "proxyHost",
/// "proxyPort".
class GeneralPage : public QWidget {
    Q_OBJECT
public:
    GeneralPage(Engine &engine, AppSettings &settings, QWidget *parent = nullptr);

    /// Where the history goes next: asks the user (a file dialog) unless a test set a seam.
    void setAskHistoryPath(std::function<QString(const QString &current)> ask) { m_askHistoryPath = std::move(ask); }
    /// The history file in use now.
    QString currentHistoryPath() const;

Q_SIGNALS:
    void themeChanged(const QString &theme);
    void sendKeyChanged(const QString &key);

private:
    void changeHistoryPath();
    void showHistoryPath();
    void showLanguageNote();
    void applyProxy();

    Engine &m_engine;
    AppSettings &m_settings;
    std::function<QString(const QString &)> m_askHistoryPath;
    QComboBox *m_sendKey;
    QComboBox *m_theme;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QLabel *m_historyPath;
    QLabel *m_historyNote;
    QPushButton *m_changeHistory;
    QPushButton *m_defaultHistory;
    QComboBox *m_proxyMode;
    QLineEdit *m_proxyHost;
    QSpinBox *m_proxyPort;
};

} // namespace versus::ui

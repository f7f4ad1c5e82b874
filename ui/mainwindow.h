// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appservices.h"
#include "compare/comparison.h"
#include "lanestrip.h"
#include "messagebar.h"
#include "pricing/costtotals.h"
#include "providers/providerregistry.h"
#include "settings/settingsdialog.h"
#include "windowactions.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <functional>

class QAction;
class QDialog;
class QLabel;
class QLayout;
class QSplitter;

namespace versus::ui {

class Composer;
class HistorySidebar;
class ScoreboardPanel;
class JudgeDialog;
class MergePanel;

class LaneWidget;
class LiveWorkspace;
class SessionStatus;
class WelcomeView;

/// The Versus window, a view of one Comparison: lanes side by side (a single lane is a
/// comparison of one), the composer under them that sends one prompt to every lane, and the
/// session's cost in the status bar. Lanes' targets and the window layout are kept in
/// AppSettings; conversations are saved in the engine's history.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// @p services must outlive the window.
    explicit MainWindow(const AppServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    QList<LaneWidget *> lanes() const;
    Comparison *comparison() const { return m_comparison; }
    Composer *composer() const { return m_composer; }
    QSplitter *laneSplitter() const { return m_splitter; }
    LaneStrip *laneStrip() const { return m_splitter; }
    const CostTotals &sessionCost() const { return m_comparison->sessionCost(); }
    HistorySidebar *sidebar() const { return m_sidebar; }
    const WindowActions &windowActions() const { return m_actions; }
    /// Synchronised scrolling, the answers' diff and the model sets.
    LiveWorkspace *liveWorkspace() const { return m_live; }
    /// Where an export is written: asks the user (a file dialog) unless a test set a seam.
    void setAskExportPath(std::function<QString(const QString &suggested)> ask) { m_askExportPath = std::move(ask); }
    /// The message bar above the lanes (history problems); hidden when there is none.
    QLabel *messageBar() const { return m_messageBar->textLabel(); }
    bool isBusy() const;
    /// The Providers & Keys dialog, once it has been opened.
    QDialog *providerKeysDialog() const;
    /// The MCP servers dialog, once it has been opened.
    QDialog *mcpServersDialog() const;
    /// The Settings dialog (every page, MCP servers and Providers & Keys too), once opened.
    SettingsDialog *settingsDialog() const { return m_settingsDialog; }
    /// The merge panel beside the lanes (mainwindowreview.cpp); hidden until Comparison → Merge answers….
    MergePanel *mergePanel() const { return m_mergePanel; }
    /// The judge dialog, once Comparison → Judge answers… opened it.
    JudgeDialog *judgeDialog() const;
    /// The welcome view, once it has been shown (first start, Help → Welcome).
    WelcomeView *welcomeView() const { return m_welcome; }
    /// The scoreboard under the lanes (View → Scoreboard, Ctrl+Shift+B).
    ScoreboardPanel *scoreboard() const { return m_scoreboard; }
    /// The vertical splitter between the lanes and the scoreboard.
    QSplitter *workspaceSplitter() const { return m_workspace; }

    /// Adds a lane for @p target at the right end; null when there are six already.
    LaneWidget *addLane(const Target &target);
    /// Replaces every lane by one lane per target (at least one lane stays).
    void setLaneTargets(const QList<Target> &targets);
    /// Sends @p text with @p images to every lane whose model can see them (the others show
    /// why they were skipped). False, with a message, when nothing was sent.
    bool sendPrompt(const QString &text, const QList<ImageInput> &images);
    /// Applies what AppSettings says of the composer: the send key and the system prompt of
    /// lanes without their own (done at start; again after the settings changed).
    void applyComposerSettings();

public Q_SLOTS:
    /// Adds a lane with a provider no lane uses yet (Ctrl+Shift+N).
    void addLaneForNextProvider();
    /// Sends @p text to every lane as their next turn.
    void sendPrompt(const QString &text);
    /// Sends what the composer holds, then clears it (Enter or Ctrl+Enter).
    void sendComposerText();
    /// Sends the last prompt again to every lane (Ctrl+R); the new answers replace the last ones.
    void regenerateAll();
    /// Sends what the composer holds to @p lane only ("Send to this lane only"), then clears it.
    void sendComposerTextTo(versus::ComparisonLane *lane);
    /// Stops every lane (Esc); partial answers stay.
    void stopAll();
    /// Empties every lane's conversation (Ctrl+N).
    void newComparison();
    /// Opens conversation @p conversationId from the history in place of the current one,
    /// scrolled to @p turnId when given (a search hit). False (and a message) when it cannot be.
    bool openConversation(qint64 conversationId, qint64 turnId = 0);
    /// Writes conversation @p conversationId (0: the open one) as "md" or "json" to a file the
    /// user picks; the file is readable by the user only.
    bool exportConversation(qint64 conversationId, const QString &format);
    /// Deletes a stored conversation (the open one becomes a new, empty comparison).
    bool deleteConversation(qint64 conversationId);
    /// Opens Settings → Providers & Keys, with @p providerId's entry focused when given.
    void openProviderKeys(const QString &providerId = QString());
    /// Opens Settings → MCP servers.
    void openMcpServers();
    /// Opens Settings at @p page.
    void openSettings(versus::ui::SettingsDialog::Page page);
    /// Shows the welcome view in place of the lanes and looks for local model servers.
    void showWelcome();
    /// Shows the lanes again.
    void hideWelcome();
    /// A lane for @p target (a local server's model, from the welcome view): the lanes are
    /// replaced while nothing was sent yet, else one is added.
    void openLocalLane(const versus::Target &target);
    void showMetricsHelp();
    /// Shows the merge panel beside the lanes (Ctrl+Shift+M).
    void openMergePanel();
    /// Opens the judge dialog (Ctrl+Shift+J).
    void openJudgeDialog();
    void showAbout();

Q_SIGNALS:
    /// Settings → General changed the theme ("system", "light", "dark") or the send key
    /// ("enter", "ctrl-enter"); already stored in AppSettings.
    void themeChanged(const QString &theme);
    void sendKeyChanged(const QString &key);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void showMessage(const QString &text, const QString &actionText = QString());
    void hideMessage();
    void sendUnsaved();
    bool sendPromptTo(const QString &text, const QList<ImageInput> &images, ComparisonLane *onlyLane);
    void showHistoryError(const history::HistoryError &error, bool nothingSent);
    void showHistoryReport();
    void updateBusy();
    void scheduleEstimate();
    void updateEstimate();
    void updateImageSkips();
    void saveLaneTargets();
    /// The lanes above the scoreboard in a vertical splitter (mainwindowscoreboard.cpp).
    QSplitter *installScoreboard();
    /// View → Scoreboard and the splitter's state, after the actions exist.
    void connectScoreboard();
    void saveScoreboardState();
    /// The lanes with the merge panel at their right (mainwindowreview.cpp).
    QLayout *lanesBesideMergePanel(QWidget *lanes);

    AppServices m_services;
    Comparison *m_comparison;
    HistorySidebar *m_sidebar;
    QSplitter *m_sideSplitter;
    std::function<QString(const QString &)> m_askExportPath;
    MessageBar *m_messageBar;
    QString m_unsentPrompt; // a prompt the history could not save: offered to send without saving
    QList<ImageInput> m_unsentImages;
    LaneStrip *m_splitter;
    Composer *m_composer;
    SessionStatus *m_status = nullptr;
    QTimer m_estimateTimer;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<QDialog> m_metricsDialog;
    WelcomeView *m_welcome = nullptr;
    QSplitter *m_workspace = nullptr;
    ScoreboardPanel *m_scoreboard = nullptr;
    MergePanel *m_mergePanel = nullptr;
    QPointer<QDialog> m_judgeDialog;

    WindowActions m_actions;
    LiveWorkspace *m_live = nullptr;
};

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appservices.h"
#include "compare/comparison.h"
#include "laneparameterspopover.h"
#include "lanetargetbar.h"
#include "secrets/keyresult.h"

#include <QFrame>
#include <QPointer>
#include <QTimer>

class QAction;
class QComboBox;
class QLabel;

namespace versus::ui {

class CapabilityBadges;
class ConversationView;
class LaneCard;
class MetricsFooter;
class ToolAskPanel;

/// The view of one lane of a Comparison: its provider and model (a LaneTargetBar; changing
/// them changes what the lane asks), its conversation (ConversationView of the lane's
/// LaneConversation), the figures of its last answer (live while it streams, from a ~33 ms
/// timer that runs only then), and cards: "no key" before sending, an error under a failed
/// answer.
class LaneWidget : public QFrame {
    Q_OBJECT
public:
    LaneWidget(const AppServices &services, Comparison *comparison, ComparisonLane *lane, QWidget *parent = nullptr);
    ~LaneWidget() override;

    ComparisonLane *lane() const { return m_lane; }
    Target target() const;
    const Provider *provider() const;
    /// True from send until the answer finished (key lookup and streaming).
    bool isBusy() const { return m_lane && m_lane->isBusy(); }
    LaneConversation *conversation() const { return m_lane->conversation(); }
    CostTotals conversationCost() const { return m_lane->cost(); }

    ConversationView *view() const { return m_view; }
    LaneCard *card() const { return m_card; }
    MetricsFooter *footer() const { return m_footer; }
    ToolAskPanel *askPanel() const { return m_askPanel; }
    /// Tools and structured output of the last answer ("toolSummary"), hidden when neither applies.
    QLabel *toolSummary() const { return m_toolSummary; }
    LaneTargetBar *targetBar() const { return m_targetBar; }
    CapabilityBadges *badges() const { return m_targetBar->badges(); }
    QComboBox *providerBox() const { return m_targetBar->providerBox(); }
    QComboBox *modelBox() const { return m_targetBar->modelBox(); }
    bool isFlushTimerActive() const { return m_flushTimer.isActive(); }
    /// The note over the conversation when the lane's model cannot see images: the prompt's
    /// images will not be sent to it, or the last prompt was not ("imageNote"); hidden otherwise.
    QLabel *imageNote() const { return m_imageNote; }
    /// Says (with a non-empty @p note) that this lane will be skipped if the prompt is sent
    /// with the images attached now.
    void setImageSkipNote(const QString &note);

    void setClosable(bool closable);
    /// "Continues from Lane B's answer" over the conversation once a turn continued from one
    /// lane's answer ("continueNote"); hidden while the lanes are kept separate.
    QLabel *continueNote() const { return m_continueNote; }

    /// Opens the lane's tools and structured output (LaneToolsDialog).
    void editTools();
    /// Opens the lane's parameters (LaneParametersPopover) under its "Parameters" button.
    void editParameters();
    /// The parameters popover while it is open.
    LaneParametersPopover *parametersPopover() const { return m_parametersPopover; }

public Q_SLOTS:
    /// Sends @p prompt to this lane only.
    void send(const QString &prompt);
    /// Sends the last prompt again to this lane; the new answer replaces the last one.
    void regenerate();
    /// Opens the prompt of @p row to edit and resend (EditPromptDialog).
    void editPrompt(int row);
    /// Stops the answer; the partial text stays.
    void stop();
    /// Looks up the key of the lane's provider again and shows or clears the "no key" card.
    void recheckKey();

Q_SIGNALS:
    void closeRequested();
    void busyChanged(bool busy);
    /// "Send to this lane only" in the lane menu.
    void sendHereRequested();
    /// "Focus lane" / "Show all lanes" in the lane menu.
    void focusToggleRequested();
    /// @p providerId needs a key: the user asked to open Providers & Keys.
    void openKeysRequested(const QString &providerId);
    /// Sending to this lane alone failed before anything was sent (the history could not be written).
    void sendFailed(const versus::history::HistoryError &error);
    /// An edited prompt could not be sent (the history could not be written): the window keeps
    /// its text for the user.
    void editNotSent(const QString &prompt);

private:
    enum class CardPurpose { None, Key, Answer };

    void showTarget();
    void onTargetEdited(bool providerChanged);
    void updatePlaceholder();
    void onRunStarted(LaneRun *run);
    void onTurnFinished(int row);
    void showLastTurn();
    void flush();
    void updateEnabled();
    void dismissCard(CardPurpose purpose);
    void showKeyCard(const KeyResult &result);
    void showAnswerError(const ChatError &error);
    void showToolSettings();
    void showParameters();
    void showToolSummary(const LaneResult &result);
    void showImageNote();
    // lanewidgetcontinue.cpp: "Continue from this lane's answer" / "Keep lanes separate"
    void setUpContinuation();
    void showContinuation();

    AppServices m_services;
    QPointer<Comparison> m_comparison;
    QPointer<ComparisonLane> m_lane;
    LaneTargetBar *m_targetBar;
    ConversationView *m_view;
    LaneCard *m_card;
    MetricsFooter *m_footer;
    ToolAskPanel *m_askPanel;
    QLabel *m_toolSummary;
    QLabel *m_imageNote;
    QString m_willSkipNote;
    QString m_skippedNote;
    QPointer<LaneParametersPopover> m_parametersPopover;

    CardPurpose m_cardPurpose = CardPurpose::None;
    quint64 m_keyCheckGeneration = 0;
    QPointer<LaneRun> m_run;
    QTimer m_flushTimer;
    std::optional<double> m_ttftMs;
    std::optional<ChatError> m_shownError; ///< the error the answer card shows
    QLabel *m_continueNote = nullptr;
    QAction *m_continueAction = nullptr;
    QAction *m_separateAction = nullptr;
};

} // namespace versus::ui

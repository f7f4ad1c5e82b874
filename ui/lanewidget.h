// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appservices.h"
#include "chat/chattypes.h"
#include "pricing/cost.h"
#include "pricing/costtotals.h"
#include "providers/providerregistry.h"
#include "secrets/keyresult.h"

#include <QFrame>
#include <QPointer>
#include <QTimer>

class QComboBox;
class QToolButton;

namespace versus {
class ChatStream;
}

namespace versus::ui {

class CapabilityBadges;
class ConversationView;
class LaneCard;
class MetricsFooter;

/// One lane of a comparison: a provider and model, its own conversation, and the figures of
/// its last answer. Send a prompt and the lane resolves its key (environment, then keychain),
/// streams the answer from its provider and shows it as it comes (coalesced by a ~33 ms
/// timer that runs only while the lane streams), then its metrics and cost. An error stays
/// in this lane, as a card under the partial answer.
///
/// Each lane keeps its own history: a second send continues this lane's conversation. A
/// turn enters the history when the model answered something (text); a turn that failed
/// before any text is shown but not sent again.
class LaneWidget : public QFrame {
    Q_OBJECT
public:
    LaneWidget(const AppServices &services, const Target &target, QWidget *parent = nullptr);
    ~LaneWidget() override;

    Target target() const;
    void setTarget(const Target &target);
    const Provider *provider() const;

    /// True from send() until the answer finished (key lookup and streaming).
    bool isBusy() const { return m_state != State::Idle; }
    const QList<ChatMessage> &history() const { return m_history; }
    const CostTotals &conversationCost() const { return m_conversationCost; }

    ConversationView *view() const { return m_view; }
    LaneCard *card() const { return m_card; }
    MetricsFooter *footer() const { return m_footer; }
    CapabilityBadges *badges() const { return m_badges; }
    QComboBox *providerBox() const { return m_providerBox; }
    QComboBox *modelBox() const { return m_modelBox; }
    bool isFlushTimerActive() const { return m_flushTimer.isActive(); }

    /// What sending @p prompt (after this lane's history) may cost; priced = false when the
    /// catalog has no price for the lane's model.
    struct SendEstimate {
        bool priced = false;
        std::optional<CostEstimate> estimate;
        qint64 promptTokens = 0; ///< estimated
    };
    SendEstimate sendEstimate(const QString &prompt) const;

    void setClosable(bool closable);

public Q_SLOTS:
    /// Sends @p prompt as the next user turn. Ignored while the lane is busy.
    void send(const QString &prompt);
    /// Stops the answer; the partial text stays.
    void stop();
    /// Forgets the conversation (stops it first).
    void clearConversation();
    /// Looks up the key of the lane's provider again and shows or clears the "no key" card.
    void recheckKey();

Q_SIGNALS:
    void targetChanged();
    void closeRequested();
    void busyChanged(bool busy);
    /// @p providerId needs a key: the user asked to open Providers & Keys.
    void openKeysRequested(const QString &providerId);
    /// An answer ended; @p cost is what it cost (empty totals when nothing was billed).
    void answerFinished(const versus::CostTotals &cost);

private:
    enum class State { Idle, ResolvingKey, Streaming };
    enum class CardPurpose { None, Key, Answer };

    void fillModels();
    void onProviderChosen();
    void onModelChosen();
    void updateBadges();
    void updatePlaceholder();
    void startStream(const QString &prompt, ApiKey key);
    void onFinished(ChatStream *stream, const QString &prompt, quint64 conversation);
    void flush();
    void setState(State state);
    void showKeyCard(const KeyResult &result);
    void showAnswerError(const ChatError &error);

    AppServices m_services;
    QComboBox *m_providerBox;
    QComboBox *m_modelBox;
    CapabilityBadges *m_badges;
    QToolButton *m_closeButton;
    ConversationView *m_view;
    LaneCard *m_card;
    MetricsFooter *m_footer;

    State m_state = State::Idle;
    CardPurpose m_cardPurpose = CardPurpose::None;
    quint64 m_generation = 0; // a key lookup answers only the send (or check) that asked it
    quint64 m_keyCheckGeneration = 0;
    quint64 m_conversation = 0; // bumped by clearConversation()
    QPointer<ChatStream> m_stream;
    QTimer m_flushTimer;
    QString m_pendingText;
    QString m_pendingReasoning;
    QList<ToolCallFragment> m_pendingToolCalls;
    std::optional<double> m_ttftMs;
    QList<ChatMessage> m_history;
    CostTotals m_conversationCost;
};

} // namespace versus::ui

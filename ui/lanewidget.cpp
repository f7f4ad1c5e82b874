// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanewidget.h"

#include "capabilitybadges.h"
#include "conversationview.h"
#include "lanecard.h"
#include "metrics/tokenestimator.h"
#include "metricsfooter.h"
#include "pricing/pricecatalog.h"
#include "providers/chatstream.h"
#include "secrets/keyresolver.h"
#include "wording/erroradvice.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

using namespace std::chrono_literals;

namespace versus::ui {

namespace {
// ~30 repaints a second: smooth to the eye, and far fewer than the tokens of a fast provider.
constexpr auto kFlushInterval = 33ms;

// A model the catalog does not know: what the provider cannot do at all is known, the rest is not.
Capabilities unknownModelCapabilities(const ProviderInfo &provider)
{
    const Capabilities &all = provider.capabilities;
    auto noOrUnknown = [](const std::optional<bool> &value) {
        return value == false ? std::optional<bool>(false) : std::nullopt;
    };
    return Capabilities{noOrUnknown(all.streaming), noOrUnknown(all.functionCalls), noOrUnknown(all.reasoning),
                        noOrUnknown(all.builtinTools), noOrUnknown(all.structuredOutput)};
}
} // namespace

LaneWidget::LaneWidget(const AppServices &services, const Target &target, QWidget *parent)
    : QFrame(parent)
    , m_services(services)
    , m_providerBox(new QComboBox(this))
    , m_modelBox(new QComboBox(this))
    , m_badges(new CapabilityBadges(this))
    , m_closeButton(new QToolButton(this))
    , m_view(new ConversationView(this))
    , m_card(new LaneCard(this))
    , m_footer(new MetricsFooter(this))
{
    Q_ASSERT(services.network && services.registry && services.prices && services.keyResolver);
    setObjectName(QStringLiteral("lane"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(300);

    m_providerBox->setObjectName(QStringLiteral("providerBox"));
    m_providerBox->setToolTip(tr("Provider"));
    m_providerBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const Provider *provider : services.registry->providers())
        m_providerBox->addItem(provider->info().displayName, provider->id());

    m_modelBox->setObjectName(QStringLiteral("modelBox"));
    m_modelBox->setEditable(true);
    m_modelBox->setInsertPolicy(QComboBox::NoInsert);
    m_modelBox->setToolTip(tr("Model id: pick one the catalog knows, or type any id the provider serves"));
    m_modelBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modelBox->setMinimumContentsLength(10);
    m_modelBox->lineEdit()->setPlaceholderText(tr("model id"));

    m_closeButton->setObjectName(QStringLiteral("closeLane"));
    m_closeButton->setText(QStringLiteral("✕"));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Close this lane"));

    m_view->setObjectName(QStringLiteral("conversation"));

    auto *header = new QHBoxLayout;
    header->setContentsMargins(6, 6, 4, 4);
    header->setSpacing(6);
    header->addWidget(m_providerBox);
    header->addWidget(m_modelBox, 1);
    header->addWidget(m_badges);
    header->addWidget(m_closeButton);

    auto *cardBox = new QVBoxLayout;
    cardBox->setContentsMargins(8, 0, 8, 4);
    cardBox->addWidget(m_card);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    layout->addLayout(cardBox);
    layout->addWidget(m_footer);

    m_flushTimer.setInterval(kFlushInterval);
    connect(&m_flushTimer, &QTimer::timeout, this, &LaneWidget::flush);

    setTarget(target);

    connect(m_providerBox, &QComboBox::currentIndexChanged, this, &LaneWidget::onProviderChosen);
    connect(m_modelBox, &QComboBox::currentTextChanged, this, &LaneWidget::onModelChosen);
    connect(m_closeButton, &QToolButton::clicked, this, &LaneWidget::closeRequested);
    connect(m_card, &LaneCard::actionTriggered, this, [this] { Q_EMIT openKeysRequested(this->target().provider); });

    recheckKey();
}

LaneWidget::~LaneWidget()
{
    // The stream is a child; drop its signals so that nothing reaches a half-destroyed lane.
    if (m_stream)
        m_stream->disconnect(this);
}

Target LaneWidget::target() const
{
    return Target{m_providerBox->currentData().toString(), m_modelBox->currentText().trimmed()};
}

const Provider *LaneWidget::provider() const
{
    return m_services.registry->find(m_providerBox->currentData().toString());
}

void LaneWidget::setTarget(const Target &target)
{
    const QSignalBlocker blockProvider(m_providerBox);
    const QSignalBlocker blockModel(m_modelBox);
    int index = m_providerBox->findData(target.provider);
    if (index < 0)
        index = 0;
    m_providerBox->setCurrentIndex(index);
    fillModels();
    const int modelIndex = m_modelBox->findText(target.model);
    if (modelIndex >= 0)
        m_modelBox->setCurrentIndex(modelIndex);
    else
        m_modelBox->setEditText(target.model);
    m_modelBox->lineEdit()->setCursorPosition(0); // a long id shows its start, where it differs
    updateBadges();
    updatePlaceholder();
}

void LaneWidget::fillModels()
{
    m_modelBox->clear();
    const Provider *p = provider();
    if (!p)
        return;
    for (const ModelInfo &model : p->info().models) {
        if (!isChatModel(model))
            continue;
        m_modelBox->addItem(model.id);
        if (!model.displayName.isEmpty())
            m_modelBox->setItemData(m_modelBox->count() - 1, model.displayName, Qt::ToolTipRole);
    }
    m_modelBox->lineEdit()->setPlaceholderText(p->info().models.isEmpty() ? tr("type a model id") : tr("model id"));
}

void LaneWidget::onProviderChosen()
{
    {
        const QSignalBlocker block(m_modelBox);
        fillModels();
        if (m_modelBox->count() > 0)
            m_modelBox->setCurrentIndex(0);
        else
            m_modelBox->setEditText(QString());
    }
    updateBadges();
    updatePlaceholder();
    if (m_cardPurpose == CardPurpose::Key) {
        m_card->dismiss();
        m_cardPurpose = CardPurpose::None;
    }
    recheckKey();
    Q_EMIT targetChanged();
}

void LaneWidget::onModelChosen()
{
    m_modelBox->setToolTip(target().model);
    updateBadges();
    updatePlaceholder();
    Q_EMIT targetChanged();
}

void LaneWidget::updateBadges()
{
    const Provider *p = provider();
    if (!p) {
        m_badges->setCapabilities({}, false);
        return;
    }
    const ProviderInfo &info = p->info();
    if (const ModelInfo *model = info.findModel(target().model))
        m_badges->setCapabilities(enforcedCapabilities(info, *model), true);
    else
        m_badges->setCapabilities(unknownModelCapabilities(info), false);
}

void LaneWidget::updatePlaceholder()
{
    const Target t = target();
    const Provider *p = provider();
    const QString providerName = p ? p->info().displayName : t.provider;
    if (t.model.isEmpty()) {
        m_view->setPlaceholderText(
            tr("This lane asks %1: type the id of one of its models in the box above, then write a "
               "prompt below and press Ctrl+Enter.")
                .arg(providerName));
    } else {
        m_view->setPlaceholderText(tr("Write a prompt below and press Ctrl+Enter: it goes to every lane at once.\n\n"
                                      "This lane asks %1 on %2.")
                                       .arg(t.model, providerName));
    }
}

void LaneWidget::setClosable(bool closable)
{
    m_closeButton->setEnabled(closable);
}

void LaneWidget::setState(State state)
{
    const bool wasBusy = isBusy();
    m_state = state;
    const bool busy = isBusy();
    m_providerBox->setEnabled(!busy);
    m_modelBox->setEnabled(!busy);
    if (busy != wasBusy)
        Q_EMIT busyChanged(busy);
}

void LaneWidget::recheckKey()
{
    const Provider *p = provider();
    if (!p || !p->info().keyRequired) {
        if (m_cardPurpose == CardPurpose::Key) {
            m_card->dismiss();
            m_cardPurpose = CardPurpose::None;
        }
        return;
    }
    const quint64 generation = ++m_keyCheckGeneration;
    const QString providerId = p->id();
    m_services.keyResolver->resolve(providerId, p->info().keyEnvVar, this,
                                    [this, generation, providerId](KeyResult result) {
                                        if (generation != m_keyCheckGeneration || providerId != target().provider)
                                            return;
                                        if (result.hasKey()) {
                                            if (m_cardPurpose == CardPurpose::Key) {
                                                m_card->dismiss();
                                                m_cardPurpose = CardPurpose::None;
                                            }
                                        } else if (m_cardPurpose != CardPurpose::Answer) {
                                            showKeyCard(result);
                                        }
                                    });
}

void LaneWidget::showKeyCard(const KeyResult &result)
{
    const Provider *p = provider();
    if (!p)
        return;
    const ProviderInfo &info = p->info();
    m_cardPurpose = CardPurpose::Key;
    if (result.succeeded()) {
        m_card->showCard(LaneCard::Kind::Warning, tr("No key for %1").arg(info.displayName),
                         tr("Store a %1 API key in Providers & Keys, or set %2 before starting Versus.")
                             .arg(info.displayName, info.keyEnvVar),
                         QString(), tr("Open Providers && Keys"));
    } else {
        m_card->showCard(LaneCard::Kind::Warning, tr("The key for %1 cannot be read").arg(info.displayName),
                         keyStatusMessage(result), QString(), tr("Open Providers && Keys"));
    }
}

void LaneWidget::showAnswerError(const ChatError &error)
{
    const Provider *p = provider();
    m_cardPurpose = CardPurpose::Answer;
    QString title = errorTitle(error.kind);
    if (error.httpStatus > 0)
        title += tr(" (HTTP %1)").arg(error.httpStatus);
    const QString advice = p ? errorAdvice(error, p->info(), AdviceFor::App) : QString();
    const bool keyProblem = error.kind == ErrorKind::Auth;
    m_card->showCard(LaneCard::Kind::Error, title, error.message, advice,
                     keyProblem ? tr("Open Providers && Keys") : QString());
}

LaneWidget::SendEstimate LaneWidget::sendEstimate(const QString &prompt) const
{
    SendEstimate result;
    const Target t = target();
    const Provider *p = provider();
    if (!p || t.model.isEmpty())
        return result;
    const auto price = m_services.prices->find(t.provider, t.model);
    if (!price)
        return result;
    result.priced = true;
    QString text;
    for (const ChatMessage &message : m_history)
        text += message.content + u'\n';
    text += prompt;
    const Usage usage = m_services.estimator ? m_services.estimator->estimate(t.provider, t.model, QStringView(), text)
                                             : TokenEstimator().estimate(t.provider, t.model, QStringView(), text);
    result.promptTokens = usage.promptTokens.value_or(0);
    std::optional<qint64> maxOutput;
    std::optional<qint64> contextWindow;
    if (const ModelInfo *model = p->info().findModel(t.model)) {
        // Without a max_tokens of its own, the lane can get at most what the model may write.
        maxOutput = model->maxOutputTokens;
        contextWindow = model->contextWindow;
    }
    result.estimate =
        estimateCost(*price, result.promptTokens, maxOutput, contextWindow, QDateTime::currentDateTimeUtc());
    return result;
}

void LaneWidget::send(const QString &prompt)
{
    if (isBusy() || prompt.trimmed().isEmpty())
        return;
    if (m_cardPurpose == CardPurpose::Answer || m_cardPurpose == CardPurpose::Key) {
        m_card->dismiss();
        m_cardPurpose = CardPurpose::None;
    }
    m_view->beginTurn(prompt);
    const Provider *p = provider();
    const Target t = target();
    if (!p) {
        m_view->abandonTurn(tr("Not sent: the provider \"%1\" is not in the catalog.").arg(t.provider));
        return;
    }
    if (t.model.isEmpty()) {
        m_view->abandonTurn(tr("Not sent: no model chosen."));
        m_cardPurpose = CardPurpose::Answer;
        m_card->showCard(
            LaneCard::Kind::Warning, tr("Choose a model"),
            tr("Type the id of one of %1's models in the box at the top of this lane.").arg(p->info().displayName));
        return;
    }
    const ProviderInfo &info = p->info();
    setState(State::ResolvingKey);
    m_footer->setState(tr("Looking up the key…"));
    const quint64 generation = ++m_generation;
    if (!info.keyRequired) {
        startStream(prompt, ApiKey());
        return;
    }
    m_services.keyResolver->resolve(info.id, info.keyEnvVar, this, [this, generation, prompt](KeyResult result) {
        if (generation != m_generation || m_state != State::ResolvingKey)
            return;
        if (result.hasKey()) {
            startStream(prompt, std::move(result.key));
            return;
        }
        const Provider *current = provider();
        const QString name = current ? current->info().displayName : target().provider;
        m_view->abandonTurn(result.succeeded() ? tr("Not sent: no key for %1.").arg(name)
                                               : tr("Not sent: the key for %1 cannot be read.").arg(name));
        showKeyCard(result);
        m_footer->setState(tr("Not sent"));
        setState(State::Idle);
    });
}

void LaneWidget::startStream(const QString &prompt, ApiKey key)
{
    const Provider *p = provider();
    Q_ASSERT(p);
    ChatRequest request;
    request.providerId = p->id();
    request.config.model = target().model;
    request.messages = m_history;
    request.messages.append(ChatMessage{Role::User, prompt, {}, {}, {}, {}});

    TransportOptions options = m_services.transport;
    options.estimator = m_services.estimator;
    auto *stream = new ChatStream(*m_services.network, *p, std::move(request), std::move(key),
                                  effectiveBaseUrl(p->info()), options, this);
    m_stream = stream;
    m_pendingText.clear();
    m_pendingReasoning.clear();
    m_pendingToolCalls.clear();
    m_ttftMs.reset();
    setState(State::Streaming);

    connect(stream, &ChatStream::deltaReceived, this, [this](const ChatDelta &delta) {
        // Only buffered here; the flush timer shows it (no document work per token).
        m_pendingText += delta.text;
        m_pendingReasoning += delta.reasoning;
        m_pendingToolCalls += delta.toolCalls;
    });
    connect(stream, &ChatStream::retrying, this, [this](int retry, double delaySeconds, const ChatError &why) {
        m_footer->setState(
            tr("%1 — retry %2 in %3 s").arg(errorTitle(why.kind)).arg(retry).arg(delaySeconds, 0, 'f', 1), why.message);
    });
    connect(stream, &ChatStream::finished, this,
            [this, stream, prompt, conversation = m_conversation] { onFinished(stream, prompt, conversation); });
    m_flushTimer.start();
    flush();
    stream->start();
}

void LaneWidget::flush()
{
    if (!m_stream)
        return;
    if (!m_pendingText.isEmpty() || !m_pendingReasoning.isEmpty() || !m_pendingToolCalls.isEmpty()) {
        m_view->appendStreamed(m_pendingReasoning, m_pendingText, m_pendingToolCalls);
        m_pendingText.clear();
        m_pendingReasoning.clear();
        m_pendingToolCalls.clear();
    }
    const StreamTimeline &timeline = m_stream->timeline();
    MetricsFooter::Live live;
    if (timeline.started()) {
        live.elapsedMs = double(timeline.nowNs() - timeline.startNs()) / 1e6;
        if (!m_ttftMs && timeline.tokenChunkCount() > 0)
            m_ttftMs = m_stream->metrics().ttftMs;
        live.ttftMs = m_ttftMs;
        live.liveTokensPerS = timeline.liveTokensPerS();
        if (timeline.tokenChunkCount() > 0)
            live.estimatedTokens = timeline.estimatedUsage().completionTokens;
    }
    m_footer->showLive(live);
}

void LaneWidget::stop()
{
    if (m_state == State::ResolvingKey) {
        ++m_generation;
        m_view->abandonTurn(tr("Stopped before sending."));
        m_footer->setState(tr("Stopped"));
        setState(State::Idle);
    } else if (m_state == State::Streaming && m_stream) {
        m_stream->cancel(); // finished() follows, with the partial answer
    }
}

void LaneWidget::onFinished(ChatStream *stream, const QString &prompt, quint64 conversation)
{
    m_flushTimer.stop();
    m_pendingText.clear();
    m_pendingReasoning.clear();
    m_pendingToolCalls.clear();

    const ChatResult &result = stream->result();
    const Target t = target();
    const StreamMetrics metrics = stream->metrics();
    const auto price = m_services.prices->find(t.provider, t.model);
    std::optional<CostBreakdown> cost;
    if (price)
        cost = computeCost(*price, result.usage, stream->sentAtUtc());

    // Only an answer that used tokens is billed; a refused request costs nothing.
    CostTotals answerCost;
    if (result.usage.promptTokens || result.usage.completionTokens) {
        if (cost)
            answerCost.add(*cost);
        else
            answerCost.addUnpriced();
    }
    stream->disconnect(this);
    stream->deleteLater();
    m_stream = nullptr;
    if (m_services.estimator) {
        if (auto saved = m_services.estimator->save(); !saved)
            qWarning("versus: %s", qPrintable(saved.error()));
    }
    if (conversation != m_conversation) {
        // The conversation was cleared while this answer streamed: it still cost what it cost.
        setState(State::Idle);
        Q_EMIT answerFinished(answerCost);
        return;
    }
    m_conversationCost.add(answerCost);

    QString note;
    QString state = tr("Done");
    switch (result.status) {
    case ResultStatus::Ok:
        if (result.finishReason == u"length")
            note = tr("The answer reached its length limit.");
        else if (result.finishReason == u"content_filter")
            note = tr("The provider's content filter ended the answer.");
        break;
    case ResultStatus::Cancelled:
        note = tr("Stopped by you.");
        state = tr("Stopped");
        break;
    case ResultStatus::Error:
    case ResultStatus::Truncated:
        note = result.error ? errorTitle(result.error->kind) : tr("Failed");
        state = tr("Failed");
        break;
    }
    m_view->finishTurn(result, note);

    if (!result.text.isEmpty()) {
        m_history.append(ChatMessage{Role::User, prompt, {}, {}, {}, {}});
        m_history.append(ChatMessage{Role::Assistant, result.text, result.reasoning, {}, {}, {}});
    }

    MetricsFooter::Final final;
    final.metrics = metrics;
    final.usage = result.usage;
    final.priced = price.has_value();
    final.cost = cost;
    final.providerCostUsd = result.providerCostUsd;
    final.conversation = m_conversationCost;
    m_footer->showFinal(final);
    m_footer->setState(
        state, result.model.isEmpty() || result.model == t.model ? QString() : tr("Answered by %1").arg(result.model));

    if (result.error && result.error->kind != ErrorKind::Cancelled)
        showAnswerError(*result.error);

    setState(State::Idle);
    Q_EMIT answerFinished(answerCost);
}

void LaneWidget::clearConversation()
{
    if (m_state == State::ResolvingKey) {
        ++m_generation;
        setState(State::Idle);
    }
    ++m_conversation;
    if (m_stream)
        m_stream->cancel(); // its answer is dropped when it finishes (see onFinished)
    m_flushTimer.stop();
    m_history.clear();
    m_conversationCost = CostTotals();
    m_view->clearConversation();
    m_footer->reset();
    if (m_cardPurpose == CardPurpose::Answer) {
        m_card->dismiss();
        m_cardPurpose = CardPurpose::None;
    }
}

} // namespace versus::ui

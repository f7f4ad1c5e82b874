// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/comparison.h"

#include "compare/answercodec.h"
#include "engine/engine.h"
#include "history/historystore.h"

namespace versus {

QString titleFromPrompt(const QString &prompt)
{
    QString line = prompt.trimmed().section(u'\n', 0, 0).simplified();
    constexpr qsizetype kMax = 60;
    if (line.size() > kMax) {
        line.truncate(kMax);
        const qsizetype space = line.lastIndexOf(u' ');
        if (space > kMax / 2)
            line.truncate(space);
        line += u'…';
    }
    return line;
}

Target defaultLaneTarget(const ProviderRegistry &registry)
{
    const QList<const Provider *> providers = registry.providers();
    for (const Provider *provider : providers) {
        for (const ModelInfo &model : provider->info().models) {
            if (isChatModel(model))
                return Target{provider->id(), model.id};
        }
    }
    return providers.isEmpty() ? Target{} : Target{providers.first()->id(), QString()};
}

Target nextLaneTarget(const ProviderRegistry &registry, const QList<Target> &inUse)
{
    for (const Provider *provider : registry.providers()) {
        const bool used = std::any_of(inUse.begin(), inUse.end(),
                                      [provider](const Target &target) { return target.provider == provider->id(); });
        if (used)
            continue;
        for (const ModelInfo &model : provider->info().models) {
            if (isChatModel(model))
                return Target{provider->id(), model.id};
        }
    }
    // Every provider with catalog models is in use: compare another model of the last one.
    return inUse.isEmpty() ? defaultLaneTarget(registry) : inUse.last();
}

Comparison::Comparison(Engine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
}

Comparison::~Comparison()
{
    // Runs are children of their lanes; make sure none reports into a half-destroyed object.
    for (ComparisonLane *lane : std::as_const(m_lanes)) {
        if (LaneRun *run = lane->run())
            run->disconnect(this);
    }
}

int Comparison::indexOf(const ComparisonLane *lane) const
{
    return int(m_lanes.indexOf(const_cast<ComparisonLane *>(lane)));
}

bool Comparison::isSaving() const
{
    return m_saving && m_engine.history();
}

void Comparison::setSaving(bool saving)
{
    m_saving = saving;
}

history::LaneRecord Comparison::laneRecord(const ComparisonLane *lane) const
{
    history::LaneRecord record;
    record.id = lane->historyId();
    record.position = indexOf(lane);
    record.provider = lane->target().provider;
    record.model = lane->target().model;
    record.parameters = parametersToJson(effectiveParameters(lane));
    if (lane->parameters().systemPrompt.trimmed().isEmpty() && !m_defaultSystemPrompt.isEmpty())
        record.parameters.insert(u"system_from_default", true);
    writeToolParameters(record.parameters, lane);
    return record;
}

void Comparison::saveLanes()
{
    if (auto saved = storeLanes(); !saved)
        Q_EMIT historyFailed(saved.error());
}

std::expected<void, history::HistoryError> Comparison::storeLanes()
{
    history::HistoryStore *store = m_engine.history();
    if (!m_conversationId || !store || !isSaving())
        return {};
    // Lanes the record does not have yet (added since, or while the history could not be
    // written), then what every lane asks and where it stands.
    for (ComparisonLane *lane : std::as_const(m_lanes)) {
        if (lane->m_historyId)
            continue;
        auto added = store->addLane(m_conversationId, laneRecord(lane));
        if (!added)
            return std::unexpected(added.error());
        lane->m_historyId = added->id;
    }
    for (const ComparisonLane *lane : std::as_const(m_lanes)) {
        if (auto updated = store->updateLane(laneRecord(lane)); !updated)
            return std::unexpected(updated.error());
    }
    m_defaultInHistory = m_defaultSystemPrompt;
    return {};
}

ComparisonLane *Comparison::addLane(const Target &target, const ProviderConfig &parameters)
{
    if (m_lanes.size() >= kMaxLanes)
        return nullptr;
    auto *lane = new ComparisonLane(target, this);
    lane->m_parameters = parameters;
    m_lanes.append(lane);
    saveLanes();
    Q_EMIT laneAdded(lane, int(m_lanes.size()) - 1);
    return lane;
}

bool Comparison::removeLane(ComparisonLane *lane)
{
    if (m_lanes.size() <= 1 || !m_lanes.contains(lane))
        return false;
    m_lanes.removeOne(lane);
    if (history::HistoryStore *store = m_engine.history(); store && lane->m_historyId && isSaving()) {
        history::LaneRecord record = laneRecord(lane);
        record.position = -1;
        record.removed = true;
        if (auto updated = store->updateLane(record); !updated)
            Q_EMIT historyFailed(updated.error());
        saveLanes(); // the positions of the others
    }
    retireLane(lane);
    return true;
}

void Comparison::moveLane(int from, int to)
{
    if (from < 0 || from >= m_lanes.size() || to < 0 || to >= m_lanes.size() || from == to)
        return;
    m_lanes.move(from, to);
    saveLanes();
    Q_EMIT lanesMoved();
}

bool Comparison::setLaneTarget(ComparisonLane *lane, const Target &target)
{
    if (!m_lanes.contains(lane) || lane->isBusy())
        return false;
    if (lane->m_target.provider == target.provider && lane->m_target.model == target.model)
        return true;
    lane->m_target = target;
    saveLanes();
    Q_EMIT lane->targetChanged();
    return true;
}

bool Comparison::setLaneParameters(ComparisonLane *lane, const ProviderConfig &parameters)
{
    if (!m_lanes.contains(lane) || lane->isBusy())
        return false;
    lane->m_parameters = parameters;
    saveLanes();
    return true;
}

bool Comparison::isBusy() const
{
    return m_running > 0;
}

void Comparison::updateBusy()
{
    const bool busy = isBusy();
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

std::expected<void, history::HistoryError> Comparison::ensureConversation(const QString &firstPrompt)
{
    if (m_conversationId)
        return {};
    history::HistoryStore *store = m_engine.history();
    QList<history::LaneRecord> records;
    for (const ComparisonLane *lane : std::as_const(m_lanes))
        records.append(laneRecord(lane));
    auto created = store->createConversation(titleFromPrompt(firstPrompt), records);
    if (!created)
        return std::unexpected(created.error());
    for (int i = 0; i < m_lanes.size() && i < created->lanes.size(); ++i)
        m_lanes[i]->m_historyId = created->lanes.at(i).id;
    m_conversationId = created->id;
    m_title = created->title;
    m_defaultInHistory = m_defaultSystemPrompt;
    Q_EMIT conversationChanged();
    return {};
}

std::expected<qint64, history::HistoryError> Comparison::send(const QString &prompt, const QList<ImageInput> &images,
                                                              ComparisonLane *onlyLane)
{
    if ((prompt.trimmed().isEmpty() && images.isEmpty()) || isBusy() || m_lanes.isEmpty())
        return 0;
    QList<ComparisonLane *> targets = m_lanes;
    if (onlyLane) {
        if (!m_lanes.contains(onlyLane))
            return 0;
        targets = {onlyLane};
    }
    const QList<LaneSkip> skips = imageSkips(images, onlyLane);
    for (const LaneSkip &skip : skips)
        targets.removeOne(skip.lane);
    if (targets.isEmpty()) {
        for (const LaneSkip &skip : skips)
            Q_EMIT laneSkipped(skip.lane, skip.message);
        return 0;
    }

    // The turn's moment is its key across the lanes: after every turn before it, even one
    // sent within the same millisecond (or before the clock was set back).
    const QDateTime moment =
        QDateTime::fromMSecsSinceEpoch(std::max(QDateTime::currentMSecsSinceEpoch(), lastTurnKey() + 1), Qt::UTC);
    // The user's message is on disk before any request leaves.
    history::TurnRecord turn;
    if (isSaving()) {
        const bool first = m_conversationId == 0;
        if (auto ok = ensureConversation(prompt); !ok)
            return std::unexpected(ok.error());
        // A lane added while the history could not be written is stored now.
        const bool unstored = std::any_of(targets.cbegin(), targets.cend(),
                                          [](const ComparisonLane *lane) { return lane->historyId() == 0; });
        // So are the lanes' records when the default system prompt changed since they were written.
        if (unstored || m_defaultInHistory != m_defaultSystemPrompt) {
            if (auto stored = storeLanes(); !stored)
                return std::unexpected(stored.error());
        }
        QList<qint64> laneIds;
        for (const ComparisonLane *lane : std::as_const(targets))
            laneIds << lane->historyId();
        auto added = m_engine.history()->addTurn(m_conversationId, prompt, laneIds, images, moment);
        if (!added) {
            if (first) // no conversation without its first prompt in the history
                forgetConversation(true);
            return std::unexpected(added.error());
        }
        turn = *added;
        Q_EMIT conversationChanged(); // its place in the list (newest first) changed
    }
    turn.prompt = prompt;
    if (!turn.createdAt.isValid())
        turn.createdAt = moment;

    m_running += int(targets.size()); // before any run can finish synchronously
    updateBusy();
    for (const LaneSkip &skip : skips)
        Q_EMIT laneSkipped(skip.lane, skip.message);
    for (ComparisonLane *lane : std::as_const(targets))
        startRun(lane, prompt, images, turn);
    shuffleForTurn(turn.createdAt.toMSecsSinceEpoch());
    return turn.id;
}

void Comparison::stop(ComparisonLane *lane)
{
    if (LaneRun *run = lane ? lane->run() : nullptr)
        run->cancel();
}

void Comparison::stopAll()
{
    const QList<ComparisonLane *> lanes = m_lanes;
    for (ComparisonLane *lane : lanes)
        stop(lane);
}

CostTotals Comparison::conversationCost() const
{
    CostTotals total;
    for (const ComparisonLane *lane : m_lanes)
        total.add(lane->cost());
    total.add(m_reviewCost); // merges and judges
    return total;
}

void Comparison::clearLanes()
{
    const QList<ComparisonLane *> lanes = m_lanes;
    m_lanes.clear();
    for (ComparisonLane *lane : lanes)
        retireLane(lane);
}

void Comparison::retireLane(ComparisonLane *lane)
{
    for (auto &scores : m_judgeScores)
        scores.remove(lane);
    for (auto it = m_continuedFrom.begin(); it != m_continuedFrom.end();) // its answers go with it
        it = it.value() == lane ? m_continuedFrom.erase(it) : std::next(it);
    Q_EMIT laneRemoved(lane);
    if (LaneRun *run = lane->run(); run && !run->isFinished()) {
        // The partial answer is saved when the run finishes; the lane goes with it.
        connect(run, &LaneRun::finished, lane, &QObject::deleteLater);
        run->cancel();
    } else {
        lane->deleteLater();
    }
}

void Comparison::setTitle(const QString &title)
{
    if (title == m_title)
        return;
    m_title = title;
    Q_EMIT conversationChanged();
}

void Comparison::forgetConversation(bool deleteStored)
{
    if (deleteStored && m_conversationId)
        (void)m_engine.history()->deleteConversation(m_conversationId); // best effort: the disk may be full
    for (ComparisonLane *lane : std::as_const(m_lanes))
        lane->m_historyId = 0;
    m_conversationId = 0;
    m_title.clear();
    m_defaultInHistory.reset();
    m_votes.clear();
    m_judgeScores.clear();
    forgetBlindAndTags();
    dropReviews();
    Q_EMIT conversationChanged();
}

void Comparison::newConversation()
{
    stopAll();
    for (ComparisonLane *lane : std::as_const(m_lanes)) {
        lane->conversation()->clear();
    }
    forgetConversation(false);
}

void Comparison::replaceLanes(const QList<Target> &targets)
{
    dropReviews();
    clearLanes();
    m_conversationId = 0;
    m_title.clear();
    m_votes.clear();
    m_judgeScores.clear();
    forgetBlindAndTags();
    for (const Target &target : targets.mid(0, kMaxLanes))
        addLane(target);
    Q_EMIT conversationChanged();
}

std::expected<void, history::HistoryError> Comparison::open(qint64 conversationId)
{
    history::HistoryStore *store = m_engine.history();
    if (!store)
        return std::unexpected(history::HistoryError{history::HistoryError::Kind::Other, tr("No history is open.")});
    if (isBusy())
        return std::unexpected(
            history::HistoryError{history::HistoryError::Kind::Other, tr("Stop the running answers first.")});
    // Answers are converted as they are read: each lane's model is built without holding the
    // whole stored conversation beside it.
    QHash<qint64, QList<LaneTurn>> turnsOfLane;
    auto record =
        store->readConversation(conversationId, [&](const history::ConversationRecord &conversation,
                                                    const history::TurnRecord &turn, history::AnswerRecord &&answer) {
            const auto lane = std::find_if(conversation.lanes.cbegin(), conversation.lanes.cend(),
                                           [&answer](const history::LaneRecord &l) { return l.id == answer.laneId; });
            if (lane == conversation.lanes.cend())
                return;
            LaneTurn laneTurn;
            laneTurn.turnId = turn.id;
            laneTurn.answerId = answer.id;
            laneTurn.prompt = turn.prompt;
            laneTurn.images = turn.images;
            laneTurn.sentAt = turn.createdAt;
            laneTurn.state = answer.state;
            laneTurn.result = laneResultFromRecord(answer, *lane);
            turnsOfLane[answer.laneId].append(std::move(laneTurn));
        });
    if (!record)
        return std::unexpected(record.error());

    QList<history::LaneRecord> lanes;
    for (const history::LaneRecord &lane : std::as_const(record->lanes)) {
        if (!lane.removed)
            lanes.append(lane);
    }
    if (lanes.isEmpty())
        lanes = record->lanes;
    std::sort(lanes.begin(), lanes.end(), [](const auto &x, const auto &y) { return x.position < y.position; });
    if (lanes.size() > kMaxLanes)
        lanes.resize(kMaxLanes);

    dropReviews();
    clearLanes();
    m_votes.clear();
    m_judgeScores.clear();
    forgetBlindAndTags();
    m_conversationId = record->id;
    m_title = record->title;
    // The next turn stores the lanes with the default system prompt it is sent with.
    m_defaultInHistory.reset();
    m_maxToolRounds = kDefaultMaxToolRounds; // unless the lanes say otherwise
    for (const history::LaneRecord &laneRecord : std::as_const(lanes)) {
        auto *lane = new ComparisonLane(Target{laneRecord.provider, laneRecord.model}, this);
        lane->m_parameters = parametersFromJson(laneRecord.parameters);
        if (laneRecord.parameters.value(u"system_from_default").toBool())
            lane->m_parameters.systemPrompt.clear(); // it was the default's, not the lane's own
        readToolParameters(laneRecord.parameters, lane);
        lane->m_historyId = laneRecord.id;
        lane->conversation()->setTurns(turnsOfLane.take(laneRecord.id));
        m_lanes.append(lane);
        Q_EMIT laneAdded(lane, int(m_lanes.size()) - 1);
    }
    loadVerdicts(*record);
    loadReviews(*record);
    Q_EMIT conversationChanged();
    return {};
}

} // namespace versus

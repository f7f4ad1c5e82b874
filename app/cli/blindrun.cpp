// SPDX-License-Identifier: GPL-3.0-or-later
// versus-cli compare --blind and --tag: lanes shown as Lane A, B, C… in a shuffled order (the
// Comparison's blind mode) with the mapping printed only at the end, and tags on the turn.
#include "comparisonrun.h"

#include <QJsonArray>
#include <QJsonObject>

namespace versus::cli {

void addVerdictOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("blind"),
                      QStringLiteral("Hide provider and model: lanes are shown as Lane A, B, C… in a shuffled order, "
                                     "and which is which is printed at the end.")});
    parser.addOption({QStringLiteral("tag"),
                      QStringLiteral("Tag the turn (repeatable); versus-cli leaderboard --tag counts only such turns."),
                      QStringLiteral("TAG")});
}

std::expected<void, QString> readVerdictOptions(const QCommandLineParser &parser, RunOptions &options)
{
    options.blind = parser.isSet(QStringLiteral("blind"));
    for (const QString &tag : parser.values(QStringLiteral("tag"))) {
        if (tag.simplified().isEmpty())
            return std::unexpected(QStringLiteral("--tag needs a word"));
        options.tags << tag.simplified();
    }
    return {};
}

QString ComparisonRun::laneTitle(const ComparisonLane *lane) const
{
    if (m_options.blind && m_comparison)
        return QStringLiteral("Lane ") + m_comparison->laneLabel(lane);
    return lane->target().toString();
}

QList<int> ComparisonRun::shownOrder() const
{
    QList<int> order;
    if (m_options.blind && m_comparison) {
        for (const ComparisonLane *lane : m_comparison->displayOrder()) {
            if (const int index = int(m_lanes.indexOf(lane)); index >= 0)
                order << index;
        }
    }
    for (int i = 0; i < m_lanes.size(); ++i) {
        if (!order.contains(i))
            order << i;
    }
    return order;
}

void ComparisonRun::prepareTurn()
{
    if (m_options.blind)
        m_comparison->setBlind(true); // the turn about to be sent gets its shuffled order
}

void ComparisonRun::afterSend()
{
    if (!m_options.tags.isEmpty())
        m_comparison->setTurnTags(m_comparison->lastTurnKey(), m_options.tags);
}

LaneResult ComparisonRun::shownResult(int index) const
{
    LaneResult result = *m_results.at(index);
    if (m_options.blind)
        result.target = laneTitle(m_lanes.at(index)); // the table's lane column
    return result;
}

QJsonObject ComparisonRun::labelled(QJsonObject laneJson, int index) const
{
    if (m_options.blind)
        laneJson.insert(QStringLiteral("label"), m_comparison->laneLabel(m_lanes.at(index)));
    return laneJson;
}

void ComparisonRun::addBlindMapping(QJsonObject &document) const
{
    if (!m_options.blind)
        return;
    QJsonObject mapping;
    for (int index : shownOrder())
        mapping.insert(m_comparison->laneLabel(m_lanes.at(index)), m_lanes.at(index)->target().toString());
    document.insert(QStringLiteral("blind"), mapping);
}

void ComparisonRun::printBlindMapping()
{
    if (!m_options.blind)
        return;
    m_context.out << '\n';
    for (int index : shownOrder())
        m_context.out << laneTitle(m_lanes.at(index)) << " = " << m_lanes.at(index)->target().toString() << '\n';
    m_context.out.flush();
}

} // namespace versus::cli

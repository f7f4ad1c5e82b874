// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chatresult.h"
#include "metrics/streamtimeline.h"

#include <QJsonArray>
#include <QJsonObject>

namespace versus {

/// The outcome of one lane (one provider:model) for one turn: what the CLI prints with
/// --json and what comparisons, benchmarks and exports are made of.
struct LaneResult {
    QString target;
    QString provider;
    QString model;
    ChatResult chat;
    StreamMetrics metrics;
    QJsonValue cost = QJsonValue::Null; ///< cost object, or null when no price is known
    QJsonArray toolRounds;
};

/// The lane-result JSON document of ARCHITECTURE.md ("versus-cli chat --json").
QJsonObject laneResultToJson(const LaneResult &lane);

} // namespace versus

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "compare/laneresult.h"
#include "history/historyrecords.h"

#include <QJsonObject>

namespace versus {

/// The history state of a finished answer.
history::AnswerState answerStateFor(ResultStatus status);
/// The result status an answer state reads back as (Interrupted answers read as Truncated).
ResultStatus resultStatusFor(history::AnswerState state);

/// What the history stores of a lane's answer: the lane-result JSON members, with the exact
/// cost amounts and the completion count that derived figures used.
history::AnswerRecord answerRecordFor(const LaneResult &result, history::AnswerState state);
/// A stored answer read back as the lane result it was saved from.
LaneResult laneResultFromRecord(const history::AnswerRecord &answer, const history::LaneRecord &lane);

/// A lane's request parameters as the history stores them ("system", "temperature", "top_p",
/// "max_tokens", "seed", "stop", "service_tier", "reasoning_effort"); members left empty are
/// omitted. The model is stored with the lane, not here; tools and schemas are not stored.
QJsonObject parametersToJson(const ProviderConfig &config);
/// Parameters read back from parametersToJson(); a member of the wrong type reads as unset.
ProviderConfig parametersFromJson(const QJsonObject &object);

} // namespace versus

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/laneresult.h"

#include <QJsonObject>

namespace versus {

/// The lane-result JSON document of ARCHITECTURE.md ("versus-cli chat --json").
QJsonObject laneResultToJson(const LaneResult &lane);

} // namespace versus

// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/comparisonlane.h"

namespace versus {

ComparisonLane::ComparisonLane(Target target, QObject *parent)
    : QObject(parent)
    , m_target(std::move(target))
    , m_conversation(new LaneConversation(this))
{
}

} // namespace versus

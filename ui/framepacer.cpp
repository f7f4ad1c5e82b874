// SPDX-License-Identifier: GPL-3.0-or-later
#include "framepacer.h"

#include <QList>

#include <algorithm>

namespace versus::ui {

namespace {

using Clock = FramePacer::Clock;

Clock::time_point (*g_now)() = nullptr;

struct Due {
    const void *owner;
    Clock::time_point at;
};

// Refreshes are armed and fired on the GUI thread only.
QList<Due> &dueList()
{
    static QList<Due> due;
    return due;
}

} // namespace

std::chrono::milliseconds FramePacer::delay(const void *owner, std::chrono::milliseconds period,
                                            std::chrono::milliseconds gap)
{
    QList<Due> &due = dueList();
    const Clock::time_point now = g_now ? g_now() : Clock::now();
    due.removeIf([&](const Due &d) { return d.owner == owner || d.at < now; });
    // The latest time that keeps @p gap from every other refresh, no later than one period
    // and no earlier than half of it (when lanes are too many for the period, some share).
    Clock::time_point at = now + period;
    const Clock::time_point earliest = now + period / 2;
    for (bool moved = true; moved && at >= earliest;) {
        moved = false;
        for (const Due &d : due) {
            if (d.at > at - gap && d.at < at + gap) {
                at = d.at - gap;
                moved = true;
            }
        }
    }
    // Too many refreshes for the period: this one shares a frame, at the earliest time it may
    // have. (Not back at the full period: a lane armed a millisecond or two after the
    // others would then land on the first one's frame instead of next to the last.)
    if (at < earliest)
        at = earliest;
    due.append({owner, at});
    return std::max(std::chrono::milliseconds(1), std::chrono::ceil<std::chrono::milliseconds>(at - now));
}

void FramePacer::setClock(Clock::time_point (*now)())
{
    g_now = now;
}

void FramePacer::cancel(const void *owner)
{
    dueList().removeIf([&](const Due &d) { return d.owner == owner; });
}

} // namespace versus::ui

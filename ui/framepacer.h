// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

namespace versus::ui {

/// Spreads the periodic refreshes of several lanes over their period, so that lanes that
/// stream at once do not all redraw in the same frame.
///
/// Each streaming lane redraws at most every ~33 ms from a timer of its own (its view's
/// sync, its footer's live figures). Lanes whose timers were started by the same event (one
/// prompt sent to all of them, deltas that arrive together) would otherwise fire together
/// for the whole answer: one frame doing every lane's work, the next doing nothing.
///
/// delay() gives the interval to arm such a timer with: @p period, or less when another
/// refresh is due within @p gap of that time — never more, so a lane's latency never grows.
/// Each caller names itself (@p owner) so that re-arming replaces its own entry; entries
/// are forgotten once their time has passed, so nothing needs to be released.
class FramePacer {
public:
    using Clock = std::chrono::steady_clock;

    static std::chrono::milliseconds delay(const void *owner, std::chrono::milliseconds period,
                                           std::chrono::milliseconds gap = std::chrono::milliseconds(8));
    /// @p owner's refresh is no longer due (its timer was stopped).
    static void cancel(const void *owner);
    /// The clock delay() reads (nullptr: the steady clock). Tests hold it still to arm
    /// several refreshes at one instant.
    static void setClock(Clock::time_point (*now)());
};

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace versus {

/// `versus --smoke-test`, for package checks: once @p window (shown) has been painted and the
/// event loop has run on after it, the application quits with 0. When no paint came within
/// @p timeoutMs, it says so on stderr and quits with 1, so a check never passes on a window
/// that was never drawn.
void quitOncePainted(QWidget &window, int timeoutMs = 30'000);

} // namespace versus

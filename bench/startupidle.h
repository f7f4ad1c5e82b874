// SPDX-License-Identifier: GPL-3.0-or-later
// bench_rendering's start-up and idle measurements (see bench_rendering.cpp).
#pragma once

#include <QString>

namespace versus::bench {

/// The measured child process: shows the Versus window (@p which "versus") or a minimal
/// QMainWindow ("minimal") and prints the monotonic clock at its first paint.
int startupChild(const QString &which);
/// Start-up to the first painted window, Versus against a minimal window, each a fresh process
/// of this binary, alternating, median of @p runs. Prints figures and a FIGURE|5 line.
int startupComparison(int runs);
/// The idle window's CPU over @p seconds and every timer still registered; 1 when one runs.
int idleWindow(double seconds);

} // namespace versus::bench

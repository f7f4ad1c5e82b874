// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace versus::ui {

/// The Versus icon: two lanes side by side (blue and orange) on a dark rounded square,
/// resources/icons/io.github.versus.Versus.svg drawn by Qt SVG at whatever size and device
/// pixel ratio is asked for, so it is sharp on any screen without a bitmap per size.
QIcon appIcon();

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace versus::ui {

/// The Versus icon: two lanes side by side (blue and orange) on a dark rounded square, the
/// drawing of resources/icons/io.github.versus.Versus.svg. Painted with QPainter at whatever
/// size and device pixel ratio is asked for, so it is sharp on any screen without a bitmap
/// per size and without the Qt SVG module.
QIcon appIcon();

} // namespace versus::ui

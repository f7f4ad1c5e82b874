// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace versus {
class Engine;
} // namespace versus

namespace versus::ui {

class AppSettings;

/// The long-lived objects the composition root (app/gui/main.cpp, or a test) creates once
/// and hands to the window: the engine (network, catalogs, keys, history) and the settings.
/// None is owned here; both must outlive the window.
struct AppServices {
    Engine *engine = nullptr;
    AppSettings *settings = nullptr;
};

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

class QPalette;
class QWidget;

namespace versus::ui {

/// Applies the colour theme chosen in Settings → General (AppSettings::theme()): "dark" is
/// the Fusion style with a dark palette; "light" the platform's style and palette (Fusion's
/// light palette when the platform's own is dark); "system" (and anything else) the
/// platform's style and palette, which follow the desktop's light or dark setting. Every
/// widget gets a QEvent::PaletteChange; the conversation views re-render their rich text.
void applyTheme(const QString &choice);

/// The palette applyTheme("dark") sets.
QPalette darkPalette();

/// True when @p palette has light text on a dark window.
bool isDark(const QPalette &palette);

/// Calls @p retint now and again whenever @p widget's palette changes (a theme applied, the
/// desktop gone dark), for colours a widget derives from the application's palette and sets
/// as its own: they would stay as they were otherwise.
void followPalette(QWidget *widget, std::function<void()> retint);

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

class QDialog;
class QWidget;

namespace versus::ui {

/// One line of Help → Keyboard shortcuts.
struct ShortcutEntry {
    QString command; ///< what the keys do, as the menu says it (without mnemonics)
    QString keys;    ///< the key sequences, in the platform's wording, separated by commas
    friend bool operator==(const ShortcutEntry &, const ShortcutEntry &) = default;
};

/// Every action of @p window and of the widgets in it that has a shortcut (the window's
/// commands of WindowActions, a lane's own), in the order they were made, each once; then
/// the keys of the prompt box, which are not actions (Enter, Shift+Enter).
QList<ShortcutEntry> shortcutEntries(const QWidget *window);

/// Help → Keyboard shortcuts ("shortcutsDialog"): shortcutEntries() of @p window in a list
/// ("shortcutList"), read when the dialog is made.
QDialog *createShortcutsDialog(const QWidget *window, QWidget *parent);

/// Shows the shortcuts dialog of @p window, made on first use (a child of the window).
void showShortcutsDialog(QWidget *window);

} // namespace versus::ui

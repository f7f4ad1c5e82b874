// SPDX-License-Identifier: GPL-3.0-or-later
#include "historymessages.h"

#include "history/historystore.h"

#include <QCoreApplication>

namespace versus::ui {

namespace {
// Worded with the window's other messages.
} // namespace

QString historySaveErrorText(const history::HistoryError &error, const QString &path, bool nothingSent)
{
    QString what;
    switch (error.kind) {
    case history::HistoryError::Kind::DiskFull:
        what = QCoreApplication::translate("versus::ui::MainWindow",
                                           "The disk is full: the conversation cannot be saved.");
        break;
    case history::HistoryError::Kind::Unwritable:
        what = QCoreApplication::translate(
            "versus::ui::MainWindow",
            "The history file cannot be written (read-only folder or file, or missing permissions).");
        break;
    default:
        what = QCoreApplication::translate("versus::ui::MainWindow", "The conversation cannot be saved.");
        break;
    }
    QString text = what + u' ' + error.message + u'\n';
    if (nothingSent)
        text += QCoreApplication::translate(
                    "versus::ui::MainWindow",
                    "Nothing was sent; your prompt is still in the box below. Free some space or fix the permissions "
                    "of %1, then send again — or send without saving.")
                    .arg(path);
    else
        text += QCoreApplication::translate(
                    "versus::ui::MainWindow",
                    "The answers on screen are complete; what was not saved is missing from the history (%1).")
                    .arg(path);
    return text;
}

QString historyUnavailableText(const history::HistoryError &error, const QString &path)
{
    return QCoreApplication::translate("versus::ui::MainWindow",
                                       "The history cannot be opened, so conversations will not be saved: %1 (%2)")
        .arg(error.message, path);
}

QString historyMovedAsideText(const history::OpenReport &report)
{
    return QCoreApplication::translate(
               "versus::ui::MainWindow",
               "The history file was damaged (%1). It was moved to %2 and a new one was started; nothing in it was "
               "deleted.")
        .arg(report.corruptionReason, report.movedAsideTo);
}

} // namespace versus::ui

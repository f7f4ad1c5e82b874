// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace versus::history {
struct HistoryError;
struct OpenReport;
} // namespace versus::history

// What the window's message bar says about the history, in words for the user.
namespace versus::ui {

/// A turn could not be saved to the history file at @p path: what happened and what to do.
/// @p nothingSent: the prompt was refused before sending (it is still in the composer).
QString historySaveErrorText(const history::HistoryError &error, const QString &path, bool nothingSent);
/// The history at @p path could not be opened at start, so nothing will be saved.
QString historyUnavailableText(const history::HistoryError &error, const QString &path);
/// A damaged history file was moved aside and a new one started.
QString historyMovedAsideText(const history::OpenReport &report);

} // namespace versus::ui

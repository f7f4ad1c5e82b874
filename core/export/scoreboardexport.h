// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/scoreboard.h"

#include <QString>

/// Writers of a comparison's scoreboard (compare/scoreboard.h) for spreadsheets and documents.
namespace versus::exports {

/// The scoreboard as CSV (RFC 4180: a header row, CRLF line ends, fields quoted when they
/// hold a comma, quote or line break). Numbers are plain numbers ('.' decimals, no unit);
/// an estimated figure is a number with a "…_estimated" flag column beside it; a cell left
/// empty has no value. Text cells that a spreadsheet would read as a formula (starting with
/// = + - @, tab or carriage return) get a leading apostrophe.
QString scoreboardToCsv(const Scoreboard &board);

/// The scoreboard as a Markdown table under @p title (none when empty): best values in bold,
/// estimated ones prefixed with "~", "–" where there is no value.
QString scoreboardToMarkdown(const Scoreboard &board, const QString &title = {});

/// A text cell made safe for a spreadsheet (see scoreboardToCsv()), then quoted as RFC 4180 needs.
QString csvTextField(const QString &text);

} // namespace versus::exports

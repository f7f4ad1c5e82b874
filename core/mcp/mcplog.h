// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace versus::mcp {
/// "versus.mcp": server stderr lines (info), transport events (debug). Never a header value.
Q_DECLARE_LOGGING_CATEGORY(lcMcp)
} // namespace versus::mcp

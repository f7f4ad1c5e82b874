// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace versus::test {

/// Runs @p statements on the SQLite file @p path through a connection of its own (not the
/// store's), in order; returns the first column of the last statement's rows, or
/// {"error: <SQLite's words>"} when opening or a statement failed (the rest are not run).
QStringList sql(const QString &path, const QStringList &statements);

} // namespace versus::test

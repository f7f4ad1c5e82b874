// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <expected>

namespace versus {

/// Parses a decimal text ("0.0375", "2", "1.5e-7", "-3") into an integer scaled by 10^scale,
/// digit by digit, so that no binary floating-point rounding is involved: "0.003" at scale 6
/// is exactly 3000. A value that needs more than @p scale decimals, or that does not fit in
/// 64 bits, is an error (the text says which) rather than being rounded silently.
std::expected<qint64, QString> parseFixedPoint(QStringView text, int scale);

/// The shortest decimal text of value / 10^scale: (75000, 6) → "0.075", (2000000, 6) → "2".
QString formatFixedPoint(qint64 value, int scale);

/// The shortest text that reads back as @p value (what a JSON writer would print): the
/// decimal a price file contained, for any literal with at most 15 significant digits.
QString shortestDecimalText(double value);

} // namespace versus

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <expected>

/// The built-in tools and the tools file (ARCHITECTURE.md, "Tools file").
namespace versus::tools {

/// Evaluates an arithmetic expression exactly, on rational numbers, with a hand-written
/// parser (no code is ever evaluated). Grammar, loosest first:
///   + - (also U+2212 −)  <  * / % (also × ÷)  <  unary + -  <  ^  <  number, ( … )
/// Binary operators are left-associative except ^, which is right-associative and binds
/// tighter than unary minus (-2^2 = -4, 2^-2 = 0.25, 2^3^2 = 512). Numbers: 42, 4.5, .5,
/// 1e3, 2.5E-4. % is the remainder of a truncated division: its sign follows the dividend
/// (-7 % 3 = -1), as C's fmod. ^ with a whole-number exponent is exact (0^0 = 1); a
/// fractional exponent is accepted only when the result is exact (9^0.5 = 3, 8^(1/3) = 2).
///
/// The value is returned as decimal text, always a valid JSON number. A terminating
/// decimal of up to 10,000 digits is exact and in full: "0.3" for 0.1+0.2, "42", "-1.25",
/// all 31 digits of 2^100. Any other value (1/3, 2^-20000) is rounded to nearest at 30
/// significant digits, trailing zeros dropped: "0.333333333333333333333333333333" (2/3
/// ends in 7); it has an exponent when below 1e-6 or above 30 integer digits: 10^40/3 is
/// "3.33333333333333333333333333333e+39".
///
/// Errors are sentences a model can act on, with 1-based positions counted in characters
/// (Unicode code points, as is the length limit): empty expression, more than 1,000
/// characters, parentheses nested deeper than 200, unexpected character, missing ')',
/// division or remainder by zero, a fractional exponent with an inexact result, and
/// overflow (a numerator or denominator beyond 10,000 digits; a power is refused before
/// it is computed, so 9^9^9^9 fails at once).
std::expected<QString, QString> evaluateExpression(const QString &expression);

/// The calculator tool: @p arguments {"expression": "6*7"} gives {"result": 42}, a failure
/// {"error": "division by zero at position 2"}. The result is a double here, so a rounded
/// value loses digits: prefer runCalculatorJson() for what is sent to the model.
QJsonObject runCalculator(const QJsonObject &arguments);

/// The same as compact JSON text with the exact digits as a JSON number:
/// {"result":0.3}, {"result":42}, {"result":0.333333333333333333333333333333},
/// or {"error":"..."}.
QByteArray runCalculatorJson(const QJsonObject &arguments);

} // namespace versus::tools

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstddef>
#include <expected>
#include <gmpxx.h>

/// Exact rational arithmetic for the calculator, on GMP (private to core/tools: no public
/// header includes GMP). Every value stays within kMaxDigits digits.
namespace versus::tools::rational {

/// The most decimal digits a numerator or denominator may have.
inline constexpr std::size_t kMaxDigits = 10000;

/// True when both numerator and denominator have at most kMaxDigits digits.
bool fitsCap(const mpq_class &value);

/// Why a power has no exact result within the cap.
enum class PowerError { Overflow, ZeroToNegative, EvenRootOfNegative, Inexact };

/// base ^ exponent, exactly: any whole exponent (0^0 = 1), or a fraction p/q when the q-th
/// root of base is rational. A result beyond the cap is refused before it is computed.
std::expected<mpq_class, PowerError> power(const mpq_class &base, const mpq_class &exponent);

/// dividend - divisor * trunc(dividend / divisor): the sign follows the dividend, as C's
/// fmod. @p divisor must not be zero.
mpq_class remainder(const mpq_class &dividend, const mpq_class &divisor);

/// @p mantissa * 10^@p exponent, or nothing when it would break the cap.
std::expected<mpq_class, PowerError> scaledByTenPower(const mpz_class &mantissa, qint64 exponent);

/// The decimal text evaluateExpression() documents: exact when it terminates within
/// kMaxDigits digits, otherwise 30 significant digits.
QString decimalText(const mpq_class &value);

} // namespace versus::tools::rational

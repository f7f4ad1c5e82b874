// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/rational_p.h"

#include <algorithm>
#include <cmath>
#include <string>

using namespace Qt::StringLiterals;

namespace versus::tools::rational {

namespace {

constexpr int kSignificantDigits = 30;
/// A numerator or denominator of kMaxDigits digits has fewer bits than this.
constexpr unsigned long kMaxRootDegree = 40'000;

mpz_class powerOfTen(unsigned long exponent)
{
    mpz_class result;
    mpz_ui_pow_ui(result.get_mpz_t(), 10, exponent);
    return result;
}

/// At most kMaxDigits decimal digits (mpz_sizeinbase may count one digit too many).
bool fitsCap(const mpz_class &value)
{
    const std::size_t size = mpz_sizeinbase(value.get_mpz_t(), 10);
    if (size != kMaxDigits + 1)
        return size <= kMaxDigits;
    static const mpz_class limit = powerOfTen(kMaxDigits);
    return mpz_cmpabs(value.get_mpz_t(), limit.get_mpz_t()) < 0;
}

/// log10 |value|, for value != 0, without converting a large value to a double.
double log10Magnitude(const mpz_class &value)
{
    long exponent = 0;
    const double mantissa = mpz_get_d_2exp(&exponent, value.get_mpz_t());
    return std::log10(std::fabs(mantissa)) + double(exponent) * std::log10(2.0);
}

/// base ^ exponent for a whole exponent; refuses an oversized result before computing it.
std::expected<mpq_class, PowerError> wholePower(const mpq_class &base, const mpz_class &exponent)
{
    if (exponent == 0)
        return mpq_class(1);
    if (base == 0) {
        if (exponent > 0)
            return mpq_class(0);
        return std::unexpected(PowerError::ZeroToNegative);
    }
    if (base == 1 || base == -1)
        return mpq_class((base < 0 && mpz_odd_p(exponent.get_mpz_t())) ? -1 : 1);
    const mpz_class magnitude = abs(exponent);
    if (!magnitude.fits_ulong_p())
        return std::unexpected(PowerError::Overflow);
    const unsigned long n = magnitude.get_ui();
    const double digits = double(n) * std::max(log10Magnitude(base.get_num()),
                                               base.get_den() == 1 ? 0.0 : log10Magnitude(base.get_den()));
    if (digits > double(kMaxDigits) + 1)
        return std::unexpected(PowerError::Overflow);
    mpz_class num;
    mpz_class den;
    mpz_pow_ui(num.get_mpz_t(), base.get_num().get_mpz_t(), n);
    mpz_pow_ui(den.get_mpz_t(), base.get_den().get_mpz_t(), n);
    mpq_class result = exponent > 0 ? mpq_class(num, den) : mpq_class(den, num);
    result.canonicalize();
    return result;
}

/// num/den (den = 2^a 5^b) as an exact decimal with @p places = max(a, b) decimals.
std::string terminatingDecimal(const mpz_class &num, const mpz_class &den, unsigned long places)
{
    mpz_class scaled = num * powerOfTen(places);
    mpz_divexact(scaled.get_mpz_t(), scaled.get_mpz_t(), den.get_mpz_t());
    std::string digits = scaled.get_str();
    if (digits.size() <= places)
        digits.insert(0, places + 1 - digits.size(), '0');
    digits.insert(digits.size() - places, 1, '.');
    return digits;
}

/// num/den rounded to kSignificantDigits significant digits (to nearest; a tie, possible
/// only for a value that terminates after more than kMaxDigits digits, away from zero),
/// plain when it reads well, otherwise with an exponent.
std::string roundedDecimal(const mpz_class &num, const mpz_class &den)
{
    // A shift that makes num * 10^shift / den at least 10^30: 31 digits or more.
    const long estimate = long(mpz_sizeinbase(num.get_mpz_t(), 10)) - long(mpz_sizeinbase(den.get_mpz_t(), 10));
    const long shift = kSignificantDigits + 2 - estimate;
    mpz_class scaled;
    if (shift >= 0)
        scaled = num * powerOfTen(static_cast<unsigned long>(shift)) / den;
    else
        scaled = num / (den * powerOfTen(static_cast<unsigned long>(-shift)));
    const std::string all = scaled.get_str();
    long exponent = long(all.size()) - 1 - shift;
    std::string digits = all.substr(0, kSignificantDigits);
    if (all[kSignificantDigits] >= '5') {
        auto it = digits.rbegin();
        for (; it != digits.rend() && *it == '9'; ++it)
            *it = '0';
        if (it == digits.rend()) {
            digits.insert(0, 1, '1');
            digits.pop_back();
            ++exponent;
        } else {
            ++*it;
        }
    }
    digits.erase(digits.find_last_not_of('0') + 1);
    if (exponent >= kSignificantDigits || exponent < -6) {
        std::string text = digits.substr(0, 1);
        if (digits.size() > 1)
            text += '.' + digits.substr(1);
        return text + (exponent < 0 ? "e-" : "e+") + std::to_string(std::abs(exponent));
    }
    if (exponent < 0)
        return "0." + std::string(std::size_t(-exponent - 1), '0') + digits;
    const std::size_t integerDigits = std::size_t(exponent) + 1;
    if (digits.size() <= integerDigits)
        return digits + std::string(integerDigits - digits.size(), '0');
    return digits.substr(0, integerDigits) + '.' + digits.substr(integerDigits);
}

} // namespace

bool fitsCap(const mpq_class &value)
{
    return fitsCap(value.get_num()) && fitsCap(value.get_den());
}

std::expected<mpq_class, PowerError> power(const mpq_class &base, const mpq_class &exponent)
{
    if (exponent.get_den() == 1)
        return wholePower(base, exponent.get_num());
    // base ^ (p/q) = (q-th root of base) ^ p, exact only when that root is rational.
    const mpz_class &p = exponent.get_num();
    const mpz_class &q = exponent.get_den();
    if (base == 0 || base == 1)
        return wholePower(base, p);
    const bool negative = base < 0;
    if (negative && mpz_even_p(q.get_mpz_t()))
        return std::unexpected(PowerError::EvenRootOfNegative);
    const mpz_class num = abs(base.get_num());
    const mpz_class &den = base.get_den();
    if (num == 1 && den == 1)
        return wholePower(base, p);
    // One of num and den is above 1 and has fewer bits than the degree: its root is not whole.
    if (!q.fits_ulong_p() || q.get_ui() > kMaxRootDegree)
        return std::unexpected(PowerError::Inexact);
    mpz_class rootNum;
    mpz_class rootDen;
    if (!mpz_root(rootNum.get_mpz_t(), num.get_mpz_t(), q.get_ui()) ||
        !mpz_root(rootDen.get_mpz_t(), den.get_mpz_t(), q.get_ui()))
        return std::unexpected(PowerError::Inexact);
    mpq_class root(rootNum, rootDen);
    if (negative)
        root = -root;
    return wholePower(root, p);
}

mpq_class remainder(const mpq_class &dividend, const mpq_class &divisor)
{
    const mpq_class quotient = dividend / divisor;
    mpz_class whole;
    mpz_tdiv_q(whole.get_mpz_t(), quotient.get_num_mpz_t(), quotient.get_den_mpz_t());
    return dividend - divisor * mpq_class(whole);
}

std::expected<mpq_class, PowerError> scaledByTenPower(const mpz_class &mantissa, qint64 exponent)
{
    mpq_class value(mantissa);
    if (mantissa != 0 && exponent != 0) {
        // Beyond this the value cannot fit, whatever the mantissa's own digits.
        if (std::abs(exponent) > qint64(2 * kMaxDigits) + qint64(mpz_sizeinbase(mantissa.get_mpz_t(), 10)))
            return std::unexpected(PowerError::Overflow);
        const mpz_class factor = powerOfTen(static_cast<unsigned long>(std::abs(exponent)));
        if (exponent > 0)
            value *= factor;
        else
            value /= factor;
    }
    if (!fitsCap(value))
        return std::unexpected(PowerError::Overflow);
    return value;
}

QString decimalText(const mpq_class &value)
{
    if (value == 0)
        return u"0"_s;
    const mpz_class num = abs(value.get_num());
    const mpz_class &den = value.get_den();
    std::string text;
    if (den == 1) {
        text = num.get_str();
    } else {
        mpz_class rest = den;
        const mpz_class two = 2;
        const mpz_class five = 5;
        const mp_bitcnt_t twos = mpz_remove(rest.get_mpz_t(), rest.get_mpz_t(), two.get_mpz_t());
        const mp_bitcnt_t fives = mpz_remove(rest.get_mpz_t(), rest.get_mpz_t(), five.get_mpz_t());
        if (rest == 1)
            text = terminatingDecimal(num, den, std::max(twos, fives));
        // Beyond kMaxDigits digits (2^-20000 has 20,000 decimals) an exact text helps nobody.
        if (rest != 1 || text.size() > kMaxDigits + 1)
            text = roundedDecimal(num, den);
    }
    return (value < 0 ? u"-"_s : QString()) + QString::fromLatin1(text);
}

} // namespace versus::tools::rational

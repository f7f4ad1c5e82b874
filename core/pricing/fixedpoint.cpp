// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixedpoint.h"

#include <QCoreApplication>
#include <QLocale>
#include <QtNumeric>

namespace versus {

namespace {

} // namespace

std::expected<qint64, QString> parseFixedPoint(QStringView text, int scale)
{
    const QString notANumber =
        QCoreApplication::translate("versus::FixedPoint", "\"%1\" is not a decimal number").arg(text.toString());
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool negative = false;
    if (i < n && (text[i] == u'-' || text[i] == u'+')) {
        negative = text[i] == u'-';
        ++i;
    }
    QString digits; // integer and fraction digits, without the point
    qsizetype fractionDigits = 0;
    bool seenPoint = false;
    for (; i < n; ++i) {
        const QChar c = text[i];
        if (c >= u'0' && c <= u'9') {
            digits += c;
            if (seenPoint)
                ++fractionDigits;
        } else if (c == u'.' && !seenPoint) {
            seenPoint = true;
        } else {
            break;
        }
    }
    if (digits.isEmpty())
        return std::unexpected(notANumber);

    qint64 exponent = 0;
    if (i < n && (text[i] == u'e' || text[i] == u'E')) {
        ++i;
        bool negativeExponent = false;
        if (i < n && (text[i] == u'-' || text[i] == u'+')) {
            negativeExponent = text[i] == u'-';
            ++i;
        }
        const qsizetype exponentStart = i;
        for (; i < n && text[i] >= u'0' && text[i] <= u'9'; ++i) {
            if (exponent > 10000) // far beyond anything representable; keep counting digits only
                continue;
            exponent = exponent * 10 + (text[i].unicode() - u'0');
        }
        if (i == exponentStart)
            return std::unexpected(notANumber);
        if (negativeExponent)
            exponent = -exponent;
    }
    if (i != n)
        return std::unexpected(notANumber);

    // value = digits × 10^(exponent − fractionDigits); we want value × 10^scale.
    qint64 shift = qint64(scale) + exponent - fractionDigits;
    qsizetype firstNonZero = 0;
    while (firstNonZero < digits.size() && digits[firstNonZero] == u'0')
        ++firstNonZero;
    digits = digits.mid(firstNonZero);
    if (digits.isEmpty())
        return 0;
    if (shift < 0) {
        // The digits we would drop must all be zeros, otherwise the text is more precise than
        // the scale allows.
        while (shift < 0 && !digits.isEmpty() && digits.back() == u'0') {
            digits.chop(1);
            ++shift;
        }
        if (shift < 0)
            return std::unexpected(
                QCoreApplication::translate("versus::FixedPoint", "\"%1\" has more than %2 decimal places")
                    .arg(text.toString())
                    .arg(scale));
    }
    const QString tooLarge =
        QCoreApplication::translate("versus::FixedPoint", "\"%1\" is too large").arg(text.toString());
    if (digits.size() + shift > 19)
        return std::unexpected(tooLarge);
    qint64 value = 0;
    for (const QChar c : std::as_const(digits)) {
        if (qMulOverflow(value, qint64(10), &value) || qAddOverflow(value, qint64(c.unicode() - u'0'), &value))
            return std::unexpected(tooLarge);
    }
    for (qint64 k = 0; k < shift; ++k) {
        if (qMulOverflow(value, qint64(10), &value))
            return std::unexpected(tooLarge);
    }
    return negative ? -value : value;
}

QString formatFixedPoint(qint64 value, int scale)
{
    const bool negative = value < 0;
    // Work on the magnitude as unsigned so that the minimum qint64 has a magnitude too.
    const quint64 magnitude = negative ? quint64(0) - quint64(value) : quint64(value);
    QString text = QString::number(magnitude);
    if (scale > 0) {
        if (text.size() <= scale)
            text.prepend(QString(scale - text.size() + 1, u'0'));
        text.insert(text.size() - scale, u'.');
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    return negative ? u'-' + text : text;
}

QString shortestDecimalText(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace versus

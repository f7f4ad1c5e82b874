// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the calculator tool (core/tools/calculator.h): an input is an
// expression in UTF-8 (invalid sequences become U+FFFD, as in any QString::fromUtf8()).
//
// For every input: no crash, undefined behaviour or hang (the calculator refuses more than
// 1,000 characters, nesting deeper than 200 and values beyond 10,000 digits before computing;
// the target runs with a short libFuzzer -timeout); a result is a JSON number in the strict
// grammar of RFC 8259, written without needless zeros, that QJsonDocument reads back unless
// its magnitude is beyond a double's range (a 400-digit integer is exact and valid JSON, but
// Qt refuses it as "illegal number"); "-(e)" gives the negation of e's text; an error is a
// sentence; runCalculatorJson() gives exactly {"result":<that text>} or {"error":<that
// sentence>}; runCalculator() gives an object with exactly one of "result" and "error".
#include "tools/calculator.h"
#include "toolsfuzz.h"

#include <QJsonObject>

#include <cerrno>
#include <cmath>
#include <cstdlib>

using namespace Qt::StringLiterals;
using versus::fuzz::check;

namespace {

constexpr const char *kTarget = "fuzz_calculator";

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// RFC 8259: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
bool isJsonNumber(QByteArrayView text)
{
    qsizetype i = 0;
    const auto digits = [&] {
        const qsizetype start = i;
        while (i < text.size() && isDigit(text[i]))
            ++i;
        return i > start;
    };
    if (i < text.size() && text[i] == '-')
        ++i;
    if (i < text.size() && text[i] == '0')
        ++i;
    else if (!(i < text.size() && text[i] >= '1' && text[i] <= '9' && digits()))
        return false;
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (!digits())
            return false;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == text.size();
}

/// The documented form: no "-0", and a fraction never ends in 0 ("0.30" is "0.3").
bool isTidy(QByteArrayView text)
{
    if (text == "-0")
        return false;
    const qsizetype e = text.indexOf('e');
    const QByteArrayView mantissa = e < 0 ? text : text.first(e);
    return !mantissa.contains('.') || !mantissa.endsWith('0');
}

/// Whether a double holds @p text without overflow or underflow (then Qt must read it).
bool fitsDouble(const QByteArray &text)
{
    errno = 0;
    const double value = std::strtod(text.constData(), nullptr);
    if (errno == ERANGE || !std::isfinite(value))
        return false;
    return value != 0 || text == "0";
}

void checkNumberText(const QString &result)
{
    const QByteArray text = result.toLatin1();
    check(QString::fromLatin1(text) == result, kTarget, "the result is not ASCII");
    check(isJsonNumber(text), kTarget, "the result is not a JSON number");
    check(isTidy(text), kTarget, "the result has a needless zero or sign");
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson("{\"r\": " + text + '}', &error);
    if (fitsDouble(text)) {
        check(error.error == QJsonParseError::NoError, kTarget, "QJsonDocument cannot read the result");
        check(document.object().value(u"r").isDouble(), kTarget, "the result does not read as a number");
    } else {
        check(error.error == QJsonParseError::NoError || error.error == QJsonParseError::IllegalNumber, kTarget,
              "QJsonDocument refuses the result for another reason than its range");
    }
}

QString negated(const QString &text)
{
    if (text == u"0")
        return text;
    return text.startsWith(u'-') ? text.mid(1) : u'-' + text;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString expression = QString::fromUtf8(versus::fuzz::bytes(data, size));
    const auto result = versus::tools::evaluateExpression(expression);
    if (result) {
        checkNumberText(*result);
        // One more level of parentheses and two characters may cross a limit: then an error.
        const auto negative = versus::tools::evaluateExpression(u"-("_s + expression + u')');
        check(negative ? *negative == negated(*result)
                       : negative.error().contains(u"nested deeper"_s) || negative.error().contains(u"too long"_s),
              kTarget, "-(e) is not the negation of e");
    } else {
        check(!result.error().isEmpty(), kTarget, "an empty error");
    }

    const QJsonObject arguments{{u"expression"_s, expression}};
    const QByteArray json = versus::tools::runCalculatorJson(arguments);
    if (result) {
        check(json == "{\"result\":" + result->toLatin1() + '}', kTarget,
              "runCalculatorJson() differs from evaluateExpression()");
    } else {
        QJsonParseError error{};
        const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
        check(error.error == QJsonParseError::NoError, kTarget, "runCalculatorJson() is not JSON");
        check(object.size() == 1 && object.value(u"error").toString() == result.error(), kTarget,
              "runCalculatorJson() is not exactly {\"error\": the error}");
    }
    const QJsonObject plain = versus::tools::runCalculator(arguments);
    check(plain.size() == 1 && (plain.contains(u"result") != plain.contains(u"error")), kTarget,
          "runCalculator() has not exactly one of result and error");
    return 0;
}

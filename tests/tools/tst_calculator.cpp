// SPDX-License-Identifier: GPL-3.0-or-later
// The calculator tool: exact values, the decimal text, and every error a model can meet.
#include "tools/calculator.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace versus::tools;

class TestCalculator : public QObject {
    Q_OBJECT

private slots:
    void values_data();
    void values();
    void errors_data();
    void errors();
    void limitsAreInclusive();
    void toolJson_data();
    void toolJson();
    void toolObject();
};

void TestCalculator::values_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected");

    QTest::newRow("precedence") << u"1+2*3"_s << u"7"_s;
    QTest::newRow("parentheses") << u"(1+2)*3"_s << u"9"_s;
    QTest::newRow("minus is left-associative") << u"10-4-3"_s << u"3"_s;
    QTest::newRow("division is left-associative") << u"100/10/5"_s << u"2"_s;
    QTest::newRow("power is right-associative") << u"2^3^2"_s << u"512"_s;
    QTest::newRow("grouped power") << u"(2^3)^2"_s << u"64"_s;
    QTest::newRow("unary minus binds looser than ^") << u"-2^2"_s << u"-4"_s;
    QTest::newRow("negative base") << u"(-2)^2"_s << u"4"_s;
    QTest::newRow("negative exponent") << u"2^-2"_s << u"0.25"_s;
    QTest::newRow("both signs") << u"-2^-2"_s << u"-0.25"_s;
    QTest::newRow("sign inside an exponent chain") << u"2^-3^2"_s << u"0.001953125"_s;
    QTest::newRow("unary plus and double minus") << u"+5 - -5"_s << u"10"_s;
    QTest::newRow("sign after an operator") << u"2*-3"_s << u"-6"_s;
    QTest::newRow("whitespace") << u"  4 *\t( 2 + 3 )\n"_s << u"20"_s;
    QTest::newRow("0.1+0.2") << u"0.1+0.2"_s << u"0.3"_s;
    QTest::newRow("1-0.9") << u"1-0.9"_s << u"0.1"_s;
    QTest::newRow("terminating negative") << u"1.25 * -1"_s << u"-1.25"_s;
    QTest::newRow("zero") << u"3-3"_s << u"0"_s;
    QTest::newRow("negative zero") << u"-0"_s << u"0"_s;
    QTest::newRow("1/3") << u"1/3"_s << u"0.333333333333333333333333333333"_s;
    QTest::newRow("2/3 rounds up") << u"2/3"_s << u"0.666666666666666666666666666667"_s;
    QTest::newRow("-1/3") << u"-1/3"_s << u"-0.333333333333333333333333333333"_s;
    QTest::newRow("1/7000") << u"1/7000"_s << u"0.000142857142857142857142857142857"_s;
    QTest::newRow("rounding carries to 1") << u"1-10^-31/3"_s << u"1"_s;
    QTest::newRow("small rounded value") << u"0.000001/3"_s << u"3.33333333333333333333333333333e-7"_s;
    QTest::newRow("large rounded value") << u"10^40/3"_s << u"3.33333333333333333333333333333e+39"_s;
    QTest::newRow("32 integer digits rounded") << u"(10^32+1)/3"_s << u"3.33333333333333333333333333333e+31"_s;
    QTest::newRow("2^100 exact") << u"2^100"_s << u"1267650600228229401496703205376"_s;
    QTest::newRow("2^-100 exact")
        << u"2^-100"_s
        << u"0.0000000000000000000000000000007888609052210118054117285652827862296732064351090230047702789306640625"_s;
    QTest::newRow("more than 10000 decimals rounded") << u"2^-20000"_s << u"2.51238805769874458518013504213e-6021"_s;
    QTest::newRow("1e-20 exact") << u"1e-20"_s << u"0.00000000000000000001"_s;
    QTest::newRow("remainder") << u"7 % 3"_s << u"1"_s;
    QTest::newRow("remainder follows the dividend") << u"-7 % 3"_s << u"-1"_s;
    QTest::newRow("remainder of a negative divisor") << u"7 % -3"_s << u"1"_s;
    QTest::newRow("remainder of decimals") << u"7.5 % 2"_s << u"1.5"_s;
    QTest::newRow("negative decimal remainder") << u"-7.5 % 2"_s << u"-1.5"_s;
    QTest::newRow("remainder binds like *") << u"1 + 7 % 4 * 2"_s << u"7"_s;
    QTest::newRow("times sign") << u"6 × 7"_s << u"42"_s;
    QTest::newRow("division sign") << u"84 ÷ 2"_s << u"42"_s;
    QTest::newRow("minus sign") << u"50 − 8"_s << u"42"_s;
    QTest::newRow("unary minus sign") << u"−3"_s << u"-3"_s;
    QTest::newRow("scientific") << u"1e3"_s << u"1000"_s;
    QTest::newRow("scientific with sign") << u"1e+2 + 2.5E-4"_s << u"100.00025"_s;
    QTest::newRow("leading point") << u".5"_s << u"0.5"_s;
    QTest::newRow("trailing point") << u"5."_s << u"5"_s;
    QTest::newRow("0^0") << u"0^0"_s << u"1"_s;
    QTest::newRow("(-1)^huge") << u"(-1)^(10^5000+1)"_s << u"-1"_s;
    QTest::newRow("exact square root") << u"9^0.5"_s << u"3"_s;
    QTest::newRow("exact cube root") << u"8^(1/3)"_s << u"2"_s;
    QTest::newRow("odd root of a negative") << u"(-8)^(1/3)"_s << u"-2"_s;
    QTest::newRow("negative fractional exponent") << u"4^-0.5"_s << u"0.5"_s;
    QTest::newRow("fractional power of a fraction") << u"(4/9)^1.5"_s << u"0.296296296296296296296296296296"_s;
}

void TestCalculator::values()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    const auto result = evaluateExpression(expression);
    QVERIFY2(result, qPrintable(result.error()));
    QCOMPARE(*result, expected);
}

void TestCalculator::errors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected");

    const QString overflow = u": a value would have more than 10000 digits"_s;
    const QString inexact = u": only whole-number exponents are supported, or fractional ones whose result is exact "
                            u"(such as 9^0.5)"_s;

    QTest::newRow("empty") << QString() << u"empty expression"_s;
    QTest::newRow("blank") << u"  \t "_s << u"empty expression"_s;
    QTest::newRow("division by zero") << u"1/0"_s << u"division by zero at position 2"_s;
    QTest::newRow("division by a computed zero") << u"1 ÷ (2-2)"_s << u"division by zero at position 3"_s;
    QTest::newRow("remainder by zero") << u"5 % 0"_s << u"remainder by zero at position 3"_s;
    QTest::newRow("zero to a negative power")
        << u"0^-1"_s << u"division by zero at position 2: zero to a negative power"_s;
    QTest::newRow("9^9^9^9") << u"9^9^9^9"_s << u"overflow at position 4"_s + overflow;
    QTest::newRow("huge exponent") << u"2^(10^30)"_s << u"overflow at position 2"_s + overflow;
    QTest::newRow("10^10001") << u"10^10001"_s << u"overflow at position 3"_s + overflow;
    QTest::newRow("big literal") << u"1 + 1e10001"_s << u"overflow at position 5"_s + overflow;
    QTest::newRow("tiny literal") << u"1e-99999999999"_s << u"overflow at position 1"_s + overflow;
    QTest::newRow("growing product") << u"10^6000 * 10^6000"_s << u"overflow at position 9"_s + overflow;
    QTest::newRow("non-whole exponent") << u"2^0.5"_s << u"inexact power at position 2"_s + inexact;
    QTest::newRow("even root of a negative")
        << u"(-4)^0.5"_s << u"no real result at position 5: an even root of a negative number"_s;
    QTest::newRow("unexpected letter") << u"2 + x"_s
                                       << u"unexpected character 'x' at position 5 (a number or '(' was expected)"_s;
    QTest::newRow("missing operator") << u"2 3"_s
                                      << u"unexpected character '3' at position 3 (an operator was expected)"_s;
    QTest::newRow("implicit multiplication")
        << u"2(3)"_s << u"unexpected character '(' at position 2 (an operator was expected)"_s;
    QTest::newRow("python power") << u"2**3"_s
                                  << u"unexpected character '*' at position 3 (a number or '(' was expected)"_s;
    QTest::newRow("control character") << u"1"_s + QChar(0x07)
                                       << u"unexpected character U+0007 at position 2 (an operator was expected)"_s;
    // fuzz_calculator: a U+0000 was taken for the end of the text, so "0\0\a+0.2" gave 0.
    QTest::newRow("NUL character") << u"0"_s + QChar(0) + QChar(0x07) + u"+0.2"_s
                                   << u"unexpected character U+0000 at position 2 (an operator was expected)"_s;
    QTest::newRow("NUL after an operator")
        << u"6*"_s + QChar(0) << u"unexpected character U+0000 at position 3 (a number or '(' was expected)"_s;
    QTest::newRow("NUL inside parentheses")
        << u"(1"_s + QChar(0) + u")"_s
        << u"unexpected character U+0000 at position 3 (an operator or ')' was expected)"_s;
    QTest::newRow("emoji counts as one character")
        << u"\U0001F600+1"_s << u"unexpected character '\U0001F600' at position 1 (a number or '(' was expected)"_s;
    QTest::newRow("exponent without digits")
        << u"1e"_s << u"unexpected character 'e' at position 2 (an operator was expected)"_s;
    QTest::newRow("two points") << u"1.2.3"_s << u"unexpected character '.' at position 4 (an operator was expected)"_s;
    QTest::newRow("lone point") << u"1 + ."_s << u"unexpected character '.' at position 5 (a digit was expected)"_s;
    QTest::newRow("missing )") << u"(1+2"_s << u"missing ')' at position 5 to close the '(' at position 1"_s;
    QTest::newRow("missing inner )") << u"2*((1+2)"_s << u"missing ')' at position 9 to close the '(' at position 3"_s;
    QTest::newRow("something else than )")
        << u"(1 2)"_s << u"unexpected character '2' at position 4 (an operator or ')' was expected)"_s;
    QTest::newRow("stray )") << u"1+2)"_s << u"unexpected character ')' at position 4 (no '(' to close)"_s;
    QTest::newRow("empty parentheses") << u"()"_s
                                       << u"unexpected character ')' at position 2 (a number or '(' was expected)"_s;
    QTest::newRow("ends after an operator")
        << u"1+"_s << u"the expression ends at position 3 where a number or '(' was expected"_s;
    QTest::newRow("1,001 characters") << QString(1001, u'1')
                                      << u"the expression is too long: 1001 characters, at most 1000"_s;
    QTest::newRow("201-deep parentheses")
        << QString(201, u'(') + u'1' + QString(201, u')') << u"parentheses nested deeper than 200 at position 201"_s;
}

void TestCalculator::errors()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    const auto result = evaluateExpression(expression);
    QVERIFY2(!result, qPrintable(u"unexpected value "_s + result.value_or(QString())));
    QCOMPARE(result.error(), expected);
}

void TestCalculator::limitsAreInclusive()
{
    // 1,000 characters and 200 levels are still accepted.
    const QString longest = u" 1"_s + QString(u"+1"_s).repeated(499);
    QCOMPARE(longest.size(), 1000);
    QCOMPARE(evaluateExpression(longest).value_or(u"error"_s), u"500"_s);
    QCOMPARE(evaluateExpression(QString(200, u'(') + u'7' + QString(200, u')')).value_or(u"error"_s), u"7"_s);
    // A long chain of operators is handled without recursion.
    QCOMPARE(evaluateExpression(QString(999, u'-') + u'1').value_or(u"error"_s), u"-1"_s);
    QCOMPARE(evaluateExpression(u"2"_s + QString(u"^1"_s).repeated(499)).value_or(u"error"_s), u"2"_s);
    // Just under the cap, and exactly the largest power of ten allowed.
    QCOMPARE(evaluateExpression(u"10^9999"_s).value_or(u"error"_s).size(), 10000);
}

void TestCalculator::toolJson_data()
{
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("integer") << QByteArray(R"({"expression":"6*7"})") << QByteArray(R"({"result":42})");
    QTest::newRow("exact decimal") << QByteArray(R"({"expression":"0.1+0.2"})") << QByteArray(R"({"result":0.3})");
    QTest::newRow("30 digits") << QByteArray(R"({"expression":"1/3"})")
                               << QByteArray(R"({"result":0.333333333333333333333333333333})");
    QTest::newRow("exponent") << QByteArray(R"({"expression":"10^40/3"})")
                              << QByteArray(R"({"result":3.33333333333333333333333333333e+39})");
    QTest::newRow("error") << QByteArray(R"({"expression":"1/0"})")
                           << QByteArray(R"({"error":"division by zero at position 2"})");
    QTest::newRow("quotes in an error") << QByteArray(R"({"expression":"\"1\""})")
                                        << QByteArray(R"({"error":"unexpected character '\"' at position 1 )"
                                                      R"x((a number or '(' was expected)"})x");
    QTest::newRow("missing expression")
        << QByteArray(R"({"expr":"1"})")
        << QByteArray(R"({"error":"missing \"expression\": give the arithmetic as a string, e.g. )"
                      R"({\"expression\": \"6*7\"}"})");
    QTest::newRow("expression not a string")
        << QByteArray(R"({"expression":42})")
        << QByteArray(R"({"error":"\"expression\" must be a string, e.g. \"6*7\""})");
}

void TestCalculator::toolJson()
{
    QFETCH(QByteArray, arguments);
    QFETCH(QByteArray, expected);
    const QByteArray json = runCalculatorJson(QJsonDocument::fromJson(arguments).object());
    QCOMPARE(json, expected);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.object().value(u"result").isDouble() || document.object().value(u"error").isString());
}

void TestCalculator::toolObject()
{
    QCOMPARE(runCalculator({{u"expression"_s, u"6*7"_s}}), (QJsonObject{{u"result"_s, 42}}));
    QCOMPARE(runCalculator({{u"expression"_s, u"1/4"_s}}), (QJsonObject{{u"result"_s, 0.25}}));
    QCOMPARE(runCalculator({{u"expression"_s, u"5 % 0"_s}}),
             (QJsonObject{{u"error"_s, u"remainder by zero at position 3"_s}}));
}

QTEST_GUILESS_MAIN(TestCalculator)
#include "tst_calculator.moc"

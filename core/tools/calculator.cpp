// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/calculator.h"

#include "tools/rational_p.h"

#include <QJsonDocument>
#include <QList>

#include <algorithm>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;

namespace versus::tools {

namespace {

using rational::PowerError;

constexpr qsizetype kMaxLength = 1000;
constexpr int kMaxDepth = 200;

/// What peek() and at() give past the last character: not a code point, so that a U+0000 in
/// the text is a character like any other and does not end the expression early.
constexpr char32_t kEnd = 0xFFFFFFFF;

constexpr char32_t kMinusSign = 0x2212;
constexpr char32_t kTimesSign = 0x00D7;
constexpr char32_t kDivisionSign = 0x00F7;

enum class Op { Number, Negate, Add, Subtract, Multiply, Divide, Remainder, Power };

/// One node of the parsed expression. Operands always come before the node that uses
/// them, so the list is evaluated front to back without recursion; the root is last.
struct Node {
    Op op = Op::Number;
    int lhs = -1;           ///< the operand of Negate
    int rhs = -1;           ///< unused by Number and Negate
    qsizetype position = 0; ///< 1-based: the operator, or a number's first character
    mpq_class value;        ///< Number only
};

using NodeIndex = std::expected<int, QString>;

QString atPosition(qsizetype position)
{
    return u" at position "_s + QString::number(position);
}

QString overflowError(qsizetype position)
{
    return u"overflow"_s + atPosition(position) + u": a value would have more than "_s +
           QString::number(rational::kMaxDigits) + u" digits"_s;
}

QString powerError(PowerError error, qsizetype position)
{
    switch (error) {
    case PowerError::Overflow:
        break;
    case PowerError::ZeroToNegative:
        return u"division by zero"_s + atPosition(position) + u": zero to a negative power"_s;
    case PowerError::EvenRootOfNegative:
        return u"no real result"_s + atPosition(position) + u": an even root of a negative number"_s;
    case PowerError::Inexact:
        return u"inexact power"_s + atPosition(position) +
               u": only whole-number exponents are supported, or fractional ones whose result is exact (such as "
               u"9^0.5)"_s;
    }
    return overflowError(position);
}

QString describe(char32_t c)
{
    if (c < 0x20 || c == 0x7f)
        return u"U+"_s + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0');
    return u'\'' + QString::fromUcs4(&c, 1) + u'\'';
}

bool isDigit(char32_t c)
{
    return c >= U'0' && c <= U'9';
}

bool isMinus(char32_t c)
{
    return c == U'-' || c == kMinusSign;
}

class Parser {
public:
    explicit Parser(const QList<uint> &text)
        : m_text(text)
    {
    }

    std::expected<std::vector<Node>, QString> parse()
    {
        if (peek() == kEnd)
            return std::unexpected(u"empty expression"_s);
        const NodeIndex root = parseSum();
        if (!root)
            return std::unexpected(root.error());
        if (const char32_t c = peek(); c != kEnd) {
            return std::unexpected(u"unexpected character "_s + describe(c) + atPosition(m_pos + 1) +
                                   (c == U')' ? u" (no '(' to close)"_s : u" (an operator was expected)"_s));
        }
        return std::move(m_nodes);
    }

private:
    /// The next character after any whitespace, or kEnd at the end.
    char32_t peek()
    {
        while (m_pos < m_text.size() && QChar::isSpace(char32_t(m_text[m_pos])))
            ++m_pos;
        return m_pos < m_text.size() ? char32_t(m_text[m_pos]) : kEnd;
    }

    char32_t at(qsizetype index) const { return index < m_text.size() ? char32_t(m_text[index]) : kEnd; }

    int add(Op op, int lhs, int rhs, qsizetype position, mpq_class value = {})
    {
        m_nodes.push_back(Node{op, lhs, rhs, position, std::move(value)});
        return int(m_nodes.size()) - 1;
    }

    NodeIndex parseSum()
    {
        NodeIndex lhs = parseProduct();
        while (lhs) {
            const char32_t c = peek();
            if (c != U'+' && !isMinus(c))
                break;
            const qsizetype position = ++m_pos;
            const NodeIndex rhs = parseProduct();
            if (!rhs)
                return rhs;
            lhs = add(c == U'+' ? Op::Add : Op::Subtract, *lhs, *rhs, position);
        }
        return lhs;
    }

    NodeIndex parseProduct()
    {
        NodeIndex lhs = parseSigned();
        while (lhs) {
            const char32_t c = peek();
            Op op = Op::Multiply;
            if (c == U'*' || c == kTimesSign)
                op = Op::Multiply;
            else if (c == U'/' || c == kDivisionSign)
                op = Op::Divide;
            else if (c == U'%')
                op = Op::Remainder;
            else
                break;
            const qsizetype position = ++m_pos;
            const NodeIndex rhs = parseSigned();
            if (!rhs)
                return rhs;
            lhs = add(op, *lhs, *rhs, position);
        }
        return lhs;
    }

    /// Unary signs, then a power: -2^2 is -(2^2).
    NodeIndex parseSigned()
    {
        qsizetype signPosition = 0;
        const bool negate = parseSigns(&signPosition);
        const NodeIndex operand = parsePower();
        if (!operand || !negate)
            return operand;
        return add(Op::Negate, *operand, -1, signPosition);
    }

    /// Skips a run of unary + and -; true when they negate. @p position: the first sign.
    bool parseSigns(qsizetype *position)
    {
        bool negate = false;
        for (char32_t c = peek(); c == U'+' || isMinus(c); c = peek()) {
            if (*position == 0)
                *position = m_pos + 1;
            negate ^= isMinus(c);
            ++m_pos;
        }
        return negate;
    }

    /// a ^ b ^ c, right-associative; each exponent may carry its own unary signs, which
    /// apply to the rest of the chain (2^-3^2 is 2^(-(3^2))). Built without recursion.
    NodeIndex parsePower()
    {
        const NodeIndex base = parsePrimary();
        if (!base)
            return base;
        struct Link {
            qsizetype position;
            qsizetype signPosition;
            bool negate;
            int operand;
        };
        std::vector<Link> links;
        while (peek() == U'^') {
            Link link{++m_pos, 0, false, -1};
            link.negate = parseSigns(&link.signPosition);
            const NodeIndex operand = parsePrimary();
            if (!operand)
                return operand;
            link.operand = *operand;
            links.push_back(link);
        }
        int value = links.empty() ? *base : links.back().operand;
        for (size_t i = links.size(); i-- > 0;) {
            if (links[i].negate)
                value = add(Op::Negate, value, -1, links[i].signPosition);
            value = add(Op::Power, i == 0 ? *base : links[i - 1].operand, value, links[i].position);
        }
        return value;
    }

    NodeIndex parsePrimary()
    {
        const char32_t c = peek();
        if (c == kEnd) {
            return std::unexpected(u"the expression ends"_s + atPosition(m_pos + 1) +
                                   u" where a number or '(' was expected"_s);
        }
        if (isDigit(c) || c == U'.')
            return parseNumber();
        if (c != U'(') {
            return std::unexpected(u"unexpected character "_s + describe(c) + atPosition(m_pos + 1) +
                                   u" (a number or '(' was expected)"_s);
        }
        const qsizetype open = ++m_pos;
        if (++m_depth > kMaxDepth) {
            return std::unexpected(u"parentheses nested deeper than "_s + QString::number(kMaxDepth) +
                                   atPosition(open));
        }
        const NodeIndex inner = parseSum();
        if (!inner)
            return inner;
        const char32_t close = peek();
        if (close == kEnd) {
            return std::unexpected(u"missing ')'"_s + atPosition(m_pos + 1) + u" to close the '(' at position "_s +
                                   QString::number(open));
        }
        if (close != U')') {
            return std::unexpected(u"unexpected character "_s + describe(close) + atPosition(m_pos + 1) +
                                   u" (an operator or ')' was expected)"_s);
        }
        ++m_pos;
        --m_depth;
        return inner;
    }

    /// 42, 4.5, .5, 5., 1e3, 2.5E-4: digits with an optional point, then an optional
    /// exponent (an 'e' not followed by digits is left for the caller to refuse).
    NodeIndex parseNumber()
    {
        const qsizetype start = m_pos + 1;
        std::string digits;
        qsizetype fractionDigits = 0;
        for (; isDigit(at(m_pos)); ++m_pos)
            digits += char(at(m_pos));
        if (at(m_pos) == U'.') {
            ++m_pos;
            for (; isDigit(at(m_pos)); ++m_pos, ++fractionDigits)
                digits += char(at(m_pos));
        }
        if (digits.empty())
            return std::unexpected(u"unexpected character '.'"_s + atPosition(start) + u" (a digit was expected)"_s);
        qint64 exponent = 0;
        const char32_t e = at(m_pos);
        const qsizetype signLength = (at(m_pos + 1) == U'+' || isMinus(at(m_pos + 1))) ? 1 : 0;
        if ((e == U'e' || e == U'E') && isDigit(at(m_pos + 1 + signLength))) {
            const bool negative = signLength && isMinus(at(m_pos + 1));
            for (m_pos += 1 + signLength; isDigit(at(m_pos)); ++m_pos)
                exponent = std::min<qint64>(exponent * 10 + (at(m_pos) - U'0'), 1'000'000'000);
            if (negative)
                exponent = -exponent;
        }
        auto value = rational::scaledByTenPower(mpz_class(digits, 10), exponent - fractionDigits);
        if (!value)
            return std::unexpected(overflowError(start));
        return add(Op::Number, -1, -1, start, std::move(*value));
    }

    const QList<uint> &m_text;
    qsizetype m_pos = 0;
    int m_depth = 0;
    std::vector<Node> m_nodes;
};

using Value = std::expected<mpq_class, QString>;

Value evaluate(std::vector<Node> &nodes)
{
    std::vector<mpq_class> values(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        Node &node = nodes[i];
        mpq_class &value = values[i];
        const mpq_class &lhs = node.lhs >= 0 ? values[size_t(node.lhs)] : node.value;
        const mpq_class &rhs = node.rhs >= 0 ? values[size_t(node.rhs)] : node.value;
        switch (node.op) {
        case Op::Number:
            value = std::move(node.value);
            break;
        case Op::Negate:
            value = -lhs;
            break;
        case Op::Add:
            value = lhs + rhs;
            break;
        case Op::Subtract:
            value = lhs - rhs;
            break;
        case Op::Multiply:
            value = lhs * rhs;
            break;
        case Op::Divide:
            if (rhs == 0)
                return std::unexpected(u"division by zero"_s + atPosition(node.position));
            value = lhs / rhs;
            break;
        case Op::Remainder:
            if (rhs == 0)
                return std::unexpected(u"remainder by zero"_s + atPosition(node.position));
            value = rational::remainder(lhs, rhs);
            break;
        case Op::Power: {
            auto result = rational::power(lhs, rhs);
            if (!result)
                return std::unexpected(powerError(result.error(), node.position));
            value = std::move(*result);
            break;
        }
        }
        if (!rational::fitsCap(value))
            return std::unexpected(overflowError(node.position));
        // Operands are used once: free their digits now.
        if (node.lhs >= 0)
            values[size_t(node.lhs)] = mpq_class();
        if (node.rhs >= 0)
            values[size_t(node.rhs)] = mpq_class();
    }
    return std::move(values.back());
}

std::expected<QString, QString> evaluateArguments(const QJsonObject &arguments)
{
    const QJsonValue expression = arguments.value(u"expression");
    if (expression.isUndefined()) {
        return std::unexpected(
            uR"(missing "expression": give the arithmetic as a string, e.g. {"expression": "6*7"})"_s);
    }
    if (!expression.isString())
        return std::unexpected(uR"("expression" must be a string, e.g. "6*7")"_s);
    return evaluateExpression(expression.toString());
}

} // namespace

std::expected<QString, QString> evaluateExpression(const QString &expression)
{
    const QList<uint> text = expression.toUcs4();
    if (text.size() > kMaxLength) {
        return std::unexpected(u"the expression is too long: "_s + QString::number(text.size()) +
                               u" characters, at most "_s + QString::number(kMaxLength));
    }
    Parser parser(text);
    auto nodes = parser.parse();
    if (!nodes)
        return std::unexpected(nodes.error());
    const Value value = evaluate(*nodes);
    if (!value)
        return std::unexpected(value.error());
    return rational::decimalText(*value);
}

QJsonObject runCalculator(const QJsonObject &arguments)
{
    const auto result = evaluateArguments(arguments);
    if (!result)
        return {{u"error"_s, result.error()}};
    return {{u"result"_s, result->toDouble()}};
}

QByteArray runCalculatorJson(const QJsonObject &arguments)
{
    const auto result = evaluateArguments(arguments);
    if (!result)
        return QJsonDocument(QJsonObject{{u"error"_s, result.error()}}).toJson(QJsonDocument::Compact);
    return "{\"result\":" + result->toLatin1() + '}';
}

} // namespace versus::tools

// SPDX-License-Identifier: GPL-3.0-or-later
// JSON values as the schema keywords see them: equality, numbers, lengths, pointers, the
// texts of messages, and ECMAScript regular expressions turned into PCRE ones.
#include "tools/jsonschema_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace versus::tools::detail {

QString escapePointerToken(QString token)
{
    token.replace(u'~', u"~0"_s);
    token.replace(u'/', u"~1"_s);
    return token;
}

QString jsonText(const QJsonValue &value, qsizetype maxChars)
{
    // QJsonDocument writes only arrays and objects: write [value] and drop the brackets.
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    QString text = QString::fromUtf8(json.mid(1, json.size() - 2));
    if (text.size() > maxChars)
        text = text.left(maxChars) + u"…"_s;
    return text;
}

QString numberText(double number)
{
    return QString::number(number, 'g', QLocale::FloatingPointShortest);
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

/// ECMAScript's "$" (no multiline flag) matches only at the very end of the text, PCRE's also
/// before a final line break, which would let "^[a-z]+$" accept "abc\n". So an unescaped "$"
/// outside a character class becomes "\z". As in PCRE, a "]" first in a class is a member.
QString pcrePattern(const QString &ecma)
{
    QString out;
    out.reserve(ecma.size() + 4);
    bool inClass = false;
    for (qsizetype i = 0; i < ecma.size(); ++i) {
        const QChar c = ecma.at(i);
        if (c == u'\\' && i + 1 < ecma.size()) {
            out += c;
            out += ecma.at(++i);
        } else if (inClass) {
            inClass = c != u']';
            out += c;
        } else if (c == u'$') {
            out += u"\\z"_s;
        } else if (c == u'[') {
            inClass = true;
            out += c;
            if (i + 1 < ecma.size() && ecma.at(i + 1) == u'^')
                out += ecma.at(++i);
            if (i + 1 < ecma.size() && ecma.at(i + 1) == u']')
                out += ecma.at(++i);
        } else {
            out += c;
        }
    }
    return out;
}

/// Unicode code points: a surrogate pair counts once, as in JSON Schema's string length.
qsizetype codePoints(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool isWhole(double number)
{
    return std::isfinite(number) && number == std::floor(number);
}

/// Whether @p number / @p divisor is a whole number. Whole numbers divide exactly; otherwise
/// the quotient may be off by a few units in the last place (0.3 / 0.1 is 2.9999999999999996),
/// which is forgiven.
bool isMultiple(double number, double divisor)
{
    constexpr double exact = 0x1p53;
    if (isWhole(number) && isWhole(divisor) && std::abs(number) < exact && divisor < exact)
        return std::fmod(number, divisor) == 0;
    const double quotient = number / divisor;
    if (!std::isfinite(quotient))
        return false;
    return std::abs(quotient - std::round(quotient)) <= 4 * std::numeric_limits<double>::epsilon() * std::abs(quotient);
}

/// A text that is the same for two values exactly when jsonEqual() holds, for uniqueItems.
void appendCanonical(QString &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Double: {
        const double number = value.toDouble();
        out += u"d"_s;
        out += numberText(number == 0 ? 0.0 : number); // -0 equals 0
        out += u";"_s;
        return;
    }
    case QJsonValue::String: {
        const QString text = value.toString();
        out += u"s"_s;
        out += QString::number(text.size());
        out += u":"_s;
        out += text;
        return;
    }
    case QJsonValue::Array:
        out += u"["_s;
        for (const QJsonValue &item : value.toArray())
            appendCanonical(out, item);
        out += u"]"_s;
        return;
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        keys.sort();
        out += u"{"_s;
        for (const QString &key : std::as_const(keys)) {
            appendCanonical(out, QJsonValue(key));
            appendCanonical(out, object.value(key));
        }
        out += u"}"_s;
        return;
    }
    case QJsonValue::Bool:
        out += value.toBool() ? u"t"_s : u"f"_s;
        return;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += u"n"_s;
        return;
    }
}

bool jsonEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Double:
        return a.toDouble() == b.toDouble();
    case QJsonValue::String:
        return a.toString() == b.toString();
    case QJsonValue::Bool:
        return a.toBool() == b.toBool();
    case QJsonValue::Array: {
        const QJsonArray left = a.toArray();
        const QJsonArray right = b.toArray();
        if (left.size() != right.size())
            return false;
        for (qsizetype i = 0; i < left.size(); ++i) {
            if (!jsonEqual(left.at(i), right.at(i)))
                return false;
        }
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject left = a.toObject();
        const QJsonObject right = b.toObject();
        if (left.size() != right.size())
            return false;
        for (auto it = left.begin(); it != left.end(); ++it) {
            const auto other = right.constFind(it.key());
            if (other == right.constEnd() || !jsonEqual(it.value(), other.value()))
                return false;
        }
        return true;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return true;
}

std::expected<PointerTarget, QString> resolvePointer(const QJsonValue &root, const QString &pointer)
{
    PointerTarget target{root, QString()};
    if (pointer.isEmpty())
        return target;
    if (!pointer.startsWith(u'/'))
        return std::unexpected(u"a JSON pointer starts with \"/\""_s);
    const QStringList tokens = pointer.mid(1).split(u'/');
    for (QString token : tokens) {
        token.replace(u"~1"_s, u"/"_s);
        token.replace(u"~0"_s, u"~"_s);
        const QString where = u"#"_s + target.pointer;
        if (target.value.isObject()) {
            const QJsonObject object = target.value.toObject();
            if (!object.contains(token))
                return std::unexpected(QString(where + u" has no member \""_s + token + u"\""_s));
            target.value = object.value(token);
        } else if (target.value.isArray()) {
            const QJsonArray array = target.value.toArray();
            bool isNumber = false;
            const qsizetype index = token.toLongLong(&isNumber);
            if (!isNumber || index < 0 || index >= array.size() || QString::number(index) != token)
                return std::unexpected(QString(where + u" has no item \""_s + token + u"\""_s));
            target.value = array.at(index);
        } else {
            return std::unexpected(QString(where + u" is "_s + jsonTypeName(target.value)));
        }
        target.pointer += u"/"_s + escapePointerToken(token);
    }
    return target;
}

} // namespace versus::tools::detail

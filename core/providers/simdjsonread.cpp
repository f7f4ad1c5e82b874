// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/simdjsonread.h"

#include <algorithm>
#include <cstring>

namespace versus::simdjsonread {

bool PaddedParser::iterate(QByteArrayView json, od::document &doc)
{
    const size_t size = size_t(json.size());
    if (buffer.size() < size + simdjson::SIMDJSON_PADDING)
        buffer.resize(size + simdjson::SIMDJSON_PADDING + size / 2); // zero-filled, grows rarely
    std::memcpy(buffer.data(), json.data(), size);
    return !parser.iterate(buffer.data(), size, buffer.size()).get(doc);
}

// Eight bytes at a time; a word holding a control byte or a backslash is looked at bytewise.
bool plain(QByteArrayView json)
{
    const char *p = json.data();
    const char *end = p + json.size();
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highs = 0x8080808080808080ULL;
    while (p < end) {
        if (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, 8);
            const quint64 below20 = (word - ones * 0x20) & ~word & highs;
            const quint64 other = word ^ (ones * quint64('\\'));
            const quint64 backslash = (other - ones) & ~other & highs;
            if (!(below20 | backslash)) {
                p += 8;
                continue;
            }
        }
        // Bytewise to the end of this word; an escape is skipped whole, even into the next one.
        const char *stop = std::min(p + 8, end);
        while (p < stop) {
            if (static_cast<unsigned char>(*p) < 0x20)
                return false;
            if (*p == '\\') {
                if (end - p >= 3 && p[1] == 'u' && (p[2] | 0x20) == 'd')
                    return false;
                p += 2;
            } else {
                ++p;
            }
        }
    }
    return true;
}

// Consumes any value, checking it as a parser would (On-Demand only checks what is read).
bool skip(od::value value, int depth)
{
    if (depth > maxDepth)
        return false;
    od::json_type type;
    if (value.type().get(type))
        return false;
    switch (type) {
    case od::json_type::object: {
        od::object object;
        if (value.get_object().get(object))
            return false;
        for (auto fieldResult : object) {
            od::field field;
            std::string_view key;
            if (std::move(fieldResult).get(field) || field.unescaped_key().get(key) || !skip(field.value(), depth + 1))
                return false;
        }
        return true;
    }
    case od::json_type::array: {
        od::array array;
        if (value.get_array().get(array))
            return false;
        for (auto elementResult : array) {
            od::value element;
            if (std::move(elementResult).get(element) || !skip(element, depth + 1))
                return false;
        }
        return true;
    }
    case od::json_type::string: {
        std::string_view s;
        return !value.get_string().get(s);
    }
    case od::json_type::number: {
        od::number n;
        return !value.get_number().get(n);
    }
    case od::json_type::boolean: {
        bool b = false;
        return !value.get_bool().get(b);
    }
    case od::json_type::null: {
        bool isNull = false;
        return !value.is_null().get(isNull) && isNull;
    }
    }
    return false;
}

// QJsonValue::toString(): the string, or empty for any other value.
bool readString(od::value value, QString &out, int depth)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    if (type != od::json_type::string)
        return skip(value, depth);
    std::string_view s;
    if (value.get_string().get(s))
        return false;
    out = text(s);
    return true;
}

bool readRepeated(od::value value, QString &out, Repeated &last, int depth)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    if (type != od::json_type::string)
        return skip(value, depth);
    std::string_view s;
    if (value.get_string().get(s))
        return false;
    const QByteArrayView utf8(s.data(), qsizetype(s.size()));
    if (utf8 != last.utf8) {
        last.utf8 = utf8.toByteArray();
        last.text = text(s);
    }
    out = last.text;
    return true;
}

// QJsonValue::isDouble() + toInteger(): only plain integers are taken; other numbers decline.
bool readInteger(od::value value, std::optional<qint64> &out, int depth)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    if (type != od::json_type::number)
        return skip(value, depth);
    od::number_type numberType;
    if (value.get_number_type().get(numberType) || numberType != od::number_type::signed_integer)
        return false;
    int64_t n = 0;
    if (value.get_int64().get(n))
        return false;
    out = n;
    return true;
}

// QJsonValue::isDouble() + toDouble().
bool readDouble(od::value value, std::optional<double> &out, int depth)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    if (type != od::json_type::number)
        return skip(value, depth);
    double n = 0;
    if (value.get_double().get(n))
        return false;
    out = n;
    return true;
}

bool isObject(od::value value, bool &object)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    object = type == od::json_type::object;
    return true;
}

} // namespace versus::simdjsonread

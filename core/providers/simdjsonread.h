// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the stream decoders' simdjson fast paths (OpenAiChunkReader, AnthropicEventReader)
// share: the padded buffer, the check for bytes only the general path reads the same, and
// readers of single values that do what QJsonValue's accessors do, declining (false) whatever
// they cannot read exactly. Internal to core/providers: only their .cpp files include it.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>
#include <simdjson.h>
#include <string_view>
#include <utility>
#include <vector>

namespace versus::simdjsonread {

namespace od = simdjson::ondemand;

// Deeper than this the general path decides (Qt's parser has its own nesting limit).
constexpr int maxDepth = 64;

/// One parser and one padded buffer, reused for every event of a response.
struct PaddedParser {
    od::parser parser;
    std::vector<char> buffer; // the event, then SIMDJSON_PADDING bytes simdjson may read past it

    /// Starts reading @p json (not empty, plain()); false when simdjson refuses it.
    bool iterate(QByteArrayView json, od::document &doc);
};

inline QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

/// False for bytes the general path may read differently: control bytes (raw, not escaped) and
/// escaped UTF-16 surrogates (lone ones are where JSON parsers disagree).
bool plain(QByteArrayView json);

/// Consumes any value, checking it as a parser would (On-Demand only checks what is read).
bool skip(od::value value, int depth);

/// QJsonValue::toString(): the string, or empty for any other value.
bool readString(od::value value, QString &out, int depth);

/// A string most events of a response repeat (its id, the model): the text of the last one is
/// kept, so a repeat costs a comparison instead of a conversion and an allocation.
struct Repeated {
    QByteArray utf8;
    QString text;
};
bool readRepeated(od::value value, QString &out, Repeated &last, int depth);

/// QJsonValue::isDouble() + toInteger(): only plain integers are taken; other numbers decline.
bool readInteger(od::value value, std::optional<qint64> &out, int depth);

/// QJsonValue::isDouble() + toDouble().
bool readDouble(od::value value, std::optional<double> &out, int depth);

/// Whether @p value is an object (false: simdjson could not tell).
bool isObject(od::value value, bool &object);

/// Marks @p bit in @p seen; false when it was already there (a repeated key: the general path
/// decides which one counts).
inline bool once(unsigned &seen, unsigned bit)
{
    if (seen & bit)
        return false;
    seen |= bit;
    return true;
}

/// An object's fields, each handed to @p onField(key, value) -> bool; false stops.
template<class OnField>
bool forEachField(od::value value, OnField &&onField)
{
    od::object object;
    if (value.get_object().get(object))
        return false;
    for (auto fieldResult : object) {
        od::field field;
        std::string_view key;
        if (std::move(fieldResult).get(field) || field.unescaped_key().get(key) || !onField(key, field.value()))
            return false;
    }
    return true;
}

/// The document's top-level object, each field to @p onField, then nothing after it.
template<class OnField>
bool forEachRootField(od::document &doc, OnField &&onField)
{
    od::object root;
    if (doc.get_object().get(root))
        return false;
    for (auto fieldResult : root) {
        od::field field;
        std::string_view key;
        if (std::move(fieldResult).get(field) || field.unescaped_key().get(key) || !onField(key, field.value()))
            return false;
    }
    // At the end of the input, nothing after the object (the general path reports what is).
    return doc.current_location().error() == simdjson::OUT_OF_BOUNDS;
}

} // namespace versus::simdjsonread

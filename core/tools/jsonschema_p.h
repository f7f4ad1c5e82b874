// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to versus_tools: the compiled form of a JSON Schema, built by jsonschema.cpp and
// walked by jsonschemakeywords.cpp.
#pragma once

#include "tools/jsonschema.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>

#include <optional>
#include <vector>

namespace versus::tools::detail {

/// Deepest nesting of subschemas, both when compiling and when checking an instance.
inline constexpr int kMaxDepth = 256;
/// Most subschema checks one validate() may make.
inline constexpr qint64 kMaxChecks = 1'000'000;
/// Most backtracking steps (PCRE2's match limit) one "pattern" or "patternProperties" match
/// may take: a pattern such as "(a+)+$" is exponential on "aaa…ab", and PCRE2's default
/// (ten million, tens of milliseconds) times every string of a large instance would run away.
inline constexpr int kMaxPatternSteps = 100'000;

/// JSON types as bits, so that "type": [...] is one mask. A number with no fractional part
/// has both Number and Integer.
enum TypeBit : quint8 {
    NullType = 1 << 0,
    BooleanType = 1 << 1,
    ObjectType = 1 << 2,
    ArrayType = 1 << 3,
    NumberType = 1 << 4,
    IntegerType = 1 << 5,
    StringType = 1 << 6,
};

/// A subschema is referred to by its index in CompiledSchema::nodes; -1 is "absent".
struct PatternSchema {
    QRegularExpression regex;
    int schema = -1;
};

/// "dependencies": when the object has @c property, it also needs @c required and must
/// satisfy @c schema (when not -1).
struct Dependency {
    QString property;
    QStringList required;
    int schema = -1;
};

struct SchemaNode {
    /// Set for the boolean schemas true and false; every other field is then unused.
    std::optional<bool> constant;
    /// Where $ref points (draft 7: every other keyword of this schema is then ignored).
    int ref = -1;

    quint8 types = 0; // 0: any type
    QString typeText; // "an integer or null"
    std::optional<QJsonArray> enumValues;
    std::optional<QJsonValue> constValue;

    std::optional<double> minimum;
    std::optional<double> maximum;
    std::optional<double> exclusiveMinimum;
    std::optional<double> exclusiveMaximum;
    std::optional<double> multipleOf;

    std::optional<qint64> minLength;
    std::optional<qint64> maxLength;
    std::optional<QRegularExpression> pattern;
    QString patternText; // as the schema wrote it

    int items = -1;        // one schema for every item
    QList<int> tupleItems; // "items": [...], one schema per position
    bool hasTuple = false; // additionalItems applies only then
    int additionalItems = -1;
    int contains = -1;
    std::optional<qint64> minItems;
    std::optional<qint64> maxItems;
    bool uniqueItems = false;

    QHash<QString, int> properties;
    QList<PatternSchema> patternProperties;
    int additionalProperties = -1;
    int propertyNames = -1;
    QStringList required;
    QList<Dependency> dependencies;
    std::optional<qint64> minProperties;
    std::optional<qint64> maxProperties;

    QList<int> allOf;
    QList<int> anyOf;
    QList<int> oneOf;
    int notSchema = -1;
    int ifSchema = -1; // then and else are kept only when there is an if
    int thenSchema = -1;
    int elseSchema = -1;
};

struct CompiledSchema {
    QJsonValue source;
    std::vector<SchemaNode> nodes; // [0] is the root
};

/// Runs @p schema's root over @p instance (jsonschemakeywords.cpp).
QList<SchemaError> validateInstance(const CompiledSchema &schema, const QJsonValue &instance);

// jsonschemavalues.cpp

/// JSON equality where numbers compare by value (1 == 1.0) and object member order does
/// not matter.
bool jsonEqual(const QJsonValue &a, const QJsonValue &b);

/// Appends to @p out a text that is the same for two values exactly when jsonEqual() holds
/// (for uniqueItems: one hash lookup per item instead of comparing every pair).
void appendCanonical(QString &out, const QJsonValue &value);

/// A finite number with no fractional part.
bool isWhole(double number);

/// Whether @p number is a whole multiple of @p divisor (> 0), forgiving the rounding of
/// decimal fractions (0.3 is a multiple of 0.1).
bool isMultiple(double number, double divisor);

/// Unicode code points: a surrogate pair counts once, as in JSON Schema's string lengths.
qsizetype codePoints(const QString &text);

/// One reference token of a JSON pointer, escaped (RFC 6901: "~" is "~0", "/" is "~1").
QString escapePointerToken(QString token);

/// A value found by a JSON pointer, and that pointer written the canonical way.
struct PointerTarget {
    QJsonValue value;
    QString pointer;
};

/// Follows the JSON pointer @p pointer ("" or "/a/0/b~1c", already percent-decoded) from
/// @p root; the error says where it stops (#/a has no member "b").
std::expected<PointerTarget, QString> resolvePointer(const QJsonValue &root, const QString &pointer);

/// The ECMAScript regular expression @p ecma written for PCRE (QRegularExpression).
QString pcrePattern(const QString &ecma);

/// "a string", "an object", "null": for messages.
QString jsonTypeName(const QJsonValue &value);

/// @p value as compact JSON, cut to about @p maxChars characters for messages.
QString jsonText(const QJsonValue &value, qsizetype maxChars = 80);

/// The shortest text that reads back as @p number ("0.1", "3", "1e+21").
QString numberText(double number);

} // namespace versus::tools::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include <expected>
#include <memory>

/// Function calling: checks tool-call arguments against a tool's "parameters" schema and
/// structured answers against a response schema.
namespace versus::tools {

/// One reason an instance does not satisfy a schema.
struct SchemaError {
    /// JSON pointer (RFC 6901) into the instance: "" is the root, "/items/0/name" a member.
    /// Errors about members that are missing or not allowed point at their object.
    QString pointer;
    /// The schema keyword that failed ("type", "required", ...); "false" for a false schema
    /// and "limit" when a guard stopped the check (see JsonSchema::validate()).
    QString keyword;
    /// English words a user can read, e.g. "must be an integer".
    QString message;

    friend bool operator==(const SchemaError &, const SchemaError &) = default;
};

namespace detail {
struct CompiledSchema;
}

/// A JSON Schema (draft 7 validation semantics) compiled once, for checking many instances.
///
/// Keywords: type, enum, const, properties, required, additionalProperties,
/// patternProperties, propertyNames, dependencies, minProperties, maxProperties, items
/// (one schema or a tuple), additionalItems, contains, minItems, maxItems, uniqueItems,
/// minimum, maximum, exclusiveMinimum, exclusiveMaximum (numbers), multipleOf, minLength,
/// maxLength (Unicode code points), pattern (an unanchored search), allOf, anyOf, oneOf, not,
/// if/then/else, and $ref to "#" or a JSON pointer inside the same document ("#/definitions/x",
/// "#/$defs/x", "#/properties/a", with ~0, ~1 and percent escapes). As in draft 7, a $ref makes
/// its schema's other keywords be ignored. Boolean schemas (true, false) work everywhere a
/// schema does. Other keywords ($id, format, title, default, ...) are annotations and ignored;
/// a $ref to another document or to a $id is a compile error.
///
/// Numbers compare by value: 1 and 1.0 are equal and 1.0 is an integer.
class JsonSchema {
public:
    /// Compiles @p schema (an object, true or false). Returns a sentence naming the problem
    /// when the schema cannot be used: a $ref that does not resolve or only leads to itself, an
    /// invalid regular expression, a keyword whose value has the wrong type, nesting deeper
    /// than 256 schemas.
    static std::expected<JsonSchema, QString> compile(const QJsonValue &schema);

    /// Every reason @p instance does not satisfy the schema; empty when it does. For anyOf,
    /// oneOf and not the error names the keyword rather than every branch's reasons. Hostile
    /// input cannot make this run away: checks nested deeper than 256 subschemas (a schema
    /// that recurses without consuming the instance), more than a million subschema checks, or
    /// a pattern that takes more than 100,000 backtracking steps on one string ("(a+)+$" on
    /// "aaa…ab") stop with a single error whose keyword is "limit". So does a pattern whose
    /// backtracking outgrows PCRE2's stack (a repeated group over tens of thousands of
    /// characters): it cannot say whether the string matches.
    QList<SchemaError> validate(const QJsonValue &instance) const;

    /// The schema as given to compile().
    const QJsonValue &source() const;

private:
    explicit JsonSchema(std::shared_ptr<const detail::CompiledSchema> compiled);

    std::shared_ptr<const detail::CompiledSchema> m_compiled;
};

/// "/a/b: must be an integer"; "(root): ..." when the pointer is empty.
QString formatSchemaError(const SchemaError &e);

} // namespace versus::tools

// SPDX-License-Identifier: GPL-3.0-or-later
// Checking an instance against a compiled schema. Every failure is reported, except where
// only a yes or no is wanted (anyOf, oneOf, not, if, contains), which stops at the first.
#include "tools/jsonschema_p.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace versus::tools::detail {

namespace {

/// Where in the instance a check is: a chain on the stack, made a JSON pointer only when an
/// error needs one.
struct Path {
    const Path *parent = nullptr;
    QString key;          // a member name, when index is -1
    qsizetype index = -1; // an array position
};

QString pointerOf(const Path *path)
{
    QStringList tokens;
    for (const Path *at = path; at; at = at->parent)
        tokens.prepend(at->index >= 0 ? QString::number(at->index) : escapePointerToken(at->key));
    return tokens.isEmpty() ? QString() : u"/"_s + tokens.join(u'/');
}

QString quoted(const QString &text)
{
    return u"\""_s + text + u"\""_s;
}

/// "1 item", "3 items".
QString counted(qint64 count, QStringView one, QStringView many)
{
    return QString::number(count) + u" "_s + (count == 1 ? one : many).toString();
}

quint8 typeBits(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return NullType;
    case QJsonValue::Bool:
        return BooleanType;
    case QJsonValue::Double:
        return isWhole(value.toDouble()) ? NumberType | IntegerType : NumberType;
    case QJsonValue::String:
        return StringType;
    case QJsonValue::Array:
        return ArrayType;
    case QJsonValue::Object:
        return ObjectType;
    case QJsonValue::Undefined:
        break;
    }
    return 0;
}

/// The outcome of one schema on one value: failures go to @c errors, unless it is null
/// because only a yes or no was asked.
struct Report {
    const Path *path = nullptr;
    QList<SchemaError> *errors = nullptr;
    bool valid = true;

    void fail(QStringView keyword, const QString &message)
    {
        valid = false;
        if (errors)
            errors->append(SchemaError{pointerOf(path), keyword.toString(), message});
    }
};

class Validator {
public:
    explicit Validator(const CompiledSchema &schema)
        : m_nodes(schema.nodes)
    {
    }

    /// Whether @p value satisfies node @p index. Appends the reasons to @p errors, unless it
    /// is null: then stops at the first.
    bool check(int index, const QJsonValue &value, const Path *path, QList<SchemaError> *errors, int depth);

    /// Set when a guard stopped the whole check; every result after it is meaningless.
    const std::optional<SchemaError> &stopped() const { return m_stopped; }

private:
    /// True when the caller can return: the check was stopped, or @p report failed and
    /// nobody wants to know why.
    bool done(const Report &report) const { return m_stopped || (!report.valid && !report.errors); }
    /// Checks @p value against subschema @p index as part of @p report.
    void sub(int index, const QJsonValue &value, const Path *path, Report &report, int depth)
    {
        if (!check(index, value, path, report.errors, depth + 1))
            report.valid = false;
    }
    /// Whether @p value satisfies @p index, without reasons (anyOf, oneOf, not, if, contains).
    bool matches(int index, const QJsonValue &value, const Path *path, int depth)
    {
        return check(index, value, path, nullptr, depth + 1);
    }
    bool isFalse(int index) const { return m_nodes[size_t(index)].constant == false; }
    /// Whether @p regex finds a match in @p text; a match that runs out of steps stops the
    /// whole check with a "limit" error at @p path.
    bool matchPattern(const QRegularExpression &regex, const QString &text, const Path *path);

    void anyType(const SchemaNode &node, const QJsonValue &value, Report &report);
    void number(const SchemaNode &node, double value, Report &report);
    void string(const SchemaNode &node, const QString &value, Report &report);
    void array(const SchemaNode &node, const QJsonArray &value, Report &report, int depth);
    void object(const SchemaNode &node, const QJsonObject &value, Report &report, int depth);
    void members(const SchemaNode &node, const QJsonObject &value, Report &report, int depth);
    void combined(const SchemaNode &node, const QJsonValue &value, Report &report, int depth);

    const std::vector<SchemaNode> &m_nodes;
    qint64 m_checks = 0;
    std::optional<SchemaError> m_stopped;
};

bool Validator::check(int index, const QJsonValue &value, const Path *path, QList<SchemaError> *errors, int depth)
{
    if (m_stopped)
        return false;
    if (++m_checks > kMaxChecks) {
        m_stopped = SchemaError{pointerOf(path), u"limit"_s,
                                u"could not be checked: it takes more than %1 subschema checks"_s.arg(kMaxChecks)};
        return false;
    }
    if (depth > kMaxDepth) {
        m_stopped =
            SchemaError{pointerOf(path), u"limit"_s,
                        u"could not be checked: the schema recurses more than %1 levels deep here"_s.arg(kMaxDepth)};
        return false;
    }
    const SchemaNode &node = m_nodes[size_t(index)];
    if (node.constant) {
        if (!*node.constant && errors)
            errors->append(SchemaError{pointerOf(path), u"false"_s, u"is not allowed"_s});
        return *node.constant;
    }
    if (node.ref >= 0)
        return check(node.ref, value, path, errors, depth + 1);

    Report report{path, errors};
    anyType(node, value, report);
    if (done(report))
        return false;
    if (value.isDouble())
        number(node, value.toDouble(), report);
    else if (value.isString())
        string(node, value.toString(), report);
    else if (value.isArray())
        array(node, value.toArray(), report, depth);
    else if (value.isObject())
        object(node, value.toObject(), report, depth);
    if (done(report))
        return false;
    combined(node, value, report, depth);
    return report.valid && !m_stopped;
}

bool Validator::matchPattern(const QRegularExpression &regex, const QString &text, const Path *path)
{
    const QRegularExpressionMatch match = regex.match(text);
    // An invalid match is an error of the match itself: the step limit, or PCRE2's JIT stack
    // running out on a long string with a repeated group (which read as "no match" before).
    if (!match.isValid() && !m_stopped) {
        m_stopped =
            SchemaError{pointerOf(path), u"limit"_s,
                        u"could not be checked: a pattern gives up on %2 (more than %1 steps, or too deep)"_s.arg(
                            QString::number(kMaxPatternSteps), jsonText(QJsonValue(text), 40))};
    }
    return match.hasMatch();
}

void Validator::anyType(const SchemaNode &node, const QJsonValue &value, Report &report)
{
    if (node.types && !(node.types & typeBits(value)))
        report.fail(u"type", u"must be "_s + node.typeText);
    if (node.enumValues) {
        const QJsonArray &values = *node.enumValues;
        if (std::none_of(values.begin(), values.end(), [&](const QJsonValue &v) { return jsonEqual(v, value); })) {
            QStringList texts;
            for (qsizetype i = 0; i < values.size() && i < 10; ++i)
                texts.append(jsonText(values.at(i), 40));
            if (values.size() > 10)
                texts.append(u"…"_s);
            report.fail(u"enum", values.size() == 1 ? u"must be "_s + texts.constFirst()
                                                    : u"must be one of "_s + texts.join(u", "_s));
        }
    }
    if (node.constValue && !jsonEqual(*node.constValue, value))
        report.fail(u"const", u"must be "_s + jsonText(*node.constValue));
}

void Validator::number(const SchemaNode &node, double value, Report &report)
{
    if (node.minimum && value < *node.minimum)
        report.fail(u"minimum", u"must be at least "_s + numberText(*node.minimum));
    if (node.maximum && value > *node.maximum)
        report.fail(u"maximum", u"must be at most "_s + numberText(*node.maximum));
    if (node.exclusiveMinimum && value <= *node.exclusiveMinimum)
        report.fail(u"exclusiveMinimum", u"must be greater than "_s + numberText(*node.exclusiveMinimum));
    if (node.exclusiveMaximum && value >= *node.exclusiveMaximum)
        report.fail(u"exclusiveMaximum", u"must be less than "_s + numberText(*node.exclusiveMaximum));
    if (node.multipleOf && !isMultiple(value, *node.multipleOf))
        report.fail(u"multipleOf", u"must be a multiple of "_s + numberText(*node.multipleOf));
}

void Validator::string(const SchemaNode &node, const QString &value, Report &report)
{
    if (node.minLength || node.maxLength) {
        const qsizetype length = codePoints(value);
        if (node.minLength && length < *node.minLength)
            report.fail(u"minLength",
                        u"must be at least "_s + counted(*node.minLength, u"character", u"characters") + u" long"_s);
        if (node.maxLength && length > *node.maxLength)
            report.fail(u"maxLength",
                        u"must be at most "_s + counted(*node.maxLength, u"character", u"characters") + u" long"_s);
    }
    if (node.pattern && !matchPattern(*node.pattern, value, report.path) && !m_stopped)
        report.fail(u"pattern", u"must match the pattern "_s + node.patternText);
}

void Validator::array(const SchemaNode &node, const QJsonArray &value, Report &report, int depth)
{
    const qsizetype size = value.size();
    if (node.items >= 0 && isFalse(node.items) && size > 0) {
        report.fail(u"items", u"must be empty"_s);
    } else if (node.items >= 0) {
        for (qsizetype i = 0; i < size && !done(report); ++i) {
            const Path item{report.path, {}, i};
            sub(node.items, value.at(i), &item, report, depth);
        }
    }
    if (node.hasTuple) {
        const qsizetype tupleSize = node.tupleItems.size();
        for (qsizetype i = 0; i < std::min(size, tupleSize) && !done(report); ++i) {
            const Path item{report.path, {}, i};
            sub(node.tupleItems.at(i), value.at(i), &item, report, depth);
        }
        if (node.additionalItems >= 0 && size > tupleSize && isFalse(node.additionalItems)) {
            report.fail(u"additionalItems", u"must have at most "_s + counted(tupleSize, u"item", u"items") +
                                                u", not "_s + QString::number(size));
        } else if (node.additionalItems >= 0) {
            for (qsizetype i = tupleSize; i < size && !done(report); ++i) {
                const Path item{report.path, {}, i};
                sub(node.additionalItems, value.at(i), &item, report, depth);
            }
        }
    }
    if (done(report))
        return;
    if (node.contains >= 0) {
        bool found = false;
        for (qsizetype i = 0; i < size && !found && !m_stopped; ++i) {
            const Path item{report.path, {}, i};
            found = matches(node.contains, value.at(i), &item, depth);
        }
        if (!found)
            report.fail(u"contains", u"must contain at least one item that matches the \"contains\" schema"_s);
    }
    if (node.minItems && size < *node.minItems)
        report.fail(u"minItems", u"must have at least "_s + counted(*node.minItems, u"item", u"items"));
    if (node.maxItems && size > *node.maxItems)
        report.fail(u"maxItems", u"must have at most "_s + counted(*node.maxItems, u"item", u"items"));
    if (node.uniqueItems) {
        QHash<QString, qsizetype> seen;
        for (qsizetype i = 0; i < size; ++i) {
            QString key;
            appendCanonical(key, value.at(i));
            const auto first = seen.constFind(key);
            if (first != seen.cend()) {
                report.fail(u"uniqueItems", u"must not contain duplicates: items %1 and %2 are equal"_s.arg(
                                                QString::number(*first), QString::number(i)));
                break;
            }
            seen.insert(key, i);
        }
    }
}

void Validator::object(const SchemaNode &node, const QJsonObject &value, Report &report, int depth)
{
    for (const QString &name : node.required) {
        if (!value.contains(name))
            report.fail(u"required", u"must have the property "_s + quoted(name));
    }
    if (done(report))
        return;
    members(node, value, report, depth);
    if (done(report))
        return;
    for (const Dependency &dependency : node.dependencies) {
        if (!value.contains(dependency.property))
            continue;
        for (const QString &name : dependency.required) {
            if (!value.contains(name))
                report.fail(u"dependencies", u"must have the property "_s + quoted(name) + u" when it has "_s +
                                                 quoted(dependency.property));
        }
        if (dependency.schema >= 0)
            sub(dependency.schema, value, report.path, report, depth);
        if (done(report))
            return;
    }
    if (node.minProperties && value.size() < *node.minProperties)
        report.fail(u"minProperties",
                    u"must have at least "_s + counted(*node.minProperties, u"property", u"properties"));
    if (node.maxProperties && value.size() > *node.maxProperties)
        report.fail(u"maxProperties",
                    u"must have at most "_s + counted(*node.maxProperties, u"property", u"properties"));
}

/// properties, patternProperties, additionalProperties and propertyNames, member by member.
void Validator::members(const SchemaNode &node, const QJsonObject &value, Report &report, int depth)
{
    for (auto it = value.begin(); it != value.end() && !done(report); ++it) {
        const Path member{report.path, it.key(), -1};
        const QJsonValue memberValue = it.value();
        bool described = false;
        if (const auto property = node.properties.constFind(member.key); property != node.properties.cend()) {
            described = true;
            sub(*property, memberValue, &member, report, depth);
        }
        for (const PatternSchema &pattern : node.patternProperties) {
            if (done(report) || !matchPattern(pattern.regex, member.key, report.path))
                continue;
            described = true;
            sub(pattern.schema, memberValue, &member, report, depth);
        }
        if (!described && node.additionalProperties >= 0) {
            if (isFalse(node.additionalProperties))
                report.fail(u"additionalProperties", u"must not have the property "_s + quoted(member.key));
            else
                sub(node.additionalProperties, memberValue, &member, report, depth);
        }
        if (node.propertyNames < 0 || done(report))
            continue;
        QList<SchemaError> nameErrors;
        if (check(node.propertyNames, QJsonValue(member.key), report.path, report.errors ? &nameErrors : nullptr,
                  depth + 1))
            continue;
        if (nameErrors.isEmpty())
            report.fail(u"propertyNames", u"has a property name that is not allowed: "_s + quoted(member.key));
        for (const SchemaError &error : std::as_const(nameErrors))
            report.fail(u"propertyNames",
                        u"has the property name "_s + quoted(member.key) + u", which "_s + error.message);
    }
}

void Validator::combined(const SchemaNode &node, const QJsonValue &value, Report &report, int depth)
{
    for (const int schema : node.allOf) {
        sub(schema, value, report.path, report, depth);
        if (done(report))
            return;
    }
    if (!node.anyOf.isEmpty()) {
        const bool any = std::any_of(node.anyOf.begin(), node.anyOf.end(),
                                     [&](int schema) { return matches(schema, value, report.path, depth); });
        if (!any)
            report.fail(u"anyOf", u"must match at least one of the schemas in \"anyOf\""_s);
        if (done(report))
            return;
    }
    if (!node.oneOf.isEmpty()) {
        QList<qsizetype> matching;
        for (qsizetype i = 0; i < node.oneOf.size() && matching.size() < 2 && !m_stopped; ++i) {
            if (matches(node.oneOf.at(i), value, report.path, depth))
                matching.append(i);
        }
        if (matching.isEmpty())
            report.fail(u"oneOf", u"must match exactly one of the schemas in \"oneOf\", but matches none"_s);
        else if (matching.size() > 1)
            report.fail(u"oneOf", u"must match exactly one of the schemas in \"oneOf\", but matches #%1 and #%2"_s.arg(
                                      QString::number(matching.at(0)), QString::number(matching.at(1))));
        if (done(report))
            return;
    }
    if (node.notSchema >= 0 && matches(node.notSchema, value, report.path, depth))
        report.fail(u"not", u"must not match the schema in \"not\""_s);
    if (done(report) || node.ifSchema < 0 || (node.thenSchema < 0 && node.elseSchema < 0))
        return;
    const bool condition = matches(node.ifSchema, value, report.path, depth);
    if (m_stopped)
        return;
    const int branch = condition ? node.thenSchema : node.elseSchema;
    if (branch >= 0)
        sub(branch, value, report.path, report, depth);
}

} // namespace

QList<SchemaError> validateInstance(const CompiledSchema &schema, const QJsonValue &instance)
{
    Validator validator(schema);
    QList<SchemaError> errors;
    validator.check(0, instance, nullptr, &errors, 0);
    if (validator.stopped())
        return {*validator.stopped()};
    return errors;
}

} // namespace versus::tools::detail

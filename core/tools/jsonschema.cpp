// SPDX-License-Identifier: GPL-3.0-or-later
// Compiling a schema: every keyword read and checked once, every regular expression built
// once, every $ref resolved to the subschema it names.
#include "tools/jsonschema.h"

#include "tools/jsonschema_p.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace versus::tools {

using namespace detail;

namespace {

/// Where a schema problem is, as a URI fragment: "#" is the root, "#/properties/a" below.
QString where(const QString &pointer)
{
    return u"#"_s + pointer;
}

QString quoted(const QString &text)
{
    return u"\""_s + text + u"\""_s;
}

struct TypeName {
    QStringView name;
    TypeBit bit;
    QStringView words;
};

constexpr std::array<TypeName, 7> kTypeNames{{
    {u"null", NullType, u"null"},
    {u"boolean", BooleanType, u"a boolean"},
    {u"object", ObjectType, u"an object"},
    {u"array", ArrayType, u"an array"},
    {u"number", NumberType, u"a number"},
    {u"integer", IntegerType, u"an integer"},
    {u"string", StringType, u"a string"},
}};

class Compiler {
public:
    explicit Compiler(const QJsonValue &root)
        : m_root(root)
    {
    }

    /// Compiles @p value found at @p pointer (once: a second visit, through a $ref, gets the
    /// same node). Returns the node's index, or -1 after setting error().
    int schema(const QJsonValue &value, const QString &pointer, int depth);
    /// Fails when a chain of $ref leads back to its start without reaching a schema.
    bool checkRefLoops();

    const QString &error() const { return m_error; }
    std::vector<SchemaNode> takeNodes() { return std::move(m_nodes); }

private:
    bool fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }
    bool failKeyword(QStringView keyword, const QString &pointer, const QString &problem)
    {
        return fail(quoted(keyword.toString()) + u" at "_s + where(pointer) + u" "_s + problem);
    }

    bool keywords(const QJsonObject &object, const QString &pointer, int depth, SchemaNode &node);
    bool definitions(const QJsonObject &object, const QString &pointer, int depth);
    bool readType(const QJsonObject &object, const QString &pointer, SchemaNode &node);
    bool readNumber(const QJsonObject &object, QStringView keyword, const QString &pointer, std::optional<double> &out);
    bool readCount(const QJsonObject &object, QStringView keyword, const QString &pointer, std::optional<qint64> &out);
    bool readRegex(const QString &pattern, QStringView keyword, const QString &pointer, QRegularExpression &out);
    bool readStrings(const QJsonValue &value, QStringView keyword, const QString &pointer, QStringList &out);
    bool readSchema(const QJsonObject &object, QStringView keyword, const QString &pointer, int depth, int &out);
    bool readSchemaList(const QJsonObject &object, QStringView keyword, const QString &pointer, int depth,
                        QList<int> &out);
    bool readObjectKeywords(const QJsonObject &object, const QString &pointer, int depth, SchemaNode &node);
    std::expected<PointerTarget, QString> resolve(const QString &ref, const QString &from) const;

    QJsonValue m_root;
    std::vector<SchemaNode> m_nodes;
    QStringList m_pointers; // m_pointers[i] is where m_nodes[i] is
    QHash<QString, int> m_byPointer;
    QString m_error;
};

int Compiler::schema(const QJsonValue &value, const QString &pointer, int depth)
{
    if (!m_error.isEmpty())
        return -1;
    if (const auto known = m_byPointer.constFind(pointer); known != m_byPointer.cend())
        return *known;
    if (depth > kMaxDepth) {
        fail(u"the schema nests deeper than %1 levels at %2"_s.arg(QString::number(kMaxDepth), where(pointer)));
        return -1;
    }
    if (!value.isObject() && !value.isBool()) {
        fail(u"the schema at "_s + where(pointer) + u" must be an object or a boolean, not "_s + jsonTypeName(value));
        return -1;
    }
    const int index = int(m_nodes.size());
    m_nodes.emplace_back();
    m_pointers.append(pointer);
    m_byPointer.insert(pointer, index);
    SchemaNode node;
    if (value.isBool())
        node.constant = value.toBool();
    else if (!keywords(value.toObject(), pointer, depth, node))
        return -1;
    m_nodes[size_t(index)] = std::move(node);
    return index;
}

bool Compiler::checkRefLoops()
{
    enum : quint8 { Unseen, OnChain, Done };
    std::vector<quint8> state(m_nodes.size(), Unseen);
    for (size_t start = 0; start < m_nodes.size(); ++start) {
        std::vector<size_t> chain;
        size_t at = start;
        while (state[at] == Unseen && m_nodes[at].ref >= 0) {
            state[at] = OnChain;
            chain.push_back(at);
            at = size_t(m_nodes[at].ref);
        }
        if (state[at] == OnChain)
            return fail(u"the $ref at "_s + where(m_pointers.at(qsizetype(at))) +
                        u" only leads to itself through other $refs and never to a schema"_s);
        for (const size_t visited : chain)
            state[visited] = Done;
    }
    return true;
}

bool Compiler::keywords(const QJsonObject &object, const QString &pointer, int depth, SchemaNode &node)
{
    // Definitions are schemas even next to a $ref: compile them so that their problems show.
    if (!definitions(object, pointer, depth))
        return false;
    if (const QJsonValue ref = object.value(u"$ref"); !ref.isUndefined()) {
        if (!ref.isString())
            return failKeyword(u"$ref", pointer, u"must be a string"_s);
        const auto target = resolve(ref.toString(), pointer);
        if (!target)
            return fail(target.error());
        node.ref = schema(target->value, target->pointer, depth + 1);
        return node.ref >= 0;
    }
    if (!readType(object, pointer, node))
        return false;
    if (const QJsonValue values = object.value(u"enum"); !values.isUndefined()) {
        if (!values.isArray())
            return failKeyword(u"enum", pointer, u"must be an array"_s);
        node.enumValues = values.toArray();
    }
    if (const QJsonValue value = object.value(u"const"); !value.isUndefined())
        node.constValue = value;

    if (!readNumber(object, u"minimum", pointer, node.minimum) ||
        !readNumber(object, u"maximum", pointer, node.maximum) ||
        !readNumber(object, u"exclusiveMinimum", pointer, node.exclusiveMinimum) ||
        !readNumber(object, u"exclusiveMaximum", pointer, node.exclusiveMaximum) ||
        !readNumber(object, u"multipleOf", pointer, node.multipleOf))
        return false;
    if (node.multipleOf && !(*node.multipleOf > 0))
        return failKeyword(u"multipleOf", pointer, u"must be greater than 0"_s);

    if (!readCount(object, u"minLength", pointer, node.minLength) ||
        !readCount(object, u"maxLength", pointer, node.maxLength))
        return false;
    if (const QJsonValue pattern = object.value(u"pattern"); !pattern.isUndefined()) {
        if (!pattern.isString())
            return failKeyword(u"pattern", pointer, u"must be a string"_s);
        QRegularExpression regex;
        if (!readRegex(pattern.toString(), u"pattern", pointer, regex))
            return false;
        node.pattern = regex;
        node.patternText = pattern.toString();
    }

    if (const QJsonValue items = object.value(u"items"); items.isArray()) {
        node.hasTuple = true;
        const QJsonArray tuple = items.toArray();
        for (qsizetype i = 0; i < tuple.size(); ++i) {
            const int item = schema(tuple.at(i), pointer + u"/items/"_s + QString::number(i), depth + 1);
            if (item < 0)
                return false;
            node.tupleItems.append(item);
        }
    } else if (!readSchema(object, u"items", pointer, depth, node.items)) {
        return false;
    }
    if (!readSchema(object, u"additionalItems", pointer, depth, node.additionalItems) ||
        !readSchema(object, u"contains", pointer, depth, node.contains) ||
        !readCount(object, u"minItems", pointer, node.minItems) ||
        !readCount(object, u"maxItems", pointer, node.maxItems))
        return false;
    if (const QJsonValue unique = object.value(u"uniqueItems"); !unique.isUndefined()) {
        if (!unique.isBool())
            return failKeyword(u"uniqueItems", pointer, u"must be true or false"_s);
        node.uniqueItems = unique.toBool();
    }

    if (!readObjectKeywords(object, pointer, depth, node))
        return false;

    if (!readSchemaList(object, u"allOf", pointer, depth, node.allOf) ||
        !readSchemaList(object, u"anyOf", pointer, depth, node.anyOf) ||
        !readSchemaList(object, u"oneOf", pointer, depth, node.oneOf) ||
        !readSchema(object, u"not", pointer, depth, node.notSchema))
        return false;
    // then and else mean nothing without an if (draft 7).
    if (object.contains(u"if")) {
        if (!readSchema(object, u"if", pointer, depth, node.ifSchema) ||
            !readSchema(object, u"then", pointer, depth, node.thenSchema) ||
            !readSchema(object, u"else", pointer, depth, node.elseSchema))
            return false;
    }
    return true;
}

bool Compiler::definitions(const QJsonObject &object, const QString &pointer, int depth)
{
    for (const QStringView keyword : {QStringView(u"definitions"), QStringView(u"$defs")}) {
        const QJsonValue value = object.value(keyword);
        if (value.isUndefined())
            continue;
        if (!value.isObject())
            return failKeyword(keyword, pointer, u"must be an object"_s);
        const QJsonObject schemas = value.toObject();
        const QString base = pointer + u"/"_s + keyword.toString() + u"/"_s;
        for (auto it = schemas.begin(); it != schemas.end(); ++it) {
            if (schema(it.value(), base + escapePointerToken(it.key()), depth + 1) < 0)
                return false;
        }
    }
    return true;
}

bool Compiler::readObjectKeywords(const QJsonObject &object, const QString &pointer, int depth, SchemaNode &node)
{
    if (const QJsonValue value = object.value(u"properties"); !value.isUndefined()) {
        if (!value.isObject())
            return failKeyword(u"properties", pointer, u"must be an object"_s);
        const QJsonObject properties = value.toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            const int property =
                schema(it.value(), pointer + u"/properties/"_s + escapePointerToken(it.key()), depth + 1);
            if (property < 0)
                return false;
            node.properties.insert(it.key(), property);
        }
    }
    if (const QJsonValue value = object.value(u"patternProperties"); !value.isUndefined()) {
        if (!value.isObject())
            return failKeyword(u"patternProperties", pointer, u"must be an object"_s);
        const QJsonObject patterns = value.toObject();
        for (auto it = patterns.begin(); it != patterns.end(); ++it) {
            PatternSchema entry;
            if (!readRegex(it.key(), u"patternProperties", pointer, entry.regex))
                return false;
            entry.schema =
                schema(it.value(), pointer + u"/patternProperties/"_s + escapePointerToken(it.key()), depth + 1);
            if (entry.schema < 0)
                return false;
            node.patternProperties.append(entry);
        }
    }
    if (!readSchema(object, u"additionalProperties", pointer, depth, node.additionalProperties) ||
        !readSchema(object, u"propertyNames", pointer, depth, node.propertyNames) ||
        !readCount(object, u"minProperties", pointer, node.minProperties) ||
        !readCount(object, u"maxProperties", pointer, node.maxProperties))
        return false;
    if (const QJsonValue required = object.value(u"required"); !required.isUndefined()) {
        if (!readStrings(required, u"required", pointer, node.required))
            return false;
    }
    if (const QJsonValue value = object.value(u"dependencies"); !value.isUndefined()) {
        if (!value.isObject())
            return failKeyword(u"dependencies", pointer, u"must be an object"_s);
        const QJsonObject dependencies = value.toObject();
        for (auto it = dependencies.begin(); it != dependencies.end(); ++it) {
            Dependency dependency{it.key(), {}, -1};
            if (it.value().isArray()) {
                if (!readStrings(it.value(), u"dependencies", pointer, dependency.required))
                    return false;
            } else {
                dependency.schema =
                    schema(it.value(), pointer + u"/dependencies/"_s + escapePointerToken(it.key()), depth + 1);
                if (dependency.schema < 0)
                    return false;
            }
            node.dependencies.append(dependency);
        }
    }
    return true;
}

bool Compiler::readType(const QJsonObject &object, const QString &pointer, SchemaNode &node)
{
    const QJsonValue value = object.value(u"type");
    if (value.isUndefined())
        return true;
    const QJsonArray names = value.isArray() ? value.toArray() : QJsonArray{value};
    if (names.isEmpty())
        return failKeyword(u"type", pointer, u"must name at least one type"_s);
    QStringList words;
    for (const QJsonValue &name : names) {
        const auto known = std::find_if(kTypeNames.begin(), kTypeNames.end(),
                                        [&](const TypeName &type) { return type.name == name.toString(); });
        if (!name.isString() || known == kTypeNames.end())
            return failKeyword(u"type", pointer,
                               u"names an unknown type "_s + jsonText(name) +
                                   u" (known: null, boolean, object, array, number, integer, string)"_s);
        if (node.types & known->bit)
            continue;
        node.types |= known->bit;
        words.append(known->words.toString());
    }
    const QString last = words.takeLast();
    node.typeText = words.isEmpty() ? last : words.join(u", "_s) + u" or "_s + last;
    return true;
}

bool Compiler::readNumber(const QJsonObject &object, QStringView keyword, const QString &pointer,
                          std::optional<double> &out)
{
    const QJsonValue value = object.value(keyword);
    if (value.isUndefined())
        return true;
    if (!value.isDouble())
        return failKeyword(keyword, pointer, u"must be a number"_s);
    out = value.toDouble();
    return true;
}

bool Compiler::readCount(const QJsonObject &object, QStringView keyword, const QString &pointer,
                         std::optional<qint64> &out)
{
    const QJsonValue value = object.value(keyword);
    if (value.isUndefined())
        return true;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || !(number >= 0) || number != std::floor(number))
        return failKeyword(keyword, pointer, u"must be a whole number, 0 or more"_s);
    // Beyond 2^62 the count cannot be reached anyway.
    out = number < 0x1p62 ? qint64(number) : std::numeric_limits<qint64>::max();
    return true;
}

bool Compiler::readRegex(const QString &pattern, QStringView keyword, const QString &pointer, QRegularExpression &out)
{
    // No UseUnicodePropertiesOption: as in ECMAScript, \d and \w stay ASCII. A match that needs
    // more than kMaxPatternSteps steps fails with an error (see Validator::matchPattern()).
    const QString limit = u"(*LIMIT_MATCH=%1)"_s.arg(kMaxPatternSteps);
    out = QRegularExpression(limit + pcrePattern(pattern));
    if (!out.isValid())
        return failKeyword(keyword, pointer,
                           u"has an invalid regular expression "_s + quoted(pattern) + u": "_s + out.errorString() +
                               u" at offset "_s +
                               QString::number(std::max<qsizetype>(0, out.patternErrorOffset() - limit.size())));
    out.optimize();
    return true;
}

bool Compiler::readStrings(const QJsonValue &value, QStringView keyword, const QString &pointer, QStringList &out)
{
    if (!value.isArray())
        return failKeyword(keyword, pointer, u"must be an array of strings"_s);
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return failKeyword(keyword, pointer, u"must be an array of strings"_s);
        out.append(item.toString());
    }
    return true;
}

bool Compiler::readSchema(const QJsonObject &object, QStringView keyword, const QString &pointer, int depth, int &out)
{
    const QJsonValue value = object.value(keyword);
    if (value.isUndefined())
        return true;
    out = schema(value, pointer + u"/"_s + keyword.toString(), depth + 1);
    return out >= 0;
}

bool Compiler::readSchemaList(const QJsonObject &object, QStringView keyword, const QString &pointer, int depth,
                              QList<int> &out)
{
    const QJsonValue value = object.value(keyword);
    if (value.isUndefined())
        return true;
    if (!value.isArray() || value.toArray().isEmpty())
        return failKeyword(keyword, pointer, u"must be a non-empty array of schemas"_s);
    const QJsonArray schemas = value.toArray();
    for (qsizetype i = 0; i < schemas.size(); ++i) {
        const int index =
            schema(schemas.at(i), pointer + u"/"_s + keyword.toString() + u"/"_s + QString::number(i), depth + 1);
        if (index < 0)
            return false;
        out.append(index);
    }
    return true;
}

std::expected<PointerTarget, QString> Compiler::resolve(const QString &ref, const QString &from) const
{
    const auto problem = [&](const QString &why) {
        // QString(): a QStringBuilder would keep references to the temporaries.
        return std::unexpected(QString(u"$ref "_s + quoted(ref) + u" at "_s + where(from) + u" "_s + why));
    };
    if (!ref.startsWith(u'#'))
        return problem(u"points outside this schema; only references inside it (\"#...\") are supported"_s);
    const QString fragment = QUrl::fromPercentEncoding(ref.mid(1).toUtf8());
    if (!fragment.isEmpty() && !fragment.startsWith(u'/'))
        return problem(u"names an anchor, which is not supported; use a JSON pointer such as "
                       "\"#/definitions/name\""_s);
    auto target = resolvePointer(m_root, fragment);
    if (!target)
        return problem(u"does not resolve: "_s + target.error());
    return *target;
}

} // namespace

std::expected<JsonSchema, QString> JsonSchema::compile(const QJsonValue &schema)
{
    Compiler compiler(schema);
    if (compiler.schema(schema, QString(), 0) < 0 || !compiler.checkRefLoops())
        return std::unexpected(compiler.error());
    auto compiled = std::make_shared<CompiledSchema>();
    compiled->source = schema;
    compiled->nodes = compiler.takeNodes();
    return JsonSchema(std::move(compiled));
}

JsonSchema::JsonSchema(std::shared_ptr<const CompiledSchema> compiled)
    : m_compiled(std::move(compiled))
{
}

QList<SchemaError> JsonSchema::validate(const QJsonValue &instance) const
{
    return m_compiled ? validateInstance(*m_compiled, instance) : QList<SchemaError>();
}

const QJsonValue &JsonSchema::source() const
{
    static const QJsonValue none;
    return m_compiled ? m_compiled->source : none;
}

QString formatSchemaError(const SchemaError &e)
{
    return (e.pointer.isEmpty() ? u"(root)"_s : e.pointer) + u": "_s + e.message;
}

} // namespace versus::tools

// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON Schema validator: our own cases per keyword, error pointers and messages, $ref,
// recursion and the guards against hostile input; then the official JSON-Schema-Test-Suite
// (draft 7) from the Debian package json-schema-test-suite (jsonschemasuite.cpp).
#include "jsonschemasuite.h"
#include "tools/jsonschema.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace versus::tools;

namespace {

/// Any JSON value, scalars included; undefined when @p json is not JSON.
QJsonValue parse(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson((u"["_s + json + u"]"_s).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return document.array().at(0);
}

/// "keyword@pointer" of each error, sorted: what a case expects, independent of order.
QStringList summary(const QList<SchemaError> &errors)
{
    QStringList out;
    for (const SchemaError &error : errors)
        out.append(error.keyword + u"@"_s + error.pointer);
    out.sort();
    return out;
}

QString describe(const QList<SchemaError> &errors)
{
    QStringList lines;
    for (const SchemaError &error : errors)
        lines.append(error.keyword + u": "_s + formatSchemaError(error));
    return lines.isEmpty() ? u"no errors"_s : lines.join(u"; "_s);
}

/// {"not": {"not": ... {} ...}} nested @p depth times.
QJsonValue nestedNot(int depth)
{
    QJsonValue schema = QJsonObject();
    for (int i = 0; i < depth; ++i)
        schema = QJsonObject{{u"not"_s, schema}};
    return schema;
}

/// [[[ ... "x" ... ]]] nested @p depth times.
QJsonValue nestedArrays(int depth)
{
    QJsonValue value = u"x"_s;
    for (int i = 0; i < depth; ++i)
        value = QJsonArray{value};
    return value;
}

/// {"next": {"next": ... {} ...}} nested @p depth times.
QJsonValue linkedList(int depth)
{
    QJsonValue value = QJsonObject();
    for (int i = 0; i < depth; ++i)
        value = QJsonObject{{u"next"_s, value}};
    return value;
}

} // namespace

class TestJsonSchema : public QObject {
    Q_OBJECT

private slots:
    void keywords_data();
    void keywords();
    void refs_data();
    void refs();
    void recursiveTree();
    void selfReference();
    void compileErrors_data();
    void compileErrors();
    void codePoints_data();
    void codePoints();
    void messages_data();
    void messages();
    void hostileInput();
    void copyAndSource();
    void officialSuite_data();
    void officialSuite();

private:
    void addCases();
    void checkCase();
};

/// Columns of the data-driven cases: a schema, an instance, and the errors expected as
/// "keyword@pointer" (none: the instance is valid).
void TestJsonSchema::addCases()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QStringList>("expected");
}

void TestJsonSchema::checkCase()
{
    QFETCH(QString, schema);
    QFETCH(QString, instance);
    QFETCH(QStringList, expected);
    const QJsonValue schemaJson = parse(schema);
    const QJsonValue instanceJson = parse(instance);
    QVERIFY2(!schemaJson.isUndefined(), "the schema of the case is not JSON");
    QVERIFY2(!instanceJson.isUndefined(), "the instance of the case is not JSON");
    const auto compiled = JsonSchema::compile(schemaJson);
    QVERIFY2(compiled.has_value(), qPrintable(compiled.has_value() ? QString() : compiled.error()));
    const QList<SchemaError> errors = compiled->validate(instanceJson);
    expected.sort();
    QVERIFY2(summary(errors) == expected, qPrintable(describe(errors)));
}

void TestJsonSchema::keywords_data()
{
    addCases();
    const auto row = [](const char *name, const QString &schema, const QString &instance,
                        const QStringList &expected = {}) { QTest::newRow(name) << schema << instance << expected; };
    // type
    row("integer", uR"({"type": "integer"})"_s, u"3"_s);
    row("1.0 is an integer", uR"({"type": "integer"})"_s, u"1.0"_s);
    row("1.5 is no integer", uR"({"type": "integer"})"_s, u"1.5"_s, {u"type@"_s});
    row("an integer is a number", uR"({"type": "number"})"_s, u"1"_s);
    row("a number is no string", uR"({"type": "string"})"_s, u"1"_s, {u"type@"_s});
    row("an array is no object", uR"({"type": "object"})"_s, u"[]"_s, {u"type@"_s});
    row("0 is no boolean", uR"({"type": "boolean"})"_s, u"0"_s, {u"type@"_s});
    row("types: null", uR"({"type": ["string", "null"]})"_s, u"null"_s);
    row("types: number", uR"({"type": ["string", "null"]})"_s, u"1"_s, {u"type@"_s});
    // properties, required, additionalProperties, patternProperties
    row("property ok", uR"({"properties": {"a": {"type": "string"}}})"_s, uR"({"a": "x"})"_s);
    row("property wrong", uR"({"properties": {"a": {"type": "string"}}})"_s, uR"({"a": 1})"_s, {u"type@/a"_s});
    row("property absent", uR"({"properties": {"a": {"type": "string"}}})"_s, u"{}"_s);
    row("required present", uR"({"required": ["a", "b"]})"_s, uR"({"a": 1, "b": 2})"_s);
    row("required missing", uR"({"required": ["a", "b"]})"_s, u"{}"_s, {u"required@"_s, u"required@"_s});
    row("required ignores non-objects", uR"({"required": ["a"]})"_s, u"\"a\""_s);
    row("additionalProperties false", uR"({"properties": {"a": {}}, "additionalProperties": false})"_s,
        uR"({"a": 1, "b": 2})"_s, {u"additionalProperties@"_s});
    row("additionalProperties schema", uR"({"properties": {"a": {}}, "additionalProperties": {"type": "integer"}})"_s,
        uR"({"a": "x", "b": "y", "c": 3})"_s, {u"type@/b"_s});
    row("patternProperties match",
        uR"({"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false})"_s,
        uR"({"x-a": 1, "y": 2})"_s, {u"type@/x-a"_s, u"additionalProperties@"_s});
    row("minProperties", uR"({"minProperties": 1, "maxProperties": 2})"_s, u"{}"_s, {u"minProperties@"_s});
    row("maxProperties", uR"({"minProperties": 1, "maxProperties": 2})"_s, uR"({"a": 1, "b": 2, "c": 3})"_s,
        {u"maxProperties@"_s});
    row("propertyNames", uR"({"propertyNames": {"pattern": "^[a-z]+$"}})"_s, uR"({"ab": 1, "Ab": 2})"_s,
        {u"propertyNames@"_s});
    row("dependencies", uR"({"dependencies": {"a": ["b"], "c": {"required": ["d"]}}})"_s, uR"({"a": 1, "c": 2})"_s,
        {u"dependencies@"_s, u"required@"_s});
    // enum and const: deep equality, 1 equals 1.0
    row("enum member", uR"({"enum": ["red", 1, {"a": [true]}]})"_s, u"\"red\""_s);
    row("enum 1.0", uR"({"enum": ["red", 1, {"a": [true]}]})"_s, u"1.0"_s);
    row("enum object", uR"({"enum": ["red", 1, {"a": [true]}]})"_s, uR"({"a": [true]})"_s);
    row("enum miss", uR"({"enum": ["red", 1, {"a": [true]}]})"_s, u"\"blue\""_s, {u"enum@"_s});
    row("enum [1] is not 1", uR"({"enum": ["red", 1]})"_s, u"[1]"_s, {u"enum@"_s});
    row("const deep", uR"({"const": {"a": [1, 2], "b": null}})"_s, uR"({"b": null, "a": [1.0, 2]})"_s);
    row("const order", uR"({"const": {"a": [1, 2]}})"_s, uR"({"a": [2, 1]})"_s, {u"const@"_s});
    row("const false is not 0", uR"({"const": false})"_s, u"0"_s, {u"const@"_s});
    row("const null", uR"({"const": null})"_s, u"null"_s);
    // arrays
    row("items", uR"({"items": {"type": "integer"}})"_s, u"[1, \"x\", 3, \"y\"]"_s, {u"type@/1"_s, u"type@/3"_s});
    row("items false", uR"({"items": false})"_s, u"[1]"_s, {u"items@"_s});
    row("tuple", uR"({"items": [{"type": "string"}, {"type": "integer"}]})"_s, u"[\"a\", 1, true]"_s);
    row("tuple wrong", uR"({"items": [{"type": "string"}, {"type": "integer"}]})"_s, u"[1, \"a\"]"_s,
        {u"type@/0"_s, u"type@/1"_s});
    row("additionalItems false", uR"({"items": [{}], "additionalItems": false})"_s, u"[1, 2]"_s,
        {u"additionalItems@"_s});
    row("additionalItems schema", uR"({"items": [{}], "additionalItems": {"type": "string"}})"_s, u"[1, \"a\", 2]"_s,
        {u"type@/2"_s});
    row("additionalItems without tuple", uR"({"items": {}, "additionalItems": false})"_s, u"[1, 2, 3]"_s);
    row("contains", uR"({"contains": {"type": "integer"}})"_s, u"[\"a\", 1]"_s);
    row("contains none", uR"({"contains": {"type": "integer"}})"_s, u"[\"a\"]"_s, {u"contains@"_s});
    row("minItems", uR"({"minItems": 1, "maxItems": 2})"_s, u"[]"_s, {u"minItems@"_s});
    row("maxItems", uR"({"minItems": 1, "maxItems": 2})"_s, u"[1, 2, 3]"_s, {u"maxItems@"_s});
    row("uniqueItems", uR"({"uniqueItems": true})"_s, u"[1, \"1\", [1], {\"a\": 1}, 0, false]"_s);
    row("uniqueItems 1 and 1.0", uR"({"uniqueItems": true})"_s, u"[1, 1.0]"_s, {u"uniqueItems@"_s});
    row("uniqueItems objects", uR"({"uniqueItems": true})"_s, uR"([{"a": 1, "b": 2}, {"b": 2, "a": 1}])"_s,
        {u"uniqueItems@"_s});
    // numbers
    row("minimum edge", uR"({"minimum": 1, "maximum": 3})"_s, u"1"_s);
    row("maximum edge", uR"({"minimum": 1, "maximum": 3})"_s, u"3"_s);
    row("minimum", uR"({"minimum": 1, "maximum": 3})"_s, u"0.5"_s, {u"minimum@"_s});
    row("maximum", uR"({"minimum": 1, "maximum": 3})"_s, u"4"_s, {u"maximum@"_s});
    row("exclusive inside", uR"({"exclusiveMinimum": 1, "exclusiveMaximum": 3})"_s, u"2"_s);
    row("exclusiveMinimum", uR"({"exclusiveMinimum": 1, "exclusiveMaximum": 3})"_s, u"1"_s, {u"exclusiveMinimum@"_s});
    row("exclusiveMaximum", uR"({"exclusiveMinimum": 1, "exclusiveMaximum": 3})"_s, u"3"_s, {u"exclusiveMaximum@"_s});
    row("multipleOf 0.1", uR"({"multipleOf": 0.1})"_s, u"0.3"_s);
    row("not multipleOf 0.1", uR"({"multipleOf": 0.1})"_s, u"0.35"_s, {u"multipleOf@"_s});
    row("multipleOf 3", uR"({"multipleOf": 3})"_s, u"-9"_s);
    row("not multipleOf 3", uR"({"multipleOf": 3})"_s, u"10"_s, {u"multipleOf@"_s});
    // strings
    row("length", uR"({"minLength": 2, "maxLength": 3})"_s, u"\"ab\""_s);
    row("minLength", uR"({"minLength": 2, "maxLength": 3})"_s, u"\"a\""_s, {u"minLength@"_s});
    row("maxLength", uR"({"minLength": 2, "maxLength": 3})"_s, u"\"abcd\""_s, {u"maxLength@"_s});
    row("pattern unanchored", uR"({"pattern": "[0-9]+"})"_s, u"\"ab12\""_s);
    row("pattern miss", uR"({"pattern": "[0-9]+"})"_s, u"\"abc\""_s, {u"pattern@"_s});
    row("pattern \\d is ASCII", uR"({"pattern": "^\\d+$"})"_s, u"\"\u0661\u0662\""_s, {u"pattern@"_s});
    row("pattern $ is the very end", uR"({"pattern": "^[a-z]+$"})"_s, u"\"abc\\n\""_s, {u"pattern@"_s});
    row("pattern $ at the end", uR"({"pattern": "^[a-z]+$"})"_s, u"\"abc\""_s);
    row("pattern escaped $", uR"({"pattern": "^\\$[0-9]$"})"_s, u"\"$5\""_s);
    row("pattern $ in a class", uR"({"pattern": "^[$]$"})"_s, u"\"$\""_s);
    row("pattern ] first in a class", uR"({"pattern": "^[]$]+$"})"_s, u"\"]$\""_s);
    row("pattern ignores numbers", uR"({"pattern": "^a$"})"_s, u"12"_s);
    // combinators
    row("anyOf", uR"({"anyOf": [{"type": "string"}, {"type": "integer"}]})"_s, u"1"_s);
    row("anyOf none", uR"({"anyOf": [{"type": "string"}, {"type": "integer"}]})"_s, u"1.5"_s, {u"anyOf@"_s});
    row("oneOf", uR"({"oneOf": [{"type": "integer"}, {"minimum": 2}]})"_s, u"2.5"_s);
    row("oneOf both", uR"({"oneOf": [{"type": "integer"}, {"minimum": 2}]})"_s, u"3"_s, {u"oneOf@"_s});
    row("oneOf none", uR"({"oneOf": [{"type": "integer"}, {"minimum": 2}]})"_s, u"1.5"_s, {u"oneOf@"_s});
    row("allOf lists every failure", uR"({"allOf": [{"type": "integer"}, {"minimum": 2}]})"_s, u"1.5"_s,
        {u"type@"_s, u"minimum@"_s});
    row("not", uR"({"not": {"type": "null"}})"_s, u"1"_s);
    row("not matched", uR"({"not": {"type": "null"}})"_s, u"null"_s, {u"not@"_s});
    const QString shape = uR"({"if": {"properties": {"kind": {"const": "circle"}}},
                               "then": {"required": ["radius"]}, "else": {"required": ["width"]}})"_s;
    row("then", shape, uR"({"kind": "circle", "radius": 1})"_s);
    row("then fails", shape, uR"({"kind": "circle"})"_s, {u"required@"_s});
    row("else", shape, uR"({"kind": "square", "width": 1})"_s);
    row("else fails", shape, uR"({"kind": "square"})"_s, {u"required@"_s});
    // boolean schemas, $ref siblings, annotations
    row("true", u"true"_s, uR"({"a": [1]})"_s);
    row("false", u"false"_s, u"1"_s, {u"false@"_s});
    row("false property", uR"({"properties": {"a": false}})"_s, uR"({"a": 1})"_s, {u"false@/a"_s});
    row("format is an annotation", uR"({"format": "email", "x-custom": 1, "title": "t"})"_s, u"\"not mail\""_s);
    row("$ref ignores siblings", uR"({"definitions": {"s": {"type": "string"}}, "$ref": "#/definitions/s",
                                      "maxLength": 1})"_s,
        u"\"abc\""_s);
    // nested pointers, escaped pointers, several errors at once
    const QString list = uR"({"type": "object", "properties": {"items": {"type": "array", "items": {
                              "type": "object", "required": ["name"],
                              "properties": {"name": {"type": "string"}}}}}})"_s;
    row("nested pointers", list, uR"({"items": [{"name": "a"}, {"name": "b"}, {"name": 3}, {}]})"_s,
        {u"type@/items/2/name"_s, u"required@/items/3"_s});
    row("escaped pointers", uR"({"properties": {"a/b": {"type": "integer"}, "m~n": {"type": "integer"}}})"_s,
        uR"({"a/b": "x", "m~n": "y"})"_s, {u"type@/a~1b"_s, u"type@/m~0n"_s});
    row("every error listed", uR"({"required": ["a", "b"], "properties": {"c": {"type": "integer", "minimum": 5}},
             "additionalProperties": false, "maxProperties": 1})"_s,
        uR"({"c": 1.5, "d": 1})"_s,
        {u"required@"_s, u"required@"_s, u"type@/c"_s, u"minimum@/c"_s, u"additionalProperties@"_s,
         u"maxProperties@"_s});
}

void TestJsonSchema::keywords()
{
    checkCase();
}

void TestJsonSchema::refs_data()
{
    addCases();
    const QString defs = uR"({"$defs": {"pos": {"type": "integer", "minimum": 1}},
                              "properties": {"n": {"$ref": "#/$defs/pos"}}})"_s;
    QTest::newRow("$defs ok") << defs << uR"({"n": 1})"_s << QStringList();
    QTest::newRow("$defs fails") << defs << uR"({"n": 0})"_s << QStringList{u"minimum@/n"_s};
    const QString definitions = uR"({"definitions": {"pos": {"type": "integer", "minimum": 1}},
                                     "properties": {"n": {"$ref": "#/definitions/pos"}}})"_s;
    QTest::newRow("definitions ok") << definitions << uR"({"n": 1})"_s << QStringList();
    QTest::newRow("definitions fails") << definitions << uR"({"n": "1"})"_s << QStringList{u"type@/n"_s};
    QTest::newRow("pointer to a property") << uR"({"properties": {"a": {"type": "string"},
                                                                   "b": {"$ref": "#/properties/a"}}})"_s
                                           << uR"({"b": 1})"_s << QStringList{u"type@/b"_s};
    QTest::newRow("pointer into an array") << uR"({"items": [{"type": "integer"}, {"$ref": "#/items/0"}]})"_s
                                           << u"[1, \"x\"]"_s << QStringList{u"type@/1"_s};
    QTest::newRow("escapes") << uR"({"$defs": {"a b": {"type": "integer"}, "x/y": {"type": "string"},
                                               "t~": {"type": "null"}},
                                     "properties": {"p": {"$ref": "#/$defs/a%20b"}, "q": {"$ref": "#/$defs/x~1y"},
                                                    "r": {"$ref": "#/$defs/t~0"}}})"_s
                             << uR"({"p": "s", "q": 1, "r": 0})"_s
                             << QStringList{u"type@/p"_s, u"type@/q"_s, u"type@/r"_s};
    QTest::newRow("chain of refs") << uR"({"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/c"},
                                                     "c": {"type": "integer"}}, "$ref": "#/$defs/a"})"_s
                                   << u"\"x\""_s << QStringList{u"type@"_s};
    QTest::newRow("ref to false") << uR"({"$defs": {"no": false}, "properties": {"a": {"$ref": "#/$defs/no"}}})"_s
                                  << uR"({"a": 1})"_s << QStringList{u"false@/a"_s};
    QTest::newRow("root ref") << uR"({"properties": {"child": {"$ref": "#"}}, "additionalProperties": false})"_s
                              << uR"({"child": {"child": {"other": 1}}})"_s
                              << QStringList{u"additionalProperties@/child/child"_s};
}

void TestJsonSchema::refs()
{
    checkCase();
}

void TestJsonSchema::recursiveTree()
{
    const auto schema = JsonSchema::compile(parse(uR"({
        "$defs": {"node": {"type": "object", "required": ["value"], "additionalProperties": false,
                           "properties": {"value": {"type": "integer"},
                                          "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}},
        "$ref": "#/$defs/node"})"_s));
    QVERIFY(schema.has_value());
    const QJsonValue tree = parse(uR"({"value": 1, "children": [{"value": 2}, {"value": 3, "children": [
                                       {"value": 4, "children": []}]}]})"_s);
    QCOMPARE(schema->validate(tree), QList<SchemaError>());
    const QJsonValue bad = parse(uR"({"value": 1, "children": [{"value": 2, "children": [{"value": "x"}]},
                                      {"children": [], "colour": "red"}]})"_s);
    QCOMPARE(summary(schema->validate(bad)),
             (QStringList{u"additionalProperties@/children/1"_s, u"required@/children/1"_s,
                          u"type@/children/0/children/0/value"_s}));

    // A tree 50 levels deep is checked, not stopped by the depth guard.
    QJsonObject deep{{u"value"_s, 0}};
    for (int i = 1; i < 50; ++i)
        deep = QJsonObject{{u"value"_s, i}, {u"children"_s, QJsonArray{deep}}};
    QCOMPARE(schema->validate(deep), QList<SchemaError>());
}

void TestJsonSchema::selfReference()
{
    // A $ref that only leads to itself is no schema: a compile error, not a hang.
    for (const QString &loop :
         {uR"({"$ref": "#"})"_s, uR"({"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}},
                                     "$ref": "#/$defs/a"})"_s}) {
        const auto schema = JsonSchema::compile(parse(loop));
        QVERIFY2(!schema.has_value(), qPrintable(loop));
        QVERIFY2(schema.error().contains(u"only leads to itself"_s), qPrintable(schema.error()));
    }
    // Recursing through anyOf or allOf never reaches a value: the depth guard stops it.
    for (const QString &loop : {uR"({"anyOf": [{"$ref": "#"}]})"_s, uR"({"allOf": [{"$ref": "#"}]})"_s}) {
        const auto schema = JsonSchema::compile(parse(loop));
        QVERIFY(schema.has_value());
        const QList<SchemaError> errors = schema->validate(1);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).keyword, u"limit"_s);
        QCOMPARE(errors.at(0).pointer, QString());
    }
    // A linked list recurses through "#" legitimately.
    const auto list = JsonSchema::compile(parse(uR"({"type": "object", "properties": {"next": {"$ref": "#"}},
                                                     "additionalProperties": false})"_s));
    QVERIFY(list.has_value());
    QCOMPARE(list->validate(linkedList(20)), QList<SchemaError>());
}

void TestJsonSchema::compileErrors_data()
{
    QTest::addColumn<QJsonValue>("schema");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("invalid pattern") << parse(uR"({"properties": {"a": {"pattern": "a("}}})"_s)
                                     << u"\"pattern\" at #/properties/a has an invalid regular expression"_s;
    QTest::newRow("invalid patternProperties")
        << parse(uR"({"patternProperties": {"[": {}}})"_s) << u"\"patternProperties\" at #"_s;
    QTest::newRow("unresolvable $ref") << parse(uR"({"items": {"$ref": "#/definitions/missing"}})"_s)
                                       << u"$ref \"#/definitions/missing\" at #/items does not resolve"_s;
    QTest::newRow("$ref past a leaf") << parse(uR"({"title": "t", "$ref": "#/title/b"})"_s)
                                      << u"does not resolve: #/title is a string"_s;
    QTest::newRow("$ref to a number") << parse(uR"({"x-n": 1, "$ref": "#/x-n"})"_s)
                                      << u"the schema at #/x-n must be an object or a boolean, not a number"_s;
    QTest::newRow("definition not a schema")
        << parse(uR"({"$defs": {"a": 1}})"_s) << u"the schema at #/$defs/a must be an object or a boolean"_s;
    QTest::newRow("remote $ref") << parse(uR"({"$ref": "http://example.com/s.json"})"_s) << u"outside"_s;
    QTest::newRow("anchor $ref") << parse(uR"({"$ref": "#foo"})"_s) << u"anchor"_s;
    QTest::newRow("unknown type") << parse(uR"({"type": ["string", "strin"]})"_s) << u"unknown type \"strin\""_s;
    QTest::newRow("negative minLength") << parse(uR"({"minLength": -1})"_s) << u"\"minLength\""_s;
    QTest::newRow("fractional maxItems") << parse(uR"({"maxItems": 1.5})"_s) << u"\"maxItems\""_s;
    QTest::newRow("multipleOf 0") << parse(uR"({"multipleOf": 0})"_s) << u"\"multipleOf\""_s;
    QTest::newRow("minimum a string") << parse(uR"({"minimum": "1"})"_s) << u"\"minimum\""_s;
    QTest::newRow("required a string") << parse(uR"({"required": "a"})"_s) << u"\"required\""_s;
    QTest::newRow("empty anyOf") << parse(uR"({"anyOf": []})"_s) << u"\"anyOf\""_s;
    QTest::newRow("property not a schema")
        << parse(uR"({"properties": {"a": 3}})"_s) << u"the schema at #/properties/a must be an object or a boolean"_s;
    QTest::newRow("root not a schema") << parse(u"3"_s) << u"the schema at # must be"_s;
    QTest::newRow("bad definition unused")
        << parse(uR"({"definitions": {"x": {"pattern": "("}}})"_s) << u"#/definitions/x"_s;
    QTest::newRow("too deep") << nestedNot(300) << u"deeper than 256"_s;
}

void TestJsonSchema::compileErrors()
{
    QFETCH(QJsonValue, schema);
    QFETCH(QString, mentions);
    const auto compiled = JsonSchema::compile(schema);
    QVERIFY(!compiled.has_value());
    QVERIFY2(compiled.error().contains(mentions), qPrintable(compiled.error()));
}

void TestJsonSchema::codePoints_data()
{
    addCases();
    // U+1F600 is two UTF-16 units and one code point.
    const QString two = uR"({"minLength": 2, "maxLength": 2})"_s;
    QTest::newRow("two emoji") << two << u"\"\U0001F600\U0001F600\""_s << QStringList();
    QTest::newRow("one emoji") << two << u"\"\U0001F600\""_s << QStringList{u"minLength@"_s};
    QTest::newRow("three emoji") << two << u"\"\U0001F600\U0001F600\U0001F600\""_s << QStringList{u"maxLength@"_s};
    QTest::newRow("emoji fits one") << uR"({"maxLength": 1})"_s << u"\"\U0001F600\""_s << QStringList();
    QTest::newRow("combining mark") << uR"({"maxLength": 1})"_s << u"\"e\u0301\""_s << QStringList{u"maxLength@"_s};
    QTest::newRow("pattern dot") << uR"({"pattern": "^.$"})"_s << u"\"\U0001F600\""_s << QStringList();
}

void TestJsonSchema::codePoints()
{
    checkCase();
}

void TestJsonSchema::messages_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("message");
    QTest::newRow("type") << uR"({"properties": {"age": {"type": "integer"}}})"_s << uR"({"age": "x"})"_s
                          << u"/age: must be an integer"_s;
    QTest::newRow("types") << uR"({"type": ["string", "object", "null"]})"_s << u"1"_s
                           << u"(root): must be a string, an object or null"_s;
    QTest::newRow("required") << uR"({"required": ["name"]})"_s << u"{}"_s
                              << u"(root): must have the property \"name\""_s;
    QTest::newRow("additionalProperties")
        << uR"({"additionalProperties": false})"_s << uR"({"x": 1})"_s << u"(root): must not have the property \"x\""_s;
    QTest::newRow("enum") << uR"({"enum": ["a", 2, null]})"_s << u"3"_s << u"(root): must be one of \"a\", 2, null"_s;
    QTest::newRow("const") << uR"({"const": "a"})"_s << u"3"_s << u"(root): must be \"a\""_s;
    QTest::newRow("minimum") << uR"({"minimum": 0.5})"_s << u"0"_s << u"(root): must be at least 0.5"_s;
    QTest::newRow("exclusiveMaximum") << uR"({"exclusiveMaximum": 10})"_s << u"10"_s
                                      << u"(root): must be less than 10"_s;
    QTest::newRow("minLength") << uR"({"minLength": 1})"_s << u"\"\""_s
                               << u"(root): must be at least 1 character long"_s;
    QTest::newRow("maxItems") << uR"({"maxItems": 2})"_s << u"[1, 2, 3]"_s << u"(root): must have at most 2 items"_s;
    QTest::newRow("pattern") << uR"({"items": {"pattern": "^[a-z]+$"}})"_s << u"[\"ok\", \"No\"]"_s
                             << u"/1: must match the pattern ^[a-z]+$"_s;
    QTest::newRow("uniqueItems") << uR"({"uniqueItems": true})"_s << u"[1, 2, 1]"_s
                                 << u"(root): must not contain duplicates: items 0 and 2 are equal"_s;
    QTest::newRow("propertyNames") << uR"({"propertyNames": {"maxLength": 3}})"_s << uR"({"long": 1})"_s
                                   << u"(root): has the property name \"long\", which must be at most 3 characters "
                                      u"long"_s;
    QTest::newRow("false") << uR"({"properties": {"a": false}})"_s << uR"({"a": 1})"_s << u"/a: is not allowed"_s;
}

void TestJsonSchema::messages()
{
    QFETCH(QString, schema);
    QFETCH(QString, instance);
    QFETCH(QString, message);
    const auto compiled = JsonSchema::compile(parse(schema));
    QVERIFY(compiled.has_value());
    const QList<SchemaError> errors = compiled->validate(parse(instance));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(formatSchemaError(errors.at(0)), message);
}

void TestJsonSchema::hostileInput()
{
    // An instance deeper than the guard: one "limit" error where the check stopped.
    const auto list = JsonSchema::compile(parse(uR"({"properties": {"next": {"$ref": "#"}}})"_s));
    QVERIFY(list.has_value());
    const QList<SchemaError> deep = list->validate(linkedList(1000));
    QCOMPARE(deep.size(), 1);
    QCOMPARE(deep.at(0).keyword, u"limit"_s);
    QVERIFY(deep.at(0).pointer.startsWith(u"/next/next/next/"_s));

    // Two failing branches per level would take 2^30 checks: the budget stops it, quickly.
    const auto twice = JsonSchema::compile(parse(uR"({"anyOf": [{"type": "array", "items": {"$ref": "#"}},
                                                                {"type": "array", "items": {"$ref": "#"}}]})"_s));
    QVERIFY(twice.has_value());
    QElapsedTimer timer;
    timer.start();
    const QList<SchemaError> blowUp = twice->validate(nestedArrays(30));
    QCOMPARE(blowUp.size(), 1);
    QCOMPARE(blowUp.at(0).keyword, u"limit"_s);
    QVERIFY2(blowUp.at(0).message.contains(u"subschema checks"_s), qPrintable(blowUp.at(0).message));
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    qInfo("a million subschema checks took %lld ms", qint64(timer.elapsed()));

    // A schema as deep as the guard allows still compiles.
    QVERIFY(JsonSchema::compile(nestedNot(200)).has_value());

    // fuzz_jsonschema: six exponential patterns times 100 member names of "aaa…ab" ran for
    // minutes (PCRE2's own limit is ten million steps per match). Each match now stops after
    // 100,000 steps, and the first one to stop ends the check.
    QJsonObject patterns;
    for (const QString &pattern : {u"(a+)+$"_s, u"(a|a)+$"_s, u"(a+)*$"_s, u"(a*)+$"_s, u"(aa|a)+$"_s, u"(a|aa)+$"_s})
        patterns.insert(pattern, QJsonObject());
    const auto exponential = JsonSchema::compile(QJsonObject{{u"patternProperties"_s, patterns}});
    QVERIFY(exponential.has_value());
    QJsonObject names;
    for (int i = 0; i < 100; ++i)
        names.insert(QString(26, u'a') + QChar(u'a' + i % 26) + QChar(u'a' + i / 26) + u'b', 0);
    timer.restart();
    const QList<SchemaError> slowNames = exponential->validate(names);
    QCOMPARE(slowNames.size(), 1);
    QCOMPARE(slowNames.at(0).keyword, u"limit"_s);
    QCOMPARE(slowNames.at(0).pointer, QString());
    QVERIFY2(slowNames.at(0).message.contains(u"more than 100000 steps"_s), qPrintable(slowNames.at(0).message));
    const auto slowItems = JsonSchema::compile(parse(uR"({"items": {"pattern": "^(a+)+$"}})"_s));
    QVERIFY(slowItems.has_value());
    const QList<SchemaError> slowItem = slowItems->validate(QJsonArray{u"abc"_s, QString(QString(28, u'a') + u'b')});
    QCOMPARE(slowItem.size(), 1);
    QCOMPARE(slowItem.at(0).keyword, u"limit"_s);
    QCOMPARE(slowItem.at(0).pointer, u"/1"_s);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    // Ordinary patterns on long strings stay far below the step limit.
    const auto letters =
        JsonSchema::compile(parse(uR"({"pattern": "^([a-z]+ ?)+$", "patternProperties": {"x": {}}})"_s));
    QVERIFY(letters.has_value());
    QVERIFY(letters->validate(QString(u"abc "_s).repeated(10000)).isEmpty());
    QVERIFY(letters->validate(QJsonObject{{QString(100000, u'y') + u'x', 1}}).isEmpty());
    // 25,000 repetitions of the group outgrow PCRE2's JIT stack: not a "pattern" error (the
    // string does match), but a check that could not be made.
    const QList<SchemaError> tooDeep = letters->validate(QString(u"abc "_s).repeated(25000));
    QCOMPARE(tooDeep.size(), 1);
    QCOMPARE(tooDeep.at(0).keyword, u"limit"_s);
}

void TestJsonSchema::copyAndSource()
{
    const QJsonValue source = parse(uR"({"type": "integer"})"_s);
    const auto compiled = JsonSchema::compile(source);
    QVERIFY(compiled.has_value());
    const JsonSchema copy = *compiled;
    QCOMPARE(copy.source(), source);
    QCOMPARE(copy.validate(u"x"_s).size(), 1);
    QCOMPARE(JsonSchema::compile(false)->validate(QJsonValue()).size(), 1);
    QCOMPARE(formatSchemaError(SchemaError{QString(), u"type"_s, u"must be an integer"_s}),
             u"(root): must be an integer"_s);
}

void TestJsonSchema::officialSuite_data()
{
    addJsonSchemaSuiteRows();
}

void TestJsonSchema::officialSuite()
{
    QFETCH(QString, problem);
    QFETCH(QJsonValue, schema);
    QFETCH(QJsonValue, instance);
    QFETCH(bool, valid);
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
    const auto compiled = JsonSchema::compile(schema);
    QVERIFY2(compiled.has_value(),
             qPrintable(u"the schema does not compile: "_s + (compiled.has_value() ? QString() : compiled.error())));
    const QList<SchemaError> errors = compiled->validate(instance);
    QVERIFY2(errors.isEmpty() == valid,
             qPrintable((valid ? u"expected valid, got: "_s : u"expected invalid, got "_s) + describe(errors)));
}

QTEST_APPLESS_MAIN(TestJsonSchema)
#include "tst_jsonschema.moc"

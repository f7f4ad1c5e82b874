// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the JSON Schema validator (core/tools/jsonschema.h). An input is a
// schema and an instance, both JSON texts (any value: they are read inside [ ]), split at the
// first NUL byte or, when there is none, at the first newline. With no second text the schema
// is checked against itself, an instance as nested as any.
//
// For every input: no crash, undefined behaviour or hang (compiling stops at 256 levels,
// checking at 256 levels or a million subschema checks); a schema that does not compile says
// why; every error has a keyword and a message and points ("" or "/...") at a value that
// exists in the instance; a "limit" error is the only error. The schema is compiled before the
// instance is read, so an instance that is not JSON still exercises the compiler.
#include "tools/jsonschema.h"
#include "toolsfuzz.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;
using versus::fuzz::check;
using versus::tools::JsonSchema;
using versus::tools::SchemaError;

namespace {

constexpr const char *kTarget = "fuzz_jsonschema";

/// Whether the JSON pointer @p pointer names a value inside @p root (RFC 6901, written here
/// again rather than taken from the code under test).
bool resolves(QJsonValue root, const QString &pointer)
{
    if (pointer.isEmpty())
        return true;
    if (!pointer.startsWith(u'/'))
        return false;
    const QStringList tokens = pointer.mid(1).split(u'/');
    for (QString token : tokens) {
        token.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        if (root.isObject()) {
            const QJsonObject object = root.toObject();
            const auto it = object.constFind(token);
            if (it == object.constEnd())
                return false;
            root = it.value();
        } else if (root.isArray()) {
            bool ok = false;
            const qsizetype index = token.toLongLong(&ok);
            const QJsonArray array = root.toArray();
            if (!ok || index < 0 || index >= array.size() || QString::number(index) != token)
                return false;
            root = array.at(index);
        } else {
            return false;
        }
    }
    return true;
}

void checkErrors(const QList<SchemaError> &errors, const QJsonValue &instance)
{
    for (const SchemaError &error : errors) {
        check(error.pointer.isEmpty() || error.pointer.startsWith(u'/'), kTarget,
              "an error pointer neither empty nor starting with /");
        check(!error.keyword.isEmpty() && !error.message.isEmpty(), kTarget, "an error without keyword or message");
        check(resolves(instance, error.pointer), kTarget, "an error points at nothing in the instance");
        check(error.keyword != u"limit" || errors.size() == 1, kTarget, "a limit error beside other errors");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto [schemaText, instanceText] = versus::fuzz::splitInput(versus::fuzz::bytes(data, size));
    const QJsonValue schema = versus::fuzz::parseJsonValue(schemaText);
    if (schema.isUndefined())
        return 0;
    const auto compiled = JsonSchema::compile(schema);
    if (!compiled) {
        check(!compiled.error().isEmpty(), kTarget, "a compile error without words");
        return 0;
    }
    check(compiled->source() == schema, kTarget, "source() is not the schema compiled");
    const QJsonValue instance = instanceText.isEmpty() ? schema : versus::fuzz::parseJsonValue(instanceText);
    if (instance.isUndefined())
        return 0;
    const QList<SchemaError> errors = compiled->validate(instance);
    checkErrors(errors, instance);
    return 0;
}

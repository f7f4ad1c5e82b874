// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the core/tools fuzz targets: the oracle's failure report, the split of one input
// into two texts, and a JSON parse that accepts any value.
#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace versus::fuzz {

/// Aborts with @p what when @p ok is false, so that libFuzzer keeps the input as a crash.
inline void check(bool ok, const char *target, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "%s: invariant violated: %s\n", target, what);
        std::abort();
    }
}

inline QByteArrayView bytes(const uint8_t *data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// Splits @p input at its first NUL byte or, when it has none, at its first newline: the two
/// texts on either side (the second is empty when there is neither).
inline std::pair<QByteArray, QByteArray> splitInput(QByteArrayView input)
{
    qsizetype at = input.indexOf('\0');
    if (at < 0)
        at = input.indexOf('\n');
    if (at < 0)
        return {input.toByteArray(), QByteArray()};
    return {input.first(at).toByteArray(), input.sliced(at + 1).toByteArray()};
}

/// Any JSON value, scalars included (QJsonDocument reads only arrays and objects, so the text
/// is wrapped in [ ]); undefined when @p json is not exactly one JSON value.
inline QJsonValue parseJsonValue(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson('[' + json + ']', &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return document.array().at(0);
}

} // namespace versus::fuzz

// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chattypes.h"

#include <QCryptographicHash>

#include <array>
#include <utility>

namespace versus {

QString ImageInput::sha256() const
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString roleName(Role role)
{
    switch (role) {
    case Role::System:
        return QStringLiteral("system");
    case Role::User:
        return QStringLiteral("user");
    case Role::Assistant:
        return QStringLiteral("assistant");
    case Role::Tool:
        return QStringLiteral("tool");
    }
    return QStringLiteral("user");
}

void mergeServerToolCall(QList<ServerToolCall> &calls, const ServerToolCall &update)
{
    for (ServerToolCall &call : calls) {
        if (call.id != update.id)
            continue;
        const auto take = [](QString &into, const QString &from) {
            if (!from.isEmpty())
                into = from;
        };
        take(call.name, update.name);
        take(call.arguments, update.arguments);
        take(call.output, update.output);
        take(call.error, update.error);
        call.finished = call.finished || update.finished;
        call.failed = call.failed || update.failed;
        return;
    }
    calls.append(update);
}

namespace {
constexpr std::array<std::pair<ErrorKind, const char16_t *>, 12> kErrorKindNames{{
    {ErrorKind::Auth, u"auth"},
    {ErrorKind::RateLimit, u"rate_limit"},
    {ErrorKind::NotFound, u"not_found"},
    {ErrorKind::BadRequest, u"bad_request"},
    {ErrorKind::Quota, u"quota"},
    {ErrorKind::Server, u"server"},
    {ErrorKind::Network, u"network"},
    {ErrorKind::Timeout, u"timeout"},
    {ErrorKind::Tls, u"tls"},
    {ErrorKind::Stream, u"stream"},
    {ErrorKind::Config, u"config"},
    {ErrorKind::Cancelled, u"cancelled"},
}};
} // namespace

QString errorKindName(ErrorKind kind)
{
    for (const auto &[k, name] : kErrorKindNames) {
        if (k == kind)
            return QString::fromUtf16(name);
    }
    return QStringLiteral("network");
}

std::optional<ErrorKind> errorKindFromName(const QString &name)
{
    for (const auto &[k, n] : kErrorKindNames) {
        if (name == QString::fromUtf16(n))
            return k;
    }
    return std::nullopt;
}

QString resultStatusName(ResultStatus status)
{
    switch (status) {
    case ResultStatus::Ok:
        return QStringLiteral("ok");
    case ResultStatus::Error:
        return QStringLiteral("error");
    case ResultStatus::Cancelled:
        return QStringLiteral("cancelled");
    case ResultStatus::Truncated:
        return QStringLiteral("truncated");
    }
    return QStringLiteral("error");
}

} // namespace versus

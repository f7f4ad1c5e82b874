// SPDX-License-Identifier: GPL-3.0-or-later
#include "wording/erroradvice.h"

#include <QCoreApplication>
#include <QLocale>

namespace versus {

namespace {
} // namespace

QString errorTitle(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Auth:
        return QCoreApplication::translate("versus::ErrorAdvice", "Authentication failed");
    case ErrorKind::RateLimit:
        return QCoreApplication::translate("versus::ErrorAdvice", "Rate limited");
    case ErrorKind::NotFound:
        return QCoreApplication::translate("versus::ErrorAdvice", "Not found");
    case ErrorKind::BadRequest:
        return QCoreApplication::translate("versus::ErrorAdvice", "Request rejected");
    case ErrorKind::Quota:
        return QCoreApplication::translate("versus::ErrorAdvice", "Out of credit");
    case ErrorKind::Server:
        return QCoreApplication::translate("versus::ErrorAdvice", "Provider error");
    case ErrorKind::Network:
        return QCoreApplication::translate("versus::ErrorAdvice", "Connection failed");
    case ErrorKind::Timeout:
        return QCoreApplication::translate("versus::ErrorAdvice", "Timed out");
    case ErrorKind::Tls:
        return QCoreApplication::translate("versus::ErrorAdvice", "Secure connection failed");
    case ErrorKind::Stream:
        return QCoreApplication::translate("versus::ErrorAdvice", "Broken answer");
    case ErrorKind::Config:
        return QCoreApplication::translate("versus::ErrorAdvice", "Cannot send");
    case ErrorKind::Cancelled:
        return QCoreApplication::translate("versus::ErrorAdvice", "Stopped");
    }
    return QString();
}

QString errorAdvice(const ChatError &error, const ProviderInfo &provider, AdviceFor audience)
{
    const bool app = audience == AdviceFor::App;
    switch (error.kind) {
    case ErrorKind::Auth:
        if (provider.keyEnvVar.isEmpty())
            return QCoreApplication::translate("versus::ErrorAdvice", "Check the key for %1.")
                .arg(provider.displayName);
        if (app)
            return QCoreApplication::translate(
                       "versus::ErrorAdvice",
                       "Check the key for %1: store a new one in Settings → Providers & Keys, or set %2.")
                .arg(provider.displayName, provider.keyEnvVar);
        return QCoreApplication::translate(
                   "versus::ErrorAdvice",
                   "Check the key for %1: store a new one with \"versus-cli keys set %2\" or set %3.")
            .arg(provider.displayName, provider.id, provider.keyEnvVar);
    case ErrorKind::RateLimit:
        if (error.retryAfterS)
            return QCoreApplication::translate("versus::ErrorAdvice",
                                               "Wait %1 s and try again, or use another model or tier.")
                .arg((app ? QLocale() : QLocale::c()).toString(*error.retryAfterS, 'f', 1));
        return QCoreApplication::translate("versus::ErrorAdvice",
                                           "Wait a moment and try again, or use another model or tier.");
    case ErrorKind::NotFound:
        if (app)
            return QCoreApplication::translate("versus::ErrorAdvice",
                                               "Check the model id; the model box lists what %1 offers.")
                .arg(provider.displayName);
        return QCoreApplication::translate("versus::ErrorAdvice",
                                           "Check the model id; \"versus-cli models %1\" lists what %2 offers now.")
            .arg(provider.id, provider.displayName);
    case ErrorKind::Quota:
        return QCoreApplication::translate("versus::ErrorAdvice",
                                           "Add credit or raise the spending limit in your %1 account.")
            .arg(provider.displayName);
    case ErrorKind::Server:
        return QCoreApplication::translate("versus::ErrorAdvice",
                                           "The problem is on %1's side; try again later or use another provider.")
            .arg(provider.displayName);
    case ErrorKind::Timeout:
        return app ? QCoreApplication::translate("versus::ErrorAdvice", "Try again; a busy provider may answer later.")
                   : QCoreApplication::translate("versus::ErrorAdvice",
                                                 "Try again, or allow more time with --timeout.");
    case ErrorKind::Stream:
        return QCoreApplication::translate("versus::ErrorAdvice", "The partial answer is kept; try again.");
    case ErrorKind::BadRequest:
        return QCoreApplication::translate(
            "versus::ErrorAdvice", "Check the parameters (max tokens, tools, schema) against what this model accepts.");
    case ErrorKind::Network:
        if (provider.local)
            return QString(); // the message already says the server is not running
        return app ? QCoreApplication::translate(
                         "versus::ErrorAdvice",
                         "Check your connection, proxy and the provider's address, then try again.")
                   : QCoreApplication::translate(
                         "versus::ErrorAdvice",
                         "Check your connection, proxy and the provider's address (--base-url), then try again.");
    case ErrorKind::Tls:
    case ErrorKind::Config:
    case ErrorKind::Cancelled:
        return QString();
    }
    return QString();
}

} // namespace versus

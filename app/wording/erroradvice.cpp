// SPDX-License-Identifier: GPL-3.0-or-later
#include "wording/erroradvice.h"

#include <QCoreApplication>

namespace versus {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("versus::ErrorAdvice", text);
}
} // namespace

QString errorTitle(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Auth:
        return tr("Authentication failed");
    case ErrorKind::RateLimit:
        return tr("Rate limited");
    case ErrorKind::NotFound:
        return tr("Not found");
    case ErrorKind::BadRequest:
        return tr("Request rejected");
    case ErrorKind::Quota:
        return tr("Out of credit");
    case ErrorKind::Server:
        return tr("Provider error");
    case ErrorKind::Network:
        return tr("Connection failed");
    case ErrorKind::Timeout:
        return tr("Timed out");
    case ErrorKind::Tls:
        return tr("Secure connection failed");
    case ErrorKind::Stream:
        return tr("Broken answer");
    case ErrorKind::Config:
        return tr("Cannot send");
    case ErrorKind::Cancelled:
        return tr("Stopped");
    }
    return QString();
}

QString errorAdvice(const ChatError &error, const ProviderInfo &provider, AdviceFor audience)
{
    const bool app = audience == AdviceFor::App;
    switch (error.kind) {
    case ErrorKind::Auth:
        if (provider.keyEnvVar.isEmpty())
            return tr("Check the key for %1.").arg(provider.displayName);
        if (app)
            return tr("Check the key for %1: store a new one in Settings → Providers & Keys, or set %2.")
                .arg(provider.displayName, provider.keyEnvVar);
        return tr("Check the key for %1: store a new one with \"versus-cli keys set %2\" or set %3.")
            .arg(provider.displayName, provider.id, provider.keyEnvVar);
    case ErrorKind::RateLimit:
        if (error.retryAfterS)
            return tr("Wait %1 s and try again, or use another model or tier.").arg(*error.retryAfterS, 0, 'f', 1);
        return tr("Wait a moment and try again, or use another model or tier.");
    case ErrorKind::NotFound:
        if (app)
            return tr("Check the model id; the model box lists what %1 offers.").arg(provider.displayName);
        return tr("Check the model id; \"versus-cli models %1\" lists what %2 offers now.")
            .arg(provider.id, provider.displayName);
    case ErrorKind::Quota:
        return tr("Add credit or raise the spending limit in your %1 account.").arg(provider.displayName);
    case ErrorKind::Server:
        return tr("The problem is on %1's side; try again later or use another provider.").arg(provider.displayName);
    case ErrorKind::Timeout:
        return app ? tr("Try again; a busy provider may answer later.")
                   : tr("Try again, or allow more time with --timeout.");
    case ErrorKind::Stream:
        return tr("The partial answer is kept; try again.");
    case ErrorKind::BadRequest:
        return tr("Check the parameters (max tokens, tools, schema) against what this model accepts.");
    case ErrorKind::Network:
        if (provider.local)
            return QString(); // the message already says the server is not running
        return app ? tr("Check your connection, proxy and the provider's address, then try again.")
                   : tr("Check your connection, proxy and the provider's address (--base-url), then try again.");
    case ErrorKind::Tls:
    case ErrorKind::Config:
    case ErrorKind::Cancelled:
        return QString();
    }
    return QString();
}

} // namespace versus

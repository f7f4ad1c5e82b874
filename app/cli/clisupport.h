// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "command.h"
#include "pricing/pricecatalog.h"
#include "providers/providerregistry.h"
#include "secrets/apikey.h"
#include "secrets/keyedprovider.h"
#include "secrets/keyresult.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <expected>
#include <memory>

namespace versus::cli {

/// Writes one JSON document followed by a newline.
void writeJson(QTextStream &out, const QJsonDocument &document);

/// The provider catalog, with the user's catalog problems printed to stderr once.
std::unique_ptr<ProviderRegistry> loadRegistry(CommandContext &context);

/// Parses @p context.arguments with @p parser. On --help prints help to stdout and returns
/// ExitOk; on an error prints it with the usage line and returns ExitUsage; std::nullopt
/// when the command should go on.
std::optional<int> parseArguments(CommandContext &context, QCommandLineParser &parser, const QString &usage);

/// The request options shared by chat, compare and bench (ARCHITECTURE.md "opts").
void addRequestOptions(QCommandLineParser &parser);
/// Reads the request options into @p config; an error text for a bad value.
std::expected<void, QString> readRequestOptions(const QCommandLineParser &parser, ProviderConfig &config);

/// --timeout SECONDS in milliseconds, @p fallbackMs when not given; an error text for a bad value.
std::expected<int, QString> readTimeoutMs(const QCommandLineParser &parser, int fallbackMs);
/// --base-url URL, an empty URL when not given; an error text for a bad value.
std::expected<QUrl, QString> readBaseUrl(const QCommandLineParser &parser);
/// The provider @p id, or a usage error text that lists the known ids.
std::expected<const Provider *, QString> findProvider(const ProviderRegistry &registry, const QString &id);
/// Checks every target before a run: its provider must exist (the error says which ones do);
/// a model without a catalog entry, or without a known price, is warned about on @p err.
std::expected<void, QString> checkTargets(const ProviderRegistry &registry, const PriceCatalog &prices,
                                          const QList<Target> &targets, QTextStream &err);

/// The prompt: the positional arguments joined by spaces, or standard input for "-".
std::expected<QString, QString> readPrompt(CommandContext &context, const QStringList &positional);

/// A key from the environment variable of @p provider, when it is set.
std::optional<ApiKey> keyFromEnvironment(const ProviderInfo &provider);

/// The key for a request to @p provider: its environment variable, else the OS keychain
/// (asked only when the provider needs a key). @p done runs once, from the event loop, while
/// @p context lives; a failed keychain (locked, no service, ...) comes back as that status.
void resolveKey(const ProviderInfo &provider, QObject *context, std::function<void(KeyResult)> done);

/// The catalog's providers that take a key, for the key store and `keys` commands.
QList<KeyedProvider> keyedProviders(const ProviderRegistry &registry);
KeyedProvider keyedProvider(const ProviderInfo &provider);

} // namespace versus::cli

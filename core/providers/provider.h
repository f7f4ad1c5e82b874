// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "net/httpcall.h"
#include "net/peer.h"
#include "providers/providerinfo.h"
#include "providers/streamdecoder.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrl>

#include <expected>
#include <memory>

namespace versus {

/// A chat provider: its catalog entry plus the dialect that speaks its wire format.
/// A new OpenAI-compatible service needs only a catalog entry; a new wire format needs a
/// new Provider subclass (see OpenAiProvider, SynesiaProvider).
class Provider {
public:
    explicit Provider(ProviderInfo info)
        : m_info(std::move(info))
    {
    }
    virtual ~Provider() = default;
    Provider(const Provider &) = delete;
    Provider &operator=(const Provider &) = delete;

    const ProviderInfo &info() const { return m_info; }
    QString id() const { return m_info.id; }
    /// Who the transport talks to, for the wording of network errors.
    net::Peer peer() const { return {m_info.displayName, m_info.local}; }

    /// Every problem with @p request, in words a user understands; empty when it can be sent.
    /// Checks the capability matrix (provider-wide, then the model's when it is known),
    /// the parameter ranges and the server-side tools the catalog lists for the model.
    virtual QStringList validate(const ChatRequest &request) const;

    /// Builds the HTTP call for a streamed chat completion against @p baseUrl.
    virtual HttpCall buildChatCall(const ChatRequest &request, const QUrl &baseUrl) const = 0;
    virtual std::unique_ptr<StreamDecoder> createDecoder() const = 0;

    /// Maps an HTTP error response to a typed error with the provider's own message.
    virtual ChatError errorFromHttp(int status, const QByteArray &body, const RawHeaders &headers) const;

    /// GET request for the live model list; std::nullopt when the provider has no endpoint.
    virtual std::optional<HttpCall> buildModelsCall(const QUrl &baseUrl) const;
    /// The call for the list's next page after the page @p body, or std::nullopt when it was the
    /// last (the default: one page). ModelListJob follows it and joins the pages.
    virtual std::optional<HttpCall> nextModelsCall(const QUrl &baseUrl, const QByteArray &body) const;
    /// Parses a model list body; an error string when the body is not a model list.
    virtual std::expected<QList<ModelInfo>, QString> parseModels(const QByteArray &body) const;

protected:
    static QUrl joinUrl(const QUrl &base, const QString &path);
    /// @p baseUrl without a trailing "/v1": for APIs whose documented paths start with /v1
    /// (Anthropic, Synesia), so a base URL given with or without it works.
    static QUrl withoutV1(const QUrl &baseUrl);

private:
    /// Server tools the catalog does not list for the model (validate(), once the capability allows them).
    QStringList serverToolProblems(const ProviderConfig &config, const ModelInfo *model) const;
    ProviderInfo m_info;
};

/// Capabilities a request needs, derived from its config.
QList<Capability> requiredCapabilities(const ChatRequest &request);

} // namespace versus

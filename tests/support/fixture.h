// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptedresponse.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace versus::test {

/// A recorded-shape provider response and what a decoder must make of it.
///
/// Files: tests/fixtures/<provider>/<case>.http is a raw HTTP response (status line,
/// headers, blank line, body exactly as the provider streams it; LF in the file, the
/// head is sent with CRLF). Beside it, <case>.expected.json:
/// ```
/// {"status": "ok|error|truncated",
///  "text": "...", "reasoning": "...",                       // "" when none
///  "tool_calls": [{"id", "name", "arguments"}],             // [] when none
///  "server_tools": [{"id", "name", "arguments", "output",    // optional: tools the provider
///                    "finished", "failed", "error"}],        // ran itself (serverToolsToJson)
///  "finish_reason": "stop|length|tool_calls|..." | null,    // normalized ("eos" → "stop")
///  "usage": {"prompt_tokens", "completion_tokens", "reasoning_tokens",
///            "cached_prompt_tokens"} | null,                // null members: not reported
///  "server": {"queue_ms", "prompt_ms", "completion_ms"} | null,  // provider-reported timing
///  "rate_limit": {"limit_requests", "limit_tokens", "remaining_requests",
///                 "remaining_tokens", "reset_requests_s", "reset_tokens_s"} | null,
///  "error": {"kind", "http_status", "message_contains", "retry_after_s"?} | null}
/// ```
/// Members whose name starts with `_` are notes (provenance, what is inferred); ignore them.
/// Times are floats converted from the provider's seconds; compare them with a tolerance.
/// `error.http_status` is the status of the HTTP response (200 for an error inside a
/// stream); `error.kind` uses the lane-result names (auth, rate_limit, not_found, …).
struct Fixture {
    QString provider;
    QString name;
    ScriptedResponse response; ///< the .http file, body as one write
    QJsonObject expected;      ///< the .expected.json document
    QString error;             ///< why loading failed; empty when loaded

    bool isValid() const { return error.isEmpty(); }
    /// The body bytes exactly as a client receives them.
    QByteArray body() const { return response.body(); }
};

/// tests/fixtures in the source tree.
QString fixturesDir();
/// Providers that have fixtures (sub-folders of fixturesDir()), sorted.
QStringList fixtureProviders();
/// Case names of @p provider (file names without .http), sorted.
QStringList fixtureNames(const QString &provider);

/// Loads tests/fixtures/@p provider/@p name.http and its .expected.json. Check isValid().
Fixture loadFixture(const QString &provider, const QString &name,
                    ScriptedResponse::BodyLineEndings endings = ScriptedResponse::BodyLineEndings::AsIs);
/// Loads a fixture from an explicit .http path (expected JSON beside it, same base name).
Fixture loadFixtureFile(const QString &httpPath,
                        ScriptedResponse::BodyLineEndings endings = ScriptedResponse::BodyLineEndings::AsIs);

} // namespace versus::test

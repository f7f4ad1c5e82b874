// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <expected>

namespace versus::tools {

/// What answers a call of a tool: the user (Ask, the default), a built-in tool, or a fixed
/// mock result.
struct ToolResultSpec {
    enum class Kind { Ask, Builtin, Mock, Mcp };
    Kind kind = Kind::Ask;
    QString builtin;       ///< Kind::Builtin: "calculator" | "current_time"
    QJsonValue mock;       ///< Kind::Mock: the JSON given, filled by fillMockTemplate()
    QString server;        ///< Kind::Mcp: the MCP server that runs it
    QString remoteName;    ///< Kind::Mcp: its name on that server (the exposed name may carry a prefix)
    bool approved = false; ///< Kind::Mcp: "always allow": called without asking each time
    friend bool operator==(const ToolResultSpec &, const ToolResultSpec &) = default;
};

struct ToolDefinition {
    QString name;
    QString description;    ///< may be empty
    QJsonObject parameters; ///< JSON schema of the arguments; may be empty
    QJsonObject wire;       ///< the OpenAI-style tool object as sent, WITHOUT the "result" member
    ToolResultSpec result;
    friend bool operator==(const ToolDefinition &, const ToolDefinition &) = default;
};

/// The tools file (ARCHITECTURE.md, "Tools file"): a JSON array of OpenAI-style tool
/// objects, {"type": "function", "function": {"name", "description", "parameters"}}, each
/// with an optional Versus member "result": {"builtin": "calculator" | "current_time"},
/// {"mock": <JSON>} or {"ask": true} (the default). A bare function object {"name",
/// "description", "parameters", "result"} is accepted in the array too, for definitions
/// pasted from elsewhere; it is sent in the wrapped form.
class ToolSet {
public:
    /// Reads the tools file format. Errors name the tool ("tool 2 (\"get_weather\"): ...",
    /// or "tool 2: ..." when it has no name) and the problem; a text that is not JSON is
    /// reported with the line and column of the parse error. A built-in tool that declares
    /// no parameters (or no description) gets the built-in's own.
    static std::expected<ToolSet, QString> fromJson(const QByteArray &json);
    /// fromJson() of a file; every error names the file, one that cannot be read gives
    /// the system's reason.
    static std::expected<ToolSet, QString> fromFile(const QString &path);
    /// The ready-made definition of a built-in ("calculator" or "current_time"), named
    /// after it, with a description and a parameters schema; an empty definition (no name)
    /// for any other name.
    static ToolDefinition builtinDefinition(const QString &builtin);

    /// The same format back, indented, for the app's tool editor: each tool's wire object
    /// with its "result" (left out for Ask, the default). MCP tools are left out: they come
    /// from their servers. fromJson(toJson()) gives an equal set when there are none.
    QByteArray toJson() const;
    /// What goes into ProviderConfig::tools: the wire objects, without "result".
    QJsonArray wireTools() const;
    /// Adds a tool (one an MCP server offers); false when the name is taken.
    bool add(const ToolDefinition &tool);
    /// The tool of that name, or nullptr.
    const ToolDefinition *find(const QString &name) const;

    const QList<ToolDefinition> &tools() const { return m_tools; }
    bool isEmpty() const { return m_tools.isEmpty(); }
    /// True when a call of some tool needs the user: an Ask tool, or an MCP tool to approve.
    bool needsUser() const;

private:
    QList<ToolDefinition> m_tools;
};

/// Fills a mock result: every string value (recursively, keys untouched) has {{argument}}
/// replaced by the call's argument of that name (a string argument inserted as is, other
/// JSON values as compact JSON); a string that is exactly "{{x}}" becomes the argument's
/// JSON value itself, keeping its type. An unknown {{name}} stays as written; spaces
/// inside the braces are allowed ("{{ city }}"). Returns compact JSON text (a string mock
/// gives a JSON string literal).
QByteArray fillMockTemplate(const QJsonValue &mock, const QJsonObject &arguments);

} // namespace versus::tools

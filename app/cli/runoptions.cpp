// SPDX-License-Identifier: GPL-3.0-or-later
// The options chat and compare share (declared in comparisonrun.h): what they are and how
// they are read and checked before anything is sent.
#include "chat/imagefiles.h"
#include "clisupport.h"
#include "comparisonrun.h"

namespace versus::cli {

void addRunOptions(QCommandLineParser &parser)
{
    parser.addOption({{QStringLiteral("t"), QStringLiteral("target")},
                      QStringLiteral("Provider and model, e.g. groq:openai/gpt-oss-120b."),
                      QStringLiteral("PROVIDER:MODEL")});
    addRequestOptions(parser);
    parser.addOption({QStringLiteral("mcp-config"),
                      QStringLiteral("MCP servers ({\"mcpServers\": ...}) whose tools join every lane's."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("allow-tool"),
                      QStringLiteral("Let the model call this MCP tool (repeatable); the CLI cannot ask."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("allow-all-tools"), QStringLiteral("Let the model call every MCP tool.")});
    parser.addOption({QStringLiteral("image"),
                      QStringLiteral("Attach an image to the prompt (PNG, JPEG, WebP or GIF; repeatable). A lane "
                                     "whose model cannot see images is skipped."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("no-history"),
                      QStringLiteral("Do not save this run in the history (the app's conversations).")});
    parser.addPositionalArgument(QStringLiteral("prompt"), QStringLiteral("The prompt, or - to read standard input."));
}

std::expected<RunOptions, QString> readRunOptions(CommandContext &context, const QCommandLineParser &parser)
{
    RunOptions options;
    for (const QString &text : parser.values(QStringLiteral("target"))) {
        const auto target = Target::parse(text);
        if (!target)
            return std::unexpected(QStringLiteral("\"%1\" is not PROVIDER:MODEL").arg(text));
        options.targets << *target;
    }
    if (auto ok = readRequestOptions(parser, options.parameters); !ok)
        return std::unexpected(ok.error());
    if (parser.isSet(QStringLiteral("tools"))) {
        auto tools = tools::ToolSet::fromFile(parser.value(QStringLiteral("tools")));
        if (!tools)
            return std::unexpected(tools.error());
        for (const tools::ToolDefinition &tool : tools->tools()) {
            if (tool.result.kind == tools::ToolResultSpec::Kind::Ask)
                return std::unexpected(
                    QStringLiteral("the tool \"%1\" asks for your answer (no \"result\" member, or {\"ask\": true}), "
                                   "which only the app can do; give it {\"mock\": ...} or {\"builtin\": ...} "
                                   "in the tools file")
                        .arg(tool.name));
        }
        options.tools = *tools;
    }
    if (const QJsonValue choice = options.parameters.toolChoice;
        !choice.isUndefined() && !choice.isNull() && options.tools.isEmpty()) {
        // Providers refuse a tool choice without tools (HTTP 400): say so before sending.
        return std::unexpected(QStringLiteral("--tool-choice needs --tools"));
    } else if (choice.isObject()) {
        const QString name = choice[u"function"][u"name"].toString();
        if (!options.tools.find(name))
            return std::unexpected(QStringLiteral("--tool-choice %1 names no tool of --tools").arg(name));
    }
    options.mcpConfig = parser.value(QStringLiteral("mcp-config"));
    options.allowAllTools = parser.isSet(QStringLiteral("allow-all-tools"));
    options.allowTools = parser.values(QStringLiteral("allow-tool"));
    if ((options.allowAllTools || !options.allowTools.isEmpty()) && options.mcpConfig.isEmpty())
        return std::unexpected(QStringLiteral("--allow-tool and --allow-all-tools need --mcp-config"));
    if (parser.isSet(QStringLiteral("max-tool-rounds"))) {
        bool ok = false;
        const int rounds = parser.value(QStringLiteral("max-tool-rounds")).toInt(&ok);
        if (!ok || rounds < 1 || rounds > 100)
            return std::unexpected(QStringLiteral("--max-tool-rounds needs a whole number from 1 to 100"));
        options.maxToolRounds = rounds;
    }
    const auto timeoutMs = readTimeoutMs(parser, 0);
    if (!timeoutMs)
        return std::unexpected(timeoutMs.error());
    if (parser.isSet(QStringLiteral("timeout")))
        options.timeoutMs = *timeoutMs;
    const auto baseUrl = readBaseUrl(parser);
    if (!baseUrl)
        return std::unexpected(baseUrl.error());
    options.baseUrl = *baseUrl;
    for (const QString &path : parser.values(QStringLiteral("image"))) {
        auto image = imageFromFile(path);
        if (!image)
            return std::unexpected(QStringLiteral("--image %1: %2").arg(path, image.error()));
        options.images << *image;
    }
    options.json = parser.isSet(QStringLiteral("json"));
    options.saveHistory = !parser.isSet(QStringLiteral("no-history"));
    auto prompt = readPrompt(context, parser.positionalArguments());
    if (!prompt)
        return std::unexpected(prompt.error());
    options.prompt = *prompt;
    return options;
}

} // namespace versus::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/chatstream.h"
#include "providers/providerregistry.h"
#include "tools/toolset.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <expected>
#include <optional>

namespace versus::bench {

/// A named list of prompts. The built-in sets (builtinPromptSets()) are "short" (short
/// answers), "long" (long answers), "reasoning" and "tools" (each prompt invites one call of a
/// built-in tool, whose definition the set carries in tools).
struct PromptSet {
    QString name;         ///< "short", "long", "reasoning", "tools"; a file's name (not its path) for a file
    QStringList prompts;  ///< never empty
    tools::ToolSet tools; ///< the tools the prompts need (the "tools" set); empty otherwise
};

/// The built-in sets, in the order above.
QList<PromptSet> builtinPromptSets();
/// The built-in set called @p name, or nothing.
std::optional<PromptSet> builtinPromptSet(const QString &name);
/// A prompt file: a JSON array of strings ("[" then a string or "]"), or else one prompt per non-empty line (a line's
/// trailing whitespace trimmed). An error text naming the file (unreadable, an empty list, a
/// JSON array holding something other than non-empty strings).
std::expected<PromptSet, QString> readPromptFile(const QString &path);

/// What one benchmark runs: every target × prompt × run, at most `concurrency` requests of a
/// target in flight at once (targets run side by side), after `warmup` unmeasured requests per
/// target (the first prompt; not in the samples, not in the summary, not stored).
struct BenchSpec {
    QList<Target> targets;
    PromptSet prompts;
    int runs = 5;              ///< per target and prompt, ≥ 1
    int concurrency = 1;       ///< per target, ≥ 1
    int warmup = 0;            ///< per target, ≥ 0
    ProviderConfig parameters; ///< sent with every request (max tokens, temperature…); model set per target
    QUrl baseUrl;              ///< override for every target; empty = the provider's
    QString title;             ///< shown in lists; empty = made from the targets and prompts
    /// Store the benchmark and its runs in the history (when the engine has one).
    bool saveHistory = true;
};

} // namespace versus::bench

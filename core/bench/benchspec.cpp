// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/benchspec.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace versus::bench {

QList<PromptSet> builtinPromptSets()
{
    // Prompts chosen so that answers have a predictable size: the short set's answers are a
    // few words (TTFT dominates), the long set's several hundred tokens (decode speed
    // dominates), the reasoning set makes thinking models think, and each prompt of the tools
    // set invites one call of a built-in tool.
    PromptSet shortSet{u"short"_s,
                       {u"What is the capital of Australia? Answer with one word."_s,
                        u"Name the chemical symbol for gold. Answer with the symbol only."_s,
                        u"How many legs does a spider have? Answer with a number only."_s,
                        u"Translate \"good morning\" into French. Give only the translation."_s},
                       {}};
    PromptSet longSet{u"long"_s,
                      {u"Explain in about 400 words how a refrigerator moves heat from inside to outside, "
                       u"covering the compressor, condenser, expansion valve and evaporator."_s,
                       u"Write a 400-word short story about a lighthouse keeper who finds a message in a bottle."_s,
                       u"Describe in about 400 words the main differences between TCP and UDP, with one example "
                       u"application for each."_s,
                       u"Write a detailed recipe for a vegetable lasagna for six people: ingredients with "
                       u"quantities, then numbered steps."_s},
                      {}};
    PromptSet reasoningSet{u"reasoning"_s,
                           {u"A bat and a ball cost $1.10 in total. The bat costs $1.00 more than the ball. How much "
                            u"does the ball cost? Think it through, then give the answer."_s,
                            u"If it takes 5 machines 5 minutes to make 5 widgets, how long would it take 100 machines "
                            u"to make 100 widgets? Explain your reasoning briefly."_s,
                            u"Three friends split a bill of $87 so that Ann pays twice what Ben pays and Cy pays $12 "
                            u"more than Ben. How much does each pay? Show the steps."_s,
                            u"Which is larger: 2^100 or 10^30? Justify without a calculator."_s},
                           {}};
    tools::ToolSet tools;
    tools.add(tools::ToolSet::builtinDefinition(u"calculator"_s));
    tools.add(tools::ToolSet::builtinDefinition(u"current_time"_s));
    PromptSet toolSet{u"tools"_s,
                      {u"Use the calculator tool to compute 1234 * 5678, then state the result."_s,
                       u"What time is it now in Tokyo? Use the current_time tool."_s,
                       u"Use the calculator to work out (17.5 + 2.5) / 4 and tell me the answer."_s},
                      tools};
    return {shortSet, longSet, reasoningSet, toolSet};
}

std::optional<PromptSet> builtinPromptSet(const QString &name)
{
    for (const PromptSet &set : builtinPromptSets()) {
        if (set.name == name)
            return set;
    }
    return std::nullopt;
}

std::expected<PromptSet, QString> readPromptFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(QCoreApplication::translate("versus::bench", "cannot read the prompt file %1: %2")
                                   .arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    PromptSet set;
    // The file's name, not its path: the name is stored in the history and written in exports,
    // where a path would tell where the user keeps their files.
    set.name = QFileInfo(path).fileName();
    const QByteArray trimmed = bytes.trimmed();
    // A JSON list opens with '[' and then a string, or ']' (an empty list); a first line such
    // as "[INST] …" or "[1] …" is a prompt, not broken JSON.
    const QByteArray afterBracket = trimmed.mid(1).trimmed();
    const bool jsonList = trimmed.startsWith('[') && (afterBracket.startsWith('"') || afterBracket.startsWith(']'));
    if (jsonList) {
        // A JSON list: every member must be a non-empty string.
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(trimmed, &error);
        if (error.error != QJsonParseError::NoError || !document.isArray())
            return std::unexpected(QCoreApplication::translate(
                                       "versus::bench", "the prompt file %1 starts like a JSON list but is not one: %2")
                                       .arg(path, error.error != QJsonParseError::NoError
                                                      ? error.errorString()
                                                      : QCoreApplication::translate("versus::bench", "not an array")));
        const QJsonArray list = document.array();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonValue value = list.at(i);
            if (!value.isString() || value.toString().trimmed().isEmpty())
                return std::unexpected(
                    QCoreApplication::translate(
                        "versus::bench", "the prompt file %1: item %2 of the JSON list is not a non-empty string")
                        .arg(path)
                        .arg(i + 1));
            set.prompts << value.toString();
        }
    } else {
        const QString text = QString::fromUtf8(bytes);
        for (QString line : text.split(u'\n')) {
            while (!line.isEmpty() && line.back().isSpace())
                line.chop(1);
            if (!line.trimmed().isEmpty())
                set.prompts << line;
        }
    }
    if (set.prompts.isEmpty())
        return std::unexpected(
            QCoreApplication::translate("versus::bench", "the prompt file %1 holds no prompt").arg(path));
    return set;
}

} // namespace versus::bench

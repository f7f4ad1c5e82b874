// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/responseaccumulator.h"

#include <algorithm>

namespace versus {

namespace {
// Later usage reports complete earlier ones field by field (DeepSeek and Together send
// usage once; Groq sends it twice, in x_groq and top level, with the same figures).
void mergeUsage(Usage &into, const Usage &from)
{
    auto take = [](std::optional<qint64> &a, const std::optional<qint64> &b) {
        if (b)
            a = b;
    };
    take(into.promptTokens, from.promptTokens);
    take(into.completionTokens, from.completionTokens);
    take(into.reasoningTokens, from.reasoningTokens);
    take(into.cachedPromptTokens, from.cachedPromptTokens);
    take(into.cacheWriteTokens, from.cacheWriteTokens);
    take(into.totalTokens, from.totalTokens);
    into.estimated = from.estimated;
}
} // namespace

void ResponseAccumulator::add(const ChatDelta &delta)
{
    if (delta.hasTokens())
        m_sawTokens = true;
    m_result.text += delta.text;
    m_result.reasoning += delta.reasoning;
    m_result.reasoningBlocks += delta.reasoningBlocks;
    for (const ToolCallFragment &fragment : delta.toolCalls) {
        auto it = std::find_if(m_result.toolCalls.begin(), m_result.toolCalls.end(),
                               [&](const ToolCall &call) { return call.index == fragment.index; });
        if (it == m_result.toolCalls.end()) {
            ToolCall call;
            call.index = fragment.index;
            // Keep calls ordered by index whatever order their first fragments arrive in.
            auto pos = std::upper_bound(m_result.toolCalls.begin(), m_result.toolCalls.end(), fragment.index,
                                        [](int index, const ToolCall &c) { return index < c.index; });
            it = m_result.toolCalls.insert(pos, call);
        }
        if (!fragment.id.isEmpty())
            it->id = fragment.id;
        if (!fragment.name.isEmpty() && it->name.isEmpty())
            it->name = fragment.name;
        it->arguments += fragment.argumentsDelta;
        if (!fragment.signature.isEmpty())
            it->signature = fragment.signature;
    }
    for (const ServerToolCall &tool : delta.serverTools)
        mergeServerToolCall(m_result.serverTools, tool);
    if (delta.usage)
        mergeUsage(m_result.usage, *delta.usage);
    if (delta.server)
        m_result.server = delta.server;
    if (delta.finishReason)
        m_result.finishReason = delta.finishReason;
    if (delta.providerCostUsd)
        m_result.providerCostUsd = delta.providerCostUsd;
    if (!delta.responseId.isEmpty() && m_result.responseId.isEmpty())
        m_result.responseId = delta.responseId;
    if (!delta.model.isEmpty())
        m_result.model = delta.model;
}

} // namespace versus

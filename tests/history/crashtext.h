// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// The text the crash writer streams for an answer: a deterministic function of the
/// answer's id, so the test can tell whether stored text is a prefix of what was streamed.
inline QString crashStreamText(qint64 answerId, qsizetype length)
{
    QString text;
    for (int word = 0; text.size() < length; ++word)
        text += QStringLiteral("a%1w%2 ").arg(answerId).arg(word);
    text.truncate(length);
    return text;
}

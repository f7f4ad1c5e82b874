// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagelinks.h"

#include "metrics/charcounts.h"
#include "richtext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextCursor>
#include <QUrl>

#include <algorithm>
#include <climits>
#include <cmath>

namespace versus::ui {

namespace {
} // namespace

QString messageLink(const QString &action, int turn, const QString &what)
{
    QUrl url;
    url.setScheme(QStringLiteral("versus"));
    url.setPath(action);
    url.setQuery(what.isEmpty() ? QStringLiteral("turn=%1").arg(turn)
                                : QStringLiteral("turn=%1&what=%2").arg(turn).arg(what));
    return url.toString();
}

int insertLinks(QTextCursor &cursor, const QList<MessageLink> &links, const QTextCharFormat &format)
{
    const int start = cursor.position();
    for (qsizetype i = 0; i < links.size(); ++i) {
        if (i > 0)
            cursor.insertText(QStringLiteral("   "), format);
        QTextCharFormat link = format;
        link.setAnchor(true);
        link.setAnchorHref(links.at(i).href);
        link.setToolTip(links.at(i).toolTip);
        link.setFontUnderline(true);
        cursor.insertText(links.at(i).text, link);
    }
    return start;
}

QString reasoningHeader(const LaneTurn &turn, bool expanded)
{
    const ChatResult &chat = turn.result.chat;
    const int words = wordCount(chat.reasoning);
    const QString count = QCoreApplication::translate("versus::ui::ConversationView", "%n word(s)", nullptr, words);
    QString header =
        expanded ? QCoreApplication::translate("versus::ui::ConversationView", "▾ Hide reasoning (%1)").arg(count)
                 : QCoreApplication::translate("versus::ui::ConversationView", "▸ Show reasoning (%1)").arg(count);
    if (const auto ms = turn.result.metrics.reasoningMs; ms && *ms >= 0)
        header += QCoreApplication::translate("versus::ui::ConversationView", " · %1 s")
                      .arg(QLocale().toString(*ms / 1000.0, 'f', *ms < 10000 ? 1 : 0));
    if (chat.usage.reasoningTokens && !chat.usage.estimated) {
        const int tokens = int(std::clamp<qint64>(*chat.usage.reasoningTokens, 0, INT_MAX));
        header += QCoreApplication::translate("versus::ui::ConversationView", " · %Ln token(s)", nullptr, tokens);
    } else {
        // Not reported: estimated from the text as the footer's figures are (docs/metrics.md).
        const qint64 tokens = chat.usage.reasoningTokens
                                  ? *chat.usage.reasoningTokens
                                  : qint64(std::llround(CharCounts::of(chat.reasoning).baseTokens()));
        const int shown = int(std::clamp<qint64>(tokens, 0, INT_MAX));
        header += QCoreApplication::translate("versus::ui::ConversationView", " · ~%Ln token(s)", nullptr, shown);
    }
    return header;
}

} // namespace versus::ui

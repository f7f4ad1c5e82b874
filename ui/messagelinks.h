// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/laneconversation.h"

#include <QList>
#include <QString>

class QTextCharFormat;
class QTextCursor;

// The small links a conversation shows with each message ("Copy", "Edit", "Regenerate") and
// the line above a folded reasoning, apart from the view that handles them.
namespace versus::ui {

/// A link of the view: the text shown, its "versus:" address and a tooltip.
struct MessageLink {
    QString text;
    QString href;
    QString toolTip;
};

/// "versus:<action>?turn=<turn>" (what=<what> when given).
QString messageLink(const QString &action, int turn, const QString &what = QString());

/// Inserts @p links at @p cursor, separated by spaces, in @p format (dimmed, underlined as
/// links). Returns the cursor's position before the first one.
int insertLinks(QTextCursor &cursor, const QList<MessageLink> &links, const QTextCharFormat &format);

/// What the line above a folded reasoning says: its length in words, how long the model
/// thought (the stream's timeline: first reasoning to first answer) and its tokens (reported,
/// else estimated and marked "~"), e.g. "▸ Show reasoning (42 words) · 3.1 s · ~56 tokens".
QString reasoningHeader(const LaneTurn &turn, bool expanded);

} // namespace versus::ui

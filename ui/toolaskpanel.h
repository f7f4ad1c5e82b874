// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/lanerun.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace versus::ui {

/// Under a lane's conversation while its tool loop waits for the user, the first call that
/// waits — the tool's name, its arguments as indented JSON — and either a box for the result
/// of an "ask" tool with "Send result" and "Send as error" (LaneRun::answerToolCall), or, for
/// an MCP tool that asks every time, "Allow" and "Deny" (LaneRun::approveToolCall). The next
/// waiting call follows; when none waits, the panel hides and the loop goes on. Widgets are
/// named toolAskTitle, toolAskArguments, toolResult, sendToolResult, sendToolError,
/// allowToolCall and denyToolCall.
class ToolAskPanel : public QFrame {
    Q_OBJECT
public:
    explicit ToolAskPanel(QWidget *parent = nullptr);

    /// Follows @p run (null: hidden).
    void setRun(LaneRun *run);
    /// The call shown, empty when none waits.
    QString callId() const { return m_callId; }

private:
    void refresh();
    void send(bool asError);
    void decide(bool allow);

    QPointer<LaneRun> m_run;
    QString m_callId;
    QLabel *m_title;
    QPlainTextEdit *m_arguments;
    QPlainTextEdit *m_result;
    QPushButton *m_send;
    QPushButton *m_sendError;
    QPushButton *m_allow;
    QPushButton *m_deny;
    QTimer *m_settle; ///< a new card's buttons wait a moment: a double click decides one call only
};

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "toolaskpanel.h"

#include "richtext.h"

#include <QApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace versus::ui {

ToolAskPanel::ToolAskPanel(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_arguments(new QPlainTextEdit(this))
    , m_result(new QPlainTextEdit(this))
    , m_send(new QPushButton(tr("Send result"), this))
    , m_sendError(new QPushButton(tr("Send as error"), this))
    , m_allow(new QPushButton(tr("Allow"), this))
    , m_deny(new QPushButton(tr("Deny"), this))
    , m_settle(new QTimer(this))
{
    // The next waiting call takes the place of the one just decided: its buttons wait a
    // moment, so that a second click meant for the first card cannot decide it.
    m_settle->setSingleShot(true);
    m_settle->setInterval(400);
    connect(m_settle, &QTimer::timeout, this, [this] {
        for (QPushButton *button : {m_send, m_sendError, m_allow, m_deny})
            button->setEnabled(true);
    });
    setObjectName(QStringLiteral("toolAsk"));
    setFrameShape(QFrame::StyledPanel);
    m_title->setObjectName(QStringLiteral("toolAskTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_arguments->setObjectName(QStringLiteral("toolAskArguments"));
    m_arguments->setReadOnly(true);
    m_arguments->setFont(mono);
    m_arguments->setMaximumHeight(80);
    m_result->setObjectName(QStringLiteral("toolResult"));
    m_result->setFont(mono);
    m_result->setMaximumHeight(64);
    m_result->setPlaceholderText(tr("The tool's result: JSON, or plain words"));
    m_send->setObjectName(QStringLiteral("sendToolResult"));
    m_send->setDefault(true);
    m_sendError->setObjectName(QStringLiteral("sendToolError"));
    m_sendError->setToolTip(tr("Tell the model the call failed, with the words in the box."));

    m_allow->setObjectName(QStringLiteral("allowToolCall"));
    m_allow->setToolTip(tr("Run this call on its MCP server. To allow a tool always, see Settings → MCP servers."));
    m_deny->setObjectName(QStringLiteral("denyToolCall"));
    m_deny->setToolTip(tr("Do not run it: the model reads that you refused."));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_sendError);
    buttons->addWidget(m_send);
    buttons->addWidget(m_deny);
    buttons->addWidget(m_allow);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_arguments);
    layout->addWidget(m_result);
    layout->addLayout(buttons);

    connect(m_send, &QPushButton::clicked, this, [this] { send(false); });
    connect(m_sendError, &QPushButton::clicked, this, [this] { send(true); });
    connect(m_allow, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_deny, &QPushButton::clicked, this, [this] { decide(false); });
    hide();
}

void ToolAskPanel::setRun(LaneRun *run)
{
    if (m_run)
        m_run->disconnect(this);
    m_run = run;
    if (run) {
        connect(run, &LaneRun::toolCallsPending, this, &ToolAskPanel::refresh);
        connect(run, &LaneRun::roundFinished, this, &ToolAskPanel::refresh);
        connect(run, &LaneRun::phaseChanged, this, &ToolAskPanel::refresh);
    }
    refresh();
}

void ToolAskPanel::refresh()
{
    const tools::ToolCallTrace *waiting = nullptr;
    if (m_run && m_run->phase() == LaneRun::Phase::AwaitingToolResults && !m_run->rounds().isEmpty()) {
        for (const tools::ToolCallTrace &trace : m_run->rounds().last().calls) {
            if (trace.source == tools::ResultSource::Pending && !trace.running &&
                (trace.server.isEmpty() || trace.approval == tools::Approval::Asked)) {
                waiting = &trace;
                break;
            }
        }
    }
    if (!waiting) {
        m_callId.clear();
        hide();
        return;
    }
    const bool newCall = waiting->call.id != m_callId;
    const bool approval = waiting->approval == tools::Approval::Asked;
    m_result->setVisible(!approval);
    m_send->setVisible(!approval);
    m_sendError->setVisible(!approval);
    m_allow->setVisible(approval);
    m_deny->setVisible(approval);
    if (newCall) {
        const bool replacing = !m_callId.isEmpty();
        m_callId = waiting->call.id;
        if (replacing) {
            for (QPushButton *button : {m_send, m_sendError, m_allow, m_deny})
                button->setEnabled(false);
            m_settle->start();
        }
        m_title->setText(
            approval
                ? tr("The model wants to run %1 on the MCP server %2 with:").arg(waiting->call.name, waiting->server)
                : tr("The model calls %1 and waits for its result:").arg(waiting->call.name));
        bool valid = false;
        m_arguments->setPlainText(prettyArguments(waiting->call.arguments, &valid));
        m_result->clear();
    }
    show();
    // Focus moves to the box only for a call just shown, never away from what you type.
    if (newCall && !approval &&
        (!QApplication::focusWidget() || !QApplication::focusWidget()->inherits("QPlainTextEdit")))
        m_result->setFocus();
}

void ToolAskPanel::decide(bool allow)
{
    if (!m_run || m_callId.isEmpty())
        return;
    m_run->approveToolCall(m_callId, allow);
    refresh();
}

void ToolAskPanel::send(bool asError)
{
    if (!m_run || m_callId.isEmpty())
        return;
    const QString text = m_result->toPlainText().trimmed();
    m_run->answerToolCall(m_callId, text, asError);
    // The run moves on (refresh() follows its signals); if it did not, show the next one.
    refresh();
}

} // namespace versus::ui

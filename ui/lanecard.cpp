// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanecard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace versus::ui {

LaneCard::LaneCard(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_advice(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_retry(new QPushButton(this))
    , m_dismiss(new QToolButton(this))
{
    setObjectName(QStringLiteral("laneCard"));
    m_title->setObjectName(QStringLiteral("cardTitle"));
    m_message->setObjectName(QStringLiteral("cardMessage"));
    m_advice->setObjectName(QStringLiteral("cardAdvice"));
    m_action->setObjectName(QStringLiteral("cardAction"));
    m_retry->setObjectName(QStringLiteral("cardRetry"));
    m_retry->hide();
    m_dismiss->setObjectName(QStringLiteral("cardDismiss"));

    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    // Provider messages are shown as text, never as rich text, and can be copied.
    for (QLabel *label : {m_title, m_message, m_advice}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    m_dismiss->setText(QStringLiteral("✕"));
    m_dismiss->setAutoRaise(true);
    m_dismiss->setToolTip(tr("Dismiss"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_dismiss, 0, Qt::AlignTop);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addWidget(m_action);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 8, 8);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_advice);
    layout->addLayout(buttons);

    connect(m_action, &QPushButton::clicked, this, &LaneCard::actionTriggered);
    connect(m_retry, &QPushButton::clicked, this, &LaneCard::retryTriggered);
    connect(m_dismiss, &QToolButton::clicked, this, &LaneCard::dismiss);
    hide();
}

void LaneCard::showCard(Kind kind, const QString &title, const QString &message, const QString &advice,
                        const QString &actionText)
{
    m_kind = kind;
    const QString accent = kind == Kind::Error ? QStringLiteral("#d0443e") : QStringLiteral("#d89b28");
    const QString tint =
        kind == Kind::Error ? QStringLiteral("rgba(208, 68, 62, 28)") : QStringLiteral("rgba(216, 155, 40, 30)");
    setStyleSheet(QStringLiteral("QFrame#laneCard { border: none; border-left: 4px solid %1; background: %2; "
                                 "border-radius: 3px; }")
                      .arg(accent, tint));
    m_title->setText(title);
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_advice->setText(advice);
    m_advice->setVisible(!advice.isEmpty());
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    m_retry->hide();
    show();
}

void LaneCard::setRetryText(const QString &text, const QString &toolTip)
{
    m_retry->setText(text);
    m_retry->setToolTip(toolTip);
    m_retry->setVisible(!text.isEmpty());
}

void LaneCard::dismiss()
{
    hide();
}

QString LaneCard::title() const
{
    return m_title->text();
}

QString LaneCard::message() const
{
    return m_message->text();
}

QString LaneCard::advice() const
{
    return m_advice->text();
}

} // namespace versus::ui

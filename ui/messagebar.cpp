// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebar.h"

#include "richtext.h"
#include "theme.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace versus::ui {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // A warning's amber, toned to the theme: a pale yellow on light windows, a dim amber on dark.
    followPalette(this, [this] {
        const QPalette app = QApplication::palette();
        const bool dark = isDark(app);
        QPalette warning = palette();
        warning.setColor(QPalette::Window,
                         mix(app.color(QPalette::Window), QColor(0xf2, 0xb9, 0x2c), dark ? 0.22 : 0.28));
        warning.setColor(QPalette::WindowText, app.color(QPalette::WindowText));
        setPalette(warning);
    });
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setObjectName(QStringLiteral("messageAction"));
    auto *dismiss = new QToolButton(this);
    dismiss->setObjectName(QStringLiteral("messageDismiss"));
    dismiss->setText(QStringLiteral("✕"));
    dismiss->setAutoRaise(true);
    dismiss->setToolTip(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    layout->addWidget(dismiss);
    hide();
    connect(dismiss, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });
    connect(m_action, &QPushButton::clicked, this, &MessageBar::actionTriggered);
}

void MessageBar::showMessage(const QString &text, const QString &actionText)
{
    m_text->setText(text);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    show();
}

} // namespace versus::ui

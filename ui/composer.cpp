// SPDX-License-Identifier: GPL-3.0-or-later
#include "composer.h"

#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace versus::ui {

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_estimate(new QLabel(this))
{
    setObjectName(QStringLiteral("composer"));
    m_editor->setObjectName(QStringLiteral("composerEditor"));
    m_editor->setPlaceholderText(tr("Ask every lane the same thing… (Ctrl+Enter sends, Esc stops)"));
    m_editor->setTabChangesFocus(true);
    const int lines = 4;
    m_editor->setFixedHeight(m_editor->fontMetrics().lineSpacing() * lines + 2 * m_editor->frameWidth() + 12);

    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setToolTip(tr("Send to every lane (Ctrl+Enter)"));
    m_send->setDefault(true);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setToolTip(tr("Stop every lane (Esc); partial answers stay"));
    m_estimate->setObjectName(QStringLiteral("estimate"));
    m_estimate->setTextFormat(Qt::PlainText);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setHorizontalSpacing(8);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_editor, 0, 0, 3, 1);
    layout->addWidget(m_send, 0, 1);
    layout->addWidget(m_stop, 1, 1);
    layout->addWidget(m_estimate, 3, 0, 1, 2);
    layout->setColumnStretch(0, 1);
    layout->setRowStretch(2, 1);

    connect(m_send, &QPushButton::clicked, this, &Composer::sendRequested);
    connect(m_stop, &QPushButton::clicked, this, &Composer::stopRequested);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        updateButtons();
        Q_EMIT textChanged();
    });
    updateButtons();
}

QString Composer::text() const
{
    return m_editor->toPlainText();
}

void Composer::clear()
{
    m_editor->clear();
}

void Composer::setText(const QString &text)
{
    m_editor->setPlainText(text);
    m_editor->moveCursor(QTextCursor::End);
}

void Composer::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

bool Composer::canSend() const
{
    return !m_busy && !text().trimmed().isEmpty();
}

void Composer::setEstimate(const QString &text, const QString &toolTip)
{
    m_estimate->setText(text);
    m_estimate->setToolTip(toolTip);
}

void Composer::updateButtons()
{
    m_send->setEnabled(canSend());
    m_stop->setEnabled(m_busy);
}

} // namespace versus::ui

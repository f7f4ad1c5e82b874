// SPDX-License-Identifier: GPL-3.0-or-later
#include "editpromptdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace versus::ui {

EditPromptDialog::EditPromptDialog(const QString &prompt, bool saved, QWidget *parent)
    : QDialog(parent)
    , m_editor(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("editPromptDialog"));
    setWindowTitle(tr("Edit and resend"));
    m_editor->setObjectName(QStringLiteral("editPromptText"));
    m_editor->setPlainText(prompt);
    m_editor->setTabChangesFocus(true);

    auto *explanation = new QLabel(this);
    explanation->setObjectName(QStringLiteral("editPromptExplanation"));
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::PlainText);
    explanation->setText(
        saved ? tr("Resending sends the edited prompt to every lane; the turns after it are replaced. "
                   "This starts a branch: a new conversation with the turns before this one and your edited "
                   "prompt. The original conversation stays in the history unchanged; both are listed.")
              : tr("Resending sends the edited prompt to every lane; this turn and the turns after it are "
                   "removed from the lanes (this comparison is not saved)."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_resend = buttons->addButton(tr("Resend"), QDialogButtonBox::AcceptRole);
    m_resend->setObjectName(QStringLiteral("resendButton"));
    m_resend->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_editor, &QPlainTextEdit::textChanged, this,
            [this] { m_resend->setEnabled(!m_editor->toPlainText().trimmed().isEmpty()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor, 1);
    layout->addWidget(explanation);
    layout->addWidget(buttons);
    resize(520, 300);
}

QString EditPromptDialog::prompt() const
{
    return m_editor->toPlainText();
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace versus::ui {

/// Edits a prompt of the conversation before it is sent again ("editPromptDialog"), and says
/// what resending does: the turns after it are replaced in a branch, a new conversation that
/// starts with the turns before it; the original stays in the history unchanged. Children:
/// editPromptText, resendButton.
class EditPromptDialog : public QDialog {
    Q_OBJECT
public:
    EditPromptDialog(const QString &prompt, bool saved, QWidget *parent = nullptr);

    QString prompt() const;
    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *resendButton() const { return m_resend; }

private:
    QPlainTextEdit *m_editor;
    QPushButton *m_resend;
};

} // namespace versus::ui

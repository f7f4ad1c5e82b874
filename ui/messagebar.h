// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace versus::ui {

/// The yellow bar above the lanes that tells of a problem (the history cannot save, a file
/// cannot be written) until it is dismissed, with at most one button to act on it. Hidden
/// while there is nothing to say. Its parts are named "messageText", "messageAction" and
/// "messageDismiss".
class MessageBar : public QFrame {
    Q_OBJECT
public:
    explicit MessageBar(QWidget *parent = nullptr);

    /// Shows @p text (plain text), with a button reading @p actionText when it is not empty.
    void showMessage(const QString &text, const QString &actionText = QString());
    QLabel *textLabel() const { return m_text; }

Q_SIGNALS:
    /// The button of the message was clicked.
    void actionTriggered();
    /// The user closed the bar (it is hidden already).
    void dismissed();

private:
    QLabel *m_text;
    QPushButton *m_action;
};

} // namespace versus::ui

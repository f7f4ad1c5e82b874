// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace versus::ui {

/// The prompt box under the lanes: what is typed here goes to every lane. Shows what
/// sending may cost (the pre-send estimate summed over the lanes). Ctrl+Enter is the
/// window's "Send to all lanes" action; the box itself only edits text.
class Composer : public QWidget {
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *stopButton() const { return m_stop; }
    QLabel *estimateLabel() const { return m_estimate; }

    QString text() const;
    void clear();
    /// Puts @p text back in the box (a prompt that could not be sent).
    void setText(const QString &text);
    /// While busy, Send is disabled and Stop enabled.
    void setBusy(bool busy);
    bool canSend() const;
    void setEstimate(const QString &text, const QString &toolTip);

Q_SIGNALS:
    void sendRequested();
    void stopRequested();
    void textChanged();

private:
    void updateButtons();

    QPlainTextEdit *m_editor;
    QPushButton *m_send;
    QPushButton *m_stop;
    QLabel *m_estimate;
    bool m_busy = false;
};

} // namespace versus::ui

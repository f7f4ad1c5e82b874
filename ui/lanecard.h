// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace versus::ui {

/// A card inside a lane for what went wrong and what to do next: a title, the provider's
/// own words, a piece of advice and, when there is one, a button for the next step
/// ("Open Providers & Keys") and a Retry button (setRetryText()). Children: cardTitle,
/// cardMessage, cardAdvice, cardAction, cardRetry, cardDismiss.
class LaneCard : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Error, Warning };

    explicit LaneCard(QWidget *parent = nullptr);

    /// Shows the card. An empty @p advice or @p actionText hides that part.
    void showCard(Kind kind, const QString &title, const QString &message, const QString &advice = QString(),
                  const QString &actionText = QString());
    void dismiss();
    /// Shows a Retry button with @p text (and @p toolTip) on the card shown now; empty hides it.
    /// showCard() hides it.
    void setRetryText(const QString &text, const QString &toolTip = QString());
    QPushButton *retryButton() const { return m_retry; }

    Kind kind() const { return m_kind; }
    QString title() const;
    QString message() const;
    QString advice() const;

Q_SIGNALS:
    void actionTriggered();
    void retryTriggered();

private:
    Kind m_kind = Kind::Error;
    QLabel *m_title;
    QLabel *m_message;
    QLabel *m_advice;
    QPushButton *m_action;
    QPushButton *m_retry;
    QToolButton *m_dismiss;
};

} // namespace versus::ui

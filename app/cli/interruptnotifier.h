// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace versus::cli {

/// Turns SIGINT/SIGTERM into a Qt signal (self-pipe), so a running command can stop its
/// streams and still print the partial answer. A second Ctrl-C exits at once.
class InterruptNotifier : public QObject {
    Q_OBJECT
public:
    explicit InterruptNotifier(QObject *parent = nullptr);
    ~InterruptNotifier() override;

Q_SIGNALS:
    void interrupted();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace versus::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QLabel;
class QStatusBar;

namespace versus {
class Comparison;
class Engine;
} // namespace versus

namespace versus::ui {

/// The status bar's permanent figures: what the session's answers cost so far, and a warning
/// (with the details in its tooltip) when the provider or price catalogs had problems.
class SessionStatus : public QObject {
    Q_OBJECT
public:
    SessionStatus(QStatusBar *bar, const Engine &engine, const Comparison &comparison);
    /// Shows the session's cost as it is now (after an answer ended).
    void updateCost();

private:
    const Comparison &m_comparison;
    QLabel *m_cost;
    QLabel *m_catalogProblems;
};

} // namespace versus::ui

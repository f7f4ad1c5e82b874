// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/localserverprobe.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace versus {
class Engine;
}

namespace versus::ui {

/// What the window shows on first start (and from Help → Welcome) in place of the lanes:
/// the three things Versus does, a way to Providers & Keys, and the model servers found
/// running on this machine (probed in the background with a short timeout; the window is
/// usable meanwhile), each one click from a lane.
///
/// Child widgets: "welcomeKeys", "welcomeClose", "welcomeRescan", "welcomeProbeStatus", and
/// per server found "localServer_<id>", "localModels_<id>" (a combo box), "openLocal_<id>".
class WelcomeView : public QFrame {
    Q_OBJECT
public:
    /// @p engine must outlive the view.
    explicit WelcomeView(Engine &engine, QWidget *parent = nullptr);

    /// Looks for local servers again (their rows are replaced as answers come).
    void probe(int timeoutMs = 1500);
    LocalServerProbe *localProbe() const { return m_probe; }

Q_SIGNALS:
    void openKeysRequested();
    /// "Open a lane" on a local server, with the model chosen.
    void openLaneRequested(const versus::Target &target);
    void closeRequested();

private:
    void addServer(const LocalServer &server);
    void probeFinished();

    LocalServerProbe *m_probe;
    QLabel *m_status;
    QPushButton *m_rescan;
    QVBoxLayout *m_servers;
};

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appservices.h"
#include "compare/modelsets.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QDialog;
class QMenu;

namespace versus::ui {

class MainWindow;

/// The window's "Model sets" menu ("modelSetsMenu"): "Save current lanes as set…", one item per
/// saved set (one click opens a new comparison with its lanes, parameters and tools), and
/// "Manage…" (rename, delete). The set opened last opens again at the next start (AppSettings);
/// when it is gone the lanes stay as they were left. A model-set file that does not read is
/// said in the menu and by report(), and never written over.
class ModelSetsMenu : public QObject {
    Q_OBJECT
public:
    ModelSetsMenu(const AppServices &services, MainWindow *window, QObject *parent = nullptr);

    QMenu *menu() const { return m_menu; }
    ModelSetFile &file() { return m_file; }

    /// Seams for tests: the name a set is saved or renamed as (empty: cancelled), whether to
    /// delete a set, and how a problem is shown (a message box unless replaced).
    void setAskName(std::function<QString(const QString &title, const QString &suggested)> ask)
    {
        m_askName = std::move(ask);
    }
    void setConfirmDelete(std::function<bool(const QString &name)> confirm) { m_confirmDelete = std::move(confirm); }
    void setReport(std::function<void(const QString &problem)> report) { m_report = std::move(report); }

    /// Saves the window's lanes as the set @p name (replacing a set of that name).
    bool saveCurrentLanes(const QString &name);
    /// A new comparison with the lanes of the set @p name; refused while lanes are busy.
    bool openSet(const QString &name);
    /// At start: the set opened last, if there is one still.
    void openLastSet();
    /// The Manage dialog ("modelSetsDialog"), shown.
    QDialog *manage();

private:
    void rebuild();
    void askAndSave();
    void report(const QString &problem);

    AppServices m_services;
    MainWindow *m_window;
    QMenu *m_menu;
    ModelSetFile m_file;
    QPointer<QDialog> m_manageDialog;
    std::function<QString(const QString &, const QString &)> m_askName;
    std::function<bool(const QString &)> m_confirmDelete;
    std::function<void(const QString &)> m_report;
};

} // namespace versus::ui

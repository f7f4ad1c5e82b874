// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelsetsmenu.h"

#include "appsettings.h"
#include "mainwindow.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QJsonDocument>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

namespace versus::ui {

ModelSetsMenu::ModelSetsMenu(const AppServices &services, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_window(window)
    , m_menu(new QMenu(tr("&Model sets"), window))
{
    m_menu->setObjectName(QStringLiteral("modelSetsMenu"));
    m_askName = [this](const QString &title, const QString &suggested) {
        return QInputDialog::getText(m_window, title, tr("Name of the set:"), QLineEdit::Normal, suggested).trimmed();
    };
    m_confirmDelete = [this](const QString &name) {
        return QMessageBox::question(
                   m_window, tr("Delete model set"),
                   tr("Delete the model set \"%1\"? The conversations it was used in stay.").arg(name)) ==
               QMessageBox::Yes;
    };
    m_report = [this](const QString &problem) { QMessageBox::warning(m_window, tr("Model sets"), problem); };
    connect(m_menu, &QMenu::aboutToShow, this, &ModelSetsMenu::rebuild);
    rebuild();
}

void ModelSetsMenu::report(const QString &problem)
{
    m_window->statusBar()->showMessage(problem, 8000);
    m_report(problem);
}

void ModelSetsMenu::rebuild()
{
    m_menu->clear();
    QAction *save = m_menu->addAction(tr("Save current lanes as set…"));
    save->setObjectName(QStringLiteral("saveModelSetAction"));
    save->setStatusTip(tr("Keep these lanes, with their parameters and tools, to open them again in one click"));
    connect(save, &QAction::triggered, this, &ModelSetsMenu::askAndSave);
    m_menu->addSeparator();
    const auto sets = m_file.read();
    if (!sets) {
        // Said where the sets would be; the file is the user's to fix: nothing writes over it.
        QAction *problem = m_menu->addAction(tr("The model sets cannot be read"));
        problem->setObjectName(QStringLiteral("modelSetsProblem"));
        problem->setToolTip(sets.error());
        problem->setStatusTip(sets.error());
        problem->setEnabled(false);
        save->setEnabled(false);
    } else if (sets->isEmpty()) {
        QAction *none = m_menu->addAction(tr("No sets saved yet"));
        none->setEnabled(false);
    } else {
        for (const ModelSet &set : *sets) {
            QStringList targets;
            for (const ModelSetLane &lane : set.lanes)
                targets << lane.target.toString();
            QAction *open = m_menu->addAction(set.name);
            open->setObjectName(QStringLiteral("modelSet:") + set.name);
            open->setStatusTip(tr("New comparison with %1").arg(targets.join(QStringLiteral(", "))));
            open->setToolTip(open->statusTip());
            const QString name = set.name;
            connect(open, &QAction::triggered, this, [this, name] { openSet(name); });
        }
    }
    m_menu->addSeparator();
    QAction *manageAction = m_menu->addAction(tr("Manage…"));
    manageAction->setObjectName(QStringLiteral("manageModelSetsAction"));
    manageAction->setEnabled(sets.has_value() && !sets->isEmpty());
    connect(manageAction, &QAction::triggered, this, &ModelSetsMenu::manage);
}

void ModelSetsMenu::askAndSave()
{
    const QString name = m_askName(tr("Save current lanes as set"), QString());
    if (!name.isEmpty())
        saveCurrentLanes(name);
}

bool ModelSetsMenu::saveCurrentLanes(const QString &name)
{
    ModelSet set;
    set.name = name.trimmed();
    for (const ComparisonLane *lane : m_window->comparison()->lanes()) {
        ModelSetLane entry;
        entry.target = lane->target();
        entry.parameters = lane->parameters();
        entry.parameters.model = lane->target().model;
        if (!lane->tools().isEmpty())
            entry.tools = QJsonDocument::fromJson(lane->tools().toJson()).array();
        set.lanes.append(entry);
    }
    if (auto saved = m_file.save(set); !saved) {
        report(tr("The model set was not saved: %1").arg(saved.error()));
        return false;
    }
    m_services.settings->setLastModelSet(set.name);
    rebuild();
    m_window->statusBar()->showMessage(tr("Saved the model set \"%1\".").arg(set.name), 5000);
    return true;
}

bool ModelSetsMenu::openSet(const QString &name)
{
    Comparison *comparison = m_window->comparison();
    if (comparison->isBusy()) {
        report(tr("Stop the running answers before opening a model set."));
        return false;
    }
    const auto found = m_file.find(name);
    if (!found) {
        report(found.error());
        return false;
    }
    if (!found->has_value()) {
        report(tr("There is no model set named \"%1\" any more.").arg(name));
        return false;
    }
    const ModelSet &set = found->value();
    QList<Target> targets;
    for (const ModelSetLane &lane : set.lanes)
        targets << lane.target;
    m_window->setLaneTargets(targets);
    QStringList problems;
    for (qsizetype i = 0; i < set.lanes.size() && i < comparison->laneCount(); ++i) {
        ComparisonLane *lane = comparison->lane(int(i));
        comparison->setLaneParameters(lane, set.lanes[i].parameters);
        if (set.lanes[i].tools.isEmpty())
            continue;
        auto tools = tools::ToolSet::fromJson(QJsonDocument(set.lanes[i].tools).toJson());
        if (tools)
            comparison->setLaneTools(lane, *tools);
        else
            problems << tr("%1: its tools were left out (%2)").arg(set.lanes[i].target.toString(), tools.error());
    }
    m_services.settings->setLastModelSet(set.name);
    if (!problems.isEmpty())
        report(problems.join(u'\n'));
    return true;
}

void ModelSetsMenu::openLastSet()
{
    const QString name = m_services.settings->lastModelSet();
    if (name.isEmpty())
        return;
    const auto found = m_file.find(name);
    if (found && !found->has_value()) {
        m_services.settings->setLastModelSet(QString()); // deleted since: the remembered lanes stay
        return;
    }
    if (!found) {
        m_window->statusBar()->showMessage(found.error(), 8000);
        return;
    }
    openSet(name);
}

QDialog *ModelSetsMenu::manage()
{
    if (m_manageDialog) {
        m_manageDialog->raise();
        return m_manageDialog;
    }
    auto *dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("modelSetsDialog"));
    dialog->setWindowTitle(tr("Model sets"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *list = new QListWidget(dialog);
    list->setObjectName(QStringLiteral("modelSetList"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QPushButton *rename = buttons->addButton(tr("&Rename…"), QDialogButtonBox::ActionRole);
    rename->setObjectName(QStringLiteral("renameModelSet"));
    QPushButton *remove = buttons->addButton(tr("&Delete"), QDialogButtonBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("deleteModelSet"));
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(list);
    layout->addWidget(buttons);

    const auto fill = [this, list, rename, remove] {
        const QString current = list->currentItem() ? list->currentItem()->text() : QString();
        list->clear();
        const auto sets = m_file.read();
        for (const ModelSet &set : sets.value_or(QList<ModelSet>()))
            list->addItem(set.name);
        const auto items = list->findItems(current, Qt::MatchExactly);
        list->setCurrentRow(items.isEmpty() ? 0 : list->row(items.first()));
        rename->setEnabled(list->count() > 0);
        remove->setEnabled(list->count() > 0);
        rebuild();
    };
    connect(rename, &QPushButton::clicked, this, [this, list, fill] {
        if (!list->currentItem())
            return;
        const QString old = list->currentItem()->text();
        const QString name = m_askName(tr("Rename model set"), old);
        if (name.isEmpty() || name == old)
            return;
        if (auto done = m_file.rename(old, name); !done)
            return report(done.error());
        if (m_services.settings->lastModelSet() == old)
            m_services.settings->setLastModelSet(name);
        list->currentItem()->setText(name.trimmed());
        fill();
    });
    connect(remove, &QPushButton::clicked, this, [this, list, fill] {
        if (!list->currentItem())
            return;
        const QString name = list->currentItem()->text();
        if (!m_confirmDelete(name))
            return;
        if (auto done = m_file.remove(name); !done)
            return report(done.error());
        if (m_services.settings->lastModelSet() == name)
            m_services.settings->setLastModelSet(QString());
        fill();
    });
    fill();
    m_manageDialog = dialog;
    dialog->show();
    return dialog;
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "shortcutsdialog.h"

#include "composer.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace versus::ui {

namespace {

// "Providers && Keys…" as a menu shows it: "Providers & Keys…".
QString withoutMnemonics(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size())
            ++i; // "&&" is a literal '&'; "&x" marks x
        plain.append(text.at(i));
    }
    return plain;
}

QString commandOf(const QAction *action)
{
    QString text = withoutMnemonics(action->text());
    if (text.isEmpty())
        text = action->toolTip();
    if (text.isEmpty())
        text = action->statusTip();
    return text;
}

} // namespace

QList<ShortcutEntry> shortcutEntries(const QWidget *window)
{
    QList<const QAction *> actions;
    for (const QAction *action : window->actions())
        actions.append(action);
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (!actions.contains(action))
            actions.append(action);
    }
    QList<ShortcutEntry> entries;
    for (const QAction *action : actions) {
        const QList<QKeySequence> shortcuts = action->shortcuts();
        if (shortcuts.isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &shortcut : shortcuts)
            keys.append(shortcut.toString(QKeySequence::NativeText));
        const ShortcutEntry entry{commandOf(action), keys.join(QStringLiteral(", "))};
        if (!entries.contains(entry)) // a lane's actions come once per lane
            entries.append(entry);
    }
    // The prompt box's keys, as Settings → General sets them.
    const Composer *composer = window->findChild<Composer *>();
    const bool ctrlEnter = composer && composer->sendsWithCtrlEnter();
    const QKeySequence send = ctrlEnter ? QKeySequence(Qt::CTRL | Qt::Key_Return) : QKeySequence(Qt::Key_Return);
    const QKeySequence newLine = ctrlEnter ? QKeySequence(Qt::Key_Return) : QKeySequence(Qt::SHIFT | Qt::Key_Return);
    entries.append({QCoreApplication::translate("versus::ui::ShortcutsDialog", "Send the prompt (in the prompt box)"),
                    send.toString(QKeySequence::NativeText)});
    entries.append({QCoreApplication::translate("versus::ui::ShortcutsDialog", "New line in the prompt"),
                    newLine.toString(QKeySequence::NativeText)});
    return entries;
}

QDialog *createShortcutsDialog(const QWidget *window, QWidget *parent)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setWindowTitle(QCoreApplication::translate("versus::ui::ShortcutsDialog", "Keyboard shortcuts"));
    auto *list = new QTreeWidget(dialog);
    list->setObjectName(QStringLiteral("shortcutList"));
    list->setColumnCount(2);
    list->setHeaderLabels({QCoreApplication::translate("versus::ui::ShortcutsDialog", "Command"),
                           QCoreApplication::translate("versus::ui::ShortcutsDialog", "Keys")});
    list->setRootIsDecorated(false);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setFocusPolicy(Qt::NoFocus);
    for (const ShortcutEntry &entry : shortcutEntries(window))
        list->addTopLevelItem(new QTreeWidgetItem({entry.command, entry.keys}));
    list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(list);
    layout->addWidget(buttons);
    dialog->resize(520, 480);
    return dialog;
}

void showShortcutsDialog(QWidget *window)
{
    // Made anew each time: the send key may have changed since.
    auto *dialog = window->findChild<QDialog *>(QStringLiteral("shortcutsDialog"), Qt::FindDirectChildrenOnly);
    QRect where;
    if (dialog) {
        where = dialog->geometry();
        delete dialog;
    }
    dialog = createShortcutsDialog(window, window);
    if (where.isValid())
        dialog->setGeometry(where);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace versus::ui

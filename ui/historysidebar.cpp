// SPDX-License-Identifier: GPL-3.0-or-later
#include "historysidebar.h"

#include "history/historystore.h"
#include "historyitemdelegate.h"
#include "historylistmodel.h"

#include <QAction>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace versus::ui {

namespace {

// Long enough not to search on every keystroke, short enough to feel live.
constexpr int SearchDelayMs = 200;

} // namespace

HistorySidebar::HistorySidebar(history::HistoryStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new HistoryListModel(this))
    , m_search(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_list(new QListView(this))
    , m_searchDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("historySidebar"));
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_list->setObjectName(QStringLiteral("historyList"));

    m_search->setPlaceholderText(tr("Search conversations (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);

    // Titles and store messages are shown as text, never as rich text.
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop); // also when it is alone (history off)
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setContentsMargins(4, 2, 4, 2);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    m_list->setModel(m_model);
    m_list->setItemDelegate(new HistoryItemDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->installEventFilter(this);

    m_rename = addItemAction(tr("Rename…"), "renameConversationAction", QKeySequence(Qt::Key_F2));
    m_exportMarkdown = addItemAction(tr("Export as Markdown…"), "exportMarkdownAction", {});
    m_exportJson = addItemAction(tr("Export as JSON…"), "exportJsonAction", {});
    m_delete = addItemAction(tr("Delete…"), "deleteConversationAction", QKeySequence(QKeySequence::Delete));

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(SearchDelayMs);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);

    // A single click opens, as in the sidebars of chat and mail applications; Enter opens the
    // current row (see eventFilter). activated() is not used: it would fire a second time
    // where the style activates on single click.
    connect(m_list, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) { openRow(index.row()); });
    connect(m_list, &QWidget::customContextMenuRequested, this, &HistorySidebar::showContextMenu);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &HistorySidebar::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistorySidebar::updateActions);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &HistorySidebar::refresh);

    refresh();
}

HistorySidebar::~HistorySidebar() = default;

QAction *HistorySidebar::addItemAction(const QString &text, const char *name, const QKeySequence &key)
{
    auto *action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(name));
    if (!key.isEmpty()) {
        action->setShortcut(key);
        // Only while the list has the focus: Delete in the search field deletes characters.
        action->setShortcutContext(Qt::WidgetShortcut);
        m_list->addAction(action);
    }
    connect(action, &QAction::triggered, this, [this, action] {
        if (action == m_rename)
            renameCurrent();
        else if (action == m_exportMarkdown)
            exportCurrent(QStringLiteral("md"));
        else if (action == m_exportJson)
            exportCurrent(QStringLiteral("json"));
        else if (action == m_delete)
            deleteCurrent();
    });
    return action;
}

void HistorySidebar::setStore(history::HistoryStore *store)
{
    m_store = store;
    refresh();
}

void HistorySidebar::refresh()
{
    m_searchDelay->stop();
    const int row = currentRow();
    const qint64 keepConversation = m_model->conversationAt(row);
    const qint64 keepTurn = m_model->turnAt(row);

    const bool enabled = m_store != nullptr;
    m_search->setVisible(enabled);
    m_list->setVisible(enabled);
    if (!enabled) {
        m_model->clear();
        setStatus(tr("History is off: conversations are not saved, so there is nothing to list or search."));
        return;
    }

    const QString words = m_search->text().trimmed();
    const QDateTime now = QDateTime::currentDateTime();
    if (words.isEmpty()) {
        const auto conversations = m_store->conversations();
        if (!conversations) {
            m_model->clear();
            showError(conversations.error());
            return;
        }
        m_model->setConversations(*conversations, now);
        setStatus(conversations->isEmpty() ? tr("No saved conversations yet. Every comparison you run is kept here.")
                                           : QString());
    } else {
        const auto hits = m_store->search(words);
        if (!hits) {
            m_model->clear();
            showError(hits.error());
            return;
        }
        m_model->setHits(*hits, now);
        setStatus(hits->isEmpty() ? tr("No conversation contains “%1”.").arg(words) : QString());
    }
    m_model->setOpenConversation(m_openId);

    int keep = keepConversation != 0 ? m_model->rowOf(keepConversation, keepTurn) : -1;
    if (keep < 0 && keepConversation != 0)
        keep = m_model->rowOf(keepConversation);
    if (keep < 0 && m_openId != 0)
        keep = m_model->rowOf(m_openId);
    if (keep >= 0)
        m_list->selectionModel()->setCurrentIndex(m_model->index(keep), QItemSelectionModel::ClearAndSelect);
}

void HistorySidebar::setCurrentConversation(qint64 conversationId)
{
    m_openId = conversationId;
    m_model->setOpenConversation(conversationId);
    // A search hit of this conversation that is already current stays (it is the one opened).
    if (conversationId != 0 && m_model->conversationAt(currentRow()) == conversationId)
        return;
    const int row = conversationId != 0 ? m_model->rowOf(conversationId) : -1;
    if (row >= 0) {
        m_list->selectionModel()->setCurrentIndex(m_model->index(row), QItemSelectionModel::ClearAndSelect);
        m_list->scrollTo(m_model->index(row));
    } else {
        m_list->selectionModel()->clearSelection();
    }
}

void HistorySidebar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QLineEdit *HistorySidebar::searchField() const
{
    return m_search;
}

QAbstractItemView *HistorySidebar::listView() const
{
    return m_list;
}

qint64 HistorySidebar::conversationAt(int row) const
{
    return m_model->conversationAt(row);
}

int HistorySidebar::rowCount() const
{
    return m_model->rowCount();
}

QString HistorySidebar::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void HistorySidebar::setConfirmDelete(std::function<bool(const QString &)> confirm)
{
    m_confirmDelete = std::move(confirm);
}

void HistorySidebar::setAskTitle(std::function<std::optional<QString>(const QString &)> askTitle)
{
    m_askTitle = std::move(askTitle);
}

bool HistorySidebar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    if (watched == m_list && enter && key->modifiers() == Qt::NoModifier && currentRow() >= 0) {
        openRow(currentRow());
        return true;
    }
    if (watched == m_search && (enter || key->key() == Qt::Key_Down)) {
        // Enter searches now; Enter and Down go from the search field into the results.
        if (enter)
            refresh();
        if (m_model->rowCount() > 0) {
            if (currentRow() < 0)
                m_list->setCurrentIndex(m_model->index(0));
            m_list->setFocus(Qt::TabFocusReason);
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

int HistorySidebar::currentRow() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void HistorySidebar::openRow(int row)
{
    const qint64 conversationId = m_model->conversationAt(row);
    if (conversationId != 0)
        Q_EMIT openRequested(conversationId, m_model->turnAt(row));
}

void HistorySidebar::updateActions()
{
    const bool hasRow = currentRow() >= 0;
    for (QAction *action : {m_rename, m_exportMarkdown, m_exportJson, m_delete})
        action->setEnabled(hasRow);
}

void HistorySidebar::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    if (!index.isValid())
        return;
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_rename);
    menu->addSeparator();
    menu->addAction(m_exportMarkdown);
    menu->addAction(m_exportJson);
    menu->addSeparator();
    menu->addAction(m_delete);
    menu->popup(m_list->viewport()->mapToGlobal(pos));
}

void HistorySidebar::renameCurrent()
{
    const int row = currentRow();
    const qint64 conversationId = m_model->conversationAt(row);
    if (conversationId == 0 || !m_store)
        return;
    const QString title = m_model->index(row).data(HistoryListModel::TitleRole).toString();
    const std::optional<QString> answer = m_askTitle ? m_askTitle(title) : askTitleInDialog(title);
    if (!answer)
        return;
    const QString newTitle = answer->simplified();
    if (newTitle.isEmpty() || newTitle == title)
        return;
    if (const auto renamed = m_store->renameConversation(conversationId, newTitle); !renamed) {
        refresh();
        showError(renamed.error());
        return;
    }
    refresh();
    Q_EMIT renamed(conversationId, newTitle);
}

void HistorySidebar::deleteCurrent()
{
    const int row = currentRow();
    const qint64 conversationId = m_model->conversationAt(row);
    if (conversationId == 0)
        return;
    const QString title = m_model->index(row).data(Qt::DisplayRole).toString();
    if (m_confirmDelete ? m_confirmDelete(title) : askDeleteInMessageBox(title))
        Q_EMIT deleteRequested(conversationId);
}

void HistorySidebar::exportCurrent(const QString &format)
{
    const qint64 conversationId = m_model->conversationAt(currentRow());
    if (conversationId != 0)
        Q_EMIT exportRequested(conversationId, format);
}

bool HistorySidebar::askDeleteInMessageBox(const QString &title)
{
    QMessageBox box(
        QMessageBox::Question, tr("Delete Conversation"),
        tr("Delete “%1”?\n\nIts prompts and answers are removed from this computer. This cannot be undone.").arg(title),
        QMessageBox::NoButton, this);
    box.setTextFormat(Qt::PlainText); // the title is the user's (or a model's) text
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(box.addButton(QMessageBox::Cancel));
    box.exec();
    return box.clickedButton() == remove;
}

std::optional<QString> HistorySidebar::askTitleInDialog(const QString &title)
{
    bool ok = false;
    const QString text =
        QInputDialog::getText(this, tr("Rename Conversation"), tr("Title:"), QLineEdit::Normal, title, &ok);
    return ok ? std::optional<QString>(text) : std::nullopt;
}

void HistorySidebar::setStatus(const QString &text, const QString &toolTip)
{
    m_status->setText(text);
    m_status->setToolTip(toolTip);
    m_status->setVisible(!text.isEmpty());
}

void HistorySidebar::showError(const history::HistoryError &error)
{
    using Kind = history::HistoryError::Kind;
    QString words;
    switch (error.kind) {
    case Kind::Unwritable:
        words = tr("The history file cannot be read or written. Check the permissions of its folder.");
        break;
    case Kind::DiskFull:
        words = tr("The disk is full: the history cannot be changed until some space is freed.");
        break;
    case Kind::Corrupt:
        words = tr("The history file is damaged. Restart Versus to set it aside and start a new one.");
        break;
    case Kind::TooNew:
        words = tr("The history was written by a newer version of Versus and cannot be read by this one.");
        break;
    case Kind::NotFound:
        words = tr("That conversation no longer exists.");
        break;
    case Kind::Other:
        words = tr("The history could not be read.");
        break;
    }
    // SQLite's own words are in the tooltip, for a bug report.
    setStatus(words, error.message);
}

} // namespace versus::ui

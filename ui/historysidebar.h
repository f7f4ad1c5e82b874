// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>
#include <optional>

class QAbstractItemView;
class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;

namespace versus::history {
class HistoryStore;
struct HistoryError;
} // namespace versus::history

namespace versus::ui {

class HistoryListModel;

/// The conversations sidebar: the saved conversations of a HistoryStore, newest first, and a
/// search over their prompts and answers (debounced while typing). A click or Enter on a row
/// asks the window to open it; Rename (F2), Export and Delete (Del) act on the current row
/// from its context menu or the keyboard. Writing exports and deleting is the window's job
/// (the conversation may be open), so those only emit signals; renaming is done here.
///
/// Store errors are shown as a line of text in the sidebar (historyStatus), never a dialog.
class HistorySidebar : public QWidget {
    Q_OBJECT
public:
    /// @p store may be null (history is off) and must outlive the sidebar or be replaced first.
    explicit HistorySidebar(history::HistoryStore *store, QWidget *parent = nullptr);
    ~HistorySidebar() override;

    void setStore(history::HistoryStore *store);
    history::HistoryStore *store() const { return m_store; }

    /// Reloads the list (or the search hits), keeping the current row and the search text.
    void refresh();
    /// Marks @p conversationId as the one open in the window (0: none) and makes it current.
    void setCurrentConversation(qint64 conversationId);
    qint64 currentConversation() const { return m_openId; }
    /// Moves the focus to the search field with its text selected (the window's Ctrl+F).
    void focusSearch();

    QLineEdit *searchField() const;
    QAbstractItemView *listView() const;
    qint64 conversationAt(int row) const;
    int rowCount() const;
    /// The line shown instead of (or above) the list: why history is off, an empty result, an error.
    QString statusText() const;

    /// Asks whether to delete the conversation titled @p title (default: a message box).
    void setConfirmDelete(std::function<bool(const QString &title)> confirm);
    /// Asks for a new title, given the current one; nothing = cancelled (default: an input dialog).
    void setAskTitle(std::function<std::optional<QString>(const QString &title)> askTitle);

Q_SIGNALS:
    /// Open @p conversationId, scrolled to @p turnId when not 0 (a search hit).
    void openRequested(qint64 conversationId, qint64 turnId);
    /// The conversation was renamed in the store.
    void renamed(qint64 conversationId, const QString &title);
    /// Export @p conversationId as @p format: "md" or "json".
    void exportRequested(qint64 conversationId, const QString &format);
    /// The user confirmed deleting @p conversationId; the window deletes it and calls refresh().
    void deleteRequested(qint64 conversationId);

private:
    bool eventFilter(QObject *watched, QEvent *event) override;
    QAction *addItemAction(const QString &text, const char *name, const QKeySequence &key);
    int currentRow() const;
    void openRow(int row);
    void renameCurrent();
    void deleteCurrent();
    void exportCurrent(const QString &format);
    void showContextMenu(const QPoint &pos);
    void updateActions();
    void setStatus(const QString &text, const QString &toolTip = QString());
    void showError(const history::HistoryError &error);
    bool askDeleteInMessageBox(const QString &title);
    std::optional<QString> askTitleInDialog(const QString &title);

    history::HistoryStore *m_store = nullptr;
    HistoryListModel *m_model;
    QLineEdit *m_search;
    QLabel *m_status;
    QListView *m_list;
    QTimer *m_searchDelay;
    QAction *m_rename;
    QAction *m_exportMarkdown;
    QAction *m_exportJson;
    QAction *m_delete;
    qint64 m_openId = 0;
    std::function<bool(const QString &)> m_confirmDelete;
    std::function<std::optional<QString>(const QString &)> m_askTitle;
};

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/keycheck.h"
#include "secrets/keyedprovider.h"
#include "secrets/keyresult.h"

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <chrono>

class QGridLayout;
class QLabel;
class QLineEdit;
class QMimeData;
class QPushButton;
class QToolButton;

namespace versus {
class KeyStore;
}

namespace versus::ui {

/// Settings page "Providers & Keys": one row per provider with the key's status (stored,
/// from environment, missing, keyring locked, ...), a masked entry with a reveal toggle,
/// Save, Test, Delete and "Import from environment". Keys are only ever shown in their
/// redacted form, except what the user types into the entry. A key copied from the entry
/// is marked secret for clipboard managers and cleared from the clipboard after a delay.
///
/// Child widgets are named "<part>_<provider id>" (status, entry, reveal, copy, save, test,
/// delete, import, message) for tests and accessibility tools.
class ProviderKeysPage : public QWidget {
    Q_OBJECT
public:
    ProviderKeysPage(KeyStore *store, QList<KeyedProvider> providers, QWidget *parent = nullptr);
    ~ProviderKeysPage() override;

    /// What the Test buttons run (the transport's check against the provider's model
    /// list). Without one, the Test buttons are disabled.
    void setKeyCheck(KeyCheck check);

    /// How long a copied key stays on the clipboard (default 30 s).
    void setClipboardClearDelay(std::chrono::milliseconds delay);
    std::chrono::milliseconds clipboardClearDelay() const { return m_clipboardClearDelay; }

public Q_SLOTS:
    /// Reads every provider's key status again (environment and key store).
    void refresh();

Q_SIGNALS:
    /// A key of @p providerId was saved, imported or deleted through this page.
    void keyChanged(const QString &providerId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Row {
        KeyedProvider provider;
        QLabel *status = nullptr;
        QLineEdit *entry = nullptr;
        QToolButton *reveal = nullptr;
        QToolButton *copy = nullptr;
        QPushButton *save = nullptr;
        QPushButton *test = nullptr;
        QPushButton *remove = nullptr;
        QPushButton *import = nullptr;
        QLabel *message = nullptr;
        KeyResult keychain;   // the last answer of the store, with the key dropped
        QString storedMasked; // the stored key's redacted form
        bool reading = false; // a read is under way
        bool busy = false;    // a save/delete/import/test is under way
    };

    void addRow(QGridLayout *grid, int line, const KeyedProvider &provider);
    Row *row(const QString &providerId);
    void readStatus(Row &row);
    void updateRow(Row &row);
    void showMessage(Row &row, const QString &text, bool problem);

    void save(const QString &providerId);
    void importFromEnvironment(const QString &providerId);
    void askToDelete(const QString &providerId);
    void remove(const QString &providerId);
    void test(const QString &providerId);
    void store(const QString &providerId, const ApiKey &key, const QString &done);
    void copySecret(const QString &text);
    int clipboardClearSeconds() const;
    void clearClipboardIfOurs();

    KeyStore *m_store;
    QList<Row> m_rows;
    KeyCheck m_keyCheck;
    std::chrono::milliseconds m_clipboardClearDelay = std::chrono::seconds(30);
    QTimer m_clipboardTimer;
    QPointer<QMimeData> m_copied;
};

} // namespace versus::ui

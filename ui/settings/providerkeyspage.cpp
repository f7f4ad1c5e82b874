// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/providerkeyspage.h"

#include "secrets/keyinput.h"
#include "secrets/keyresolver.h"
#include "secrets/keystore.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QGridLayout>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace versus::ui {

namespace {

QString partName(const char *part, const QString &providerId)
{
    return QLatin1String(part) + u'_' + providerId;
}

} // namespace

ProviderKeysPage::ProviderKeysPage(KeyStore *store, QList<KeyedProvider> providers, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    Q_ASSERT(store);
    setObjectName(QStringLiteral("providerKeysPage"));
    setWindowTitle(tr("Providers & Keys"));

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("API keys are kept in the system keychain, never in Versus's own files. When a "
                                "provider's environment variable (such as GROQ_API_KEY) is set, it is used instead "
                                "of the stored key."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *grid = new QGridLayout;
    grid->setColumnStretch(2, 1);
    layout->addLayout(grid);
    layout->addStretch(1);

    m_rows.reserve(providers.size());
    int line = 0;
    for (const KeyedProvider &provider : std::as_const(providers)) {
        addRow(grid, line, provider);
        line += 2;
    }

    m_clipboardTimer.setSingleShot(true);
    connect(&m_clipboardTimer, &QTimer::timeout, this, &ProviderKeysPage::clearClipboardIfOurs);
    connect(m_store, &KeyStore::keyChanged, this, [this](const QString &providerId) {
        if (Row *changed = row(providerId))
            readStatus(*changed);
    });
    refresh();
}

ProviderKeysPage::~ProviderKeysPage()
{
    // Do not leave a key on the clipboard when the page (or the app) goes away.
    clearClipboardIfOurs();
}

void ProviderKeysPage::addRow(QGridLayout *grid, int line, const KeyedProvider &provider)
{
    Row r;
    r.provider = provider;
    const QString &id = provider.id;

    auto *name = new QLabel(provider.displayName, this);
    r.status = new QLabel(this);
    r.status->setObjectName(partName("status", id));
    r.status->setMinimumWidth(
        fontMetrics().horizontalAdvance(QCoreApplication::translate("KeyStatus", "keychain not responding")));

    r.entry = new QLineEdit(this);
    r.entry->setObjectName(partName("entry", id));
    r.entry->setEchoMode(QLineEdit::Password);
    r.entry->setMaxLength(4096);
    r.entry->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                 Qt::ImhNoAutoUppercase);
    r.entry->setAccessibleName(tr("%1 API key").arg(provider.displayName));
    r.entry->setContextMenuPolicy(Qt::DefaultContextMenu);
    r.entry->installEventFilter(this);
    name->setBuddy(r.entry);

    r.reveal = new QToolButton(this);
    r.reveal->setObjectName(partName("reveal", id));
    r.reveal->setText(tr("Show"));
    r.reveal->setCheckable(true);
    r.reveal->setToolTip(tr("Show or hide the key you are typing"));

    r.copy = new QToolButton(this);
    r.copy->setObjectName(partName("copy", id));
    r.copy->setText(tr("Copy"));

    r.save = new QPushButton(tr("Save"), this);
    r.save->setObjectName(partName("save", id));
    r.test = new QPushButton(tr("Test"), this);
    r.test->setObjectName(partName("test", id));
    r.remove = new QPushButton(tr("Delete"), this);
    r.remove->setObjectName(partName("delete", id));
    r.import = new QPushButton(tr("Import from environment"), this);
    r.import->setObjectName(partName("import", id));
    r.import->setToolTip(tr("Store the value of %1 in the system keychain").arg(provider.envVar));

    r.message = new QLabel(this);
    r.message->setObjectName(partName("message", id));
    r.message->setWordWrap(true);
    r.message->setTextFormat(Qt::PlainText);
    r.message->hide(); // shown with the first message, so idle rows stay compact

    grid->addWidget(name, line, 0);
    grid->addWidget(r.status, line, 1);
    grid->addWidget(r.entry, line, 2);
    grid->addWidget(r.reveal, line, 3);
    grid->addWidget(r.copy, line, 4);
    grid->addWidget(r.save, line, 5);
    grid->addWidget(r.test, line, 6);
    grid->addWidget(r.remove, line, 7);
    grid->addWidget(r.import, line, 8);
    grid->addWidget(r.message, line + 1, 2, 1, 7);

    connect(r.reveal, &QToolButton::toggled, this, [this, id](bool shown) {
        Row *target = row(id);
        target->entry->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        target->reveal->setText(shown ? tr("Hide") : tr("Show"));
    });
    connect(r.entry, &QLineEdit::textChanged, this, [this, id] { updateRow(*row(id)); });
    connect(r.entry, &QLineEdit::returnPressed, this, [this, id] { save(id); });
    connect(r.copy, &QToolButton::clicked, this, [this, id] {
        Row *target = row(id);
        copySecret(target->entry->text());
        showMessage(*target, tr("Copied. The clipboard is cleared in %n seconds.", nullptr, clipboardClearSeconds()),
                    false);
    });
    connect(r.save, &QPushButton::clicked, this, [this, id] { save(id); });
    connect(r.test, &QPushButton::clicked, this, [this, id] { test(id); });
    connect(r.remove, &QPushButton::clicked, this, [this, id] { askToDelete(id); });
    connect(r.import, &QPushButton::clicked, this, [this, id] { importFromEnvironment(id); });

    m_rows.append(r);
}

ProviderKeysPage::Row *ProviderKeysPage::row(const QString &providerId)
{
    for (Row &candidate : m_rows) {
        if (candidate.provider.id == providerId)
            return &candidate;
    }
    return nullptr;
}

void ProviderKeysPage::setKeyCheck(KeyCheck check)
{
    m_keyCheck = std::move(check);
    for (Row &r : m_rows)
        updateRow(r);
}

void ProviderKeysPage::setClipboardClearDelay(std::chrono::milliseconds delay)
{
    m_clipboardClearDelay = delay;
    for (Row &r : m_rows)
        updateRow(r);
}

int ProviderKeysPage::clipboardClearSeconds() const
{
    return int(std::chrono::duration_cast<std::chrono::seconds>(m_clipboardClearDelay).count());
}

void ProviderKeysPage::refresh()
{
    for (Row &r : m_rows)
        readStatus(r);
}

void ProviderKeysPage::readStatus(Row &r)
{
    if (!r.provider.keyRequired) {
        updateRow(r);
        return;
    }
    r.reading = true;
    updateRow(r);
    const QString id = r.provider.id;
    m_store->read(id, this, [this, id](KeyResult result) {
        Row *target = row(id);
        target->reading = false;
        target->storedMasked = result.hasKey() ? result.key.redacted() : QString();
        result.key.clear();
        target->keychain = std::move(result);
        updateRow(*target);
    });
}

void ProviderKeysPage::updateRow(Row &r)
{
    const KeyResult env = KeyResolver::fromEnvironment(r.provider.envVar);
    const bool storedKey = r.keychain.status == KeyStatus::Stored;
    QString status;
    QString tip;
    if (!r.provider.keyRequired) {
        status = tr("no key needed");
    } else if (r.reading) {
        status = tr("checking…");
    } else if (env.hasKey()) {
        status = tr("from environment");
        tip = tr("%1 is set (%2) and is used instead of the stored key.").arg(r.provider.envVar, env.key.redacted());
        if (storedKey)
            tip += u' ' + tr("A key is also stored in the keychain (%1).").arg(r.storedMasked);
    } else if (env.status == KeyStatus::OtherError) {
        status = tr("environment variable invalid");
        tip = env.detail;
    } else {
        status = keyStatusLabel(r.keychain.status);
        tip = keyStatusMessage(r.keychain);
    }
    r.status->setText(status);
    r.status->setToolTip(tip);
    r.entry->setPlaceholderText(storedKey ? tr("%1 (stored) — type a new key to replace it").arg(r.storedMasked)
                                          : tr("Paste the API key"));

    const bool idle = !r.busy && !r.reading;
    const bool typed = !r.entry->text().isEmpty();
    r.save->setEnabled(idle && typed);
    r.copy->setEnabled(typed);
    r.copy->setToolTip(
        tr("Copy the key you typed; the clipboard is cleared after %n seconds", nullptr, clipboardClearSeconds()));
    r.remove->setEnabled(idle && (storedKey || r.keychain.status == KeyStatus::Locked));
    r.import->setEnabled(idle && env.hasKey());
    r.test->setEnabled(idle && m_keyCheck && (typed || env.hasKey() || storedKey));
    r.test->setToolTip(m_keyCheck ? tr("Check the key against the provider's model list")
                                  : tr("Checking keys is not available in this build"));
}

void ProviderKeysPage::showMessage(Row &r, const QString &text, bool problem)
{
    r.message->setText(text);
    r.message->setVisible(!text.isEmpty());
    // For style sheets: QLabel[problem="true"] { ... }
    r.message->setProperty("problem", problem);
}

void ProviderKeysPage::store(const QString &providerId, const ApiKey &key, const QString &done)
{
    Row *r = row(providerId);
    r->busy = true;
    updateRow(*r);
    m_store->write(providerId, key, this, [this, providerId, done](KeyResult result) {
        Row *target = row(providerId);
        target->busy = false;
        if (result.status == KeyStatus::Stored) {
            showMessage(*target, done, false);
            Q_EMIT keyChanged(providerId);
        } else {
            showMessage(*target, tr("Not saved: %1").arg(keyStatusMessage(result)), true);
            if (result.status == KeyStatus::Locked) {
                target->keychain.status = KeyStatus::Locked;
                target->keychain.detail = result.detail;
            }
        }
        readStatus(*target);
    });
}

void ProviderKeysPage::save(const QString &providerId)
{
    Row *r = row(providerId);
    if (r->busy || r->entry->text().isEmpty())
        return;
    auto key = parseKeyInput(r->entry->text().toUtf8(), KeyInputTrim::Surrounding);
    if (!key) {
        showMessage(*r, key.error(), true);
        return;
    }
    // setText() (unlike clear()) also drops the undo history that holds the key.
    r->entry->setText(QString());
    r->reveal->setChecked(false);
    store(providerId, *key, tr("Saved in the system keychain."));
    key->clear();
}

void ProviderKeysPage::importFromEnvironment(const QString &providerId)
{
    Row *r = row(providerId);
    const KeyResult env = KeyResolver::fromEnvironment(r->provider.envVar);
    if (!env.hasKey()) {
        showMessage(*r, env.detail.isEmpty() ? tr("%1 is not set.").arg(r->provider.envVar) : env.detail, true);
        updateRow(*r);
        return;
    }
    store(providerId, env.key, tr("Imported from %1 into the system keychain.").arg(r->provider.envVar));
}

void ProviderKeysPage::askToDelete(const QString &providerId)
{
    Row *r = row(providerId);
    // Window-modal and asynchronous: no nested event loop.
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Delete key"),
        tr("Delete the stored %1 key (%2) from the system keychain?").arg(r->provider.displayName, r->storedMasked),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, providerId](int answer) {
        if (answer == QMessageBox::Yes)
            remove(providerId);
    });
    box->open();
}

void ProviderKeysPage::remove(const QString &providerId)
{
    Row *r = row(providerId);
    r->busy = true;
    updateRow(*r);
    m_store->remove(providerId, this, [this, providerId](KeyResult result) {
        Row *target = row(providerId);
        target->busy = false;
        if (result.status == KeyStatus::NotStored) {
            showMessage(*target, tr("Deleted from the system keychain."), false);
            Q_EMIT keyChanged(providerId);
        } else {
            showMessage(*target, tr("Not deleted: %1").arg(keyStatusMessage(result)), true);
        }
        readStatus(*target);
    });
}

void ProviderKeysPage::test(const QString &providerId)
{
    Row *r = row(providerId);
    if (!m_keyCheck || r->busy)
        return;
    auto runCheck = [this, providerId](const ApiKey &key, const QString &from) {
        Row *target = row(providerId);
        target->busy = true;
        updateRow(*target);
        showMessage(*target, tr("Checking the key from %1…").arg(from), false);
        m_keyCheck(target->provider, key, this, [this, providerId](KeyCheckResult result) {
            Row *checked = row(providerId);
            checked->busy = false;
            showMessage(*checked, keyCheckMessage(result), result.outcome != KeyCheckResult::Outcome::Valid);
            updateRow(*checked);
        });
    };

    // The key being typed, else the one a request would use: environment, then keychain.
    if (!r->entry->text().isEmpty()) {
        auto typed = parseKeyInput(r->entry->text().toUtf8(), KeyInputTrim::Surrounding);
        if (!typed) {
            showMessage(*r, typed.error(), true);
            return;
        }
        runCheck(*typed, tr("the entry"));
        return;
    }
    const KeyResult env = KeyResolver::fromEnvironment(r->provider.envVar);
    if (env.hasKey()) {
        runCheck(env.key, r->provider.envVar);
        return;
    }
    r->busy = true;
    updateRow(*r);
    m_store->read(providerId, this, [this, providerId, runCheck](KeyResult result) {
        Row *target = row(providerId);
        target->busy = false;
        if (!result.hasKey()) {
            showMessage(*target, keyStatusMessage(result), true);
            updateRow(*target);
            return;
        }
        runCheck(result.key, tr("the keychain"));
    });
}

bool ProviderKeysPage::eventFilter(QObject *watched, QEvent *event)
{
    auto *entry = qobject_cast<QLineEdit *>(watched);
    if (!entry)
        return QWidget::eventFilter(watched, event);

    // Copy and cut from a revealed entry go through copySecret(), never plain text.
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool copy = key->matches(QKeySequence::Copy);
        const bool cut = key->matches(QKeySequence::Cut);
        if (copy || cut) {
            if (entry->echoMode() == QLineEdit::Normal && entry->hasSelectedText()) {
                copySecret(entry->selectedText());
                if (cut)
                    entry->del();
            }
            return true; // a hidden key is never copied
        }
    } else if (event->type() == QEvent::ContextMenu) {
        auto *menuEvent = static_cast<QContextMenuEvent *>(event);
        auto *menu = new QMenu(entry);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        QAction *paste = menu->addAction(tr("Paste"), entry, &QLineEdit::paste);
        paste->setEnabled(!entry->isReadOnly());
        QAction *copyAction = menu->addAction(tr("Copy"), this, [this, entry] {
            copySecret(entry->hasSelectedText() ? entry->selectedText() : entry->text());
        });
        copyAction->setEnabled(entry->echoMode() == QLineEdit::Normal && !entry->text().isEmpty());
        menu->addAction(tr("Select All"), entry, &QLineEdit::selectAll);
        menu->addAction(tr("Clear"), entry, [entry] { entry->setText(QString()); });
        menu->popup(menuEvent->globalPos());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ProviderKeysPage::copySecret(const QString &text)
{
    if (text.isEmpty())
        return;
    auto *data = new QMimeData;
    data->setText(text);
    // Klipper, KDE Connect and other clipboard managers skip entries with this hint
    // (the convention KeePassXC uses); elsewhere it is an unused extra format.
    data->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(data, QClipboard::Clipboard);
    m_copied = data;
    m_clipboardTimer.start(m_clipboardClearDelay);
}

void ProviderKeysPage::clearClipboardIfOurs()
{
    m_clipboardTimer.stop();
    QClipboard *clipboard = QGuiApplication::clipboard();
    // Only our own copy: something the user copied since is left alone.
    if (m_copied && clipboard->mimeData(QClipboard::Clipboard) == m_copied.data())
        clipboard->clear(QClipboard::Clipboard);
    m_copied = nullptr;
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "generalpage.h"

#include "appsettings.h"
#include "engine/engine.h"
#include "translations.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace versus::ui {

namespace {

template<typename W>
W *named(W *widget, const char *name)
{
    widget->setObjectName(QLatin1String(name));
    return widget;
}

void selectData(QComboBox *box, const QVariant &data)
{
    const int index = box->findData(data);
    box->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

GeneralPage::GeneralPage(Engine &engine, AppSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_settings(settings)
    , m_sendKey(named(new QComboBox(this), "sendKeyBox"))
    , m_theme(named(new QComboBox(this), "themeBox"))
    , m_language(named(new QComboBox(this), "languageBox"))
    , m_languageNote(named(new QLabel(this), "languageNote"))
    , m_historyPath(named(new QLabel(this), "historyPathLabel"))
    , m_historyNote(named(new QLabel(this), "historyNote"))
    , m_changeHistory(named(new QPushButton(tr("Change…"), this), "changeHistoryPath"))
    , m_defaultHistory(named(new QPushButton(tr("Default"), this), "defaultHistoryPath"))
    , m_proxyMode(named(new QComboBox(this), "proxyModeBox"))
    , m_proxyHost(named(new QLineEdit(this), "proxyHost"))
    , m_proxyPort(named(new QSpinBox(this), "proxyPort"))
{
    m_sendKey->addItem(tr("Enter sends, Shift+Enter starts a new line"), QStringLiteral("enter"));
    m_sendKey->addItem(tr("Ctrl+Enter sends, Enter starts a new line"), QStringLiteral("ctrl-enter"));
    selectData(m_sendKey, settings.sendKey());
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    selectData(m_theme, settings.theme());
    // "System (Français)": what following the desktop gives; then each language in its own name.
    m_language->addItem(
        tr("System (%1)")
            .arg(nativeLanguageName(resolveUiLanguage(QStringLiteral("system"), QLocale::system().uiLanguages()))),
        QStringLiteral("system"));
    for (const UiLanguage &language : uiLanguages())
        m_language->addItem(language.nativeName, language.code);
    selectData(m_language, settings.language());
    m_language->setToolTip(tr("The language of the window, from the next start"));
    m_languageNote->setWordWrap(true);
    m_languageNote->setForegroundRole(QPalette::PlaceholderText);

    m_historyPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_historyPath->setWordWrap(true);
    m_historyNote->setWordWrap(true);
    m_historyNote->setForegroundRole(QPalette::PlaceholderText);
    m_changeHistory->setToolTip(tr("Keep the conversations in another file, from the next start"));
    m_defaultHistory->setToolTip(tr("Keep the conversations in the default place, from the next start"));

    m_proxyMode->addItem(tr("System settings (HTTPS_PROXY, NO_PROXY)"), QStringLiteral("system"));
    m_proxyMode->addItem(tr("No proxy"), QStringLiteral("none"));
    m_proxyMode->addItem(tr("Manual"), QStringLiteral("manual"));
    const net::ProxySettings proxy = settings.proxy();
    selectData(m_proxyMode, net::proxyModeName(proxy.mode));
    m_proxyHost->setPlaceholderText(tr("proxy.example.com"));
    m_proxyHost->setText(proxy.host);
    m_proxyPort->setRange(0, 65535);
    m_proxyPort->setSpecialValueText(tr("port"));
    m_proxyPort->setValue(proxy.port);

    auto *history = new QHBoxLayout;
    history->addWidget(m_historyPath, 1);
    history->addWidget(m_changeHistory);
    history->addWidget(m_defaultHistory);
    auto *manual = new QHBoxLayout;
    manual->addWidget(m_proxyHost, 1);
    manual->addWidget(new QLabel(QStringLiteral(":"), this));
    manual->addWidget(m_proxyPort);
    auto *proxyNote = new QLabel(tr("An HTTP proxy; one that needs a password is set in the system settings."), this);
    proxyNote->setWordWrap(true);
    proxyNote->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("Send with"), m_sendKey);
    form->addRow(tr("Theme"), m_theme);
    form->addRow(tr("Language"), m_language);
    form->addRow(QString(), m_languageNote);
    form->addRow(tr("History"), history);
    form->addRow(QString(), m_historyNote);
    form->addRow(tr("Proxy"), m_proxyMode);
    form->addRow(QString(), manual);
    form->addRow(QString(), proxyNote);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);

    connect(m_sendKey, &QComboBox::currentIndexChanged, this, [this] {
        const QString key = m_sendKey->currentData().toString();
        m_settings.setSendKey(key);
        Q_EMIT sendKeyChanged(key);
    });
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] {
        const QString theme = m_theme->currentData().toString();
        m_settings.setTheme(theme);
        Q_EMIT themeChanged(theme);
    });
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        m_settings.setLanguage(m_language->currentData().toString());
        showLanguageNote();
    });
    connect(m_changeHistory, &QPushButton::clicked, this, &GeneralPage::changeHistoryPath);
    connect(m_defaultHistory, &QPushButton::clicked, this, [this] {
        m_settings.setHistoryPath(QString());
        showHistoryPath();
    });
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, &GeneralPage::applyProxy);
    connect(m_proxyHost, &QLineEdit::editingFinished, this, &GeneralPage::applyProxy);
    connect(m_proxyPort, &QSpinBox::valueChanged, this, &GeneralPage::applyProxy);
    showHistoryPath();
    showLanguageNote();
    m_proxyHost->setEnabled(proxy.mode == net::ProxySettings::Mode::Manual);
    m_proxyPort->setEnabled(proxy.mode == net::ProxySettings::Mode::Manual);
}

void GeneralPage::showLanguageNote()
{
    const QString next = resolveUiLanguage(m_settings.language(), QLocale::system().uiLanguages());
    const bool changing = next != runningUiLanguage();
    QString note;
    for (const UiLanguage &language : uiLanguages()) {
        if (changing && language.code == next)
            note = language.nextStart; // said in the language chosen: the one the user reads
    }
    // The file of the language chosen was missing at this start: saying "from the next start"
    // would promise what the next start cannot do either.
    if (changing && !uiLanguageProblem().isEmpty())
        note = tr("%1 cannot be shown: its translation is missing (%2). Reinstall Versus.")
                   .arg(nativeLanguageName(next), uiLanguageProblem());
    m_languageNote->setText(note);
    m_languageNote->setVisible(changing);
}

QString GeneralPage::currentHistoryPath() const
{
    if (history::HistoryStore *store = m_engine.history())
        return store->path();
    return QString();
}

void GeneralPage::showHistoryPath()
{
    const QString current = currentHistoryPath();
    m_historyPath->setText(current.isEmpty() ? tr("(the history is not open)") : QDir::toNativeSeparators(current));
    const QString next =
        m_settings.historyPath().isEmpty() ? history::HistoryStore::defaultPath() : m_settings.historyPath();
    const bool moving = QDir::cleanPath(next) != QDir::cleanPath(current);
    m_historyNote->setText(moving ? tr("From the next start: %1").arg(QDir::toNativeSeparators(next)) : QString());
    m_historyNote->setVisible(moving);
    m_defaultHistory->setEnabled(!m_settings.historyPath().isEmpty());
}

void GeneralPage::changeHistoryPath()
{
    const QString current = m_settings.historyPath().isEmpty() ? currentHistoryPath() : m_settings.historyPath();
    const QString chosen = m_askHistoryPath ? m_askHistoryPath(current)
                                            : QFileDialog::getSaveFileName(this, tr("Keep the history in"), current,
                                                                           tr("History database (*.sqlite)"), nullptr,
                                                                           QFileDialog::DontConfirmOverwrite);
    if (chosen.isEmpty())
        return;
    if (!history::HistoryStore::canHoldHistory(chosen)) {
        showHistoryPath();
        m_historyNote->setText(tr("%1 is not a Versus history: choose a new file name, or a history file "
                                  "Versus made.")
                                   .arg(QDir::toNativeSeparators(chosen)));
        m_historyNote->setVisible(true);
        return;
    }
    m_settings.setHistoryPath(chosen);
    showHistoryPath();
}

void GeneralPage::applyProxy()
{
    net::ProxySettings proxy;
    proxy.mode = net::proxyModeFromName(m_proxyMode->currentData().toString()).value_or(proxy.mode);
    proxy.host = m_proxyHost->text().trimmed();
    proxy.port = quint16(m_proxyPort->value());
    const bool manual = proxy.mode == net::ProxySettings::Mode::Manual;
    m_proxyHost->setEnabled(manual);
    m_proxyPort->setEnabled(manual);
    m_settings.setProxy(proxy);
    // A manual proxy takes effect once it has a host and a port; until then nothing changes.
    if (!manual || (!proxy.host.isEmpty() && proxy.port != 0))
        m_engine.setProxy(proxy);
}

} // namespace versus::ui

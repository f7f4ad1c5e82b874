// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include "engine/engine.h"

#include <QSettings>

namespace versus::ui {

namespace {
const QString kLaneTargets = QStringLiteral("lanes/targets");
const QString kWindowGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
const QString kSendKey = QStringLiteral("composer/sendKey");
const QString kDefaultSystemPrompt = QStringLiteral("composer/systemPrompt");
const QString kTheme = QStringLiteral("theme");
const QString kLanguage = QStringLiteral("language");
const QString kHistoryPath = QStringLiteral("history/path");
const QString kProxyMode = QStringLiteral("network/proxyMode");
const QString kProxyHost = QStringLiteral("network/proxyHost");
const QString kProxyPort = QStringLiteral("network/proxyPort");

QString oneOf(const QVariant &value, const QStringList &allowed)
{
    const QString text = value.toString();
    return allowed.contains(text) ? text : allowed.first();
}
const QString kSideSplitter = QStringLiteral("window/sideSplitter");
const QString kLaneSplitter = QStringLiteral("window/laneSplitter");
} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{
}

AppSettings::AppSettings(std::unique_ptr<QSettings> settings)
    : m_settings(std::move(settings))
{
    Q_ASSERT(m_settings);
}

AppSettings::~AppSettings() = default;

QList<Target> AppSettings::laneTargets() const
{
    QList<Target> targets;
    const QStringList stored = m_settings->value(kLaneTargets).toStringList();
    for (const QString &text : stored) {
        if (auto target = Target::parse(text))
            targets.append(*target);
        else if (text.size() > 1 && text.endsWith(u':')) // a lane whose model is still to be typed
            targets.append(Target{text.chopped(1), QString()});
    }
    return targets;
}

void AppSettings::setLaneTargets(const QList<Target> &targets)
{
    QStringList list;
    list.reserve(targets.size());
    for (const Target &target : targets)
        list.append(target.toString());
    m_settings->setValue(kLaneTargets, list);
}

bool AppSettings::blindMode() const
{
    return m_settings->value(QStringLiteral("compare/blindMode"), false).toBool();
}

void AppSettings::setBlindMode(bool on)
{
    m_settings->setValue(QStringLiteral("compare/blindMode"), on);
}

QString AppSettings::sendKey() const
{
    const QString key = m_settings->value(kSendKey).toString();
    return key == u"ctrl-enter" ? key : QStringLiteral("enter");
}

void AppSettings::setSendKey(const QString &key)
{
    m_settings->setValue(kSendKey, key == u"ctrl-enter" ? key : QStringLiteral("enter"));
}

QString AppSettings::defaultSystemPrompt() const
{
    return m_settings->value(kDefaultSystemPrompt).toString();
}

void AppSettings::setDefaultSystemPrompt(const QString &prompt)
{
    m_settings->setValue(kDefaultSystemPrompt, prompt);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(kWindowGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(kWindowGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(kWindowState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(kWindowState, state);
}

QByteArray AppSettings::sideSplitterState() const
{
    return m_settings->value(kSideSplitter).toByteArray();
}

void AppSettings::setSideSplitterState(const QByteArray &state)
{
    m_settings->setValue(kSideSplitter, state);
}

QByteArray AppSettings::laneSplitterState() const
{
    return m_settings->value(kLaneSplitter).toByteArray();
}

void AppSettings::setLaneSplitterState(const QByteArray &state)
{
    m_settings->setValue(kLaneSplitter, state);
}

QString AppSettings::theme() const
{
    return oneOf(m_settings->value(kTheme),
                 {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")});
}

void AppSettings::setTheme(const QString &theme)
{
    m_settings->setValue(kTheme, theme);
}

QString AppSettings::language() const
{
    const QString language = m_settings->value(kLanguage).toString();
    return language.isEmpty() ? QStringLiteral("system") : language;
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings->setValue(kLanguage, language);
}

QString AppSettings::historyPath() const
{
    return m_settings->value(kHistoryPath).toString();
}

void AppSettings::setHistoryPath(const QString &path)
{
    if (path.isEmpty())
        m_settings->remove(kHistoryPath);
    else
        m_settings->setValue(kHistoryPath, path);
}

net::ProxySettings AppSettings::proxy() const
{
    net::ProxySettings proxy;
    proxy.mode = net::proxyModeFromName(m_settings->value(kProxyMode).toString()).value_or(proxy.mode);
    proxy.host = m_settings->value(kProxyHost).toString();
    const int port = m_settings->value(kProxyPort).toInt();
    proxy.port = quint16(std::clamp(port, 0, 65535));
    if (proxy.mode == net::ProxySettings::Mode::Manual && (proxy.host.isEmpty() || proxy.port == 0))
        proxy.mode = net::ProxySettings::Mode::System; // half a manual proxy is none at all
    return proxy;
}

void AppSettings::setProxy(const net::ProxySettings &proxy)
{
    m_settings->setValue(kProxyMode, net::proxyModeName(proxy.mode));
    m_settings->setValue(kProxyHost, proxy.host);
    m_settings->setValue(kProxyPort, int(proxy.port));
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include <QSettings>

namespace versus::ui {

namespace {
const QString kLaneTargets = QStringLiteral("lanes/targets");
const QString kWindowGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
const QString kSendKey = QStringLiteral("composer/sendKey");
const QString kDefaultSystemPrompt = QStringLiteral("composer/systemPrompt");
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

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace versus::ui

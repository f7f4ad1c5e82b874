// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include <QSettings>

namespace versus::ui {

namespace {
const QString kLaneTargets = QStringLiteral("lanes/targets");
const QString kWindowGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
const QString kSideSplitter = QStringLiteral("window/sideSplitter");
const QString kLaneSplitter = QStringLiteral("window/laneSplitter");
const QString kTheme = QStringLiteral("theme");
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
    const QString theme = m_settings->value(kTheme).toString();
    return theme == u"light" || theme == u"dark" ? theme : QStringLiteral("system");
}

void AppSettings::setTheme(const QString &theme)
{
    m_settings->setValue(kTheme, theme);
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace versus::ui

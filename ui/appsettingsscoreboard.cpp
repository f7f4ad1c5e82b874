// SPDX-License-Identifier: GPL-3.0-or-later
// AppSettings: the scoreboard under the lanes.
#include "appsettings.h"

#include <QSettings>

namespace versus::ui {

namespace {
const QString kScoreboardVisible = QStringLiteral("window/scoreboardVisible");
const QString kWorkspaceSplitter = QStringLiteral("window/workspaceSplitter");
} // namespace

bool AppSettings::scoreboardVisible() const
{
    return m_settings->value(kScoreboardVisible, true).toBool();
}

void AppSettings::setScoreboardVisible(bool visible)
{
    m_settings->setValue(kScoreboardVisible, visible);
}

QByteArray AppSettings::workspaceSplitterState() const
{
    return m_settings->value(kWorkspaceSplitter).toByteArray();
}

void AppSettings::setWorkspaceSplitterState(const QByteArray &state)
{
    m_settings->setValue(kWorkspaceSplitter, state);
}

} // namespace versus::ui

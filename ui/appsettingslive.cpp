// SPDX-License-Identifier: GPL-3.0-or-later
// The settings of the comparison workspace's live views: synchronised scrolling and the model
// set that opens at start.
#include "appsettings.h"

#include <QSettings>

namespace versus::ui {

namespace {
const QString kSyncScrolling = QStringLiteral("view/syncScrolling");
const QString kLastModelSet = QStringLiteral("lanes/lastModelSet");
} // namespace

bool AppSettings::syncScrolling() const
{
    return m_settings->value(kSyncScrolling, false).toBool();
}

void AppSettings::setSyncScrolling(bool on)
{
    m_settings->setValue(kSyncScrolling, on);
}

QString AppSettings::lastModelSet() const
{
    return m_settings->value(kLastModelSet).toString();
}

void AppSettings::setLastModelSet(const QString &name)
{
    if (name.isEmpty())
        m_settings->remove(kLastModelSet);
    else
        m_settings->setValue(kLastModelSet, name);
}

} // namespace versus::ui

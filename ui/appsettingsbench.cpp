// SPDX-License-Identifier: GPL-3.0-or-later
// AppSettings: the Bench window.
#include "appsettings.h"

#include <QSettings>

namespace versus::ui {

namespace {
const QString kBenchGeometry = QStringLiteral("bench/geometry");
} // namespace

QByteArray AppSettings::benchGeometry() const
{
    return m_settings->value(kBenchGeometry).toByteArray();
}

void AppSettings::setBenchGeometry(const QByteArray &geometry)
{
    m_settings->setValue(kBenchGeometry, geometry);
}

} // namespace versus::ui

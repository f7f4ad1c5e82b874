// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/apikey.h"

#include <cstring>

namespace versus {

namespace {
void wipe(QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    // Only wipe a buffer we own alone; a shared one belongs to another ApiKey too.
    if (bytes.isDetached()) {
        volatile char *p = bytes.data();
        for (qsizetype i = 0; i < bytes.size(); ++i)
            p[i] = 0;
    }
    bytes.clear();
}
} // namespace

ApiKey ApiKey::fromUtf8(QByteArray bytes)
{
    return ApiKey(std::move(bytes));
}

ApiKey::ApiKey(ApiKey &&other) noexcept
    : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes = QByteArray();
}

ApiKey &ApiKey::operator=(ApiKey &&other) noexcept
{
    if (this != &other) {
        wipe(m_bytes);
        m_bytes = std::move(other.m_bytes);
        other.m_bytes = QByteArray();
    }
    return *this;
}

ApiKey::~ApiKey()
{
    wipe(m_bytes);
}

void ApiKey::clear()
{
    wipe(m_bytes);
}

QString ApiKey::redacted() const
{
    if (m_bytes.isEmpty())
        return QString();
    const QString key = QString::fromUtf8(m_bytes);
    if (key.size() < 12)
        return QStringLiteral("…");
    QString prefix;
    for (qsizetype i = 0; i < qMin<qsizetype>(key.size(), 5); ++i) {
        if (key.at(i) == u'_' || key.at(i) == u'-') {
            prefix = key.left(i + 1);
            break;
        }
    }
    return prefix + u'…' + key.right(4);
}

} // namespace versus

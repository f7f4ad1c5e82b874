// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetextdocument.h"

#include <QFile>
#include <QUrl>

namespace versus::ui {

SafeTextDocument::SafeTextDocument(QObject *parent)
    : QTextDocument(parent)
{
}

bool SafeTextDocument::isAllowedResource(const QUrl &url)
{
    return url.isValid() && url.scheme().compare(u"qrc", Qt::CaseInsensitive) == 0;
}

QVariant SafeTextDocument::loadAllowedResource(const QUrl &url)
{
    if (!isAllowedResource(url))
        return {};
    QFile file(u':' + url.path());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QVariant SafeTextDocument::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type);
    // Deliberately not QTextDocument::loadResource: it falls back to reading files and data: URLs.
    return loadAllowedResource(name);
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "promptimages.h"

#include "imagestrip.h"

#include <QCoreApplication>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextImageFormat>
#include <QUrlQuery>

namespace versus::ui {

QUrl PromptImages::resourceName(int turn, int index)
{
    QUrl url;
    url.setScheme(QStringLiteral("versus-image"));
    url.setPath(QStringLiteral("%1/%2").arg(turn).arg(index));
    return url;
}

QUrl PromptImages::previewLink(int turn, int index)
{
    QUrl url;
    url.setScheme(QStringLiteral("versus"));
    url.setPath(QStringLiteral("image"));
    url.setQuery(QStringLiteral("turn=%1&index=%2").arg(turn).arg(index));
    return url;
}

void PromptImages::insert(QTextCursor &cursor, const QList<ImageInput> &images, int turn)
{
    QTextDocument *document = cursor.document();
    for (qsizetype i = 0; i < images.size(); ++i) {
        const ImageInput &image = images.at(i);
        const QUrl name = resourceName(turn, int(i));
        const QString key = name.toString();
        auto found = m_thumbs.constFind(key);
        if (found == m_thumbs.cend())
            found = m_thumbs.insert(key, ImageStrip::thumbnail(image, kThumbSize));
        const QImage &thumb = *found;
        const QString description = ImageStrip::describe(image);
        if (thumb.isNull()) {
            // Not decodable here (the provider may still read it): its name stands in.
            cursor.insertText(QStringLiteral("[%1] ").arg(description), QTextCharFormat());
            continue;
        }
        document->addResource(QTextDocument::ImageResource, name, thumb);
        QTextImageFormat format;
        format.setName(key);
        format.setWidth(thumb.width());
        format.setHeight(thumb.height());
        format.setToolTip(
            QCoreApplication::translate("versus::ui::ConversationView", "%1 (click to enlarge)").arg(description));
        format.setAnchor(true);
        format.setAnchorHref(previewLink(turn, int(i)).toString());
        cursor.insertImage(format);
        cursor.insertText(QStringLiteral(" "), QTextCharFormat());
    }
}

} // namespace versus::ui

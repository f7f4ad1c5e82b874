// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageintake.h"

#include "chat/imagefiles.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QMimeData>
#include <QUrl>

namespace versus::ui {

namespace {

QList<QUrl> localFiles(const QMimeData *data)
{
    QList<QUrl> files;
    if (!data->hasUrls())
        return files;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            files.append(url);
    }
    return files;
}
} // namespace

bool offersImages(const QMimeData *data)
{
    return data && (data->hasImage() || !localFiles(data).isEmpty());
}

ImageIntake imagesFromMimeData(const QMimeData *data)
{
    ImageIntake intake;
    if (!data)
        return intake;
    // Files first: they keep their own bytes and name (a copied file may also come with a
    // rendered picture of itself).
    const QList<QUrl> files = localFiles(data);
    for (const QUrl &url : files) {
        auto image = imageFromFile(url.toLocalFile());
        if (image)
            intake.images.append(*image);
        else
            intake.errors.append(image.error());
    }
    if (!files.isEmpty() || !data->hasImage())
        return intake;
    const QImage picture = qvariant_cast<QImage>(data->imageData());
    if (picture.isNull()) {
        intake.errors.append(
            QCoreApplication::translate("versus::ui::Composer", "The clipboard's image cannot be read."));
        return intake;
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!picture.save(&buffer, "PNG")) {
        intake.errors.append(
            QCoreApplication::translate("versus::ui::Composer", "The clipboard's image cannot be read."));
        return intake;
    }
    auto image = imageFromBytes(png, QCoreApplication::translate("versus::ui::Composer", "pasted-image.png"));
    if (image)
        intake.images.append(*image);
    else
        intake.errors.append(image.error());
    return intake;
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/imagefiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace versus {

namespace {

QString sizeText(qint64 bytes)
{
    return QCoreApplication::translate("versus::ImageFiles", "%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

} // namespace

QString sniffImageType(QByteArrayView data)
{
    if (data.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    if (data.size() >= 3 && data.startsWith("\xff\xd8\xff"))
        return QStringLiteral("image/jpeg");
    if (data.startsWith("GIF87a") || data.startsWith("GIF89a"))
        return QStringLiteral("image/gif");
    if (data.size() >= 12 && data.startsWith("RIFF") && data.sliced(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    return QString();
}

std::expected<ImageInput, QString> imageFromBytes(const QByteArray &data, const QString &fileName)
{
    const QString shown = fileName.isEmpty() ? QCoreApplication::translate("versus::ImageFiles", "The image")
                                             : QStringLiteral("\u201c%1\u201d").arg(fileName);
    if (data.isEmpty())
        return std::unexpected(QCoreApplication::translate("versus::ImageFiles", "%1 is empty.").arg(shown));
    if (data.size() > kMaxImageFileBytes)
        return std::unexpected(
            QCoreApplication::translate("versus::ImageFiles", "%1 is %2; images up to %3 can be attached.")
                .arg(shown, sizeText(data.size()), sizeText(kMaxImageFileBytes)));
    const QString type = sniffImageType(data);
    if (type.isEmpty())
        return std::unexpected(
            QCoreApplication::translate("versus::ImageFiles", "%1 is not a PNG, JPEG, WebP or GIF image.").arg(shown));
    ImageInput image;
    image.mimeType = type;
    image.data = data;
    image.fileName = fileName;
    return image;
}

QString imageDataUrl(const ImageInput &image)
{
    return QStringLiteral("data:") + image.mimeType + QStringLiteral(";base64,") +
           QString::fromLatin1(image.data.toBase64());
}

std::expected<ImageInput, QString> imageFromFile(const QString &path)
{
    const QFileInfo info(path);
    QFile file(path);
    if (!info.exists())
        return std::unexpected(QCoreApplication::translate("versus::ImageFiles", "There is no image %1.").arg(path));
    if (!info.isFile())
        return std::unexpected(QCoreApplication::translate("versus::ImageFiles", "%1 is not a file.").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(QCoreApplication::translate("versus::ImageFiles", "Cannot read the image %1: %2")
                                   .arg(path, file.errorString()));
    if (info.size() > kMaxImageFileBytes)
        return std::unexpected(
            QCoreApplication::translate("versus::ImageFiles", "\u201c%1\u201d is %2; images up to %3 can be attached.")
                .arg(info.fileName(), sizeText(info.size()), sizeText(kMaxImageFileBytes)));
    const QByteArray data = file.read(kMaxImageFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return std::unexpected(QCoreApplication::translate("versus::ImageFiles", "Cannot read the image %1: %2")
                                   .arg(path, file.errorString()));
    return imageFromBytes(data, info.fileName());
}

} // namespace versus

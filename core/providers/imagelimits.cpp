// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/imagelimits.h"

#include <QCoreApplication>

namespace versus {

namespace {

// Base64 text is 4 characters for every 3 bytes, padded.
qint64 measured(const ImageInput &image, bool base64)
{
    const qint64 size = image.data.size();
    return base64 ? (size + 2) / 3 * 4 : size;
}

QString imageName(const ImageInput &image, int position)
{
    return image.fileName.isEmpty() ? QCoreApplication::translate("versus::ImageLimits", "Image %1").arg(position)
                                    : image.fileName;
}

} // namespace

QString formatImageBytes(qint64 bytes)
{
    constexpr double kMb = 1024.0 * 1024.0;
    if (bytes >= 1024 * 1024) {
        const double mb = double(bytes) / kMb;
        // One decimal, without a trailing ".0": "5 MB", "6.2 MB".
        QString text = QString::number(mb, 'f', 1);
        if (text.endsWith(QStringLiteral(".0")))
            text.chop(2);
        return QCoreApplication::translate("versus::ImageLimits", "%1 MB").arg(text);
    }
    return QCoreApplication::translate("versus::ImageLimits", "%1 KB").arg((bytes + 1023) / 1024);
}

QStringList imageLimitProblems(const ImageLimits &limits, const QString &providerName,
                               const QList<ChatMessage> &messages)
{
    QStringList problems;
    QList<ImageInput> images;
    for (const ChatMessage &message : messages)
        images += message.images;
    if (images.isEmpty())
        return problems;

    if (limits.maxCount && images.size() > *limits.maxCount)
        problems << QCoreApplication::translate("versus::ImageLimits",
                                                "%1 takes at most %2 images per request; this one has %3.")
                        .arg(providerName)
                        .arg(*limits.maxCount)
                        .arg(images.size());
    qint64 total = 0;
    int position = 0;
    for (const ImageInput &image : images) {
        ++position;
        const qint64 size = measured(image, limits.base64Size);
        total += size;
        if (!limits.types.isEmpty() && !limits.types.contains(image.mimeType.toLower()))
            problems << QCoreApplication::translate("versus::ImageLimits", "%1 is %2; %3 takes only %4.")
                            .arg(imageName(image, position), image.mimeType, providerName,
                                 limits.types.join(QStringLiteral(", ")));
        if (limits.maxBytes && size > *limits.maxBytes)
            problems << (limits.base64Size ? QCoreApplication::translate(
                                                 "versus::ImageLimits", "%1 is %2 as base64; %3 takes images up to %4.")
                                           : QCoreApplication::translate("versus::ImageLimits",
                                                                         "%1 is %2; %3 takes images up to %4."))
                            .arg(imageName(image, position), formatImageBytes(size), providerName,
                                 formatImageBytes(*limits.maxBytes));
    }
    if (limits.maxTotalBytes && total > *limits.maxTotalBytes)
        problems << (limits.base64Size
                         ? QCoreApplication::translate(
                               "versus::ImageLimits",
                               "The images of this request are %1 as base64; %2 takes up to %3 in one request.")
                         : QCoreApplication::translate(
                               "versus::ImageLimits",
                               "The images of this request are %1 together; %2 takes up to %3 in one request."))
                        .arg(formatImageBytes(total), providerName, formatImageBytes(*limits.maxTotalBytes));
    return problems;
}

} // namespace versus

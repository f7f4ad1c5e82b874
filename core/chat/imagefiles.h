// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"

#include <QByteArrayView>
#include <QString>

#include <expected>

namespace versus {

/// The largest image file Versus attaches at all (providers have their own, smaller limits,
/// checked per lane).
inline constexpr qint64 kMaxImageFileBytes = 20 * 1024 * 1024;

/// The media type of an encoded image from its first bytes: image/png, image/jpeg,
/// image/webp or image/gif; empty for anything else (the file name's extension is not trusted).
QString sniffImageType(QByteArrayView data);

/// An attachment from bytes (pasted or dropped): refused, with words a user understands, when
/// empty, larger than kMaxImageFileBytes or not one of the four types.
std::expected<ImageInput, QString> imageFromBytes(const QByteArray &data, const QString &fileName = {});

/// The image as a data URL, data:<type>;base64,<bytes>: how the OpenAI dialect's image_url
/// and Synesia's imageInputs carry it.
QString imageDataUrl(const ImageInput &image);

/// An attachment read from @p path (the composer's button, a drop, versus-cli --image).
std::expected<ImageInput, QString> imageFromFile(const QString &path);

} // namespace versus

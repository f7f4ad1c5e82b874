// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"

#include <QStringList>

class QMimeData;

namespace versus::ui {

/// What a paste or a drop offered as images: those that can be attached, and why the others
/// cannot (one sentence each, in the words of imageFromFile()/imageFromBytes()).
struct ImageIntake {
    QList<ImageInput> images;
    QStringList errors;
};

/// True when @p data carries an image (a picture on the clipboard) or local files, which the
/// composer takes as images to attach rather than as text.
bool offersImages(const QMimeData *data);

/// The images @p data carries: each local file it names (the type is sniffed from the bytes,
/// not the name), else a picture on the clipboard, encoded as PNG.
ImageIntake imagesFromMimeData(const QMimeData *data);

} // namespace versus::ui

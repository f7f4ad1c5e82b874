// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"

#include <QDialog>

namespace versus::ui {

/// An image sent with a prompt, larger: scaled to fit the screen, its name, type and size
/// in the title. Closes with Esc.
class ImagePreview : public QDialog {
    Q_OBJECT
public:
    explicit ImagePreview(const ImageInput &image, QWidget *parent = nullptr);
};

} // namespace versus::ui

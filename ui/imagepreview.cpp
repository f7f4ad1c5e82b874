// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagepreview.h"

#include "imagestrip.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>

namespace versus::ui {

ImagePreview::ImagePreview(const ImageInput &image, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("imagePreview"));
    setWindowTitle(ImageStrip::describe(image));
    QSize room(1200, 900);
    if (const QScreen *screen = parent ? parent->screen() : this->screen())
        room = room.boundedTo(screen->availableSize() * 0.8);
    QImage picture = ImageStrip::thumbnail(image, std::max(room.width(), room.height()));
    if (picture.width() > room.width() || picture.height() > room.height())
        picture = picture.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation);

    auto *label = new QLabel(this);
    label->setObjectName(QStringLiteral("previewImage"));
    label->setAlignment(Qt::AlignCenter);
    if (picture.isNull())
        label->setText(tr("This image cannot be shown here."));
    else
        label->setPixmap(QPixmap::fromImage(picture));
    auto *area = new QScrollArea(this);
    area->setWidget(label);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(area, 1);
    layout->addWidget(buttons);
    resize(room.boundedTo(picture.size().grownBy(QMargins(30, 30, 30, 70)).expandedTo(QSize(320, 240))));
}

} // namespace versus::ui

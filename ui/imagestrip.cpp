// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagestrip.h"

#include <QBuffer>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QKeyEvent>
#include <QLocale>
#include <QToolButton>

namespace versus::ui {

ImageStrip::ImageStrip(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("imageStrip"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    m_layout->addStretch(1);
    hide();
}

QImage ImageStrip::thumbnail(const ImageInput &image, int size)
{
    QByteArray data = image.data; // shared, not copied
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (full.isValid() && (full.width() > size || full.height() > size))
        reader.setScaledSize(full.scaled(size, size, Qt::KeepAspectRatio)); // decodes less of a big JPEG
    QImage result = reader.read();
    if (!result.isNull() && (result.width() > size || result.height() > size))
        result = result.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return result;
}

QString ImageStrip::describe(const ImageInput &image)
{
    const QString type = image.mimeType.section(u'/', 1).toUpper();
    const QString size = QLocale().formattedDataSize(image.data.size(), 1, QLocale::DataSizeTraditionalFormat);
    const QString name = image.fileName.isEmpty() ? tr("Pasted image") : image.fileName;
    return tr("%1 — %2, %3").arg(name, type, size);
}

void ImageStrip::setImages(const QList<ImageInput> &images)
{
    // Later: the click or key press that removed an image is still being delivered to its tile.
    for (const Tile &tile : std::as_const(m_tiles)) {
        m_layout->removeWidget(tile.frame);
        tile.frame->hide();
        tile.frame->deleteLater();
    }
    m_tiles.clear();
    for (qsizetype i = 0; i < images.size(); ++i) {
        const ImageInput &image = images.at(i);
        auto *frame = new QWidget(this);
        auto *grid = new QGridLayout(frame);
        grid->setContentsMargins(0, 0, 0, 0);
        grid->setSpacing(0);
        auto *thumb = new QToolButton(frame);
        thumb->setObjectName(QStringLiteral("imageThumb"));
        thumb->setFixedSize(kThumbSize + 8, kThumbSize + 8);
        thumb->setIconSize(QSize(kThumbSize, kThumbSize));
        const QImage preview = thumbnail(image, kThumbSize);
        if (preview.isNull())
            thumb->setText(image.mimeType.section(u'/', 1).toUpper());
        else
            thumb->setIcon(QIcon(QPixmap::fromImage(preview)));
        const QString description = describe(image);
        thumb->setToolTip(description);
        thumb->setAccessibleName(description);
        thumb->setAccessibleDescription(tr("Press Delete to remove this image"));
        thumb->installEventFilter(this);
        auto *remove = new QToolButton(frame);
        remove->setObjectName(QStringLiteral("imageRemove"));
        remove->setText(QStringLiteral("×"));
        remove->setAutoRaise(true);
        remove->setFixedSize(18, 18);
        remove->setToolTip(tr("Remove %1").arg(image.fileName.isEmpty() ? tr("this image") : image.fileName));
        remove->setAccessibleName(remove->toolTip());
        grid->addWidget(thumb, 0, 0);
        grid->addWidget(remove, 0, 0, Qt::AlignTop | Qt::AlignRight);
        const int index = int(i);
        connect(remove, &QToolButton::clicked, this, [this, index] { Q_EMIT removeRequested(index); });
        m_layout->insertWidget(m_layout->count() - 1, frame);
        m_tiles.append({frame, thumb, remove});
    }
    setVisible(!m_tiles.isEmpty());
}

QList<QToolButton *> ImageStrip::thumbnails() const
{
    QList<QToolButton *> result;
    for (const Tile &tile : m_tiles)
        result.append(tile.thumb);
    return result;
}

QList<QToolButton *> ImageStrip::removeButtons() const
{
    QList<QToolButton *> result;
    for (const Tile &tile : m_tiles)
        result.append(tile.remove);
    return result;
}

bool ImageStrip::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            for (qsizetype i = 0; i < m_tiles.size(); ++i) {
                if (m_tiles.at(i).thumb == watched) {
                    Q_EMIT removeRequested(int(i));
                    return true;
                }
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"

#include <QWidget>

class QHBoxLayout;
class QToolButton;

namespace versus::ui {

/// The images attached to the prompt, above the composer's text box: a small preview of each
/// (its file name, type and size in the tooltip) with a "×" that removes it. Every button is
/// reachable with Tab; Delete or Backspace on a preview removes it too. Hidden while empty.
/// Previews are named "imageThumb", their remove buttons "imageRemove".
class ImageStrip : public QWidget {
    Q_OBJECT
public:
    static constexpr int kThumbSize = 56;

    explicit ImageStrip(QWidget *parent = nullptr);

    /// Shows @p images in order, replacing what was shown.
    void setImages(const QList<ImageInput> &images);
    int count() const { return int(m_tiles.size()); }
    QList<QToolButton *> thumbnails() const;
    QList<QToolButton *> removeButtons() const;

    /// A preview of @p image at most @p size pixels wide and high (null when it cannot be decoded).
    static QImage thumbnail(const ImageInput &image, int size);
    /// "photo.png — PNG, 1.2 MB"
    static QString describe(const ImageInput &image);

Q_SIGNALS:
    /// The user asked to remove the image at @p index.
    void removeRequested(int index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Tile {
        QWidget *frame;
        QToolButton *thumb;
        QToolButton *remove;
    };

    QHBoxLayout *m_layout;
    QList<Tile> m_tiles;
};

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "composer.h"

#include "chat/imagefiles.h"
#include "imageintake.h"
#include "imagestrip.h"
#include "prompteditor.h"

#include <QDropEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QToolButton>

namespace versus::ui {

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_editor(new PromptEditor(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_estimate(new QLabel(this))
    , m_attach(new QPushButton(tr("Attach image…"), this))
    , m_strip(new ImageStrip(this))
{
    setObjectName(QStringLiteral("composer"));
    m_editor->setObjectName(QStringLiteral("composerEditor"));
    m_editor->setPlaceholderText(
        tr("Ask every lane the same thing… (Ctrl+Enter sends, Esc stops; paste or drop images to attach them)"));
    m_editor->setTabChangesFocus(true);
    const int lines = 4;
    m_editor->setFixedHeight(m_editor->fontMetrics().lineSpacing() * lines + 2 * m_editor->frameWidth() + 12);

    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setToolTip(tr("Send to every lane (Ctrl+Enter)"));
    m_send->setDefault(true);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setToolTip(tr("Stop every lane (Esc); partial answers stay"));
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setToolTip(
        tr("Attach PNG, JPEG, WebP or GIF images to the prompt (Ctrl+Shift+A); up to %1").arg(kMaxImages));
    m_estimate->setObjectName(QStringLiteral("estimate"));
    m_estimate->setTextFormat(Qt::PlainText);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setHorizontalSpacing(8);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_strip, 0, 0);
    layout->addWidget(m_editor, 1, 0, 3, 1);
    layout->addWidget(m_send, 1, 1);
    layout->addWidget(m_stop, 2, 1);
    layout->addWidget(m_attach, 3, 1, Qt::AlignTop);
    layout->addWidget(m_estimate, 4, 0, 1, 2);
    layout->setColumnStretch(0, 1);
    layout->setRowStretch(3, 1);
    setAcceptDrops(true); // files dropped beside the box are taken like those dropped on it

    connect(m_send, &QPushButton::clicked, this, &Composer::sendRequested);
    connect(m_stop, &QPushButton::clicked, this, &Composer::stopRequested);
    connect(m_attach, &QPushButton::clicked, this, &Composer::chooseImages);
    connect(m_strip, &ImageStrip::removeRequested, this, &Composer::removeImage);
    connect(static_cast<PromptEditor *>(m_editor), &PromptEditor::imagesOffered, this, &Composer::attachMimeData);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        updateButtons();
        Q_EMIT textChanged();
    });
    updateButtons();
}

QString Composer::text() const
{
    return m_editor->toPlainText();
}

void Composer::clear()
{
    m_editor->clear();
    if (!m_images.isEmpty()) {
        m_images.clear();
        m_strip->setImages(m_images);
        updateButtons();
        Q_EMIT imagesChanged();
    }
}

void Composer::setText(const QString &text)
{
    m_editor->setPlainText(text);
    m_editor->moveCursor(QTextCursor::End);
}

void Composer::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

bool Composer::canSend() const
{
    return !m_busy && (!text().trimmed().isEmpty() || !m_images.isEmpty());
}

void Composer::setEstimate(const QString &text, const QString &toolTip)
{
    m_estimate->setText(text);
    m_estimate->setToolTip(toolTip);
}

void Composer::addImages(const QList<ImageInput> &images)
{
    if (images.isEmpty())
        return;
    const qsizetype room = std::max<qsizetype>(0, kMaxImages - m_images.size());
    m_images.append(images.first(std::min(room, images.size())));
    if (images.size() > room) {
        const int left = int(images.size() - room);
        reportErrors({tr("A prompt carries at most %1 images. Left out: %2.").arg(kMaxImages).arg(left)});
    }
    if (room == 0)
        return;
    m_strip->setImages(m_images);
    updateButtons();
    Q_EMIT imagesChanged();
}

void Composer::attachFiles(const QStringList &paths)
{
    QList<ImageInput> images;
    QStringList errors;
    for (const QString &path : paths) {
        auto image = imageFromFile(path);
        if (image)
            images.append(*image);
        else
            errors.append(image.error());
    }
    reportErrors(errors);
    addImages(images);
}

void Composer::attachMimeData(const QMimeData *data)
{
    const ImageIntake intake = imagesFromMimeData(data);
    reportErrors(intake.errors);
    addImages(intake.images);
}

void Composer::removeImage(int index)
{
    if (index < 0 || index >= m_images.size())
        return;
    m_images.removeAt(index);
    m_strip->setImages(m_images);
    // The focus stays in the strip (the next image's preview) or goes back to the text.
    const QList<QToolButton *> thumbs = m_strip->thumbnails();
    if (!thumbs.isEmpty())
        thumbs.at(std::min<qsizetype>(index, thumbs.size() - 1))->setFocus();
    else
        m_editor->setFocus();
    updateButtons();
    Q_EMIT imagesChanged();
}

void Composer::chooseImages()
{
    QStringList paths;
    if (m_askImagePaths) {
        paths = m_askImagePaths();
    } else {
        paths = QFileDialog::getOpenFileNames(this, tr("Attach images"),
                                              QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
                                              tr("Images (*.png *.jpg *.jpeg *.webp *.gif);;All files (*)"));
    }
    attachFiles(paths);
    m_editor->setFocus();
}

void Composer::dragEnterEvent(QDragEnterEvent *event)
{
    if (offersImages(event->mimeData()))
        event->acceptProposedAction();
}

void Composer::dropEvent(QDropEvent *event)
{
    if (!offersImages(event->mimeData()))
        return;
    event->acceptProposedAction();
    attachMimeData(event->mimeData());
}

void Composer::reportErrors(const QStringList &errors)
{
    if (!errors.isEmpty())
        Q_EMIT attachFailed(errors.join(u'\n'));
}

void Composer::updateButtons()
{
    m_send->setEnabled(canSend());
    m_stop->setEnabled(m_busy);
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "composer.h"

#include "chat/imagefiles.h"
#include "imageintake.h"
#include "imagestrip.h"
#include "prompteditor.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace versus::ui {

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_editor(new PromptEditor(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_estimate(new QLabel(this))
    , m_attach(new QPushButton(tr("Attach image…"), this))
    , m_systemButton(new QPushButton(tr("System prompt…"), this))
    , m_strip(new ImageStrip(this))
{
    setObjectName(QStringLiteral("composer"));
    m_editor->setObjectName(QStringLiteral("composerEditor"));
    m_editor->setTabChangesFocus(true);
    m_editor->installEventFilter(this);
    const int lines = 4;
    m_editor->setFixedHeight(m_editor->fontMetrics().lineSpacing() * lines + 2 * m_editor->frameWidth() + 12);

    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setToolTip(tr("Stop every lane (Esc); partial answers stay"));
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setToolTip(
        tr("Attach PNG, JPEG, WebP or GIF images to the prompt (Ctrl+Shift+A); up to %1").arg(kMaxImages));
    m_systemButton->setObjectName(QStringLiteral("systemPromptButton"));
    setSystemPrompt(QString());
    updateSendWording();
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
    layout->addWidget(m_systemButton, 4, 1);
    layout->addWidget(m_estimate, 4, 0);
    layout->setColumnStretch(0, 1);
    layout->setRowStretch(3, 1);
    setAcceptDrops(true); // files dropped beside the box are taken like those dropped on it

    connect(m_send, &QPushButton::clicked, this, &Composer::sendRequested);
    connect(m_stop, &QPushButton::clicked, this, &Composer::stopRequested);
    connect(m_attach, &QPushButton::clicked, this, &Composer::chooseImages);
    connect(m_systemButton, &QPushButton::clicked, this, &Composer::editSystemPrompt);
    connect(m_strip, &ImageStrip::removeRequested, this, &Composer::removeImage);
    connect(static_cast<PromptEditor *>(m_editor), &PromptEditor::imagesOffered, this, &Composer::attachMimeData);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        updateButtons();
        Q_EMIT textChanged();
    });
    updateButtons();
}

void Composer::setSendWithCtrlEnter(bool ctrlEnter)
{
    m_ctrlEnter = ctrlEnter;
    updateSendWording();
}

void Composer::updateSendWording()
{
    const QString key = m_ctrlEnter ? tr("Ctrl+Enter") : tr("Enter");
    m_editor->setPlaceholderText(m_ctrlEnter ? tr("Ask every lane the same thing… (Ctrl+Enter sends, Esc stops; "
                                                  "paste or drop images to attach them)")
                                             : tr("Ask every lane the same thing… (Enter sends, Shift+Enter starts "
                                                  "a new line, Esc stops; paste or drop images to attach them)"));
    m_send->setToolTip(tr("Send to every lane (%1)").arg(key));
}

void Composer::setSystemPrompt(const QString &prompt)
{
    m_systemPrompt = prompt;
    const bool set = !prompt.trimmed().isEmpty();
    m_systemButton->setText(set ? tr("System prompt ✓") : tr("System prompt…"));
    m_systemButton->setToolTip(
        set ? tr("Every lane without a system prompt of its own is told:\n%1").arg(prompt.left(300))
            : tr("A system prompt for every lane that has none of its own (a lane's Parameters set its own)"));
}

void Composer::editSystemPrompt()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("systemPromptDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("System prompt"));
    auto *label = new QLabel(tr("Sent to every lane that has no system prompt of its own, from the next prompt on. "
                                "Saved with the conversation."),
                             dialog);
    label->setWordWrap(true);
    auto *edit = new QPlainTextEdit(dialog);
    edit->setObjectName(QStringLiteral("systemPromptEdit"));
    edit->setPlainText(m_systemPrompt);
    edit->setTabChangesFocus(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(label);
    layout->addWidget(edit, 1);
    layout->addWidget(buttons);
    dialog->resize(520, 300);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, edit] {
        const QString prompt = edit->toPlainText().trimmed();
        if (prompt == m_systemPrompt)
            return;
        setSystemPrompt(prompt);
        Q_EMIT systemPromptEdited(prompt);
    });
    dialog->open();
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_editor || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter)
        return false;
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    if (modifiers == Qt::ShiftModifier) {
        m_editor->insertPlainText(QStringLiteral("\n")); // a plain new line, not a line separator
        return true;
    }
    if (modifiers == Qt::NoModifier && !m_ctrlEnter) {
        if (canSend())
            Q_EMIT sendRequested();
        return true;
    }
    return false; // Ctrl+Enter is the window's "Send to all lanes"; Enter in Ctrl+Enter mode a new line
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

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"

#include <QWidget>

#include <functional>

class QLabel;
class QMimeData;
class QPlainTextEdit;
class QPushButton;

namespace versus::ui {

class ImageStrip;

/// The prompt box under the lanes: what is typed here goes to every lane. Shows what
/// sending may cost (the pre-send estimate summed over the lanes). Enter sends and Shift+Enter
/// starts a new line, or, with setSendWithCtrlEnter(), Enter is a new line and only Ctrl+Enter
/// (the window's "Send to all lanes" action, which works either way) sends.
///
/// "System prompt…" edits the system prompt of every lane that has none of its own (kept by
/// the window in AppSettings and given to the Comparison).
///
/// Images go with the prompt: "Attach image…" (Ctrl+Shift+A, a window action), a pasted
/// picture or files, files dropped on the box. They show in an ImageStrip above the text;
/// what cannot be attached is said by attachFailed() and nothing else changes.
class Composer : public QWidget {
    Q_OBJECT
public:
    /// Images one prompt may carry.
    static constexpr int kMaxImages = 10;

    explicit Composer(QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *stopButton() const { return m_stop; }
    QLabel *estimateLabel() const { return m_estimate; }
    QPushButton *attachButton() const { return m_attach; }
    ImageStrip *imageStrip() const { return m_strip; }
    QPushButton *systemPromptButton() const { return m_systemButton; }

    /// Whether Ctrl+Enter (not Enter) sends; Enter then starts a new line.
    void setSendWithCtrlEnter(bool ctrlEnter);
    bool sendsWithCtrlEnter() const { return m_ctrlEnter; }

    /// The system prompt shown by "System prompt…" (no signal).
    void setSystemPrompt(const QString &prompt);
    QString systemPrompt() const { return m_systemPrompt; }
    /// Opens the system prompt editor ("systemPromptDialog"; OK keeps what it holds).
    void editSystemPrompt();

    QString text() const;
    const QList<ImageInput> &images() const { return m_images; }
    /// Empties the text and the images.
    void clear();
    /// Puts @p text back in the box (a prompt that could not be sent).
    void setText(const QString &text);
    /// While busy, Send is disabled and Stop enabled.
    void setBusy(bool busy);
    bool canSend() const;
    void setEstimate(const QString &text, const QString &toolTip);

    /// Attaches @p images after those attached, up to kMaxImages (attachFailed() for the rest).
    void addImages(const QList<ImageInput> &images);
    /// Attaches the image files at @p paths; each that cannot be is named in attachFailed().
    void attachFiles(const QStringList &paths);
    /// Attaches the images a paste or a drop carries (see imagesFromMimeData()).
    void attachMimeData(const QMimeData *data);
    void removeImage(int index);
    /// Asks for image files (a file dialog unless a test set a seam) and attaches them.
    void chooseImages();
    /// Replaces the file dialog of chooseImages() (tests).
    void setAskImagePaths(std::function<QStringList()> ask) { m_askImagePaths = std::move(ask); }

Q_SIGNALS:
    void sendRequested();
    void stopRequested();
    void textChanged();
    /// Images were attached or removed.
    void imagesChanged();
    /// Something offered as an image was not attached; @p message says what and why.
    void attachFailed(const QString &message);
    /// The user changed the system prompt in its editor.
    void systemPromptEdited(const QString &prompt);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void updateButtons();
    void updateSendWording();
    void reportErrors(const QStringList &errors);

    QPlainTextEdit *m_editor;
    QPushButton *m_send;
    QPushButton *m_stop;
    QLabel *m_estimate;
    QPushButton *m_attach;
    QPushButton *m_systemButton;
    QString m_systemPrompt;
    bool m_ctrlEnter = false;
    ImageStrip *m_strip;
    QList<ImageInput> m_images;
    std::function<QStringList()> m_askImagePaths;
    bool m_busy = false;
};

} // namespace versus::ui

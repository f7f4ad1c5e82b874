// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace versus::ui {

/// The composer's text box: text is pasted and dropped as usual, but a picture or files
/// (pasted, or dropped onto it) are handed to imagesOffered() to be attached instead of
/// being inserted as text.
class PromptEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit PromptEditor(QWidget *parent = nullptr);

Q_SIGNALS:
    /// @p data (valid only during the call) carries images or files to attach.
    void imagesOffered(const QMimeData *data);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
};

} // namespace versus::ui

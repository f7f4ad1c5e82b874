// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompteditor.h"

#include "imageintake.h"

#include <QMimeData>

namespace versus::ui {

PromptEditor::PromptEditor(QWidget *parent)
    : QPlainTextEdit(parent)
{
}

bool PromptEditor::canInsertFromMimeData(const QMimeData *source) const
{
    return offersImages(source) || QPlainTextEdit::canInsertFromMimeData(source);
}

void PromptEditor::insertFromMimeData(const QMimeData *source)
{
    if (offersImages(source))
        Q_EMIT imagesOffered(source);
    else
        QPlainTextEdit::insertFromMimeData(source);
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"

#include <QHash>
#include <QImage>
#include <QUrl>

class QTextCursor;

namespace versus::ui {

/// The thumbnails of the images sent with a prompt, drawn in a conversation's QTextDocument.
/// Each is a resource the document holds in memory (QTextDocument::addResource) under the
/// private name versus-image:<turn>/<index>: the document never loads it, so SafeTextDocument
/// keeps refusing every file:, data: and network resource. Scaled previews are kept here, so a
/// re-render does not decode the images again.
class PromptImages {
public:
    static constexpr int kThumbSize = 96;

    /// The resource name of image @p index of turn @p turn.
    static QUrl resourceName(int turn, int index);
    /// The "versus:image?turn=…&index=…" link a thumbnail carries (opens the preview).
    static QUrl previewLink(int turn, int index);

    /// Inserts a line of thumbnails of @p images at @p cursor, each registered in the cursor's
    /// document and linked to previewLink().
    void insert(QTextCursor &cursor, const QList<ImageInput> &images, int turn);
    /// Forgets the previews (the conversation was replaced).
    void clear() { m_thumbs.clear(); }

private:
    QHash<QString, QImage> m_thumbs; // by resource name
};

} // namespace versus::ui

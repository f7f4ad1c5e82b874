// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextDocument>

namespace versus::ui {

/// A QTextDocument for text that Versus did not write (model output): it loads no resource
/// except the application's own (qrc:). QTextDocument::loadResource would otherwise read
/// any local file an answer names (`![](file:///etc/hostname)`, or /dev/zero until memory
/// runs out), decode data: URLs, and it does so even when the view that shows the document
/// refuses the resource itself.
class SafeTextDocument : public QTextDocument {
    Q_OBJECT
public:
    explicit SafeTextDocument(QObject *parent = nullptr);

    /// True only for resources bundled in the application (qrc:).
    static bool isAllowedResource(const QUrl &url);
    /// The bytes of an allowed resource; a null QVariant for everything else.
    static QVariant loadAllowedResource(const QUrl &url);

protected:
    QVariant loadResource(int type, const QUrl &name) override;
};

} // namespace versus::ui

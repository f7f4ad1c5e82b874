// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextBrowser>

#include <functional>

namespace versus::ui {

/// A QTextBrowser for model output. It fetches nothing: no local file, no remote image, no
/// data: URL (only the application's own qrc: resources), because an answer can name
/// `![](file:///…)` or a tracking image. Links are never followed by the view itself: an
/// http(s) link is opened in the web browser only after the user confirmed the address;
/// every other scheme is ignored, except Versus' own "versus:" links, which are handed to
/// internalLinkActivated() for the view that made them.
class SafeTextBrowser : public QTextBrowser {
    Q_OBJECT
public:
    /// What opens a confirmed link (QDesktopServices::openUrl unless a test replaces it).
    using LinkOpener = std::function<void(const QUrl &)>;

    explicit SafeTextBrowser(QWidget *parent = nullptr);

    void setLinkOpener(LinkOpener opener);

    /// Null for everything except qrc: resources.
    QVariant loadResource(int type, const QUrl &name) override;

    /// True for the links this view offers to open: http and https with a host.
    static bool isWebLink(const QUrl &url);

Q_SIGNALS:
    /// A link with the "versus" scheme (made by Versus itself, e.g. "show the reasoning") was clicked.
    void internalLinkActivated(const QUrl &url);

private:
    void onAnchorClicked(const QUrl &url);
    void askToOpen(const QUrl &url);

    LinkOpener m_opener;
};

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetextbrowser.h"

#include "safetextdocument.h"

#include <QDesktopServices>
#include <QMessageBox>
#include <QPushButton>

namespace versus::ui {

SafeTextBrowser::SafeTextBrowser(QWidget *parent)
    : QTextBrowser(parent)
    , m_opener([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
    // The document, not only the view, must refuse resources: QTextDocument falls back to
    // reading local files itself when the view's loadResource() returns nothing.
    setDocument(new SafeTextDocument(this));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, &SafeTextBrowser::onAnchorClicked);
}

void SafeTextBrowser::setLinkOpener(LinkOpener opener)
{
    m_opener = std::move(opener);
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type);
    return SafeTextDocument::loadAllowedResource(name);
}

bool SafeTextBrowser::isWebLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"http" || scheme == u"https") && !url.host().isEmpty();
}

void SafeTextBrowser::onAnchorClicked(const QUrl &url)
{
    if (url.scheme() == u"versus") {
        Q_EMIT internalLinkActivated(url);
        return;
    }
    if (isWebLink(url))
        askToOpen(url);
    // Anything else (file:, data:, javascript:, relative paths...) is not followed.
}

void SafeTextBrowser::askToOpen(const QUrl &url)
{
    // Window-modal and asynchronous: no nested event loop. The address is shown in full and
    // as plain text, so a link's label cannot disguise where it goes.
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Open link"),
                        tr("Open this address in your web browser?\n\n%1").arg(url.toDisplayString(QUrl::FullyEncoded)),
                        QMessageBox::Open | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmOpenLink"));
    box->setTextFormat(Qt::PlainText);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, url](int answer) {
        if (answer == QMessageBox::Open && m_opener)
            m_opener(url);
    });
    box->open();
}

} // namespace versus::ui

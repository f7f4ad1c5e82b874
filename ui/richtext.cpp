// SPDX-License-Identifier: GPL-3.0-or-later
#include "richtext.h"

#include "safetextbrowser.h"
#include "safetextdocument.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>

namespace versus::ui {

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QString prettyArguments(const QString &arguments, bool *valid)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(arguments.toUtf8(), &error);
    *valid = error.error == QJsonParseError::NoError && !document.isNull();
    if (!*valid)
        return arguments;
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
}

int wordCount(const QString &text)
{
    return int(text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size());
}

namespace {

bool isCode(const QTextBlock &block)
{
    const QTextBlockFormat format = block.blockFormat();
    return format.nonBreakableLines() || format.hasProperty(QTextFormat::BlockCodeFence);
}

} // namespace

// Markdown images become a dimmed "[image: …]" mention: nothing is fetched, and a web
// address stays reachable (as a link that asks before opening).
void replaceImages(QTextDocument &document, const QTextCharFormat &dim)
{
    struct Image {
        int position;
        int length;
        QString name;
        QString alt;
    };
    QList<Image> images;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid() && fragment.charFormat().isImageFormat()) {
                const QTextImageFormat image = fragment.charFormat().toImageFormat();
                images.append({fragment.position(), fragment.length(), image.name(),
                               image.stringProperty(QTextFormat::ImageAltText)});
            }
        }
    }
    for (auto it = images.crbegin(); it != images.crend(); ++it) {
        QTextCursor cursor(&document);
        cursor.setPosition(it->position);
        cursor.setPosition(it->position + it->length, QTextCursor::KeepAnchor);
        QTextCharFormat format = dim;
        const QUrl url(it->name);
        if (SafeTextBrowser::isWebLink(url)) {
            format.setAnchor(true);
            format.setAnchorHref(url.toString(QUrl::FullyEncoded));
            format.setFontUnderline(true);
        }
        const QString label = it->alt.isEmpty() ? it->name : it->alt;
        cursor.insertText(
            QCoreApplication::translate("versus::ui::ConversationView", "[image not loaded: %1]").arg(label), format);
    }
}

// Code stands out: code blocks and inline code get a tinted background.
void tintCode(QTextDocument &document, const QColor &background)
{
    QTextCursor cursor(&document);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        QTextBlockFormat format = block.blockFormat();
        if (isCode(block)) {
            format.setBackground(background);
            // A little air around a code block, none between its lines.
            if (!block.previous().isValid() || !isCode(block.previous()))
                format.setTopMargin(std::max(format.topMargin(), 6.0));
            if (!block.next().isValid() || !isCode(block.next()))
                format.setBottomMargin(std::max(format.bottomMargin(), 6.0));
            cursor.setPosition(block.position());
            cursor.setBlockFormat(format);
            continue;
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid() || !fragment.charFormat().fontFixedPitch())
                continue;
            QTextCharFormat tint;
            tint.setBackground(background);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(tint);
        }
    }
}

QTextDocumentFragment markdownFragment(const QString &markdown, const QFont &font, const QTextCharFormat &dim,
                                       const QColor &codeBackground)
{
    // Parsed in a document that loads nothing either, then copied into the caller's.
    SafeTextDocument parsed;
    parsed.setDefaultFont(font);
    QTextDocument::MarkdownFeatures features(QTextDocument::MarkdownDialectGitHub);
    features |= QTextDocument::MarkdownNoHTML;
    parsed.setMarkdown(markdown, features);
    replaceImages(parsed, dim);
    tintCode(parsed, codeBackground);
    return QTextDocumentFragment(&parsed);
}

} // namespace versus::ui

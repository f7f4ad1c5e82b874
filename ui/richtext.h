// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

class QFont;
class QTextCharFormat;
class QTextDocument;
class QTextDocumentFragment;

// The rich text of a conversation, apart from the view that shows it: colours, tool-call
// arguments, and answers rendered from Markdown without loading anything.
namespace versus::ui {

/// @p a blended towards @p b by @p t (0: a, 1: b).
QColor mix(const QColor &a, const QColor &b, double t);
/// Tool-call @p arguments indented when they are JSON (@p valid true), else as they are.
QString prettyArguments(const QString &arguments, bool *valid);
/// Words in @p text, split at white space.
int wordCount(const QString &text);
/// Replaces the images of @p document by a mention in format @p dim ("[image not loaded: …]");
/// a web address stays a link.
void replaceImages(QTextDocument &document, const QTextCharFormat &dim);
/// Gives code blocks and inline code of @p document the @p background.
void tintCode(QTextDocument &document, const QColor &background);
/// @p markdown (GitHub dialect, HTML left as text) in @p font, parsed in a document that loads
/// nothing, with images as mentions in @p dim and code on @p codeBackground.
QTextDocumentFragment markdownFragment(const QString &markdown, const QFont &font, const QTextCharFormat &dim,
                                       const QColor &codeBackground);

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

class QFont;
class QTextCharFormat;
class QTextCursor;
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
/// Links of @p document to the window's own "versus:" scheme become plain text (a model's
/// answer must not act as the window's Copy, Edit or Regenerate links).
void disarmInternalLinks(QTextDocument &document);
void replaceImages(QTextDocument &document, const QTextCharFormat &dim);
/// Gives code blocks and inline code of @p document the @p background.
void tintCode(QTextDocument &document, const QColor &background);
/// How much of an answer a view lays out: at most kShownCharacters characters in at most
/// kShownLines lines (layout time grows with both; an answer of a megabyte would freeze the
/// window). The rest stays in the model, the history and exports.
inline constexpr qsizetype kShownCharacters = 32 * 1024;
inline constexpr qsizetype kShownLines = 600;
/// Lines longer than this are laid out in pieces of this length (a paragraph's layout time
/// grows faster than its length).
inline constexpr qsizetype kLongestShownLine = 1000;
/// The length of the part of @p text a view shows (see kShownCharacters).
qsizetype shownLength(QStringView text);
/// While an answer streams, its text is appended a flush at a time (each costs what it adds,
/// not what is already there), so more of it is shown: up to kStreamedCharacters characters
/// in kStreamedLines lines. When it ends it is rendered again within shownLength().
inline constexpr qsizetype kStreamedCharacters = 256 * 1024;
inline constexpr qsizetype kStreamedLines = 5000;
qsizetype streamedLength(QStringView text);
/// Inserts the characters [@p from, @p to) of @p text at @p cursor as plain text in @p format,
/// a new paragraph every kLongestShownLine characters of a line (counted from the line's
/// start in @p text, so that pieces appended one after the other break the same way).
void insertShownText(QTextCursor &cursor, QStringView text, qsizetype from, qsizetype to,
                     const QTextCharFormat &format);
/// True when @p markdown can be laid out as Markdown within a frame's time: not too long, not
/// nested too deep, no huge table or paragraph (Qt's Markdown import and table layout grow
/// faster than linearly with those). A hostile or huge answer is shown as plain text instead.
bool isCheapMarkdown(QStringView markdown);
/// @p markdown (GitHub dialect, HTML left as text) in @p font, parsed in a document that loads
/// nothing, with images as mentions in @p dim and code on @p codeBackground. Only its
/// shownLength() is rendered, as plain text when it is not isCheapMarkdown(); a note in
/// @p dim says so.
QTextDocumentFragment markdownFragment(const QString &markdown, const QFont &font, const QTextCharFormat &dim,
                                       const QColor &codeBackground);

} // namespace versus::ui

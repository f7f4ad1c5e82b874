// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <expected>
#include <functional>

class QWidget;

namespace versus::history {
class HistoryStore;
struct ConversationRecord;
} // namespace versus::history

// Writing a stored conversation to a file the user picked (Comparison → Export).
namespace versus::ui {

enum class ExportFormat { Markdown, Json };

/// The file offered for an export of @p record: its title (or "conversation") made a file
/// name, in the home folder, with the extension of @p format.
QString suggestedExportPath(const history::ConversationRecord &record, ExportFormat format);
/// Writes @p record to @p path at once (a QSaveFile), readable and writable by the user only:
/// an export can hold anything said in a conversation. The reason when it could not be written.
std::expected<void, QString> writeConversationExport(const history::ConversationRecord &record, const QString &path,
                                                     ExportFormat format);

/// Asks where to write conversation @p conversationId as "md" or "json" (@p askPath when set,
/// else a file dialog over @p parent) and writes it there. The path written; an empty path
/// when the user cancelled; the reason when it could not be read or written.
std::expected<QString, QString> exportConversationTo(QWidget *parent, const history::HistoryStore &store,
                                                     qint64 conversationId, const QString &format,
                                                     const std::function<QString(const QString &)> &askPath);

} // namespace versus::ui

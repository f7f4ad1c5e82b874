// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationexporter.h"

#include "export/conversationexport.h"
#include "history/historyrecords.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace versus::ui {

QString suggestedExportPath(const history::ConversationRecord &record, ExportFormat format)
{
    QString name =
        record.title.isEmpty() ? QCoreApplication::translate("versus::ui::MainWindow", "conversation") : record.title;
    name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]+")), QStringLiteral("-"));
    return QDir::home().filePath(name +
                                 (format == ExportFormat::Markdown ? QStringLiteral(".md") : QStringLiteral(".json")));
}

std::expected<void, QString> writeConversationExport(const history::ConversationRecord &record, const QString &path,
                                                     ExportFormat format)
{
    const QByteArray bytes = format == ExportFormat::Markdown
                                 ? exports::conversationToMarkdown(record).toUtf8()
                                 : QJsonDocument(exports::conversationToJson(record)).toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.commit())
        return std::unexpected(file.errorString());
    return {};
}

} // namespace versus::ui

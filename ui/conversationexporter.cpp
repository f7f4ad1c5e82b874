// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationexporter.h"

#include "export/conversationexport.h"
#include "history/historystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
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
    // A Markdown export's images are files beside it, written first so that no link dangles.
    if (format == ExportFormat::Markdown) {
        if (auto images = exports::writeMarkdownImages(record, path); !images)
            return std::unexpected(images.error());
    }
    const QByteArray bytes = format == ExportFormat::Markdown
                                 ? exports::conversationToMarkdown(record, exports::markdownImageDir(path)).toUtf8()
                                 : QJsonDocument(exports::conversationToJson(record)).toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.commit())
        return std::unexpected(file.errorString());
    return {};
}

std::expected<QString, QString> exportConversationTo(QWidget *parent, const history::HistoryStore &store,
                                                     qint64 conversationId, const QString &format,
                                                     const std::function<QString(const QString &)> &askPath)
{
    auto record = store.conversation(conversationId);
    if (!record)
        return std::unexpected(
            QCoreApplication::translate("versus::ui::MainWindow", "The conversation cannot be read: %1")
                .arg(record.error().message));
    const ExportFormat exportFormat = format == u"md" ? ExportFormat::Markdown : ExportFormat::Json;
    const QString suggested = suggestedExportPath(*record, exportFormat);
    const QString path =
        askPath ? askPath(suggested)
                : QFileDialog::getSaveFileName(
                      parent, QCoreApplication::translate("versus::ui::MainWindow", "Export conversation"), suggested,
                      exportFormat == ExportFormat::Markdown
                          ? QCoreApplication::translate("versus::ui::MainWindow", "Markdown (*.md)")
                          : QCoreApplication::translate("versus::ui::MainWindow", "JSON (*.json)"));
    if (path.isEmpty())
        return QString();
    if (auto written = writeConversationExport(*record, path, exportFormat); !written)
        return std::unexpected(
            QCoreApplication::translate("versus::ui::MainWindow", "The export could not be written to %1: %2")
                .arg(path, written.error()));
    return path;
}

} // namespace versus::ui

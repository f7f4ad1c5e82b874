// SPDX-License-Identifier: GPL-3.0-or-later
// versus-cli history: list, show, search, export and delete stored comparisons
// (the same SQLite history the window shows, at $XDG_DATA_HOME/versus/history.sqlite).
#include "clisupport.h"
#include "commands.h"
#include "export/conversationexport.h"
#include "history/historystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace versus::cli {

namespace {

using namespace history;

QString tr(const char *text)
{
    return QCoreApplication::translate("versus::cli::History", text);
}

QString usage()
{
    return tr("Usage: versus-cli history list [--json]\n"
              "       versus-cli history show ID [--json]\n"
              "       versus-cli history search WORDS... [--json]\n"
              "       versus-cli history export ID --format md|json|csv [--out FILE]\n"
              "       versus-cli history delete ID\n"
              "\n"
              "The stored comparisons and chats (%1).\n"
              "search finds conversations whose prompts or answers hold every word; quotes and\n"
              "operators are searched for as text. delete erases the conversation from the file.\n"
              "\n"
              "Options:\n"
              "  --json           Print one JSON document\n"
              "  --format FORMAT  md, json or csv (export)\n"
              "  --out FILE       Write the export to FILE (created private, 0600) instead of stdout\n"
              "  -h, --help       Show this help\n")
        .arg(HistoryStore::defaultPath());
}

int usageError(CommandContext &context, const QString &message)
{
    context.err << "versus-cli history: " << message << "\n\n" << usage();
    return ExitUsage;
}

QString errorText(const HistoryError &error)
{
    switch (error.kind) {
    case HistoryError::Kind::Unwritable:
        return tr("the history cannot be written (read-only file or folder?): %1").arg(error.message);
    case HistoryError::Kind::DiskFull:
        return tr("the disk is full: %1").arg(error.message);
    case HistoryError::Kind::Corrupt:
        return tr("the history file is damaged: %1").arg(error.message);
    case HistoryError::Kind::TooNew:
        return tr("the history was written by a newer Versus; update Versus to read it (%1)").arg(error.message);
    case HistoryError::Kind::NotFound:
    case HistoryError::Kind::Other:
        break;
    }
    return error.message;
}

int failure(CommandContext &context, const HistoryError &error)
{
    context.err << "versus-cli history: " << errorText(error) << '\n';
    return ExitFailure;
}

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(exports::isoTime(time)) : QJsonValue(QJsonValue::Null);
}

int list(CommandContext &context, HistoryStore &store, bool json)
{
    const auto conversations = store.conversations();
    if (!conversations)
        return failure(context, conversations.error());
    if (json) {
        QJsonArray array;
        for (const ConversationSummary &summary : *conversations) {
            array.append(QJsonObject{{QStringLiteral("id"), summary.id},
                                     {QStringLiteral("title"), summary.title},
                                     {QStringLiteral("created_at"), timeJson(summary.createdAt)},
                                     {QStringLiteral("updated_at"), timeJson(summary.updatedAt)},
                                     {QStringLiteral("lanes"), summary.laneCount},
                                     {QStringLiteral("turns"), summary.turnCount},
                                     {QStringLiteral("targets"), QJsonArray::fromStringList(summary.targets)}});
        }
        writeJson(context.out, QJsonDocument(QJsonObject{{QStringLiteral("conversations"), array}}));
        return ExitOk;
    }
    if (conversations->isEmpty()) {
        context.err << tr("No stored conversations.") << '\n';
        return ExitOk;
    }
    context.out << QStringLiteral("%1  %2  %3  %4\n")
                       .arg(tr("ID").rightJustified(5), tr("Updated (UTC)").leftJustified(16), tr("Turns"),
                            tr("Title / targets"));
    for (const ConversationSummary &summary : *conversations) {
        context.out << QStringLiteral("%1  %2  %3  %4\n")
                           .arg(QString::number(summary.id).rightJustified(5),
                                summary.updatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                QString::number(summary.turnCount).rightJustified(5),
                                summary.title.isEmpty() ? tr("(untitled)") : summary.title)
                    << QStringLiteral("%1  %2\n").arg(QString(31, u' '), summary.targets.join(QStringLiteral(", ")));
    }
    return ExitOk;
}

std::expected<ConversationRecord, int> load(CommandContext &context, HistoryStore &store, qint64 id)
{
    auto conversation = store.conversation(id);
    if (!conversation) {
        if (conversation.error().kind == HistoryError::Kind::NotFound) {
            context.err << "versus-cli history: "
                        << tr("no conversation with id %1 (see 'versus-cli history list')").arg(id) << '\n';
            return std::unexpected(int(ExitFailure));
        }
        return std::unexpected(failure(context, conversation.error()));
    }
    return *conversation;
}

int show(CommandContext &context, HistoryStore &store, qint64 id, bool json)
{
    const auto conversation = load(context, store, id);
    if (!conversation)
        return conversation.error();
    if (json)
        writeJson(context.out, QJsonDocument(exports::conversationToJson(*conversation)));
    else
        context.out << exports::conversationToMarkdown(*conversation);
    return ExitOk;
}

int search(CommandContext &context, HistoryStore &store, const QString &words, bool json)
{
    const auto hits = store.search(words);
    if (!hits)
        return failure(context, hits.error());
    if (json) {
        QJsonArray array;
        for (const SearchHit &hit : *hits) {
            array.append(QJsonObject{
                {QStringLiteral("conversation_id"), hit.conversationId},
                {QStringLiteral("turn_id"), hit.turnId},
                {QStringLiteral("answer_id"), hit.answerId ? QJsonValue(hit.answerId) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("title"), hit.conversationTitle},
                {QStringLiteral("snippet"), hit.snippet},
                {QStringLiteral("updated_at"), timeJson(hit.updatedAt)}});
        }
        writeJson(context.out, QJsonDocument(QJsonObject{{QStringLiteral("hits"), array}}));
        return ExitOk;
    }
    if (hits->isEmpty()) {
        context.err << tr("No matches.") << '\n';
        return ExitOk;
    }
    for (const SearchHit &hit : *hits) {
        QString snippet = hit.snippet;
        snippet.replace(u'\n', u' ');
        context.out << QStringLiteral("%1  %2 (%3): %4\n")
                           .arg(QString::number(hit.conversationId).rightJustified(5),
                                hit.conversationTitle.isEmpty() ? tr("(untitled)") : hit.conversationTitle,
                                hit.answerId ? tr("answer") : tr("prompt"), snippet);
    }
    return ExitOk;
}

int exportConversation(CommandContext &context, HistoryStore &store, qint64 id, const QString &format,
                       const QString &outPath)
{
    const auto conversation = load(context, store, id);
    if (!conversation)
        return conversation.error();
    QByteArray bytes;
    if (format == u"md" && !outPath.isEmpty()) {
        // The images go beside the file (FILE_images/), referenced from the Markdown.
        if (auto images = exports::writeMarkdownImages(*conversation, outPath); !images) {
            context.err << "versus-cli history: " << images.error() << '\n';
            return ExitFailure;
        }
        bytes = exports::conversationToMarkdown(*conversation, exports::markdownImageDir(outPath)).toUtf8();
    } else if (format == u"md")
        bytes = exports::conversationToMarkdown(*conversation).toUtf8();
    else if (format == u"json")
        bytes = QJsonDocument(exports::conversationToJson(*conversation)).toJson(QJsonDocument::Indented);
    else
        bytes = exports::conversationToCsv(*conversation).toUtf8();
    if (outPath.isEmpty()) {
        context.out << QString::fromUtf8(bytes);
        return ExitOk;
    }
    // The export holds the user's conversation: private like the history itself. QSaveFile
    // writes a temporary file and renames it, so a failed write leaves no half file.
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.commit()) {
        context.err << "versus-cli history: " << tr("cannot write %1: %2").arg(outPath, file.errorString()) << '\n';
        return ExitFailure;
    }
    return ExitOk;
}

int removeConversation(CommandContext &context, HistoryStore &store, qint64 id)
{
    const auto deleted = store.deleteConversation(id);
    if (!deleted) {
        if (deleted.error().kind == HistoryError::Kind::NotFound) {
            context.err << "versus-cli history: "
                        << tr("no conversation with id %1 (see 'versus-cli history list')").arg(id) << '\n';
            return ExitFailure;
        }
        return failure(context, deleted.error());
    }
    context.out << tr("Deleted conversation %1.").arg(id) << '\n';
    return ExitOk;
}

int run(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QString(), QStringLiteral("FORMAT"));
    const QCommandLineOption outOption(QStringLiteral("out"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({jsonOption, formatOption, outOption, helpOption});
    if (!parser.parse(QStringList{QStringLiteral("versus-cli")} + context.arguments))
        return usageError(context, parser.errorText());
    if (parser.isSet(helpOption)) {
        context.out << usage();
        return ExitOk;
    }
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(context, tr("missing subcommand (list, show, search, export or delete)"));
    const QString subcommand = positional.takeFirst();
    const bool json = parser.isSet(jsonOption);

    static const QStringList known = {QStringLiteral("list"), QStringLiteral("show"), QStringLiteral("search"),
                                      QStringLiteral("export"), QStringLiteral("delete")};
    if (!known.contains(subcommand))
        return usageError(context, tr("unknown subcommand '%1'").arg(subcommand));
    if (json && subcommand != u"list" && subcommand != u"show" && subcommand != u"search")
        return usageError(context, tr("--json is not an option of '%1'").arg(subcommand));
    if ((parser.isSet(formatOption) || parser.isSet(outOption)) && subcommand != u"export")
        return usageError(context, tr("--format and --out belong to 'export'"));

    qint64 id = 0;
    if (subcommand == u"list") {
        if (!positional.isEmpty())
            return usageError(context, tr("unexpected argument '%1'").arg(positional.constFirst()));
    } else if (subcommand == u"search") {
        if (positional.isEmpty())
            return usageError(context, tr("search needs the words to look for"));
    } else {
        if (positional.size() != 1)
            return usageError(context, tr("%1 needs exactly one conversation ID").arg(subcommand));
        bool ok = false;
        id = positional.constFirst().toLongLong(&ok);
        if (!ok || id <= 0)
            return usageError(context, tr("'%1' is not a conversation ID").arg(positional.constFirst()));
    }
    QString format;
    if (subcommand == u"export") {
        format = parser.value(formatOption);
        if (!parser.isSet(formatOption))
            return usageError(context, tr("export needs --format md, json or csv"));
        if (format != u"md" && format != u"json" && format != u"csv")
            return usageError(context, tr("unknown format '%1' (md, json or csv)").arg(format));
        if (parser.isSet(outOption) && parser.value(outOption).isEmpty())
            return usageError(context, tr("--out needs a file name"));
    }

    HistoryStore store;
    const auto report = store.open();
    if (!report)
        return failure(context, report.error());
    if (!report->movedAsideTo.isEmpty()) {
        context.err << "versus-cli history: "
                    << tr("the history file was damaged (%1); it was moved to %2 and a new, empty history started")
                           .arg(report->corruptionReason, report->movedAsideTo)
                    << '\n';
    }

    if (subcommand == u"list")
        return list(context, store, json);
    if (subcommand == u"show")
        return show(context, store, id, json);
    if (subcommand == u"search")
        return search(context, store, positional.join(u' '), json);
    if (subcommand == u"export")
        return exportConversation(context, store, id, format, parser.value(outOption));
    return removeConversation(context, store, id);
}

} // namespace

void runHistory(CommandContext &context, Done done)
{
    done(run(context));
}

} // namespace versus::cli

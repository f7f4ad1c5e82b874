// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/conversationexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace versus::exports {

using namespace history;

namespace {

const LaneRecord *findLane(const ConversationRecord &conversation, qint64 laneId)
{
    for (const LaneRecord &lane : conversation.lanes) {
        if (lane.id == laneId)
            return &lane;
    }
    return nullptr;
}

QString answerTarget(const ConversationRecord &conversation, const AnswerRecord &answer)
{
    const LaneRecord *lane = findLane(conversation, answer.laneId);
    return lane ? laneTarget(*lane) : QString();
}

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(isoTime(time)) : QJsonValue(QJsonValue::Null);
}

QJsonValue objectOrNull(const QJsonObject &object)
{
    return object.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(object);
}

/// A JSON number as people and spreadsheets read it: integers without a point, other
/// values with at most six decimals (micro-USD), no exponent. Empty for a missing value.
QString numberText(const QJsonValue &value)
{
    if (!value.isDouble())
        return {};
    const double number = value.toDouble();
    if (number == double(qint64(number)))
        return QString::number(qint64(number));
    QString text = QString::number(number, 'f', 6);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

QString quoteLines(const QString &text)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines)
        line = line.isEmpty() ? u">"_s : u"> "_s + line;
    return lines.join(u'\n');
}

/// "TTFT 120.5 ms · E2E 900 ms · 55.2 tok/s · 12 in / 34 out tokens · $0.000123"; empty
/// when nothing is known.
QString figuresLine(const AnswerRecord &answer)
{
    QStringList parts;
    const QString ttft = numberText(answer.metrics.value(u"ttft_ms"));
    if (!ttft.isEmpty())
        parts << u"TTFT "_s + ttft + u" ms"_s;
    const QString e2e = numberText(answer.metrics.value(u"e2e_ms"));
    if (!e2e.isEmpty())
        parts << u"E2E "_s + e2e + u" ms"_s;
    const QString speed = numberText(answer.metrics.value(u"output_tokens_per_s"));
    if (!speed.isEmpty())
        parts << speed + u" tok/s"_s;
    const QString in = numberText(answer.usage.value(u"prompt_tokens"));
    const QString out = numberText(answer.usage.value(u"completion_tokens"));
    if (!in.isEmpty() || !out.isEmpty())
        parts << (in.isEmpty() ? u"?"_s : in) + u" in / "_s + (out.isEmpty() ? u"?"_s : out) + u" out tokens"_s;
    const QString usd = numberText(answer.cost.value(u"total_usd"));
    if (!usd.isEmpty())
        parts << u"$"_s + usd + (answer.cost.value(u"estimated").toBool() ? u" (estimated)"_s : QString());
    return parts.join(u" · "_s);
}

/// A text cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return
/// first) gets a leading apostrophe, shown but not run (the OWASP advice for CSV injection: a
/// prompt or an answer is text from a model or another person). Numbers are written as numbers.
QString csvText(const QString &text)
{
    static constexpr QStringView kFormulaStarts = u"=+-@\t\r";
    if (!text.isEmpty() && kFormulaStarts.contains(text.front()))
        return u'\'' + text;
    return text;
}

QString csvField(const QString &field)
{
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') && !field.contains(u'\r'))
        return field;
    QString quoted = field;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace

QString laneTarget(const LaneRecord &lane)
{
    return lane.provider + u':' + lane.model;
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

namespace {

/// A fenced block that no backtick run in @p text can close early.
QString fenced(const QString &text, const QString &language)
{
    QString fence = u"```"_s;
    while (text.contains(fence))
        fence += u'`';
    return fence + language + u'\n' + text + u'\n' + fence + u'\n';
}

/// The tool loop's trace: each round's calls, how they checked and what was answered.
QString toolRoundsMarkdown(const QJsonArray &rounds)
{
    QString md;
    for (const QJsonValue &roundValue : rounds) {
        const QJsonObject round = roundValue.toObject();
        const QJsonArray calls = round.value(u"calls").toArray();
        const QJsonArray serverTools = round.value(u"server_tools").toArray();
        if (calls.isEmpty() && serverTools.isEmpty())
            continue;
        md += u"**Tool round "_s + QString::number(round.value(u"round").toInt()) + u"**\n\n"_s;
        for (const QJsonValue &toolValue : serverTools) {
            const QJsonObject tool = toolValue.toObject();
            md += u"- `"_s + tool.value(u"name").toString() + u"` (run by the provider)"_s +
                  (tool.value(u"failed").toBool() ? u" failed: "_s + tool.value(u"error").toString() : QString()) +
                  u"\n\n"_s + fenced(tool.value(u"arguments").toString(), QString());
            if (!tool.value(u"output").toString().isEmpty())
                md += fenced(tool.value(u"output").toString(), QString());
        }
        for (const QJsonValue &callValue : calls) {
            const QJsonObject call = callValue.toObject();
            QStringList problems;
            if (!call.value(u"known_tool").toBool(true))
                problems << u"unknown tool"_s;
            if (!call.value(u"valid_json").toBool())
                problems << u"invalid JSON: "_s + call.value(u"json_error").toString();
            for (const QJsonValue &error : call.value(u"schema_errors").toArray()) {
                const QString pointer = error[u"pointer"].toString();
                problems << (pointer.isEmpty() ? u"(root)"_s : pointer) + u": "_s + error[u"message"].toString();
            }
            md += u"- Call `"_s + call.value(u"name").toString() + u"` ("_s + call.value(u"id").toString() + u")"_s +
                  (problems.isEmpty() ? QString() : u" — **"_s + problems.join(u"; "_s) + u"**"_s) + u"\n\n"_s;
            md += fenced(call.value(u"arguments").toString(), u"json"_s);
            const QString source = call.value(u"result_source").toString();
            if (call.value(u"result").isString()) {
                md += u"\n  Result ("_s + source + (call.value(u"is_error").toBool() ? u", error"_s : QString()) +
                      u"):\n\n"_s + fenced(call.value(u"result").toString(), u"json"_s);
            } else {
                md += u"\n  Not answered ("_s + source + u").\n"_s;
            }
            md += u'\n';
        }
    }
    return md;
}

} // namespace

QString imageExportName(const ImageInput &image)
{
    const QString type = image.mimeType.toLower();
    QString extension = u"bin"_s;
    if (type == u"image/png")
        extension = u"png"_s;
    else if (type == u"image/jpeg")
        extension = u"jpg"_s;
    else if (type == u"image/webp")
        extension = u"webp"_s;
    else if (type == u"image/gif")
        extension = u"gif"_s;
    return image.sha256().left(16) + u'.' + extension;
}

QString markdownImageDir(const QString &markdownPath)
{
    return QFileInfo(markdownPath).completeBaseName() + u"_images"_s;
}

namespace {

/// Markdown link text and targets may not hold what would end them early.
QString linkText(const QString &text)
{
    QString escaped = text;
    for (const QChar c : {u'\\', u'[', u']'})
        escaped.replace(c, u"\\"_s + c);
    return escaped.simplified();
}

QString imagesMarkdown(const QList<ImageInput> &images, const QString &imageDir)
{
    QString md;
    for (const ImageInput &image : images) {
        const QString name = image.fileName.isEmpty() ? imageExportName(image) : image.fileName;
        if (imageDir.isEmpty()) {
            md += u"- Image: "_s + name + u" ("_s + image.mimeType + u", "_s + QString::number(image.data.size()) +
                  u" bytes, sha256 "_s + image.sha256() + u")\n"_s;
        } else {
            // Percent-encode the path so spaces and parentheses in a folder name keep the link whole.
            const QString target =
                QString::fromUtf8(QUrl::toPercentEncoding(imageDir + u'/' + imageExportName(image), "/"));
            md += u"!["_s + linkText(name) + u"]("_s + target + u")\n"_s;
        }
    }
    return md.isEmpty() ? md : md + u'\n';
}

} // namespace

std::expected<void, QString> writeMarkdownImages(const ConversationRecord &conversation, const QString &markdownPath)
{
    QHash<QString, const ImageInput *> unique;
    for (const TurnRecord &turn : conversation.turns) {
        for (const ImageInput &image : turn.images)
            unique.insert(imageExportName(image), &image);
    }
    if (unique.isEmpty())
        return {};
    const QDir dir(QFileInfo(markdownPath).absoluteDir().filePath(markdownImageDir(markdownPath)));
    if (!dir.mkpath(u"."_s))
        return std::unexpected(QCoreApplication::translate("versus::exports", "cannot create the folder %1")
                                   .arg(QDir::toNativeSeparators(dir.path())));
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    for (auto it = unique.cbegin(); it != unique.cend(); ++it) {
        QSaveFile file(dir.filePath(it.key()));
        const QByteArray &bytes = it.value()->data;
        if (!file.open(QIODevice::WriteOnly) ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            file.write(bytes) != bytes.size() || !file.commit())
            return std::unexpected(QCoreApplication::translate("versus::exports", "cannot write %1: %2")
                                       .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    }
    return {};
}

QString conversationToMarkdown(const ConversationRecord &conversation, const QString &imageDir)
{
    QString md;
    md += u"# "_s + (conversation.title.isEmpty() ? u"Untitled"_s : conversation.title) + u"\n\n"_s;
    md += u"- Created: "_s + isoTime(conversation.createdAt) + u'\n';
    md += u"- Updated: "_s + isoTime(conversation.updatedAt) + u'\n';
    md += u"- Lanes:\n"_s;
    for (const LaneRecord &lane : conversation.lanes) {
        md += u"  "_s + QString::number(lane.position + 1) + u". "_s + laneTarget(lane) +
              (lane.removed ? u" (removed)"_s : QString()) + u'\n';
    }
    for (const TurnRecord &turn : conversation.turns) {
        md += u"\n## Turn "_s + QString::number(turn.position + 1) + u"\n\n"_s;
        md += quoteLines(turn.prompt) + u"\n\n"_s;
        md += imagesMarkdown(turn.images, imageDir);
        for (const AnswerRecord &answer : turn.answers) {
            const LaneRecord *lane = findLane(conversation, answer.laneId);
            md += u"### "_s + (lane ? u"Lane "_s + QString::number(lane->position + 1) + u" · "_s + laneTarget(*lane)
                                    : u"Lane ?"_s);
            if (answer.state != AnswerState::Complete)
                md += u" ("_s + answerStateName(answer.state) + u')';
            md += u"\n\n"_s;
            if (!answer.reasoning.isEmpty())
                md += u"*Reasoning:*\n\n"_s + quoteLines(answer.reasoning) + u"\n\n"_s;
            if (!answer.text.isEmpty())
                md += answer.text + u"\n\n"_s;
            if (!answer.toolRounds.isEmpty()) {
                md += toolRoundsMarkdown(answer.toolRounds);
            } else {
                for (const QJsonValue &call : answer.toolCalls) {
                    const QJsonObject object = call.toObject();
                    md += u"- Tool call `"_s + object.value(u"name").toString() + u"`: `"_s +
                          object.value(u"arguments").toString() + u"`\n"_s;
                }
                if (!answer.toolCalls.isEmpty())
                    md += u'\n';
            }
            if (!answer.structuredOutput.isEmpty()) {
                const bool valid = answer.structuredOutput.value(u"valid").toBool();
                md += u"*Structured output: "_s + (valid ? u"valid"_s : u"invalid"_s) + u"*\n"_s;
                if (const QString jsonError = answer.structuredOutput.value(u"json_error").toString();
                    !jsonError.isEmpty())
                    md += u"- "_s + jsonError + u'\n';
                for (const QJsonValue &error : answer.structuredOutput.value(u"errors").toArray()) {
                    const QString pointer = error[u"pointer"].toString();
                    md += u"- `"_s + (pointer.isEmpty() ? u"(root)"_s : pointer) + u"`: "_s +
                          error[u"message"].toString() + u'\n';
                }
                md += u'\n';
            }
            if (!answer.error.isEmpty()) {
                md += u"**Error** ("_s + answer.error.value(u"kind").toString();
                const QString status = numberText(answer.error.value(u"http_status"));
                if (!status.isEmpty() && status != u"0")
                    md += u", HTTP "_s + status;
                md += u"): "_s + answer.error.value(u"message").toString() + u"\n\n"_s;
            }
            const QString figures = figuresLine(answer);
            if (!figures.isEmpty())
                md += u"*"_s + figures + u"*\n\n"_s;
        }
        if (md.endsWith(u"\n\n"_s))
            md.chop(1);
    }
    return md;
}

QJsonObject conversationToJson(const ConversationRecord &conversation)
{
    QJsonArray lanes;
    for (const LaneRecord &lane : conversation.lanes) {
        lanes.append(QJsonObject{{u"id"_s, lane.id},
                                 {u"position"_s, lane.position},
                                 {u"provider"_s, lane.provider},
                                 {u"model"_s, lane.model},
                                 {u"target"_s, laneTarget(lane)},
                                 {u"parameters"_s, lane.parameters},
                                 {u"removed"_s, lane.removed}});
    }
    QJsonArray turns;
    for (const TurnRecord &turn : conversation.turns) {
        QJsonArray answers;
        for (const AnswerRecord &answer : turn.answers) {
            answers.append(QJsonObject{
                {u"lane_id"_s, answer.laneId},
                {u"target"_s, answerTarget(conversation, answer)},
                {u"state"_s, answerStateName(answer.state)},
                {u"text"_s, answer.text},
                {u"reasoning"_s, answer.reasoning},
                {u"tool_calls"_s, answer.toolCalls},
                {u"tool_rounds"_s, answer.toolRounds},
                {u"structured_output"_s, objectOrNull(answer.structuredOutput)},
                {u"finish_reason"_s,
                 answer.finishReason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(answer.finishReason)},
                {u"usage"_s, objectOrNull(answer.usage)},
                {u"metrics"_s, objectOrNull(answer.metrics)},
                {u"cost"_s, objectOrNull(answer.cost)},
                {u"error"_s, objectOrNull(answer.error)},
                {u"started_at"_s, timeValue(answer.startedAt)},
                {u"finished_at"_s, timeValue(answer.finishedAt)},
            });
        }
        QJsonArray images;
        for (const ImageInput &image : turn.images) {
            images.append(QJsonObject{{u"sha256"_s, image.sha256()},
                                      {u"mime_type"_s, image.mimeType},
                                      {u"file_name"_s, image.fileName},
                                      {u"data"_s, QString::fromLatin1(image.data.toBase64())}});
        }
        turns.append(QJsonObject{{u"prompt"_s, turn.prompt},
                                 {u"images"_s, images},
                                 {u"created_at"_s, timeValue(turn.createdAt)},
                                 {u"answers"_s, answers}});
    }
    return QJsonObject{{u"conversation"_s, QJsonObject{{u"id"_s, conversation.id},
                                                       {u"title"_s, conversation.title},
                                                       {u"created_at"_s, timeValue(conversation.createdAt)},
                                                       {u"updated_at"_s, timeValue(conversation.updatedAt)},
                                                       {u"lanes"_s, lanes},
                                                       {u"turns"_s, turns}}}};
}

QString conversationToCsv(const ConversationRecord &conversation)
{
    const QStringList header = {u"conversation_id"_s,
                                u"turn"_s,
                                u"lane"_s,
                                u"target"_s,
                                u"state"_s,
                                u"prompt"_s,
                                u"text"_s,
                                u"ttft_ms"_s,
                                u"e2e_ms"_s,
                                u"output_tokens_per_s"_s,
                                u"prompt_tokens"_s,
                                u"completion_tokens"_s,
                                u"total_usd"_s,
                                u"error_kind"_s};
    QString csv = header.join(u',') + u"\r\n"_s;
    for (const TurnRecord &turn : conversation.turns) {
        for (const AnswerRecord &answer : turn.answers) {
            const LaneRecord *lane = findLane(conversation, answer.laneId);
            const QStringList row = {
                QString::number(conversation.id),
                QString::number(turn.position + 1),
                lane ? QString::number(lane->position + 1) : QString(),
                lane ? csvText(laneTarget(*lane)) : QString(),
                answerStateName(answer.state),
                csvText(turn.prompt),
                csvText(answer.text),
                numberText(answer.metrics.value(u"ttft_ms")),
                numberText(answer.metrics.value(u"e2e_ms")),
                numberText(answer.metrics.value(u"output_tokens_per_s")),
                numberText(answer.usage.value(u"prompt_tokens")),
                numberText(answer.usage.value(u"completion_tokens")),
                numberText(answer.cost.value(u"total_usd")),
                answer.error.value(u"kind").toString(),
            };
            QStringList fields;
            for (const QString &field : row)
                fields << csvField(field);
            csv += fields.join(u',') + u"\r\n"_s;
        }
    }
    return csv;
}

} // namespace versus::exports

// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/reviewprompts.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace versus {

QString defaultMergeInstruction()
{
    return u"Write one answer to the question that combines the strongest parts of the answers above and "
           u"corrects their mistakes. Reply with that answer only, as if it were your own: do not mention the "
           u"answers, their letters, or that there were several."_s;
}

QString defaultJudgeRubric()
{
    return u"Correctness: what the answer states is true and it answers the question asked.\n"
           u"Completeness: it covers everything the question asks for.\n"
           u"Clarity: it is well organised and easy to follow.\n"
           u"Score each answer from 1 (poor) to 10 (excellent), weighing correctness most."_s;
}

namespace {

/// The question and the answers, each between markers that no answer is likely to contain.
QString questionAndAnswers(const QString &prompt, const QList<LabelledAnswer> &answers)
{
    QString text = u"The question:\n<<<\n"_s + prompt + u"\n>>>\n"_s;
    for (const LabelledAnswer &answer : answers)
        text += u"\nAnswer "_s + answer.label + u":\n<<<\n"_s + answer.text + u"\n>>>\n"_s;
    return text;
}

QStringList labelsOf(const QList<LabelledAnswer> &answers)
{
    QStringList labels;
    for (const LabelledAnswer &answer : answers)
        labels << answer.label;
    return labels;
}

} // namespace

QList<ChatMessage> mergeMessages(const QString &prompt, const QList<LabelledAnswer> &answers,
                                 const QString &instruction)
{
    const QString intro = answers.size() == 1 ? u"Here is a question and an answer to it.\n\n"_s
                                              : u"Here is a question and %1 answers to it.\n\n"_s.arg(answers.size());
    return {ChatMessage::user(intro + questionAndAnswers(prompt, answers) + u"\n"_s + instruction.trimmed())};
}

QList<ChatMessage> judgeMessages(const QString &prompt, const QList<LabelledAnswer> &answers, const QString &rubric)
{
    const QStringList labels = labelsOf(answers);
    QJsonArray example;
    for (const QString &label : labels)
        example.append(QJsonObject{{u"answer"_s, label}, {u"score"_s, 7}, {u"reason"_s, u"…"_s}});
    const QString shape =
        QString::fromUtf8(QJsonDocument(QJsonObject{{u"scores"_s, example}}).toJson(QJsonDocument::Compact));
    QString text = u"You are an impartial judge. Score each answer to the question below against the rubric.\n\n"_s +
                   questionAndAnswers(prompt, answers) + u"\nThe rubric:\n<<<\n"_s + rubric.trimmed() +
                   u"\n>>>\n\nReply with one JSON object and nothing else, of this shape:\n"_s + shape +
                   u"\nwith exactly one entry for each answer ("_s + labels.join(u", "_s) +
                   u"), \"score\" a number from 1 to 10 and \"reason\" one or two sentences."_s;
    return {ChatMessage::user(text)};
}

QJsonObject judgeResponseSchema(const QStringList &labels)
{
    QJsonArray names;
    for (const QString &label : labels)
        names.append(label);
    const QJsonObject entry{
        {u"type"_s, u"object"_s},
        {u"properties"_s, QJsonObject{{u"answer"_s, QJsonObject{{u"type"_s, u"string"_s}, {u"enum"_s, names}}},
                                      {u"score"_s, QJsonObject{{u"type"_s, u"number"_s}}},
                                      {u"reason"_s, QJsonObject{{u"type"_s, u"string"_s}}}}},
        {u"required"_s, QJsonArray{u"answer"_s, u"score"_s, u"reason"_s}},
        {u"additionalProperties"_s, false}};
    return QJsonObject{
        {u"type"_s, u"object"_s},
        {u"properties"_s, QJsonObject{{u"scores"_s, QJsonObject{{u"type"_s, u"array"_s}, {u"items"_s, entry}}}}},
        {u"required"_s, QJsonArray{u"scores"_s}},
        {u"additionalProperties"_s, false}};
}

QString JudgeReplyError::message() const
{
    const char *context = "JudgeReply";
    switch (kind) {
    case Kind::NoJson:
        return QCoreApplication::translate(context, "The judge's reply holds no JSON object.");
    case Kind::NoScores:
        return QCoreApplication::translate(context, "The judge's reply has no \"scores\" list.");
    case Kind::BadEntry:
        return QCoreApplication::translate(context, "An entry of the judge's \"scores\" names no answer.");
    case Kind::UnknownAnswer:
        return QCoreApplication::translate(context, "The judge scored an answer \"%1\" that it was not shown.")
            .arg(answer);
    case Kind::DuplicateAnswer:
        return QCoreApplication::translate(context, "The judge scored answer %1 more than once.").arg(answer);
    case Kind::MissingAnswer:
        return QCoreApplication::translate(context, "The judge did not score answer %1.").arg(answer);
    case Kind::BadScore:
        return QCoreApplication::translate(context, "The judge's score of answer %1 is not a number.").arg(answer);
    case Kind::ScoreOutOfRange:
        return QCoreApplication::translate(context, "The judge's score of answer %1 is outside the scale.").arg(answer);
    }
    return QString();
}

namespace {

/// The end (exclusive) of the JSON object that starts at @p from ('{'), braces inside strings
/// not counted; -1 when it does not close.
qsizetype objectEnd(const QString &text, qsizetype from)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = from; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (c == u'\\')
                ++i;
            else if (c == u'"')
                inString = false;
        } else if (c == u'"') {
            inString = true;
        } else if (c == u'{') {
            ++depth;
        } else if (c == u'}') {
            if (--depth == 0)
                return i + 1;
        }
    }
    return -1;
}

/// The JSON objects in @p reply: the whole reply when it is one, else each balanced {…} in
/// turn (a fenced block's content, or an object inside prose), outermost first.
QList<QJsonObject> objectsIn(const QString &reply)
{
    QList<QJsonObject> objects;
    const QJsonDocument whole = QJsonDocument::fromJson(reply.trimmed().toUtf8());
    if (whole.isObject())
        return {whole.object()};
    qsizetype from = reply.indexOf(u'{');
    while (from >= 0) {
        const qsizetype end = objectEnd(reply, from);
        if (end < 0)
            break;
        const QJsonDocument doc = QJsonDocument::fromJson(reply.mid(from, end - from).toUtf8());
        if (doc.isObject()) {
            objects << doc.object();
            from = reply.indexOf(u'{', end);
        } else {
            from = reply.indexOf(u'{', from + 1);
        }
    }
    return objects;
}

/// "A", "a", "Answer A" all name answer A.
QString labelOf(const QJsonValue &value)
{
    QString text = value.toString().trimmed();
    if (text.startsWith(u"answer "_s, Qt::CaseInsensitive))
        text = text.mid(7).trimmed();
    return text.toUpper();
}

} // namespace

std::expected<QList<JudgeReplyScore>, JudgeReplyError> parseJudgeReply(const QString &reply, const QStringList &labels,
                                                                       double minScore, double maxScore)
{
    auto failure = [](JudgeReplyError::Kind kind, const QString &answer = QString()) {
        JudgeReplyError error;
        error.kind = kind;
        error.answer = answer;
        return std::unexpected(error);
    };
    const QList<QJsonObject> objects = objectsIn(reply);
    if (objects.isEmpty())
        return failure(JudgeReplyError::Kind::NoJson);
    const auto withScores = std::find_if(objects.cbegin(), objects.cend(),
                                         [](const QJsonObject &object) { return object.value(u"scores").isArray(); });
    if (withScores == objects.cend())
        return failure(JudgeReplyError::Kind::NoScores);

    QHash<QString, JudgeReplyScore> byLabel;
    const QJsonArray entries = withScores->value(u"scores").toArray();
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        if (!value.isObject() || !entry.value(u"answer").isString())
            return failure(JudgeReplyError::Kind::BadEntry);
        const QString label = labelOf(entry.value(u"answer"));
        if (!labels.contains(label))
            return failure(JudgeReplyError::Kind::UnknownAnswer, entry.value(u"answer").toString());
        if (byLabel.contains(label))
            return failure(JudgeReplyError::Kind::DuplicateAnswer, label);
        const QJsonValue score = entry.value(u"score");
        if (!score.isDouble())
            return failure(JudgeReplyError::Kind::BadScore, label);
        if (score.toDouble() < minScore || score.toDouble() > maxScore)
            return failure(JudgeReplyError::Kind::ScoreOutOfRange, label);
        byLabel.insert(label, JudgeReplyScore{label, score.toDouble(), entry.value(u"reason").toString().trimmed()});
    }
    QList<JudgeReplyScore> scores;
    for (const QString &label : labels) {
        if (!byLabel.contains(label))
            return failure(JudgeReplyError::Kind::MissingAnswer, label);
        scores << byLabel.value(label);
    }
    return scores;
}

} // namespace versus

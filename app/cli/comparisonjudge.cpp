// SPDX-License-Identifier: GPL-3.0-or-later
// compare --judge: once the lanes have answered, a judge model scores each answer against a
// rubric (Comparison::judge()); the scores join the lane results and the table.
#include "chat/chatjson.h"
#include "comparisonrun.h"
#include "wording/erroradvice.h"

#include <QFile>
#include <QJsonObject>

namespace versus::cli {

void addJudgeOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("judge"),
                      QStringLiteral("After the lanes finish, have this model score each answer from 1 to 10 "
                                     "against the rubric (answers are shown to it as A, B, C, never by name)."),
                      QStringLiteral("PROVIDER:MODEL")});
    parser.addOption({QStringLiteral("rubric"),
                      QStringLiteral("A text file with what --judge scores against (default: correctness, "
                                     "completeness, clarity)."),
                      QStringLiteral("FILE")});
}

std::expected<void, QString> readJudgeOptions(const QCommandLineParser &parser, RunOptions &options)
{
    if (parser.isSet(QStringLiteral("judge"))) {
        const QString text = parser.value(QStringLiteral("judge"));
        const auto target = Target::parse(text);
        if (!target)
            return std::unexpected(QStringLiteral("--judge: \"%1\" is not PROVIDER:MODEL").arg(text));
        options.judge = *target;
    }
    if (parser.isSet(QStringLiteral("rubric"))) {
        const QString path = parser.value(QStringLiteral("rubric"));
        if (!options.judge)
            return std::unexpected(QStringLiteral("--rubric needs --judge"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return std::unexpected(QStringLiteral("--rubric %1: %2").arg(path, file.errorString()));
        options.rubric = QString::fromUtf8(file.readAll()).trimmed();
        if (options.rubric.isEmpty())
            return std::unexpected(QStringLiteral("--rubric %1: the file is empty").arg(path));
    }
    return {};
}

bool ComparisonRun::startJudge()
{
    if (!m_options.judge || m_judgeAsked)
        return false;
    m_judgeAsked = true;
    // Connected first: a judge that cannot be sent (unknown provider, no key) finishes at once.
    connect(m_comparison.get(), &Comparison::judgeFinished, this, [this](JudgeRun *run) {
        m_judge = run;
        m_judgeError = run->error();
        onTurnFinished();
    });
    JudgeRun *run = m_comparison->judge(m_comparison->lastTurnKey(), *m_options.judge, m_options.rubric);
    if (!run) {
        m_judgeError = ChatError::make(ErrorKind::Config, QStringLiteral("no lane answered with text: there is "
                                                                         "nothing to judge"));
        return false;
    }
    if (!m_judge && !m_options.json && m_context.stdoutIsTerminal) {
        m_context.err << "Judging the answers with " << m_options.judge->toString() << "…\n";
        m_context.err.flush();
    }
    return true;
}

QJsonValue ComparisonRun::judgeJson(const ComparisonLane *lane) const
{
    const QHash<const ComparisonLane *, JudgeScore> scores =
        m_judge ? m_judge->scores() : QHash<const ComparisonLane *, JudgeScore>();
    const auto found = scores.constFind(lane);
    if (found == scores.cend())
        return QJsonValue();
    return QJsonObject{{QStringLiteral("score"), found->score},
                       {QStringLiteral("reason"), found->reason},
                       {QStringLiteral("judge"), found->judge}};
}

QStringList ComparisonRun::judgeColumn(const QList<ComparisonLane *> &lanes) const
{
    if (!m_options.judge)
        return {};
    const QHash<const ComparisonLane *, JudgeScore> scores =
        m_judge ? m_judge->scores() : QHash<const ComparisonLane *, JudgeScore>();
    QStringList column;
    for (const ComparisonLane *lane : lanes) {
        const auto found = scores.constFind(lane);
        column << (found == scores.cend() ? QStringLiteral("–") : QString::number(found->score, 'g', 3));
    }
    return column;
}

void ComparisonRun::printJudgeError()
{
    if (!m_judgeError)
        return;
    const ChatError &e = *m_judgeError;
    m_context.err << "versus-cli: judge " << m_options.judge->toString() << ": " << errorTitle(e.kind) << " ("
                  << errorKindName(e.kind);
    if (e.httpStatus)
        m_context.err << ", HTTP " << e.httpStatus;
    m_context.err << "): " << e.message << '\n';
    m_context.err.flush();
}

} // namespace versus::cli

// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison workspace clicked through offscreen: four lanes stream from four loopback
// providers on known schedules (one is rate limited), and the scoreboard under them ranks
// them as the schedules say; its CSV, Markdown and PNG exports hold the rows.
//
// Then the same four lanes blind: the vote is stored blind, a merge streams from the loopback
// server, and after a restart the leaderboard counts the vote and the comparison reopens from
// the history as it was (answers, figures, vote and merge).
#include "composer.h"
#include "conversationview.h"
#include "lanecard.h"
#include "lanewidget.h"
#include "leaderboardview.h"
#include "mainwindow.h"
#include "mergepanel.h"
#include "pacedstream.h"
#include "pricing/cost.h"
#include "scoreboardchart.h"
#include "scoreboardmodel.h"
#include "scoreboardpanel.h"
#include "votebar.h"
#include "windowharness.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;

namespace {

/// One lane's provider on the loopback server: what it streams, when, and at what price.
struct LaneSchedule {
    Target target;
    int firstMs = 0;          ///< the first content chunk, after the request arrived
    int gapMs = 0;            ///< between content chunks
    int chunks = 6;           ///< content chunks
    int completionTokens = 0; ///< reported usage (prompt: kPromptTokens)
    double inputPerMtok = 0;  ///< the price override the test installs
    double outputPerMtok = 0;
    bool rateLimited = false; ///< answers 429 with Retry-After instead

    QString word(int i) const { return QStringLiteral("%1-w%2 ").arg(target.provider).arg(i); }
    QString text() const
    {
        QString all;
        for (int i = 0; i < chunks; ++i)
            all += word(i);
        return all;
    }
    /// (completion − 1) / (t_last − t_first): the decode speed the schedule makes.
    double tokensPerS() const { return (completionTokens - 1) / ((chunks - 1) * gapMs / 1000.0); }
    /// Prices chosen so that every token costs whole micro-USD: no rounding to reason about.
    qint64 costMicroUsd(int promptTokens) const
    {
        return qRound64(promptTokens * inputPerMtok) + qRound64(completionTokens * outputPerMtok);
    }
};

constexpr int kPromptTokens = 20;

/// Different speeds in each figure, and a cost ranking unlike the speed ranking.
QList<LaneSchedule> laneSchedules()
{
    return {
        {Target{QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b")}, 100, 20, 6, 61, 1.0, 10.0, false},
        {Target{QStringLiteral("together"), QStringLiteral("meta-llama/Llama-3.3-70B-Instruct-Turbo")}, 500, 100, 6, 51,
         0.1, 1.0, false},
        {Target{QStringLiteral("openai"), QStringLiteral("gpt-4.1-mini")}, 1000, 250, 6, 26, 0.5, 4.0, false},
        {Target{QStringLiteral("openrouter"), QStringLiteral("openai/gpt-4o-mini")}, 0, 0, 0, 0, 1.0, 1.0, true},
    };
}

ScriptedResponse responseFor(const LaneSchedule &lane)
{
    if (lane.rateLimited)
        return rateLimited(7);
    QList<QByteArray> payloads;
    for (int i = 0; i < lane.chunks; ++i)
        payloads << textChunk(lane.word(i));
    payloads << finishChunk() << usageChunk(kPromptTokens, lane.completionTokens);
    // The finish and usage chunks follow the last word at once: they carry no tokens.
    ScriptedResponse response = pacedSse(payloads.mid(0, lane.chunks), lane.firstMs, lane.gapMs);
    response.steps.removeLast(); // [DONE] comes after finish and usage
    for (qsizetype i = lane.chunks; i < payloads.size(); ++i)
        response.write("data: " + payloads.at(i) + "\n\n");
    response.write(QByteArrayLiteral("data: [DONE]\n\n"));
    return response;
}

/// The index of the lane a figure ranks first among the lanes that answered.
template<typename Key>
int firstBy(const QList<LaneSchedule> &lanes, Key key)
{
    int best = -1;
    for (int i = 0; i < lanes.size(); ++i) {
        if (!lanes.at(i).rateLimited && (best < 0 || key(lanes.at(i)) < key(lanes.at(best))))
            best = i;
    }
    return best;
}

/// A window over a harness whose providers all point at one loopback server.
struct WorkspaceFixture {
    Harness harness;
    ScriptedServer server;
    QList<LaneSchedule> lanes = laneSchedules();
    std::unique_ptr<MainWindow> window;

    bool start()
    {
        if (!server.listen())
            return false;
        QJsonArray prices;
        for (const LaneSchedule &lane : std::as_const(lanes)) {
            qputenv(baseUrlVar(lane.target.provider).constData(),
                    server.url(QStringLiteral("/%1/v1").arg(lane.target.provider)).toString().toUtf8());
            if (!harness.storeKey(lane.target.provider, "test-key-for-the-workspace-0001"))
                return false;
            server.route("POST", chatPath(lane.target.provider), responseFor(lane));
            prices.append(QJsonObject{{QStringLiteral("provider"), lane.target.provider},
                                      {QStringLiteral("model"), lane.target.model},
                                      {QStringLiteral("input_per_mtok"), lane.inputPerMtok},
                                      {QStringLiteral("output_per_mtok"), lane.outputPerMtok},
                                      {QStringLiteral("source"), QStringLiteral("https://example.test/prices")},
                                      {QStringLiteral("as_of"), QStringLiteral("2026-12-01")}});
        }
        const QString pricing = harness.dir.filePath(QStringLiteral("pricing.json"));
        QFile file(pricing);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(compact({{QStringLiteral("schema"), 1}, {QStringLiteral("prices"), prices}})) < 0)
            return false;
        file.close();
        if (!harness.engine.reloadPriceOverrides(pricing).isEmpty())
            return false;
        QList<Target> targets;
        for (const LaneSchedule &lane : std::as_const(lanes))
            targets << lane.target;
        harness.settings.setLaneTargets(targets);
        window = std::make_unique<MainWindow>(harness.services());
        window->resize(1400, 900);
        window->show();
        return QTest::qWaitForWindowExposed(window.get());
    }
    ~WorkspaceFixture()
    {
        window.reset();
        for (const LaneSchedule &lane : std::as_const(lanes))
            qunsetenv(baseUrlVar(lane.target.provider).constData());
    }

    bool sendAndWait(const QString &prompt)
    {
        QTest::keyClicks(window->composer()->editor(), prompt);
        QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
        return QTest::qWaitFor([this] { return window->comparison()->isBusy(); }, 5000) &&
               QTest::qWaitFor([this] { return !window->comparison()->isBusy(); }, 20000);
    }
    const ScoreboardRow *row(const LaneSchedule &lane) const
    {
        for (const ScoreboardRow &r : window->scoreboard()->scoreboard().rows) {
            if (r.name == lane.target.toString())
                return &r;
        }
        return nullptr;
    }
};

} // namespace

class tst_ComparisonWorkspace : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fourLanesRankedByTheScoreboard();
    void scoreboardTogglesAndIsRemembered();
    void blindVoteMergeAndReopenAfterRestart();
};

void tst_ComparisonWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const auto registry = ProviderRegistry::createDefault();
    for (const Provider *provider : registry->providers()) {
        if (!provider->info().keyEnvVar.isEmpty())
            qunsetenv(provider->info().keyEnvVar.toLatin1().constData());
        qunsetenv(baseUrlVar(provider->id()).constData());
    }
}

void tst_ComparisonWorkspace::fourLanesRankedByTheScoreboard()
{
    WorkspaceFixture f;
    QVERIFY(f.start());
    QCOMPARE(f.window->lanes().size(), 4);
    QVERIFY(f.sendAndWait(QStringLiteral("Explain the scoreboard")));

    // Each answer in its own lane; the rate-limited lane shows its card, in the provider's words.
    for (int i = 0; i < f.lanes.size(); ++i) {
        const LaneSchedule &lane = f.lanes.at(i);
        LaneWidget *widget = f.window->lanes().at(i);
        QCOMPARE(widget->target(), lane.target);
        const LaneTurn &turn = widget->conversation()->turn(0);
        if (lane.rateLimited) {
            QTRY_VERIFY(widget->card()->isVisible());
            QVERIFY2(widget->card()->message().contains(QStringLiteral("Rate limit reached")),
                     qPrintable(widget->card()->message()));
            QVERIFY(turn.result.chat.text.isEmpty());
        } else {
            QCOMPARE(turn.result.chat.text, lane.text());
            QVERIFY(!widget->card()->isVisible());
        }
    }

    ScoreboardPanel *panel = f.window->scoreboard();
    QVERIFY(panel && panel->isVisible());
    QCOMPARE(panel->objectName(), QStringLiteral("scoreboard"));
    auto *turnBox = panel->findChild<QComboBox *>(QStringLiteral("scoreboardTurn"));
    QVERIFY(turnBox);
    QTRY_COMPARE(turnBox->count(), 2); // the whole comparison, turn 1 (followed)
    QVERIFY(turnBox->currentText().startsWith(QStringLiteral("Turn 1: Explain the scoreboard")));
    QTRY_COMPARE(panel->scoreboard().rows.size(), 4);
    // Refreshed (throttled) once every lane has finished.
    QTRY_VERIFY(std::all_of(f.lanes.cbegin(), f.lanes.cend(), [&f](const LaneSchedule &lane) {
        const ScoreboardRow *row = f.row(lane);
        return row && row->status == (lane.rateLimited ? ScoreStatus::Error : ScoreStatus::Ok);
    }));

    // The schedules decide the ranking.
    const int fastestStart = firstBy(f.lanes, [](const LaneSchedule &l) { return l.firstMs; });
    const int fastestDecode = firstBy(f.lanes, [](const LaneSchedule &l) { return -l.tokensPerS(); });
    const int cheapest = firstBy(f.lanes, [](const LaneSchedule &l) { return l.costMicroUsd(kPromptTokens); });
    QVERIFY(fastestStart != cheapest); // the figures do not all agree: each is checked on its own
    for (int i = 0; i < f.lanes.size(); ++i) {
        const LaneSchedule &lane = f.lanes.at(i);
        const ScoreboardRow *row = f.row(lane);
        QVERIFY2(row, qPrintable(lane.target.toString()));
        QCOMPARE(row->isBest(ScoreColumn::Ttft), i == fastestStart);
        QCOMPARE(row->isBest(ScoreColumn::TokensPerS), i == fastestDecode);
        QCOMPARE(row->isBest(ScoreColumn::Cost), i == cheapest);
        if (lane.rateLimited) {
            QCOMPARE(row->status, ScoreStatus::Error);
            QCOMPARE(row->errorKind.value_or(ErrorKind::Config), ErrorKind::RateLimit);
            continue;
        }
        QVERIFY2(row->ttftMs && *row->ttftMs >= lane.firstMs, qPrintable(QString::number(row->ttftMs.value_or(-1))));
        QCOMPARE(row->costMicroUsd.value_or(-1), lane.costMicroUsd(kPromptTokens));
        QCOMPARE(row->completionTokens.value_or(-1), qint64(lane.completionTokens));
    }

    // The table shows it: best cells marked, the error kind in the 429 lane's status.
    auto *table = panel->findChild<QTableView *>(QStringLiteral("scoreboardTable"));
    QVERIFY(table);
    QAbstractItemModel *model = table->model();
    QCOMPARE(model->rowCount(), 4);
    QVERIFY(model->index(fastestStart, ScoreboardModel::TtftColumn).data(ScoreboardModel::BestRole).toBool());
    QVERIFY(model->index(cheapest, ScoreboardModel::CostColumn).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(
        !model->index(fastestStart == 0 ? 1 : 0, ScoreboardModel::TtftColumn).data(ScoreboardModel::BestRole).toBool());
    QVERIFY(model->index(3, ScoreboardModel::StatusColumn).data().toString().contains(QStringLiteral("Rate limited")));
    QVERIFY(!model->headerData(ScoreboardModel::TtftColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());

    // The charts: a bar per lane, top to bottom in lane order, lengths as the schedules say.
    auto *ttftChart = panel->findChild<ScoreboardChart *>(QStringLiteral("ttftChart"));
    auto *speedChart = panel->findChild<ScoreboardChart *>(QStringLiteral("speedChart"));
    auto *costChart = panel->findChild<ScoreboardChart *>(QStringLiteral("costChart"));
    QVERIFY(ttftChart && speedChart && costChart);
    QCOMPARE(ttftChart->bars().size(), 4);
    QVERIFY(!ttftChart->bars().at(3).value); // the 429 lane has no bar
    QVERIFY(ttftChart->labels().at(3).contains(QStringLiteral("Rate limited")));
    for (int i = 0; i + 1 < 3; ++i) { // the three answered lanes are scheduled slowest-starting last
        QVERIFY(*ttftChart->bars().at(i).value < *ttftChart->bars().at(i + 1).value);
        QVERIFY(*speedChart->bars().at(i).value > *speedChart->bars().at(i + 1).value);
    }
    QCOMPARE(*costChart->bars().at(cheapest).value, f.lanes.at(cheapest).costMicroUsd(kPromptTokens) / 1e6);

    // Exports, through the window's path seam.
    QStringList asked;
    f.window->setAskExportPath([&](const QString &suggested) {
        asked << suggested;
        return f.harness.dir.filePath(QStringLiteral("board.") + QFileInfo(suggested).suffix());
    });
    for (const char *button : {"exportScoreboardCsv", "exportScoreboardMarkdown", "exportScoreboardPng"}) {
        auto *push = panel->findChild<QPushButton *>(QLatin1String(button));
        QVERIFY(push && push->isEnabled());
        QTest::mouseClick(push, Qt::LeftButton);
    }
    QCOMPARE(asked.size(), 3);
    for (const QString &suffix : {QStringLiteral("csv"), QStringLiteral("md"), QStringLiteral("png")}) {
        QFile file(f.harness.dir.filePath(QStringLiteral("board.") + suffix));
        QVERIFY2(file.exists(), qPrintable(file.fileName()));
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    }
    QFile csv(f.harness.dir.filePath(QStringLiteral("board.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList csvLines = QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(csvLines.size(), 5);
    for (int i = 0; i < f.lanes.size(); ++i)
        QVERIFY2(csvLines.at(i + 1).startsWith(f.lanes.at(i).target.toString() + u','), qPrintable(csvLines.at(i + 1)));
    QVERIFY(csvLines.at(4).contains(QStringLiteral(",error,rate_limit,")));
    QFile md(f.harness.dir.filePath(QStringLiteral("board.md")));
    QVERIFY(md.open(QIODevice::ReadOnly));
    const QString markdown = QString::fromUtf8(md.readAll());
    for (const LaneSchedule &lane : std::as_const(f.lanes))
        QVERIFY(markdown.contains(lane.target.toString().replace(u'_', QStringLiteral("\\_"))));
    QVERIFY(
        markdown.contains(QStringLiteral("**%1**").arg(formatUsd(f.lanes.at(cheapest).costMicroUsd(kPromptTokens)))));
    const QImage png(f.harness.dir.filePath(QStringLiteral("board.png")));
    QVERIFY(!png.isNull());
    QVERIFY(png.width() >= ttftChart->width() * 3 && png.height() > table->height());

    // The whole comparison: one turn, so the same best values.
    Q_EMIT turnBox->activated(0);
    QCOMPARE(panel->shownTurn(), qint64(0));
    QVERIFY(f.row(f.lanes.at(fastestStart))->isBest(ScoreColumn::Ttft));
    QCOMPARE(f.row(f.lanes.at(3))->errors, 1);
}

void tst_ComparisonWorkspace::scoreboardTogglesAndIsRemembered()
{
    Harness harness;
    harness.settings.setLaneTargets({kGroqTarget});
    {
        MainWindow window(harness.services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *toggle = window.windowActions().scoreboard;
        QVERIFY(toggle && toggle->isCheckable() && toggle->isChecked());
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
        QVERIFY(window.scoreboard()->isVisible());
        QVERIFY(window.scoreboard()->height() >= 200); // room for readable charts
        toggle->trigger();
        QVERIFY(!window.scoreboard()->isVisible());
        window.close();
    }
    QVERIFY(!harness.settings.scoreboardVisible());
    MainWindow again(harness.services());
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(!again.scoreboard()->isVisible());
    QVERIFY(!again.windowActions().scoreboard->isChecked());
    again.windowActions().scoreboard->trigger();
    QVERIFY(again.scoreboard()->isVisible());
    QVERIFY(harness.settings.scoreboardVisible());
}

namespace {

/// What a scoreboard row says, without the live lane object it points at.
QStringList figures(const ScoreboardRow &row)
{
    const auto number = [](const auto &value) {
        return value ? QString::number(double(*value), 'g', 12) : QStringLiteral("-");
    };
    return {row.name,
            scoreStatusName(row.status),
            number(row.ttftMs),
            number(row.ttfatMs),
            number(row.tokensPerS),
            number(row.e2eMs),
            number(row.promptTokens),
            number(row.completionTokens),
            number(row.costMicroUsd),
            row.finishReason.value_or(QString()),
            number(row.votes),
            QString::number(row.isBest(ScoreColumn::Ttft)) + QString::number(row.isBest(ScoreColumn::Cost))};
}

QList<QStringList> figures(const Scoreboard &board)
{
    QList<QStringList> rows;
    for (const ScoreboardRow &row : board.rows)
        rows << figures(row);
    return rows;
}

} // namespace

void tst_ComparisonWorkspace::blindVoteMergeAndReopenAfterRestart()
{
    const Target merger{QStringLiteral("deepseek"), QStringLiteral("deepseek-v4-flash")};
    WorkspaceFixture f;
    QVERIFY(f.start());
    qputenv(baseUrlVar(merger.provider).constData(), f.server.url(QStringLiteral("/deepseek/v1")).toString().toUtf8());
    const auto unsetMerger = qScopeGuard([&] { qunsetenv(baseUrlVar(merger.provider).constData()); });
    QVERIFY(f.harness.storeKey(merger.provider, "sk-merge-test-key-0004"));
    f.server.route("POST", chatPath(merger.provider),
                   answer({QStringLiteral("Merged: "), QStringLiteral("the best "), QStringLiteral("of all.")}, 20));

    Comparison *comparison = f.window->comparison();
    f.window->windowActions().blindMode->trigger();
    QVERIFY(comparison->isBlind());
    comparison->setShuffleSeed(42);
    QVERIFY(f.sendAndWait(QStringLiteral("Which one is which?")));
    QVERIFY(comparison->namesHidden());
    // The rate-limited lane's card keeps the provider's words (which may name the model) for later.
    LaneWidget *limited = f.window->laneStrip()->widgetOf(comparison->lane(3));
    QVERIFY(f.lanes.at(3).rateLimited && limited);
    QTRY_VERIFY(limited->card()->isVisible());
    QVERIFY(!limited->card()->message().contains(QStringLiteral("Rate limit reached")));

    // The vote bar names lanes by letter; the fastest-starting lane gets the vote.
    const int fastestStart = firstBy(f.lanes, [](const LaneSchedule &l) { return l.firstMs; });
    ComparisonLane *fastest = comparison->lane(fastestStart);
    const QList<ComparisonLane *> order = comparison->displayOrder();
    auto *voteBar = f.window->findChild<VoteBar *>(QStringLiteral("voteBar"));
    QVERIFY(voteBar);
    QTRY_VERIFY(voteBar->isVisible());
    const QList<QPushButton *> buttons = voteBar->laneButtons();
    QCOMPARE(buttons.size(), 4);
    QPushButton *button = buttons.at(order.indexOf(fastest));
    QCOMPARE(button->text(), QStringLiteral("Lane %1").arg(comparison->laneLabel(fastest)));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!comparison->namesHidden());
    QTRY_VERIFY(limited->card()->message().contains(QStringLiteral("Rate limit reached")));
    const qint64 conversationId = comparison->conversationId();
    const auto votes = f.harness.engine.history()->votes(conversationId);
    QVERIFY(votes && votes->size() == 1);
    QVERIFY(votes->first().blind);
    QCOMPARE(votes->first().laneId, fastest->historyId());

    // A merge of the answers streams into its panel from the loopback server.
    f.window->openMergePanel();
    MergePanel *panel = f.window->mergePanel();
    QVERIFY(panel && panel->isVisible());
    panel->targetBar()->setTarget(merger);
    QTest::mouseClick(panel->mergeButton(), Qt::LeftButton);
    QTRY_COMPARE(panel->view()->answerText(0), QStringLiteral("Merged: the best of all."));
    QTRY_VERIFY(!comparison->isBusy() && !panel->stopButton()->isEnabled());
    int mergeRequests = 0;
    for (const RecordedRequest &request : f.server.requests()) {
        if (request.path == chatPath(merger.provider)) {
            ++mergeRequests;
            for (const LaneSchedule &lane : std::as_const(f.lanes)) {
                if (!lane.rateLimited) // every answer went to the merging model
                    QVERIFY(QString::fromUtf8(request.body).contains(lane.word(0).trimmed()));
            }
        }
    }
    QCOMPARE(mergeRequests, 1);

    const qint64 turnKey = comparison->lastTurnKey();
    const QList<QStringList> before = figures(scoreboardForTurn(*comparison, turnKey));
    QList<QString> texts;
    for (LaneWidget *lane : f.window->lanes())
        texts << lane->conversation()->turn(0).result.chat.text;

    // A restart: a new window on the same history; the leaderboard counts the blind vote.
    f.window.reset();
    f.window = std::make_unique<MainWindow>(f.harness.services());
    f.window->resize(1400, 900);
    f.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.window->windowActions().leaderboard->trigger();
    auto *leaderboard = f.window->findChild<LeaderboardView *>(QStringLiteral("leaderboard"));
    QVERIFY(leaderboard);
    auto *table = leaderboard->findChild<QTableWidget *>(QStringLiteral("leaderboardTable"));
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 3); // the rate-limited lane gave no answer to rank
    QCOMPARE(table->item(0, LeaderboardView::Model)->text(), f.lanes.at(fastestStart).target.toString());
    QCOMPARE(table->item(0, LeaderboardView::Wins)->text(), QStringLiteral("1"));
    for (int row = 1; row < 3; ++row)
        QCOMPARE(table->item(row, LeaderboardView::Losses)->text(), QStringLiteral("1"));
    leaderboard->close();

    // The comparison reopens from the history as it was.
    QVERIFY(f.window->openConversation(conversationId));
    comparison = f.window->comparison();
    QCOMPARE(f.window->lanes().size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(f.window->lanes().at(i)->target(), f.lanes.at(i).target);
        QCOMPARE(f.window->lanes().at(i)->conversation()->turn(0).result.chat.text, texts.at(i));
    }
    QCOMPARE(comparison->lastTurnKey(), turnKey);
    QVERIFY(!comparison->namesHidden()); // the vote was cast: names stay revealed
    QCOMPARE(figures(scoreboardForTurn(*comparison, turnKey)), before);
    QTRY_COMPARE(figures(f.window->scoreboard()->scoreboard()), before);
    const std::optional<Vote> vote = comparison->vote(turnKey);
    QVERIFY(vote && vote->blind && vote->best == comparison->lane(fastestStart));
    QTRY_COMPARE(f.window->mergePanel()->view()->answerText(0), QStringLiteral("Merged: the best of all."));
}

QTEST_MAIN(tst_ComparisonWorkspace)
#include "tst_comparisonworkspace.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Votes in the window, driven offscreen like a user would, against the loopback server standing
// in for three providers: a blind three-lane comparison hides every provider and model name and
// shuffles the lanes (seeded), the vote reveals them and is stored; after a restart (a new
// window on the same history file) the leaderboard counts it. Tags and "all bad" too.
#include "appsettings.h"
#include "composer.h"
#include "engine/engine.h"
#include "history/historystore.h"
#include "lanestrip.h"
#include "lanetargetbar.h"
#include "lanewidget.h"
#include "leaderboardview.h"
#include "mainwindow.h"
#include "votebar.h"
#include "windowharness.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;
using namespace Qt::StringLiterals;

namespace {

const QString kDeepSeek = u"deepseek"_s;
const Target kDeepSeekTarget{kDeepSeek, u"deepseek-chat"_s};
const QList<Target> kTargets = {kGroqTarget, kTogetherTarget, kDeepSeekTarget};

/// Every text a person can read in @p window now: visible labels and buttons, and the title.
QStringList visibleTexts(QWidget *window)
{
    QStringList texts{window->windowTitle()};
    for (const QLabel *label : window->findChildren<QLabel *>()) {
        if (label->isVisible())
            texts << label->text();
    }
    for (const QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (button->isVisible())
            texts << button->text();
    }
    for (const QComboBox *box : window->findChildren<QComboBox *>()) {
        if (box->isVisible())
            texts << box->currentText();
    }
    return texts;
}

/// The names that would tell which lane is which model.
QStringList revealingNames()
{
    QStringList names;
    for (const Target &target : kTargets)
        names << target.toString() << target.model;
    return names;
}

} // namespace

class tst_Votes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void blindVoteRevealsAndCountsAfterRestart();
    void tagsAndAllBadAreStored();

private:
    std::unique_ptr<MainWindow> openWindow(Harness &harness);
    void pointAt(ScriptedServer &server);

    QTemporaryDir m_home;
};

void tst_Votes::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("XDG_CACHE_HOME", m_home.filePath(u"cache"_s).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toUtf8());
    const auto registry = ProviderRegistry::createDefault();
    for (const Provider *provider : registry->providers()) {
        if (!provider->info().keyEnvVar.isEmpty())
            qunsetenv(provider->info().keyEnvVar.toLatin1().constData());
        qunsetenv(baseUrlEnvVar(provider->id()).toLatin1().constData());
    }
}

void tst_Votes::cleanup()
{
    for (const Target &target : kTargets)
        qunsetenv(baseUrlVar(target.provider).constData());
}

void tst_Votes::pointAt(ScriptedServer &server)
{
    for (const Target &target : kTargets) {
        qputenv(baseUrlVar(target.provider).constData(),
                server.url(u"/%1/v1"_s.arg(target.provider)).toString().toUtf8());
        server.route("POST", chatPath(target.provider), answer({u"The answer of "_s, u"one lane"_s, u"."_s}, 5));
    }
}

std::unique_ptr<MainWindow> tst_Votes::openWindow(Harness &harness)
{
    auto window = std::make_unique<MainWindow>(harness.services());
    window->resize(1500, 900);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active: shortcuts may not reach it");
    return window;
}

void tst_Votes::blindVoteRevealsAndCountsAfterRestart()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server);
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_votes_test_key_0001"));
    QVERIFY(harness.storeKey(kTogether, "tgp_votes_test_key_0002"));
    QVERIFY(harness.storeKey(kDeepSeek, "sk-votes-test-key-0003"));
    harness.settings.setLaneTargets(kTargets);

    {
        ComparisonLane *voted = nullptr;
        auto window = openWindow(harness);
        Comparison *comparison = window->comparison();
        QAction *blind = window->windowActions().blindMode;
        QVERIFY(blind && blind->isCheckable() && !blind->isChecked());
        QCOMPARE(blind->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
        blind->trigger();
        QVERIFY(comparison->isBlind());
        QVERIFY(harness.settings.blindMode()); // remembered
        comparison->setShuffleSeed(20261202);

        auto *voteBar = window->findChild<VoteBar *>(u"voteBar"_s);
        QVERIFY(voteBar);
        QVERIFY(!voteBar->isVisible()); // nothing to vote on yet

        QTest::keyClicks(window->composer()->editor(), u"Which model is this?"_s);
        window->sendComposerText();
        QTRY_VERIFY(!window->isBusy());
        QCOMPARE(server.requestCount(), 3);

        // Hidden: a shuffled order (this seed does not leave it as it was), the strip shows it,
        // and no name that tells a lane's model is readable.
        QVERIFY(comparison->namesHidden());
        const QList<ComparisonLane *> order = comparison->displayOrder();
        QCOMPARE(order.size(), 3);
        QVERIFY2(order != comparison->lanes(), "the seeded shuffle left the lanes in place");
        LaneStrip *strip = window->laneStrip();
        for (int i = 0; i < 3; ++i) {
            auto *widget = qobject_cast<LaneWidget *>(strip->widget(i));
            QVERIFY(widget);
            QCOMPARE(widget->lane(), order.at(i));
            QVERIFY(!widget->targetBar()->isVisible());
            auto *header = widget->findChild<QLabel *>(u"blindLaneHeader"_s);
            QVERIFY(header && header->isVisible());
            QCOMPARE(header->text(), u"Lane %1"_s.arg(QChar(u'A' + i)));
        }
        QTRY_VERIFY(voteBar->isVisible());
        const QStringList texts = visibleTexts(window.get());
        for (const QString &name : revealingNames()) {
            for (const QString &text : texts)
                QVERIFY2(!text.contains(name), qPrintable(u"\"%1\" shows \"%2\""_s.arg(text, name)));
        }

        // The vote bar names the lanes as shown.
        const QList<QPushButton *> buttons = voteBar->laneButtons();
        QCOMPARE(buttons.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(buttons.at(i)->text(), u"Lane %1"_s.arg(QChar(u'A' + i)));
            QVERIFY(buttons.at(i)->isEnabled());
        }
        voted = order.at(1);
        QTest::mouseClick(buttons.at(1), Qt::LeftButton);

        // Revealed: names back, the lanes' own order, what was chosen said.
        QVERIFY(!comparison->namesHidden());
        QTRY_VERIFY(window->lanes().at(0)->targetBar()->isVisible());
        for (int i = 0; i < 3; ++i) {
            auto *widget = qobject_cast<LaneWidget *>(strip->widget(i));
            QCOMPARE(widget->lane(), comparison->lanes().at(i));
            QVERIFY(!widget->findChild<QLabel *>(u"blindLaneHeader"_s)->isVisible());
        }
        QVERIFY2(voteBar->resultLabel()->text().contains(voted->target().toString()),
                 qPrintable(voteBar->resultLabel()->text()));
        const QStringList names = [&] {
            QStringList list;
            for (QPushButton *button : voteBar->laneButtons())
                list << button->text();
            return list;
        }();
        QCOMPARE(names, (QStringList{kTargets.at(0).toString(), kTargets.at(1).toString(), kTargets.at(2).toString()}));

        // Stored, as a blind vote for that lane.
        const qint64 conversationId = comparison->conversationId();
        QVERIFY(conversationId > 0);
        const auto votes = harness.engine.history()->votes(conversationId);
        QVERIFY(votes.has_value());
        QCOMPARE(votes->size(), 1);
        QCOMPARE(votes->first().kind, history::VoteRecord::Kind::Best);
        QCOMPARE(votes->first().laneId, voted->historyId());
        QVERIFY(votes->first().blind);
    }
    // A restart: a new window on the same settings and history file.
    auto window = openWindow(harness);
    QVERIFY(window->windowActions().blindMode->isChecked()); // blind mode is remembered
    QAction *leaderboardAction = window->windowActions().leaderboard;
    QCOMPARE(leaderboardAction->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    leaderboardAction->trigger();
    auto *view = window->findChild<LeaderboardView *>(u"leaderboard"_s);
    QVERIFY(view);
    QTRY_VERIFY(view->isVisible());
    auto *table = view->findChild<QTableWidget *>(u"leaderboardTable"_s);
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 3);
    QStringList models;
    for (int row = 0; row < 3; ++row)
        models << table->item(row, LeaderboardView::Model)->text();
    QStringList expected;
    for (const Target &target : kTargets)
        expected << target.toString();
    QStringList sortedModels = models;
    sortedModels.sort();
    expected.sort();
    QCOMPARE(sortedModels, expected);
    // The voted model won over the two others: first, one win; the others one loss each.
    const QString winner = table->item(0, LeaderboardView::Model)->text();
    QCOMPARE(table->item(0, LeaderboardView::Wins)->text(), u"1"_s);
    QCOMPARE(table->item(0, LeaderboardView::Votes)->text(), u"1"_s);
    QCOMPARE(table->item(0, LeaderboardView::Confidence)->text(), u"few votes"_s);
    for (int row = 1; row < 3; ++row) {
        QCOMPARE(table->item(row, LeaderboardView::Losses)->text(), u"1"_s);
        QCOMPARE(table->item(row, LeaderboardView::Wins)->text(), u"0"_s);
    }
    // The winner is the model of the lane that was clicked (lanes keep their targets' order).
    const auto conversations = harness.engine.history()->conversations();
    QVERIFY(conversations.has_value() && conversations->size() == 1);
    const auto record = harness.engine.history()->conversation(conversations->first().id);
    const auto votes = harness.engine.history()->votes(record->id);
    for (const history::LaneRecord &lane : record->lanes) {
        if (lane.id == votes->first().laneId)
            QCOMPARE(winner, lane.provider + u':' + lane.model);
    }
    // A filter with no votes empties it.
    view->periodBox()->setCurrentIndex(1); // the last 7 days still hold it
    QCOMPARE(table->rowCount(), 3);
    view->setClock([] { return QDateTime::currentDateTimeUtc().addDays(40); });
    view->periodBox()->setCurrentIndex(2); // the last 30 days, 40 days from now
    QCOMPARE(table->rowCount(), 0);
}

void tst_Votes::tagsAndAllBadAreStored()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server);
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_votes_test_key_0001"));
    QVERIFY(harness.storeKey(kTogether, "tgp_votes_test_key_0002"));
    harness.settings.setLaneTargets({kGroqTarget, kTogetherTarget});
    auto window = openWindow(harness);
    QVERIFY(!window->comparison()->isBlind());
    window->sendPrompt(u"Tell me"_s);
    QTRY_VERIFY(!window->isBusy());
    auto *voteBar = window->findChild<VoteBar *>(u"voteBar"_s);
    QTRY_VERIFY(voteBar->isVisible());
    // Not blind: the buttons name the models.
    QCOMPARE(voteBar->laneButtons().at(0)->text(), kGroqTarget.toString());

    QLineEdit *tags = voteBar->tagsEdit();
    tags->setFocus();
    QTest::keyClicks(tags, u"code, Fast ,code"_s);
    QTest::mouseClick(voteBar->allBadButton(), Qt::LeftButton);
    QVERIFY(voteBar->allBadButton()->isChecked());
    QVERIFY(!voteBar->resultLabel()->text().isEmpty());
    const qint64 id = window->comparison()->conversationId();
    const auto record = harness.engine.history()->conversation(id);
    QVERIFY(record.has_value());
    QCOMPARE(record->turns.first().tags, (QStringList{u"code"_s, u"Fast"_s}));
    auto votes = harness.engine.history()->votes(id);
    QCOMPARE(votes->first().kind, history::VoteRecord::Kind::AllBad);
    QVERIFY(!votes->first().blind);

    // Changed to a tie.
    QTest::mouseClick(voteBar->tieButton(), Qt::LeftButton);
    votes = harness.engine.history()->votes(id);
    QCOMPARE(votes->size(), 1);
    QCOMPARE(votes->first().kind, history::VoteRecord::Kind::Tie);

    // The leaderboard offers the tags and filters by them.
    auto *view = window->findChild<LeaderboardView *>(u"leaderboard"_s);
    QVERIFY(!view);
    window->windowActions().leaderboard->trigger();
    view = window->findChild<LeaderboardView *>(u"leaderboard"_s);
    QVERIFY(view);
    QCOMPARE(view->table()->rowCount(), 2);
    QCOMPARE(view->table()->item(0, LeaderboardView::Ties)->text(), u"1"_s);
    const int fast = view->tagBox()->findText(u"Fast"_s);
    QVERIFY(fast > 0);
    view->tagBox()->setCurrentIndex(fast);
    QCOMPARE(view->table()->rowCount(), 2);

    // Reopened from the history: the vote and tags come back with the conversation.
    window->newComparison();
    QVERIFY(!window->comparison()->vote(window->comparison()->lastTurnKey()));
    QVERIFY(window->openConversation(id));
    const qint64 key = window->comparison()->lastTurnKey();
    QCOMPARE(window->comparison()->vote(key)->kind, Vote::Kind::Tie);
    QCOMPARE(window->comparison()->turnTags(key), (QStringList{u"code"_s, u"Fast"_s}));
    QTRY_VERIFY(voteBar->isVisible());
    QVERIFY(voteBar->tieButton()->isChecked());
    QCOMPARE(voteBar->tagsEdit()->text(), u"code, Fast"_s);
}

QTEST_MAIN(tst_Votes)
#include "tst_votes.moc"

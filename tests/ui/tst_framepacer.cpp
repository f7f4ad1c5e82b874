// SPDX-License-Identifier: GPL-3.0-or-later
// FramePacer spreads the ~33 ms refreshes of lanes that stream at once over the period, so
// that they redraw in different frames; a lane alone keeps its full period (no added latency
// and no extra redraws).
#include "drivenconversation.h"
#include "framepacer.h"

#include <QApplication>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <memory>

using namespace std::chrono_literals;
using versus::ui::FramePacer;

namespace {

/// The instant the pacer reads while a test holds its clock still.
FramePacer::Clock::time_point g_frozen;
FramePacer::Clock::time_point frozen()
{
    return g_frozen;
}

} // namespace

class tst_FramePacer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup() { FramePacer::setClock(nullptr); }
    void spreadsRefreshesArmedTogether_data();
    void spreadsRefreshesArmedTogether();
    void oneOwnerKeepsItsPeriod();
    void passedAndCancelledRefreshesAreForgotten();
    void armedJustAfterLandsNextToTheLast();
    void viewsStreamingTogetherSyncApart();

private:
    int m_owners[8] = {};
};

void tst_FramePacer::init()
{
    // Entries of an earlier test function expire with their time; none may be left.
    for (const int &owner : m_owners)
        FramePacer::cancel(&owner);
    QThread::msleep(40);
}

void tst_FramePacer::spreadsRefreshesArmedTogether_data()
{
    QTest::addColumn<int>("owners");
    QTest::addColumn<int>("periodMs");
    QTest::addColumn<int>("gapMs");
    QTest::addColumn<int>("spread"); // how many of them must be at least the gap apart

    QTest::newRow("two lanes") << 2 << 33 << 8 << 2;
    QTest::newRow("three lanes") << 3 << 33 << 8 << 3;
    // A fourth armed at the same instant does not fit in the upper half of the period: it is
    // due at half the period (and shares the third's frame); once lanes re-arm at their own
    // times, it fits.
    QTest::newRow("four lanes") << 4 << 33 << 8 << 3;
    // 100, 90, 80, 70, 60: the next would be due at half the period, no longer later than it.
    QTest::newRow("eight lanes, 100 ms") << 8 << 100 << 10 << 5;
}

void tst_FramePacer::spreadsRefreshesArmedTogether()
{
    QFETCH(int, owners);
    QFETCH(int, periodMs);
    QFETCH(int, gapMs);
    QFETCH(int, spread);

    // Armed at one instant: the clock holds still while they are.
    g_frozen = FramePacer::Clock::now();
    FramePacer::setClock(&frozen);
    QList<qint64> delays;
    for (int i = 0; i < owners; ++i)
        delays << FramePacer::delay(&m_owners[i], std::chrono::milliseconds(periodMs), std::chrono::milliseconds(gapMs))
                      .count();
    // Never later than the period (a lane's latency does not grow), never before half of it
    // (a lane does not redraw more than twice as often).
    for (qint64 d : delays) {
        QVERIFY2(d <= periodMs, qPrintable(QString::number(d)));
        QVERIFY2(d >= periodMs / 2 - 1, qPrintable(QString::number(d)));
    }
    QCOMPARE(delays.first(), qint64(periodMs)); // the first one is not moved
    std::sort(delays.begin(), delays.end());
    delays.erase(std::unique(delays.begin(), delays.end()), delays.end());
    // Rounded to whole milliseconds (up), two apart by the gap may differ by one less.
    int apart = 1;
    for (qsizetype i = 1; i < delays.size(); ++i)
        apart += delays.at(i) - delays.at(i - 1) >= gapMs - 1 ? 1 : 0;
    QVERIFY2(apart >= spread, qPrintable(QStringLiteral("%1 apart of %2").arg(apart).arg(owners)));
    for (int i = 0; i < owners; ++i)
        FramePacer::cancel(&m_owners[i]);
}

void tst_FramePacer::oneOwnerKeepsItsPeriod()
{
    // Re-arming replaces the owner's own entry: alone, it is never pushed by itself.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(FramePacer::delay(&m_owners[0], 33ms), 33ms);
    FramePacer::cancel(&m_owners[0]);
}

void tst_FramePacer::passedAndCancelledRefreshesAreForgotten()
{
    QCOMPARE(FramePacer::delay(&m_owners[0], 33ms), 33ms);
    QVERIFY(FramePacer::delay(&m_owners[1], 33ms) < 33ms); // moved away from the first
    FramePacer::cancel(&m_owners[0]);
    FramePacer::cancel(&m_owners[1]);
    QCOMPARE(FramePacer::delay(&m_owners[2], 33ms), 33ms); // nothing else is due

    QThread::msleep(40); // the third one's time has passed
    QCOMPARE(FramePacer::delay(&m_owners[3], 33ms), 33ms);
    FramePacer::cancel(&m_owners[3]);
}

void tst_FramePacer::armedJustAfterLandsNextToTheLast()
{
    // Two lanes armed together take 33 and 25 ms; a third armed 1.5 ms later no longer fits
    // at 17 ms from the first instant (under half its own period, 16 ms): it is due at half
    // its period, next to the second, not a full period later on the first one's frame.
    const FramePacer::Clock::time_point t0 = FramePacer::Clock::now();
    g_frozen = t0;
    FramePacer::setClock(&frozen);
    QCOMPARE(FramePacer::delay(&m_owners[0], 33ms), 33ms);
    QCOMPARE(FramePacer::delay(&m_owners[1], 33ms), 25ms);
    g_frozen = t0 + 1500us;
    QCOMPARE(FramePacer::delay(&m_owners[2], 33ms), 16ms); // due at t0 + 17.5 ms
    for (const int &owner : m_owners)
        FramePacer::cancel(&owner);
}

void tst_FramePacer::viewsStreamingTogetherSyncApart()
{
    // Three lanes' views, each with a streaming answer that gains text in the same event
    // (one prompt sent to all, deltas arriving together): their syncs are due apart.
    std::vector<std::unique_ptr<versus::test::Driven>> lanes;
    for (int i = 0; i < 3; ++i) {
        auto lane = std::make_unique<versus::test::Driven>();
        versus::LaneTurn turn;
        turn.prompt = QStringLiteral("Hello");
        turn.state = versus::history::AnswerState::Streaming;
        lane->model.appendTurn(turn);
        lanes.push_back(std::move(lane));
    }
    for (auto &lane : lanes) {
        QVERIFY(!lane->view.isSyncPending());
        versus::ChatDelta delta;
        delta.text = QStringLiteral("Hi");
        lane->model.appendDelta(lane->last(), delta);
        QVERIFY(lane->view.isSyncPending());
    }
    QList<int> due;
    for (auto &lane : lanes)
        due << lane->view.syncDueInMs();
    std::sort(due.begin(), due.end());
    QVERIFY2(due.last() <= 33, qPrintable(QString::number(due.last())));
    for (qsizetype i = 1; i < due.size(); ++i)
        QVERIFY2(due.at(i) - due.at(i - 1) >= 6,
                 qPrintable(QStringLiteral("%1 then %2").arg(due.at(i - 1)).arg(due.at(i))));
    // The syncs run, and nothing stays armed once the text is shown.
    for (auto &lane : lanes)
        QTRY_VERIFY(!lane->view.isSyncPending());
    for (auto &lane : lanes)
        QCOMPARE(lane->view.answerText(0), QStringLiteral("Hi"));
}

QTEST_MAIN(tst_FramePacer)
#include "tst_framepacer.moc"

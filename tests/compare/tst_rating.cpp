// SPDX-License-Identifier: GPL-3.0-or-later
// The Bradley–Terry rating and the leaderboard built on it. Expected values are computed here
// from the model's own equations (closed forms for two models, the likelihood's stationarity
// conditions otherwise), not taken from the implementation.
#include "compare/leaderboard.h"
#include "compare/rating.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace versus;
using namespace versus::history;

namespace {

constexpr double kZ95 = 1.959963984540054;
const double kPointsPerLog = 400.0 / std::log(10.0); // rating points per unit of log-strength

QList<PairResult> results(int aWins, int bWins, int ties)
{
    QList<PairResult> list;
    for (int i = 0; i < aWins; ++i)
        list.append({u"a"_s, u"b"_s, false});
    for (int i = 0; i < bWins; ++i)
        list.append({u"b"_s, u"a"_s, false});
    for (int i = 0; i < ties; ++i)
        list.append({u"a"_s, u"b"_s, true});
    return list;
}

ModelRating find(const QList<ModelRating> &ratings, const QString &model)
{
    for (const ModelRating &rating : ratings) {
        if (rating.model == model)
            return rating;
    }
    return {};
}

double strength(double rating)
{
    return std::pow(10.0, (rating - 1000.0) / 400.0);
}

/// The largest violation of the fitted strengths' stationarity conditions: for every model,
/// its wins (plus the prior's half) equal its expected wins against each opponent (plus the
/// expected wins against the 1000-rated reference of the prior).
double stationarityError(const QList<PairResult> &list, const QList<ModelRating> &ratings, double prior)
{
    double worst = 0;
    for (const ModelRating &model : ratings) {
        const double p = strength(model.rating);
        double wins = prior / 2.0;
        double expected = prior * p / (p + 1.0);
        for (const PairResult &r : list) {
            const bool first = r.winner == model.model;
            const bool second = r.loser == model.model;
            if (!first && !second)
                continue;
            const double q = strength(find(ratings, first ? r.loser : r.winner).rating);
            wins += r.tie ? 0.5 : (first ? 1.0 : 0.0);
            expected += p / (p + q);
        }
        worst = std::max(worst, std::abs(wins - expected));
    }
    return worst;
}

LeaderboardVote vote(VoteRecord::Kind kind, const QString &best, const QStringList &targets)
{
    LeaderboardVote v;
    v.kind = kind;
    v.best = best;
    v.targets = targets;
    return v;
}

} // namespace

class tst_Rating : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void twoModelsClosedForm_data();
    void twoModelsClosedForm();
    void priorKeepsAnUndefeatedModelFinite();
    void fitSatisfiesTheLikelihoodEquations_data();
    void fitSatisfiesTheLikelihoodEquations();
    void symmetricResultsGiveEqualRatings_data();
    void symmetricResultsGiveEqualRatings();
    void intervalShrinksWithMoreVotes();
    void leaderboardCountsVotes();
    void allBadIsNotAPairwiseResult();
    void fewVotesMark();
};

void tst_Rating::twoModelsClosedForm_data()
{
    QTest::addColumn<int>("aWins");
    QTest::addColumn<int>("bWins");
    QTest::addColumn<int>("ties");
    QTest::addRow("3 to 1") << 3 << 1 << 0;
    QTest::addRow("1 to 3") << 1 << 3 << 0;
    QTest::addRow("even") << 5 << 5 << 0;
    QTest::addRow("ties count half") << 2 << 1 << 2;
    QTest::addRow("many") << 70 << 30 << 10;
}

void tst_Rating::twoModelsClosedForm()
{
    QFETCH(int, aWins);
    QFETCH(int, bWins);
    QFETCH(int, ties);
    // Without a prior the two-model likelihood is maximal at p_a / p_b = W_a / W_b (ties as
    // halves), and with the geometric mean at 1 the ratings are 1000 ± 200·log10(W_a / W_b).
    const double wa = aWins + ties / 2.0;
    const double wb = bWins + ties / 2.0;
    const double half = 200.0 * std::log10(wa / wb);
    const QList<ModelRating> ratings = BradleyTerry::fit(results(aWins, bWins, ties), {}, 0.0);
    QCOMPARE(ratings.size(), 2);
    const ModelRating a = find(ratings, u"a"_s);
    const ModelRating b = find(ratings, u"b"_s);
    QVERIFY2(std::abs(a.rating - (1000.0 + half)) < 1e-6, qPrintable(QString::number(a.rating)));
    QVERIFY2(std::abs(b.rating - (1000.0 - half)) < 1e-6, qPrintable(QString::number(b.rating)));
    QCOMPARE(a.games, double(aWins + bWins + ties));
    // Fisher information of the log-strength difference: n·q·(1 − q) with q = W_a / n; each
    // log-strength is half the difference, so its variance is 1 / (4·n·q·(1 − q)).
    const double n = aWins + bWins + ties;
    const double q = wa / n;
    const double se = kPointsPerLog * std::sqrt(1.0 / (4.0 * n * q * (1.0 - q)));
    QVERIFY2(std::abs((a.ciHigh - a.rating) - kZ95 * se) < 1e-6, qPrintable(QString::number(a.ciHigh - a.rating)));
    QVERIFY(std::abs((a.rating - a.ciLow) - kZ95 * se) < 1e-6);
    QVERIFY(std::abs((b.ciHigh - b.ciLow) - 2 * kZ95 * se) < 1e-6);
    // Best first.
    QCOMPARE(ratings.first().model, aWins >= bWins ? u"a"_s : u"b"_s);
}

void tst_Rating::priorKeepsAnUndefeatedModelFinite()
{
    const QList<PairResult> list = results(5, 0, 0);
    const QList<ModelRating> ratings = BradleyTerry::fit(list);
    const ModelRating a = find(ratings, u"a"_s);
    const ModelRating b = find(ratings, u"b"_s);
    QVERIFY(std::isfinite(a.rating) && std::isfinite(b.rating));
    QVERIFY(std::isfinite(a.ciLow) && std::isfinite(a.ciHigh));
    QVERIFY(a.rating > 1000 && b.rating < 1000);
    QVERIFY(a.ciLow < a.rating && a.rating < a.ciHigh);
    QVERIFY2(stationarityError(list, ratings, BradleyTerry::kDefaultPrior) < 1e-8,
             qPrintable(QString::number(stationarityError(list, ratings, BradleyTerry::kDefaultPrior))));
    // By symmetry of the two models against the reference, log p_a = −log p_b.
    QVERIFY(std::abs((a.rating - 1000) + (b.rating - 1000)) < 1e-6);
}

void tst_Rating::fitSatisfiesTheLikelihoodEquations_data()
{
    QTest::addColumn<QList<PairResult>>("list");
    QTest::addColumn<double>("prior");
    const QList<PairResult> three = {{u"a"_s, u"b"_s, false}, {u"a"_s, u"b"_s, false}, {u"b"_s, u"a"_s, false},
                                     {u"b"_s, u"c"_s, false}, {u"c"_s, u"b"_s, false}, {u"a"_s, u"c"_s, false},
                                     {u"c"_s, u"a"_s, true},  {u"c"_s, u"d"_s, false}, {u"d"_s, u"a"_s, false},
                                     {u"b"_s, u"d"_s, true}};
    QTest::addRow("four models, no prior") << three << 0.0;
    QTest::addRow("four models, prior") << three << 1.0;
    QTest::addRow("a chain, strong prior")
        << QList<PairResult>{{u"a"_s, u"b"_s, false}, {u"b"_s, u"c"_s, false}} << 4.0;
}

void tst_Rating::fitSatisfiesTheLikelihoodEquations()
{
    QFETCH(QList<PairResult>, list);
    QFETCH(double, prior);
    const QList<ModelRating> ratings = BradleyTerry::fit(list, {}, prior);
    QVERIFY2(stationarityError(list, ratings, prior) < 1e-8,
             qPrintable(QString::number(stationarityError(list, ratings, prior))));
    if (prior == 0) {
        double logSum = 0;
        for (const ModelRating &r : ratings)
            logSum += r.rating - 1000;
        QVERIFY(std::abs(logSum) < 1e-6); // the scale: a geometric mean strength of 1
    }
    for (qsizetype i = 1; i < ratings.size(); ++i)
        QVERIFY(ratings.at(i - 1).rating >= ratings.at(i).rating);
}

void tst_Rating::symmetricResultsGiveEqualRatings_data()
{
    QTest::addColumn<QList<PairResult>>("list");
    QTest::addRow("a cycle") << QList<PairResult>{
        {u"a"_s, u"b"_s, false}, {u"b"_s, u"c"_s, false}, {u"c"_s, u"a"_s, false}};
    QTest::addRow("only ties") << QList<PairResult>{{u"a"_s, u"b"_s, true}, {u"b"_s, u"c"_s, true}};
    QTest::addRow("each beats each once")
        << QList<PairResult>{{u"a"_s, u"b"_s, false}, {u"b"_s, u"a"_s, false}, {u"a"_s, u"c"_s, false},
                             {u"c"_s, u"a"_s, false}, {u"b"_s, u"c"_s, false}, {u"c"_s, u"b"_s, false}};
}

void tst_Rating::symmetricResultsGiveEqualRatings()
{
    QFETCH(QList<PairResult>, list);
    for (double prior : {0.0, 1.0}) {
        const QList<ModelRating> ratings = BradleyTerry::fit(list, {}, prior);
        QCOMPARE(ratings.size(), 3);
        for (const ModelRating &r : ratings)
            QVERIFY2(std::abs(r.rating - 1000.0) < 1e-6, qPrintable(r.model + u" "_s + QString::number(r.rating)));
        if (QByteArray(QTest::currentDataTag()) == "a cycle") { // every model in the same place
            QVERIFY(std::abs((ratings.at(0).ciHigh - ratings.at(0).ciLow) -
                             (ratings.at(2).ciHigh - ratings.at(2).ciLow)) < 1e-6);
        }
    }
}

void tst_Rating::intervalShrinksWithMoreVotes()
{
    double lastWidth = std::numeric_limits<double>::infinity();
    double lastRating = 0;
    for (int scale : {1, 3, 10, 100}) {
        const QList<ModelRating> ratings = BradleyTerry::fit(results(3 * scale, scale, 0));
        const ModelRating a = find(ratings, u"a"_s);
        const double width = a.ciHigh - a.ciLow;
        QVERIFY2(width < lastWidth, qPrintable(u"%1 votes: %2"_s.arg(4 * scale).arg(width)));
        // The same 3:1 odds, more sure: the prior's pull fades and the rating rises towards
        // the plain model's 1000 + 200·log10(3).
        QVERIFY(a.rating > lastRating);
        QVERIFY(a.rating < 1000 + 200 * std::log10(3.0));
        lastWidth = width;
        lastRating = a.rating;
    }
    QVERIFY(std::abs(lastRating - (1000 + 200 * std::log10(3.0))) < 2.0);
    // And the interval is that of the two models' difference (the common level the weak prior
    // leaves loose is not part of it): near the plain model's 1.96 / sqrt(4·n·q·(1 − q)),
    // n = 400, q = 3/4, the prior's two games making it a little narrower.
    const ModelRating a = find(BradleyTerry::fit(results(300, 100, 0)), u"a"_s);
    const double plain = kZ95 * kPointsPerLog / std::sqrt(4.0 * 400 * 0.75 * 0.25);
    QVERIFY2(a.ciHigh - a.rating <= plain && a.ciHigh - a.rating > plain - 0.5,
             qPrintable(u"%1 against %2"_s.arg(a.ciHigh - a.rating).arg(plain)));
}

void tst_Rating::leaderboardCountsVotes()
{
    // Turn 1: three lanes, x best. Turn 2: two lanes, a tie. Turn 3: y best, with x in two lanes.
    const QList<LeaderboardVote> votes = {
        vote(VoteRecord::Kind::Best, u"p:x"_s, {u"p:x"_s, u"p:y"_s, u"p:z"_s}),
        vote(VoteRecord::Kind::Tie, {}, {u"p:x"_s, u"p:y"_s}),
        vote(VoteRecord::Kind::Best, u"p:y"_s, {u"p:x"_s, u"p:y"_s, u"p:x"_s}),
    };
    const QList<PairResult> pairs = Leaderboard::pairResults(votes);
    const QList<PairResult> expectedPairs = {{u"p:x"_s, u"p:y"_s, false},
                                             {u"p:x"_s, u"p:z"_s, false},
                                             {u"p:x"_s, u"p:y"_s, true},
                                             {u"p:y"_s, u"p:x"_s, false}};
    QCOMPARE(pairs, expectedPairs);
    const Leaderboard board = Leaderboard::compute(votes);
    QCOMPARE(board.votes, 3);
    QCOMPARE(board.entries.size(), 3);
    const QList<ModelRating> fit = BradleyTerry::fit(expectedPairs);
    for (const LeaderboardEntry &entry : board.entries) {
        const ModelRating rating = find(fit, entry.model);
        QCOMPARE(entry.rating, rating.rating);
        QCOMPARE(entry.ciLow, rating.ciLow);
    }
    const auto entry = [&](const QString &model) {
        return *std::find_if(board.entries.cbegin(), board.entries.cend(),
                             [&](const LeaderboardEntry &e) { return e.model == model; });
    };
    QCOMPARE(entry(u"p:x"_s).votes, 3);
    QCOMPARE(entry(u"p:x"_s).wins, 1);
    QCOMPARE(entry(u"p:x"_s).losses, 1);
    QCOMPARE(entry(u"p:x"_s).ties, 1);
    QCOMPARE(entry(u"p:y"_s).wins, 1);
    QCOMPARE(entry(u"p:y"_s).losses, 1);
    QCOMPARE(entry(u"p:z"_s).votes, 1);
    QCOMPARE(entry(u"p:z"_s).losses, 1);
    QCOMPARE(board.entries.last().model, u"p:z"_s);
    QVERIFY(!board.method.isEmpty());
}

void tst_Rating::allBadIsNotAPairwiseResult()
{
    const QList<LeaderboardVote> votes = {
        vote(VoteRecord::Kind::AllBad, {}, {u"p:x"_s, u"p:y"_s}),
        vote(VoteRecord::Kind::AllBad, {}, {u"p:x"_s, u"p:w"_s}),
        // A best lane whose answer failed: counted as a vote, no winner, no loser.
        vote(VoteRecord::Kind::Best, u"p:gone"_s, {u"p:x"_s, u"p:y"_s}),
    };
    QVERIFY(Leaderboard::pairResults(votes).isEmpty());
    const Leaderboard board = Leaderboard::compute(votes);
    QCOMPARE(board.entries.size(), 3);
    for (const LeaderboardEntry &entry : board.entries) {
        QCOMPARE(entry.rating, 1000.0); // the prior alone
        QCOMPARE(entry.wins + entry.losses + entry.ties, 0);
    }
    QCOMPARE(board.entries.at(0).model, u"p:w"_s); // equal ratings: by name
    const LeaderboardEntry x = board.entries.at(1);
    QCOMPARE(x.model, u"p:x"_s);
    QCOMPARE(x.allBad, 2);
    QCOMPARE(x.votes, 3);
}

void tst_Rating::fewVotesMark()
{
    QList<LeaderboardVote> votes;
    for (int i = 0; i < Leaderboard::kFewVotes; ++i)
        votes << vote(VoteRecord::Kind::Best, u"p:x"_s, {u"p:x"_s, i == 0 ? u"p:y"_s : u"p:z"_s});
    const Leaderboard board = Leaderboard::compute(votes);
    for (const LeaderboardEntry &entry : board.entries)
        QCOMPARE(entry.fewVotes, entry.votes < Leaderboard::kFewVotes);
    QCOMPARE(board.entries.at(0).model, u"p:x"_s);
    QVERIFY(!board.entries.at(0).fewVotes);
    QVERIFY(board.entries.at(1).fewVotes);
}

QTEST_APPLESS_MAIN(tst_Rating)
#include "tst_rating.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The current_time built-in.
#include "tools/currenttime.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace versus::tools;

namespace {

QDateTime utcAt(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs);
}

} // namespace

class TestToolSet : public QObject {
    Q_OBJECT

private slots:
    void currentTime_data();
    void currentTime();
};

void TestToolSet::currentTime_data()
{
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("now");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray utc = R"({"timezone":"UTC","iso8601":"2026-12-01T16:05:00Z","utc":"2026-12-01T16:05:00Z",)"
                           R"("weekday":"Tuesday","unix":1796141100})";
    QTest::newRow("UTC by default") << QByteArray("{}") << u"2026-12-01T16:05:00.789Z"_s << utc;
    QTest::newRow("null zone") << QByteArray(R"({"timezone": null})") << u"2026-12-01T16:05:00Z"_s << utc;
    QTest::newRow("empty zone") << QByteArray(R"({"timezone": ""})") << u"2026-12-01T16:05:00Z"_s << utc;
    QTest::newRow("Paris in winter") << QByteArray(R"({"timezone": "Europe/Paris"})") << u"2026-12-01T16:05:00Z"_s
                                     << QByteArray(
                                            R"({"timezone":"Europe/Paris","iso8601":"2026-12-01T17:05:00+01:00",)"
                                            R"("utc":"2026-12-01T16:05:00Z","weekday":"Tuesday","unix":1796141100})");
    QTest::newRow("Paris in summer") << QByteArray(R"({"timezone": "Europe/Paris"})") << u"2026-07-14T10:30:00Z"_s
                                     << QByteArray(
                                            R"({"timezone":"Europe/Paris","iso8601":"2026-07-14T12:30:00+02:00",)"
                                            R"("utc":"2026-07-14T10:30:00Z","weekday":"Tuesday","unix":1784025000})");
    QTest::newRow("zone in the wrong case")
        << QByteArray(R"({"timezone": "europe/paris"})") << u"2026-12-01T16:05:00Z"_s
        << QByteArray(R"({"timezone":"Europe/Paris","iso8601":"2026-12-01T17:05:00+01:00",)"
                      R"("utc":"2026-12-01T16:05:00Z","weekday":"Tuesday","unix":1796141100})");
    QTest::newRow("the day before in New York")
        << QByteArray(R"({"timezone": "America/New_York"})") << u"2026-12-01T03:00:00Z"_s
        << QByteArray(R"({"timezone":"America/New_York","iso8601":"2026-11-30T22:00:00-05:00",)"
                      R"("utc":"2026-12-01T03:00:00Z","weekday":"Monday","unix":1796094000})");
    QTest::newRow("half-hour offset, next year")
        << QByteArray(R"({"timezone": "Asia/Kolkata"})") << u"2026-12-31T23:30:00Z"_s
        << QByteArray(R"({"timezone":"Asia/Kolkata","iso8601":"2027-01-01T05:00:00+05:30",)"
                      R"("utc":"2026-12-31T23:30:00Z","weekday":"Friday","unix":1798759800})");
    QTest::newRow("unknown zone") << QByteArray(R"({"timezone": "Mars/Base"})") << u"2026-12-01T16:05:00Z"_s
                                  << QByteArray(R"({"error":"unknown time zone \"Mars/Base\""})");
    QTest::newRow("zone not a string") << QByteArray(R"({"timezone": 1})") << u"2026-12-01T16:05:00Z"_s
                                       << QByteArray(
                                              R"({"error":"\"timezone\" must be a string such as \"Europe/Paris\""})");
}

void TestToolSet::currentTime()
{
    QFETCH(QByteArray, arguments);
    QFETCH(QString, now);
    QFETCH(QByteArray, expected);
    const QDateTime nowUtc = utcAt(now);
    QVERIFY(nowUtc.isValid());
    const QByteArray json = runCurrentTime(QJsonDocument::fromJson(arguments).object(), nowUtc);
    QCOMPARE(json, expected);
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
}

QTEST_GUILESS_MAIN(TestToolSet)
#include "tst_toolset.moc"

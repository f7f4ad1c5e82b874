// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a long conversation in the window: the time from asking the window to open a stored
// 10,000-message conversation (5,000 turns of one lane) to the first paint of its view, and
// the peak memory against the raw size of the conversation's text. The reference measured in
// the same run is a bare SQL read of the same text. Prints figures (and FIGURE|4 lines for
// script/bench, see figureline.h); asserts nothing.
//   bench_historyopen [--quick]          (prepares a file, then measures in a fresh process)
//   bench_historyopen --measure FILE ID  (the measured process)
#include "appsettings.h"
#include "conversationview.h"
#include "engine/engine.h"
#include "figureline.h"
#include "history/historystore.h"
#include "lanewidget.h"
#include "mainwindow.h"
#include "secrets/memorykeystore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

using namespace versus;

namespace {

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Model output of a realistic shape: paragraphs, a list and a code block (~1.3 kB).
QString answerText(int turn)
{
    QString text = QStringLiteral("Here is answer %1. ").arg(turn);
    for (int p = 0; p < 3; ++p)
        text += QStringLiteral("Streaming answers are checkpointed about once a second, so a crash loses at most "
                               "a second of text; the history keeps every word. ");
    text += QStringLiteral("\n\n- first point\n- second point with `code`\n\n```cpp\nint main() { return %1; }\n```\n")
                .arg(turn);
    for (int p = 0; p < 4; ++p)
        text += QStringLiteral("More words to make the answer as long as a typical one, about two hundred tokens. ");
    return text;
}

int prepare(const QString &path, int turns, qint64 *id, qint64 *textBytes)
{
    history::HistoryStore store;
    if (auto opened = store.open(path); !opened) {
        QTextStream(stderr) << "cannot open " << path << ": " << opened.error().message << '\n';
        return 1;
    }
    history::LaneRecord lane;
    lane.provider = QStringLiteral("groq");
    lane.model = QStringLiteral("openai/gpt-oss-120b");
    auto conversation = store.createConversation(QStringLiteral("A long conversation"), {lane});
    if (!conversation)
        return 1;
    *id = conversation->id;
    const qint64 laneId = conversation->lanes.first().id;
    *textBytes = 0;
    for (int i = 0; i < turns; ++i) {
        const QString prompt = QStringLiteral("Question number %1: explain the next step in more detail.").arg(i);
        auto turn = store.addTurn(*id, prompt, {laneId});
        if (!turn)
            return 1;
        history::AnswerRecord answer = turn->answers.first();
        answer.state = history::AnswerState::Complete;
        answer.text = answerText(i);
        answer.finishReason = QStringLiteral("stop");
        answer.usage = QJsonObject{{QStringLiteral("prompt_tokens"), 40 + i},
                                   {QStringLiteral("completion_tokens"), 210},
                                   {QStringLiteral("source"), QStringLiteral("provider")}};
        answer.metrics = QJsonObject{{QStringLiteral("ttft_ms"), 120.5},
                                     {QStringLiteral("e2e_ms"), 950.25},
                                     {QStringLiteral("output_tokens_per_s"), 250.0},
                                     {QStringLiteral("chunks"), 60},
                                     {QStringLiteral("tokens_source"), QStringLiteral("provider")}};
        answer.finishedAt = QDateTime::currentDateTimeUtc();
        if (!store.finishAnswer(answer))
            return 1;
        *textBytes += prompt.toUtf8().size() + answer.text.toUtf8().size();
    }
    return 0;
}

// The reference: the same text read with one bare query, nothing built from it.
double bareReadMs(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    qint64 bytes = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bare"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        db.open();
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.exec(QStringLiteral("SELECT t.prompt, a.text FROM turns t JOIN answers a ON a.turn_id = t.id"));
        while (query.next())
            bytes += query.value(0).toString().size() + query.value(1).toString().size();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bare"));
    return bytes > 0 ? double(timer.nsecsElapsed()) / 1e6 : -1;
}

int measure(const QString &path, qint64 id)
{
    QTemporaryDir dir;
    MemoryKeyStore keys;
    EngineOptions options;
    options.keyStore = &keys;
    options.userFiles = false;
    options.historyPath = path;
    Engine engine(options);
    ui::AppSettings settings(std::make_unique<QSettings>(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat));
    ui::AppServices services{&engine, &settings};
    ui::MainWindow window(services);
    window.resize(1400, 900);
    window.show();
    QApplication::processEvents();

    const qint64 baselineKb = statusKb("VmRSS:");
    QElapsedTimer timer;
    double firstPaintMs = -1;
    struct PaintWatch : QObject {
        std::function<void()> onPaint;
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Paint && onPaint)
                onPaint();
            return false;
        }
    } watch;
    timer.start();
    if (!window.openConversation(id))
        return 1;
    ui::ConversationView *view = window.lanes().first()->view();
    watch.onPaint = [&] {
        if (firstPaintMs < 0)
            firstPaintMs = double(timer.nsecsElapsed()) / 1e6;
    };
    view->viewport()->installEventFilter(&watch);
    const double openedMs = double(timer.nsecsElapsed()) / 1e6;
    QElapsedTimer wait;
    wait.start();
    while (firstPaintMs < 0 && wait.elapsed() < 10'000)
        QApplication::processEvents(QEventLoop::AllEvents, 10);
    // The peak is taken before the reference read, which must not add to it.
    const qint64 peakKb = statusKb("VmHWM:");
    const qint64 afterKb = statusKb("VmRSS:");
    const double bareMs = bareReadMs(path);
    QTextStream(stdout) << "turns " << view->turnCount() << " opened_ms " << openedMs << " first_paint_ms "
                        << firstPaintMs << " bare_read_ms " << bareMs << " baseline_rss_kb " << baselineKb
                        << " peak_rss_kb " << peakKb << " after_rss_kb " << afterKb << '\n';
    return firstPaintMs < 0 ? 1 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 4 && qstrcmp(argv[1], "--measure") == 0) {
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
        QApplication app(argc, argv);
        return measure(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toLongLong());
    }
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int turns = quick ? 250 : 5000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    qint64 id = 0;
    qint64 textBytes = 0;
    QElapsedTimer timer;
    timer.start();
    if (prepare(path, turns, &id, &textBytes) != 0)
        return 1;
    QTextStream out(stdout);
    out << "prepared " << turns * 2 << " messages (" << textBytes / 1024 << " KiB of text) in " << timer.elapsed()
        << " ms\n";

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--measure"), path, QString::number(id)});
    if (!child.waitForFinished(120'000) || child.exitCode() != 0) {
        out << "the measured process failed\n";
        return 1;
    }
    const QStringList fields = QString::fromUtf8(child.readAllStandardOutput()).simplified().split(u' ');
    QHash<QString, double> figures;
    for (int i = 0; i + 1 < fields.size(); i += 2)
        figures.insert(fields.at(i), fields.at(i + 1).toDouble());
    const double textKb = double(textBytes) / 1024.0;
    out << "open → first paint: " << figures.value(QStringLiteral("first_paint_ms")) << " ms (the open call itself "
        << figures.value(QStringLiteral("opened_ms"))
        << " ms); bare SQL read of the same text: " << figures.value(QStringLiteral("bare_read_ms")) << " ms, ratio "
        << figures.value(QStringLiteral("first_paint_ms")) / figures.value(QStringLiteral("bare_read_ms")) << "×\n";
    out << "peak RSS " << figures.value(QStringLiteral("peak_rss_kb")) / 1024.0 << " MiB, of which above the "
        << "window before opening: "
        << (figures.value(QStringLiteral("peak_rss_kb")) - figures.value(QStringLiteral("baseline_rss_kb"))) / 1024.0
        << " MiB; raw text " << textKb / 1024.0 << " MiB; growth/text = "
        << (figures.value(QStringLiteral("peak_rss_kb")) - figures.value(QStringLiteral("baseline_rss_kb"))) / textKb
        << "×\n";
    out.flush();
    const double firstPaintMs = figures.value(QStringLiteral("first_paint_ms"));
    const double bareMs = figures.value(QStringLiteral("bare_read_ms"));
    const double growthKb =
        figures.value(QStringLiteral("peak_rss_kb")) - figures.value(QStringLiteral("baseline_rss_kb"));
    const QString what = QStringLiteral("%1 messages, %2 MiB of text").arg(turns * 2).arg(textKb / 1024.0, 0, 'f', 2);
    bench::printFigure(4, QStringLiteral("history open → first paint (%1)").arg(what),
                       bench::withUnit(firstPaintMs, 0, QStringLiteral("ms")),
                       QStringLiteral("bare SQL read of the text %1 ms").arg(bareMs, 0, 'f', 1),
                       bench::ratioOf(firstPaintMs, bareMs, 1), QStringLiteral("≤ 300 ms"), firstPaintMs <= 300);
    bench::printFigure(4, QStringLiteral("history open, peak RSS growth (%1)").arg(what),
                       bench::withUnit(growthKb / 1024.0, 1, QStringLiteral("MiB")),
                       QStringLiteral("raw text %1 MiB").arg(textKb / 1024.0, 0, 'f', 2),
                       bench::ratioOf(growthKb, textKb, 1), QStringLiteral("≤ 3×"), growthKb / textKb <= 3);
    return 0;
}

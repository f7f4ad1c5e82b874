// SPDX-License-Identifier: GPL-3.0-or-later
// The window's manners: what it remembers between runs (geometry, splitters, lanes), its
// theme (dark and light rich text), its icon, and Help → Keyboard shortcuts.
#include "appicon.h"
#include "appsettings.h"
#include "compare/answercodec.h"
#include "composer.h"
#include "conversationview.h"
#include "engine/engine.h"
#include "lanewidget.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "secrets/memorykeystore.h"
#include "shortcutsdialog.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextFrame>
#include <QTreeWidget>

using namespace versus;
using namespace versus::ui;

namespace {

const Target kGroqTarget{QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b")};
const Target kTogetherTarget{QStringLiteral("together"), QStringLiteral("openai/gpt-oss-120b")};

/// What the composition root makes: a settings INI file and a history in a temporary
/// directory, a memory key store, the bundled catalogs.
struct Harness {
    QTemporaryDir dir;
    QNetworkAccessManager network;
    MemoryKeyStore keys;
    Engine engine{engineOptions()};

    EngineOptions engineOptions()
    {
        network.setProxy(QNetworkProxy::NoProxy);
        EngineOptions options;
        options.keyStore = &keys;
        options.network = &network;
        options.userFiles = false;
        options.historyPath = dir.filePath(QStringLiteral("history.sqlite"));
        return options;
    }

    /// A fresh AppSettings over the same INI file, as the next start of the app reads it.
    std::unique_ptr<AppSettings> settings()
    {
        return std::make_unique<AppSettings>(
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("versus.ini")), QSettings::IniFormat));
    }
};

AppServices servicesOf(Engine &engine, AppSettings &settings)
{
    AppServices services;
    services.engine = &engine;
    services.settings = &settings;
    return services;
}

// Relative luminance (sRGB, without the gamma curve: enough to tell dark from light).
double luminance(const QColor &color)
{
    return 0.2126 * color.redF() + 0.7152 * color.greenF() + 0.0722 * color.blueF();
}

// The first frame of @p document below the root frame: the prompt bubble.
QColor promptBubble(QTextDocument *document)
{
    const QList<QTextFrame *> frames = document->rootFrame()->childFrames();
    return frames.isEmpty() ? QColor() : frames.first()->frameFormat().background().color();
}

QColor codeBackground(QTextDocument *document, const QString &text)
{
    const QTextCursor found = document->find(text);
    return found.isNull() ? QColor() : found.block().blockFormat().background().color();
}

QColor textColor(QTextDocument *document, const QString &text, const QPalette &palette)
{
    QTextCursor found = document->find(text);
    if (found.isNull())
        return {};
    QTextCursor inside(document);
    inside.setPosition(found.selectionStart() + 1);
    const QBrush brush = inside.charFormat().foreground();
    return brush.style() == Qt::NoBrush ? palette.color(QPalette::Text) : brush.color();
}

} // namespace

class tst_WindowManners : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void layoutAndLanesAreRemembered();
    void themeSettingDefaultsToSystem();
    void themeColoursFollowThePalette_data();
    void themeColoursFollowThePalette();
    void shortcutsDialogListsEveryShortcut();
    void iconIsDrawnAtTheDevicePixels();
};

void tst_WindowManners::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_WindowManners::cleanup()
{
    applyTheme(QStringLiteral("system"));
}

void tst_WindowManners::layoutAndLanesAreRemembered()
{
    Harness harness;
    QRect geometry;
    QList<int> sideSizes;
    QList<int> laneSizes;
    {
        auto settings = harness.settings();
        settings->setLaneTargets({kGroqTarget, kTogetherTarget});
        MainWindow window(servicesOf(harness.engine, *settings));
        window.resize(1200, 760);
        window.move(40, 30);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *side = window.findChild<QSplitter *>(QStringLiteral("sideSplitter"));
        QVERIFY(side);
        side->setSizes({320, 880});
        window.laneSplitter()->setSizes({250, 600});
        QCoreApplication::processEvents();
        geometry = window.geometry();
        sideSizes = side->sizes();
        laneSizes = window.laneSplitter()->sizes();
        QVERIFY(laneSizes.at(0) < laneSizes.at(1)); // not the equal widths a new window has
        QVERIFY(window.close());
    }
    // The next start: a new AppSettings reading the file, a new window.
    auto settings = harness.settings();
    MainWindow window(servicesOf(harness.engine, *settings));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.geometry(), geometry);
    QCOMPARE(window.findChild<QSplitter *>(QStringLiteral("sideSplitter"))->sizes(), sideSizes);
    QCOMPARE(window.laneSplitter()->sizes(), laneSizes);
    QCOMPARE(window.lanes().size(), 2);
    QCOMPARE(window.lanes().at(0)->target(), kGroqTarget);
    QCOMPARE(window.lanes().at(1)->target(), kTogetherTarget);
}

void tst_WindowManners::themeSettingDefaultsToSystem()
{
    Harness harness;
    QCOMPARE(harness.settings()->theme(), QStringLiteral("system"));
    harness.settings()->setTheme(QStringLiteral("dark"));
    QCOMPARE(harness.settings()->theme(), QStringLiteral("dark"));
    harness.settings()->setTheme(QStringLiteral("mauve"));
    QCOMPARE(harness.settings()->theme(), QStringLiteral("system"));
}

void tst_WindowManners::themeColoursFollowThePalette_data()
{
    QTest::addColumn<QString>("theme");
    QTest::addColumn<bool>("dark");
    QTest::addRow("dark") << QStringLiteral("dark") << true;
    // The offscreen platform's palette is a light one.
    QTest::addRow("light") << QStringLiteral("light") << false;
    QTest::addRow("system") << QStringLiteral("system") << false;
}

void tst_WindowManners::themeColoursFollowThePalette()
{
    QFETCH(QString, theme);
    QFETCH(bool, dark);

    // The view exists before the theme changes: it must re-render in the new colours.
    applyTheme(dark ? QStringLiteral("light") : QStringLiteral("dark"));
    LaneConversation model;
    ConversationView view;
    view.resize(600, 500);
    view.show();
    view.setConversation(&model);
    LaneTurn turn;
    turn.prompt = QStringLiteral("a prompt");
    model.appendTurn(turn);
    LaneResult result;
    result.chat.text = QStringLiteral("Answer text\n\n```\ncode_line()\n```\n");
    model.finishTurn(0, result, history::AnswerState::Complete);
    MessageBar bar;
    bar.showMessage(QStringLiteral("message"));

    applyTheme(theme);
    QCOMPARE(isDark(QApplication::palette()), dark);
    // Windows hear of the new palette through the event loop.
    QTRY_COMPARE(isDark(view.palette()), dark);
    QTRY_COMPARE(isDark(bar.palette()), dark);
    QTextDocument *document = view.document();
    const QColor bubble = promptBubble(document);
    const QColor code = codeBackground(document, QStringLiteral("code_line"));
    QVERIFY(bubble.isValid());
    QVERIFY(code.isValid());
    const QColor text = textColor(document, QStringLiteral("Answer text"), view.palette());
    const QColor base = view.palette().color(QPalette::Base);
    if (dark) {
        QVERIFY2(luminance(bubble) < 0.3, qPrintable(bubble.name()));
        QVERIFY2(luminance(code) < 0.3, qPrintable(code.name()));
        QVERIFY2(luminance(bar.palette().color(QPalette::Window)) < 0.4,
                 qPrintable(bar.palette().color(QPalette::Window).name()));
    } else {
        QVERIFY2(luminance(bubble) > 0.7, qPrintable(bubble.name()));
        QVERIFY2(luminance(code) > 0.7, qPrintable(code.name()));
        QVERIFY2(luminance(bar.palette().color(QPalette::Window)) > 0.6,
                 qPrintable(bar.palette().color(QPalette::Window).name()));
    }
    // Text stands out from every background it is drawn on.
    for (const QColor &background : {bubble, code, base})
        QVERIFY2(std::abs(luminance(text) - luminance(background)) > 0.5,
                 qPrintable(text.name() + u" on " + background.name()));
    const QColor barText = bar.palette().color(QPalette::WindowText);
    QVERIFY2(std::abs(luminance(barText) - luminance(bar.palette().color(QPalette::Window))) > 0.5,
             qPrintable(barText.name()));
}

void tst_WindowManners::shortcutsDialogListsEveryShortcut()
{
    Harness harness;
    auto settings = harness.settings();
    settings->setLaneTargets({kGroqTarget, kTogetherTarget});
    MainWindow window(servicesOf(harness.engine, *settings));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QAction *open = window.windowActions().keyboardShortcuts;
    QVERIFY(open);
    open->trigger();
    auto *dialog = window.findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("shortcutList"));
    QVERIFY(list);
    QStringList rows;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        rows.append(list->topLevelItem(i)->text(0) + u'|' + list->topLevelItem(i)->text(1));

    int withShortcut = 0;
    for (const QAction *action : window.findChildren<QAction *>()) {
        if (action->shortcuts().isEmpty())
            continue;
        ++withShortcut;
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        const auto listed = std::find_if(rows.cbegin(), rows.cend(), [&](const QString &row) {
            return row.section(u'|', 1).split(QStringLiteral(", ")).contains(keys) && !row.section(u'|', 0).isEmpty();
        });
        QVERIFY2(listed != rows.cend(), qPrintable(action->objectName() + u' ' + action->text() + u' ' + keys));
        QVERIFY2(!action->text().isEmpty() && listed->contains(action->text().remove(u'&').left(6)),
                 qPrintable(*listed + u" for " + action->text()));
    }
    // The window's commands and the nine lanes at least.
    QVERIFY2(withShortcut >= 9 + 8, qPrintable(QString::number(withShortcut)));
    QVERIFY(rows.contains(u"Send to all lanes|" +
                          QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText) + u", " +
                          QKeySequence(Qt::CTRL | Qt::Key_Enter).toString(QKeySequence::NativeText)));
    QVERIFY(rows.contains(u"Go to lane 3|" + QKeySequence(Qt::CTRL | Qt::Key_3).toString(QKeySequence::NativeText)));
    // The prompt box's keys, which are not actions.
    const QString enter = QKeySequence(Qt::Key_Return).toString(QKeySequence::NativeText);
    const QString shiftEnter = QKeySequence(Qt::SHIFT | Qt::Key_Return).toString(QKeySequence::NativeText);
    QVERIFY(std::any_of(rows.cbegin(), rows.cend(), [&](const QString &row) { return row.endsWith(u'|' + enter); }));
    QVERIFY(
        std::any_of(rows.cbegin(), rows.cend(), [&](const QString &row) { return row.endsWith(u'|' + shiftEnter); }));
    // Each line once, even with a lane's actions in every lane.
    QCOMPARE(QSet<QString>(rows.cbegin(), rows.cend()).size(), rows.size());

    // Opened again after the send key changed: one dialog, with the keys now in force.
    window.composer()->setSendWithCtrlEnter(true);
    open->trigger();
    const QList<QDialog *> dialogs = window.findChildren<QDialog *>(QStringLiteral("shortcutsDialog"));
    QCOMPARE(dialogs.size(), 1);
    auto *again = dialogs.first()->findChild<QTreeWidget *>(QStringLiteral("shortcutList"));
    QVERIFY(again);
    QStringList now;
    for (int i = 0; i < again->topLevelItemCount(); ++i)
        now.append(again->topLevelItem(i)->text(0) + u'|' + again->topLevelItem(i)->text(1));
    const QString ctrlEnter = QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText);
    QVERIFY(now.contains(u"Send the prompt (in the prompt box)|" + ctrlEnter));
    QVERIFY(now.contains(u"New line in the prompt|" + enter));
}

void tst_WindowManners::iconIsDrawnAtTheDevicePixels()
{
    const QIcon icon = appIcon();
    QVERIFY(!icon.isNull());
    // At twice the pixels per point the icon is drawn at 64 pixels, not a 32-pixel one scaled:
    // the same picture as the 64-point icon.
    const QPixmap doubled = icon.pixmap(QSize(32, 32), 2.0);
    QCOMPARE(doubled.deviceIndependentSize().toSize(), QSize(32, 32));
    QCOMPARE(doubled.size(), QSize(64, 64));
    const QImage sharp = icon.pixmap(QSize(64, 64), 1.0).toImage().convertToFormat(QImage::Format_ARGB32);
    QImage doubledImage = doubled.toImage().convertToFormat(QImage::Format_ARGB32);
    doubledImage.setDevicePixelRatio(1);
    QCOMPARE(doubledImage, sharp);
    // Two lanes: blue on the left, orange on the right, dark between them, clear corners.
    const QColor left = sharp.pixelColor(20, 46);
    const QColor right = sharp.pixelColor(45, 46);
    QVERIFY2(left.blue() > 200 && left.red() < 100, qPrintable(left.name()));
    QVERIFY2(right.red() > 200 && right.blue() < 100, qPrintable(right.name()));
    QVERIFY(luminance(sharp.pixelColor(32, 46)) < 0.25);
    QCOMPARE(sharp.pixelColor(0, 0).alpha(), 0);
}

QTEST_MAIN(tst_WindowManners)
#include "tst_windowmanners.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// A lane's header and the composer, driven offscreen like a user would, against the scripted
// loopback server standing in for Groq: the parameters popover, the live model picker, the
// "Add key…" card, the lane menu (send to one lane, focus a lane), Enter / Ctrl+Enter and the
// global system prompt.
#include "appsettings.h"
#include "composer.h"
#include "conversationview.h"
#include "engine/engine.h"
#include "history/historystore.h"
#include "lanecard.h"
#include "laneparameterspopover.h"
#include "lanetargetbar.h"
#include "lanewidget.h"
#include "mainwindow.h"
#include "modellistsource.h"
#include "modelpicker.h"
#include "scriptedserver.h"
#include "secrets/memorykeystore.h"
#include "windowharness.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;

namespace {

const Target kGroqSmall{kGroq, QStringLiteral("openai/gpt-oss-20b")};

ScriptedResponse answer(const QString &text)
{
    const QByteArray delta =
        compact({{QStringLiteral("id"), QStringLiteral("c1")},
                 {QStringLiteral("choices"),
                  QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                         {QStringLiteral("delta"), QJsonObject{{QStringLiteral("content"), text}}},
                                         {QStringLiteral("finish_reason"), QJsonValue()}}}}});
    const QByteArray finish =
        compact({{QStringLiteral("id"), QStringLiteral("c1")},
                 {QStringLiteral("choices"),
                  QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                         {QStringLiteral("delta"), QJsonObject{}},
                                         {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}}});
    return ScriptedResponse::sseData({delta, finish});
}

const QByteArray kChatPath = "/groq/v1/chat/completions";
const QByteArray kModelsPath = "/groq/v1/models";

// Groq's /models as it answers: a model the catalog knows and one it does not.
const QByteArray kLiveModels = R"({"object":"list","data":[
 {"id":"openai/gpt-oss-120b","object":"model","owned_by":"OpenAI","active":true,"context_window":131072},
 {"id":"live/brand-new-model","object":"model","owned_by":"Someone","active":true,"context_window":8192}]})";

QAction *menuAction(LaneWidget *lane, const char *name)
{
    return lane->targetBar()->laneMenu()->findChild<QAction *>(QLatin1String(name));
}

QJsonObject requestTo(const ScriptedServer &server, const QByteArray &path, const QString &model)
{
    for (const RecordedRequest &request : server.requests()) {
        if (request.path == path && request.json().value(u"model").toString() == model)
            return request.json();
    }
    return {};
}

} // namespace

class tst_Lanes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void parametersGoIntoTheRequest();
    void invalidParametersAreRefused_data();
    void invalidParametersAreRefused();
    void onlySupportedParametersAreOffered_data();
    void onlySupportedParametersAreOffered();
    void modelPickerListsTheLiveList_data();
    void modelPickerListsTheLiveList();
    void missingKeyOffersAddKey();
    void sendToThisLaneOnly();
    void focusLaneAndShowAll();
    void sendKey_data();
    void sendKey();
    void globalSystemPrompt();

private:
    std::unique_ptr<MainWindow> openWindow(Harness &harness, const QList<Target> &targets);
    void pointAt(ScriptedServer &server);

    QTemporaryDir m_home;
};

void tst_Lanes::initTestCase()
{
    // The model list cache (and anything else written per user) lives in a directory of this test.
    QVERIFY(m_home.isValid());
    qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    const auto registry = ProviderRegistry::createDefault();
    for (const Provider *provider : registry->providers()) {
        if (!provider->info().keyEnvVar.isEmpty())
            qunsetenv(provider->info().keyEnvVar.toLatin1().constData());
        qunsetenv(baseUrlEnvVar(provider->id()).toLatin1().constData());
    }
}

void tst_Lanes::cleanup()
{
    qunsetenv(baseUrlEnvVar(kGroq).toLatin1().constData());
    QDir(m_home.filePath(QStringLiteral("cache"))).removeRecursively();
}

std::unique_ptr<MainWindow> tst_Lanes::openWindow(Harness &harness, const QList<Target> &targets)
{
    harness.settings.setLaneTargets(targets);
    auto window = std::make_unique<MainWindow>(harness.services());
    window->resize(1500, 900);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active: shortcuts may not reach it");
    return window;
}

void tst_Lanes::pointAt(ScriptedServer &server)
{
    qputenv(baseUrlEnvVar(kGroq).toLatin1().constData(), server.url(QStringLiteral("/groq/v1")).toString().toUtf8());
}

void tst_Lanes::parametersGoIntoTheRequest()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server);
    server.route("POST", kChatPath, answer(QStringLiteral("ok")));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_lanes_0001"));
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();
    QVERIFY(!lane->targetBar()->parameterChips()->isVisible()); // all defaults: nothing to show

    QTest::mouseClick(lane->targetBar()->parametersButton(), Qt::LeftButton);
    LaneParametersPopover *popover = lane->parametersPopover();
    QVERIFY(popover);
    QTRY_VERIFY(popover->isVisible());
    popover->temperatureEdit()->setText(QStringLiteral("0.2"));
    popover->maxTokensEdit()->setText(QStringLiteral("512"));
    QVERIFY(popover->effortBox());
    popover->effortBox()->setCurrentIndex(popover->effortBox()->findData(QStringLiteral("high")));
    popover->systemPromptEdit()->setPlainText(QStringLiteral("Answer in French."));
    QTest::mouseClick(popover->applyButton(), Qt::LeftButton);
    QTRY_VERIFY(!lane->parametersPopover());

    QCOMPARE(lane->lane()->parameters().temperature, std::optional<double>(0.2));
    QCOMPARE(lane->lane()->parameters().maxTokens, std::optional<qint64>(512));
    QLabel *chips = lane->targetBar()->parameterChips();
    QVERIFY(chips->isVisible());
    QCOMPARE(chips->text(), QStringLiteral("T 0.2 · max 512 · effort high · system"));

    QTest::keyClicks(window->composer()->editor(), QStringLiteral("Bonjour?"));
    QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
    QTRY_COMPARE(lane->view()->answerText(0), QStringLiteral("ok"));
    QTRY_VERIFY(!lane->isBusy()); // the lane's buttons are disabled until its turn has finished
    QCOMPARE(server.requestCount(), 1);
    const QJsonObject body = server.lastRequest().json();
    QCOMPARE(body.value(u"temperature").toDouble(), 0.2);
    QCOMPARE(body.value(u"max_completion_tokens").toInteger(), qint64(512)); // Groq's name for max tokens
    QCOMPARE(body.value(u"reasoning_effort").toString(), QStringLiteral("high"));
    const QJsonArray messages = body.value(u"messages").toArray();
    QCOMPARE(messages.at(0)[u"role"].toString(), QStringLiteral("system"));
    QCOMPARE(messages.at(0)[u"content"].toString(), QStringLiteral("Answer in French."));

    // Defaults again: the chips go, and the next request carries none of them.
    QTest::mouseClick(lane->targetBar()->parametersButton(), Qt::LeftButton);
    QTRY_VERIFY(lane->parametersPopover() && lane->parametersPopover()->isVisible());
    QTest::mouseClick(lane->parametersPopover()->resetButton(), Qt::LeftButton);
    QTest::mouseClick(lane->parametersPopover()->applyButton(), Qt::LeftButton);
    QTRY_VERIFY(!lane->parametersPopover());
    QVERIFY(!chips->isVisible());
    QTest::keyClicks(window->composer()->editor(), QStringLiteral("Again"));
    QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
    QTRY_COMPARE(server.requestCount(), 2);
    QTRY_VERIFY(!lane->isBusy());
    const QJsonObject second = server.lastRequest().json();
    QVERIFY(!second.contains(u"temperature"));
    QVERIFY(!second.contains(u"max_completion_tokens"));
    QVERIFY(!second.contains(u"reasoning_effort"));
}

void tst_Lanes::invalidParametersAreRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("words");

    QTest::newRow("temperature above 2") << "temperature"
                                         << "3"
                                         << "Temperature must be between 0 and 2 (it is 3).";
    QTest::newRow("temperature below 0") << "temperature"
                                         << "-0.5"
                                         << "Temperature must be between 0 and 2 (it is -0.5).";
    QTest::newRow("temperature not a number") << "temperature"
                                              << "warm"
                                              << "Temperature must be a number";
    QTest::newRow("top-p zero") << "topP"
                                << "0"
                                << "Top-p must be greater than 0 and at most 1 (it is 0).";
    QTest::newRow("max tokens zero") << "maxTokens"
                                     << "0"
                                     << "Max tokens must be at least 1 (it is 0).";
    QTest::newRow("max tokens past the model's") << "maxTokens"
                                                 << "70000"
                                                 << "Max tokens is 70000, but openai/gpt-oss-120b writes at most "
                                                    "65536 tokens.";
    QTest::newRow("max tokens not whole") << "maxTokens"
                                          << "12.5"
                                          << "Max tokens must be a whole number";
}

void tst_Lanes::invalidParametersAreRefused()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, words);
    Harness harness;
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();
    const ProviderConfig before = lane->lane()->parameters();

    lane->editParameters();
    LaneParametersPopover *popover = lane->parametersPopover();
    QVERIFY(popover);
    auto *edit = popover->findChild<QLineEdit *>(field);
    QVERIFY(edit);
    edit->setText(value);
    QTest::mouseClick(popover->applyButton(), Qt::LeftButton);

    QVERIFY(lane->parametersPopover()); // still open, the values still there to correct
    QVERIFY(popover->isVisible());
    QCOMPARE(edit->text(), value);
    QVERIFY(popover->problemsLabel()->isVisible());
    QVERIFY2(popover->problemsLabel()->text().contains(words), qPrintable(popover->problemsLabel()->text()));
    QCOMPARE(lane->lane()->parameters(), before); // nothing applied
    QVERIFY(!lane->targetBar()->parameterChips()->isVisible());
}

void tst_Lanes::onlySupportedParametersAreOffered_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("effort");
    QTest::addColumn<bool>("tier");
    QTest::addColumn<bool>("parallel");

    QTest::newRow("groq gpt-oss reasons") << "groq"
                                          << "openai/gpt-oss-120b" << true << true << true;
    QTest::newRow("groq kimi does not reason") << "groq"
                                               << "moonshotai/kimi-k2-instruct-0905" << false << true << true;
    QTest::newRow("together has no tiers") << "together"
                                           << "openai/gpt-oss-120b" << true << false << true;
    QTest::newRow("synesia calls no functions") << "synesia"
                                                << "groq/gpt-oss-20b" << true << false << false;
    QTest::newRow("synesia gpt-4o-mini does not reason") << "synesia"
                                                         << "openai/gpt-4o-mini" << false << false << false;
    QTest::newRow("mistral has no efforts") << "mistral"
                                            << "magistral-medium-latest" << false << false << true;
}

void tst_Lanes::onlySupportedParametersAreOffered()
{
    QFETCH(QString, provider);
    QFETCH(QString, model);
    QFETCH(bool, effort);
    QFETCH(bool, tier);
    QFETCH(bool, parallel);
    Harness harness;
    const Provider *p = harness.engine.registry().find(provider);
    QVERIFY(p);
    LaneParametersPopover popover(*p, model, ProviderConfig{});
    QCOMPARE(popover.effortBox() != nullptr, effort);
    QCOMPARE(popover.tierBox() != nullptr, tier);
    QCOMPARE(popover.parallelBox() != nullptr, parallel);
    if (effort) // the provider's own values, after "default"
        QCOMPARE(popover.effortBox()->count(), int(p->info().reasoningEfforts.size()) + 1);
}

void tst_Lanes::modelPickerListsTheLiveList_data()
{
    QTest::addColumn<bool>("withKey");
    QTest::newRow("key: the live list") << true;
    QTest::newRow("no key: the catalog's models") << false;
}

void tst_Lanes::modelPickerListsTheLiveList()
{
    QFETCH(bool, withKey);
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server);
    server.route("GET", kModelsPath, ScriptedResponse::json(200, kLiveModels));
    Harness harness;
    if (withKey)
        QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_lanes_0002"));
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();
    ModelPicker *picker = lane->targetBar()->modelPicker();
    QCOMPARE(server.requestCount(), 0); // nothing is fetched before the list is wanted

    picker->showPopup();
    ModelListSource *source = picker->source();
    QVERIFY(source);
    QTRY_VERIFY(!source->isRefreshing(kGroq));
    picker->hidePopup();
    QStandardItemModel *rows = picker->models();
    QStringList ids;
    for (int row = 0; row < rows->rowCount(); ++row)
        ids << rows->item(row, ModelPicker::IdColumn)->text();

    const QString cacheFile = m_home.filePath(QStringLiteral("cache/versus/models/groq.json"));
    if (withKey) {
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.lastRequest().path, kModelsPath);
        QCOMPARE(server.lastRequest().header("authorization"), QByteArray("Bearer gsk_test_key_for_the_lanes_0002"));
        QCOMPARE(ids, QStringList({QStringLiteral("live/brand-new-model"), QStringLiteral("openai/gpt-oss-120b")}));
        QCOMPARE(source->origin(kGroq), ModelListSource::Origin::Live);
        QVERIFY(QFile::exists(cacheFile)); // offline next time
    } else {
        QCOMPARE(server.requestCount(), 0);
        QVERIFY2(source->problem(kGroq).contains(QStringLiteral("No key for Groq")),
                 qPrintable(source->problem(kGroq)));
        QVERIFY(ids.contains(QStringLiteral("openai/gpt-oss-20b"))); // the catalog's
        QVERIFY(!ids.contains(QStringLiteral("live/brand-new-model")));
        QVERIFY(!QFile::exists(cacheFile));
    }

    // Each row: the capability letters the catalog knows and the price per million tokens.
    const int known = ids.indexOf(QStringLiteral("openai/gpt-oss-120b"));
    QVERIFY(known >= 0);
    const QString letters = rows->item(known, ModelPicker::CapabilitiesColumn)->text();
    QVERIFY2(letters.contains(u'F') && letters.contains(u'R') && !letters.contains(u'V'), qPrintable(letters));
    QVERIFY2(rows->item(known, ModelPicker::PriceColumn)->text().startsWith(u'$'),
             qPrintable(rows->item(known, ModelPicker::PriceColumn)->text()));

    // Typing filters on any part of the id.
    picker->completer()->setCompletionPrefix(QStringLiteral("gpt-oss"));
    QVERIFY(picker->completer()->completionCount() >= 1);
    for (int i = 0; i < picker->completer()->completionCount(); ++i) {
        picker->completer()->setCurrentRow(i);
        QVERIFY(picker->completer()->currentCompletion().contains(QStringLiteral("gpt-oss")));
    }

    // Picking a row sets the lane's target; any id can still be typed.
    const QString pick = withKey ? QStringLiteral("live/brand-new-model") : QStringLiteral("openai/gpt-oss-20b");
    picker->setCurrentIndex(picker->findText(pick));
    QCOMPARE(lane->lane()->target(), (Target{kGroq, pick}));
    picker->setEditText(QStringLiteral("typed/any-model"));
    QCOMPARE(lane->lane()->target().model, QStringLiteral("typed/any-model"));
}

void tst_Lanes::missingKeyOffersAddKey()
{
    Harness harness; // no key stored
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();
    QTRY_VERIFY(lane->card()->isVisible());
    QCOMPARE(lane->card()->title(), QStringLiteral("No key for Groq"));
    QVERIFY(lane->card()->message().contains(QStringLiteral("GROQ_API_KEY")));
    auto *action = lane->card()->findChild<QPushButton *>(QStringLiteral("cardAction"));
    QCOMPARE(action->text(), QStringLiteral("Add key…"));
    QTest::mouseClick(action, Qt::LeftButton);
    QTRY_VERIFY(window->providerKeysDialog() && window->providerKeysDialog()->isVisible());
}

void tst_Lanes::sendToThisLaneOnly()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server);
    server.route("POST", kChatPath, answer(QStringLiteral("just me")));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_lanes_0003"));
    auto window = openWindow(harness, {kGroqTarget, kGroqSmall});
    const QList<LaneWidget *> lanes = window->lanes();
    QCOMPARE(lanes.size(), 2);

    QTest::keyClicks(window->composer()->editor(), QStringLiteral("only you"));
    QAction *sendHere = menuAction(lanes.at(1), "sendHereAction");
    QVERIFY(sendHere);
    sendHere->trigger();
    QTRY_COMPARE(lanes.at(1)->view()->answerText(0), QStringLiteral("just me"));
    QTRY_VERIFY(!window->isBusy());
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(server.lastRequest().json().value(u"model").toString(), kGroqSmall.model);
    QCOMPARE(lanes.at(0)->conversation()->rowCount(), 0);
    QVERIFY(window->composer()->text().isEmpty());
}

void tst_Lanes::focusLaneAndShowAll()
{
    Harness harness;
    auto window = openWindow(harness, {kGroqTarget, kGroqSmall, Target{QStringLiteral("together"), kGroqTarget.model}});
    LaneStrip *strip = window->laneStrip();
    const QList<LaneWidget *> lanes = window->lanes();
    QCOMPARE(lanes.size(), 3);
    QCoreApplication::processEvents();
    strip->setSizes({500, 300, 400});
    const QList<int> before = strip->sizes();

    QAction *focus = menuAction(lanes.at(1), "focusLaneAction");
    QCOMPARE(focus->text(), QStringLiteral("Focus lane"));
    focus->trigger();
    QCOMPARE(strip->focusedLane(), lanes.at(1));
    QVERIFY(lanes.at(1)->isVisible());
    QVERIFY(!lanes.at(0)->isVisible());
    QVERIFY(!lanes.at(2)->isVisible());
    QTRY_COMPARE(lanes.at(1)->width(), strip->width());
    QCOMPARE(focus->text(), QStringLiteral("Show all lanes"));

    focus->trigger();
    QVERIFY(!strip->focusedLane());
    for (LaneWidget *lane : lanes)
        QVERIFY(lane->isVisible());
    QTRY_COMPARE(strip->sizes(), before);
    QCOMPARE(focus->text(), QStringLiteral("Focus lane"));

    // Ctrl+Shift+F: the lane that has the focus, and back.
    QAction *shortcut = window->windowActions().toggleLaneFocus;
    QVERIFY(shortcut);
    QCOMPARE(shortcut->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    lanes.at(2)->view()->setFocus();
    QTRY_VERIFY(lanes.at(2)->view()->hasFocus());
    QTest::keyClick(lanes.at(2)->view(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(strip->focusedLane(), lanes.at(2));
    QVERIFY(!lanes.at(0)->isVisible());
    QTest::keyClick(lanes.at(2)->view(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!strip->focusedLane());
    QTRY_COMPARE(strip->sizes(), before);

    // Ctrl+1 goes to a hidden lane: every lane is shown again.
    shortcut->trigger(); // the focus is still in lane 3
    QCOMPARE(strip->focusedLane(), lanes.at(2));
    strip->focusLane(0);
    QVERIFY(!strip->focusedLane());
    QVERIFY(lanes.at(0)->isVisible());
}

void tst_Lanes::sendKey_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<bool>("sends");

    const int none = Qt::NoModifier;
    QTest::newRow("enter: Enter sends") << "enter" << int(Qt::Key_Return) << none << true;
    QTest::newRow("enter: keypad Enter sends") << "enter" << int(Qt::Key_Enter) << int(Qt::KeypadModifier) << true;
    QTest::newRow("enter: Shift+Enter is a new line")
        << "enter" << int(Qt::Key_Return) << int(Qt::ShiftModifier) << false;
    QTest::newRow("enter: Ctrl+Enter sends too") << "enter" << int(Qt::Key_Return) << int(Qt::ControlModifier) << true;
    QTest::newRow("ctrl-enter: Enter is a new line") << "ctrl-enter" << int(Qt::Key_Return) << none << false;
    QTest::newRow("ctrl-enter: Shift+Enter is a new line")
        << "ctrl-enter" << int(Qt::Key_Return) << int(Qt::ShiftModifier) << false;
    QTest::newRow("ctrl-enter: Ctrl+Enter sends")
        << "ctrl-enter" << int(Qt::Key_Return) << int(Qt::ControlModifier) << true;
}

void tst_Lanes::sendKey()
{
    QFETCH(QString, setting);
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(bool, sends);
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server);
    server.route("POST", kChatPath, answer(QStringLiteral("ok")));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_lanes_0004"));
    harness.settings.setSendKey(setting);
    QCOMPARE(harness.settings.sendKey(), setting);
    auto window = openWindow(harness, {kGroqTarget});
    Composer *composer = window->composer();
    QCOMPARE(composer->sendsWithCtrlEnter(), setting == u"ctrl-enter");
    QVERIFY(composer->editor()->placeholderText().contains(setting == u"enter" ? QStringLiteral("Enter sends")
                                                                               : QStringLiteral("Ctrl+Enter sends")));

    QTest::keyClicks(composer->editor(), QStringLiteral("first line"));
    QTest::keyClick(composer->editor(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    if (sends) {
        QTRY_COMPARE(server.requestCount(), 1);
        const QJsonArray messages = server.lastRequest().json().value(u"messages").toArray();
        QCOMPARE(messages.last()[u"content"].toString(), QStringLiteral("first line"));
        QVERIFY(composer->text().isEmpty());
    } else {
        QTest::keyClicks(composer->editor(), QStringLiteral("second line"));
        QCOMPARE(composer->text(), QStringLiteral("first line\nsecond line"));
        QTest::qWait(50);
        QCOMPARE(server.requestCount(), 0);
    }
}

void tst_Lanes::globalSystemPrompt()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server);
    server.route("POST", kChatPath, answer(QStringLiteral("oui")));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_lanes_0005"));
    auto window = openWindow(harness, {kGroqTarget, kGroqSmall});
    const QList<LaneWidget *> lanes = window->lanes();
    // Lane 1 has a system prompt of its own; lane 2 has none.
    ProviderConfig own;
    own.systemPrompt = QStringLiteral("You are lane one.");
    QVERIFY(window->comparison()->setLaneParameters(lanes.at(0)->lane(), own));

    Composer *composer = window->composer();
    QTest::mouseClick(composer->systemPromptButton(), Qt::LeftButton);
    auto *dialog = composer->findChild<QDialog *>(QStringLiteral("systemPromptDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *edit = dialog->findChild<QPlainTextEdit *>(QStringLiteral("systemPromptEdit"));
    QTest::keyClicks(edit, QStringLiteral("Be brief."));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(harness.settings.defaultSystemPrompt(), QStringLiteral("Be brief."));
    QCOMPARE(window->comparison()->defaultSystemPrompt(), QStringLiteral("Be brief."));
    QCOMPARE(composer->systemPromptButton()->text(), QStringLiteral("System prompt ✓"));

    QTest::keyClicks(composer->editor(), QStringLiteral("Salut"));
    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
    QTRY_COMPARE(server.requestCount(), 2);
    QTRY_VERIFY(!window->isBusy());
    const auto systemOf = [&server](const QString &model) {
        const QJsonArray messages = requestTo(server, kChatPath, model).value(u"messages").toArray();
        return messages.at(0)[u"role"].toString() == u"system" ? messages.at(0)[u"content"].toString() : QString();
    };
    QCOMPARE(systemOf(kGroqTarget.model), QStringLiteral("You are lane one."));
    QCOMPARE(systemOf(kGroqSmall.model), QStringLiteral("Be brief."));

    // The history says what each lane was told, and which prompt was the global one.
    const qint64 id = window->comparison()->conversationId();
    QVERIFY(id > 0);
    const auto stored = harness.engine.history()->conversation(id);
    QVERIFY(stored);
    QCOMPARE(stored->lanes.size(), 2);
    QCOMPARE(stored->lanes.at(0).parameters.value(u"system").toString(), QStringLiteral("You are lane one."));
    QVERIFY(!stored->lanes.at(0).parameters.contains(u"system_from_default"));
    QCOMPARE(stored->lanes.at(1).parameters.value(u"system").toString(), QStringLiteral("Be brief."));
    QCOMPARE(stored->lanes.at(1).parameters.value(u"system_from_default").toBool(), true);

    // Another global prompt: the record keeps what was sent until a turn is sent with the new one.
    window->comparison()->setDefaultSystemPrompt(QStringLiteral("Be terse."));
    QCOMPARE(harness.engine.history()->conversation(id)->lanes.at(1).parameters.value(u"system").toString(),
             QStringLiteral("Be brief."));
    QTest::keyClicks(composer->editor(), QStringLiteral("Encore"));
    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
    QTRY_COMPARE(server.requestCount(), 4);
    QTRY_VERIFY(!window->isBusy());
    QCOMPARE(server.lastRequest().json().value(u"messages").toArray().at(0)[u"content"].toString(),
             server.lastRequest().json().value(u"model").toString() == kGroqSmall.model
                 ? QStringLiteral("Be terse.")
                 : QStringLiteral("You are lane one."));
    const auto restored = harness.engine.history()->conversation(id);
    QVERIFY(restored);
    QCOMPARE(restored->lanes.at(1).parameters.value(u"system").toString(), QStringLiteral("Be terse."));
    QCOMPARE(restored->lanes.at(0).parameters.value(u"system").toString(), QStringLiteral("You are lane one."));

    // Reopened (the next session, with another global prompt): lane 2 takes the global one it
    // has now, lane 1 keeps its own.
    harness.settings.setDefaultSystemPrompt(QStringLiteral("Be verbose."));
    window.reset();
    auto reopened = openWindow(harness, {kGroqTarget});
    QVERIFY(reopened->openConversation(id));
    const QList<LaneWidget *> again = reopened->lanes();
    QCOMPARE(again.size(), 2);
    QCOMPARE(again.at(0)->lane()->parameters().systemPrompt, QStringLiteral("You are lane one."));
    QVERIFY(again.at(1)->lane()->parameters().systemPrompt.isEmpty());
    QCOMPARE(reopened->comparison()->effectiveParameters(again.at(1)->lane()).systemPrompt,
             QStringLiteral("Be verbose."));
    QCOMPARE(reopened->composer()->systemPrompt(), QStringLiteral("Be verbose."));
}

QTEST_MAIN(tst_Lanes)
#include "tst_lanes.moc"

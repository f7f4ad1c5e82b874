// SPDX-License-Identifier: GPL-3.0-or-later
// The conversations sidebar over a real SQLite HistoryStore: newest first, a debounced search
// whose hits mark the matched words (as text, never HTML) and open the turn they were found
// in, rename through the store, export and delete asked of the window, and history off or
// broken shown as a line of text.
#include "history/historystore.h"
#include "historylistmodel.h"
#include "historysidebar.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLineEdit>
#include <QListView>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace versus;
using namespace versus::history;
using namespace versus::ui;
using namespace Qt::StringLiterals;

namespace {

LaneRecord laneFor(const QString &provider, const QString &model)
{
    LaneRecord lane;
    lane.provider = provider;
    lane.model = model;
    return lane;
}

struct Saved {
    qint64 conversationId = 0;
    qint64 turnId = 0;
};

QStringList titlesOf(const HistorySidebar &sidebar)
{
    QStringList titles;
    for (int row = 0; row < sidebar.rowCount(); ++row)
        titles << sidebar.listView()->model()->index(row, 0).data().toString();
    return titles;
}

MarkedText detailOf(const HistorySidebar &sidebar, int row)
{
    return sidebar.listView()->model()->index(row, 0).data(HistoryListModel::DetailRole).value<MarkedText>();
}

} // namespace

class tst_HistorySidebar : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void snippetMarks_data();
    void snippetMarks();
    void shortDate_data();
    void shortDate();

    void listsNewestFirst();
    void refreshKeepsCurrentAndSearch();
    void searchMarksWordAndOpensTheTurn_data();
    void searchMarksWordAndOpensTheTurn();
    void emptySearchSaysSo();
    void htmlIsShownLiterally();
    void enterOpensTheCurrentRow();
    void currentConversationIsMarked();
    void renameStoresAndRefreshes_data();
    void renameStoresAndRefreshes();
    void deleteAsksFirst_data();
    void deleteAsksFirst();
    void deleteKeyInSearchFieldEditsText();
    void exportIsAskedOfTheWindow_data();
    void exportIsAskedOfTheWindow();
    void nullStoreExplains();
    void storeErrorIsALineOfText();

private:
    Saved save(const QString &title, const QList<LaneRecord> &lanes, const QString &prompt, const QStringList &answers);
    std::unique_ptr<HistorySidebar> shownSidebar();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryStore> m_store;
    Saved m_rust;
    Saved m_pasta;
    Saved m_markup;
};

void tst_HistorySidebar::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

// A conversation with one turn; lane i answers answers[i].
Saved tst_HistorySidebar::save(const QString &title, const QList<LaneRecord> &lanes, const QString &prompt,
                               const QStringList &answers)
{
    // Distinct milliseconds, so that "newest first" is decided by time and not by id.
    QThread::msleep(3);
    const auto conversation = m_store->createConversation(title, lanes);
    if (!conversation)
        return {};
    QList<qint64> laneIds;
    for (const LaneRecord &lane : conversation->lanes)
        laneIds << lane.id;
    const auto turn = m_store->addTurn(conversation->id, prompt, laneIds);
    if (!turn || turn->answers.size() != answers.size())
        return {};
    for (qsizetype i = 0; i < answers.size(); ++i) {
        AnswerRecord record = turn->answers.at(i);
        record.state = AnswerState::Complete;
        record.text = answers.at(i);
        record.finishedAt = QDateTime::currentDateTimeUtc();
        if (!m_store->finishAnswer(record))
            return {};
    }
    return {conversation->id, turn->id};
}

void tst_HistorySidebar::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<HistoryStore>();
    const auto opened = m_store->open(m_dir->filePath(QStringLiteral("history.sqlite")));
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));

    m_rust = save(QStringLiteral("Rust ownership"),
                  {laneFor(QStringLiteral("groq"), QStringLiteral("llama-3.3-70b")),
                   laneFor(QStringLiteral("together"), QStringLiteral("Qwen2.5-72B"))},
                  QStringLiteral("Explain borrowing"),
                  {QStringLiteral("The borrow checker enforces aliasing rules."),
                   QStringLiteral("Ownership moves values; references never outlive them.")});
    m_pasta = save(QStringLiteral("Pasta recipe"), {laneFor(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"))},
                   QStringLiteral("How is carbonara made?"), {QStringLiteral("Use guanciale, eggs and pecorino.")});
    m_markup = save(QStringLiteral("Markup <i>question</i>"), {laneFor(QStringLiteral("groq"), QStringLiteral("qwq"))},
                    QStringLiteral("What does a tag look like?"),
                    {QStringLiteral("Write <b>emphasis</b> or <script>alert(1)</script> & so on.")});
    QVERIFY(m_rust.turnId != 0 && m_pasta.turnId != 0 && m_markup.turnId != 0);
}

void tst_HistorySidebar::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<HistorySidebar> tst_HistorySidebar::shownSidebar()
{
    auto sidebar = std::make_unique<HistorySidebar>(m_store.get());
    sidebar->resize(300, 500);
    sidebar->show();
    if (!QTest::qWaitForWindowActive(sidebar.get()))
        return nullptr;
    return sidebar;
}

void tst_HistorySidebar::snippetMarks_data()
{
    QTest::addColumn<QString>("snippet");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("marked");

    QTest::addRow("one") << u"…the [borrow] checker…"_s << u"…the borrow checker…"_s << QStringList{u"borrow"_s};
    QTest::addRow("two") << u"[a] b [c]"_s << u"a b c"_s << QStringList{u"a"_s, u"c"_s};
    QTest::addRow("html kept as text") << u"<b>[x]</b>"_s << u"<b>x</b>"_s << QStringList{u"x"_s};
    QTest::addRow("not a token") << u"[ ] and [-]"_s << u"[ ] and [-]"_s << QStringList{};
    QTest::addRow("nested") << u"[[x]]"_s << u"[x]"_s << QStringList{u"x"_s};
    QTest::addRow("unclosed") << u"a [b"_s << u"a [b"_s << QStringList{};
    QTest::addRow("line breaks") << u"one\ntwo\r\n[three]"_s << u"one two  three"_s << QStringList{u"three"_s};
}

void tst_HistorySidebar::snippetMarks()
{
    QFETCH(QString, snippet);
    QFETCH(QString, text);
    QFETCH(QStringList, marked);
    const MarkedText result = MarkedText::fromSnippet(snippet);
    QCOMPARE(result.text, text);
    QCOMPARE(result.markedWords(), marked);
}

void tst_HistorySidebar::shortDate_data()
{
    QTest::addColumn<QDateTime>("when");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("locale");
    // Wednesday 15 May 2024, 16:00 local time.
    QTest::addRow("today") << QDateTime(QDate(2024, 5, 15), QTime(14, 2)) << u"Today 14:02"_s << u"en_GB"_s;
    QTest::addRow("yesterday") << QDateTime(QDate(2024, 5, 14), QTime(9, 15)) << u"Yesterday 09:15"_s << u"en_GB"_s;
    QTest::addRow("this week") << QDateTime(QDate(2024, 5, 12), QTime(18, 40)) << u"Sun 18:40"_s << u"en_GB"_s;
    QTest::addRow("this year") << QDateTime(QDate(2024, 3, 2), QTime(8, 0)) << u"2 Mar"_s << u"en_GB"_s;
    QTest::addRow("last year") << QDateTime(QDate(2023, 12, 30), QTime(8, 0)) << u"30/12/2023"_s << u"en_GB"_s;
    QTest::addRow("no seconds") << QDateTime(QDate(2024, 5, 15), QTime(14, 2, 59)) << u"Today 14:02"_s << u"C"_s;
    QTest::addRow("future") << QDateTime(QDate(2024, 5, 20), QTime(8, 0)) << u"20/05/2024"_s << u"en_GB"_s;
}

void tst_HistorySidebar::shortDate()
{
    QFETCH(QDateTime, when);
    QFETCH(QString, expected);
    QFETCH(QString, locale);
    QLocale::setDefault(QLocale(locale)); // C's short time format has seconds, en_GB's not
    const auto restore = qScopeGuard([] { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); });
    const QDateTime now(QDate(2024, 5, 15), QTime(16, 0));
    QCOMPARE(HistoryListModel::shortDate(when.toUTC(), now), expected);
}

void tst_HistorySidebar::listsNewestFirst()
{
    HistorySidebar sidebar(m_store.get());
    QAbstractItemModelTester tester(sidebar.listView()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(sidebar.objectName(), u"historySidebar"_s);
    QCOMPARE(sidebar.searchField()->objectName(), u"historySearch"_s);
    QCOMPARE(sidebar.listView()->objectName(), u"historyList"_s);
    QVERIFY(sidebar.statusText().isEmpty());

    QCOMPARE(titlesOf(sidebar), (QStringList{u"Markup <i>question</i>"_s, u"Pasta recipe"_s, u"Rust ownership"_s}));
    QCOMPARE(sidebar.conversationAt(0), m_markup.conversationId);
    QCOMPARE(sidebar.conversationAt(2), m_rust.conversationId);
    QCOMPARE(sidebar.conversationAt(3), 0);

    const MarkedText rust = detailOf(sidebar, 2);
    QVERIFY2(rust.text.startsWith(u"Today "_s), qPrintable(rust.text));
    QVERIFY2(rust.text.endsWith(u" · groq:llama-3.3-70b vs together:Qwen2.5-72B"_s), qPrintable(rust.text));
    QVERIFY(rust.spans.isEmpty());
    const QString tip = sidebar.listView()->model()->index(2, 0).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"Rust ownership"_s) && tip.contains(u"together:Qwen2.5-72B"_s), qPrintable(tip));

    // A new turn makes a conversation the newest.
    QThread::msleep(3);
    QVERIFY(m_store->addTurn(m_rust.conversationId, u"And lifetimes?"_s, {}));
    sidebar.refresh();
    QCOMPARE(titlesOf(sidebar), (QStringList{u"Rust ownership"_s, u"Markup <i>question</i>"_s, u"Pasta recipe"_s}));
}

void tst_HistorySidebar::refreshKeepsCurrentAndSearch()
{
    HistorySidebar sidebar(m_store.get());
    QAbstractItemView *list = sidebar.listView();
    list->setCurrentIndex(list->model()->index(1, 0));
    QCOMPARE(sidebar.conversationAt(list->currentIndex().row()), m_pasta.conversationId);
    QThread::msleep(3);
    QVERIFY(m_store->addTurn(m_rust.conversationId, u"More"_s, {})); // Pasta moves to row 2
    sidebar.refresh();
    QCOMPARE(sidebar.conversationAt(list->currentIndex().row()), m_pasta.conversationId);
    QCOMPARE(list->currentIndex().row(), 2);

    sidebar.searchField()->setText(u"pecorino"_s);
    sidebar.refresh();
    QCOMPARE(sidebar.searchField()->text(), u"pecorino"_s);
    QCOMPARE(sidebar.rowCount(), 1);
    QCOMPARE(list->currentIndex().row(), 0);
}

void tst_HistorySidebar::searchMarksWordAndOpensTheTurn_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("marked");

    QTest::addRow("answer word") << u"guanciale"_s << u"Pasta recipe"_s << QStringList{u"guanciale"_s};
    QTest::addRow("any case") << u"GUANCIALE"_s << u"Pasta recipe"_s << QStringList{u"guanciale"_s};
    QTest::addRow("two words") << u"checker aliasing"_s << u"Rust ownership"_s
                               << QStringList{u"checker"_s, u"aliasing"_s};
}

void tst_HistorySidebar::searchMarksWordAndOpensTheTurn()
{
    QFETCH(QString, typed);
    QFETCH(QString, title);
    QFETCH(QStringList, marked);
    const Saved expected = title == u"Pasta recipe"_s ? m_pasta : m_rust;

    auto sidebar = shownSidebar();
    QVERIFY(sidebar);
    QSignalSpy opened(sidebar.get(), &HistorySidebar::openRequested);
    QTest::keyClicks(sidebar->searchField(), typed);
    // Debounced: nothing is searched while the user is still typing.
    QCOMPARE(sidebar->rowCount(), 3);
    QTRY_COMPARE(sidebar->rowCount(), 1);
    QCOMPARE(titlesOf(*sidebar), QStringList{title});
    QCOMPARE(detailOf(*sidebar, 0).markedWords(), marked);

    QAbstractItemView *list = sidebar->listView();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, 0)).center());
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().at(0).toLongLong(), expected.conversationId);
    QCOMPARE(opened.first().at(1).toLongLong(), expected.turnId);

    // Clearing the search brings the whole list back.
    sidebar->searchField()->clear();
    QTRY_COMPARE(sidebar->rowCount(), 3);
}

void tst_HistorySidebar::emptySearchSaysSo()
{
    HistorySidebar sidebar(m_store.get());
    sidebar.searchField()->setText(u"zebra"_s);
    sidebar.refresh();
    QCOMPARE(sidebar.rowCount(), 0);
    QCOMPARE(sidebar.statusText(), u"No conversation contains “zebra”."_s);
}

void tst_HistorySidebar::htmlIsShownLiterally()
{
    HistorySidebar sidebar(m_store.get());
    sidebar.searchField()->setText(u"alert emphasis"_s);
    sidebar.refresh();
    QCOMPARE(sidebar.rowCount(), 1);
    const QModelIndex hit = sidebar.listView()->model()->index(0, 0);
    QCOMPARE(hit.data().toString(), u"Markup <i>question</i>"_s);
    const MarkedText snippet = detailOf(sidebar, 0);
    QVERIFY2(snippet.text.contains(u"Write <b>emphasis</b> or <script>alert(1)</script> & so on."_s),
             qPrintable(snippet.text));
    QCOMPARE(snippet.markedWords(), (QStringList{u"emphasis"_s, u"alert"_s}));
    // Tooltips are rich text: the title in them is escaped.
    const QString tip = hit.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"Markup &lt;i&gt;question&lt;/i&gt;"_s), qPrintable(tip));
    QVERIFY(!tip.contains(u"<i>"_s));
}

void tst_HistorySidebar::enterOpensTheCurrentRow()
{
    auto sidebar = shownSidebar();
    QVERIFY(sidebar);
    QSignalSpy opened(sidebar.get(), &HistorySidebar::openRequested);
    // Down from the search field goes into the list; Enter opens the row.
    sidebar->focusSearch();
    QTest::keyClick(sidebar->searchField(), Qt::Key_Down);
    QVERIFY(sidebar->listView()->hasFocus());
    QTest::keyClick(sidebar->listView(), Qt::Key_Down);
    QTest::keyClick(sidebar->listView(), Qt::Key_Return);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().at(0).toLongLong(), m_pasta.conversationId);
    QCOMPARE(opened.first().at(1).toLongLong(), 0);
}

void tst_HistorySidebar::currentConversationIsMarked()
{
    HistorySidebar sidebar(m_store.get());
    QAbstractItemModel *model = sidebar.listView()->model();
    sidebar.setCurrentConversation(m_rust.conversationId);
    QCOMPARE(sidebar.listView()->currentIndex().row(), 2);
    QVERIFY(model->index(2, 0).data(HistoryListModel::IsOpenRole).toBool());
    QVERIFY(!model->index(0, 0).data(HistoryListModel::IsOpenRole).toBool());
    sidebar.refresh();
    QVERIFY(model->index(2, 0).data(HistoryListModel::IsOpenRole).toBool());
    sidebar.setCurrentConversation(0);
    QVERIFY(!model->index(2, 0).data(HistoryListModel::IsOpenRole).toBool());
    QVERIFY(sidebar.listView()->selectionModel()->selectedIndexes().isEmpty());
}

void tst_HistorySidebar::renameStoresAndRefreshes_data()
{
    QTest::addColumn<std::optional<QString>>("answer");
    QTest::addColumn<QString>("stored");

    QTest::addRow("renamed") << std::optional<QString>(u"  Carbonara, properly "_s) << u"Carbonara, properly"_s;
    QTest::addRow("cancelled") << std::optional<QString>() << u"Pasta recipe"_s;
    QTest::addRow("blank") << std::optional<QString>(u"   "_s) << u"Pasta recipe"_s;
}

void tst_HistorySidebar::renameStoresAndRefreshes()
{
    QFETCH(std::optional<QString>, answer);
    QFETCH(QString, stored);

    auto sidebar = shownSidebar();
    QVERIFY(sidebar);
    QStringList asked;
    sidebar->setAskTitle([&](const QString &title) {
        asked << title;
        return answer;
    });
    QSignalSpy renamed(sidebar.get(), &HistorySidebar::renamed);
    QAbstractItemView *list = sidebar->listView();
    list->setCurrentIndex(list->model()->index(1, 0));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_F2);
    QCOMPARE(asked, QStringList{u"Pasta recipe"_s});

    const bool changed = stored != u"Pasta recipe"_s;
    QCOMPARE(renamed.count(), changed ? 1 : 0);
    if (changed) {
        QCOMPARE(renamed.first().at(0).toLongLong(), m_pasta.conversationId);
        QCOMPARE(renamed.first().at(1).toString(), stored);
    }
    QCOMPARE(m_store->conversation(m_pasta.conversationId)->title, stored);
    QCOMPARE(list->model()->index(1, 0).data().toString(), stored);
    QCOMPARE(sidebar->conversationAt(list->currentIndex().row()), m_pasta.conversationId);
}

void tst_HistorySidebar::deleteAsksFirst_data()
{
    QTest::addColumn<bool>("confirmed");
    QTest::addRow("no") << false;
    QTest::addRow("yes") << true;
}

void tst_HistorySidebar::deleteAsksFirst()
{
    QFETCH(bool, confirmed);
    auto sidebar = shownSidebar();
    QVERIFY(sidebar);
    QStringList asked;
    sidebar->setConfirmDelete([&](const QString &title) {
        asked << title;
        return confirmed;
    });
    QSignalSpy deleteRequested(sidebar.get(), &HistorySidebar::deleteRequested);
    QAbstractItemView *list = sidebar->listView();
    list->setCurrentIndex(list->model()->index(2, 0));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(asked, QStringList{u"Rust ownership"_s});
    QCOMPARE(deleteRequested.count(), confirmed ? 1 : 0);
    if (confirmed)
        QCOMPARE(deleteRequested.first().at(0).toLongLong(), m_rust.conversationId);
    // The window deletes; the sidebar has not touched the store.
    QVERIFY(m_store->conversation(m_rust.conversationId));
}

void tst_HistorySidebar::deleteKeyInSearchFieldEditsText()
{
    auto sidebar = shownSidebar();
    QVERIFY(sidebar);
    bool asked = false;
    sidebar->setConfirmDelete([&](const QString &) { return asked = true; });
    QAbstractItemView *list = sidebar->listView();
    list->setCurrentIndex(list->model()->index(0, 0));
    sidebar->focusSearch();
    QTest::keyClicks(sidebar->searchField(), u"pasta"_s);
    QTest::keyClick(sidebar->searchField(), Qt::Key_Home);
    QTest::keyClick(sidebar->searchField(), Qt::Key_Delete);
    QCOMPARE(sidebar->searchField()->text(), u"asta"_s);
    QVERIFY(!asked);
}

void tst_HistorySidebar::exportIsAskedOfTheWindow_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("format");
    QTest::addRow("markdown") << u"exportMarkdownAction"_s << u"md"_s;
    QTest::addRow("json") << u"exportJsonAction"_s << u"json"_s;
}

void tst_HistorySidebar::exportIsAskedOfTheWindow()
{
    QFETCH(QString, action);
    QFETCH(QString, format);
    HistorySidebar sidebar(m_store.get());
    QSignalSpy exportRequested(&sidebar, &HistorySidebar::exportRequested);
    auto *exportAction = sidebar.findChild<QAction *>(action);
    QVERIFY(exportAction);
    QVERIFY(!exportAction->isEnabled()); // no current row yet
    sidebar.listView()->setCurrentIndex(sidebar.listView()->model()->index(1, 0));
    QVERIFY(exportAction->isEnabled());
    exportAction->trigger();
    QCOMPARE(exportRequested.count(), 1);
    QCOMPARE(exportRequested.first().at(0).toLongLong(), m_pasta.conversationId);
    QCOMPARE(exportRequested.first().at(1).toString(), format);
}

void tst_HistorySidebar::nullStoreExplains()
{
    HistorySidebar sidebar(nullptr);
    QCOMPARE(sidebar.rowCount(), 0);
    QVERIFY2(sidebar.statusText().contains(u"History is off"_s), qPrintable(sidebar.statusText()));
    QVERIFY(!sidebar.listView()->isVisibleTo(&sidebar));
    QVERIFY(!sidebar.searchField()->isVisibleTo(&sidebar));

    sidebar.setStore(m_store.get());
    QCOMPARE(sidebar.rowCount(), 3);
    QVERIFY(sidebar.statusText().isEmpty());
    QVERIFY(sidebar.listView()->isVisibleTo(&sidebar));
}

void tst_HistorySidebar::storeErrorIsALineOfText()
{
    HistorySidebar sidebar(m_store.get());
    QCOMPARE(sidebar.rowCount(), 3);
    m_store->close();
    sidebar.refresh();
    QCOMPARE(sidebar.rowCount(), 0);
    QVERIFY2(sidebar.statusText().contains(u"history"_s, Qt::CaseInsensitive), qPrintable(sidebar.statusText()));
}

QTEST_MAIN(tst_HistorySidebar)
#include "tst_historysidebar.moc"

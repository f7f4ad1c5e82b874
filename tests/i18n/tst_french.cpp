// SPDX-License-Identifier: GPL-3.0-or-later
// The window in French, as a French desktop starts it: the translators are installed before
// the window exists (as app/gui/main.cpp does), then the main window, its menus, Settings
// (every page), the welcome view and the benchmark window are opened offscreen. Every
// lookup the window makes in Versus's contexts is recorded: one that finds no French text is
// a string the translation lacks or an explicit context the code and the .ts disagree on, and
// fails the test. (A class without Q_OBJECT would look its strings up in its Qt base class's
// context: script/translations check fails on lupdate's warning about it instead.)
#include "benchview.h"
#include "settings/generalpage.h"
#include "settings/settingsdialog.h"
#include "settingsharness.h"
#include "translations.h"
#include "welcomeview.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSet>
#include <QTranslator>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;

namespace {

const QString kTranslations = QStringLiteral(VERSUS_TRANSLATIONS_DIR);

/// Answers from the same .qm as the installed French translator, and remembers each of
/// Versus's lookups it could not answer. Installed last, it is asked first.
class RecordingTranslator : public QTranslator {
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation, int n) const override
    {
        const QString found = QTranslator::translate(context, sourceText, disambiguation, n);
        const QByteArray name(context);
        const bool ours = name.startsWith("versus") || name.startsWith("Key");
        if (found.isEmpty() && ours && sourceText && *sourceText)
            misses.insert(QString::fromUtf8(name + ": " + sourceText));
        return found;
    }
    mutable QSet<QString> misses;
};

QStringList menuTitles(const QMenuBar *bar)
{
    QStringList titles;
    for (const QAction *action : bar->actions())
        titles << action->text();
    return titles;
}

} // namespace

class tst_French : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *id : {"groq", "ollama", "llamacpp", "lmstudio"})
            setBaseUrl(QLatin1String(id), closedUrl()); // nothing real is ever reached
        QVERIFY2(m_translations.install(QStringLiteral("fr"), {kTranslations}), qPrintable(m_translations.problem()));
        QCOMPARE(runningUiLanguage(), QStringLiteral("fr"));
        QVERIFY(m_recorder.load(QStringLiteral("versus_fr"), kTranslations));
        QCoreApplication::installTranslator(&m_recorder);
    }

    void cleanupTestCase() { QCoreApplication::removeTranslator(&m_recorder); }

    void init() { m_recorder.misses.clear(); }

    void mainWindowSpeaksFrench()
    {
        Harness harness; // a first start: the welcome view is shown
        auto window = harness.openWindow();
        const QStringList menus = menuTitles(window->menuBar());
        QVERIFY2(menus.contains(QStringLiteral("&Affichage")), qPrintable(menus.join(u'|')));
        QVERIFY2(menus.contains(QStringLiteral("&Comparaison")), qPrintable(menus.join(u'|')));
        QCOMPARE(action(*window, "settingsAction")->text(), QStringLiteral("Paramètres…"));
        QCOMPARE(action(*window, "sendAction")->text(), QStringLiteral("Envoyer à toutes les colonnes"));
        QVERIFY(window->welcomeView() && window->welcomeView()->isVisible());
        QTRY_VERIFY(!window->welcomeView()->localProbe()->isRunning());
        auto *status = part<QLabel>(window->welcomeView(), "welcomeProbeStatus");
        QVERIFY2(status->text().contains(QStringLiteral("Aucun")), qPrintable(status->text()));
        window->hideWelcome();
        QVERIFY2(m_recorder.misses.isEmpty(), qPrintable(QStringList(m_recorder.misses.values()).join(u'\n')));
    }

    void settingsSpeakFrench()
    {
        Harness harness;
        harness.settings.setLaneTargets({kGroqTarget});
        auto window = harness.openWindow();
        window->openSettings(SettingsDialog::Page::General);
        SettingsDialog *settings = window->settingsDialog();
        QVERIFY(settings && settings->isVisible());
        QCOMPARE(settings->windowTitle(), QStringLiteral("Paramètres — Général"));
        auto *pages = settings->findChild<QListWidget *>(QStringLiteral("settingsPages"));
        QStringList titles;
        for (int row = 0; row < pages->count(); ++row) {
            titles << pages->item(row)->text();
            pages->setCurrentRow(row); // every page is built and shown
            QTest::qWait(20);
        }
        QCOMPARE(titles, (QStringList{QStringLiteral("Général"), QStringLiteral("Fournisseurs et clés"),
                                      QStringLiteral("Points d’accès personnalisés"), QStringLiteral("Tarifs"),
                                      QStringLiteral("Serveurs MCP")}));
        auto *language = part<QComboBox>(settings, "languageBox");
        QCOMPARE(language->itemText(0).left(8), QStringLiteral("Système "));
        QCOMPARE(language->findData(QStringLiteral("fr")), 2);
        QCOMPARE(language->itemText(2), QStringLiteral("Français"));
        // Choosing English says so, in English, for the next start.
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        auto *note = part<QLabel>(settings, "languageNote");
        QCOMPARE(note->text(), QStringLiteral("Versus will be in English from the next start."));
        QCOMPARE(harness.settings.language(), QStringLiteral("en"));
        language->setCurrentIndex(language->findData(QStringLiteral("fr")));
        QVERIFY(note->isHidden()); // French is what runs now
        QVERIFY2(m_recorder.misses.isEmpty(), qPrintable(QStringList(m_recorder.misses.values()).join(u'\n')));
    }

    void benchmarkWindowSpeaksFrench()
    {
        Harness harness;
        harness.settings.setLaneTargets({kGroqTarget});
        auto window = harness.openWindow();
        action(*window, "benchmarkAction")->trigger();
        auto *bench = window->findChild<BenchView *>(QStringLiteral("benchView"));
        QVERIFY(bench && bench->isVisible());
        QCOMPARE(bench->windowTitle(), QStringLiteral("Benchmark — Versus"));
        QVERIFY2(m_recorder.misses.isEmpty(), qPrintable(QStringList(m_recorder.misses.values()).join(u'\n')));
    }

    void numbersFollowTheLanguage() { QCOMPARE(QLocale().toString(1.5, 'f', 1), QStringLiteral("1,5")); }

    void languageChoice_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QStringList>("system");
        QTest::addColumn<QString>("language");
        QTest::newRow("system French") << QStringLiteral("system")
                                       << QStringList{QStringLiteral("fr-FR"), QStringLiteral("en-US")}
                                       << QStringLiteral("fr");
        QTest::newRow("system Canadian French")
            << QStringLiteral("system") << QStringList{QStringLiteral("fr_CA")} << QStringLiteral("fr");
        QTest::newRow("system German then French")
            << QStringLiteral("system") << QStringList{QStringLiteral("de-DE"), QStringLiteral("fr-FR")}
            << QStringLiteral("fr");
        QTest::newRow("system German only")
            << QStringLiteral("system") << QStringList{QStringLiteral("de-DE")} << QStringLiteral("en");
        QTest::newRow("system C") << QStringLiteral("system") << QStringList{QStringLiteral("C")}
                                  << QStringLiteral("en");
        QTest::newRow("chosen French on English")
            << QStringLiteral("fr") << QStringList{QStringLiteral("en-US")} << QStringLiteral("fr");
        QTest::newRow("chosen English on French")
            << QStringLiteral("en") << QStringList{QStringLiteral("fr-FR")} << QStringLiteral("en");
        QTest::newRow("unknown code") << QStringLiteral("xx") << QStringList{QStringLiteral("fr-FR")}
                                      << QStringLiteral("en");
    }

    void languageChoice()
    {
        QFETCH(QString, setting);
        QFETCH(QStringList, system);
        QFETCH(QString, language);
        QCOMPARE(resolveUiLanguage(setting, system), language);
    }

    void localeOfTheLanguage()
    {
        QCOMPARE(localeForLanguage(QStringLiteral("fr"), QLocale(QStringLiteral("fr_CA"))).name(),
                 QStringLiteral("fr_CA"));
        QCOMPARE(localeForLanguage(QStringLiteral("fr"), QLocale(QStringLiteral("en_GB"))).language(), QLocale::French);
        QCOMPARE(localeForLanguage(QStringLiteral("en"), QLocale(QStringLiteral("en_GB"))).name(),
                 QStringLiteral("en_GB"));
    }

    void missingTranslationStaysEnglish()
    {
        QTemporaryDir empty;
        Translations other;
        QVERIFY(!other.install(QStringLiteral("fr"), {empty.path()}));
        QVERIFY2(other.problem().contains(QStringLiteral("versus_fr.qm")), qPrintable(other.problem()));
        QCOMPARE(other.language(), QStringLiteral("en"));
        QCOMPARE(QLocale().language(), QLocale::English);
        QVERIFY(m_translations.install(QStringLiteral("fr"), {kTranslations})); // back to French
        QCOMPARE(QLocale().language(), QLocale::French);
    }

private:
    Translations m_translations;
    RecordingTranslator m_recorder;
};

QTEST_MAIN(tst_French)
#include "tst_french.moc"

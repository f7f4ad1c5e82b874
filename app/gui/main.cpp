// SPDX-License-Identifier: GPL-3.0-or-later
// Composition root of the desktop app: every long-lived object is created here, once, and
// handed to the window.
#include "appicon.h"
#include "appsettings.h"
#include "engine/engine.h"
#include "engine/versioninfo.h"
#include "mainwindow.h"
#include "smoketest.h"
#include "theme.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace versus;

namespace {

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("versus"));
    QCoreApplication::setOrganizationName(QStringLiteral("versus"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VERSUS_VERSION));
}

struct Options {
    QCommandLineOption target{{QStringLiteral("t"), QStringLiteral("target")},
                              QStringLiteral("Open a lane for PROVIDER:MODEL (repeat for several lanes) instead of "
                                             "the saved lanes."),
                              QStringLiteral("PROVIDER:MODEL")};
    QCommandLineOption demo{QStringLiteral("demo-prompt"),
                            QStringLiteral("Send TEXT to every lane once the window is shown."),
                            QStringLiteral("TEXT")};
    QCommandLineOption keys{QStringLiteral("keys"), QStringLiteral("Open Providers & Keys at start.")};
    QCommandLineOption smokeTest{QStringLiteral("smoke-test"),
                                 QStringLiteral("Start, show the main window once painted, then quit; for package "
                                                "checks.")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(QStringLiteral("Compare LLM API providers side by side."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(target);
        parser.addOption(demo);
        parser.addOption(keys);
        parser.addOption(smokeTest);
    }
};

// --help and --version print text and exit: they must work where no display is (a
// terminal over SSH, a packaging check), so they are answered by a QCoreApplication before
// the QApplication, which needs a display, exists.
bool asksForTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

void answerTextOnly(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setApplicationNames();
    QCommandLineParser parser;
    const Options options;
    options.addTo(parser);
    // The version line names the Qt and QtKeychain too, which the parser's own does not.
    if (parser.parse(QCoreApplication::arguments()) && parser.isSet(QStringLiteral("version"))) {
        std::printf("%s\n", qPrintable(versionLine(u"versus")));
        std::exit(0);
    }
    parser.process(app); // prints help or version and exits; returns when they were a value
}

} // namespace

int main(int argc, char **argv)
{
    if (asksForTextOnly(argc, argv))
        answerTextOnly(argc, argv);

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Versus"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.versus.Versus")); // Wayland's app id
    QApplication::setWindowIcon(ui::appIcon());

    QCommandLineParser parser;
    const Options options;
    options.addTo(parser);
    parser.process(app);

    QList<Target> targets;
    for (const QString &text : parser.values(options.target)) {
        auto target = Target::parse(text);
        if (!target && text.size() > 1 && text.endsWith(u':')) // the model is chosen in the window
            target = Target{text.chopped(1), QString()};
        if (!target) {
            qCritical("versus: \"%s\" is not PROVIDER:MODEL", qPrintable(text));
            return 2;
        }
        targets.append(*target);
    }

    ui::AppSettings settings;
    // Settings → General → Language ("system" follows the desktop), before any text is made.
    ui::Translations translations;
    if (!translations.install(ui::resolveUiLanguage(settings.language(), QLocale::system().uiLanguages())))
        qWarning("versus: %s", qPrintable(translations.problem()));
    EngineOptions engineOptions;
    engineOptions.historyPath = settings.historyPath(); // Settings → General → History, from this start on
    Engine engine(engineOptions);                       // network, catalogs, estimator, OS keychain, history
    engine.setProxy(settings.proxy()); // system settings (HTTPS_PROXY …) unless the user chose otherwise
    for (const CatalogProblem &problem : engine.catalogProblems())
        qWarning("versus: %s", qPrintable(problem.toString()));
    for (const PriceError &error : engine.priceProblems())
        qWarning("versus: %s", qPrintable(error.toString()));
    if (!engine.calibrationProblem().isEmpty())
        qWarning("versus: %s", qPrintable(engine.calibrationProblem()));
    // The MCP servers of mcp.json start in the background; their tools join the lanes' as
    // they come (Settings → MCP servers shows each one's state).
    if (auto mcp = engine.loadMcp(); !mcp)
        qWarning("versus: %s", qPrintable(mcp.error()));
    ui::applyTheme(settings.theme()); // before the window exists: it is built in its colours

    ui::AppServices services;
    services.engine = &engine;
    services.settings = &settings;

    ui::MainWindow window(services);
    if (!targets.isEmpty()) {
        window.setLaneTargets(targets);
        window.hideWelcome(); // lanes were asked for: no first-start view over them
    }
    // Settings → General → Theme applies at once.
    QObject::connect(&window, &ui::MainWindow::themeChanged, &app, [](const QString &theme) { ui::applyTheme(theme); });
    window.show();
    if (parser.isSet(options.smokeTest)) {
        // What the package check reads: the language the window was built in, and from where.
        QTextStream(stdout) << "versus: language " << translations.language() << " from "
                            << (translations.file().isEmpty() ? QStringLiteral("(none)") : translations.file()) << '\n';
        quitOncePainted(window);
    }

    if (parser.isSet(options.keys))
        QTimer::singleShot(0, &window, [&window] { window.openProviderKeys(); });
    if (parser.isSet(options.demo)) {
        const QString prompt = parser.value(options.demo);
        QTimer::singleShot(0, &window, [&window, prompt] { window.sendPrompt(prompt); });
    }
    return app.exec();
}

// SPDX-License-Identifier: GPL-3.0-or-later
// Composition root of the desktop app: every long-lived object is created here, once, and
// handed to the window.
#include "appsettings.h"
#include "engine/engine.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

using namespace versus;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("versus"));
    QApplication::setApplicationDisplayName(QStringLiteral("Versus"));
    QApplication::setOrganizationName(QStringLiteral("versus"));
    QApplication::setApplicationVersion(QStringLiteral(VERSUS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Compare LLM API providers side by side."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption targetOption(
        {QStringLiteral("t"), QStringLiteral("target")},
        QStringLiteral("Open a lane for PROVIDER:MODEL (repeat for several lanes) instead of the saved lanes."),
        QStringLiteral("PROVIDER:MODEL"));
    const QCommandLineOption demoOption(QStringLiteral("demo-prompt"),
                                        QStringLiteral("Send TEXT to every lane once the window is shown."),
                                        QStringLiteral("TEXT"));
    const QCommandLineOption keysOption(QStringLiteral("keys"), QStringLiteral("Open Providers & Keys at start."));
    parser.addOption(targetOption);
    parser.addOption(demoOption);
    parser.addOption(keysOption);
    parser.process(app);

    QList<Target> targets;
    for (const QString &text : parser.values(targetOption)) {
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
    EngineOptions options;
    options.historyPath = settings.historyPath(); // Settings → General → History, from this start on
    Engine engine(options);                       // network, catalogs, estimator, OS keychain, history
    engine.setProxy(settings.proxy());            // system settings (HTTPS_PROXY …) unless the user chose otherwise
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

    ui::AppServices services;
    services.engine = &engine;
    services.settings = &settings;

    ui::MainWindow window(services);
    if (!targets.isEmpty()) {
        window.setLaneTargets(targets);
        window.hideWelcome(); // lanes were asked for: no first-start view over them
    }
    window.show();

    if (parser.isSet(keysOption))
        QTimer::singleShot(0, &window, [&window] { window.openProviderKeys(); });
    if (parser.isSet(demoOption)) {
        const QString prompt = parser.value(demoOption);
        QTimer::singleShot(0, &window, [&window, prompt] { window.sendPrompt(prompt); });
    }
    return app.exec();
}

// SPDX-License-Identifier: GPL-3.0-or-later
// packaging/versus-cli.1 against the built versus-cli: the man page names every command that
// `versus-cli --help` lists, and under each command (its own section, or a section of
// options whose title names it) every option and subcommand that `versus-cli COMMAND
// --help` prints. The help is the real output, parsed; a new option without a line in the
// manual fails here.
#include "clirun.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace versus::test;
using namespace Qt::StringLiterals;

namespace {

/// One .SS section of the man page: its title and its text, roff escapes removed.
struct ManSection {
    QString title;
    QString text;
};

/// Roff to plain words: "\-" is "-", font changes and the zero-width "\&" vanish.
QString plainRoff(QString line)
{
    static const QRegularExpression fonts(QStringLiteral(R"(\\f[BIRP])"));
    line.remove(fonts);
    line.replace(QStringLiteral("\\-"), QStringLiteral("-"));
    line.replace(QStringLiteral("\\&"), QString());
    line.replace(QStringLiteral("\\ "), QStringLiteral(" "));
    line.replace(QStringLiteral("\\e"), QStringLiteral("\\"));
    return line;
}

QList<ManSection> readManSections(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QList<ManSection> sections;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &raw : lines) {
        if (raw.startsWith(u".\\\""))
            continue; // a comment
        QString line = plainRoff(raw);
        if (line.startsWith(u".SH")) {
            sections.append(ManSection{}); // a section of the page (.SH) ends the command's subsection
            continue;
        }
        if (line.startsWith(u".SS")) {
            QString title = line.mid(3).trimmed();
            if (title.startsWith(u'"') && title.endsWith(u'"'))
                title = title.mid(1, title.size() - 2);
            sections.append({title, QString()});
            continue;
        }
        if (!sections.isEmpty())
            sections.last().text += line + u'\n';
    }
    return sections;
}

bool namesWord(const QString &text, const QString &word)
{
    const QRegularExpression pattern(QStringLiteral("(?<![\\w-])") + QRegularExpression::escape(word) +
                                     QStringLiteral("(?![\\w-])"));
    return pattern.match(text).hasMatch();
}

QStringList commandsOfHelp(const QString &help)
{
    QStringList commands;
    bool inCommands = false;
    const QStringList lines = help.split(u'\n');
    for (const QString &line : lines) {
        if (line.startsWith(u"Commands:")) {
            inCommands = true;
            continue;
        }
        if (inCommands && line.trimmed().isEmpty())
            break;
        if (inCommands)
            commands.append(line.trimmed().section(u' ', 0, 0));
    }
    return commands;
}

/// Every long option the help names (in its usage lines, its text or its option list), every
/// short option of its option list, and the subcommands of its usage lines ("versus-cli
/// history show ID" names "show").
QStringList wordsOfCommandHelp(const QString &command, const QString &help)
{
    QStringList words;
    static const QRegularExpression longOption(QStringLiteral(R"((?<![\w-])(--[a-z][a-z0-9-]*))"));
    for (auto it = longOption.globalMatch(help); it.hasNext();)
        words.append(it.next().captured(1));
    static const QRegularExpression shortOption(QStringLiteral(R"(^\s+(-[A-Za-z])[,\s])"),
                                                QRegularExpression::MultilineOption);
    for (auto it = shortOption.globalMatch(help); it.hasNext();)
        words.append(it.next().captured(1));
    const QRegularExpression subcommand(
        QStringLiteral(R"(^(?:Usage:)?\s*versus-cli %1 ([a-z][a-z-]*)\b)").arg(QRegularExpression::escape(command)),
        QRegularExpression::MultilineOption);
    for (auto it = subcommand.globalMatch(help); it.hasNext();)
        words.append(it.next().captured(1));
    words.removeDuplicates();
    return words;
}

} // namespace

class TestManPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void namesEveryCommand();
    void commandOptions_data();
    void commandOptions();
    void parserSeesWhatIsMissing();

private:
    CliRun runCli(const QStringList &arguments);

    QTemporaryDir m_home;
    QList<ManSection> m_sections;
    QStringList m_commands;
};

CliRun TestManPage::runCli(const QStringList &arguments)
{
    CliRun run;
    if (!runCliProcess(QStringLiteral(VERSUS_CLI_PATH), arguments, privateCliEnvironment(m_home.path()), run, 30'000))
        run.exitCode = -1;
    return run;
}

void TestManPage::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_sections = readManSections(QStringLiteral(VERSUS_SOURCE_DIR "/packaging/versus-cli.1"));
    QVERIFY2(m_sections.size() > 10, "packaging/versus-cli.1 could not be read or has no command sections");
    const CliRun help = runCli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    m_commands = commandsOfHelp(QString::fromUtf8(help.out));
    // The top-level help lists a dozen commands; fewer means the parser above lost them.
    QVERIFY2(m_commands.size() >= 12, qPrintable(m_commands.join(u", ")));
    QVERIFY(m_commands.contains(u"providers"_s));
    QVERIFY(m_commands.contains(u"bench"_s));
}

void TestManPage::namesEveryCommand()
{
    for (const QString &command : std::as_const(m_commands)) {
        const QString heading = QStringLiteral("versus-cli ") + command;
        const bool found = std::any_of(m_sections.cbegin(), m_sections.cend(), [&](const ManSection &section) {
            return section.title == heading || section.title.startsWith(heading + u' ');
        });
        QVERIFY2(found, qPrintable(QStringLiteral("no section \"%1\" in packaging/versus-cli.1").arg(heading)));
    }
}

void TestManPage::commandOptions_data()
{
    QTest::addColumn<QString>("command");
    for (const QString &command : std::as_const(m_commands))
        QTest::addRow("%s", qPrintable(command)) << command;
}

void TestManPage::commandOptions()
{
    QFETCH(QString, command);
    const CliRun help = runCli({command, QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    const QString text = QString::fromUtf8(help.out);
    const QStringList words = wordsOfCommandHelp(command, text);
    QVERIFY2(!words.isEmpty(), qPrintable(u"no option read from: "_s + text));

    // The sections that speak of this command: its own, and those of options shared with it.
    QString manual;
    for (const ManSection &section : std::as_const(m_sections)) {
        if (namesWord(section.title, command))
            manual += section.text + section.title + u'\n';
    }
    QVERIFY2(!manual.isEmpty(), qPrintable(u"no section of the man page names "_s + command));
    QStringList missing;
    for (const QString &word : words) {
        if (!namesWord(manual, word))
            missing.append(word);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("versus-cli %1 --help lists %2, which its sections of the man page do not")
                            .arg(command, missing.join(u", "))));
}

// The comparison above could pass on a parser that reads nothing: feed it a help text and a
// manual that differ by one option and one subcommand.
void TestManPage::parserSeesWhatIsMissing()
{
    const QString help = QStringLiteral("Usage: versus-cli thing list [--json]\n"
                                        "       versus-cli thing drop ID\n\n"
                                        "Options:\n  -q, --quiet   Say less.\n  --json   JSON.\n");
    const QStringList words = wordsOfCommandHelp(QStringLiteral("thing"), help);
    QCOMPARE(QSet<QString>(words.cbegin(), words.cend()),
             (QSet<QString>{u"--json"_s, u"--quiet"_s, u"-q"_s, u"list"_s, u"drop"_s}));
    const QString manual = plainRoff(QStringLiteral(".B \\-\\-json\n.BR \\-q \", \" \\-\\-quiet\nlist it\n"));
    QVERIFY(namesWord(manual, u"--json"_s));
    QVERIFY(namesWord(manual, u"-q"_s));
    QVERIFY(!namesWord(manual, u"drop"_s));
    QVERIFY(!namesWord(manual, u"--js"_s));
    QVERIFY(!namesWord(u"--json-lines"_s, u"--json"_s));
}

QTEST_GUILESS_MAIN(TestManPage)
#include "tst_manpage.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// versus-cli keys: store, list, test and delete API keys in the OS keychain.
// The key is read from standard input only (never argv, where other users and shell
// history see it), without echo on a terminal, and only its masked form is ever printed.
#include "clisupport.h"
#include "commands.h"
#include "providers/modellistkeycheck.h"
#include "secrets/keychainstore.h"
#include "secrets/keycheck.h"
#include "secrets/keyedprovider.h"
#include "secrets/keyinput.h"
#include "secrets/keyresolver.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

#include <array>
#include <cerrno>
#include <csignal>
#include <termios.h>
#include <unistd.h>

namespace versus::cli {

namespace {

QString usageText()
{
    return QStringLiteral("Usage: versus-cli keys set PROVIDER      store a key read from standard input\n"
                          "       versus-cli keys list [--json]     providers, where their key comes from, masked\n"
                          "       versus-cli keys delete PROVIDER   remove the stored key\n"
                          "       versus-cli keys test PROVIDER     check the key against the provider\n"
                          "\n"
                          "The key is never taken from the command line. Examples:\n"
                          "  versus-cli keys set groq                 (type or paste the key; it is not shown)\n"
                          "  printf '%s' \"$KEY\" | versus-cli keys set groq\n"
                          "An environment variable such as GROQ_API_KEY, when set, wins over the stored key.\n");
}

// --- reading a key from a terminal without echo ---------------------------------------

struct termios g_savedTerminal;
volatile sig_atomic_t g_terminalQuiet = 0;

extern "C" void restoreTerminalAndReraise(int signal)
{
    if (g_terminalQuiet)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

/// Turns echo off on the terminal for its lifetime, restoring it also on Ctrl+C.
class QuietTerminal {
public:
    QuietTerminal()
    {
        if (::tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
            return;
        struct termios quiet = g_savedTerminal;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL; // still move to the next line on Enter
        for (int sig : kSignals)
            m_previous[index(sig)] = std::signal(sig, restoreTerminalAndReraise);
        g_terminalQuiet = 1;
        m_quiet = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~QuietTerminal()
    {
        if (g_terminalQuiet)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
        g_terminalQuiet = 0;
        for (int sig : kSignals)
            std::signal(sig, m_previous[index(sig)]);
    }
    QuietTerminal(const QuietTerminal &) = delete;
    QuietTerminal &operator=(const QuietTerminal &) = delete;
    bool isQuiet() const { return m_quiet; }

private:
    // Not SIGTSTP: after a restore on Ctrl+Z the key would be echoed once the job resumes.
    static constexpr std::array kSignals{SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    static std::size_t index(int sig)
    {
        for (std::size_t i = 0; i < kSignals.size(); ++i) {
            if (kSignals[i] == sig)
                return i;
        }
        return 0;
    }
    std::array<void (*)(int), kSignals.size()> m_previous{};
    bool m_quiet = false;
};

constexpr qsizetype kMaxInput = 64 * 1024;

/// Reads standard input straight from the file descriptor, so that no stdio or QIODevice
/// buffer keeps a copy of the key: up to end of input, or up to the first line break when
/// @p oneLine. At most kMaxInput + 1 bytes (more is refused as too long anyway).
QByteArray readStandardInput(bool oneLine)
{
    QByteArray input(kMaxInput + 1, Qt::Uninitialized);
    qsizetype size = 0;
    while (size < input.size()) {
        const ssize_t n = ::read(STDIN_FILENO, input.data() + size, oneLine ? 1 : size_t(input.size() - size));
        if (n > 0) {
            size += n;
            if (oneLine && input.at(size - 1) == '\n')
                break;
        } else if (n == 0 || errno != EINTR) {
            break;
        }
    }
    // Shrinking keeps the same buffer: what is cut off is wiped first.
    for (qsizetype i = size; i < input.size(); ++i)
        input[i] = 0;
    input.truncate(size);
    return input;
}

/// One line from the terminal with echo off; the prompt is shown only once echo is off
/// (typed-ahead input is flushed, so nothing is echoed before).
QByteArray readHiddenLine(QTextStream &err, const QString &prompt, bool *quiet)
{
    QuietTerminal terminal;
    *quiet = terminal.isQuiet();
    if (!*quiet)
        return QByteArray();
    err << prompt;
    err.flush();
    return readStandardInput(true);
}

// --- the command ------------------------------------------------------------------------

class KeysCommand : public QObject {
public:
    KeysCommand(CommandContext &context, Done done)
        : QObject(QCoreApplication::instance())
        , m_context(context)
        , m_done(std::move(done))
        , m_store(new KeychainStore(this))
        , m_registry(loadRegistry(context))
        , m_providers(keyedProviders(*m_registry))
    {
    }

    void run();

private:
    QTextStream &out() { return m_context.out; }
    QTextStream &err() { return m_context.err; }
    void finish(int code);
    void usageError(const QString &message);
    const KeyedProvider *provider(const QString &id);

    void set(const KeyedProvider &provider);
    void list(bool json);
    void printList(bool json);
    void remove(const KeyedProvider &provider);
    void test(const KeyedProvider &provider);
    void noteEnvironment(const KeyedProvider &provider);

    CommandContext &m_context;
    Done m_done;
    KeychainStore *m_store;
    std::unique_ptr<ProviderRegistry> m_registry;
    QList<KeyedProvider> m_providers;
    QList<KeyResult> m_keychain; // list: one per provider
    int m_pending = 0;
};

void KeysCommand::finish(int code)
{
    out().flush();
    err().flush();
    deleteLater();
    m_done(code);
}

void KeysCommand::usageError(const QString &message)
{
    err() << "versus-cli keys: " << message << "\n\n" << usageText();
    finish(ExitUsage);
}

const KeyedProvider *KeysCommand::provider(const QString &id)
{
    for (const KeyedProvider &candidate : std::as_const(m_providers)) {
        if (candidate.id == id)
            return &candidate;
    }
    QStringList known;
    for (const KeyedProvider &candidate : std::as_const(m_providers))
        known.append(candidate.id);
    usageError(QStringLiteral("unknown provider '%1' (providers with keys: %2)").arg(id, known.join(u", ")));
    return nullptr;
}

void KeysCommand::run()
{
    QStringList args = m_context.arguments;
    if (args.isEmpty()) {
        err() << usageText();
        return finish(ExitUsage);
    }
    if (args.contains(u"--help") || args.contains(u"-h") || args.first() == u"help") {
        out() << usageText();
        return finish(ExitOk);
    }
    const QString action = args.takeFirst();
    if (action == u"list") {
        const bool json = args.removeAll(QStringLiteral("--json")) > 0;
        if (!args.isEmpty())
            return usageError(QStringLiteral("unexpected arguments: %1").arg(args.join(u' ')));
        return list(json);
    }
    if (action != u"set" && action != u"delete" && action != u"test")
        return usageError(QStringLiteral("unknown action '%1'").arg(action));
    if (args.isEmpty())
        return usageError(QStringLiteral("%1 needs a PROVIDER").arg(action));
    if (args.size() > 1) {
        // Never echo these arguments back: the extra one may well be a key.
        if (action == u"set")
            return usageError(QStringLiteral("set takes only PROVIDER: the key is read from standard input, never "
                                             "from the command line (where other users and the shell history "
                                             "can see it)"));
        return usageError(QStringLiteral("%1 takes exactly one PROVIDER").arg(action));
    }
    const KeyedProvider *chosen = provider(args.first());
    if (!chosen)
        return;
    if (action == u"set")
        return set(*chosen);
    if (action == u"delete")
        return remove(*chosen);
    return test(*chosen);
}

void KeysCommand::noteEnvironment(const KeyedProvider &provider)
{
    if (KeyResolver::fromEnvironment(provider.envVar).status != KeyStatus::NotStored)
        out() << "Note: " << provider.envVar << " is set in this environment and wins over the stored key.\n";
}

void KeysCommand::set(const KeyedProvider &provider)
{
    QByteArray input;
    if (m_context.stdinIsTerminal) {
        bool quiet = false;
        input =
            readHiddenLine(err(), QStringLiteral("API key for %1 (input hidden): ").arg(provider.displayName), &quiet);
        if (!quiet) {
            wipeBytes(input);
            err() << "versus-cli keys: cannot turn off echo on this terminal; pipe the key in instead\n";
            return finish(ExitFailure);
        }
    } else {
        // Not through m_context.in: its buffers would keep copies of the key.
        input = readStandardInput(false);
    }
    auto key = parseKeyInput(std::move(input), KeyInputTrim::Trailing);
    if (!key) {
        err() << "versus-cli keys set: " << key.error() << '\n';
        return finish(ExitUsage);
    }
    const QString masked = key->redacted();
    m_store->write(provider.id, *key, this, [this, provider, masked](KeyResult result) {
        if (result.status != KeyStatus::Stored) {
            err() << "versus-cli keys set: could not store the " << provider.displayName
                  << " key: " << keyStatusMessage(result) << '\n';
            return finish(ExitFailure);
        }
        out() << "Stored the " << provider.displayName << " key " << masked << " in the system keychain.\n";
        noteEnvironment(provider);
        finish(ExitOk);
    });
    key->clear();
}

void KeysCommand::list(bool json)
{
    m_keychain = QList<KeyResult>(m_providers.size());
    m_pending = int(m_providers.size());
    for (qsizetype i = 0; i < m_providers.size(); ++i) {
        m_store->read(m_providers.at(i).id, this, [this, i, json](KeyResult result) {
            m_keychain[i] = std::move(result);
            if (--m_pending == 0)
                printList(json);
        });
    }
}

void KeysCommand::printList(bool json)
{
    QJsonArray rows;
    QStringList problems;
    const QString header = QStringLiteral("%1  %2  %3  %4\n")
                               .arg(QStringLiteral("PROVIDER"), -12)
                               .arg(QStringLiteral("SOURCE"), -8)
                               .arg(QStringLiteral("KEY"), -12)
                               .arg(QStringLiteral("KEYCHAIN"));
    QString table = header;
    bool keychainFailed = false;
    for (qsizetype i = 0; i < m_providers.size(); ++i) {
        const KeyedProvider &provider = m_providers.at(i);
        KeyResult &stored = m_keychain[i];
        const KeyResult env = KeyResolver::fromEnvironment(provider.envVar);

        KeySource source = KeySource::None;
        QString masked;
        if (env.status != KeyStatus::NotStored) {
            source = KeySource::Environment;
            masked = env.key.redacted(); // empty when the variable holds no valid key
            if (!env.hasKey())
                problems.append(provider.displayName + QStringLiteral(": ") + env.detail);
        } else if (stored.hasKey()) {
            source = KeySource::Keychain;
            masked = stored.key.redacted();
        }
        // Locked is only reported for a key known to be stored.
        const bool isStored = stored.hasKey() || stored.status == KeyStatus::Locked;
        if (!stored.succeeded()) {
            keychainFailed = true;
            const QString problem = keyStatusMessage(stored);
            if (!problems.contains(problem))
                problems.append(problem);
        }

        QJsonObject row;
        row.insert(QStringLiteral("provider"), provider.id);
        row.insert(QStringLiteral("stored"), isStored);
        row.insert(QStringLiteral("source"), keySourceId(source));
        row.insert(QStringLiteral("masked"), masked.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(masked));
        row.insert(QStringLiteral("env_var"), provider.envVar);
        row.insert(QStringLiteral("keychain"), keyStatusId(stored.status));
        rows.append(row);

        QString keychainText = keyStatusLabel(stored.status);
        if (source == KeySource::Environment)
            keychainText += QStringLiteral(" (%1 is set)").arg(provider.envVar);
        table += QStringLiteral("%1  %2  %3  %4\n")
                     .arg(provider.id, -12)
                     .arg(keySourceId(source), -8)
                     .arg(masked.isEmpty() ? QStringLiteral("-") : masked, -12)
                     .arg(keychainText);
        stored.key.clear();
    }

    if (json) {
        QJsonObject document;
        document.insert(QStringLiteral("keys"), rows);
        out() << QJsonDocument(document).toJson(QJsonDocument::Indented);
    } else {
        out() << table;
    }
    for (const QString &problem : std::as_const(problems))
        err() << "versus-cli keys list: " << problem << '\n';
    finish(keychainFailed ? ExitFailure : ExitOk);
}

void KeysCommand::remove(const KeyedProvider &provider)
{
    m_store->remove(provider.id, this, [this, provider](KeyResult result) {
        if (result.status != KeyStatus::NotStored) {
            err() << "versus-cli keys delete: could not delete the " << provider.displayName
                  << " key: " << keyStatusMessage(result) << '\n';
            return finish(ExitFailure);
        }
        out() << "The system keychain holds no " << provider.displayName << " key now.\n";
        noteEnvironment(provider);
        finish(ExitOk);
    });
}

void KeysCommand::test(const KeyedProvider &provider)
{
    auto *resolver = new KeyResolver(m_store, this);
    resolver->resolve(provider.id, provider.envVar, this, [this, provider](KeyResult result) {
        if (!result.hasKey()) {
            if (result.status == KeyStatus::NotStored)
                err() << "versus-cli keys test: no " << provider.displayName << " key: set " << provider.envVar
                      << " or run 'versus-cli keys set " << provider.id << "'\n";
            else
                err() << "versus-cli keys test: " << keyStatusMessage(result) << '\n';
            return finish(ExitFailure);
        }
        const KeyCheck check = net::modelListKeyCheck(m_context.network, *m_registry);
        const QString from =
            result.source == KeySource::Environment ? provider.envVar : QStringLiteral("the system keychain");
        out() << "Checking the " << provider.displayName << " key " << result.key.redacted() << " from " << from
              << "...\n";
        out().flush();
        check(provider, result.key, this, [this](KeyCheckResult checked) {
            out() << keyCheckMessage(checked) << '\n';
            finish(checked.outcome == KeyCheckResult::Outcome::Valid ? ExitOk : ExitFailure);
        });
    });
}

} // namespace

void runKeys(CommandContext &context, Done done)
{
    auto *command = new KeysCommand(context, std::move(done));
    command->run();
}

} // namespace versus::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/mcpservereditor.h"

#include "secrets/keyinput.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace versus::ui {

namespace {

constexpr int kMaxTimeoutSeconds = 24 * 3600;

/// The non-empty lines of @p edit ("\r" dropped), as typed otherwise.
QStringList lines(const QPlainTextEdit *edit)
{
    QStringList out;
    const QStringList all = edit->toPlainText().split(u'\n');
    for (QString line : all) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (!line.trimmed().isEmpty())
            out.append(line);
    }
    return out;
}

QPlainTextEdit *linesEdit(const char *name, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 12);
    return edit;
}

QLineEdit *lineEdit(const char *name, const QString &text, QWidget *parent)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setObjectName(QLatin1String(name));
    return edit;
}

bool isHeaderName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name)
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == u':')
            return false;
    return true;
}

} // namespace

McpServerEditor::McpServerEditor(const mcp::ServerConfig &server, bool isNew, const QStringList &takenNames,
                                 QWidget *parent)
    : QDialog(parent)
    , m_original(server)
    , m_isNew(isNew)
    , m_takenNames(takenNames)
{
    using Transport = mcp::ServerConfig::Transport;
    setObjectName(QStringLiteral("mcpServerEditor"));
    setWindowTitle(isNew ? tr("Add MCP server") : tr("Edit MCP server — %1").arg(server.name));

    m_name = lineEdit("mcpName", server.name, this);
    m_name->setPlaceholderText(tr("e.g. files"));
    m_transport = new QComboBox(this);
    m_transport->setObjectName(QStringLiteral("mcpTransport"));
    m_transport->addItem(tr("stdio (a program Versus starts)"));
    m_transport->addItem(tr("HTTP (Streamable HTTP endpoint)"));
    m_transport->setCurrentIndex(server.transport == Transport::Http ? 1 : 0);

    // stdio
    m_command = lineEdit("mcpCommand", server.command, this);
    m_command->setPlaceholderText(tr("e.g. npx or /usr/local/bin/my-server"));
    m_args = linesEdit("mcpArgs", tr("one argument per line, as it is (no quotes needed)"), this);
    m_args->setPlainText(server.args.join(u'\n'));
    m_env = linesEdit("mcpEnv", tr("KEY=VALUE, one per line"), this);
    QStringList envLines;
    for (auto it = server.env.cbegin(); it != server.env.cend(); ++it)
        envLines.append(it.key() + u'=' + it.value());
    m_env->setPlainText(envLines.join(u'\n'));
    m_cwd = lineEdit("mcpCwd", server.cwd, this);
    m_cwd->setPlaceholderText(tr("empty: Versus's own working folder"));

    // HTTP
    m_url = lineEdit("mcpUrl", server.url.toString(), this);
    m_url->setPlaceholderText(tr("https://example.com/mcp"));
    m_headers = linesEdit("mcpHeaders", tr("Name: value, one per line"), this);
    QStringList headerLines;
    for (const auto &[name, value] : server.headers)
        headerLines.append(QString::fromUtf8(name) + QStringLiteral(": ") + QString::fromUtf8(value));
    m_headers->setPlainText(headerLines.join(u'\n'));
    m_bearer = lineEdit("mcpBearer", QString(), this);
    m_bearer->setEchoMode(QLineEdit::Password);
    m_bearer->setPlaceholderText(server.bearerFromKeychain ? tr("read from the keychain; type to replace it")
                                                           : tr("optional; kept in the system keychain"));
    m_bearer->setToolTip(tr("Sent as \"Authorization: Bearer …\". Saved in the system keychain as \"%1\", never "
                            "in the configuration file.")
                             .arg(mcp::keychainEntryName(server.name.isEmpty() ? tr("<name>") : server.name)));
    m_forgetBearer = new QCheckBox(tr("Remove the stored token"), this);
    m_forgetBearer->setObjectName(QStringLiteral("mcpForgetBearer"));

    m_enabled = new QCheckBox(tr("Start this server with Versus"), this);
    m_enabled->setObjectName(QStringLiteral("mcpEnabled"));
    m_enabled->setChecked(server.enabled);
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("mcpTimeout"));
    m_timeout->setRange(1, kMaxTimeoutSeconds);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(std::clamp(int(std::lround(server.timeoutMs / 1000.0)), 1, kMaxTimeoutSeconds));
    m_timeout->setToolTip(tr("How long a request to the server may take"));
    m_timeout->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("mcpEditorError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setProperty("problem", true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("mcpSave"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &McpServerEditor::requestSave);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // One form, so that every label lines up; the other transport's rows are hidden.
    m_form = new QFormLayout;
    m_form->addRow(tr("Name:"), m_name);
    m_form->addRow(tr("Transport:"), m_transport);
    m_form->addRow(tr("Command:"), m_command);
    m_form->addRow(tr("Arguments\n(one per line):"), m_args);
    m_form->addRow(tr("Environment:"), m_env);
    m_form->addRow(tr("Working folder:"), m_cwd);
    m_form->addRow(tr("URL:"), m_url);
    m_form->addRow(tr("Headers:"), m_headers);
    m_form->addRow(tr("Bearer token:"), m_bearer);
    m_form->addRow(QString(), m_forgetBearer);
    m_form->addRow(QString(), m_enabled);
    m_form->addRow(tr("Timeout:"), m_timeout);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addStretch(1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_transport, &QComboBox::currentIndexChanged, this, &McpServerEditor::showTransportRows);
    showTransportRows();
    for (QLineEdit *edit : {m_name, m_command, m_cwd, m_url, m_bearer})
        connect(edit, &QLineEdit::textChanged, this, &McpServerEditor::validate);
    for (QPlainTextEdit *edit : {m_args, m_env, m_headers})
        connect(edit, &QPlainTextEdit::textChanged, this, &McpServerEditor::validate);
    connect(m_transport, &QComboBox::currentIndexChanged, this, &McpServerEditor::validate);
    connect(m_forgetBearer, &QCheckBox::toggled, this, &McpServerEditor::validate);
    resize(560, sizeHint().height());
    validate();
}

McpServerEditor::~McpServerEditor()
{
    // setText() (unlike clear()) also drops the undo history that holds the token.
    m_bearer->setText(QString());
}

mcp::ServerConfig McpServerEditor::server() const
{
    using Transport = mcp::ServerConfig::Transport;
    mcp::ServerConfig server;
    server.name = m_name->text().trimmed();
    server.transport = m_transport->currentIndex() == 1 ? Transport::Http : Transport::Stdio;
    if (server.transport == Transport::Stdio) {
        server.command = m_command->text().trimmed();
        server.args = lines(m_args);
        for (const QString &line : lines(m_env)) {
            const qsizetype equals = line.indexOf(u'=');
            server.env.insert(line.left(equals).trimmed(), line.mid(equals + 1));
        }
        server.cwd = m_cwd->text().trimmed();
    } else {
        server.url = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
        for (const QString &line : lines(m_headers)) {
            const qsizetype colon = line.indexOf(u':');
            server.headers.append({line.left(colon).trimmed().toUtf8(), line.mid(colon + 1).trimmed().toUtf8()});
        }
        server.bearerFromKeychain = m_original.bearerFromKeychain;
    }
    server.enabled = m_enabled->isChecked();
    // A timeout of the file in fractions of a second stays as it was unless it is changed.
    const bool timeoutKept = m_timeout->value() == int(std::lround(m_original.timeoutMs / 1000.0));
    server.timeoutMs = timeoutKept ? m_original.timeoutMs : m_timeout->value() * 1000;
    server.alwaysAllow = m_original.alwaysAllow;
    return server;
}

ApiKey McpServerEditor::bearerToken() const
{
    if (m_transport->currentIndex() != 1 || m_bearer->text().isEmpty())
        return {};
    auto key = parseKeyInput(m_bearer->text().toUtf8(), KeyInputTrim::Surrounding);
    return key ? *key : ApiKey();
}

bool McpServerEditor::forgetBearerToken() const
{
    return m_transport->currentIndex() == 1 && m_original.bearerFromKeychain && m_forgetBearer->isChecked();
}

QString McpServerEditor::problem() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Give the server a name.");
    if (m_takenNames.contains(name))
        return tr("There is already a server named \"%1\".").arg(name);
    if (m_transport->currentIndex() == 0) {
        if (m_command->text().trimmed().isEmpty())
            return tr("Enter the command that starts the server.");
        for (const QString &line : lines(m_env)) {
            if (line.indexOf(u'=') <= 0 || line.left(line.indexOf(u'=')).trimmed().isEmpty())
                return tr("Environment line \"%1\" is not KEY=VALUE.").arg(line);
        }
        return {};
    }
    const QString urlText = m_url->text().trimmed();
    if (urlText.isEmpty())
        return tr("Enter the server's URL.");
    const QUrl url(urlText, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return tr("The URL must be an http:// or https:// address.");
    const bool hasToken = !m_bearer->text().isEmpty();
    for (const QString &line : lines(m_headers)) {
        const qsizetype colon = line.indexOf(u':');
        const QString headerName = line.left(colon).trimmed();
        if (colon <= 0 || !isHeaderName(headerName))
            return tr("Header line \"%1\" is not \"Name: value\".").arg(line);
        if (line.contains(QStringLiteral("${")))
            return tr("Header \"%1\": ${…} placeholders are not supported; put a bearer token in the token field.")
                .arg(headerName);
        if (headerName.compare(QStringLiteral("Authorization"), Qt::CaseInsensitive) == 0 &&
            (hasToken || (m_original.bearerFromKeychain && !m_forgetBearer->isChecked())))
            return tr("Use either the bearer token field or an Authorization header, not both.");
    }
    if (hasToken) {
        if (auto key = parseKeyInput(m_bearer->text().toUtf8(), KeyInputTrim::Surrounding); !key)
            return tr("Bearer token: %1").arg(key.error());
        if (m_forgetBearer->isChecked())
            return tr("Type a new token or remove the stored one, not both.");
    }
    return {};
}

void McpServerEditor::showTransportRows()
{
    const bool http = m_transport->currentIndex() == 1;
    for (QWidget *row : {static_cast<QWidget *>(m_command), static_cast<QWidget *>(m_args),
                         static_cast<QWidget *>(m_env), static_cast<QWidget *>(m_cwd)})
        m_form->setRowVisible(row, !http);
    for (QWidget *row :
         {static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_headers), static_cast<QWidget *>(m_bearer)})
        m_form->setRowVisible(row, http);
    m_form->setRowVisible(m_forgetBearer, http && m_original.bearerFromKeychain);
}

void McpServerEditor::validate()
{
    const QString text = problem();
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(text.isEmpty() && !m_saving);
}

void McpServerEditor::requestSave()
{
    if (m_saving || !problem().isEmpty())
        return;
    m_saving = true;
    validate();
    Q_EMIT saveRequested();
}

void McpServerEditor::finishSave(const QString &error)
{
    m_saving = false;
    if (error.isEmpty()) {
        accept();
        return;
    }
    validate();
    m_error->setText(error);
    m_error->setVisible(true);
}

} // namespace versus::ui

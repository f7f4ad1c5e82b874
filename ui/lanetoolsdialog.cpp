// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanetoolsdialog.h"

#include "tools/jsonschema.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QVBoxLayout>

namespace versus::ui {

namespace {

QLabel *problemLabel(const char *name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    const bool dark = palette.color(QPalette::Window).lightnessF() < 0.5;
    palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28));
    label->setPalette(palette);
    return label;
}

QString choiceName(const QJsonValue &choice)
{
    if (choice.isString())
        return choice.toString();
    if (choice.isObject())
        return choice[u"function"][u"name"].toString();
    return QStringLiteral("auto");
}

} // namespace

LaneToolsDialog::LaneToolsDialog(const ProviderRegistry &registry, Comparison *comparison, ComparisonLane *lane,
                                 const QStringList &mcpServers, QWidget *parent)
    : QDialog(parent)
    , m_comparison(comparison)
    , m_lane(lane)
    , m_tools(new QPlainTextEdit(this))
    , m_toolsProblem(problemLabel("toolsProblem", this))
    , m_toolChoice(new QComboBox(this))
    , m_parallel(new QComboBox(this))
    , m_maxRounds(new QSpinBox(this))
    , m_schema(new QPlainTextEdit(this))
    , m_schemaProblem(problemLabel("schemaProblem", this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("laneToolsDialog"));
    setWindowTitle(tr("Tools and structured output — %1").arg(lane->target().toString()));
    resize(640, 640);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const ProviderConfig &parameters = lane->parameters();

    m_tools->setObjectName(QStringLiteral("toolsEdit"));
    m_tools->setFont(mono);
    m_tools->setPlaceholderText(
        tr("[{\"type\": \"function\", \"function\": {\"name\": …, \"parameters\": {…}},\n  \"result\": {\"mock\": …} "
           "| {\"builtin\": \"calculator\"} | {\"ask\": true}}]"));
    if (!lane->tools().isEmpty())
        m_tools->setPlainText(QString::fromUtf8(lane->tools().toJson()));
    auto *addCalculator = new QPushButton(tr("Add calculator"), this);
    addCalculator->setObjectName(QStringLiteral("addCalculator"));
    auto *addTime = new QPushButton(tr("Add current time"), this);
    addTime->setObjectName(QStringLiteral("addCurrentTime"));
    auto *load = new QPushButton(tr("Load…"), this);
    load->setObjectName(QStringLiteral("loadTools"));
    auto *save = new QPushButton(tr("Save as…"), this);
    save->setObjectName(QStringLiteral("saveTools"));
    auto *toolButtons = new QHBoxLayout;
    toolButtons->addWidget(addCalculator);
    toolButtons->addWidget(addTime);
    toolButtons->addStretch(1);
    toolButtons->addWidget(load);
    toolButtons->addWidget(save);

    m_toolChoice->setObjectName(QStringLiteral("toolChoice"));
    m_toolChoice->setToolTip(tr("auto: the model decides; none: no calls; required: at least one call; "
                                "a tool's name: that tool."));
    m_parallel->setObjectName(QStringLiteral("parallelCalls"));
    m_parallel->addItem(tr("Provider's default"));
    m_parallel->addItem(tr("Allowed"), true);
    m_parallel->addItem(tr("One call at a time"), false);
    if (parameters.parallelToolCalls)
        m_parallel->setCurrentIndex(*parameters.parallelToolCalls ? 1 : 2);
    m_maxRounds->setObjectName(QStringLiteral("maxRounds"));
    m_maxRounds->setRange(1, 100);
    m_maxRounds->setValue(comparison->maxToolRounds());
    m_maxRounds->setToolTip(tr("Requests in one turn at most, the first included (every lane of the comparison)."));

    auto *form = new QFormLayout;
    form->addRow(tr("Tool choice"), m_toolChoice);
    form->addRow(tr("Parallel calls"), m_parallel);
    form->addRow(tr("Rounds at most"), m_maxRounds);

    // Tools the provider runs itself, where the model offers them.
    const Provider *provider = registry.find(lane->target().provider);
    const ModelInfo *model = provider ? provider->info().findModel(lane->target().model) : nullptr;
    if (model && !model->serverTools.isEmpty()) {
        auto *serverBox = new QHBoxLayout;
        for (const QString &name : model->serverTools) {
            auto *check = new QCheckBox(name, this);
            check->setObjectName(QStringLiteral("serverTool_") + name);
            check->setProperty("toolName", name); // styles may add an accelerator "&" to the label
            check->setChecked(parameters.serverTools.contains(name));
            check->setToolTip(tr("Run by %1 on its servers; its input and output are shown in the trace.")
                                  .arg(provider->info().displayName));
            m_serverTools << check;
            serverBox->addWidget(check);
        }
        serverBox->addStretch(1);
        form->addRow(tr("Provider's tools"), serverBox);
    }

    if (!mcpServers.isEmpty()) {
        auto *mcpBox = new QHBoxLayout;
        for (const QString &name : mcpServers) {
            auto *check = new QCheckBox(name, this);
            check->setObjectName(QStringLiteral("mcpServer_") + name);
            check->setProperty("serverName", name);
            check->setChecked(!lane->mcpServersOff().contains(name));
            check->setToolTip(tr("Offer the tools of the MCP server %1 to this lane's model.").arg(name));
            m_mcpServers << check;
            mcpBox->addWidget(check);
        }
        m_mcpAllLanes = new QCheckBox(tr("the same for every lane"), this);
        m_mcpAllLanes->setObjectName(QStringLiteral("mcpAllLanes"));
        m_mcpAllLanes->setToolTip(tr("Turn these servers on and off for the whole comparison."));
        mcpBox->addStretch(1);
        mcpBox->addWidget(m_mcpAllLanes);
        form->addRow(tr("MCP servers"), mcpBox);
    }

    m_schema->setObjectName(QStringLiteral("schemaEdit"));
    m_schema->setFont(mono);
    m_schema->setMaximumHeight(150);
    m_schema->setPlaceholderText(tr("A JSON Schema the answer must follow (empty: free text)"));
    if (!parameters.responseSchema.isEmpty())
        m_schema->setPlainText(QString::fromUtf8(QJsonDocument(parameters.responseSchema).toJson()));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Function tools"), this));
    auto *hint = new QLabel(tr("OpenAI-style definitions. Each tool's \"result\" says who answers a call: "
                               "{\"builtin\": \"calculator\" | \"current_time\"}, {\"mock\": …} "
                               "(with {{argument}} templates), or {\"ask\": true}, the default: you, "
                               "in a form under the conversation."),
                            this);
    hint->setWordWrap(true);
    hint->setTextFormat(Qt::PlainText);
    hint->setEnabled(false); // dimmed: a hint, not a control
    layout->addWidget(hint);
    layout->addWidget(m_tools, 1);
    layout->addWidget(m_toolsProblem);
    layout->addLayout(toolButtons);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Structured output"), this));
    layout->addWidget(m_schema);
    layout->addWidget(m_schemaProblem);
    layout->addWidget(m_buttons);

    connect(m_tools, &QPlainTextEdit::textChanged, this, &LaneToolsDialog::validate);
    connect(m_schema, &QPlainTextEdit::textChanged, this, &LaneToolsDialog::validate);
    connect(addCalculator, &QPushButton::clicked, this, [this] { addBuiltin(QStringLiteral("calculator")); });
    connect(addTime, &QPushButton::clicked, this, [this] { addBuiltin(QStringLiteral("current_time")); });
    connect(load, &QPushButton::clicked, this, &LaneToolsDialog::loadFile);
    connect(save, &QPushButton::clicked, this, &LaneToolsDialog::saveFile);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    const int choice = m_toolChoice->findText(choiceName(parameters.toolChoice));
    m_toolChoice->setCurrentIndex(qMax(0, choice));
}

void LaneToolsDialog::fillToolChoice(const QStringList &names)
{
    const QString current = m_toolChoice->currentText();
    m_toolChoice->clear();
    m_toolChoice->addItems({QStringLiteral("auto"), QStringLiteral("none"), QStringLiteral("required")});
    m_toolChoice->addItems(names);
    m_toolChoice->setCurrentIndex(qMax(0, m_toolChoice->findText(current)));
}

void LaneToolsDialog::validate()
{
    bool ok = true;
    const QString toolsText = m_tools->toPlainText().trimmed();
    m_parsedTools.reset();
    if (toolsText.isEmpty()) {
        m_parsedTools = tools::ToolSet();
        m_toolsProblem->clear();
    } else if (auto parsed = tools::ToolSet::fromJson(toolsText.toUtf8())) {
        m_parsedTools = *parsed;
        m_toolsProblem->clear();
    } else {
        m_toolsProblem->setText(parsed.error());
        ok = false;
    }
    QStringList names;
    if (m_parsedTools) {
        for (const tools::ToolDefinition &tool : m_parsedTools->tools())
            names << tool.name;
    }
    fillToolChoice(names);

    const QString schemaText = m_schema->toPlainText().trimmed();
    m_parsedSchema = {};
    m_schemaProblem->clear();
    if (!schemaText.isEmpty()) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(schemaText.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            m_schemaProblem->setText(tr("Not JSON: %1 at character %2").arg(error.errorString()).arg(error.offset));
            ok = false;
        } else if (!document.isObject()) {
            m_schemaProblem->setText(tr("The schema must be a JSON object."));
            ok = false;
        } else if (auto compiled = tools::JsonSchema::compile(document.object()); !compiled) {
            m_schemaProblem->setText(compiled.error());
            ok = false;
        } else {
            m_parsedSchema = document.object();
        }
    }
    m_toolsProblem->setVisible(!m_toolsProblem->text().isEmpty());
    m_schemaProblem->setVisible(!m_schemaProblem->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void LaneToolsDialog::addBuiltin(const QString &builtin)
{
    tools::ToolSet set = m_parsedTools.value_or(tools::ToolSet());
    const tools::ToolDefinition definition = tools::ToolSet::builtinDefinition(builtin);
    if (set.find(definition.name))
        return;
    QJsonArray array = QJsonDocument::fromJson(set.toJson()).array();
    // The built-in's own definition, in the tools-file format, appended.
    QJsonObject object = definition.wire;
    object.insert(QStringLiteral("result"), QJsonObject{{QStringLiteral("builtin"), builtin}});
    array.append(object);
    m_tools->setPlainText(QString::fromUtf8(QJsonDocument(array).toJson()));
}

void LaneToolsDialog::loadFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load a tools file"), QString(),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_toolsProblem->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        m_toolsProblem->show();
        return;
    }
    m_tools->setPlainText(QString::fromUtf8(file.readAll()));
}

void LaneToolsDialog::saveFile()
{
    if (!m_parsedTools || m_parsedTools->isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the tools file"), QStringLiteral("tools.json"),
                                                      tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_parsedTools->toJson()) < 0 || !file.commit()) {
        m_toolsProblem->setText(tr("Cannot write %1: %2").arg(path, file.errorString()));
        m_toolsProblem->show();
    }
}

bool LaneToolsDialog::apply()
{
    validate();
    if (!m_parsedTools || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled() || !m_comparison || !m_lane)
        return false;
    ProviderConfig parameters = m_lane->parameters();
    const QString choice = m_toolChoice->currentText();
    if (m_parsedTools->isEmpty() || choice == u"auto")
        parameters.toolChoice = QJsonValue(QJsonValue::Undefined);
    else if (choice == u"none" || choice == u"required")
        parameters.toolChoice = choice;
    else
        parameters.toolChoice =
            QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                        {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), choice}}}};
    const QVariant parallel = m_parallel->currentData();
    parameters.parallelToolCalls = parallel.isValid() ? std::optional<bool>(parallel.toBool()) : std::nullopt;
    parameters.serverTools.clear();
    for (const QCheckBox *check : std::as_const(m_serverTools)) {
        if (check->isChecked())
            parameters.serverTools << check->property("toolName").toString();
    }
    parameters.responseSchema = m_parsedSchema;
    if (!m_comparison->setLaneParameters(m_lane, parameters) || !m_comparison->setLaneTools(m_lane, *m_parsedTools)) {
        m_toolsProblem->setText(tr("The lane is answering: stop it or wait, then apply again."));
        m_toolsProblem->show();
        return false;
    }
    QStringList off;
    for (const QCheckBox *check : std::as_const(m_mcpServers)) {
        if (!check->isChecked())
            off << check->property("serverName").toString();
    }
    if (m_mcpAllLanes && m_mcpAllLanes->isChecked()) {
        for (ComparisonLane *other : m_comparison->lanes())
            m_comparison->setLaneMcpServersOff(other, off); // a busy lane keeps its own until it is idle
    } else {
        m_comparison->setLaneMcpServersOff(m_lane, off);
    }
    m_comparison->setMaxToolRounds(m_maxRounds->value());
    return true;
}

} // namespace versus::ui

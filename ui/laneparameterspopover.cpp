// SPDX-License-Identifier: GPL-3.0-or-later
#include "laneparameterspopover.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace versus::ui {

namespace {

QString number(double value)
{
    // In the user's locale, as readNumber() reads it back.
    return QLocale().toString(value, 'g', 6);
}

// A number typed in either the C locale or the user's ("0.7" or "0,7"); nothing when empty.
std::expected<std::optional<double>, QString> readNumber(const QLineEdit *edit, const QString &name)
{
    const QString text = edit->text().trimmed();
    if (text.isEmpty())
        return std::optional<double>();
    bool ok = false;
    double value = text.toDouble(&ok);
    if (!ok)
        value = QLocale().toDouble(text, &ok);
    if (!ok)
        return std::unexpected(LaneParametersPopover::tr("%1 must be a number (it is \"%2\").").arg(name, text));
    return std::optional<double>(value);
}

std::expected<std::optional<qint64>, QString> readInteger(const QLineEdit *edit, const QString &name)
{
    const QString text = edit->text().trimmed();
    if (text.isEmpty())
        return std::optional<qint64>();
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok)
        return std::unexpected(LaneParametersPopover::tr("%1 must be a whole number (it is \"%2\").").arg(name, text));
    return std::optional<qint64>(value);
}

QComboBox *choiceBox(const QString &objectName, const QStringList &values, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(objectName);
    box->addItem(LaneParametersPopover::tr("default"), QString());
    for (const QString &value : values)
        box->addItem(value, value);
    return box;
}

} // namespace

LaneParametersPopover::LaneParametersPopover(const Provider &provider, const QString &model,
                                             const ProviderConfig &current, QWidget *parent)
    : QDialog(parent)
    , m_provider(provider)
    , m_model(model)
    , m_current(current)
    , m_temperature(new QLineEdit(this))
    , m_topP(new QLineEdit(this))
    , m_maxTokens(new QLineEdit(this))
    , m_system(new QPlainTextEdit(this))
    , m_problems(new QLabel(this))
    , m_apply(new QPushButton(tr("Apply"), this))
    , m_reset(new QPushButton(tr("Defaults"), this))
{
    setObjectName(QStringLiteral("laneParametersPopover"));
    const ProviderInfo &info = provider.info();
    setWindowTitle(tr("Parameters — %1 on %2").arg(model, info.displayName));

    const ModelInfo *known = info.findModel(model);
    const Capabilities caps = known ? enforcedCapabilities(info, *known) : info.capabilities;

    m_temperature->setObjectName(QStringLiteral("temperature"));
    m_temperature->setPlaceholderText(tr("default (0 to 2)"));
    m_topP->setObjectName(QStringLiteral("topP"));
    m_topP->setPlaceholderText(tr("default (above 0, at most 1)"));
    m_maxTokens->setObjectName(QStringLiteral("maxTokens"));
    m_maxTokens->setPlaceholderText(known && known->maxOutputTokens
                                        ? tr("default (1 to %1)").arg(*known->maxOutputTokens)
                                        : tr("default (at least 1)"));
    m_system->setObjectName(QStringLiteral("laneSystemPrompt"));
    m_system->setPlaceholderText(tr("Empty: the system prompt set by the composer, if any"));
    m_system->setTabChangesFocus(true);
    m_system->setFixedHeight(m_system->fontMetrics().lineSpacing() * 4 + 12);

    auto *form = new QFormLayout;
    form->addRow(tr("&Temperature"), m_temperature);
    form->addRow(tr("Top-&p"), m_topP);
    form->addRow(tr("&Max tokens"), m_maxTokens);
    // Only what this provider and model take: a parameter the model cannot use is not offered.
    if (!info.reasoningEfforts.isEmpty() && caps.reasoning != false) {
        m_effort = choiceBox(QStringLiteral("reasoningEffort"), info.reasoningEfforts, this);
        form->addRow(tr("Reasoning &effort"), m_effort);
    }
    if (!info.serviceTiers.isEmpty()) {
        m_tier = choiceBox(QStringLiteral("serviceTier"), info.serviceTiers, this);
        form->addRow(tr("Service &tier"), m_tier);
    }
    if (caps.functionCalls != false) {
        m_parallel = new QComboBox(this);
        m_parallel->setObjectName(QStringLiteral("parallelToolCalls"));
        m_parallel->addItem(tr("default"));
        m_parallel->addItem(tr("on"), true);
        m_parallel->addItem(tr("off"), false);
        form->addRow(tr("Parallel tool &calls"), m_parallel);
    }
    form->addRow(tr("&System prompt"), m_system);

    m_problems->setObjectName(QStringLiteral("parameterProblems"));
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    {
        QPalette palette = m_problems->palette();
        const bool dark = palette.color(QPalette::Window).lightnessF() < 0.5;
        palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28));
        m_problems->setPalette(palette);
    }
    m_problems->hide();

    m_apply->setObjectName(QStringLiteral("applyParameters"));
    m_apply->setDefault(true);
    m_reset->setObjectName(QStringLiteral("resetParameters"));
    m_reset->setToolTip(tr("Empty every field: the provider's defaults"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_reset, QDialogButtonBox::ResetRole);
    buttons->addButton(m_apply, QDialogButtonBox::ApplyRole);
    buttons->addButton(QDialogButtonBox::Cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);

    connect(m_apply, &QPushButton::clicked, this, &LaneParametersPopover::apply);
    connect(m_reset, &QPushButton::clicked, this, &LaneParametersPopover::resetFields);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showValues(current);
    m_temperature->setFocus(); // typing starts in the first field
}

void LaneParametersPopover::showValues(const ProviderConfig &config)
{
    m_temperature->setText(config.temperature ? number(*config.temperature) : QString());
    m_topP->setText(config.topP ? number(*config.topP) : QString());
    m_maxTokens->setText(config.maxTokens ? QString::number(*config.maxTokens) : QString());
    if (m_effort) {
        const int index = m_effort->findData(config.reasoningEffort);
        if (index >= 0) {
            m_effort->setCurrentIndex(index);
        } else { // a value the catalog no longer lists: shown, so Apply can say why it is refused
            m_effort->addItem(config.reasoningEffort, config.reasoningEffort);
            m_effort->setCurrentIndex(m_effort->count() - 1);
        }
    }
    if (m_tier) {
        const int index = m_tier->findData(config.serviceTier);
        if (index >= 0) {
            m_tier->setCurrentIndex(index);
        } else {
            m_tier->addItem(config.serviceTier, config.serviceTier);
            m_tier->setCurrentIndex(m_tier->count() - 1);
        }
    }
    if (m_parallel)
        m_parallel->setCurrentIndex(!config.parallelToolCalls ? 0 : *config.parallelToolCalls ? 1 : 2);
    m_system->setPlainText(config.systemPrompt);
}

void LaneParametersPopover::resetFields()
{
    ProviderConfig defaults;
    showValues(defaults);
    m_problems->hide();
}

std::expected<ProviderConfig, QStringList> LaneParametersPopover::read() const
{
    QStringList problems;
    ProviderConfig config = m_current;
    if (auto value = readNumber(m_temperature, tr("Temperature")))
        config.temperature = *value;
    else
        problems << value.error();
    if (auto value = readNumber(m_topP, tr("Top-p")))
        config.topP = *value;
    else
        problems << value.error();
    if (auto value = readInteger(m_maxTokens, tr("Max tokens")))
        config.maxTokens = *value;
    else
        problems << value.error();
    if (m_effort)
        config.reasoningEffort = m_effort->currentData().toString();
    if (m_tier)
        config.serviceTier = m_tier->currentData().toString();
    if (m_parallel) {
        const QVariant value = m_parallel->currentData();
        config.parallelToolCalls = value.isValid() ? std::optional<bool>(value.toBool()) : std::nullopt;
    }
    config.systemPrompt = m_system->toPlainText();
    if (!problems.isEmpty())
        return std::unexpected(problems);

    // The provider's own check, as a request would be checked: what it says of the new values
    // and not of the lane as it was (its tools, say) refuses them.
    const auto check = [this](ProviderConfig parameters) {
        parameters.model = m_model;
        ChatRequest request;
        request.providerId = m_provider.id();
        request.config = std::move(parameters);
        request.messages = {ChatMessage::user(QStringLiteral("?"))};
        return m_provider.validate(request);
    };
    const QStringList before = check(m_current);
    for (const QString &problem : check(config)) {
        if (!before.contains(problem))
            problems << problem;
    }
    if (!problems.isEmpty())
        return std::unexpected(problems);
    return config;
}

void LaneParametersPopover::apply()
{
    const auto config = read();
    if (!config) {
        m_problems->setText(config.error().join(u'\n'));
        m_problems->show();
        return;
    }
    m_problems->hide();
    Q_EMIT applied(*config);
    accept();
}

QString parameterChips(const ProviderConfig &config)
{
    QStringList chips;
    if (config.temperature)
        chips << QStringLiteral("T %1").arg(number(*config.temperature));
    if (config.topP)
        chips << LaneParametersPopover::tr("top-p %1").arg(number(*config.topP));
    if (config.maxTokens)
        chips << LaneParametersPopover::tr("max %1").arg(*config.maxTokens);
    if (!config.reasoningEffort.isEmpty())
        chips << LaneParametersPopover::tr("effort %1").arg(config.reasoningEffort);
    if (!config.serviceTier.isEmpty())
        chips << LaneParametersPopover::tr("tier %1").arg(config.serviceTier);
    if (config.parallelToolCalls)
        chips << (*config.parallelToolCalls ? LaneParametersPopover::tr("parallel on")
                                            : LaneParametersPopover::tr("parallel off"));
    if (!config.systemPrompt.trimmed().isEmpty())
        chips << LaneParametersPopover::tr("system");
    return chips.join(QStringLiteral(" · "));
}

QString parameterChipsToolTip(const ProviderConfig &config)
{
    QStringList lines;
    if (config.temperature)
        lines << LaneParametersPopover::tr("Temperature: %1").arg(number(*config.temperature));
    if (config.topP)
        lines << LaneParametersPopover::tr("Top-p: %1").arg(number(*config.topP));
    if (config.maxTokens)
        lines << LaneParametersPopover::tr("Max tokens: %1").arg(*config.maxTokens);
    if (!config.reasoningEffort.isEmpty())
        lines << LaneParametersPopover::tr("Reasoning effort: %1").arg(config.reasoningEffort);
    if (!config.serviceTier.isEmpty())
        lines << LaneParametersPopover::tr("Service tier: %1").arg(config.serviceTier);
    if (config.parallelToolCalls)
        lines << LaneParametersPopover::tr("Parallel tool calls: %1")
                     .arg(*config.parallelToolCalls ? LaneParametersPopover::tr("on")
                                                    : LaneParametersPopover::tr("off"));
    if (!config.systemPrompt.trimmed().isEmpty())
        lines << LaneParametersPopover::tr("System prompt: %1").arg(config.systemPrompt.left(200));
    return lines.join(u'\n');
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanetargetbar.h"

#include "capabilitybadges.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace versus::ui {

namespace {
// A model the catalog does not know: what the provider cannot do at all is known, the rest is not.
Capabilities unknownModelCapabilities(const ProviderInfo &provider)
{
    const Capabilities &all = provider.capabilities;
    auto noOrUnknown = [](const std::optional<bool> &value) {
        return value == false ? std::optional<bool>(false) : std::nullopt;
    };
    return Capabilities{noOrUnknown(all.streaming),    noOrUnknown(all.functionCalls),    noOrUnknown(all.reasoning),
                        noOrUnknown(all.builtinTools), noOrUnknown(all.structuredOutput), noOrUnknown(all.vision)};
}
} // namespace

LaneTargetBar::LaneTargetBar(const ProviderRegistry &registry, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_providerBox(new QComboBox(this))
    , m_modelBox(new QComboBox(this))
    , m_badges(new CapabilityBadges(this))
    , m_toolsButton(new QToolButton(this))
    , m_closeButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("laneTargetBar"));

    m_providerBox->setObjectName(QStringLiteral("providerBox"));
    m_providerBox->setToolTip(tr("Provider"));
    m_providerBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const Provider *provider : registry.providers())
        m_providerBox->addItem(provider->info().displayName, provider->id());

    m_modelBox->setObjectName(QStringLiteral("modelBox"));
    m_modelBox->setEditable(true);
    m_modelBox->setInsertPolicy(QComboBox::NoInsert);
    m_modelBox->setToolTip(tr("Model id: pick one the catalog knows, or type any id the provider serves"));
    m_modelBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modelBox->setMinimumContentsLength(10);
    m_modelBox->lineEdit()->setPlaceholderText(tr("model id"));

    m_toolsButton->setObjectName(QStringLiteral("laneTools"));
    m_toolsButton->setAutoRaise(true);
    setToolsSummary(0, false, 0);
    m_closeButton->setObjectName(QStringLiteral("closeLane"));
    m_closeButton->setText(QStringLiteral("✕"));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Close this lane"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 6, 4, 4);
    layout->setSpacing(6);
    layout->addWidget(m_providerBox);
    layout->addWidget(m_modelBox, 1);
    layout->addWidget(m_badges);
    layout->addWidget(m_toolsButton);
    layout->addWidget(m_closeButton);

    connect(m_providerBox, &QComboBox::currentIndexChanged, this, &LaneTargetBar::onProviderPicked);
    connect(m_modelBox, &QComboBox::currentTextChanged, this, &LaneTargetBar::onModelEdited);
    connect(m_closeButton, &QToolButton::clicked, this, &LaneTargetBar::closeRequested);
    connect(m_toolsButton, &QToolButton::clicked, this, &LaneTargetBar::toolsRequested);
}

Target LaneTargetBar::target() const
{
    return Target{m_providerBox->currentData().toString(), m_modelBox->currentText().trimmed()};
}

const Provider *LaneTargetBar::provider() const
{
    return m_registry.find(m_providerBox->currentData().toString());
}

void LaneTargetBar::setTarget(const Target &target)
{
    const QSignalBlocker blockProvider(m_providerBox);
    const QSignalBlocker blockModel(m_modelBox);
    int index = m_providerBox->findData(target.provider);
    if (index < 0)
        index = 0;
    m_providerBox->setCurrentIndex(index);
    fillModels();
    const int modelIndex = m_modelBox->findText(target.model);
    if (modelIndex >= 0)
        m_modelBox->setCurrentIndex(modelIndex);
    else
        m_modelBox->setEditText(target.model);
    m_modelBox->lineEdit()->setCursorPosition(0); // a long id shows its start, where it differs
    m_modelBox->setToolTip(target.model);
    updateBadges();
}

void LaneTargetBar::setTargetEditable(bool editable)
{
    m_providerBox->setEnabled(editable);
    m_modelBox->setEnabled(editable);
    m_toolsButton->setEnabled(editable);
}

void LaneTargetBar::setToolsSummary(int toolCount, bool schema, int serverTools)
{
    QString text = tr("Tools");
    if (toolCount + serverTools > 0)
        text += QStringLiteral(" · %1").arg(toolCount + serverTools);
    if (schema)
        text += QStringLiteral(" · {}");
    m_toolsButton->setText(text);
    QStringList tip{tr("Function tools, tools the provider runs, and structured output for this lane.")};
    if (toolCount)
        tip << tr("%n function tool(s) on.", nullptr, toolCount);
    if (serverTools)
        tip << tr("%n tool(s) run by the provider on.", nullptr, serverTools);
    if (schema)
        tip << tr("The answer must follow a JSON Schema.");
    m_toolsButton->setToolTip(tip.join(u'\n'));
}

void LaneTargetBar::setClosable(bool closable)
{
    m_closeButton->setEnabled(closable);
}

void LaneTargetBar::onProviderPicked()
{
    {
        const QSignalBlocker block(m_modelBox);
        fillModels();
        if (m_modelBox->count() > 0)
            m_modelBox->setCurrentIndex(0);
        else
            m_modelBox->setEditText(QString());
    }
    m_modelBox->setToolTip(target().model);
    updateBadges();
    Q_EMIT targetEdited(true);
}

void LaneTargetBar::onModelEdited()
{
    m_modelBox->setToolTip(target().model);
    updateBadges();
    Q_EMIT targetEdited(false);
}

void LaneTargetBar::fillModels()
{
    m_modelBox->clear();
    const Provider *p = provider();
    if (!p)
        return;
    for (const ModelInfo &model : p->info().models) {
        if (!isChatModel(model))
            continue;
        m_modelBox->addItem(model.id);
        if (!model.displayName.isEmpty())
            m_modelBox->setItemData(m_modelBox->count() - 1, model.displayName, Qt::ToolTipRole);
    }
    m_modelBox->lineEdit()->setPlaceholderText(p->info().models.isEmpty() ? tr("type a model id") : tr("model id"));
}

void LaneTargetBar::updateBadges()
{
    const Provider *p = provider();
    if (!p) {
        m_badges->setCapabilities({}, false);
        return;
    }
    const ProviderInfo &info = p->info();
    if (const ModelInfo *model = info.findModel(target().model))
        m_badges->setCapabilities(enforcedCapabilities(info, *model), true);
    else
        m_badges->setCapabilities(unknownModelCapabilities(info), false);
}

} // namespace versus::ui

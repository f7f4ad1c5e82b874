// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanetargetbar.h"

#include "capabilitybadges.h"
#include "modelpicker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

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
    , m_modelBox(new ModelPicker(this))
    , m_badges(new CapabilityBadges(this))
    , m_parametersButton(new QToolButton(this))
    , m_toolsButton(new QToolButton(this))
    , m_menuButton(new QToolButton(this))
    , m_closeButton(new QToolButton(this))
    , m_chips(new QLabel(this))
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("laneTargetBar"));

    m_providerBox->setObjectName(QStringLiteral("providerBox"));
    m_providerBox->setToolTip(tr("Provider"));
    m_providerBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const Provider *provider : registry.providers())
        m_providerBox->addItem(provider->info().displayName, provider->id());

    m_modelBox->setObjectName(QStringLiteral("modelBox"));
    m_modelBox->setToolTip(tr("Model id: pick one the provider lists (type to filter), or type any id it serves"));
    m_modelBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modelBox->setMinimumContentsLength(10);
    m_modelBox->lineEdit()->setPlaceholderText(tr("model id"));

    m_parametersButton->setObjectName(QStringLiteral("laneParameters"));
    m_parametersButton->setAutoRaise(true);
    m_parametersButton->setText(tr("Parameters"));
    m_parametersButton->setToolTip(
        tr("Temperature, top-p, max tokens, reasoning effort, service tier and system prompt of this lane"));
    m_chips->setObjectName(QStringLiteral("parameterChips"));
    m_chips->setTextFormat(Qt::PlainText);
    m_chips->setContentsMargins(4, 0, 0, 0);
    m_chips->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // long chips never widen the lane
    m_chips->setForegroundRole(QPalette::PlaceholderText);
    m_chips->hide();

    m_toolsButton->setObjectName(QStringLiteral("laneTools"));
    m_toolsButton->setAutoRaise(true);
    setToolsSummary(0, false, 0);
    m_closeButton->setObjectName(QStringLiteral("closeLane"));
    m_closeButton->setText(QStringLiteral("✕"));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Close this lane"));

    const auto addMenuAction = [this](const QString &text, const char *name, auto signal) {
        QAction *action = m_menu->addAction(text);
        action->setObjectName(QLatin1String(name));
        connect(action, &QAction::triggered, this, signal);
        return action;
    };
    m_sendHere = addMenuAction(tr("Send to this lane only"), "sendHereAction", &LaneTargetBar::sendHereRequested);
    m_sendHere->setToolTip(tr("Send the prompt in the box below to this lane alone"));
    m_focus = addMenuAction(tr("Focus lane"), "focusLaneAction", &LaneTargetBar::focusToggleRequested);
    m_focus->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_focus->setShortcutContext(Qt::WidgetShortcut); // the window's action takes the key; shown here
    m_menu->addSeparator();
    addMenuAction(tr("Parameters…"), "parametersAction", &LaneTargetBar::parametersRequested);
    addMenuAction(tr("Tools…"), "toolsAction", &LaneTargetBar::toolsRequested);
    m_menu->addSeparator();
    addMenuAction(tr("Close lane"), "closeLaneAction", &LaneTargetBar::closeRequested);
    m_menuButton->setObjectName(QStringLiteral("laneMenu"));
    m_menuButton->setText(QStringLiteral("⋯"));
    m_menuButton->setAutoRaise(true);
    m_menuButton->setToolTip(tr("More for this lane: send to it alone, focus it"));
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    m_menuButton->setMenu(m_menu);

    m_menuButton->setStyleSheet(QStringLiteral("QToolButton::menu-indicator { image: none; }"));

    // Two rows: what the lane asks, with its menu; then what the model can do and how it is asked.
    auto *row = new QHBoxLayout;
    row->setContentsMargins(6, 6, 4, 0);
    row->setSpacing(6);
    row->addWidget(m_providerBox);
    row->addWidget(m_modelBox, 1);
    row->addWidget(m_menuButton);
    row->addWidget(m_closeButton);
    auto *second = new QHBoxLayout;
    second->setContentsMargins(6, 2, 4, 4);
    second->setSpacing(6);
    second->addWidget(m_badges);
    second->addWidget(m_parametersButton);
    second->addWidget(m_toolsButton);
    second->addWidget(m_chips, 1);
    second->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(row);
    layout->addLayout(second);

    connect(m_providerBox, &QComboBox::currentIndexChanged, this, &LaneTargetBar::onProviderPicked);
    connect(m_modelBox, &QComboBox::currentTextChanged, this, &LaneTargetBar::onModelEdited);
    connect(m_closeButton, &QToolButton::clicked, this, &LaneTargetBar::closeRequested);
    connect(m_toolsButton, &QToolButton::clicked, this, &LaneTargetBar::toolsRequested);
    connect(m_parametersButton, &QToolButton::clicked, this, &LaneTargetBar::parametersRequested);
}

QComboBox *LaneTargetBar::modelBox() const
{
    return m_modelBox;
}

void LaneTargetBar::setParameterChips(const QString &chips, const QString &toolTip)
{
    m_chips->setText(chips);
    m_chips->setToolTip(toolTip);
    m_chips->setVisible(!chips.isEmpty());
}

void LaneTargetBar::setFocused(bool focused)
{
    m_focus->setText(focused ? tr("Show all lanes") : tr("Focus lane"));
    m_focus->setToolTip(focused ? tr("Show every lane side by side again") : tr("Give this lane the whole width"));
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
    m_parametersButton->setEnabled(editable);
    m_sendHere->setEnabled(editable);
    for (QAction *action : m_menu->actions()) {
        if (action->objectName() == u"parametersAction" || action->objectName() == u"toolsAction")
            action->setEnabled(editable);
    }
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
    for (QAction *action : m_menu->actions()) {
        if (action->objectName() == u"closeLaneAction")
            action->setEnabled(closable);
    }
}

void LaneTargetBar::onProviderPicked()
{
    {
        const QSignalBlocker block(m_modelBox);
        fillModels();
        // The catalog's first chat model (its pick for the provider), else the list's first.
        QString first;
        if (const Provider *p = provider()) {
            for (const ModelInfo &model : p->info().models) {
                if (isChatModel(model)) {
                    first = model.id;
                    break;
                }
            }
        }
        const int index = first.isEmpty() ? -1 : m_modelBox->findText(first);
        if (index >= 0)
            m_modelBox->setCurrentIndex(index);
        else if (!first.isEmpty())
            m_modelBox->setEditText(first);
        else if (m_modelBox->count() > 0)
            m_modelBox->setCurrentIndex(0);
        else
            m_modelBox->setEditText(QString());
    }
    m_modelBox->refresh(); // the provider's live list, in the background
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
    m_modelBox->setProvider(provider());
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

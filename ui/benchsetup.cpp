// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchsetup.h"

#include "compare/modelsets.h"
#include "engine/engine.h"
#include "modelpicker.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace versus::ui {

namespace {

const QString kTyped = QStringLiteral("typed");
const QString kFile = QStringLiteral("file");
const QString kChooseFile = QStringLiteral("choose-file");

QString promptSetTitle(const QString &name)
{
    if (name == u"short")
        return BenchSetup::tr("Short answers");
    if (name == u"long")
        return BenchSetup::tr("Long answers");
    if (name == u"reasoning")
        return BenchSetup::tr("Reasoning");
    if (name == u"tools")
        return BenchSetup::tr("Tool call");
    return name;
}

QStringList typedLines(const QString &text)
{
    QStringList prompts;
    for (const QString &line : text.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            prompts << line.trimmed();
    }
    return prompts;
}

} // namespace

BenchSetup::BenchSetup(Engine &engine, ModelListSource *models, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_provider(new QComboBox(this))
    , m_model(new ModelPicker(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_modelSets(new QToolButton(this))
    , m_lanes(new QPushButton(tr("Window's &lanes"), this))
    , m_targetList(new QListWidget(this))
    , m_promptSource(new QComboBox(this))
    , m_prompts(new QPlainTextEdit(this))
    , m_promptProblem(new QLabel(this))
    , m_runs(new QSpinBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_warmup(new QSpinBox(this))
    , m_maxTokens(new QSpinBox(this))
{
    setObjectName(QStringLiteral("benchSetup"));
    m_provider->setObjectName(QStringLiteral("benchProvider"));
    m_provider->setToolTip(tr("Provider"));
    for (const Provider *provider : engine.registry().providers())
        m_provider->addItem(provider->info().displayName, provider->id());
    m_model->setObjectName(QStringLiteral("benchModel"));
    m_model->setToolTip(tr("Model: pick one or type any id"));
    m_model->setSource(models, &engine.prices());
    m_model->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto pickProvider = [this] {
        m_model->setProvider(m_engine.registry().find(m_provider->currentData().toString()));
    };
    connect(m_provider, &QComboBox::currentIndexChanged, this, pickProvider);
    pickProvider();

    m_add->setObjectName(QStringLiteral("benchAddTarget"));
    m_add->setToolTip(tr("Add this provider and model to the targets"));
    m_remove->setObjectName(QStringLiteral("benchRemoveTarget"));
    m_modelSets->setObjectName(QStringLiteral("benchModelSets"));
    m_modelSets->setText(tr("Use model &set"));
    m_modelSets->setToolTip(tr("The targets of a saved model set"));
    m_modelSets->setPopupMode(QToolButton::InstantPopup);
    auto *setsMenu = new QMenu(m_modelSets);
    m_modelSets->setMenu(setsMenu);
    connect(setsMenu, &QMenu::aboutToShow, this, &BenchSetup::fillModelSetsMenu);
    m_lanes->setObjectName(QStringLiteral("benchLaneTargets"));
    m_lanes->setToolTip(tr("The targets of the window's lanes"));
    m_targetList->setObjectName(QStringLiteral("benchTargets"));
    m_targetList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_targetList->setMinimumHeight(70);

    connect(m_add, &QPushButton::clicked, this, [this] {
        const QString model = m_model->currentText().trimmed();
        if (!model.isEmpty())
            addTarget(Target{m_provider->currentData().toString(), model});
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_targetList->selectedItems());
        updateButtons();
        Q_EMIT changed();
    });
    connect(m_lanes, &QPushButton::clicked, this, [this] {
        if (m_laneTargets)
            setTargets(m_laneTargets());
    });
    connect(m_targetList, &QListWidget::itemSelectionChanged, this, &BenchSetup::updateButtons);

    m_promptSource->setObjectName(QStringLiteral("benchPromptSource"));
    for (const bench::PromptSet &set : bench::builtinPromptSets())
        m_promptSource->addItem(promptSetTitle(set.name), set.name);
    m_promptSource->addItem(tr("Typed below, one per line"), kTyped);
    m_promptSource->addItem(tr("From file…"), kChooseFile);
    m_prompts->setObjectName(QStringLiteral("benchPrompts"));
    m_prompts->setTabChangesFocus(true);
    m_prompts->setMinimumHeight(60);
    m_prompts->setPlaceholderText(tr("One prompt per line"));
    m_promptProblem->setObjectName(QStringLiteral("benchPromptProblem"));
    m_promptProblem->setWordWrap(true);
    m_promptProblem->setTextFormat(Qt::PlainText);
    m_promptProblem->hide();
    connect(m_promptSource, &QComboBox::activated, this, &BenchSetup::onPromptSourcePicked);
    connect(m_prompts, &QPlainTextEdit::textChanged, this, &BenchSetup::changed);

    m_runs->setObjectName(QStringLiteral("benchRuns"));
    m_runs->setRange(1, 1000);
    m_runs->setValue(5);
    m_runs->setToolTip(tr("Requests per target and prompt"));
    m_concurrency->setObjectName(QStringLiteral("benchConcurrency"));
    m_concurrency->setRange(1, 64);
    m_concurrency->setValue(1);
    m_concurrency->setToolTip(tr("At most this many requests of a target at once (targets run side by side)"));
    m_warmup->setObjectName(QStringLiteral("benchWarmup"));
    m_warmup->setRange(0, 20);
    m_warmup->setToolTip(tr("Requests per target sent first and left out of the figures (connections, caches)"));
    m_maxTokens->setObjectName(QStringLiteral("benchMaxTokens"));
    m_maxTokens->setRange(0, 1'000'000);
    m_maxTokens->setSingleStep(64);
    m_maxTokens->setSpecialValueText(tr("provider's default"));
    m_maxTokens->setToolTip(tr("The most answer tokens a request may use"));

    auto *pickRow = new QHBoxLayout;
    pickRow->addWidget(m_provider);
    pickRow->addWidget(m_model, 1);
    pickRow->addWidget(m_add);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_remove);
    listButtons->addWidget(m_modelSets);
    listButtons->addWidget(m_lanes);
    listButtons->addStretch();
    auto *numbers = new QFormLayout;
    numbers->addRow(tr("R&uns:"), m_runs);
    numbers->addRow(tr("&Concurrency:"), m_concurrency);
    numbers->addRow(tr("&Warm-up:"), m_warmup);
    numbers->addRow(tr("Max &tokens:"), m_maxTokens);

    auto *targetsLabel = new QLabel(tr("<b>Targets</b>"), this);
    auto *promptsLabel = new QLabel(tr("<b>&Prompts</b>"), this);
    promptsLabel->setBuddy(m_promptSource);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(targetsLabel);
    layout->addLayout(pickRow);
    layout->addWidget(m_targetList, 1);
    layout->addLayout(listButtons);
    layout->addSpacing(6);
    layout->addWidget(promptsLabel);
    layout->addWidget(m_promptSource);
    layout->addWidget(m_prompts, 1);
    layout->addWidget(m_promptProblem);
    layout->addSpacing(6);
    layout->addLayout(numbers);

    m_lastPromptSource = 0;
    showPrompts();
    updateButtons();
}

void BenchSetup::setTargets(const QList<Target> &targets)
{
    m_targetList->clear();
    for (const Target &target : targets)
        addTarget(target);
    updateButtons();
    Q_EMIT changed();
}

QList<Target> BenchSetup::targets() const
{
    QList<Target> targets;
    for (int i = 0; i < m_targetList->count(); ++i) {
        if (auto target = Target::parse(m_targetList->item(i)->text()))
            targets << *target;
    }
    return targets;
}

void BenchSetup::addTarget(const Target &target)
{
    const QString text = target.toString();
    if (!m_targetList->findItems(text, Qt::MatchExactly).isEmpty())
        return;
    auto *item = new QListWidgetItem(text, m_targetList);
    if (const Provider *provider = m_engine.registry().find(target.provider))
        item->setToolTip(tr("%1, model %2").arg(provider->info().displayName, target.model));
    else
        item->setToolTip(tr("A provider this Versus does not know: requests to it will fail"));
    updateButtons();
    Q_EMIT changed();
}

bool BenchSetup::selectPromptSet(const QString &name)
{
    const int index = m_promptSource->findData(name);
    if (index < 0 || name == kTyped || name == kChooseFile || name == kFile)
        return false;
    m_promptSource->setCurrentIndex(index);
    m_lastPromptSource = index;
    showPrompts();
    return true;
}

void BenchSetup::setTypedPrompts(const QStringList &prompts)
{
    const int index = m_promptSource->findData(kTyped);
    m_promptSource->setCurrentIndex(index);
    m_lastPromptSource = index;
    showPrompts();
    m_prompts->setPlainText(prompts.join(u'\n'));
}

std::expected<void, QString> BenchSetup::loadPromptFile(const QString &path)
{
    auto set = bench::readPromptFile(path);
    if (!set) {
        m_promptProblem->setText(set.error());
        m_promptProblem->show();
        return std::unexpected(set.error());
    }
    m_filePrompts = *set;
    int index = m_promptSource->findData(kFile);
    const QString title = tr("File: %1").arg(QFileInfo(path).fileName());
    if (index < 0) {
        index = m_promptSource->findData(kChooseFile);
        m_promptSource->insertItem(index, title, kFile);
    } else {
        m_promptSource->setItemText(index, title);
    }
    m_promptSource->setItemData(index, path, Qt::ToolTipRole);
    m_promptSource->setCurrentIndex(index);
    m_lastPromptSource = index;
    m_promptProblem->hide();
    showPrompts();
    return {};
}

void BenchSetup::onPromptSourcePicked()
{
    if (m_promptSource->currentData().toString() == kChooseFile) {
        const QString path = m_askPromptFile
                                 ? m_askPromptFile()
                                 : QFileDialog::getOpenFileName(this, tr("Prompt file"), QString(),
                                                                tr("Prompt files (*.txt *.json);;All files (*)"));
        if (path.isEmpty() || !loadPromptFile(path)) {
            m_promptSource->setCurrentIndex(m_lastPromptSource);
            return;
        }
        return;
    }
    m_lastPromptSource = m_promptSource->currentIndex();
    m_promptProblem->hide();
    showPrompts();
}

void BenchSetup::showPrompts()
{
    const QString source = m_promptSource->currentData().toString();
    const bool typed = source == kTyped;
    m_prompts->setReadOnly(!typed);
    if (typed) {
        m_prompts->clear();
        m_prompts->setFocus();
    } else if (source == kFile && m_filePrompts) {
        m_prompts->setPlainText(m_filePrompts->prompts.join(u'\n'));
    } else if (auto set = bench::builtinPromptSet(source)) {
        m_prompts->setPlainText(set->prompts.join(u'\n'));
    }
    Q_EMIT changed();
}

std::expected<bench::BenchSpec, QString> BenchSetup::spec() const
{
    bench::BenchSpec spec;
    spec.targets = targets();
    if (spec.targets.isEmpty())
        return std::unexpected(tr("Add at least one target: a provider and a model."));
    const QString source = m_promptSource->currentData().toString();
    if (source == kTyped) {
        spec.prompts.name = tr("typed prompts");
        spec.prompts.prompts = typedLines(m_prompts->toPlainText());
    } else if (source == kFile && m_filePrompts) {
        spec.prompts = *m_filePrompts;
    } else if (auto set = bench::builtinPromptSet(source)) {
        spec.prompts = *set;
    }
    if (spec.prompts.prompts.isEmpty())
        return std::unexpected(tr("Type at least one prompt, or pick a prompt set."));
    spec.runs = m_runs->value();
    spec.concurrency = m_concurrency->value();
    spec.warmup = m_warmup->value();
    if (m_maxTokens->value() > 0)
        spec.parameters.maxTokens = m_maxTokens->value();
    return spec;
}

void BenchSetup::setEditable(bool editable)
{
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_provider, m_model, m_add, m_modelSets, m_lanes, m_targetList,
                                          m_promptSource, m_runs, m_concurrency, m_warmup, m_maxTokens})
        widget->setEnabled(editable);
    m_prompts->setReadOnly(!editable || m_promptSource->currentData().toString() != kTyped);
    updateButtons();
}

void BenchSetup::fillModelSetsMenu()
{
    QMenu *menu = m_modelSets->menu();
    menu->clear();
    const auto sets = ModelSetFile().read();
    if (!sets) {
        menu->addAction(tr("The model sets cannot be read: %1").arg(sets.error()))->setEnabled(false);
        return;
    }
    if (sets->isEmpty()) {
        menu->addAction(tr("No saved model sets (Model sets → Save current lanes as set…)"))->setEnabled(false);
        return;
    }
    for (const ModelSet &set : *sets) {
        QList<Target> targets;
        for (const ModelSetLane &lane : set.lanes)
            targets << lane.target;
        QAction *action = menu->addAction(set.name);
        connect(action, &QAction::triggered, this, [this, targets] { setTargets(targets); });
    }
}

void BenchSetup::updateButtons()
{
    m_remove->setEnabled(m_targetList->isEnabled() && !m_targetList->selectedItems().isEmpty());
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "welcomeview.h"

#include "engine/engine.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace versus::ui {

WelcomeView::WelcomeView(Engine &engine, QWidget *parent)
    : QFrame(parent)
    , m_probe(new LocalServerProbe(engine.network(), engine.registry(), this))
    , m_status(new QLabel(this))
    , m_rescan(new QPushButton(tr("Look again"), this))
    , m_servers(new QVBoxLayout)
{
    setObjectName(QStringLiteral("welcomeView"));
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    auto *title = new QLabel(tr("Welcome to Versus"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("welcomeClose"));
    close->setToolTip(tr("Show the lanes (Help → Welcome brings this back)"));
    auto *top = new QHBoxLayout;
    top->addWidget(title, 1);
    top->addWidget(close);

    auto *points = new QLabel(this);
    points->setTextFormat(Qt::RichText);
    points->setWordWrap(true);
    points->setText(
        QStringLiteral("<ul><li><b>%1</b> %2</li><li><b>%3</b> %4</li><li><b>%5</b> %6</li></ul>")
            .arg(tr("Chat with a model.").toHtmlEscaped(),
                 tr("Any provider of the catalog, a custom OpenAI-compatible endpoint or a model "
                    "server on this machine.")
                     .toHtmlEscaped(),
                 tr("Compare models side by side.").toHtmlEscaped(),
                 tr("One prompt to several lanes at once, with live speed, tokens and cost.").toHtmlEscaped(),
                 tr("Keep keys safe and every conversation.").toHtmlEscaped(),
                 tr("API keys stay in the system keychain; prompts and answers are kept in the "
                    "history, searchable.")
                     .toHtmlEscaped()));
    auto *keys = new QPushButton(tr("Providers && Keys…"), this);
    keys->setObjectName(QStringLiteral("welcomeKeys"));
    keys->setToolTip(tr("Add the API key of a provider"));
    auto *keysRow = new QHBoxLayout;
    keysRow->addWidget(keys);
    keysRow->addStretch(1);

    auto *localTitle = new QLabel(tr("Model servers on this machine"), this);
    QFont bold = localTitle->font();
    bold.setBold(true);
    localTitle->setFont(bold);
    m_status->setObjectName(QStringLiteral("welcomeProbeStatus"));
    m_status->setWordWrap(true);
    m_rescan->setObjectName(QStringLiteral("welcomeRescan"));
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_rescan);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->addLayout(top);
    layout->addWidget(points);
    layout->addLayout(keysRow);
    layout->addSpacing(12);
    layout->addWidget(localTitle);
    layout->addLayout(m_servers);
    layout->addLayout(statusRow);
    layout->addStretch(1);

    connect(close, &QPushButton::clicked, this, &WelcomeView::closeRequested);
    connect(keys, &QPushButton::clicked, this, &WelcomeView::openKeysRequested);
    connect(m_rescan, &QPushButton::clicked, this, [this] { probe(); });
    connect(m_probe, &LocalServerProbe::found, this, &WelcomeView::addServer);
    connect(m_probe, &LocalServerProbe::finished, this, &WelcomeView::probeFinished);
}

void WelcomeView::probe(int timeoutMs)
{
    while (QLayoutItem *item = m_servers->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_status->setText(tr("Looking for Ollama, llama.cpp and LM Studio…"));
    m_rescan->setEnabled(false);
    m_probe->start(timeoutMs);
}

void WelcomeView::addServer(const LocalServer &server)
{
    auto *row = new QWidget(this);
    row->setObjectName(QStringLiteral("localServer_") + server.providerId);
    auto *name = new QLabel(tr("%1 at %2").arg(server.name, server.baseUrl.toDisplayString()), row);
    auto *models = new QComboBox(row);
    models->setObjectName(QStringLiteral("localModels_") + server.providerId);
    models->addItems(server.models);
    models->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *open = new QPushButton(tr("Open a lane"), row);
    open->setObjectName(QStringLiteral("openLocal_") + server.providerId);
    open->setEnabled(!server.models.isEmpty());
    open->setToolTip(server.models.isEmpty() ? tr("The server lists no model: load one in it first")
                                             : tr("Compare or chat with this model"));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(name);
    layout->addWidget(models);
    layout->addWidget(open);
    layout->addStretch(1);
    m_servers->addWidget(row);
    const QString id = server.providerId;
    connect(open, &QPushButton::clicked, this, [this, id, models] {
        Q_EMIT openLaneRequested(Target{id, models->currentText()});
    });
}

void WelcomeView::probeFinished()
{
    m_rescan->setEnabled(true);
    m_status->setText(m_probe->servers().isEmpty()
                          ? tr("None found. Start Ollama, llama.cpp or LM Studio, then look again.")
                          : QString());
}

} // namespace versus::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionstatus.h"

#include "compare/comparison.h"
#include "engine/engine.h"

#include <QLabel>
#include <QLocale>
#include <QStatusBar>

namespace versus::ui {

SessionStatus::SessionStatus(QStatusBar *bar, const Engine &engine, const Comparison &comparison)
    : QObject(bar)
    , m_comparison(comparison)
    , m_cost(new QLabel(bar))
    , m_catalogProblems(new QLabel(bar))
{
    m_cost->setObjectName(QStringLiteral("sessionCost"));
    m_cost->setToolTip(tr("What every answer of this session cost, from the providers' token counts and the price "
                          "catalog. \"≥\": some answers had no price; \"≈\": some token counts were estimated."));
    bar->addPermanentWidget(m_cost);
    m_catalogProblems->setObjectName(QStringLiteral("catalogProblems"));
    bar->addWidget(m_catalogProblems);
    QStringList problems;
    for (const CatalogProblem &problem : engine.catalogProblems())
        problems << problem.toString();
    for (const PriceError &error : engine.priceProblems())
        problems << error.toString();
    m_catalogProblems->setVisible(!problems.isEmpty());
    m_catalogProblems->setText(tr("⚠ %n problem(s) in the provider or price catalogs", nullptr, int(problems.size())));
    m_catalogProblems->setToolTip(problems.join(u'\n'));
    updateCost();
}

void SessionStatus::updateCost()
{
    const CostTotals &cost = m_comparison.sessionCost();
    m_cost->setText(cost.isEmpty() ? tr("Session cost: nothing spent yet")
                                   : tr("Session cost: %1").arg(cost.describe(QLocale())));
}

} // namespace versus::ui

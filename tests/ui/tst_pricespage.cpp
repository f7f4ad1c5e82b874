// SPDX-License-Identifier: GPL-3.0-or-later
// The Prices page on its own: what it refuses, what a user of each locale types and reads,
// and how it sorts. (Saving an override and being charged at it: tst_settings.)
#include "pricing/pricecatalog.h"
#include "settings/pricespage.h"
#include "settingsharness.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScopeGuard>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTest>

#include <algorithm>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;

class tst_PricesPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void badPriceIsRefused_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("model");
        QTest::addRow("words") << QStringLiteral("cheap") << QStringLiteral("1") << QStringLiteral("m");
        QTest::addRow("negative") << QStringLiteral("-1") << QStringLiteral("1") << QStringLiteral("m");
        QTest::addRow("empty output") << QStringLiteral("1") << QString() << QStringLiteral("m");
        QTest::addRow("too precise") << QStringLiteral("0.0000001") << QStringLiteral("1") << QStringLiteral("m");
        QTest::addRow("no model") << QStringLiteral("1") << QStringLiteral("1") << QString();
    }
    void badPriceIsRefused()
    {
        QFETCH(QString, input);
        QFETCH(QString, output);
        QFETCH(QString, model);
        Harness harness;
        PricesPage page(*harness.engine);
        page.show();
        part<QLineEdit>(&page, "priceModel")->setText(model);
        part<QLineEdit>(&page, "priceInput")->setText(input);
        part<QLineEdit>(&page, "priceOutput")->setText(output);
        QVERIFY(!page.saveOverride());
        QVERIFY(part<QLabel>(&page, "priceError")->isVisible());
        QVERIFY(!part<QLabel>(&page, "priceError")->text().isEmpty());
        QVERIFY(!QFile::exists(PriceCatalog::defaultOverridePath()));
    }

    void priceTypedInTheLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("shown"); // in the table; empty: refused
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        const QLocale french(QLocale::French, QLocale::France);
        QTest::addRow("en point") << english << QStringLiteral("0.15") << QStringLiteral("0.15");
        QTest::addRow("en dollar") << english << QStringLiteral("$0.15") << QStringLiteral("0.15");
        QTest::addRow("en comma") << english << QStringLiteral("0,15") << QString();
        QTest::addRow("fr comma") << french << QStringLiteral("0,15") << QStringLiteral("0,15");
        QTest::addRow("fr point") << french << QStringLiteral("0.15") << QStringLiteral("0,15");
        QTest::addRow("fr dollar after") << french << QStringLiteral("0,15 $") << QStringLiteral("0,15");
        QTest::addRow("fr two separators") << french << QStringLiteral("0,1.5") << QString();
    }
    void priceTypedInTheLocale()
    {
        // A French user types "0,15" and reads "0,15"; the price is exact either way.
        QFETCH(QLocale, locale);
        QFETCH(QString, typed);
        QFETCH(QString, shown);
        const QLocale before;
        QLocale::setDefault(locale);
        const auto restore = qScopeGuard([&] { QLocale::setDefault(before); });
        Harness harness;
        PricesPage page(*harness.engine);
        page.show();
        QVERIFY(part<QLineEdit>(&page, "priceInput")->placeholderText().contains(locale.decimalPoint()));
        const QString provider = part<QComboBox>(&page, "priceProvider")->currentData().toString();
        part<QLineEdit>(&page, "priceModel")->setText(QStringLiteral("typed-model"));
        part<QLineEdit>(&page, "priceInput")->setText(typed);
        part<QLineEdit>(&page, "priceOutput")->setText(QStringLiteral("2"));
        if (shown.isEmpty()) {
            QVERIFY(!page.saveOverride());
            QVERIFY(part<QLabel>(&page, "priceError")->text().contains(u"0" + locale.decimalPoint() + u"15"));
            QVERIFY(!QFile::exists(PriceCatalog::defaultOverridePath()));
            return;
        }
        QVERIFY2(page.saveOverride(), qPrintable(part<QLabel>(&page, "priceError")->text()));
        const auto entry = harness.engine->prices().find(provider, QStringLiteral("typed-model"));
        QVERIFY(entry);
        QCOMPARE(entry->price.inputMicroPerMtok, 150'000);
        QCOMPARE(entry->price.outputMicroPerMtok, 2'000'000);
        const QAbstractItemModel *rows = page.model();
        int found = -1;
        for (int row = 0; row < rows->rowCount(); ++row) {
            if (rows->index(row, PricesPage::ModelColumn).data().toString() == u"typed-model")
                found = row;
        }
        QVERIFY(found >= 0);
        QCOMPARE(rows->index(found, PricesPage::InputColumn).data().toString(), shown);
        QCOMPARE(QFile::remove(PriceCatalog::defaultOverridePath()), true);
    }

    void pricesSortAsNumbers()
    {
        Harness harness;
        PricesPage page(*harness.engine);
        QSortFilterProxyModel *rows = page.filtered();
        // Every bundled model has an input price; a few (Anthropic's) have a cache-write price.
        for (const auto &[column, least] :
             {std::pair{int(PricesPage::InputColumn), 10}, std::pair{int(PricesPage::CacheWriteColumn), 3}}) {
            rows->sort(column, Qt::AscendingOrder);
            QList<double> figures;
            int blanks = 0;
            for (int row = 0; row < rows->rowCount(); ++row) {
                const QString text = rows->index(row, column).data().toString();
                if (text.isEmpty()) {
                    ++blanks;
                    continue;
                }
                QVERIFY2(!blanks, "a price listed after a model without one");
                figures << QLocale().toDouble(text);
            }
            QVERIFY(figures.size() > least);
            QVERIFY2(std::is_sorted(figures.cbegin(), figures.cend()), qPrintable(QString::number(column)));
            QVERIFY(figures.constFirst() < figures.constLast());
        }
    }
};

QTEST_MAIN(tst_PricesPage)
#include "tst_pricespage.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// versus-cli pricing [--json]: the effective price table (bundled catalog + the user's overrides).
#include "commands.h"
#include "engine/engine.h"
#include "pricing/fixedpoint.h"
#include "pricing/pricecatalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace versus::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("versus::cli::Pricing", text);
}

QString usage()
{
    return tr("Usage: versus-cli pricing [--json]\n"
              "\n"
              "Show the effective price table: the bundled catalog, with each entry replaced by\n"
              "your own where %1 has one. Prices are USD per million tokens.\n"
              "\n"
              "Options:\n"
              "  --json       Print one JSON document {\"prices\": [...]}\n"
              "  -h, --help   Show this help\n")
        .arg(PriceCatalog::defaultOverridePath());
}

/// USD per Mtok with at least two decimals and every significant digit: "0.60", "0.0375".
QString perMtok(qint64 micro)
{
    QString text = formatFixedPoint(micro, 6);
    const qsizetype point = text.indexOf(u'.');
    if (point < 0)
        return text + QStringLiteral(".00");
    if (text.size() - point - 1 < 2)
        text += u'0';
    return text;
}

QString cachedText(const Price &price)
{
    return price.cachedInputMicroPerMtok ? perMtok(*price.cachedInputMicroPerMtok) : tr("=input");
}

QString cacheWriteText(const Price &price)
{
    return price.cacheWriteMicroPerMtok ? perMtok(*price.cacheWriteMicroPerMtok) : tr("=input");
}

/// "mon-fri" for a run of three or more days, else "sat,sun".
QString daysText(const QList<int> &days)
{
    QStringList parts;
    for (qsizetype i = 0; i < days.size();) {
        qsizetype j = i;
        while (j + 1 < days.size() && days[j + 1] == days[j] + 1)
            ++j;
        if (j - i >= 2) {
            parts << weekdayName(days[i]) + u'-' + weekdayName(days[j]);
        } else {
            for (qsizetype k = i; k <= j; ++k)
                parts << weekdayName(days[k]);
        }
        i = j + 1;
    }
    return parts.join(u',');
}

QString tierLine(const PriceTier &tier)
{
    QStringList windows;
    for (const TimeWindow &window : tier.windows)
        windows << window.toString();
    const QString when = windows.isEmpty() ? daysText(tier.days) : daysText(tier.days) + u' ' + windows.join(u' ');
    return tr("%1 (%2 UTC): %3 / %4 / %5")
        .arg(tier.name, when, perMtok(tier.price.inputMicroPerMtok), cachedText(tier.price),
             perMtok(tier.price.outputMicroPerMtok));
}

void printTable(QTextStream &out, const QList<PriceEntry> &entries)
{
    const QStringList header{tr("PROVIDER"), tr("MODEL"),  tr("INPUT"), tr("CACHED"), tr("CACHE WRITE"),
                             tr("OUTPUT"),   tr("ORIGIN"), tr("AS OF"), tr("SOURCE")};
    QList<QStringList> rows;
    for (const PriceEntry &entry : entries) {
        rows << QStringList{entry.provider,
                            entry.model,
                            perMtok(entry.price.inputMicroPerMtok),
                            cachedText(entry.price),
                            cacheWriteText(entry.price),
                            perMtok(entry.price.outputMicroPerMtok),
                            priceOriginName(entry.origin),
                            entry.asOf.isValid() ? entry.asOf.toString(Qt::ISODate) : tr("-"),
                            entry.source.isEmpty() ? tr("-") : entry.source};
    }
    QList<qsizetype> widths;
    for (const QString &title : header)
        widths << title.size();
    for (const QStringList &row : std::as_const(rows)) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], row[column].size());
    }
    const auto printRow = [&](const QStringList &row) {
        QString line;
        for (qsizetype column = 0; column < row.size(); ++column) {
            const bool number = column >= 2 && column <= 5;
            const bool last = column == row.size() - 1;
            line += number ? row[column].rightJustified(widths[column])
                           : (last ? row[column] : row[column].leftJustified(widths[column]));
            if (!last)
                line += QStringLiteral("  ");
        }
        out << line << '\n';
    };
    out << tr("USD per million tokens. INPUT: prompt tokens not served from cache; CACHED \"=input\": no cache "
              "discount; CACHE WRITE: prompt tokens written to the cache (\"=input\": billed as input).")
        << '\n';
    printRow(header);
    const QString indent(widths[0] + 2, u' ');
    for (qsizetype i = 0; i < entries.size(); ++i) {
        printRow(rows[i]);
        const PriceEntry &entry = entries[i];
        for (const PriceTier &tier : entry.tiers)
            out << indent << tierLine(tier) << '\n';
        if (!entry.tiers.isEmpty() && !entry.baseTier.isEmpty())
            out << indent << tr("%1: the row's prices, at all other times").arg(entry.baseTier) << '\n';
    }
}

} // namespace

void runPricing(CommandContext &context, Done done)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOption(jsonOption);
    parser.addOption(helpOption);
    if (!parser.parse(QStringList{QStringLiteral("versus-cli")} + context.arguments)) {
        context.err << "versus-cli pricing: " << parser.errorText() << "\n\n" << usage();
        done(ExitUsage);
        return;
    }
    if (parser.isSet(helpOption)) {
        context.out << usage();
        done(ExitOk);
        return;
    }
    if (!parser.positionalArguments().isEmpty()) {
        context.err << "versus-cli pricing: "
                    << tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()) << "\n\n"
                    << usage();
        done(ExitUsage);
        return;
    }

    // The engine's catalog, loaded as chat and compare load it (bundled, prices from cached
    // model lists, your overrides): the table shown is the one answers are charged with.
    EngineOptions options;
    options.network = &context.network;
    options.history = false;
    const Engine engine(options);
    const PriceCatalog &catalog = engine.prices();
    const QString overridePath = PriceCatalog::defaultOverridePath();
    const QList<PriceError> errors = engine.priceProblems();
    // Never ignored: every problem goes to stderr, the valid entries are still shown.
    for (const PriceError &error : errors)
        context.err << "versus-cli pricing: " << error.toString() << '\n';

    const QList<PriceEntry> entries = catalog.effective();
    if (parser.isSet(jsonOption)) {
        QJsonArray prices;
        for (const PriceEntry &entry : entries)
            prices.append(PriceCatalog::toJson(entry));
        context.out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("prices"), prices}}).toJson());
    } else {
        printTable(context.out, entries);
        const bool present = QFileInfo::exists(overridePath);
        context.out << '\n'
                    << (present ? tr("Your overrides: %1").arg(overridePath)
                                : tr("Your overrides: %1 (no such file; same schema as the bundled catalog, "
                                     "see docs/pricing.md)")
                                      .arg(overridePath))
                    << '\n';
    }
    done(errors.isEmpty() ? ExitOk : ExitFailure);
}

} // namespace versus::cli

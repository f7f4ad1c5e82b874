// SPDX-License-Identifier: GPL-3.0-or-later
// The one machine-readable line each benchmark prints per headline figure, beside its human
// output; script/bench collects them into one table:
//   FIGURE|<n>|<what>|<value and unit>|<reference: what and value>|<ratio>|<goal>|<met: yes, no or ->
// n is the figure's number in the performance suite (1 stream pipeline, 2 app-added latency,
// 3 rendering, 4 history open, 5 start-up and idle).
#pragma once

#include <QString>
#include <QTextStream>

#include <optional>

namespace versus::bench {

struct FigureLine {
    int figure = 0;
    QString what;
    QString value;     ///< with its unit: "1.84 ms"
    QString reference; ///< what the value is compared with, and its value: "bare client 0.21 ms"
    QString ratio;     ///< "8.8×", or "-"
    QString goal;
    std::optional<bool> met; ///< empty: the figure has no goal to meet, or it could not be told

    QString toString() const
    {
        // A field never holds the separator (nor a line break): the line must split into eight.
        const auto field = [](QString text) {
            text.replace(u'|', u'/');
            text.replace(u'\n', u' ');
            return text.isEmpty() ? QStringLiteral("-") : text;
        };
        return QStringLiteral("FIGURE|%1|%2|%3|%4|%5|%6|%7")
            .arg(figure)
            .arg(field(what), field(value), field(reference), field(ratio), field(goal),
                 met ? (*met ? QStringLiteral("yes") : QStringLiteral("no")) : QStringLiteral("-"));
    }
};

/// @p value with @p decimals decimals and @p unit after a space: "1.84 ms".
inline QString withUnit(double value, int decimals, const QString &unit)
{
    return QString::number(value, 'f', decimals) + u' ' + unit;
}

/// @p a / @p b as "8.8×" (decimals as given), "-" when @p b is not positive.
inline QString ratioOf(double a, double b, int decimals = 2)
{
    return b > 0 ? QString::number(a / b, 'f', decimals) + QStringLiteral("×") : QStringLiteral("-");
}

/// Prints @p line on stdout on a line of its own (flushed, so it is never interleaved).
inline void printFigure(const FigureLine &line)
{
    QTextStream out(stdout);
    out << line.toString() << '\n';
    out.flush();
}

/// The same, field by field.
inline void printFigure(int figure, const QString &what, const QString &value, const QString &reference,
                        const QString &ratio, const QString &goal, std::optional<bool> met)
{
    FigureLine line;
    line.figure = figure;
    line.what = what;
    line.value = value;
    line.reference = reference;
    line.ratio = ratio;
    line.goal = goal;
    line.met = met;
    printFigure(line);
}

} // namespace versus::bench

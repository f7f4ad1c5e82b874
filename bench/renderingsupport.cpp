// SPDX-License-Identifier: GPL-3.0-or-later
#include "renderingsupport.h"

#include <algorithm>

namespace versus::bench {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = qsizetype(std::clamp(p * double(values.size() - 1), 0.0, double(values.size() - 1)));
    return values.at(index);
}

QStringList answerTokens()
{
    const QString text =
        QStringLiteral("Here is how the pieces fit together. The **parser** reads the stream in chunks and hands "
                       "each event to the decoder, which keeps the `state` of the answer.\n\n"
                       "- first, the request is built\n- then the response streams\n- finally the usage arrives\n\n"
                       "```cpp\nint main() {\n    return run(argc, argv);\n}\n```\n\n"
                       "A longer paragraph follows, with enough words to wrap over several lines of a lane that is a "
                       "quarter of a wide window, so that layout has real work to do on every flush of the view. ");
    QStringList tokens;
    qsizetype start = 0;
    for (qsizetype i = 1; i <= text.size(); ++i) {
        if (i == text.size() || text.at(i) == u' ' || text.at(i) == u'\n' || i - start >= 6) {
            tokens.append(text.mid(start, i - start));
            start = i;
        }
    }
    return tokens;
}

TimedApplication *timedApp()
{
    return static_cast<TimedApplication *>(qApp);
}

} // namespace versus::bench

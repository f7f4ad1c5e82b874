// SPDX-License-Identifier: GPL-3.0-or-later
// Opens a history in a process of its own (the writer lock is per process) and says what
// open() did: "ok <moved-aside path or ->" or "error <kind> <message>".
//   history_open_probe DATABASE
#include "history/historystore.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace versus::history;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (app.arguments().size() != 2) {
        out << "usage: history_open_probe DATABASE\n";
        return 2;
    }
    HistoryStore store;
    const auto opened = store.open(app.arguments().at(1));
    if (opened) {
        out << "ok " << (opened->movedAsideTo.isEmpty() ? QStringLiteral("-") : opened->movedAsideTo) << '\n';
        return 0;
    }
    const char *kind = "other";
    switch (opened.error().kind) {
    case HistoryError::Kind::Corrupt:
        kind = "corrupt";
        break;
    case HistoryError::Kind::Unwritable:
        kind = "unwritable";
        break;
    case HistoryError::Kind::DiskFull:
        kind = "diskfull";
        break;
    case HistoryError::Kind::TooNew:
        kind = "toonew";
        break;
    case HistoryError::Kind::NotFound:
    case HistoryError::Kind::Other:
        break;
    }
    out << "error " << kind << ' ' << opened.error().message << '\n';
    return 1;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("versus"));
    QApplication::setApplicationDisplayName(QStringLiteral("Versus"));
    QApplication::setOrganizationName(QStringLiteral("versus"));
    versus::ui::MainWindow window;
    window.show();
    return app.exec();
}

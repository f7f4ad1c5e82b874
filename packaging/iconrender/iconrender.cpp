// SPDX-License-Identifier: GPL-3.0-or-later
// versus-iconrender: draws the application's SVG icon as the PNGs a desktop icon theme holds,
// at build time, so that no rendered binary is kept in the sources.
//
//   versus-iconrender SVG OUTDIR SIZE...
//
// writes OUTDIR/<SIZE>x<SIZE>/apps/<name of SVG>.png for each SIZE (1 to 4096), the icon
// scaled to fill the square with its aspect ratio kept, on a transparent background.
// Exit status: 0 when every PNG was written, 1 when the SVG or a PNG failed, 2 for usage.
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

namespace {

int usage()
{
    std::fputs("Usage: versus-iconrender SVG OUTDIR SIZE...\n"
               "Writes OUTDIR/SIZExSIZE/apps/NAME.png for each SIZE (1 to 4096), NAME being the SVG's.\n",
               stderr);
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    // A build machine may have no display: the offscreen platform is always there with Qt Gui.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() < 3)
        return usage();

    QList<int> sizes;
    for (const QString &text : args.mid(2)) {
        bool ok = false;
        const int size = text.toInt(&ok);
        if (!ok || size < 1 || size > 4096) {
            std::fprintf(stderr, "versus-iconrender: \"%s\" is not a size from 1 to 4096\n", qPrintable(text));
            return usage();
        }
        sizes.append(size);
    }

    const QString svgPath = args.at(0);
    if (!QFileInfo(svgPath).isReadable()) {
        std::fprintf(stderr, "versus-iconrender: cannot read %s\n", qPrintable(svgPath));
        return 1;
    }
    QSvgRenderer renderer(svgPath);
    if (!renderer.isValid()) {
        std::fprintf(stderr, "versus-iconrender: %s is not an SVG image Qt SVG can draw\n", qPrintable(svgPath));
        return 1;
    }
    renderer.setAspectRatioMode(Qt::KeepAspectRatio);

    const QString name = QFileInfo(svgPath).completeBaseName() + QStringLiteral(".png");
    const QDir outDir(args.at(1));
    for (const int size : sizes) {
        const QString folder = QStringLiteral("%1x%1/apps").arg(size);
        if (!outDir.mkpath(folder)) {
            std::fprintf(stderr, "versus-iconrender: cannot create %s\n", qPrintable(outDir.filePath(folder)));
            return 1;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter, QRectF(0, 0, size, size));
        painter.end();
        const QString path = outDir.filePath(folder + u'/' + name);
        if (!image.convertToFormat(QImage::Format_ARGB32).save(path, "PNG")) {
            std::fprintf(stderr, "versus-iconrender: cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    return 0;
}

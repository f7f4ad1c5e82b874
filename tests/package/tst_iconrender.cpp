// SPDX-License-Identifier: GPL-3.0-or-later
// versus-iconrender, the build's tool that draws the SVG icon as the hicolor PNGs: each size
// it is asked for is a PNG of exactly that size, with the icon's colours on a transparent
// corner; the PNGs the build made for installing are every size packaging/ lists; a broken
// SVG or a bad size is refused with a message and nothing written.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kIconName = QStringLiteral("io.github.versus.Versus.png");
const QString kSvg = QStringLiteral(VERSUS_SOURCE_DIR "/resources/icons/io.github.versus.Versus.svg");

struct ToolRun {
    int exitCode = -1;
    QByteArray err;
};

ToolRun runRenderer(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(VERSUS_ICONRENDER_PATH), arguments);
    ToolRun run;
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.err = process.readAllStandardError();
    return run;
}

QList<int> installedSizes()
{
    QList<int> sizes;
    const QStringList words = QStringLiteral(VERSUS_ICON_SIZES).split(u',', Qt::SkipEmptyParts);
    for (const QString &word : words)
        sizes.append(word.toInt());
    return sizes;
}

/// The checks every rendered icon must pass, whatever its size.
void checkIcon(const QString &path, int size)
{
    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    const QImage image = reader.read();
    QVERIFY2(!image.isNull(), qPrintable(path + u": "_qs + reader.errorString()));
    QCOMPARE(image.size(), QSize(size, size));
    QVERIFY(image.hasAlphaChannel());
    // The middle is the icon's dark background between the two lanes: opaque at any size.
    QCOMPARE(image.pixelColor(size / 2, size / 2).alpha(), 255);
    if (size < 16)
        return; // too few pixels for a corner of their own
    // The rounded square leaves the corner transparent and covers 120/128 of each side (less
    // its antialiased edge at small sizes): an empty, unscaled or opaque-backed image fails here.
    QCOMPARE(image.pixelColor(0, 0).alpha(), 0);
    int opaque = 0;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x)
            opaque += image.pixelColor(x, y).alpha() == 255 ? 1 : 0;
    }
    QVERIFY2(opaque > size * size / 2 && opaque < size * size,
             qPrintable(QStringLiteral("%1 opaque of %2").arg(opaque).arg(size * size)));
}

} // namespace

using namespace Qt::StringLiterals;

class TestIconRender : public QObject {
    Q_OBJECT

private slots:
    void rendersEachSize_data();
    void rendersEachSize();
    void buildMadeEveryInstalledSize_data();
    void buildMadeEveryInstalledSize();
    void refusesBadInput_data();
    void refusesBadInput();
};

void TestIconRender::rendersEachSize_data()
{
    QTest::addColumn<int>("size");
    // The installed sizes, and odd ones the tool must scale to just as well.
    QList<int> sizes = installedSizes();
    sizes << 1 << 7 << 100 << 1000;
    for (const int size : sizes)
        QTest::addRow("%d", size) << size;
}

void TestIconRender::rendersEachSize()
{
    QFETCH(int, size);
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const ToolRun run = runRenderer({kSvg, out.path(), QString::number(size)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString path = out.filePath(QStringLiteral("%1x%1/apps/").arg(size) + kIconName);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    if (size == 1) { // one pixel holds no corner and middle apart
        QCOMPARE(QImage(path).size(), QSize(1, 1));
        return;
    }
    checkIcon(path, size);
}

void TestIconRender::buildMadeEveryInstalledSize_data()
{
    QTest::addColumn<int>("size");
    const QList<int> sizes = installedSizes();
    for (const int size : sizes)
        QTest::addRow("%d", size) << size;
}

void TestIconRender::buildMadeEveryInstalledSize()
{
    QFETCH(int, size);
    QVERIFY(installedSizes().size() >= 9); // 16 to 512
    const QDir dir(QStringLiteral(VERSUS_BUILT_ICON_DIR));
    const QString path = dir.filePath(QStringLiteral("%1x%1/apps/").arg(size) + kIconName);
    QVERIFY2(QFile::exists(path), qPrintable(path + u" was not built (target versus_icons)"_s));
    checkIcon(path, size);
}

void TestIconRender::refusesBadInput_data()
{
    QTest::addColumn<QString>("svg");
    QTest::addColumn<QString>("size");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::addRow("not an SVG") << QStringLiteral(VERSUS_SOURCE_DIR "/LICENSE") << u"32"_s << 1
                                << u"is not an SVG image"_s;
    QTest::addRow("no such file") << QStringLiteral(VERSUS_SOURCE_DIR "/no-such-icon.svg") << u"32"_s << 1
                                  << u"cannot read"_s;
    QTest::addRow("size zero") << kSvg << u"0"_s << 2 << u"is not a size from 1 to 4096"_s;
    QTest::addRow("size too big") << kSvg << u"5000"_s << 2 << u"is not a size from 1 to 4096"_s;
    QTest::addRow("size not a number") << kSvg << u"big"_s << 2 << u"is not a size from 1 to 4096"_s;
}

void TestIconRender::refusesBadInput()
{
    QFETCH(QString, svg);
    QFETCH(QString, size);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const ToolRun run = runRenderer({svg, out.path(), size});
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QVERIFY2(QDir(out.path()).isEmpty(), "a refused run wrote something");
}

QTEST_GUILESS_MAIN(TestIconRender)
#include "tst_iconrender.moc"

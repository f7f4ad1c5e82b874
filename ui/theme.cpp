// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QApplication>
#include <QEvent>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

namespace versus::ui {

namespace {

// The style and palette the platform gave the application, remembered before a theme
// replaces them (the first applyTheme() call comes before any change).
struct Platform {
    QString style = QApplication::style() ? QApplication::style()->name() : QString();
    QPalette palette = QApplication::palette();
};

const Platform &platform()
{
    static const Platform remembered;
    return remembered;
}

bool g_themeChanged = false; // a theme other than the platform's was applied once

void setStyle(const QString &name)
{
    if (QApplication::style() && QApplication::style()->name().compare(name, Qt::CaseInsensitive) == 0)
        return;
    if (QStyle *style = QStyleFactory::create(name))
        QApplication::setStyle(style);
}

} // namespace

namespace {

class PaletteFollower : public QObject {
public:
    PaletteFollower(QWidget *widget, std::function<void()> retint)
        : QObject(widget)
        , m_retint(std::move(retint))
    {
        widget->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // The retint sets a palette, which is a palette change too: not followed again.
        if (event->type() == QEvent::PaletteChange && !m_retinting) {
            m_retinting = true;
            m_retint();
            m_retinting = false;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_retint;
    bool m_retinting = false;
};

} // namespace

void followPalette(QWidget *widget, std::function<void()> retint)
{
    retint();
    new PaletteFollower(widget, std::move(retint));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x7f, 0x83, 0x89);
    const QColor highlight(0x3d, 0x7a, 0xd6);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    palette.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabledText);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Light, QColor(0x5f, 0x63, 0x6a));
    palette.setColor(QPalette::Midlight, QColor(0x4a, 0x4e, 0x54));
    // Mid draws disabled outlines and "not supported" badges: visible on the dark base.
    palette.setColor(QPalette::Mid, QColor(0x6a, 0x6e, 0x75));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    palette.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb3, 0x92, 0xf0));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x52));
    return palette;
}

void applyTheme(const QString &choice)
{
    const Platform &original = platform();
    if (choice == u"dark") {
        g_themeChanged = true;
        setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        return;
    }
    if (choice == u"light" && isDark(original.palette)) {
        g_themeChanged = true;
        setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    // The platform's own: untouched unless a theme replaced it, so that it keeps following
    // the desktop's light or dark setting.
    if (!g_themeChanged)
        return;
    if (!original.style.isEmpty())
        setStyle(original.style);
    QPalette palette = original.palette;
    palette.setResolveMask(0); // nothing set by the application: the platform's colours
    QApplication::setPalette(palette);
}

} // namespace versus::ui

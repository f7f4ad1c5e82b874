// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QTranslator>

// The English plural forms the window loads when it speaks English ("%n round(s)" reads
// "1 round", "2 rounds"), compiled from resources/translations/versus_en.ts into the build
// tree's translations folder (tests/ui/CMakeLists.txt, versus_use_english_plurals). Without
// them a count reads "1 round(s)".

inline QTranslator &englishPlurals()
{
    static QTranslator translator;
    return translator;
}

/// Installs the English plural forms; false when the compiled file cannot be loaded.
/// Call once the application object exists.
inline bool installEnglishPlurals()
{
    QTranslator &translator = englishPlurals();
    if (translator.isEmpty() && !translator.load(QStringLiteral(VERSUS_TEST_ENGLISH_QM)))
        return false;
    return QCoreApplication::installTranslator(&translator);
}

// SPDX-License-Identifier: GPL-3.0-or-later
// The window's language: which one to use, where its translations are, and installing them.
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QTranslator;

namespace versus::ui {

/// A language the window can be shown in.
struct UiLanguage {
    QString code;       ///< "en", "fr"
    QString nativeName; ///< the language's own name: "English", "Français"
    QString nextStart;  ///< "Versus will be in English from the next start.", in the language itself
};

/// Every language Versus has a translation for, English first.
const QList<UiLanguage> &uiLanguages();

/// The language to use for the setting @p setting ("system" or a code of uiLanguages())
/// on a system whose preferred languages are @p systemLanguages (QLocale::uiLanguages(),
/// most preferred first): "system" takes the first language Versus has, else English;
/// an unknown code is English.
QString resolveUiLanguage(const QString &setting, const QStringList &systemLanguages);

/// The locale that formats numbers and dates for @p language: the system's when it speaks
/// that language (a Canadian French system keeps its own), else the language's default.
QLocale localeForLanguage(const QString &language, const QLocale &system);

/// The language the window is shown in now (set by Translations::install; "en" before).
QString runningUiLanguage();

/// Why the language chosen could not be loaded at start (empty when it was).
QString uiLanguageProblem();

/// The own name of @p code ("Français"), or @p code when Versus has no such language.
QString nativeLanguageName(const QString &code);

/// The folders searched for versus_<code>.qm, in order: $VERSUS_TRANSLATIONS_DIR, the
/// installed share/versus/translations beside the binary's prefix, the build tree's
/// translations folder.
QStringList translationDirectories();

/// The installed translators of the window (Versus's own and Qt's standard dialogs).
class Translations {
public:
    Translations();
    ~Translations();
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    /// Installs the translators of @p language ("en" installs the English plural forms)
    /// from the first folder of @p directories that has them, and sets the default locale.
    /// Returns false, with a message in problem(), when the language's file is missing
    /// (the window then stays in English).
    bool install(const QString &language, const QStringList &directories = translationDirectories());

    QString language() const { return m_language; }
    /// The .qm file of the language in use (empty when none could be loaded).
    QString file() const { return m_file; }
    QString problem() const { return m_problem; }

private:
    bool load(const QString &language, const QStringList &directories);
    void removeAll();

    std::vector<std::unique_ptr<QTranslator>> m_installed;
    QString m_language;
    QString m_file;
    QString m_problem;
};

} // namespace versus::ui

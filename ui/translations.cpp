// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

#include <algorithm>

namespace versus::ui {

namespace {

const QString kEnglish = QStringLiteral("en");

QString &running()
{
    static QString language = kEnglish;
    return language;
}

QString &runningProblem()
{
    static QString problem;
    return problem;
}

QString baseLanguage(const QString &name)
{
    // "fr-CA", "fr_FR" → "fr"
    return name.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
}

bool known(const QString &code)
{
    for (const UiLanguage &language : uiLanguages()) {
        if (language.code == code)
            return true;
    }
    return false;
}

} // namespace

const QList<UiLanguage> &uiLanguages()
{
    static const QList<UiLanguage> languages{{QStringLiteral("en"), QStringLiteral("English"),
                                              QStringLiteral("Versus will be in English from the next start.")},
                                             {QStringLiteral("fr"), QStringLiteral("Français"),
                                              QStringLiteral("Versus sera en français au prochain démarrage.")}};
    return languages;
}

QString runningUiLanguage()
{
    return running();
}

QString uiLanguageProblem()
{
    return runningProblem();
}

QString nativeLanguageName(const QString &code)
{
    for (const UiLanguage &language : uiLanguages()) {
        if (language.code == code)
            return language.nativeName;
    }
    return code;
}

QString resolveUiLanguage(const QString &setting, const QStringList &systemLanguages)
{
    if (setting != u"system")
        return known(setting) ? setting : kEnglish;
    for (const QString &preferred : systemLanguages) {
        const QString code = baseLanguage(preferred);
        if (known(code))
            return code;
    }
    return kEnglish;
}

QLocale localeForLanguage(const QString &language, const QLocale &system)
{
    if (baseLanguage(QLocale::languageToCode(system.language())) == language)
        return system;
    if (language == kEnglish)
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return QLocale(language);
}

QStringList translationDirectories()
{
    QStringList directories;
    const QString fromEnvironment = qEnvironmentVariable("VERSUS_TRANSLATIONS_DIR");
    if (!fromEnvironment.isEmpty())
        directories << fromEnvironment;
    const QDir binary(QCoreApplication::applicationDirPath());
    directories << QDir::cleanPath(binary.filePath(QStringLiteral("../share/versus/translations")));
    // The build tree: build/app/gui/versus → build/translations.
    directories << QDir::cleanPath(binary.filePath(QStringLiteral("../../translations")));
    return directories;
}

Translations::Translations() = default;

Translations::~Translations()
{
    removeAll();
}

void Translations::removeAll()
{
    for (const auto &translator : m_installed)
        QCoreApplication::removeTranslator(translator.get());
    m_installed.clear();
}

bool Translations::install(const QString &language, const QStringList &directories)
{
    removeAll();
    m_problem.clear();
    runningProblem().clear();
    if (load(language, directories))
        return true;
    m_problem = QStringLiteral("no versus_%1.qm in %2").arg(language, directories.join(QStringLiteral(", ")));
    runningProblem() = m_problem;
    if (language != kEnglish)
        load(kEnglish, directories); // English still wants its plural forms
    return false;
}

bool Translations::load(const QString &language, const QStringList &directories)
{
    auto own = std::make_unique<QTranslator>();
    const QString file = QStringLiteral("versus_") + language;
    const auto where = std::find_if(directories.cbegin(), directories.cend(),
                                    [&](const QString &directory) { return own->load(file, directory); });
    const bool found = where != directories.cend();
    m_file = found ? QDir(*where).filePath(file + QStringLiteral(".qm")) : QString();
    QLocale::setDefault(localeForLanguage(found ? language : kEnglish, QLocale::system()));
    m_language = found ? language : kEnglish;
    running() = m_language;
    if (!found)
        return false;
    QCoreApplication::installTranslator(own.get());
    m_installed.push_back(std::move(own));

    // Qt's standard dialogs and buttons (Cancel, Open…), from Qt's own translations.
    if (language != kEnglish) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            m_installed.push_back(std::move(qt));
        }
    }
    return true;
}

} // namespace versus::ui

"""Load the interface language: Swedish (the source text) or English, plus Qt's own strings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGE_KEY = "ui/language"
SWEDISH, ENGLISH = "sv", "en"
LANGUAGES = (SWEDISH, ENGLISH)


def chosen_language(settings: QSettings) -> str:
    """Return the language chosen in Inställningar (Swedish unless English was chosen)."""
    value = settings.value(LANGUAGE_KEY, SWEDISH)
    return value if value in LANGUAGES else SWEDISH


def locale_for(language: str) -> QLocale:
    """Return the locale whose date and number formats go with ``language``."""
    if language == ENGLISH:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's and the app's translators for ``language``; return them (keep them alive)."""
    locale = locale_for(language)
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    if language != SWEDISH:
        # Swedish is the source text, so only other languages need a catalogue.
        from importlib.resources import files

        catalogue = files("kommunpolis.resources") / "translations" / f"kommunpolis_{language}.qm"
        app_translator = QTranslator(app)
        if isinstance(catalogue, Path) and app_translator.load(str(catalogue)):
            app.installTranslator(app_translator)
            installed.append(app_translator)
    return installed

"""Data files shipped with Kommunpolis: reference data, icons, translations, templates."""

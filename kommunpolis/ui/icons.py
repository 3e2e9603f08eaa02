"""The icons shipped in ``resources/icons``, found beside the installed package.

The window's shell paints its sidebar and toolbar icons in the first instant, before
``importlib.resources`` (~5 ms to import) is worth its cost: a wheel or an editable
install puts the resources in plain files, found from the package's import spec.
Anywhere else (a zip), :func:`icon_file` answers None and callers fall back.
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

from PySide6.QtGui import QIcon

_SPEC = find_spec("kommunpolis.resources")
ICON_DIR = Path(_SPEC.origin).parent / "icons" if _SPEC is not None and _SPEC.origin else None


def icon_file(name: str) -> Path | None:
    """Return the SVG file of icon ``name`` (e.g. "sections/overview"), None if not a file."""
    if ICON_DIR is None:
        return None
    path = ICON_DIR / f"{name}.svg"
    return path if path.is_file() else None


def icon(name: str) -> QIcon:
    """Return icon ``name`` (an empty icon if it is missing)."""
    path = icon_file(name)
    return QIcon(str(path)) if path is not None else QIcon()

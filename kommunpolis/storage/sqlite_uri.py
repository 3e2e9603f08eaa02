"""SQLite URIs for opening database files read-only, whatever characters their path holds."""

from __future__ import annotations

from pathlib import Path


def read_only_uri(path: Path) -> str:
    """Return a ``file:`` URI that opens ``path`` read-only with ``uri=True``.

    The path is percent-encoded: SQLite reads ``?`` as the start of the query and ``#``
    as a fragment, so a folder named ``a#b`` would otherwise open (and create) ``a``.
    """
    return f"{path.absolute().as_uri()}?mode=ro"

"""Turn SQLite's error messages into the domain's typed, user-facing errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import exc as sa_exc

from kommunpolis.domain.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseFull,
    DatabaseLocked,
    DatabaseReadOnly,
)

# SQLite reports conditions only as message text; these fragments are stable across
# SQLite 3.x releases (see sqlite3ErrStr in the SQLite sources).
_BY_MESSAGE: tuple[tuple[str, Callable[[Path], DatabaseError]], ...] = (
    ("database is locked", DatabaseLocked),
    ("database table is locked", DatabaseLocked),
    ("readonly database", DatabaseReadOnly),
    ("unable to open database file", DatabaseReadOnly),
    ("disk i/o error", DatabaseReadOnly),
    ("database or disk is full", DatabaseFull),
    ("file is not a database", DatabaseCorrupt),
    ("database disk image is malformed", DatabaseCorrupt),
)


def classify(error: BaseException, path: Path) -> DatabaseError | None:
    """Return the typed error for a SQLite failure, or None when it is not environmental."""
    original = error.orig if isinstance(error, sa_exc.DBAPIError) else error
    if not isinstance(original, sqlite3.DatabaseError) or isinstance(
        original, sqlite3.IntegrityError | sqlite3.ProgrammingError
    ):
        return None
    message = str(original).lower()
    for fragment, error_class in _BY_MESSAGE:
        if fragment in message:
            return error_class(path)
    return None


@contextmanager
def database_errors(path: Path) -> Iterator[None]:
    """Re-raise environmental SQLite failures inside the block as typed errors."""
    try:
        yield
    except (sqlite3.DatabaseError, sa_exc.DBAPIError) as error:
        typed = classify(error, path)
        if typed is None:
            raise
        raise typed from error

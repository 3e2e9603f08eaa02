"""SQLite's error messages become the domain's typed errors; everything else stays a bug."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import exc as sa_exc

from kommunpolis.domain.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseFull,
    DatabaseLocked,
    DatabaseReadOnly,
)
from kommunpolis.storage.failures import classify, database_errors

PATH = Path("/data/kommunpolis.sqlite")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("database is locked", DatabaseLocked),
        ("database table is locked", DatabaseLocked),
        ("attempt to write a readonly database", DatabaseReadOnly),
        ("unable to open database file", DatabaseReadOnly),
        ("disk I/O error", DatabaseReadOnly),
        ("database or disk is full", DatabaseFull),
        ("file is not a database", DatabaseCorrupt),
        ("database disk image is malformed", DatabaseCorrupt),
    ],
)
def test_environmental_messages_are_typed(message: str, expected: type[DatabaseError]) -> None:
    typed = classify(sqlite3.OperationalError(message), PATH)
    assert type(typed) is expected
    assert typed.path == PATH
    assert str(PATH) in str(typed)
    assert "\n" not in str(typed)


def test_sqlalchemy_wrapped_errors_are_unwrapped() -> None:
    wrapped = sa_exc.OperationalError(
        "SELECT 1", {}, sqlite3.OperationalError("database is locked")
    )
    assert isinstance(classify(wrapped, PATH), DatabaseLocked)


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.OperationalError("no such table: dialogue"),
        sqlite3.IntegrityError("FOREIGN KEY constraint failed"),
        # An integrity error never counts as "disk full", whatever its text says.
        sqlite3.IntegrityError("database or disk is full"),
        sqlite3.ProgrammingError("Cannot operate on a closed database."),
        ValueError("database is locked"),
    ],
)
def test_bugs_are_not_typed(error: BaseException) -> None:
    assert classify(error, PATH) is None


def test_database_errors_retypes_and_chains() -> None:
    original = sqlite3.OperationalError("database or disk is full")
    with pytest.raises(DatabaseFull) as caught, database_errors(PATH):
        raise original
    assert caught.value.__cause__ is original


def test_database_errors_lets_bugs_through_unchanged() -> None:
    with pytest.raises(sqlite3.OperationalError, match="no such table"), database_errors(PATH):
        raise sqlite3.OperationalError("no such table: x")

"""The first page of a list read with plain ``sqlite3``, before SQLAlchemy has loaded.

Importing SQLAlchemy and mapping the tables takes a few hundred milliseconds at start-up.
The list the officer sees first does not need to wait for it: this module reads the
same rows, in the same order and with the same values as ``services.listing`` gives
them (a test compares the two on a demo database), with one plain query on a read-only
connection. It only ever answers for a database of the current schema that has a
profile; for anything else — or any SQLite error — it answers None and the normal
start-up path (which reports a damaged, locked or too new database clearly) takes over.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from kommunpolis.domain.statuses import DialogueStatus
from kommunpolis.domain.vocabulary import DialogueFormat
from kommunpolis.storage.schema_version import HEAD_REVISION
from kommunpolis.storage.sqlite_uri import read_only_uri

log = logging.getLogger(__name__)

FIRST_PAGE_SIZE = 200


@dataclass(frozen=True)
class FirstPageColumn:
    """A column as ``services.listing.ListColumn`` describes it, without its SQL."""

    key: str
    value_type: str  # a services.listing.ValueType value: "text", "datetime", …
    sortable: bool = True


@dataclass(frozen=True)
class FirstPageRow:
    """One row as ``services.listing.ListRow`` holds it; the id as its 16 bytes."""

    id: bytes
    values: tuple[Any, ...]
    status: str | None
    deleted: bool


@dataclass(frozen=True)
class FirstPage:
    """The first rows of a list of ``kind`` in its default order (no filters)."""

    kind: str
    columns: tuple[FirstPageColumn, ...]
    rows: tuple[FirstPageRow, ...]
    # The order the rows are in: ListingService's default sort of the kind.
    sort_key: str
    descending: bool


def _utc(value: str | None) -> datetime | None:
    # SQLAlchemy's SQLite DateTime stores naive UTC as 'YYYY-MM-DD HH:MM:SS[.ffffff]'.
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


@dataclass(frozen=True)
class _Spec:
    columns: tuple[FirstPageColumn, ...]
    converters: tuple[Callable[[Any], Any], ...]
    sort_key: str
    descending: bool
    sql: str


def _same(value: Any) -> Any:
    return value


def _enum(enum_class: type[StrEnum]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else enum_class(value)


# The SQL mirrors ListingService: the ids statement's WHERE and ORDER BY (the default
# sort), and the rows statement's columns (id, tombstone flag, status, then the values).
_SPECS: dict[str, _Spec] = {
    "dialogues": _Spec(
        columns=(
            FirstPageColumn("starts_at", "datetime"),
            FirstPageColumn("title", "text"),
            FirstPageColumn("format", "code"),
            FirstPageColumn("municipality", "text"),
            FirstPageColumn("status", "code"),
            FirstPageColumn("concern_count", "integer"),
            FirstPageColumn("participant_count", "integer"),
        ),
        converters=(
            _utc,
            _same,
            _enum(DialogueFormat),
            _same,
            _enum(DialogueStatus),
            _same,
            _same,
        ),
        sort_key="starts_at",
        descending=True,
        sql=(
            "SELECT dialogue.id, dialogue.deleted_at IS NOT NULL, dialogue.status, "
            "dialogue.starts_at, dialogue.title, dialogue.format, municipality.name, "
            "dialogue.status, "
            "(SELECT count(*) FROM concern WHERE concern.deleted_at IS NULL "
            "AND concern.dialogue_id = dialogue.id), "
            "dialogue.participant_count "
            "FROM dialogue LEFT OUTER JOIN municipality "
            "ON municipality.code = dialogue.municipality_code "
            "WHERE dialogue.deleted_at IS NULL "
            "ORDER BY dialogue.starts_at DESC, dialogue.id DESC LIMIT ?"
        ),
    ),
}

FIRST_PAGE_KINDS: tuple[str, ...] = tuple(_SPECS)


def first_page_columns(kind: str) -> tuple[FirstPageColumn, ...]:
    """Return the columns of ``kind``'s first page (KeyError if it has none)."""
    return _SPECS[kind].columns


def read_first_page(database: Path, kind: str, *, limit: int = FIRST_PAGE_SIZE) -> FirstPage | None:
    """Return the first ``limit`` rows of ``kind``'s list, or None if start-up must decide.

    None when the kind has no fast first page, the file is missing, not of the current
    schema, has no profile yet, or SQLite reports anything (locked, damaged, …): the
    regular open then says what is wrong. Never waits for a lock.
    """
    spec = _SPECS.get(kind)
    if spec is None or not database.is_file():
        return None
    try:
        # timeout=0: a locked file is for the regular open to report, not to wait on here.
        connection = sqlite3.connect(read_only_uri(database), uri=True, timeout=0)
        try:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision is None or revision[0] != HEAD_REVISION:
                return None
            if connection.execute("SELECT 1 FROM profile LIMIT 1").fetchone() is None:
                return None
            fetched = connection.execute(spec.sql, (limit,)).fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        log.info("no quick first page (%s); the regular open decides", error)
        return None
    rows = tuple(
        FirstPageRow(
            id=bytes(row[0]),
            values=tuple(
                convert(value) for convert, value in zip(spec.converters, row[3:], strict=True)
            ),
            status=None if row[2] is None else str(row[2]),
            deleted=bool(row[1]),
        )
        for row in fetched
    )
    return FirstPage(
        kind=kind,
        columns=spec.columns,
        rows=rows,
        sort_key=spec.sort_key,
        descending=spec.descending,
    )

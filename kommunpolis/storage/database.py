"""Open the SQLite file: check what it is, apply pragmas, bring its schema up to date.

Opening is cheap when nothing needs migrating: the schema revision is read with one
query and compared with the revision this build knows, without loading Alembic.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from kommunpolis.domain.errors import DatabaseCorrupt, DatabaseReadOnly, DatabaseTooNew
from kommunpolis.storage.failures import database_errors
from kommunpolis.storage.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from kommunpolis.storage.sqlite_uri import read_only_uri

# 'KPOL' in the SQLite header's application_id field marks our files.
APPLICATION_ID = 0x4B504F4C
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class SchemaState:
    """What an existing file holds before it is opened for use."""

    revision: str | None
    has_tables: bool


@dataclass
class Database:
    """An open database file: its engine and a session factory."""

    path: Path
    engine: Engine
    session_factory: sessionmaker[Session]
    migrated_from: str | None = None

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _check_header(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as stream:
            header = stream.read(len(_SQLITE_MAGIC))
    except PermissionError as error:
        raise DatabaseReadOnly(path) from error
    if header != _SQLITE_MAGIC:
        raise DatabaseCorrupt(path, "no SQLite header")


def read_schema_state(path: Path) -> SchemaState:
    """Read the schema revision and whether the file has any tables, with plain sqlite3."""
    _check_header(path)
    if not path.exists():
        return SchemaState(revision=None, has_tables=False)
    with database_errors(path):
        connection = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            names = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in names:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        finally:
            connection.close()
    if names and app_id != APPLICATION_ID:
        raise DatabaseCorrupt(path, "not a Kommunpolis database")
    return SchemaState(revision=revision, has_tables=bool(names))


def _set_pragmas(busy_timeout_ms: int) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        # Foreign keys are per connection in SQLite and off by default.
        cursor.execute("PRAGMA foreign_keys=ON")
        # Also on every open: a restored backup comes back in rollback-journal mode.
        cursor.execute("PRAGMA journal_mode=WAL")
        # WAL with FULL sync: a commit the app reported survives a power cut.
        cursor.execute("PRAGMA synchronous=FULL")
        # Trigger statements open savepoints with temp journals: keep those in memory.
        # A 16 MB page cache (the default is 2 MB) holds the hot indexes of the lists.
        cursor.execute("PRAGMA temp_store=MEMORY")
        cursor.execute("PRAGMA cache_size=-16000")
        cursor.close()

    return on_connect


def create_sqlite_engine(path: Path, *, busy_timeout_ms: int = 5000) -> Engine:
    """Return an engine on ``path`` with the project's per-connection pragmas."""
    # URL.create, not an f-string: a "?" or "#" in a folder name would be parsed as URL syntax.
    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", _set_pragmas(busy_timeout_ms))
    return engine


def open_database(
    path: Path,
    *,
    backup_dir: Path,
    busy_timeout_ms: int = 5000,
) -> Database:
    """Open (creating if needed) the database at ``path`` and bring its schema to head.

    A file from a newer app version, or one that is not ours, is refused untouched;
    before an existing file is migrated it is copied into ``backup_dir``.
    """
    state = read_schema_state(path)
    if state.revision is not None and state.revision not in KNOWN_REVISIONS:
        raise DatabaseTooNew(path, state.revision)
    if state.has_tables and state.revision is None:
        raise DatabaseCorrupt(path, "tables without a schema revision")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseReadOnly(path) from error
    engine = create_sqlite_engine(path, busy_timeout_ms=busy_timeout_ms)
    migrated_from: str | None = None
    with database_errors(path):
        if state.revision != HEAD_REVISION:
            # Imported only here, so that a current database opens without Alembic.
            from kommunpolis.storage.migrate import upgrade_to_head

            if state.revision is not None:
                from kommunpolis.storage.backup import pre_migration_backup

                pre_migration_backup(path, backup_dir, state.revision)
            with engine.connect() as connection:
                connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
                connection.commit()
            upgrade_to_head(engine)
            migrated_from = state.revision
    return Database(
        path=path,
        engine=engine,
        session_factory=sessionmaker(engine, expire_on_commit=False),
        migrated_from=migrated_from,
    )

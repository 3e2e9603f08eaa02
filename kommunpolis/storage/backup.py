"""Consistent copies of the database with SQLite's online backup API.

The backup API copies a live database page by page under a read lock, so a copy is
consistent even while the app writes; copies are written to a temporary name and
renamed, so a half-written file is never mistaken for a backup.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from kommunpolis.domain.errors import BackupFailed, DatabaseCorrupt, DatabaseTooNew
from kommunpolis.storage.failures import classify, database_errors
from kommunpolis.storage.schema_version import KNOWN_REVISIONS
from kommunpolis.storage.sqlite_uri import read_only_uri

DAILY_PREFIX = "daily-"
PRE_MIGRATION_PREFIX = "pre-migration-"
SUFFIX = ".sqlite"


def backup_file(source: Path, target: Path) -> Path:
    """Copy the database at ``source`` to ``target`` consistently and durably."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        src = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst, pages=4096)
                # The copy should stand alone: one file, no -wal beside it.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        with partial.open("rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        typed = classify(error, source)
        raise BackupFailed(target, str(typed or error)) from error
    return target


def pre_migration_backup(path: Path, backup_dir: Path, revision: str) -> Path:
    """Copy the database before migrating it from ``revision``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return backup_file(path, backup_dir / f"{PRE_MIGRATION_PREFIX}{revision}-{stamp}{SUFFIX}")


def daily_backup(
    path: Path, backup_dir: Path, *, keep: int, today: date | None = None
) -> Path | None:
    """Take today's backup unless one exists, then keep only the newest ``keep`` dailies.

    Returns the new backup's path, or None when today's already existed.
    """
    today = today or datetime.now(UTC).date()
    target = backup_dir / f"{DAILY_PREFIX}{today.isoformat()}{SUFFIX}"
    created = None
    if not target.exists():
        created = backup_file(path, target)
    dailies = sorted(backup_dir.glob(f"{DAILY_PREFIX}*{SUFFIX}"), reverse=True)
    for stale in dailies[keep:]:
        stale.unlink()
    return created


def list_backups(backup_dir: Path) -> list[Path]:
    """Return every backup file, newest first."""
    if not backup_dir.is_dir():
        return []
    return sorted(backup_dir.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)


def restore_backup(backup: Path, database: Path, backup_dir: Path) -> Path | None:
    """Replace ``database`` with a copy of ``backup``; return where the old file was kept.

    The backup must be a healthy database of a schema this build knows (an older one is
    migrated on the next open). The replaced file is kept in ``backup_dir`` — copied
    byte for byte if it is too damaged for SQLite to read — so a restore loses nothing.
    """
    from kommunpolis.storage.database import read_schema_state

    state = read_schema_state(backup)
    if state.revision is None:
        raise DatabaseCorrupt(backup, "not a Kommunpolis backup")
    if state.revision not in KNOWN_REVISIONS:
        raise DatabaseTooNew(backup, state.revision)
    with database_errors(backup):
        connection = sqlite3.connect(read_only_uri(backup), uri=True)
        try:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            connection.close()
    if verdict != "ok":
        raise DatabaseCorrupt(backup, verdict)
    kept: Path | None = None
    if database.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        kept = backup_dir / f"replaced-{stamp}{SUFFIX}"
        try:
            backup_file(database, kept)
        except BackupFailed:
            # Unreadable as a database: keep its raw bytes (and its WAL) instead.
            backup_dir.mkdir(parents=True, exist_ok=True)
            for suffix in ("", "-wal"):
                original = Path(f"{database}{suffix}")
                if original.exists():
                    shutil.copy2(original, Path(f"{kept}{suffix}"))
        for suffix in ("-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
    backup_file(backup, database)
    return kept

"""Keep the database healthy: integrity checks and backups."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from kommunpolis.services.read_models import BackupView, CheckReport
from kommunpolis.storage.attachments import AttachmentStore
from kommunpolis.storage.backup import backup_file, daily_backup, list_backups, restore_backup
from kommunpolis.storage.failures import database_errors
from kommunpolis.storage.sqlite_uri import read_only_uri

DEFAULT_DAILY_BACKUPS = 7


class MaintenanceService:
    """Integrity checks, on-demand and daily backups of one database."""

    def __init__(
        self,
        *,
        database_path: Path,
        backup_dir: Path,
        attachments: AttachmentStore,
        keep_daily: int = DEFAULT_DAILY_BACKUPS,
    ) -> None:
        self._path = database_path
        self._backup_dir = backup_dir
        self.attachments = attachments
        self._keep_daily = keep_daily

    def check(self) -> CheckReport:
        """Run SQLite's integrity and foreign-key checks and verify attachment blobs."""
        with database_errors(self._path):
            connection = sqlite3.connect(read_only_uri(self._path), uri=True)
            try:
                integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
                violations = [
                    f"{table} row {rowid} → {parent} (constraint {index})"
                    for table, rowid, parent, index in connection.execute(
                        "PRAGMA foreign_key_check"
                    )
                ]
                hashes = [
                    row[0]
                    for row in connection.execute(
                        "SELECT DISTINCT sha256 FROM attachment WHERE deleted_at IS NULL"
                    )
                ]
            finally:
                connection.close()
        attachment_problems = [
            f"attachment {sha} is missing or damaged"
            for sha in hashes
            if not self.attachments.verify(sha)
        ]
        return CheckReport(
            database=self._path,
            integrity=tuple(line for line in integrity if line != "ok"),
            foreign_key_violations=tuple(violations),
            attachment_problems=tuple(attachment_problems),
        )

    def backup(self, target: Path | None = None) -> BackupView:
        """Write a consistent copy to ``target`` (a file or folder; default: backups/)."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        name = f"manual-{stamp}.sqlite"
        if target is None:
            target = self._backup_dir / name
        elif target.is_dir():
            target = target / name
        return self._view(backup_file(self._path, target))

    def daily_backup(self) -> BackupView | None:
        """Take today's rotating backup if not yet taken; return it, or None."""
        created = daily_backup(self._path, self._backup_dir, keep=self._keep_daily)
        return self._view(created) if created else None

    def restore(self, backup: Path) -> Path | None:
        """Replace the database with ``backup``; return where the replaced file was kept."""
        return restore_backup(backup, self._path, self._backup_dir)

    def backups(self) -> tuple[BackupView, ...]:
        """Return every backup, newest first."""
        return tuple(self._view(path) for path in list_backups(self._backup_dir))

    @staticmethod
    def _view(path: Path) -> BackupView:
        stat = path.stat()
        return BackupView(
            path=path,
            size=stat.st_size,
            modified_at=datetime.fromtimestamp(stat.st_mtime, UTC),
        )

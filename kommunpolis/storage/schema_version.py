"""The schema revisions this build knows, without loading Alembic.

A test checks these against the migration scripts, so they cannot drift.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
HEAD_REVISION = KNOWN_REVISIONS[-1]

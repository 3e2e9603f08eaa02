"""Keep every unsaved edit in a small file until the database has it.

An editor writes its draft here on every change, before the change reaches the
database, and removes the file once the save succeeded. Whatever is left when the
app starts was typed but never saved (a crash, a kill, a full or locked database);
the app offers to bring it back.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from types import MappingProxyType

log = logging.getLogger(__name__)

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Draft:
    """Values typed into one record's editor and not yet saved.

    ``values`` hold JSON-friendly text (ISO dates, UUIDs as text, enum values); the
    editing service reads them as they are. ``extra`` holds what an editor needs
    beyond the record's own fields (e.g. the rows of a dialogue's concerns).
    """

    kind: str
    record_id: uuid.UUID | None
    values: Mapping[str, object]
    parent_kind: str | None = None
    parent_id: uuid.UUID | None = None
    extra: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    written_at: datetime | None = None

    @property
    def file_name(self) -> str:
        """The recovery file's name: ``<kind>-<id or 'new'>.json``."""
        return draft_file_name(self.kind, self.record_id)


def draft_file_name(kind: str, record_id: uuid.UUID | None) -> str:
    """Return the file name of the draft of one record (``new`` before it has an id)."""
    return f"{kind}-{record_id or 'new'}.json"


def plain(value: object) -> object:
    """Return ``value`` as JSON-friendly data (dates and times ISO, ids and enums as text)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


class RecoveryStore:
    """Draft files in one folder (``<data dir>/recovery``)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path_of(self, kind: str, record_id: uuid.UUID | None) -> Path:
        """Return where the draft of one record is kept."""
        return self.directory / draft_file_name(kind, record_id)

    def write(self, draft: Draft) -> Path:
        """Write ``draft`` atomically (a whole old file or a whole new one, never half)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.directory / draft.file_name
        document = {
            "format": FORMAT_VERSION,
            "kind": draft.kind,
            "record_id": str(draft.record_id) if draft.record_id else None,
            "parent_kind": draft.parent_kind,
            "parent_id": str(draft.parent_id) if draft.parent_id else None,
            "values": plain(draft.values),
            "extra": plain(draft.extra),
            "written_at": datetime.now(UTC).isoformat(),
        }
        # No fsync: the file must survive the app dying, which the page cache already
        # guarantees; surviving a power cut is not worth a disk flush per keystroke.
        handle, temporary = tempfile.mkstemp(
            dir=self.directory, prefix=f".{target.stem}-", suffix=".tmp"
        )
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(document, stream, ensure_ascii=False)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return target

    def remove(self, kind: str, record_id: uuid.UUID | None) -> None:
        """Forget the draft of one record (after it was saved or discarded)."""
        self.path_of(kind, record_id).unlink(missing_ok=True)

    def read(self, path: Path) -> Draft | None:
        """Return the draft in ``path``, or None if the file is unreadable."""
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            values = document["values"]
            extra = document.get("extra") or {}
            if not isinstance(values, dict) or not isinstance(extra, dict):
                raise ValueError("values and extra must be objects")
            record_id, parent_id = document.get("record_id"), document.get("parent_id")
            written = document.get("written_at")
            return Draft(
                kind=str(document["kind"]),
                record_id=uuid.UUID(record_id) if record_id else None,
                values=MappingProxyType(values),
                parent_kind=document.get("parent_kind"),
                parent_id=uuid.UUID(parent_id) if parent_id else None,
                extra=MappingProxyType(extra),
                written_at=datetime.fromisoformat(written) if written else None,
            )
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("unreadable recovery file %s: %s", path, error)
            return None

    def pending(self) -> tuple[Draft, ...]:
        """Return every draft left over, oldest first."""
        if not self.directory.is_dir():
            return ()
        drafts = [self.read(path) for path in sorted(self.directory.glob("*.json"))]
        found = [draft for draft in drafts if draft is not None]
        return tuple(sorted(found, key=lambda d: d.written_at or datetime.min.replace(tzinfo=UTC)))

"""Autosave for one record: debounce, recovery file first, then the database.

Every change goes to the draft (in memory) and at once to the recovery file; a
second after typing stops the draft is saved on the database worker. Only when
the database has it is the recovery file removed. A failed save keeps both.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from kommunpolis.domain.errors import FieldErrors, KnownError
from kommunpolis.services.editing import EditingService, RecordDetail, RecordRef
from kommunpolis.services.recovery import Draft, RecoveryStore
from kommunpolis.ui.context import UiContext

AUTOSAVE_DELAY_MS = 1000


def recovery_store(context: UiContext) -> RecoveryStore:
    """Return the recovery store in the data directory (``<data dir>/recovery``)."""
    return RecoveryStore(context.paths.data_dir / "recovery")


def editing_service(context: UiContext) -> EditingService:
    """Return the editing service of the open database."""
    return context.services.editing


class DraftSaver(QObject):
    """Hold one record's unsaved values and save them shortly after the last change."""

    # The record as saved (RecordDetail).
    saved = Signal(object)
    # A KnownError: FieldErrors for bad values, a DatabaseError when the disk refuses.
    failed = Signal(object)
    # Whether unsaved values exist.
    dirty_changed = Signal(bool)

    def __init__(
        self,
        context: UiContext,
        *,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        extra: Callable[[], Mapping[str, object]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._editing = editing_service(context)
        self._store = recovery_store(context)
        self._extra = extra or (lambda: {})
        self.kind = ""
        self.record_id: uuid.UUID | None = None
        self.parent_ref: RecordRef | None = None
        self.pending: dict[str, object] = {}
        self.invalid: dict[str, tuple[str, Mapping[str, object]]] = {}
        self.saving = False
        self.last_saved_at: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    def set_extra(self, extra: Callable[[], Mapping[str, object]]) -> None:
        """Set what else the draft holds beyond the fields (e.g. a table's unsaved rows)."""
        self._extra = extra

    def sync_recovery(self) -> None:
        """Rewrite the recovery file if anything is unsaved, else remove it."""
        if not self.kind:
            return
        if self.dirty:
            self.write_recovery()
        else:
            self._forget_recovery()

    def set_delay(self, milliseconds: int) -> None:
        """Set the pause after the last change before saving."""
        self._timer.setInterval(milliseconds)

    @property
    def editing(self) -> EditingService:
        """The editing service this saver writes through."""
        return self._editing

    @property
    def store(self) -> RecoveryStore:
        """Where drafts are kept until saved."""
        return self._store

    @property
    def dirty(self) -> bool:
        """Whether there are values the database does not have yet."""
        return bool(self.pending) or bool(self._extra())

    def begin(
        self, kind: str, record_id: uuid.UUID | None, parent_ref: RecordRef | None = None
    ) -> None:
        """Start on another record (save what is pending for the current one first)."""
        self.flush()
        self.kind, self.record_id, self.parent_ref = kind, record_id, parent_ref
        self.pending = {}
        self.invalid = {}

    def change(self, name: str, value: object) -> None:
        """Record a changed field: recovery file now, database after the pause."""
        self.pending[name] = value
        self.invalid.pop(name, None)
        self.touch()

    def touch(self) -> None:
        """Rewrite the recovery file and restart the pause (after any change)."""
        if not self.kind:
            return
        self.write_recovery()
        self.dirty_changed.emit(True)
        self._timer.start()

    def write_recovery(self) -> None:
        """Write the draft to its recovery file."""
        self._store.write(
            Draft(
                kind=self.kind,
                record_id=self.record_id,
                values=dict(self.pending),
                parent_kind=self.parent_ref.kind if self.parent_ref else None,
                parent_id=self.parent_ref.id if self.parent_ref else None,
                extra=dict(self._extra()),
            )
        )

    def flush(self) -> None:
        """Save now what is pending (if anything, and if no save is running)."""
        self._timer.stop()
        if self.saving or not self.kind:
            return
        values = {k: v for k, v in self.pending.items() if k not in self.invalid}
        if not values and self.record_id is not None:
            if not self.dirty:
                self._forget_recovery()
            return
        if not values and self.record_id is None:
            return
        kind, record_id, parent_ref = self.kind, self.record_id, self.parent_ref
        editing = self._editing
        if record_id is None:

            def job() -> RecordDetail:
                return editing.new(kind, values, parent=parent_ref)
        else:

            def job() -> RecordDetail:
                return editing.save(kind, record_id, values)

        self.saving = True
        self._context.worker.submit(
            job,
            lambda detail: self._saved(kind, record_id, values, detail),
            lambda error: self._failed(kind, record_id, values, error),
        )

    def _saved(
        self,
        kind: str,
        record_id: uuid.UUID | None,
        values: Mapping[str, object],
        detail: RecordDetail,
    ) -> None:
        self.saving = False
        if kind != self.kind or record_id != self.record_id:
            # The editor moved on; the saved record's draft is done.
            self._store.remove(kind, record_id)
            self.saved.emit(detail)
            return
        for name, value in values.items():
            if self.pending.get(name) == value:
                del self.pending[name]
        if record_id is None:
            self._store.remove(kind, None)
            self.record_id = detail.id
        self.last_saved_at = datetime.now()
        if self.pending and not set(self.pending) <= set(self.invalid):
            self.touch()
        elif self.dirty:
            self.write_recovery()
        else:
            self._forget_recovery()
        self.saved.emit(detail)

    def _failed(
        self,
        kind: str,
        record_id: uuid.UUID | None,
        values: Mapping[str, object],
        error: KnownError,
    ) -> None:
        self.saving = False
        if kind != self.kind or record_id != self.record_id:
            self.failed.emit(error)
            return
        if isinstance(error, FieldErrors):
            self.invalid.update(error.problems)
            rest = {k: v for k, v in values.items() if k not in error.problems}
            self.failed.emit(error)
            if rest and record_id is not None:
                # Save what is valid; the bad values wait in the draft for a fix.
                self.flush()
            return
        self.failed.emit(error)

    def _forget_recovery(self) -> None:
        self._store.remove(self.kind, self.record_id)
        self.dirty_changed.emit(False)

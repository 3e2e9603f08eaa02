"""What every page of the main window gets: the worker, the services and a shared event hub.

Pages never talk to each other directly: one page announces through :class:`RecordEvents`
(a record was saved, deleted, should be opened) and the others react. Database work goes
through ``context.worker.submit(...)`` only, never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from kommunpolis.paths import AppPaths
from kommunpolis.ui.tasks import DatabaseWorker

if TYPE_CHECKING:
    import uuid

    from kommunpolis.composition import Services


class RecordEvents(QObject):
    """Signals about records that any page may emit or follow."""

    # (kind name as in storage.kinds, e.g. "dialogues"; record id)
    record_saved = Signal(str, object)
    record_deleted = Signal(str, object)
    record_restored = Signal(str, object)
    # Ask the main window to show a record in its section (e.g. from search or Översikt).
    open_record_requested = Signal(str, object)
    # Ask the status bar to offer Ångra (undo) for a deletion.
    undo_offered = Signal(str, str, object)  # (message, kind, id)
    # Bundles were imported: records of any kind may have come, changed or gone.
    records_imported = Signal()

    def announce_saved(self, kind: str, record_id: uuid.UUID) -> None:
        """Tell every page that a record was created or changed."""
        self.record_saved.emit(kind, record_id)


@dataclass(frozen=True)
class UiContext:
    """The collaborators a page needs, passed in by the main window."""

    paths: AppPaths
    services: Services
    worker: DatabaseWorker
    settings: QSettings
    events: RecordEvents

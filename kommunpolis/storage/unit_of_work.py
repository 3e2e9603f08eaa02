"""The unit of work: one session, one transaction, stamped metadata, typed failures.

``with uow: ...; uow.commit()`` — leaving the block without a commit rolls back.
Every synced record written through it gets its id, author, device, times and a
fresh revision from the clock, so no service has to remember to stamp anything.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, Self

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from kommunpolis.domain.errors import ProfileMissing
from kommunpolis.domain.ids import uuid7
from kommunpolis.storage.failures import database_errors
from kommunpolis.storage.tables import Profile, Record


class RevisionClock(Protocol):
    """Anything that issues increasing revisions (the sync package's hybrid clock)."""

    def tick(self) -> int:
        """Return a new revision."""
        ...


class UnitOfWork:
    """Own a session for one block of work; roll back unless committed."""

    def __init__(
        self,
        *,
        session_factory: Callable[[], Session],
        clock: RevisionClock,
        path: Path,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._session_factory = session_factory
        self._clock = clock
        self._path = path
        self._now = now
        self._session: Session | None = None
        self._errors: Any = None

    @property
    def session(self) -> Session:
        """The open session; only valid inside the ``with`` block."""
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its 'with' block")
        return self._session

    def __enter__(self) -> Self:
        self._errors = database_errors(self._path)
        self._errors.__enter__()
        self._session = self._session_factory()
        event.listen(self._session, "before_flush", self._stamp)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None:
        session, self._session = self._session, None
        try:
            if session is not None:
                session.rollback()
                session.close()
        finally:
            errors, self._errors = self._errors, None
            # Hands the block's exception to database_errors, which may re-type it.
            handled: bool | None = errors.__exit__(exc_type, exc, tb)
        return handled

    def commit(self) -> None:
        """Make the block's writes durable."""
        self.session.commit()

    def flush(self) -> None:
        """Send pending writes now (to see constraint errors before commit)."""
        self.session.flush()

    def _stamp(self, session: Session, _context: Any, _instances: Any) -> None:
        records = [obj for obj in session.new if isinstance(obj, Record)]
        changed = [
            obj for obj in session.dirty if isinstance(obj, Record) and session.is_modified(obj)
        ]
        if not records and not changed:
            return
        profile = session.scalars(select(Profile)).first()
        if profile is None:
            raise ProfileMissing()
        now = self._now()
        for record in records:
            if getattr(record, "id", None) is None:
                record.id = uuid7()
            record.author = record.author or profile.name
            record.origin_device = record.origin_device or profile.device_id
            record.created_at = record.created_at or now
        for record in [*records, *changed]:
            record.updated_at = now
            record.revision = self._clock.tick()
            record.revision_device = profile.device_id


def new_device_id() -> uuid.UUID:
    """Return a fresh identifier for this installation."""
    return uuid7()

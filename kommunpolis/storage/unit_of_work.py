"""The unit of work: one session, one transaction, stamped metadata, typed failures.

``with uow: ...; uow.commit()`` — leaving the block without a commit rolls back.
Every synced record written through it gets its id, author, device, times, a fresh
revision from the clock, the clocks of the fields that changed and the transaction's
local version, so no service has to remember to stamp anything. A new link gets an
id derived from the two records it links, so two devices that make the same link
make the same record.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, Self

from sqlalchemy import Table, UniqueConstraint, event, inspect, text
from sqlalchemy.orm import Session

from kommunpolis.domain.errors import ProfileMissing
from kommunpolis.domain.ids import uuid7
from kommunpolis.storage.failures import database_errors
from kommunpolis.storage.tables import LocalCounter, Record
from kommunpolis.sync.merge import META_COLUMNS, dump_clocks, parse_clocks, stamp_edit

_PROFILE = text("SELECT name, device_id FROM profile ORDER BY id LIMIT 1")
_NEXT_VERSION = text("UPDATE local_counter SET value = value + 1 WHERE id = 1 RETURNING value")
LINK_NAMESPACE = uuid.UUID("5f0e8a52-4b8e-4c39-9d0a-6b1f3c2d7e10")
_VERSION_KEY = "kommunpolis.local_version"


class RevisionClock(Protocol):
    """Anything that issues increasing revisions (the sync package's hybrid clock)."""

    def tick(self) -> int:
        """Return a new revision."""
        ...


class RevisionObserver(Protocol):
    """Anything that can be told of revisions seen elsewhere (the hybrid clock)."""

    def observe(self, revision: int) -> None:
        """Move past ``revision``."""
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
        event.listen(self._session, "after_transaction_end", _forget_version)
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
        # Core statements, not ORM ones: this runs on every save, and the ORM's
        # statement machinery would cost more than the bookkeeping itself.
        connection = session.connection()
        profile = connection.execute(_PROFILE).first()
        if profile is None:
            raise ProfileMissing()
        author, device_id = profile[0], uuid.UUID(bytes=profile[1])
        now = self._now()
        version = local_version(session)
        device = str(device_id)
        for record in records:
            if getattr(record, "id", None) is None:
                record.id = _link_id(record) or uuid7()
            record.author = record.author or author
            record.origin_device = record.origin_device or device_id
            record.created_at = record.created_at or now
        edited = {id(record) for record in changed}
        for record in [*records, *changed]:
            revision = self._clock.tick()
            if id(record) in edited:
                fields = [
                    attribute.key
                    for attribute in inspect(record).attrs
                    if attribute.key not in META_COLUMNS and attribute.history.has_changes()
                ]
                clocks = stamp_edit(parse_clocks(record.field_clocks), fields, revision, device)
                record.field_clocks = dump_clocks(clocks)
            record.updated_at = now
            record.revision = revision
            record.revision_device = device_id
            record.local_version = version


def local_version(session: Session) -> int:
    """Return this transaction's local version, taking the next one on first use.

    The counter row is written inside the transaction, so the transaction holds
    SQLite's write lock from here on and versions follow commit order.
    """
    version: int | None = session.info.get(_VERSION_KEY)
    if version is None:
        version = session.connection().execute(_NEXT_VERSION).scalar_one_or_none()
        if version is None:  # A database made without the migrations (never in the app).
            session.add(LocalCounter(id=1, value=1))
            session.flush()
            version = 1
        session.info[_VERSION_KEY] = version
    return version


def _forget_version(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_VERSION_KEY, None)


def link_columns(table: Table) -> tuple[str, str] | None:
    """Return the two columns a link table's rows are unique by, or None for a record."""
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint) and len(constraint.columns) == 2:
            first, second = constraint.columns
            return first.name, second.name
    return None


_LINKS: dict[type[Record], tuple[str, str] | None] = {}


def _link_id(record: Record) -> uuid.UUID | None:
    """Return the id a link between two records always gets, or None for other records."""
    model = type(record)
    if model not in _LINKS:
        table = model.__table__
        assert isinstance(table, Table)
        _LINKS[model] = link_columns(table)
    columns = _LINKS[model]
    if columns is None:
        return None
    first, second = (getattr(record, name) for name in columns)
    if first is None or second is None:
        return None
    return uuid.uuid5(LINK_NAMESPACE, f"{model.__tablename__}/{first}/{second}")


def new_device_id() -> uuid.UUID:
    """Return a fresh identifier for this installation."""
    return uuid7()

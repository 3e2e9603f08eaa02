"""Count, list, change the status of, delete and restore records of any kind."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import case, func, select

from kommunpolis.domain.errors import InvalidInput, RecordNotFound
from kommunpolis.domain.statuses import check_transition
from kommunpolis.services.read_models import KindCount, RecordSummary
from kommunpolis.storage.kinds import KINDS, KINDS_BY_NAME, RecordKind, all_record_tables
from kommunpolis.storage.tables import Record
from kommunpolis.storage.unit_of_work import UnitOfWork

TITLE_PREVIEW = 80


def _kind(name: str) -> RecordKind:
    try:
        return KINDS_BY_NAME[name]
    except KeyError:
        known = ", ".join(kind.name for kind in KINDS)
        raise InvalidInput("kind", f"unknown kind '{name}' (known: {known})") from None


def _summary(kind: RecordKind, record: Record) -> RecordSummary:
    title = str(getattr(record, kind.title_column) or "")
    status = getattr(record, kind.status_column) if kind.status_column else None
    return RecordSummary(
        kind=kind.name,
        id=record.id,
        title=title if len(title) <= TITLE_PREVIEW else title[: TITLE_PREVIEW - 1] + "…",
        status=str(status) if status is not None else None,
        updated_at=record.updated_at,
        deleted=record.deleted_at is not None,
    )


class RecordService:
    """Generic operations that work the same for every kind of record."""

    def __init__(
        self,
        *,
        uow: Callable[[], UnitOfWork],
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._uow = uow
        self._now = now

    def stats(self) -> tuple[KindCount, ...]:
        """Return live and tombstoned counts for every table of synced records."""
        counts = []
        with self._uow() as uow:
            for table in all_record_tables():
                deleted = case((table.deleted_at.is_not(None), 1), else_=0)
                total, tombstoned = uow.session.execute(
                    select(func.count(), func.coalesce(func.sum(deleted), 0)).select_from(table)
                ).one()
                counts.append(KindCount(table.__tablename__, total - tombstoned, tombstoned))
        return tuple(counts)

    def list(
        self, kind_name: str, *, include_deleted: bool = False, limit: int | None = None
    ) -> tuple[RecordSummary, ...]:
        """Return the records of one kind, newest first."""
        kind = _kind(kind_name)
        model = kind.model
        query = select(model).order_by(model.created_at.desc(), model.id.desc()).limit(limit)
        if not include_deleted:
            query = query.where(model.deleted_at.is_(None))
        with self._uow() as uow:
            return tuple(_summary(kind, record) for record in uow.session.scalars(query))

    def get(self, kind_name: str, record_id: uuid.UUID) -> RecordSummary:
        """Return one live record's summary."""
        kind = _kind(kind_name)
        with self._uow() as uow:
            return _summary(kind, self._live(uow, kind, record_id))

    def change_status(self, kind_name: str, record_id: uuid.UUID, target: str) -> RecordSummary:
        """Move a record to ``target`` status if its lifecycle allows it."""
        kind = _kind(kind_name)
        if kind.status_column is None:
            raise InvalidInput("status", f"{kind.name} have no status")
        with self._uow() as uow:
            record = self._live(uow, kind, record_id)
            current = getattr(record, kind.status_column)
            lifecycle = type(current)
            assert issubclass(lifecycle, StrEnum)
            try:
                wanted = lifecycle(target)
            except ValueError:
                allowed = ", ".join(status.value for status in lifecycle)
                raise InvalidInput("status", f"'{target}' is not one of {allowed}") from None
            setattr(record, kind.status_column, check_transition(kind.name, current, wanted))
            uow.commit()
            return _summary(kind, record)

    def delete(self, kind_name: str, record_id: uuid.UUID) -> RecordSummary:
        """Tombstone a record (it stays, marked deleted, so the deletion can travel)."""
        kind = _kind(kind_name)
        with self._uow() as uow:
            record = self._live(uow, kind, record_id)
            record.deleted_at = self._now()
            uow.commit()
            return _summary(kind, record)

    def restore(self, kind_name: str, record_id: uuid.UUID) -> RecordSummary:
        """Undo a deletion."""
        kind = _kind(kind_name)
        with self._uow() as uow:
            record = uow.session.get(kind.model, record_id)
            if record is None:
                raise RecordNotFound(kind.name, str(record_id))
            record.deleted_at = None
            uow.commit()
            return _summary(kind, record)

    @staticmethod
    def _live(uow: UnitOfWork, kind: RecordKind, record_id: uuid.UUID) -> Record:
        record = uow.session.get(kind.model, record_id)
        if record is None or record.deleted_at is not None:
            raise RecordNotFound(kind.name, str(record_id))
        return record

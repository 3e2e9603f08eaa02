"""The coordinator's view: whose work is here, per kommun, and the open conflicts by record.

Counts live records (no tombstones) of the four kinds a coordinator follows — dialogues,
concerns, problems and promises — grouped by kommun and by the device that created them
(``origin_device``, one per officer), in a few grouped SQL queries.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from kommunpolis.services.importing import ConflictInfo, ImportService
from kommunpolis.storage import tables as t
from kommunpolis.storage.kinds import KINDS
from kommunpolis.storage.unit_of_work import UnitOfWork

COUNTED_KINDS = ("dialogues", "concerns", "problems", "promises")
"""The kinds counted per kommun and officer, in the order they are shown."""

_KIND_BY_TABLE = {kind.model.__tablename__: kind for kind in KINDS}
_TITLE_LIMIT = 120


@dataclass(frozen=True)
class OfficerWork:
    """What one device (one officer) recorded in one kommun: live records per kind."""

    municipality_code: str
    municipality_name: str
    origin_device: uuid.UUID
    author: str
    """The name the records carry (the last name used on that device)."""
    counts: dict[str, int]
    """Live records per kind name (see :data:`COUNTED_KINDS`)."""
    last_updated: datetime | None

    @property
    def total(self) -> int:
        """All counted records."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class ConflictView:
    """An open conflict with the record kind (``storage.kinds`` name) and title, if known."""

    conflict: ConflictInfo
    kind: str | None
    """The kind name (e.g. ``dialogues``), None for a link between records."""
    title: str
    """The record's title ('' when it has none or is gone)."""


class CoordinationService:
    """Read what arrived, grouped for the regional coordinator."""

    def __init__(self, *, uow: Callable[[], UnitOfWork], importing: ImportService) -> None:
        self._uow = uow
        self._importing = importing

    def work_by_municipality(self) -> tuple[OfficerWork, ...]:
        """Return the live records per kommun and officer, by kommun name then author."""
        totals: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
        with self._uow() as uow:
            session = uow.session
            for kind, query in self._grouped_queries():
                for code, device, author, count, updated in session.execute(query):
                    entry = totals.setdefault(
                        (code, device),
                        {"author": author, "counts": dict.fromkeys(COUNTED_KINDS, 0), "at": None},
                    )
                    entry["counts"][kind] = count
                    if updated is not None and (entry["at"] is None or updated > entry["at"]):
                        entry["at"] = updated
                        entry["author"] = author
            names = dict(session.execute(select(t.Municipality.code, t.Municipality.name)).all())
        work = [
            OfficerWork(
                municipality_code=code,
                municipality_name=names.get(code, code),
                origin_device=device,
                author=entry["author"],
                counts=entry["counts"],
                last_updated=entry["at"],
            )
            for (code, device), entry in totals.items()
        ]
        return tuple(
            sorted(work, key=lambda w: (w.municipality_name.casefold(), w.author.casefold()))
        )

    @staticmethod
    def _grouped_queries() -> list[tuple[str, Any]]:
        """One grouped query per counted kind: (kommun, device, author, count, last update)."""
        queries: list[tuple[str, Any]] = []
        for kind, model in (
            ("dialogues", t.Dialogue),
            ("problems", t.Problem),
            ("promises", t.Promise),
        ):
            queries.append(
                (
                    kind,
                    select(
                        model.municipality_code,
                        model.origin_device,
                        func.max(model.author),
                        func.count(),
                        func.max(model.updated_at),
                    )
                    .where(model.deleted_at.is_(None), model.municipality_code.is_not(None))
                    .group_by(model.municipality_code, model.origin_device),
                )
            )
        # A concern's kommun is its dialogue's.
        queries.append(
            (
                "concerns",
                select(
                    t.Dialogue.municipality_code,
                    t.Concern.origin_device,
                    func.max(t.Concern.author),
                    func.count(),
                    func.max(t.Concern.updated_at),
                )
                .join(t.Dialogue, t.Dialogue.id == t.Concern.dialogue_id)
                .where(t.Concern.deleted_at.is_(None), t.Dialogue.municipality_code.is_not(None))
                .group_by(t.Dialogue.municipality_code, t.Concern.origin_device),
            )
        )
        return queries

    def open_conflicts(self) -> tuple[ConflictView, ...]:
        """Return the open conflicts, oldest first, with the record's kind and title."""
        conflicts = self._importing.conflicts()
        views: list[ConflictView] = []
        with self._uow() as uow:
            session = uow.session
            for conflict in conflicts:
                kind = _KIND_BY_TABLE.get(conflict.table)
                title = ""
                if kind is not None:
                    column = getattr(kind.model, kind.title_column)
                    value = session.scalar(
                        select(column).where(kind.model.id == conflict.record_id)
                    )
                    title = _short(value)
                views.append(
                    ConflictView(conflict=conflict, kind=kind.name if kind else None, title=title)
                )
        return tuple(views)


def _short(value: object) -> str:
    text = " ".join(str(value).split()) if value is not None else ""
    return text if len(text) <= _TITLE_LIMIT else text[: _TITLE_LIMIT - 1] + "…"


def kind_for_table(table: str) -> str | None:
    """Return the kind name (``storage.kinds``) of a synced table, None for a link table."""
    kind = _KIND_BY_TABLE.get(table)
    return kind.name if kind is not None else None

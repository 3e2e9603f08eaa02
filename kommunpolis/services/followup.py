"""Log a promise's follow-up in one go: one line per measure (status, colour, note, hours).

:meth:`FollowUpService.form` reads what the quick follow-up shows: the promise, each live
measure not cancelled with its status, the steps its lifecycle allows and its mark, and
the promise's progress. :meth:`FollowUpService.log` writes one ``FollowUp`` with a
``FollowUpMeasure`` row per line in one transaction; a measure whose status changes is
moved through :func:`~kommunpolis.domain.statuses.check_transition`, so a forbidden jump
is an :class:`~kommunpolis.domain.errors.InvalidTransition` and nothing is written. The
promise's progress is never typed: it is derived again from the measures afterwards.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from kommunpolis.domain.errors import InvalidInput, RecordNotFound
from kommunpolis.domain.statuses import MeasureStatus, allowed_next, check_transition
from kommunpolis.domain.vocabulary import FollowUpKind, FollowUpMark
from kommunpolis.services.chain import ChainService, PromiseProgress
from kommunpolis.storage.tables import FollowUp, FollowUpMeasure, Measure, Promise
from kommunpolis.storage.unit_of_work import UnitOfWork

NOTE_LIMIT = 2000
HOURS_LIMIT = 10_000.0


@dataclass(frozen=True)
class MeasureLine:
    """A measure as the quick follow-up shows it."""

    measure_id: uuid.UUID
    title: str
    responsible: str
    status: MeasureStatus
    allowed: tuple[MeasureStatus, ...]  # the steps its lifecycle allows from ``status``
    mark: FollowUpMark | None


@dataclass(frozen=True)
class FollowUpForm:
    """What a follow-up of one promise starts from."""

    promise_id: uuid.UUID
    promise_title: str
    measures: tuple[MeasureLine, ...]
    cancelled: int  # live measures left out because they are cancelled
    progress: PromiseProgress


@dataclass(frozen=True)
class MeasureEntry:
    """One line of a follow-up: a measure's status and mark now, a note and the hours."""

    measure_id: uuid.UUID
    status: MeasureStatus
    mark: FollowUpMark | None = None
    note: str = ""
    hours: float | None = None


@dataclass(frozen=True)
class FollowUpLogged:
    """A follow-up that was written, and the promise's progress after it."""

    follow_up_id: uuid.UUID
    promise_id: uuid.UUID
    lines: int
    changed_measures: tuple[uuid.UUID, ...]  # measures whose status or mark changed
    progress: PromiseProgress


class FollowUpService:
    """Read and write a promise's follow-up, one line per measure."""

    def __init__(
        self,
        *,
        uow: Callable[[], UnitOfWork],
        chain: ChainService,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._uow = uow
        self._chain = chain
        self._today = today

    def form(self, promise_id: uuid.UUID) -> FollowUpForm:
        """Return the promise's live measures (cancelled ones left out) and its progress."""
        with self._uow() as uow:
            promise = _live_promise(uow, promise_id)
            measures = uow.session.scalars(
                select(Measure)
                .where(Measure.promise_id == promise_id, Measure.deleted_at.is_(None))
                .order_by(
                    Measure.starts_on.is_(None), Measure.starts_on, Measure.created_at, Measure.id
                )
            ).all()
            lines = tuple(
                MeasureLine(
                    measure_id=m.id,
                    title=m.title,
                    responsible=m.responsible,
                    status=m.status,
                    allowed=allowed_next(m.status),
                    mark=m.mark,
                )
                for m in measures
                if m.status is not MeasureStatus.CANCELLED
            )
            title = promise.title
        return FollowUpForm(
            promise_id=promise_id,
            promise_title=title,
            measures=lines,
            cancelled=len(measures) - len(lines),
            progress=self._chain.promise_progress(promise_id),
        )

    def log(
        self,
        promise_id: uuid.UUID,
        entries: Sequence[MeasureEntry],
        *,
        held_on: date | None = None,
        kind: FollowUpKind = FollowUpKind.PROCESS,
        narrative: str = "",
        reported_to: str = "",
    ) -> FollowUpLogged:
        """Write one follow-up of the promise with a line per entry; return the new progress.

        Every entry must name a live measure of the promise, once. A status other than the
        measure's own must be a step its lifecycle allows (else ``InvalidTransition``, and
        nothing is written); the measure takes the new status and, when given, the mark.
        The follow-up's hours are the sum of the lines' hours (None if no line has any).
        """
        if not entries:
            raise InvalidInput("measures", "a follow-up needs at least one measure")
        ids = [entry.measure_id for entry in entries]
        if len(set(ids)) != len(ids):
            raise InvalidInput("measures", "each measure at most once")
        for entry in entries:
            _check_entry(entry)
        changed: list[uuid.UUID] = []
        with self._uow() as uow:
            _live_promise(uow, promise_id)
            measures = {
                m.id: m
                for m in uow.session.scalars(
                    select(Measure).where(Measure.id.in_(ids), Measure.deleted_at.is_(None))
                )
            }
            for entry in entries:
                measure = measures.get(entry.measure_id)
                if measure is None or measure.promise_id != promise_id:
                    raise RecordNotFound("measures", str(entry.measure_id))
                status = MeasureStatus(entry.status)
                if status is not measure.status:
                    measure.status = check_transition("measures", measure.status, status)
                    changed.append(measure.id)
                if entry.mark is not None and entry.mark is not measure.mark:
                    measure.mark = entry.mark
                    if measure.id not in changed:
                        changed.append(measure.id)
            hours = [entry.hours for entry in entries if entry.hours is not None]
            follow_up = FollowUp(
                promise_id=promise_id,
                held_on=held_on or self._today(),
                kind=FollowUpKind(kind),
                narrative=narrative.strip(),
                hours=sum(hours) if hours else None,
                reported_to=reported_to.strip(),
            )
            uow.session.add(follow_up)
            uow.flush()
            for entry in entries:
                uow.session.add(
                    FollowUpMeasure(
                        follow_up_id=follow_up.id,
                        measure_id=entry.measure_id,
                        status=MeasureStatus(entry.status),
                        mark=entry.mark,
                        note=entry.note.strip(),
                        hours=entry.hours,
                    )
                )
            uow.flush()
            follow_up_id = follow_up.id
            uow.commit()
        return FollowUpLogged(
            follow_up_id=follow_up_id,
            promise_id=promise_id,
            lines=len(entries),
            changed_measures=tuple(changed),
            progress=self._chain.promise_progress(promise_id),
        )


def _live_promise(uow: UnitOfWork, promise_id: uuid.UUID) -> Promise:
    promise = uow.session.get(Promise, promise_id)
    if promise is None or promise.deleted_at is not None:
        raise RecordNotFound("promises", str(promise_id))
    return promise


def _check_entry(entry: MeasureEntry) -> None:
    if entry.hours is not None and not (
        math.isfinite(entry.hours) and 0 <= entry.hours <= HOURS_LIMIT
    ):
        raise InvalidInput("hours", f"between 0 and {HOURS_LIMIT:g}")
    if len(entry.note) > NOTE_LIMIT:
        raise InvalidInput("note", f"at most {NOTE_LIMIT} characters")

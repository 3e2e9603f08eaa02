"""The attention board: where the chain concern → problem → promise → measure → follow-up →
feedback is broken.

Seven sections, each an exact total and the first :data:`ITEM_LIMIT` items, newest or
most urgent first, computed in SQL over live records only (tombstoned records, and
links whose far end is tombstoned, do not count):

- concerns not supporting any problem (no live ``ProblemConcern`` to a live problem);
- prioritised or analysed problems without a measure (no live, non-cancelled
  ``Measure.problem_id``);
- adopted promises (signed, published or followed up) whose own chain is broken: the
  breaks :class:`~kommunpolis.services.chain.ChainService` finds in a promise's trace,
  except those of single measures, which the next section lists already (see
  :data:`PROMISE_BREAKS`);
- measures that are overdue, or that have started but were never followed up;
- what falls due within :data:`DUE_WINDOW_DAYS` days (measures ending, promises'
  periods ending);
- dialogues held or compiled but not fed back to the citizens;
- meetings whose minutes are still a draft.

The counting of concerns is the only expensive part (about five concerns per
dialogue); see :meth:`AttentionService._unlinked_concerns_total` for how it stays fast.
The promises are few (a handful per kommun), so each one's breaks are found with one
EXISTS per kind of break, stopping at the first example.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    distinct,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from kommunpolis.domain.collation import swedish_key
from kommunpolis.domain.statuses import (
    DialogueStatus,
    MeasureStatus,
    MinutesStatus,
    ProblemStatus,
    PromiseStatus,
)
from kommunpolis.services.chain import BreakKind
from kommunpolis.storage.tables import (
    Commitment,
    Concern,
    Dialogue,
    FollowUp,
    FollowUpMeasure,
    Measure,
    Meeting,
    Municipality,
    Problem,
    ProblemConcern,
    Promise,
    PromiseProblem,
    Theme,
)
from kommunpolis.storage.unit_of_work import UnitOfWork

ITEM_LIMIT = 50
DUE_WINDOW_DAYS = 14

_OPEN_MEASURE = (MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS)
_PRIORITISED = (ProblemStatus.PRIORITISED, ProblemStatus.ANALYSED)
_HELD = (DialogueStatus.HELD, DialogueStatus.COMPILED)
_RUNNING_PROMISE = (PromiseStatus.PUBLISHED, PromiseStatus.FOLLOWED_UP)
# Promises made to the citizens: a draft is still being written, a closed one is history.
_ADOPTED_PROMISE = (PromiseStatus.SIGNED, PromiseStatus.PUBLISHED, PromiseStatus.FOLLOWED_UP)

PROMISE_BREAKS: tuple[BreakKind, ...] = (
    BreakKind.PROMISE_WITHOUT_PROBLEM,
    BreakKind.PROMISE_WITHOUT_COMMITMENT,
    BreakKind.PROMISE_WITHOUT_MEASURE,
    BreakKind.PROBLEM_WITHOUT_CONCERN,
    BreakKind.PROBLEM_WITHOUT_MEASURE,
    BreakKind.MEASURE_WITHOUT_PROBLEM,
    BreakKind.DIALOGUE_NOT_FED_BACK,
)
"""The breaks of a promise's trace the board names, in chain order.

A measure overdue or never followed up is left out: the measures' section lists it.
"""


class Section(StrEnum):
    """The sections of the board, in display order."""

    UNLINKED_CONCERNS = "unlinked_concerns"
    PROBLEMS_WITHOUT_MEASURE = "problems_without_measure"
    BROKEN_PROMISES = "broken_promises"
    MEASURES_STALLED = "measures_stalled"
    DUE_SOON = "due_soon"
    DIALOGUES_NOT_FED_BACK = "dialogues_not_fed_back"
    MINUTES_NOT_APPROVED = "minutes_not_approved"


SECTIONS: tuple[Section, ...] = tuple(Section)

CHAIN_SECTIONS: tuple[Section, ...] = (
    Section.UNLINKED_CONCERNS,
    Section.PROBLEMS_WITHOUT_MEASURE,
    Section.BROKEN_PROMISES,
    Section.MEASURES_STALLED,
    Section.DIALOGUES_NOT_FED_BACK,
)
"""The sections that are breaks in the chain (not what is merely due or a draft)."""


class Reason(StrEnum):
    """Why one item is on the board (the measures' section has two reasons)."""

    UNLINKED = "unlinked"
    NO_MEASURE = "no_measure"
    BROKEN_CHAIN = "broken_chain"
    OVERDUE = "overdue"
    NO_FOLLOW_UP = "no_follow_up"
    DUE_SOON = "due_soon"
    NOT_FED_BACK = "not_fed_back"
    NOT_APPROVED = "not_approved"


@dataclass(frozen=True)
class AttentionItem:
    """One record that needs the officer, with what the list shows about it."""

    kind: str  # a kind name of storage.kinds, e.g. "concerns"
    id: uuid.UUID
    title: str
    reason: Reason
    municipality_code: str | None
    day: date | None = None  # the date that matters: dialogue, end, period end, meeting
    days_from_today: int | None = None  # ``day`` minus today; negative in the past
    subtitle: str = ""  # e.g. the dialogue a concern was raised in
    status: str | None = None
    priority: int | None = None
    breaks: tuple[BreakKind, ...] = ()  # a promise's breaks, in PROMISE_BREAKS order


@dataclass(frozen=True)
class AttentionSection:
    """One section: its exact total and the first items."""

    section: Section
    total: int
    items: tuple[AttentionItem, ...]


@dataclass(frozen=True)
class AttentionBoard:
    """Every section of the board for one day and one choice of kommuner."""

    today: date
    municipality_codes: tuple[str, ...] | None
    sections: tuple[AttentionSection, ...]

    def section(self, section: Section) -> AttentionSection:
        """Return the named section."""
        return next(s for s in self.sections if s.section is section)


@dataclass(frozen=True)
class MunicipalityAttention:
    """How many items each section holds for one kommun (``code`` None: no kommun)."""

    code: str | None
    name: str
    counts: tuple[int, ...]  # in SECTIONS order

    def count(self, section: Section) -> int:
        """Return the count of one section."""
        return self.counts[SECTIONS.index(section)]

    @property
    def total(self) -> int:
        """All sections together."""
        return sum(self.counts)

    @property
    def chain_breaks(self) -> int:
        """The items of the sections that are breaks in the chain (:data:`CHAIN_SECTIONS`)."""
        return sum(self.count(section) for section in CHAIN_SECTIONS)


def _live(model: Any) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)  # type: ignore[no-any-return]


def _linked(concern_id: Any) -> ColumnElement[bool]:
    """Whether a live link joins the concern to a live problem."""
    # An alias, so that the subquery stays self-contained even inside a query that
    # itself reads problem_concern (SQLAlchemy would otherwise correlate the two).
    link = aliased(ProblemConcern)
    return exists(
        select(link.id)
        .join(Problem, Problem.id == link.problem_id)
        .where(link.concern_id == concern_id, _live(link), _live(Problem))
    )


def _has_measure() -> ColumnElement[bool]:
    return exists(
        select(Measure.id).where(
            Measure.problem_id == Problem.id,
            _live(Measure),
            Measure.status != MeasureStatus.CANCELLED,
        )
    )


def _followed_up() -> ColumnElement[bool]:
    return exists(
        select(FollowUpMeasure.id)
        .join(FollowUp, FollowUp.id == FollowUpMeasure.follow_up_id)
        .where(FollowUpMeasure.measure_id == Measure.id, _live(FollowUpMeasure), _live(FollowUp))
    )


def _measure_kommun() -> ColumnElement[str | None]:
    """A measure's kommun: its problem's, else its promise's."""
    of_problem = (
        select(Problem.municipality_code).where(Problem.id == Measure.problem_id).scalar_subquery()
    )
    of_promise = (
        select(Promise.municipality_code).where(Promise.id == Measure.promise_id).scalar_subquery()
    )
    return func.coalesce(of_problem, of_promise)


def _unindexed(column: Any) -> ColumnElement[Any]:
    """Return ``+column``: the same value, but SQLite will not look it up by its index.

    SQLite has no statistics on these tables, so in a join it sometimes picks the wrong
    table to loop over; making one side's index unusable chooses the loop order.
    """
    return UnaryExpression(column, operator=custom_op("+"), type_=column.type)


def _start_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


@dataclass(frozen=True)
class _PromiseBreaks:
    id: uuid.UUID
    title: str
    municipality_code: str | None
    status: PromiseStatus
    period_end: date
    breaks: tuple[BreakKind, ...]


def _promise_break_checks() -> dict[BreakKind, ColumnElement[bool]]:
    """For each break of :data:`PROMISE_BREAKS`: whether the current promise has it.

    The same rules as ``ChainService.promise_trace``, over live records and live links
    only: a focus area is a live ``PromiseProblem`` to a live problem; a supporting
    concern is a live ``ProblemConcern`` to a live concern of a live dialogue.
    """
    focus = aliased(PromiseProblem)
    focus_problem = aliased(Problem)
    is_focus = and_(
        focus.promise_id == Promise.id,
        _live(focus),
        focus_problem.id == focus.problem_id,
        _live(focus_problem),
    )
    evidence = aliased(ProblemConcern)
    evidence_concern = aliased(Concern)
    evidence_dialogue = aliased(Dialogue)
    supported = exists(
        select(evidence.id)
        .join(evidence_concern, evidence_concern.id == evidence.concern_id)
        .join(evidence_dialogue, evidence_dialogue.id == evidence_concern.dialogue_id)
        .where(
            evidence.problem_id == focus.problem_id,
            _live(evidence),
            _live(evidence_concern),
            _live(evidence_dialogue),
        )
    )
    own = aliased(Measure)
    own_measure = exists(select(own.id).where(own.promise_id == Promise.id, _live(own)))
    answering = aliased(Measure)
    answered = exists(
        select(answering.id).where(
            answering.promise_id == Promise.id,
            answering.problem_id == focus.problem_id,
            _live(answering),
            answering.status != MeasureStatus.CANCELLED,
        )
    )
    stray = aliased(Measure)
    stray_focus = aliased(PromiseProblem)
    stray_problem = aliased(Problem)
    in_focus = exists(
        select(stray_focus.id)
        .join(stray_problem, stray_problem.id == stray_focus.problem_id)
        .where(
            stray_focus.promise_id == Promise.id,
            stray_focus.problem_id == stray.problem_id,
            _live(stray_focus),
            _live(stray_problem),
        )
    )
    told = aliased(ProblemConcern)
    told_concern = aliased(Concern)
    told_dialogue = aliased(Dialogue)
    return {
        BreakKind.PROMISE_WITHOUT_PROBLEM: ~exists(select(focus.id).where(is_focus)),
        BreakKind.PROMISE_WITHOUT_COMMITMENT: ~exists(
            select(Commitment.id).where(Commitment.promise_id == Promise.id, _live(Commitment))
        ),
        BreakKind.PROMISE_WITHOUT_MEASURE: ~own_measure,
        BreakKind.PROBLEM_WITHOUT_CONCERN: exists(select(focus.id).where(is_focus, ~supported)),
        BreakKind.PROBLEM_WITHOUT_MEASURE: and_(
            own_measure, exists(select(focus.id).where(is_focus, ~answered))
        ),
        BreakKind.MEASURE_WITHOUT_PROBLEM: exists(
            select(stray.id).where(stray.promise_id == Promise.id, _live(stray), ~in_focus)
        ),
        # Stops at the first dialogue not fed back; the demo's promises have thousands
        # of concerns behind them, most of them from dialogues that were.
        BreakKind.DIALOGUE_NOT_FED_BACK: exists(
            select(focus.id)
            .join(told, told.problem_id == focus.problem_id)
            .join(told_concern, told_concern.id == told.concern_id)
            .join(told_dialogue, told_dialogue.id == told_concern.dialogue_id)
            .where(
                is_focus,
                _live(told),
                _live(told_concern),
                _live(told_dialogue),
                told_dialogue.status != DialogueStatus.FED_BACK,
            )
        ),
    }


class AttentionService:
    """Compute the attention board and its counts per kommun."""

    def __init__(
        self, *, uow: Callable[[], UnitOfWork], today: Callable[[], date] = date.today
    ) -> None:
        self._uow = uow
        self._today = today

    # --- public ---------------------------------------------------------------------

    def board(self, municipality_codes: Sequence[str] | None = None) -> AttentionBoard:
        """Return every section for ``municipality_codes`` (None: every kommun and none)."""
        today = self._today()
        codes = None if municipality_codes is None else tuple(sorted(set(municipality_codes)))
        with self._uow() as uow:
            session = uow.session
            sections = (
                self._unlinked_concerns(session, codes, today),
                self._problems_without_measure(session, codes),
                self._broken_promises(session, codes),
                self._stalled_measures(session, codes, today),
                self._due_soon(session, codes, today),
                self._dialogues_not_fed_back(session, codes, today),
                self._minutes_not_approved(session, codes, today),
            )
        return AttentionBoard(today=today, municipality_codes=codes, sections=sections)

    def counts_per_municipality(
        self, municipality_codes: Sequence[str] | None = None
    ) -> tuple[MunicipalityAttention, ...]:
        """Return each section's count per kommun, by Swedish name.

        Without ``municipality_codes``: every kommun with something on the board, and a
        last row (code None) for records that belong to no kommun, if any. With them:
        exactly those kommuner, zeros included.
        """
        today = self._today()
        with self._uow() as uow:
            session = uow.session
            per_section = [
                self._count_by_kommun(session, query) for query in self._kommun_count_queries(today)
            ]
            broken: dict[str | None, int] = {}
            for row in self._promise_breaks(session, None):
                broken[row.municipality_code] = broken.get(row.municipality_code, 0) + 1
            per_section.insert(SECTIONS.index(Section.BROKEN_PROMISES), broken)
            wanted: Iterable[str | None]
            if municipality_codes is None:
                wanted = {code for counts in per_section for code, n in counts.items() if n}
            else:
                wanted = set(municipality_codes)
            names: dict[str | None, str] = {
                code: name
                for code, name in session.execute(
                    select(Municipality.code, Municipality.name).where(
                        Municipality.code.in_([c for c in wanted if c is not None])
                    )
                )
            }
        rows = [
            MunicipalityAttention(
                code=code,
                name=names.get(code, code) if code is not None else "",
                counts=tuple(counts.get(code, 0) for counts in per_section),
            )
            for code in wanted
        ]
        rows.sort(key=lambda row: (row.code is None, swedish_key(row.name)))
        return tuple(rows)

    # --- sections -------------------------------------------------------------------

    def _unlinked_concerns(
        self, session: Session, codes: tuple[str, ...] | None, today: date
    ) -> AttentionSection:
        query = (
            select(
                Concern.id,
                Theme.name,
                Dialogue.title,
                Dialogue.starts_at,
                Dialogue.municipality_code,
            )
            .select_from(Dialogue)
            # Walk the dialogues newest first and stop after ITEM_LIMIT hits, instead of
            # scanning every concern and sorting.
            .join(Concern, Concern.dialogue_id == _unindexed(Dialogue.id))
            .outerjoin(Theme, Theme.id == Concern.theme_id)
            .where(_live(Dialogue), _live(Concern), ~_linked(Concern.id))
            .order_by(Dialogue.starts_at.desc(), Concern.id.desc())
            .limit(ITEM_LIMIT)
        )
        if codes is None:
            total = self._unlinked_concerns_total(session)
        else:
            query = query.where(Dialogue.municipality_code.in_(codes))
            total = session.scalars(
                select(func.count())
                .select_from(Dialogue)
                .join(Concern, Concern.dialogue_id == _unindexed(Dialogue.id))
                .where(
                    Dialogue.municipality_code.in_(codes),
                    _live(Dialogue),
                    _live(Concern),
                    ~_linked(Concern.id),
                )
            ).one()
        items = tuple(
            AttentionItem(
                kind="concerns",
                id=concern_id,
                title=theme or "",
                reason=Reason.UNLINKED,
                municipality_code=kommun,
                day=_local_day(starts_at),
                days_from_today=(_local_day(starts_at) - today).days,
                subtitle=dialogue_title,
            )
            for concern_id, theme, dialogue_title, starts_at, kommun in session.execute(query)
        )
        return AttentionSection(Section.UNLINKED_CONCERNS, total, items)

    @staticmethod
    def _unlinked_concerns_total(session: Session) -> int:
        """Count live concerns of live dialogues without a live link to a live problem.

        The direct query (every concern probing the link index, and its dialogue) takes
        about half a second at 500 000 concerns. Counted instead as "live concerns minus
        linked ones", every step is one sequential scan or a covering-index scan, and
        the corrections for tombstones touch only the (few) tombstoned rows.
        """
        linked = _linked(Concern.id)
        # One scan of the concerns: the live ones, and the tombstoned ones that are linked.
        live, dead_linked = session.execute(
            select(
                func.count().filter(_live(Concern)),
                func.count().filter(Concern.deleted_at.is_not(None), linked),
            ).select_from(Concern)
        ).one()
        # Concerns named by any link (covering index), minus those whose links are all
        # tombstoned or lead to tombstoned problems.
        named = session.scalars(select(func.count(distinct(ProblemConcern.concern_id)))).one()
        unlinked_suspects = session.scalars(
            select(func.count(distinct(ProblemConcern.concern_id))).where(
                or_(
                    ProblemConcern.deleted_at.is_not(None),
                    ProblemConcern.problem_id.in_(
                        select(Problem.id).where(Problem.deleted_at.is_not(None))
                    ),
                ),
                ~_linked(ProblemConcern.concern_id),
            )
        ).one()
        linked_total = named - unlinked_suspects  # concerns of any state with a live link
        # Live concerns of tombstoned dialogues do not count, linked or not.
        in_dead_dialogues, linked_in_dead_dialogues = session.execute(
            select(func.count(), func.count().filter(linked))
            .select_from(Dialogue)
            .join(Concern, Concern.dialogue_id == _unindexed(Dialogue.id))
            .where(Dialogue.deleted_at.is_not(None), _live(Concern))
        ).one()
        live_linked = linked_total - dead_linked - linked_in_dead_dialogues
        return int(live - in_dead_dialogues - live_linked)

    def _problems_without_measure(
        self, session: Session, codes: tuple[str, ...] | None
    ) -> AttentionSection:
        where = [_live(Problem), Problem.status.in_(_PRIORITISED), ~_has_measure()]
        if codes is not None:
            where.append(Problem.municipality_code.in_(codes))
        total = session.scalars(select(func.count()).select_from(Problem).where(*where)).one()
        rows = session.execute(
            select(
                Problem.id,
                Problem.title,
                Problem.municipality_code,
                Problem.status,
                Problem.priority,
            )
            .where(*where)
            .order_by(Problem.priority.is_(None), Problem.priority, Problem.created_at.desc())
            .limit(ITEM_LIMIT)
        )
        items = tuple(
            AttentionItem(
                kind="problems",
                id=problem_id,
                title=title,
                reason=Reason.NO_MEASURE,
                municipality_code=kommun,
                status=str(status),
                priority=priority,
            )
            for problem_id, title, kommun, status, priority in rows
        )
        return AttentionSection(Section.PROBLEMS_WITHOUT_MEASURE, total, items)

    @staticmethod
    def _stalled_where(today: date) -> list[ColumnElement[bool]]:
        started = or_(Measure.starts_on.is_(None), Measure.starts_on <= today)
        return [
            _live(Measure),
            Measure.status.in_(_OPEN_MEASURE),
            or_(Measure.ends_on < today, and_(started, ~_followed_up())),
        ]

    def _stalled_measures(
        self, session: Session, codes: tuple[str, ...] | None, today: date
    ) -> AttentionSection:
        kommun = _measure_kommun()
        where = self._stalled_where(today)
        if codes is not None:
            where.append(kommun.in_(codes))
        total = session.scalars(select(func.count()).select_from(Measure).where(*where)).one()
        rows = session.execute(
            select(Measure.id, Measure.title, kommun, Measure.status, Measure.ends_on)
            .where(*where)
            .order_by(Measure.ends_on.is_(None), Measure.ends_on, Measure.created_at)
            .limit(ITEM_LIMIT)
        )
        items = tuple(
            AttentionItem(
                kind="measures",
                id=measure_id,
                title=title,
                reason=Reason.OVERDUE
                if ends_on is not None and ends_on < today
                else Reason.NO_FOLLOW_UP,
                municipality_code=code,
                day=ends_on,
                days_from_today=None if ends_on is None else (ends_on - today).days,
                status=str(status),
            )
            for measure_id, title, code, status, ends_on in rows
        )
        return AttentionSection(Section.MEASURES_STALLED, total, items)

    @staticmethod
    def _due_measures_where(today: date) -> list[ColumnElement[bool]]:
        return [
            _live(Measure),
            Measure.status.in_(_OPEN_MEASURE),
            Measure.ends_on.between(today, today + timedelta(days=DUE_WINDOW_DAYS)),
        ]

    @staticmethod
    def _due_promises_where(today: date) -> list[ColumnElement[bool]]:
        return [
            _live(Promise),
            Promise.status.in_(_RUNNING_PROMISE),
            Promise.period_end.between(today, today + timedelta(days=DUE_WINDOW_DAYS)),
        ]

    def _due_soon(
        self, session: Session, codes: tuple[str, ...] | None, today: date
    ) -> AttentionSection:
        """Measures ending and promises' periods ending within the window.

        The schema has no planned follow-up date, so what falls due is taken from the
        dates it does have: a measure's end (it should be followed up then) and the end
        of a published or followed-up promise's period.
        """
        kommun = _measure_kommun()
        measures_where = self._due_measures_where(today)
        promises_where = self._due_promises_where(today)
        if codes is not None:
            measures_where.append(kommun.in_(codes))
            promises_where.append(Promise.municipality_code.in_(codes))
        total = (
            session.scalars(select(func.count()).select_from(Measure).where(*measures_where)).one()
            + session.scalars(
                select(func.count()).select_from(Promise).where(*promises_where)
            ).one()
        )
        found: list[tuple[date, str, uuid.UUID, str, str | None, str]] = []
        for ends_on, measure_id, title, code, status in session.execute(
            select(Measure.ends_on, Measure.id, Measure.title, kommun, Measure.status)
            .where(*measures_where)
            .order_by(Measure.ends_on, Measure.id)
            .limit(ITEM_LIMIT)
        ):
            assert ends_on is not None
            found.append((ends_on, "measures", measure_id, title, code, str(status)))
        for period_end, promise_id, title, code, promise_status in session.execute(
            select(
                Promise.period_end,
                Promise.id,
                Promise.title,
                Promise.municipality_code,
                Promise.status,
            )
            .where(*promises_where)
            .order_by(Promise.period_end, Promise.id)
            .limit(ITEM_LIMIT)
        ):
            found.append((period_end, "promises", promise_id, title, code, str(promise_status)))
        found.sort(key=lambda row: (row[0], row[1], row[2]))
        items = tuple(
            AttentionItem(
                kind=kind,
                id=record_id,
                title=title,
                reason=Reason.DUE_SOON,
                municipality_code=code,
                day=day,
                days_from_today=(day - today).days,
                status=status,
            )
            for day, kind, record_id, title, code, status in found[:ITEM_LIMIT]
        )
        return AttentionSection(Section.DUE_SOON, total, items)

    def _dialogues_not_fed_back(
        self, session: Session, codes: tuple[str, ...] | None, today: date
    ) -> AttentionSection:
        where = [_live(Dialogue)]
        if codes is not None:
            where.append(Dialogue.municipality_code.in_(codes))
        total = session.scalars(
            select(func.count()).select_from(Dialogue).where(*where, Dialogue.status.in_(_HELD))
        ).one()
        rows = session.execute(
            select(
                Dialogue.id,
                Dialogue.title,
                Dialogue.municipality_code,
                Dialogue.status,
                Dialogue.starts_at,
            )
            # Oldest first by the date index, not all 40 000 of them by status and sorted.
            .where(*where, _unindexed(Dialogue.status).in_(_HELD))
            .order_by(Dialogue.starts_at, Dialogue.id)
            .limit(ITEM_LIMIT)
        )
        items = tuple(
            AttentionItem(
                kind="dialogues",
                id=dialogue_id,
                title=title,
                reason=Reason.NOT_FED_BACK,
                municipality_code=code,
                day=_local_day(starts_at),
                days_from_today=(_local_day(starts_at) - today).days,
                status=str(status),
            )
            for dialogue_id, title, code, status, starts_at in rows
        )
        return AttentionSection(Section.DIALOGUES_NOT_FED_BACK, total, items)

    def _minutes_not_approved(
        self, session: Session, codes: tuple[str, ...] | None, today: date
    ) -> AttentionSection:
        where = [
            _live(Meeting),
            Meeting.minutes_status == MinutesStatus.DRAFT,
            Meeting.starts_at < _start_of(today),
        ]
        if codes is not None:
            where.append(Meeting.municipality_code.in_(codes))
        total = session.scalars(select(func.count()).select_from(Meeting).where(*where)).one()
        rows = session.execute(
            select(Meeting.id, Meeting.title, Meeting.municipality_code, Meeting.starts_at)
            .where(*where)
            .order_by(Meeting.starts_at, Meeting.id)
            .limit(ITEM_LIMIT)
        )
        items = tuple(
            AttentionItem(
                kind="meetings",
                id=meeting_id,
                title=title,
                reason=Reason.NOT_APPROVED,
                municipality_code=code,
                day=_local_day(starts_at),
                days_from_today=(_local_day(starts_at) - today).days,
                status=str(MinutesStatus.DRAFT),
            )
            for meeting_id, title, code, starts_at in rows
        )
        return AttentionSection(Section.MINUTES_NOT_APPROVED, total, items)

    def _broken_promises(self, session: Session, codes: tuple[str, ...] | None) -> AttentionSection:
        found = self._promise_breaks(session, codes)
        # The most broken first; among equals the one whose period ends first.
        found.sort(key=lambda row: (-len(row.breaks), row.period_end, swedish_key(row.title)))
        items = tuple(
            AttentionItem(
                kind="promises",
                id=row.id,
                title=row.title,
                reason=Reason.BROKEN_CHAIN,
                municipality_code=row.municipality_code,
                day=row.period_end,
                status=str(row.status),
                breaks=row.breaks,
            )
            for row in found[:ITEM_LIMIT]
        )
        return AttentionSection(Section.BROKEN_PROMISES, len(found), items)

    @staticmethod
    def _promise_breaks(session: Session, codes: tuple[str, ...] | None) -> list[_PromiseBreaks]:
        """Every adopted promise with at least one break of :data:`PROMISE_BREAKS`."""
        checks = _promise_break_checks()
        where = [_live(Promise), Promise.status.in_(_ADOPTED_PROMISE)]
        if codes is not None:
            where.append(Promise.municipality_code.in_(codes))
        query = select(
            Promise.id,
            Promise.title,
            Promise.municipality_code,
            Promise.status,
            Promise.period_end,
            *(checks[kind].label(kind.value) for kind in PROMISE_BREAKS),
        ).where(*where)
        found = []
        for promise_id, title, code, status, period_end, *flags in session.execute(query):
            breaks = tuple(kind for kind, flag in zip(PROMISE_BREAKS, flags, strict=True) if flag)
            if breaks:
                found.append(_PromiseBreaks(promise_id, title, code, status, period_end, breaks))
        return found

    # --- per kommun -----------------------------------------------------------------

    def _kommun_count_queries(self, today: date) -> list[Select[Any, Any]]:
        """One (kommun, count) query per section counted in SQL alone, in SECTIONS order.

        The broken promises are not among them: see :meth:`counts_per_municipality`.
        """
        kommun = _measure_kommun().label("kommun")
        due_measures = (
            select(kommun, func.count())
            .select_from(Measure)
            .where(*self._due_measures_where(today))
            .group_by(kommun)
        )
        due_promises = (
            select(Promise.municipality_code, func.count())
            .where(*self._due_promises_where(today))
            .group_by(Promise.municipality_code)
        )
        union = due_measures.union_all(due_promises).subquery()
        return [
            select(Dialogue.municipality_code, func.count())
            .select_from(Concern)
            # Concerns in stored order, each probing its dialogue: the dialogues by kommun
            # would visit the concerns in random order, which is twice as slow.
            .join(Dialogue, Dialogue.id == _unindexed(Concern.dialogue_id))
            # Not through a partial index "where deleted_at is null" either: that, too,
            # would visit the concerns out of their stored order.
            .where(_unindexed(Concern.deleted_at).is_(None), _live(Dialogue), ~_linked(Concern.id))
            .group_by(Dialogue.municipality_code),
            select(Problem.municipality_code, func.count())
            .where(_live(Problem), Problem.status.in_(_PRIORITISED), ~_has_measure())
            .group_by(Problem.municipality_code),
            select(kommun, func.count())
            .select_from(Measure)
            .where(*self._stalled_where(today))
            .group_by(kommun),
            select(union.c[0], func.sum(union.c[1])).group_by(union.c[0]),
            select(Dialogue.municipality_code, func.count())
            .where(_live(Dialogue), Dialogue.status.in_(_HELD))
            .group_by(Dialogue.municipality_code),
            select(Meeting.municipality_code, func.count())
            .where(
                _live(Meeting),
                Meeting.minutes_status == MinutesStatus.DRAFT,
                Meeting.starts_at < _start_of(today),
            )
            .group_by(Meeting.municipality_code),
        ]

    @staticmethod
    def _count_by_kommun(session: Session, query: Select[Any, Any]) -> dict[str | None, int]:
        return {code: int(count) for code, count in session.execute(query)}

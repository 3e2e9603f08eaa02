"""The analysis of one problem and the plan of one promise, as an officer works on them.

:class:`AnalysisService` hands out two read models. For a problem: its root-cause
analysis (SARA, the crime triangle with its guardians, the event chain), the numbered
causes in order, and the evidence beside it — the concerns that support the problem,
each with its theme, place, count and the dialogue it was raised in, and the sources,
police-only ones marked. For a promise: its focus areas; its commitments grouped by
focus area and in each by party ("Polisen lovar att …", "Kommunen lovar att …", each
partner), then those about the whole promise; its measures as rows of Brå's action-plan
table and its indicators with their measured values; the promise side is read through
:class:`~kommunpolis.services.chain.ChainService`.

Fields are edited through :class:`~kommunpolis.services.editing.EditingService`; this
service adds only what the editing service cannot do in one step: adding a cause to a
problem that has no analysis yet, and moving a cause up or down the numbered list.
Tombstoned records and links are ignored everywhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from kommunpolis.domain.collation import swedish_key
from kommunpolis.domain.errors import RecordNotFound
from kommunpolis.domain.statuses import ProblemStatus
from kommunpolis.domain.vocabulary import (
    FollowUpMark,
    Party,
    Sensitivity,
    SourceType,
    TimePattern,
)
from kommunpolis.services.chain import (
    ChainService,
    CommitmentView,
    IndicatorView,
    MeasureView,
    ProblemView,
    PromiseProgress,
    PromiseView,
)
from kommunpolis.services.editing import EditingService, RecordRef
from kommunpolis.storage.tables import (
    Cause,
    Concern,
    Dialogue,
    FollowUp,
    Indicator,
    Measure,
    Municipality,
    Place,
    Problem,
    ProblemConcern,
    ProblemSource,
    Promise,
    RootCauseAnalysis,
    SituationPicture,
    Source,
    Theme,
)
from kommunpolis.storage.unit_of_work import UnitOfWork

SARA_FIELDS: tuple[str, ...] = ("scanning", "analysis", "response", "assessment")
"""The SARA steps, in order: Scanning, Analysis, Response, Assessment."""

TRIANGLE_FIELDS: tuple[tuple[str, str], ...] = (
    ("offender", "offender_handler"),
    ("target", "target_guardian"),
    ("place", "place_manager"),
)
"""The crime triangle: each side and who guards it (handler, guardian, manager)."""

EVENT_CHAIN_FIELD = "event_chain"

ANALYSIS_FIELDS: tuple[str, ...] = (
    *SARA_FIELDS,
    *(name for pair in TRIANGLE_FIELDS for name in pair),
    EVENT_CHAIN_FIELD,
)
"""Every text field of a root-cause analysis this service reads (the editable ones)."""

CHOICE_LIMIT = 500

# The kinds of the Löften & åtgärder section, and the table each lives in.
_PROMISE_KINDS: dict[str, Any] = {
    "promises": Promise,
    "measures": Measure,
    "indicators": Indicator,
    "followups": FollowUp,
}


def _live(model: Any) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)  # type: ignore[no-any-return]


# --- read models --------------------------------------------------------------------


@dataclass(frozen=True)
class ProblemChoice:
    """A problem in the picker: title, priority, status, kommun, whether it is analysed."""

    id: uuid.UUID
    title: str
    priority: int | None
    status: ProblemStatus
    municipality_name: str
    has_analysis: bool


@dataclass(frozen=True)
class PromiseChoice:
    """A promise in the picker."""

    id: uuid.UUID
    title: str
    period_start: date
    period_end: date
    municipality_name: str


@dataclass(frozen=True)
class AnalysisView:
    """A root-cause analysis's text fields (see :data:`ANALYSIS_FIELDS`)."""

    id: uuid.UUID
    texts: tuple[tuple[str, str], ...]  # (field name, text), in ANALYSIS_FIELDS order
    sensitivity: Sensitivity

    def text(self, name: str) -> str:
        """Return the text of field ``name``."""
        return dict(self.texts)[name]


@dataclass(frozen=True)
class CauseView:
    """A numbered cause, and how many live measures answer it."""

    id: uuid.UUID
    number: int
    text: str
    measure_count: int
    sensitivity: Sensitivity


@dataclass(frozen=True)
class EvidenceConcern:
    """A concern that supports the problem, with the dialogue it was raised in."""

    id: uuid.UUID
    theme: str
    place: str
    time_pattern: TimePattern
    raised_count: int
    text: str
    dialogue_id: uuid.UUID
    dialogue_title: str
    dialogue_date: date
    sensitivity: Sensitivity


@dataclass(frozen=True)
class EvidenceSource:
    """A source that supports the problem; police-only ones never reach citizens."""

    id: uuid.UUID
    source_type: SourceType
    description: str
    police_only: bool
    situation_picture_id: uuid.UUID
    situation_picture_title: str
    sensitivity: Sensitivity


@dataclass(frozen=True)
class ProblemAnalysis:
    """A problem with its root-cause analysis, its numbered causes and its evidence."""

    problem: ProblemView
    analysis: AnalysisView | None
    causes: tuple[CauseView, ...]  # by number
    concerns: tuple[EvidenceConcern, ...]  # newest dialogue first
    sources: tuple[EvidenceSource, ...]  # oldest first

    @property
    def weight(self) -> int:
        """How many people raised the supporting concerns, in all."""
        return sum(c.raised_count for c in self.concerns)


@dataclass(frozen=True)
class PartyGroup:
    """The commitments of one party: the police, the municipality or one partner."""

    party: Party
    organisation_name: str  # the partner's name; '' for the police and the municipality
    commitments: tuple[CommitmentView, ...]


@dataclass(frozen=True)
class FocusAreaCommitments:
    """The commitments of one focus area, or of the promise as a whole, by party."""

    problem_id: uuid.UUID | None  # None: the words are about the promise as a whole
    title: str  # the focus area's title; '' for the whole promise
    sensitivity: Sensitivity | None  # the focus area's mark; None for the whole promise
    linked: bool
    """Whether the problem is one of the promise's focus areas; False for the whole promise
    and for a problem the promise was unlinked from after the words were written."""
    parties: tuple[PartyGroup, ...]  # the police, the municipality, then partners by name

    @property
    def whole_promise(self) -> bool:
        """Whether these are the words about the promise as a whole."""
        return self.problem_id is None

    @property
    def commitments(self) -> tuple[CommitmentView, ...]:
        """Every commitment of the group, party by party."""
        return tuple(c for group in self.parties for c in group.commitments)


@dataclass(frozen=True)
class ActionPlanRow:
    """One row of Brå's action-plan table: cause, measure, goal, when, who, follow-up."""

    measure: MeasureView
    focus_area_id: uuid.UUID | None  # None: the measure answers none of the focus areas
    focus_area: str

    @property
    def cause(self) -> str:
        """The cause the measure answers, numbered when it has a number."""
        m = self.measure
        if m.cause_number is not None:
            return f"{m.cause_number}. {m.cause_text}"
        return m.cause_text

    @property
    def follow_up_mark(self) -> FollowUpMark | None:
        """The mark of the latest follow-up, else the mark set on the measure."""
        latest = self.measure.latest
        return latest.mark if latest is not None else self.measure.mark

    @property
    def followed_up_on(self) -> date | None:
        """When the measure was last followed up."""
        latest = self.measure.latest
        return latest.held_on if latest is not None else None


@dataclass(frozen=True)
class PromisePlan:
    """A promise's focus areas, commitments by focus area, action plan and indicators."""

    promise: PromiseView
    focus_areas: tuple[ProblemView, ...]
    commitments: tuple[FocusAreaCommitments, ...]  # see group_by_focus_area
    rows: tuple[ActionPlanRow, ...]  # by focus area, then as the chain orders measures
    indicators: tuple[IndicatorView, ...]
    progress: PromiseProgress


# --- the service --------------------------------------------------------------------


class AnalysisService:
    """Read a problem's analysis with its evidence and a promise's plan; order causes."""

    def __init__(
        self,
        *,
        uow: Callable[[], UnitOfWork],
        chain: ChainService,
        editing: EditingService,
    ) -> None:
        self._uow = uow
        self._chain = chain
        self._editing = editing

    # --- pickers ------------------------------------------------------------------

    def problems(self, limit: int = CHOICE_LIMIT) -> tuple[ProblemChoice, ...]:
        """Return live problems, the prioritised first (by priority), then by title."""
        analysed = (
            select(RootCauseAnalysis.id)
            .where(RootCauseAnalysis.problem_id == Problem.id, _live(RootCauseAnalysis))
            .exists()
        )
        with self._uow() as uow:
            rows = uow.session.execute(
                select(Problem, Municipality.name, analysed)
                .outerjoin(Municipality, Municipality.code == Problem.municipality_code)
                .where(_live(Problem))
                .order_by(Problem.priority.is_(None), Problem.priority, Problem.updated_at.desc())
                .limit(limit)
            ).all()
            found = [
                ProblemChoice(p.id, p.title, p.priority, p.status, name or "", bool(has))
                for p, name, has in rows
            ]
        found.sort(key=lambda c: (c.priority is None, c.priority or 0, swedish_key(c.title)))
        return tuple(found)

    def promises(self, limit: int = CHOICE_LIMIT) -> tuple[PromiseChoice, ...]:
        """Return live promises, the newest period first."""
        with self._uow() as uow:
            rows = uow.session.execute(
                select(Promise, Municipality.name)
                .outerjoin(Municipality, Municipality.code == Promise.municipality_code)
                .where(_live(Promise))
                .order_by(Promise.period_start.desc(), Promise.title)
                .limit(limit)
            ).all()
            return tuple(
                PromiseChoice(p.id, p.title, p.period_start, p.period_end, name or "")
                for p, name in rows
            )

    def promise_of(self, kind: str, record_id: uuid.UUID) -> uuid.UUID | None:
        """Return the live promise a record of ``kind`` is or belongs to (None if none).

        ``kind`` is one of the Löften & åtgärder lists: promises, measures, indicators
        or followups; for any other kind, or a tombstoned record, the answer is None.
        """
        model = _PROMISE_KINDS.get(kind)
        if model is None:
            return None
        with self._uow() as uow:
            row = uow.session.get(model, record_id)
            if row is None or row.deleted_at is not None:
                return None
            promise_id = row.id if model is Promise else getattr(row, "promise_id", None)
            if not isinstance(promise_id, uuid.UUID):
                return None
            promise = uow.session.get(Promise, promise_id)
            return promise_id if promise is not None and promise.deleted_at is None else None

    # --- a problem ----------------------------------------------------------------

    def problem_analysis(self, problem_id: uuid.UUID) -> ProblemAnalysis:
        """Return the problem's analysis, causes in order and its evidence."""
        with self._uow() as uow:
            return _read_problem_analysis(uow.session, problem_id)

    def add_cause(self, problem_id: uuid.UUID, text: str) -> ProblemAnalysis:
        """Add a cause at the end of the problem's list, creating its analysis if needed."""
        analysis_id = self.ensure_analysis(problem_id)
        self._editing.new("causes", {"text": text}, parent=RecordRef("analyses", analysis_id))
        return self.problem_analysis(problem_id)

    def ensure_analysis(self, problem_id: uuid.UUID) -> uuid.UUID:
        """Return the id of the problem's analysis, creating an empty one if it has none."""
        with self._uow() as uow:
            existing = uow.session.scalar(
                select(RootCauseAnalysis.id).where(
                    RootCauseAnalysis.problem_id == problem_id, _live(RootCauseAnalysis)
                )
            )
        if existing is not None:
            return existing
        return self._editing.new("analyses", {}, parent=RecordRef("problems", problem_id)).id

    def move_cause(self, cause_id: uuid.UUID, steps: int) -> ProblemAnalysis:
        """Move a cause ``steps`` places (negative: up) and renumber the list 1, 2, 3 …

        One transaction: the numbers never repeat, and only causes whose number changes
        get a new revision.
        """
        with self._uow() as uow:
            session = uow.session
            cause = session.get(Cause, cause_id)
            if cause is None or cause.deleted_at is not None:
                raise RecordNotFound("causes", str(cause_id))
            analysis = session.get(RootCauseAnalysis, cause.analysis_id)
            if analysis is None or analysis.deleted_at is not None:
                raise RecordNotFound("analyses", str(cause.analysis_id))
            causes = list(
                session.scalars(
                    select(Cause)
                    .where(Cause.analysis_id == analysis.id, _live(Cause))
                    .order_by(Cause.number, Cause.created_at, Cause.id)
                )
            )
            start = causes.index(cause)
            target = max(0, min(len(causes) - 1, start + steps))
            causes.insert(target, causes.pop(start))
            for number, row in enumerate(causes, start=1):
                if row.number != number:
                    row.number = number
            problem_id = analysis.problem_id
            uow.commit()
        return self.problem_analysis(problem_id)

    # --- a promise ----------------------------------------------------------------

    def promise_plan(self, promise_id: uuid.UUID) -> PromisePlan:
        """Return the promise's commitments by focus area, action plan and indicators."""
        trace = self._chain.promise_trace(promise_id)
        focus = [p.problem for p in trace.problems]
        order = {p.id: index for index, p in enumerate(focus)}
        titles = {p.id: p.title for p in focus}
        # Stable: within a focus area the measures keep the chain's order (by start).
        measures = sorted(
            trace.measures,
            key=lambda m: order.get(m.problem_id, len(order)) if m.problem_id else len(order),
        )
        rows = tuple(
            ActionPlanRow(
                measure=m,
                focus_area_id=m.problem_id if m.problem_id in order else None,
                focus_area=titles.get(m.problem_id, "") if m.problem_id else "",
            )
            for m in measures
        )
        return PromisePlan(
            promise=trace.promise,
            focus_areas=tuple(focus),
            commitments=group_by_focus_area(trace.commitments, focus),
            rows=rows,
            indicators=trace.indicators,
            progress=trace.progress,
        )


def group_by_party(commitments: tuple[CommitmentView, ...]) -> tuple[PartyGroup, ...]:
    """Group commitments: the police, the municipality, then each partner by name.

    Within a group the commitments keep their order (position, then creation).
    """
    groups: dict[tuple[Party, str], list[CommitmentView]] = {}
    for c in commitments:
        name = c.organisation_name if c.party is Party.PARTNER else ""
        groups.setdefault((c.party, name), []).append(c)
    rank = {party: index for index, party in enumerate(Party)}
    keys = sorted(groups, key=lambda key: (rank[key[0]], swedish_key(key[1])))
    return tuple(PartyGroup(party, name, tuple(groups[(party, name)])) for party, name in keys)


def group_by_focus_area(
    commitments: Sequence[CommitmentView], focus_areas: Sequence[ProblemView]
) -> tuple[FocusAreaCommitments, ...]:
    """Group commitments by focus area, each group by party (see :func:`group_by_party`).

    The order: every focus area in the order given (one without commitments too, with no
    parties), then any problem a commitment names that is no longer one of the focus
    areas (by title), then the words about the whole promise, if there are any.
    """
    by_problem: dict[uuid.UUID | None, list[CommitmentView]] = {}
    for c in commitments:
        by_problem.setdefault(c.problem_id, []).append(c)
    groups = [
        FocusAreaCommitments(
            problem_id=p.id,
            title=p.title,
            sensitivity=p.sensitivity,
            linked=True,
            parties=group_by_party(tuple(by_problem.pop(p.id, ()))),
        )
        for p in focus_areas
    ]
    whole = by_problem.pop(None, [])
    unlinked = sorted(
        by_problem.values(), key=lambda words: swedish_key(words[0].problem_title or "")
    )
    for words in unlinked:
        first = words[0]
        assert first.problem_id is not None
        groups.append(
            FocusAreaCommitments(
                problem_id=first.problem_id,
                title=first.problem_title or "",
                sensitivity=first.problem_sensitivity,
                linked=False,
                parties=group_by_party(tuple(words)),
            )
        )
    if whole:
        groups.append(FocusAreaCommitments(None, "", None, False, group_by_party(tuple(whole))))
    return tuple(groups)


def _read_problem_analysis(session: Session, problem_id: uuid.UUID) -> ProblemAnalysis:
    problem = session.get(Problem, problem_id)
    if problem is None or problem.deleted_at is not None:
        raise RecordNotFound("problems", str(problem_id))
    row = session.scalar(
        select(RootCauseAnalysis).where(
            RootCauseAnalysis.problem_id == problem_id, _live(RootCauseAnalysis)
        )
    )
    analysis = (
        AnalysisView(
            id=row.id,
            texts=tuple((name, str(getattr(row, name) or "")) for name in ANALYSIS_FIELDS),
            sensitivity=row.sensitivity,
        )
        if row is not None
        else None
    )
    causes: tuple[CauseView, ...] = ()
    if row is not None:
        answering = (
            select(func.count(Measure.id))
            .where(Measure.cause_id == Cause.id, _live(Measure))
            .scalar_subquery()
        )
        causes = tuple(
            CauseView(c.id, c.number, c.text, int(count or 0), c.sensitivity)
            for c, count in session.execute(
                select(Cause, answering)
                .where(Cause.analysis_id == row.id, _live(Cause))
                .order_by(Cause.number, Cause.created_at, Cause.id)
            )
        )
    concerns = tuple(
        EvidenceConcern(
            id=c.id,
            theme=theme or "",
            place=place or "",
            time_pattern=c.time_pattern,
            raised_count=c.raised_count,
            text=c.text,
            dialogue_id=d.id,
            dialogue_title=d.title,
            dialogue_date=d.starts_at.date(),
            sensitivity=c.sensitivity,
        )
        for c, d, theme, place in session.execute(
            select(Concern, Dialogue, Theme.name, Place.name)
            .join(ProblemConcern, ProblemConcern.concern_id == Concern.id)
            .join(Dialogue, Dialogue.id == Concern.dialogue_id)
            .outerjoin(Theme, Theme.id == Concern.theme_id)
            .outerjoin(Place, (Place.id == Concern.place_id) & _live(Place))
            .where(
                ProblemConcern.problem_id == problem_id,
                _live(ProblemConcern),
                _live(Concern),
                _live(Dialogue),
            )
            .order_by(Dialogue.starts_at.desc(), Concern.created_at, Concern.id)
        )
    )
    sources = tuple(
        EvidenceSource(
            id=s.id,
            source_type=s.source_type,
            description=s.description,
            police_only=s.police_only,
            situation_picture_id=s.situation_picture_id,
            situation_picture_title=picture_title or "",
            sensitivity=s.sensitivity,
        )
        for s, picture_title in session.execute(
            select(Source, SituationPicture.title)
            .join(ProblemSource, ProblemSource.source_id == Source.id)
            .outerjoin(SituationPicture, SituationPicture.id == Source.situation_picture_id)
            .where(ProblemSource.problem_id == problem_id, _live(ProblemSource), _live(Source))
            .order_by(Source.created_at, Source.id)
        )
    )
    return ProblemAnalysis(
        problem=ProblemView(
            id=problem.id,
            title=problem.title,
            description=problem.description,
            location=problem.location,
            timing=problem.timing,
            affected=problem.affected,
            municipality_code=problem.municipality_code,
            priority=problem.priority,
            status=problem.status,
            sensitivity=problem.sensitivity,
        ),
        analysis=analysis,
        causes=causes,
        concerns=concerns,
        sources=sources,
    )

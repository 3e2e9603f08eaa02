"""The chain concern → problem → promise → measure → follow-up → feedback, and its breaks.

:class:`ChainService` reads one promise or one dialogue with everything linked to it and
hands out frozen read models: the promise's trace (its commitments, focus areas with the
concerns, dialogues and sources behind them, its measures with their latest follow-up,
the follow-ups and indicators) or a dialogue's trace (what became of each concern).
Tombstoned records, and links that are tombstoned or whose far end is, are ignored
everywhere. Each trace lists where the chain is broken as typed :class:`ChainBreak`
items; the documents name them in Swedish and the GUI highlights them.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from kommunpolis.domain.errors import RecordNotFound
from kommunpolis.domain.statuses import (
    AgreementStatus,
    DialogueStatus,
    MeasureStatus,
    ProblemStatus,
    PromiseStatus,
)
from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    DialogueKind,
    FollowUpKind,
    FollowUpMark,
    IndicatorSource,
    Party,
    Sensitivity,
    TimePattern,
)
from kommunpolis.services.read_models import SourceView
from kommunpolis.storage.tables import (
    Agreement,
    AgreementParty,
    Cause,
    Commitment,
    Concern,
    Dialogue,
    FollowUp,
    FollowUpMeasure,
    Indicator,
    IndicatorValue,
    Measure,
    Municipality,
    Organisation,
    Place,
    Problem,
    ProblemConcern,
    ProblemSource,
    Promise,
    PromiseProblem,
    Source,
    Theme,
)
from kommunpolis.storage.unit_of_work import UnitOfWork

# Worst first: the order in which a promise's colour is decided.
MARK_SEVERITY: tuple[FollowUpMark, ...] = (
    FollowUpMark.RED,
    FollowUpMark.YELLOW,
    FollowUpMark.GREEN,
)


class BreakKind(StrEnum):
    """Where the chain is broken."""

    PROMISE_WITHOUT_PROBLEM = "promise_without_problem"
    """The promise names no focus area (problem)."""
    PROMISE_WITHOUT_COMMITMENT = "promise_without_commitment"
    """No party has promised anything yet."""
    PROMISE_WITHOUT_MEASURE = "promise_without_measure"
    """No measure serves the promise."""
    PROBLEM_WITHOUT_CONCERN = "problem_without_concern"
    """A focus area no concern from a dialogue supports."""
    PROBLEM_WITHOUT_MEASURE = "problem_without_measure"
    """A problem without a live, non-cancelled measure (of the promise, in a promise trace)."""
    MEASURE_WITHOUT_PROBLEM = "measure_without_problem"
    """A measure of the promise that answers none of its focus areas."""
    MEASURE_WITHOUT_FOLLOW_UP = "measure_without_follow_up"
    """A started, non-cancelled measure that no follow-up has recorded."""
    MEASURE_OVERDUE = "measure_overdue"
    """A measure still open after its end date."""
    DIALOGUE_WITHOUT_CONCERN = "dialogue_without_concern"
    """A held dialogue with no concern recorded."""
    CONCERN_WITHOUT_PROBLEM = "concern_without_problem"
    """A concern that supports no problem."""
    DIALOGUE_NOT_FED_BACK = "dialogue_not_fed_back"
    """The participants of a held dialogue were not told what came of it."""


@dataclass(frozen=True)
class ChainBreak:
    """One break in the chain: what is missing, and at which record."""

    kind: BreakKind
    record_kind: str  # a kind name of storage.kinds, e.g. "measures"
    record_id: uuid.UUID
    title: str


class ProgressState(StrEnum):
    """A promise's overall progress, derived from its measures."""

    NO_MEASURES = "no_measures"
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class PromiseProgress:
    """How far a promise has come, derived from its measures (see :func:`derive_progress`)."""

    measure_count: int
    by_status: tuple[tuple[MeasureStatus, int], ...]  # every status, lifecycle order
    followed_up: int  # measures with at least one follow-up line
    worst_mark: FollowUpMark | None
    state: ProgressState

    def count(self, status: MeasureStatus) -> int:
        """Return how many measures have ``status``."""
        return dict(self.by_status)[status]

    @property
    def done_share(self) -> float | None:
        """Done measures as a share of those not cancelled (None when there are none)."""
        active = self.measure_count - self.count(MeasureStatus.CANCELLED)
        return None if active == 0 else self.count(MeasureStatus.DONE) / active


def derive_progress(
    measures: Iterable[tuple[MeasureStatus, FollowUpMark | None, bool]],
) -> PromiseProgress:
    """Derive progress from each measure's (status, latest follow-up mark, followed up).

    The rule: every live measure counts once under its status. The colour is the worst
    (red before yellow before green) of the marks the measures got at their latest
    follow-up — cancelled measures included, since a measure dropped half-way is part of
    the promise's record; a measure never followed up adds no colour. The state is
    ``no_measures`` without measures; ``cancelled`` when every measure is cancelled;
    ``done`` when every other measure is done; ``in_progress`` when any is in progress or
    done; otherwise ``not_started``.
    """
    counts = dict.fromkeys(MeasureStatus, 0)
    marks: set[FollowUpMark] = set()
    followed = 0
    for status, mark, followed_up in measures:
        counts[status] += 1
        followed += int(followed_up)
        if mark is not None:
            marks.add(mark)
    total = sum(counts.values())
    active = total - counts[MeasureStatus.CANCELLED]
    if total == 0:
        state = ProgressState.NO_MEASURES
    elif active == 0:
        state = ProgressState.CANCELLED
    elif counts[MeasureStatus.DONE] == active:
        state = ProgressState.DONE
    elif counts[MeasureStatus.IN_PROGRESS] or counts[MeasureStatus.DONE]:
        state = ProgressState.IN_PROGRESS
    else:
        state = ProgressState.NOT_STARTED
    return PromiseProgress(
        measure_count=total,
        by_status=tuple(counts.items()),
        followed_up=followed,
        worst_mark=next((mark for mark in MARK_SEVERITY if mark in marks), None),
        state=state,
    )


# --- read models --------------------------------------------------------------------


@dataclass(frozen=True)
class PromiseView:
    """A medborgarlöfte's own fields."""

    id: uuid.UUID
    title: str
    public_text: str
    municipality_code: str | None
    municipality_name: str
    period_start: date
    period_end: date
    status: PromiseStatus
    agreement_id: uuid.UUID | None
    sensitivity: Sensitivity


@dataclass(frozen=True)
class AgreementPartyView:
    """A party to an agreement and who signs for it."""

    organisation_name: str
    signatory_name: str
    signatory_title: str
    signed_on: date | None
    sensitivity: Sensitivity


@dataclass(frozen=True)
class AgreementView:
    """A samverkansöverenskommelse with its parties."""

    id: uuid.UUID
    title: str
    municipality_code: str | None
    municipality_name: str
    period_start: date
    period_end: date
    goals: str
    follow_up_plan: str
    status: AgreementStatus
    sensitivity: Sensitivity
    parties: tuple[AgreementPartyView, ...]


@dataclass(frozen=True)
class CommitmentView:
    """One party's words in a promise, and the focus area they belong to."""

    id: uuid.UUID
    party: Party
    organisation_name: str
    text: str
    position: int
    sensitivity: Sensitivity
    problem_id: uuid.UUID | None
    """The focus area (a problem); None for the whole promise or a tombstoned problem."""
    problem_title: str | None
    problem_sensitivity: Sensitivity | None
    """The focus area's own mark: a document for citizens names only an open one."""


@dataclass(frozen=True)
class DialogueView:
    """A dialogue, and whether its participants were told what came of it."""

    id: uuid.UUID
    title: str
    kind: DialogueKind
    format: DialogueFormat
    starts_at: datetime
    municipality_code: str
    municipality_name: str
    target_group: str
    participant_count: int
    status: DialogueStatus
    fed_back_on: date | None
    feedback_channel: str
    feedback_text: str
    sensitivity: Sensitivity

    @property
    def fed_back(self) -> bool:
        """Whether the participants were told (status återkopplad)."""
        return self.status is DialogueStatus.FED_BACK


@dataclass(frozen=True)
class ConcernView:
    """A concern raised in a dialogue."""

    id: uuid.UUID
    dialogue_id: uuid.UUID
    theme: str
    place: str
    time_pattern: TimePattern
    raised_count: int
    text: str
    answer: str
    sensitivity: Sensitivity


@dataclass(frozen=True)
class ProblemView:
    """A problem or focus area's own fields."""

    id: uuid.UUID
    title: str
    description: str
    location: str
    timing: str
    affected: str
    municipality_code: str | None
    priority: int | None
    status: ProblemStatus
    sensitivity: Sensitivity


@dataclass(frozen=True)
class ProblemTrace:
    """A focus area with the concerns and sources behind it."""

    problem: ProblemView
    concerns: tuple[ConcernView, ...]
    sources: tuple[SourceView, ...]


@dataclass(frozen=True)
class FollowUpLine:
    """A measure's status and mark as recorded at one follow-up."""

    follow_up_id: uuid.UUID
    held_on: date
    kind: FollowUpKind
    measure_id: uuid.UUID
    status: MeasureStatus
    mark: FollowUpMark | None
    note: str
    hours: float | None
    sensitivity: Sensitivity


@dataclass(frozen=True)
class MeasureView:
    """One row of the action plan, with every follow-up line about it (oldest first)."""

    id: uuid.UUID
    title: str
    promise_id: uuid.UUID | None
    problem_id: uuid.UUID | None
    problem_title: str
    cause_number: int | None
    cause_text: str
    operational_goal: str
    starts_on: date | None
    ends_on: date | None
    responsible: str
    status: MeasureStatus
    mark: FollowUpMark | None
    sensitivity: Sensitivity
    lines: tuple[FollowUpLine, ...]

    @property
    def latest(self) -> FollowUpLine | None:
        """The line of the latest follow-up, if any."""
        return self.lines[-1] if self.lines else None

    def latest_until(self, day: date) -> FollowUpLine | None:
        """The line of the latest follow-up held on or before ``day``."""
        return next((line for line in reversed(self.lines) if line.held_on <= day), None)


@dataclass(frozen=True)
class FollowUpView:
    """An uppföljning with its lines, one per measure."""

    id: uuid.UUID
    promise_id: uuid.UUID | None
    held_on: date
    kind: FollowUpKind
    narrative: str
    hours: float | None
    reported_to: str
    sensitivity: Sensitivity
    lines: tuple[FollowUpLine, ...]


@dataclass(frozen=True)
class IndicatorValueView:
    """One measured value of an indicator."""

    measured_on: date
    value: float
    note: str


@dataclass(frozen=True)
class IndicatorView:
    """An indicator of a promise or of one of its measures, with its values (oldest first)."""

    id: uuid.UUID
    name: str
    source_kind: IndicatorSource
    source: str
    unit: str
    baseline: float | None
    target: float | None
    measure_id: uuid.UUID | None
    sensitivity: Sensitivity
    values: tuple[IndicatorValueView, ...]


@dataclass(frozen=True)
class PromiseTrace:
    """One promise and everything the chain links to it."""

    promise: PromiseView
    agreement: AgreementView | None
    commitments: tuple[CommitmentView, ...]
    problems: tuple[ProblemTrace, ...]
    dialogues: tuple[DialogueView, ...]  # every dialogue behind the problems, oldest first
    measures: tuple[MeasureView, ...]
    follow_ups: tuple[FollowUpView, ...]  # oldest first
    indicators: tuple[IndicatorView, ...]
    progress: PromiseProgress
    breaks: tuple[ChainBreak, ...]

    def dialogue(self, dialogue_id: uuid.UUID) -> DialogueView:
        """Return one of the dialogues behind the promise."""
        return next(d for d in self.dialogues if d.id == dialogue_id)

    def has_break(self, kind: BreakKind) -> bool:
        """Whether the trace holds a break of ``kind``."""
        return any(b.kind is kind for b in self.breaks)


@dataclass(frozen=True)
class ProblemOutcome:
    """A problem a concern supports, the promises it is a focus area of, its measures."""

    problem: ProblemView
    promises: tuple[PromiseView, ...]
    measures: tuple[MeasureView, ...]


@dataclass(frozen=True)
class ConcernOutcome:
    """What became of one concern."""

    concern: ConcernView
    problems: tuple[ProblemOutcome, ...]


@dataclass(frozen=True)
class DialogueTrace:
    """One dialogue and what became of each of its concerns."""

    dialogue: DialogueView
    concerns: tuple[ConcernOutcome, ...]
    breaks: tuple[ChainBreak, ...]

    def has_break(self, kind: BreakKind) -> bool:
        """Whether the trace holds a break of ``kind``."""
        return any(b.kind is kind for b in self.breaks)


# --- the service --------------------------------------------------------------------


def _live(model: Any) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)  # type: ignore[no-any-return]


class ChainService:
    """Trace the chain for one promise or one dialogue, and derive a promise's progress."""

    def __init__(
        self, *, uow: Callable[[], UnitOfWork], today: Callable[[], date] = date.today
    ) -> None:
        self._uow = uow
        self._today = today

    def promise_trace(self, promise_id: uuid.UUID) -> PromiseTrace:
        """Return the promise with everything linked to it, and the chain's breaks."""
        with self._uow() as uow:
            return _Reader(uow.session, self._today()).promise_trace(promise_id)

    def dialogue_trace(self, dialogue_id: uuid.UUID) -> DialogueTrace:
        """Return what became of each of the dialogue's concerns, and the chain's breaks."""
        with self._uow() as uow:
            return _Reader(uow.session, self._today()).dialogue_trace(dialogue_id)

    def promise_progress(self, promise_id: uuid.UUID) -> PromiseProgress:
        """Return the promise's progress, derived from its live measures, never typed.

        Each live measure of the promise counts once under its current status; the colour
        is the worst mark any measure got at its latest follow-up (red, then yellow, then
        green; a measure never followed up adds none). See :func:`derive_progress` for
        the overall state.
        """
        with self._uow() as uow:
            reader = _Reader(uow.session, self._today())
            reader.promise_view(promise_id)
            return reader.progress(reader.measures(Measure.promise_id == promise_id))

    def agreement_promise_ids(self, agreement_id: uuid.UUID) -> tuple[uuid.UUID, ...]:
        """Return the ids of an agreement's live promises, by period and title."""
        with self._uow() as uow:
            session = uow.session
            agreement = session.get(Agreement, agreement_id)
            if agreement is None or agreement.deleted_at is not None:
                raise RecordNotFound("agreements", str(agreement_id))
            return tuple(
                session.scalars(
                    select(Promise.id)
                    .where(Promise.agreement_id == agreement_id, _live(Promise))
                    .order_by(Promise.period_start, Promise.title)
                )
            )

    def agreement(self, agreement_id: uuid.UUID) -> AgreementView:
        """Return one live agreement with its parties."""
        with self._uow() as uow:
            view = _Reader(uow.session, self._today()).agreement(agreement_id)
        if view is None:
            raise RecordNotFound("agreements", str(agreement_id))
        return view


class _Reader:
    """The queries behind the traces, inside one session."""

    def __init__(self, session: Session, today: date) -> None:
        self.session = session
        self.today = today
        self._kommun_names: dict[str, str] = {}

    # --- single records ---------------------------------------------------------

    def kommun_name(self, code: str | None) -> str:
        if code is None:
            return ""
        if code not in self._kommun_names:
            name = self.session.scalar(select(Municipality.name).where(Municipality.code == code))
            self._kommun_names[code] = name or code
        return self._kommun_names[code]

    def promise_view(self, promise_id: uuid.UUID) -> PromiseView:
        promise = self.session.get(Promise, promise_id)
        if promise is None or promise.deleted_at is not None:
            raise RecordNotFound("promises", str(promise_id))
        return self._promise(promise)

    def _promise(self, p: Promise) -> PromiseView:
        return PromiseView(
            id=p.id,
            title=p.title,
            public_text=p.public_text,
            municipality_code=p.municipality_code,
            municipality_name=self.kommun_name(p.municipality_code),
            period_start=p.period_start,
            period_end=p.period_end,
            status=p.status,
            agreement_id=p.agreement_id,
            sensitivity=p.sensitivity,
        )

    def agreement(self, agreement_id: uuid.UUID | None) -> AgreementView | None:
        if agreement_id is None:
            return None
        a = self.session.get(Agreement, agreement_id)
        if a is None or a.deleted_at is not None:
            return None
        parties = tuple(
            AgreementPartyView(
                organisation_name=name,
                signatory_name=party.signatory_name,
                signatory_title=party.signatory_title,
                signed_on=party.signed_on,
                sensitivity=party.sensitivity,
            )
            for party, name in self.session.execute(
                select(AgreementParty, Organisation.name)
                .join(Organisation, Organisation.id == AgreementParty.organisation_id)
                .where(AgreementParty.agreement_id == a.id, _live(AgreementParty))
                .order_by(AgreementParty.created_at, AgreementParty.id)
            )
        )
        return AgreementView(
            id=a.id,
            title=a.title,
            municipality_code=a.municipality_code,
            municipality_name=self.kommun_name(a.municipality_code),
            period_start=a.period_start,
            period_end=a.period_end,
            goals=a.goals,
            follow_up_plan=a.follow_up_plan,
            status=a.status,
            sensitivity=a.sensitivity,
            parties=parties,
        )

    def _dialogue(self, d: Dialogue) -> DialogueView:
        return DialogueView(
            id=d.id,
            title=d.title,
            kind=d.kind,
            format=d.format,
            starts_at=d.starts_at,
            municipality_code=d.municipality_code,
            municipality_name=self.kommun_name(d.municipality_code),
            target_group=d.target_group,
            participant_count=d.participant_count,
            status=d.status,
            fed_back_on=d.fed_back_on,
            feedback_channel=d.feedback_channel,
            feedback_text=d.feedback_text,
            sensitivity=d.sensitivity,
        )

    @staticmethod
    def _problem(p: Problem) -> ProblemView:
        return ProblemView(
            id=p.id,
            title=p.title,
            description=p.description,
            location=p.location,
            timing=p.timing,
            affected=p.affected,
            municipality_code=p.municipality_code,
            priority=p.priority,
            status=p.status,
            sensitivity=p.sensitivity,
        )

    # --- collections ------------------------------------------------------------

    def commitments(self, promise_id: uuid.UUID) -> tuple[CommitmentView, ...]:
        rows = self.session.execute(
            select(Commitment, Organisation.name, Problem.id, Problem.title, Problem.sensitivity)
            .outerjoin(
                Organisation,
                (Organisation.id == Commitment.organisation_id) & _live(Organisation),
            )
            .outerjoin(Problem, (Problem.id == Commitment.problem_id) & _live(Problem))
            .where(Commitment.promise_id == promise_id, _live(Commitment))
            .order_by(Commitment.position, Commitment.created_at, Commitment.id)
        )
        return tuple(
            CommitmentView(
                id=c.id,
                party=c.party,
                organisation_name=name or "",
                text=c.text,
                position=c.position,
                sensitivity=c.sensitivity,
                problem_id=problem_id,
                problem_title=problem_title,
                problem_sensitivity=problem_sensitivity,
            )
            for c, name, problem_id, problem_title, problem_sensitivity in rows
        )

    def concerns(self, where: ColumnElement[bool]) -> list[tuple[ConcernView, Dialogue]]:
        """Live concerns of live dialogues matching ``where``, oldest dialogue first."""
        rows = self.session.execute(
            select(Concern, Dialogue, Theme.name, Place.name)
            .join(Dialogue, Dialogue.id == Concern.dialogue_id)
            .outerjoin(Theme, Theme.id == Concern.theme_id)
            .outerjoin(Place, (Place.id == Concern.place_id) & _live(Place))
            .where(where, _live(Concern), _live(Dialogue))
            .order_by(Dialogue.starts_at, Concern.created_at, Concern.id)
        )
        return [
            (
                ConcernView(
                    id=c.id,
                    dialogue_id=c.dialogue_id,
                    theme=theme or "",
                    place=place or "",
                    time_pattern=c.time_pattern,
                    raised_count=c.raised_count,
                    text=c.text,
                    answer=c.answer,
                    sensitivity=c.sensitivity,
                ),
                d,
            )
            for c, d, theme, place in rows
        ]

    def problem_concerns(
        self, problem_ids: Sequence[uuid.UUID]
    ) -> tuple[dict[uuid.UUID, list[ConcernView]], dict[uuid.UUID, Dialogue]]:
        by_problem: dict[uuid.UUID, list[ConcernView]] = defaultdict(list)
        dialogues: dict[uuid.UUID, Dialogue] = {}
        if not problem_ids:
            return by_problem, dialogues
        linked = and_(ProblemConcern.problem_id.in_(problem_ids), _live(ProblemConcern))
        # One concern may support several of the problems.
        pairs = self.session.execute(
            select(ProblemConcern.problem_id, ProblemConcern.concern_id).where(linked)
        ).all()
        wanted = Concern.id.in_(select(ProblemConcern.concern_id).where(linked))
        found = {view.id: (view, d) for view, d in self.concerns(wanted)}
        order = {concern_id: index for index, concern_id in enumerate(found)}
        for problem_id, concern_id in sorted(pairs, key=lambda p: order.get(p[1], -1)):
            if concern_id in found:
                view, dialogue = found[concern_id]
                by_problem[problem_id].append(view)
                dialogues[dialogue.id] = dialogue
        return by_problem, dialogues

    def sources(self, problem_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[SourceView]]:
        by_problem: dict[uuid.UUID, list[SourceView]] = defaultdict(list)
        if not problem_ids:
            return by_problem
        for problem_id, s in self.session.execute(
            select(ProblemSource.problem_id, Source)
            .join(Source, Source.id == ProblemSource.source_id)
            .where(ProblemSource.problem_id.in_(problem_ids), _live(ProblemSource), _live(Source))
            .order_by(Source.created_at, Source.id)
        ):
            by_problem[problem_id].append(
                SourceView(
                    id=s.id,
                    source_type=s.source_type,
                    description=s.description,
                    police_only=s.police_only,
                    sensitivity=s.sensitivity,
                )
            )
        return by_problem

    def lines(self, measure_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[FollowUpLine]]:
        """Every live line of a live follow-up about the measures, oldest follow-up first."""
        by_measure: dict[uuid.UUID, list[FollowUpLine]] = defaultdict(list)
        if not measure_ids:
            return by_measure
        for line, f in self.session.execute(
            select(FollowUpMeasure, FollowUp)
            .join(FollowUp, FollowUp.id == FollowUpMeasure.follow_up_id)
            .where(
                FollowUpMeasure.measure_id.in_(measure_ids),
                _live(FollowUpMeasure),
                _live(FollowUp),
            )
            .order_by(FollowUp.held_on, FollowUp.created_at, FollowUp.id)
        ):
            by_measure[line.measure_id].append(
                FollowUpLine(
                    follow_up_id=f.id,
                    held_on=f.held_on,
                    kind=f.kind,
                    measure_id=line.measure_id,
                    status=line.status,
                    mark=line.mark,
                    note=line.note,
                    hours=line.hours,
                    sensitivity=line.sensitivity,
                )
            )
        return by_measure

    def measures(self, where: ColumnElement[bool]) -> tuple[MeasureView, ...]:
        rows = self.session.execute(
            select(Measure, Problem.title, Cause.number, Cause.text)
            .outerjoin(Problem, (Problem.id == Measure.problem_id) & _live(Problem))
            .outerjoin(Cause, (Cause.id == Measure.cause_id) & _live(Cause))
            .where(where, _live(Measure))
            .order_by(
                Measure.starts_on.is_(None), Measure.starts_on, Measure.created_at, Measure.id
            )
        ).all()
        lines = self.lines([m.id for m, *_ in rows])
        return tuple(
            MeasureView(
                id=m.id,
                title=m.title,
                promise_id=m.promise_id,
                problem_id=m.problem_id if problem_title is not None else None,
                problem_title=problem_title or "",
                cause_number=cause_number,
                cause_text=cause_text or "",
                operational_goal=m.operational_goal,
                starts_on=m.starts_on,
                ends_on=m.ends_on,
                responsible=m.responsible,
                status=m.status,
                mark=m.mark,
                sensitivity=m.sensitivity,
                lines=tuple(lines.get(m.id, ())),
            )
            for m, problem_title, cause_number, cause_text in rows
        )

    def follow_ups(
        self, promise_id: uuid.UUID, measures: Sequence[MeasureView]
    ) -> tuple[FollowUpView, ...]:
        """The promise's follow-ups and any other follow-up with a line about its measures."""
        by_follow_up: dict[uuid.UUID, list[FollowUpLine]] = defaultdict(list)
        for measure in measures:
            for line in measure.lines:
                by_follow_up[line.follow_up_id].append(line)
        rows = self.session.scalars(
            select(FollowUp)
            .where(
                (FollowUp.promise_id == promise_id) | FollowUp.id.in_(list(by_follow_up)),
                _live(FollowUp),
            )
            .order_by(FollowUp.held_on, FollowUp.created_at, FollowUp.id)
        )
        return tuple(
            FollowUpView(
                id=f.id,
                promise_id=f.promise_id,
                held_on=f.held_on,
                kind=f.kind,
                narrative=f.narrative,
                hours=f.hours,
                reported_to=f.reported_to,
                sensitivity=f.sensitivity,
                lines=tuple(by_follow_up.get(f.id, ())),
            )
            for f in rows
        )

    def indicators(
        self, promise_id: uuid.UUID, measure_ids: Sequence[uuid.UUID]
    ) -> tuple[IndicatorView, ...]:
        of_promise = Indicator.promise_id == promise_id
        where = of_promise | Indicator.measure_id.in_(measure_ids) if measure_ids else of_promise
        indicators = self.session.scalars(
            select(Indicator).where(where, _live(Indicator)).order_by(Indicator.created_at)
        ).all()
        values: dict[uuid.UUID, list[IndicatorValueView]] = defaultdict(list)
        for v in self.session.scalars(
            select(IndicatorValue)
            .where(
                IndicatorValue.indicator_id.in_([i.id for i in indicators]),
                _live(IndicatorValue),
            )
            .order_by(IndicatorValue.measured_on, IndicatorValue.id)
        ):
            values[v.indicator_id].append(IndicatorValueView(v.measured_on, v.value, v.note))
        return tuple(
            IndicatorView(
                id=i.id,
                name=i.name,
                source_kind=i.source_kind,
                source=i.source,
                unit=i.unit,
                baseline=i.baseline,
                target=i.target,
                measure_id=i.measure_id,
                sensitivity=i.sensitivity,
                values=tuple(values.get(i.id, ())),
            )
            for i in indicators
        )

    def progress(self, measures: Sequence[MeasureView]) -> PromiseProgress:
        return derive_progress(
            (m.status, m.latest.mark if m.latest else None, m.latest is not None) for m in measures
        )

    def _started(self, measure: MeasureView) -> bool:
        return measure.starts_on is None or measure.starts_on <= self.today

    def measure_breaks(self, measures: Iterable[MeasureView]) -> list[ChainBreak]:
        breaks = []
        for m in measures:
            if m.status is MeasureStatus.CANCELLED:
                continue
            if not m.lines and self._started(m):
                breaks.append(
                    ChainBreak(BreakKind.MEASURE_WITHOUT_FOLLOW_UP, "measures", m.id, m.title)
                )
            open_ = m.status in (MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS)
            if open_ and m.ends_on is not None and m.ends_on < self.today:
                breaks.append(ChainBreak(BreakKind.MEASURE_OVERDUE, "measures", m.id, m.title))
        return breaks

    # --- traces -----------------------------------------------------------------

    def promise_trace(self, promise_id: uuid.UUID) -> PromiseTrace:
        promise = self.promise_view(promise_id)
        problems = [
            self._problem(p)
            for p in self.session.scalars(
                select(Problem)
                .join(PromiseProblem, PromiseProblem.problem_id == Problem.id)
                .where(
                    PromiseProblem.promise_id == promise_id, _live(PromiseProblem), _live(Problem)
                )
                .order_by(Problem.priority.is_(None), Problem.priority, Problem.title)
            )
        ]
        problem_ids = [p.id for p in problems]
        concerns, dialogue_rows = self.problem_concerns(problem_ids)
        sources = self.sources(problem_ids)
        measures = self.measures(Measure.promise_id == promise_id)
        dialogues = tuple(
            self._dialogue(d) for d in sorted(dialogue_rows.values(), key=lambda d: d.starts_at)
        )
        commitments = self.commitments(promise_id)

        breaks: list[ChainBreak] = []
        title = promise.title
        if not problems:
            breaks.append(
                ChainBreak(BreakKind.PROMISE_WITHOUT_PROBLEM, "promises", promise.id, title)
            )
        if not commitments:
            breaks.append(
                ChainBreak(BreakKind.PROMISE_WITHOUT_COMMITMENT, "promises", promise.id, title)
            )
        if not measures:
            breaks.append(
                ChainBreak(BreakKind.PROMISE_WITHOUT_MEASURE, "promises", promise.id, title)
            )
        active_problems = {
            m.problem_id for m in measures if m.status is not MeasureStatus.CANCELLED
        }
        for problem in problems:
            if not concerns.get(problem.id):
                breaks.append(
                    ChainBreak(
                        BreakKind.PROBLEM_WITHOUT_CONCERN, "problems", problem.id, problem.title
                    )
                )
            if measures and problem.id not in active_problems:
                breaks.append(
                    ChainBreak(
                        BreakKind.PROBLEM_WITHOUT_MEASURE, "problems", problem.id, problem.title
                    )
                )
        focus = set(problem_ids)
        for m in measures:
            if m.problem_id not in focus:
                breaks.append(
                    ChainBreak(BreakKind.MEASURE_WITHOUT_PROBLEM, "measures", m.id, m.title)
                )
        breaks += self.measure_breaks(measures)
        breaks += [
            ChainBreak(BreakKind.DIALOGUE_NOT_FED_BACK, "dialogues", d.id, d.title)
            for d in dialogues
            if not d.fed_back
        ]
        return PromiseTrace(
            promise=promise,
            agreement=self.agreement(promise.agreement_id),
            commitments=commitments,
            problems=tuple(
                ProblemTrace(p, tuple(concerns.get(p.id, ())), tuple(sources.get(p.id, ())))
                for p in problems
            ),
            dialogues=dialogues,
            measures=measures,
            follow_ups=self.follow_ups(promise_id, measures),
            indicators=self.indicators(promise_id, [m.id for m in measures]),
            progress=self.progress(measures),
            breaks=tuple(breaks),
        )

    def dialogue_trace(self, dialogue_id: uuid.UUID) -> DialogueTrace:
        row = self.session.get(Dialogue, dialogue_id)
        if row is None or row.deleted_at is not None:
            raise RecordNotFound("dialogues", str(dialogue_id))
        dialogue = self._dialogue(row)
        concerns = [view for view, _ in self.concerns(Concern.dialogue_id == dialogue_id)]
        links: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        problems: dict[uuid.UUID, ProblemView] = {}
        if concerns:
            for concern_id, problem in self.session.execute(
                select(ProblemConcern.concern_id, Problem)
                .join(Problem, Problem.id == ProblemConcern.problem_id)
                .where(
                    ProblemConcern.concern_id.in_([c.id for c in concerns]),
                    _live(ProblemConcern),
                    _live(Problem),
                )
                .order_by(Problem.priority.is_(None), Problem.priority, Problem.title)
            ):
                links[concern_id].append(problem.id)
                problems[problem.id] = self._problem(problem)
        promises: dict[uuid.UUID, list[PromiseView]] = defaultdict(list)
        measures: dict[uuid.UUID, list[MeasureView]] = defaultdict(list)
        if problems:
            for problem_id, promise in self.session.execute(
                select(PromiseProblem.problem_id, Promise)
                .join(Promise, Promise.id == PromiseProblem.promise_id)
                .where(
                    PromiseProblem.problem_id.in_(list(problems)),
                    _live(PromiseProblem),
                    _live(Promise),
                )
                .order_by(Promise.period_start, Promise.title)
            ):
                promises[problem_id].append(self._promise(promise))
            for measure in self.measures(Measure.problem_id.in_(list(problems))):
                assert measure.problem_id is not None
                measures[measure.problem_id].append(measure)
        outcomes = tuple(
            ConcernOutcome(
                concern=c,
                problems=tuple(
                    ProblemOutcome(
                        problem=problems[pid],
                        promises=tuple(promises.get(pid, ())),
                        measures=tuple(measures.get(pid, ())),
                    )
                    for pid in links.get(c.id, ())
                ),
            )
            for c in concerns
        )

        breaks: list[ChainBreak] = []
        held = dialogue.status is not DialogueStatus.PLANNED
        if held and not concerns:
            breaks.append(
                ChainBreak(
                    BreakKind.DIALOGUE_WITHOUT_CONCERN, "dialogues", dialogue.id, dialogue.title
                )
            )
        for outcome in outcomes:
            if not outcome.problems:
                c = outcome.concern
                breaks.append(
                    ChainBreak(BreakKind.CONCERN_WITHOUT_PROBLEM, "concerns", c.id, c.theme)
                )
        seen: set[uuid.UUID] = set()
        for problem_id, problem_view in problems.items():
            active = [
                m for m in measures.get(problem_id, ()) if m.status is not MeasureStatus.CANCELLED
            ]
            if not active:
                breaks.append(
                    ChainBreak(
                        BreakKind.PROBLEM_WITHOUT_MEASURE,
                        "problems",
                        problem_id,
                        problem_view.title,
                    )
                )
            new = [m for m in active if m.id not in seen]
            seen.update(m.id for m in new)
            breaks += self.measure_breaks(new)
        if held and not dialogue.fed_back:
            breaks.append(
                ChainBreak(
                    BreakKind.DIALOGUE_NOT_FED_BACK, "dialogues", dialogue.id, dialogue.title
                )
            )
        return DialogueTrace(dialogue=dialogue, concerns=outcomes, breaks=tuple(breaks))

"""The chain's breaks on the attention board: the board empties as the chain is made whole.

A dialogue, its concern, a problem, a promise, a commitment, a measure, a follow-up and
the feedback are added one at a time; after each step the board loses exactly the items
that step mends, and the promise's breaks on the board are those of its trace.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from kommunpolis.composition import Services
from kommunpolis.domain.statuses import (
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
    ParticipationLevel,
    Party,
)
from kommunpolis.services.attention import (
    CHAIN_SECTIONS,
    PROMISE_BREAKS,
    SECTIONS,
    AttentionBoard,
    AttentionService,
    Reason,
    Section,
)
from kommunpolis.services.chain import BreakKind, ChainService
from kommunpolis.services.demo import DemoService
from kommunpolis.storage import tables as t

KOMMUN = "0180"  # Stockholm, the profile's kommun (tests/integration/conftest.py)
OTHER_KOMMUN = "1280"  # Malmö
TODAY = date(2026, 3, 16)
B = BreakKind


@pytest.fixture
def attention(services: Services) -> AttentionService:
    """The service under test, on a fixed day."""
    return AttentionService(uow=services.unit_of_work, today=lambda: TODAY)


@pytest.fixture
def chain(services: Services) -> ChainService:
    """The trace the board must agree with, on the same day."""
    return ChainService(uow=services.unit_of_work, today=lambda: TODAY)


def _add(services: Services, *records: t.Record) -> list[uuid.UUID]:
    with services.unit_of_work() as uow:
        uow.session.add_all(records)
        uow.commit()
        return [record.id for record in records]


def _change(
    services: Services, model: type[t.Record], record_id: uuid.UUID, **values: object
) -> None:
    with services.unit_of_work() as uow:
        record = uow.session.get(model, record_id)
        assert record is not None
        for name, value in values.items():
            setattr(record, name, value)
        uow.commit()


def _theme_id(services: Services) -> uuid.UUID:
    with services.unit_of_work() as uow:
        return uow.session.scalars(select(t.Theme.id).order_by(t.Theme.position)).first()  # type: ignore[return-value]


def _dialogue(kommun: str = KOMMUN, status: DialogueStatus = DialogueStatus.HELD) -> t.Dialogue:
    day = TODAY - timedelta(days=30)
    return t.Dialogue(
        title="Trygghetsvandring Centrum",
        kind=DialogueKind.CITIZEN,
        format=DialogueFormat.SAFETY_WALK,
        participation_level=ParticipationLevel.CONSULTATION,
        starts_at=datetime(day.year, day.month, day.day, 18, tzinfo=UTC),
        municipality_code=kommun,
        status=status,
    )


def _promise(
    status: PromiseStatus = PromiseStatus.SIGNED,
    kommun: str | None = KOMMUN,
    title: str = "Tryggare torg",
) -> t.Promise:
    return t.Promise(
        title=title,
        municipality_code=kommun,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        status=status,
    )


def _problem(kommun: str = KOMMUN) -> t.Problem:
    return t.Problem(
        title="Narkotika vid busstorget",
        municipality_code=kommun,
        status=ProblemStatus.PRIORITISED,
        priority=1,
    )


def _measure(
    promise_id: uuid.UUID,
    problem_id: uuid.UUID | None,
    status: MeasureStatus = MeasureStatus.IN_PROGRESS,
) -> t.Measure:
    return t.Measure(
        title="Ny belysning",
        promise_id=promise_id,
        problem_id=problem_id,
        status=status,
        starts_on=TODAY - timedelta(days=60),
        ends_on=TODAY + timedelta(days=90),
    )


def _chain_ids(board: AttentionBoard) -> dict[Section, set[uuid.UUID]]:
    """What the chain's sections hold (the others are not breaks)."""
    return {
        section: {item.id for item in board.section(section).items} for section in CHAIN_SECTIONS
    }


def _promise_breaks(board: AttentionBoard, promise_id: uuid.UUID) -> set[BreakKind]:
    items = [i for i in board.section(Section.BROKEN_PROMISES).items if i.id == promise_id]
    return set(items[0].breaks) if items else set()


def _trace_breaks(chain: ChainService, promise_id: uuid.UUID) -> set[BreakKind]:
    return {b.kind for b in chain.promise_trace(promise_id).breaks} & set(PROMISE_BREAKS)


def test_the_board_empties_step_by_step_as_the_chain_is_made_whole(
    services: Services, attention: AttentionService, chain: ChainService
) -> None:
    (dialogue,) = _add(services, _dialogue())
    (concern,) = _add(services, t.Concern(dialogue_id=dialogue, theme_id=_theme_id(services)))
    (problem,) = _add(services, _problem())
    steps: list[dict[Section, set[uuid.UUID]]] = []
    promise_breaks: list[set[BreakKind]] = []

    def look(promise: uuid.UUID | None = None) -> None:
        board = attention.board()
        steps.append(_chain_ids(board))
        if promise is not None:
            promise_breaks.append(_promise_breaks(board, promise))
            assert promise_breaks[-1] == _trace_breaks(chain, promise)
            assert attention.board([KOMMUN]).section(Section.BROKEN_PROMISES).total == (
                1 if promise_breaks[-1] else 0
            )

    look()
    assert steps[-1] == {
        Section.UNLINKED_CONCERNS: {concern},
        Section.PROBLEMS_WITHOUT_MEASURE: {problem},
        Section.BROKEN_PROMISES: set(),
        Section.MEASURES_STALLED: set(),
        Section.DIALOGUES_NOT_FED_BACK: {dialogue},
    }

    _add(services, t.ProblemConcern(problem_id=problem, concern_id=concern))
    look()
    assert steps[-1][Section.UNLINKED_CONCERNS] == set()

    (promise,) = _add(services, _promise())
    look(promise)
    assert steps[-1][Section.BROKEN_PROMISES] == {promise}
    assert promise_breaks[-1] == {
        B.PROMISE_WITHOUT_PROBLEM,
        B.PROMISE_WITHOUT_COMMITMENT,
        B.PROMISE_WITHOUT_MEASURE,
    }

    _add(services, t.PromiseProblem(promise_id=promise, problem_id=problem))
    look(promise)
    # The focus area brings the dialogue behind it, which was never fed back.
    assert promise_breaks[-1] == {
        B.PROMISE_WITHOUT_COMMITMENT,
        B.PROMISE_WITHOUT_MEASURE,
        B.DIALOGUE_NOT_FED_BACK,
    }

    _add(services, t.Commitment(promise_id=promise, party=Party.POLICE, text="Polisen lovar att …"))
    look(promise)
    assert promise_breaks[-1] == {B.PROMISE_WITHOUT_MEASURE, B.DIALOGUE_NOT_FED_BACK}

    (measure,) = _add(services, _measure(promise, problem))
    look(promise)
    assert promise_breaks[-1] == {B.DIALOGUE_NOT_FED_BACK}
    assert steps[-1][Section.PROBLEMS_WITHOUT_MEASURE] == set()
    assert steps[-1][Section.MEASURES_STALLED] == {measure}  # started, never followed up

    (follow_up,) = _add(
        services, t.FollowUp(promise_id=promise, held_on=TODAY, kind=FollowUpKind.PROCESS)
    )
    _add(
        services,
        t.FollowUpMeasure(
            follow_up_id=follow_up,
            measure_id=measure,
            status=MeasureStatus.IN_PROGRESS,
            mark=FollowUpMark.GREEN,
        ),
    )
    look(promise)
    assert steps[-1][Section.MEASURES_STALLED] == set()
    assert steps[-1][Section.BROKEN_PROMISES] == {promise}

    services.records.change_status("dialogues", dialogue, DialogueStatus.COMPILED)
    services.records.change_status("dialogues", dialogue, DialogueStatus.FED_BACK)
    look(promise)
    assert steps[-1] == {section: set() for section in CHAIN_SECTIONS}
    assert promise_breaks[-1] == set()
    assert chain.promise_trace(promise).breaks == ()
    # Items on the board after each step: only the new promise adds one (it is broken
    # until it has focus areas, words and measures); the measure trades the problem's
    # item for its own until it is followed up.
    totals = [sum(len(ids) for ids in step.values()) for step in steps]
    assert totals == [3, 2, 3, 3, 3, 3, 2, 0]
    rows = attention.counts_per_municipality([KOMMUN])
    assert rows[0].chain_breaks == 0


def test_each_promise_break_on_its_own(
    services: Services, attention: AttentionService, chain: ChainService
) -> None:
    dialogue, fed_back = _add(services, _dialogue(), _dialogue(status=DialogueStatus.FED_BACK))
    theme = _theme_id(services)
    concern, told = _add(
        services,
        t.Concern(dialogue_id=dialogue, theme_id=theme),
        t.Concern(dialogue_id=fed_back, theme_id=theme),
    )
    supported, bare, cancelled_only, elsewhere = _add(
        services, _problem(), _problem(), _problem(), _problem()
    )
    promise, draft, closed, other = _add(
        services,
        _promise(PromiseStatus.PUBLISHED),
        _promise(PromiseStatus.DRAFT),
        _promise(PromiseStatus.CLOSED),
        _promise(PromiseStatus.FOLLOWED_UP, kommun=OTHER_KOMMUN, title="Malmölöftet"),
    )
    _add(
        services,
        t.ProblemConcern(problem_id=supported, concern_id=told),
        t.ProblemConcern(problem_id=cancelled_only, concern_id=told),
        *(
            t.PromiseProblem(promise_id=p, problem_id=problem)
            for p in (promise, draft, closed)
            for problem in (supported, bare, cancelled_only)
        ),
        *(
            t.Commitment(promise_id=p, party=Party.POLICE, text="…")
            for p in (promise, draft, closed)
        ),
    )
    stray, *_ = _add(
        services,
        _measure(promise, elsewhere),  # answers a problem that is no focus area
        _measure(promise, supported),
        _measure(promise, bare),
        _measure(promise, cancelled_only, MeasureStatus.CANCELLED),
    )
    board = attention.board()
    assert _promise_breaks(board, promise) == {
        B.PROBLEM_WITHOUT_CONCERN,  # bare
        B.PROBLEM_WITHOUT_MEASURE,  # cancelled_only
        B.MEASURE_WITHOUT_PROBLEM,  # stray
    }
    assert _promise_breaks(board, promise) == _trace_breaks(chain, promise)
    # A draft is still being written and a closed promise is history: neither is listed.
    assert {draft, closed}.isdisjoint(i.id for i in board.section(Section.BROKEN_PROMISES).items)
    section = board.section(Section.BROKEN_PROMISES)
    assert [item.id for item in section.items] == [other, promise]  # the most broken first
    assert section.total == 2
    item = section.items[1]
    assert (item.kind, item.reason, item.municipality_code, item.status) == (
        "promises",
        Reason.BROKEN_CHAIN,
        KOMMUN,
        "published",
    )
    assert item.day == date(2026, 12, 31)
    assert list(item.breaks) == [k for k in PROMISE_BREAKS if k in item.breaks]

    # A concern of a dialogue not fed back supports the bare problem: one break mended,
    # another one made.
    _add(services, t.ProblemConcern(problem_id=bare, concern_id=concern))
    assert _promise_breaks(attention.board(), promise) == {
        B.PROBLEM_WITHOUT_MEASURE,
        B.MEASURE_WITHOUT_PROBLEM,
        B.DIALOGUE_NOT_FED_BACK,
    }
    # Tombstones count as absent: the stray measure deleted, the dialogue deleted.
    services.records.delete("measures", stray)
    services.records.delete("dialogues", dialogue)
    assert _promise_breaks(attention.board(), promise) == {
        B.PROBLEM_WITHOUT_CONCERN,
        B.PROBLEM_WITHOUT_MEASURE,
    }
    assert _promise_breaks(attention.board(), promise) == _trace_breaks(chain, promise)

    assert attention.board([OTHER_KOMMUN]).section(Section.BROKEN_PROMISES).total == 1
    rows = {row.code: row for row in attention.counts_per_municipality()}
    assert rows[KOMMUN].count(Section.BROKEN_PROMISES) == 1
    assert rows[OTHER_KOMMUN].count(Section.BROKEN_PROMISES) == 1
    assert rows[OTHER_KOMMUN].chain_breaks == 1  # nothing else in Malmö
    _change(services, t.Promise, other, status=PromiseStatus.CLOSED)
    assert OTHER_KOMMUN not in {row.code for row in attention.counts_per_municipality()}


def test_demo_promises_on_the_board_are_those_with_broken_traces(services: Services) -> None:
    DemoService(database=services.database, clock=services.clock).generate(dialogues=600)
    today = date(2026, 1, 12)
    attention = AttentionService(uow=services.unit_of_work, today=lambda: today)
    chain = ChainService(uow=services.unit_of_work, today=lambda: today)
    board = attention.board()
    listed = {item.id: set(item.breaks) for item in board.section(Section.BROKEN_PROMISES).items}
    with services.unit_of_work() as uow:
        adopted = uow.session.scalars(
            select(t.Promise.id).where(
                t.Promise.status.in_(
                    (PromiseStatus.SIGNED, PromiseStatus.PUBLISHED, PromiseStatus.FOLLOWED_UP)
                )
            )
        ).all()
    assert adopted and listed
    for promise_id in adopted:
        assert listed.get(promise_id, set()) == _trace_breaks(chain, promise_id)
    rows = attention.counts_per_municipality()
    index = SECTIONS.index(Section.BROKEN_PROMISES)
    assert sum(row.counts[index] for row in rows) == len(listed)
    assert all(row.chain_breaks == sum(row.count(s) for s in CHAIN_SECTIONS) for row in rows)

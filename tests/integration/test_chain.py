"""The chain on a real database: dialogue → concerns → problem → promise → measure → follow-up.

Built one link at a time; after each step the trace shows the break that step mends
disappear, until a fed-back dialogue leaves no break at all.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from kommunpolis.composition import Services
from kommunpolis.domain.errors import RecordNotFound
from kommunpolis.domain.statuses import DialogueStatus, MeasureStatus, ProblemStatus
from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    DialogueKind,
    FollowUpKind,
    FollowUpMark,
    ParticipationLevel,
    Party,
    Sensitivity,
)
from kommunpolis.services.chain import (
    BreakKind,
    ChainService,
    ProgressState,
    derive_progress,
)
from kommunpolis.storage import tables as t

KOMMUN = "0180"
TODAY = date(2026, 6, 1)
B = BreakKind


def _chain(services: Services) -> ChainService:
    return ChainService(uow=services.unit_of_work, today=lambda: TODAY)


def _add(services: Services, *records: t.Record) -> None:
    with services.unit_of_work() as uow:
        uow.session.add_all(records)
        uow.commit()


def _change(
    services: Services, model: type[t.Record], record_id: uuid.UUID, **values: object
) -> None:
    with services.unit_of_work() as uow:
        record = uow.session.get(model, record_id)
        assert record is not None
        for name, value in values.items():
            setattr(record, name, value)
        uow.commit()


def _theme(services: Services, name: str) -> uuid.UUID:
    with services.unit_of_work() as uow:
        theme_id = uow.session.scalars(select(t.Theme.id).where(t.Theme.name == name)).one()
    return theme_id


def _kinds(breaks: object) -> set[BreakKind]:
    return {b.kind for b in breaks}  # type: ignore[attr-defined]


def test_breaks_disappear_one_link_at_a_time(services: Services) -> None:
    chain = _chain(services)
    dialogue = t.Dialogue(
        title="Trygghetsvandring Centrum",
        kind=DialogueKind.CITIZEN,
        format=DialogueFormat.SAFETY_WALK,
        participation_level=ParticipationLevel.CONSULTATION,
        starts_at=datetime(2026, 3, 1, 18, 0, tzinfo=UTC),
        municipality_code=KOMMUN,
        participant_count=14,
        status=DialogueStatus.HELD,
    )
    _add(services, dialogue)
    assert _kinds(chain.dialogue_trace(dialogue.id).breaks) == {
        B.DIALOGUE_WITHOUT_CONCERN,
        B.DIALOGUE_NOT_FED_BACK,
    }
    drugs = t.Concern(
        dialogue_id=dialogue.id,
        theme_id=_theme(services, "Narkotika"),
        raised_count=5,
        text="Langning vid busstorget",
    )
    traffic = t.Concern(
        dialogue_id=dialogue.id, theme_id=_theme(services, "Trafik/buskörning"), text="Mopeder"
    )
    promise = t.Promise(
        title="Tryggare torg",
        municipality_code=KOMMUN,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    _add(services, drugs, traffic, promise)
    trace = chain.promise_trace(promise.id)
    assert _kinds(trace.breaks) == {
        B.PROMISE_WITHOUT_PROBLEM,
        B.PROMISE_WITHOUT_COMMITMENT,
        B.PROMISE_WITHOUT_MEASURE,
    }
    assert trace.progress.state is ProgressState.NO_MEASURES

    problem = t.Problem(
        title="Narkotika vid busstorget", municipality_code=KOMMUN, status=ProblemStatus.PRIORITISED
    )
    _add(services, problem)
    _add(services, t.PromiseProblem(promise_id=promise.id, problem_id=problem.id))
    trace = chain.promise_trace(promise.id)
    assert B.PROMISE_WITHOUT_PROBLEM not in _kinds(trace.breaks)
    assert B.PROBLEM_WITHOUT_CONCERN in _kinds(trace.breaks)

    link = t.ProblemConcern(problem_id=problem.id, concern_id=drugs.id)
    _add(services, link)
    trace = chain.promise_trace(promise.id)
    assert B.PROBLEM_WITHOUT_CONCERN not in _kinds(trace.breaks)
    assert [c.text for c in trace.problems[0].concerns] == ["Langning vid busstorget"]
    assert [d.id for d in trace.dialogues] == [dialogue.id]
    assert not trace.dialogues[0].fed_back
    assert B.DIALOGUE_NOT_FED_BACK in _kinds(trace.breaks)

    _add(
        services,
        t.Commitment(
            promise_id=promise.id, party=Party.POLICE, text="Polisen lovar att patrullera."
        ),
    )
    assert B.PROMISE_WITHOUT_COMMITMENT not in _kinds(chain.promise_trace(promise.id).breaks)

    measure = t.Measure(
        promise_id=promise.id,
        problem_id=problem.id,
        title="Kvällspatrull vid busstorget",
        operational_goal="Två kvällar i veckan",
        starts_on=date(2026, 2, 1),
        ends_on=date(2026, 11, 30),
        responsible="Polisen",
    )
    _add(services, measure)
    trace = chain.promise_trace(promise.id)
    assert B.PROMISE_WITHOUT_MEASURE not in _kinds(trace.breaks)
    assert [(b.kind, b.record_id) for b in trace.breaks if b.record_kind == "measures"] == [
        (B.MEASURE_WITHOUT_FOLLOW_UP, measure.id)
    ]
    assert trace.progress.state is ProgressState.NOT_STARTED
    assert trace.progress.worst_mark is None

    follow_up = t.FollowUp(
        promise_id=promise.id, held_on=date(2026, 5, 15), kind=FollowUpKind.PROCESS
    )
    _add(services, follow_up)
    _add(
        services,
        t.FollowUpMeasure(
            follow_up_id=follow_up.id,
            measure_id=measure.id,
            status=MeasureStatus.IN_PROGRESS,
            mark=FollowUpMark.YELLOW,
            note="Hälften av kvällarna",
            hours=6.0,
        ),
    )
    _change(services, t.Measure, measure.id, status=MeasureStatus.IN_PROGRESS)
    trace = chain.promise_trace(promise.id)
    assert B.MEASURE_WITHOUT_FOLLOW_UP not in _kinds(trace.breaks)
    latest = trace.measures[0].latest
    assert latest is not None and latest.mark is FollowUpMark.YELLOW and latest.hours == 6.0
    assert [f.id for f in trace.follow_ups] == [follow_up.id]
    assert trace.progress.state is ProgressState.IN_PROGRESS
    assert trace.progress.worst_mark is FollowUpMark.YELLOW
    assert chain.promise_progress(promise.id) == trace.progress

    _change(
        services,
        t.Dialogue,
        dialogue.id,
        status=DialogueStatus.FED_BACK,
        fed_back_on=date(2026, 5, 20),
    )
    trace = chain.promise_trace(promise.id)
    assert trace.breaks == ()
    assert trace.dialogues[0].fed_back

    # The dialogue's side: one concern became a promise's measure, the other nothing.
    dialogue_trace = chain.dialogue_trace(dialogue.id)
    outcomes = {o.concern.text: o for o in dialogue_trace.concerns}
    assert outcomes["Mopeder"].problems == ()
    reached = outcomes["Langning vid busstorget"].problems[0]
    assert [p.title for p in reached.promises] == ["Tryggare torg"]
    assert [m.title for m in reached.measures] == ["Kvällspatrull vid busstorget"]
    assert [(b.kind, b.record_id) for b in dialogue_trace.breaks] == [
        (B.CONCERN_WITHOUT_PROBLEM, traffic.id)
    ]

    # A tombstoned link no longer counts.
    _change(services, t.ProblemConcern, link.id, deleted_at=datetime(2026, 5, 30, tzinfo=UTC))
    trace = chain.promise_trace(promise.id)
    assert _kinds(trace.breaks) == {B.PROBLEM_WITHOUT_CONCERN}
    assert trace.dialogues == ()


def test_measures_off_the_focus_areas_and_overdue_are_breaks(services: Services) -> None:
    promise = t.Promise(
        title="Löfte",
        municipality_code=KOMMUN,
        period_start=date(2025, 1, 1),
        period_end=date(2026, 12, 31),
    )
    _add(services, promise)
    stray = t.Measure(promise_id=promise.id, title="Utan problem", ends_on=date(2026, 3, 1))
    cancelled = t.Measure(promise_id=promise.id, title="Inställd", status=MeasureStatus.CANCELLED)
    future = t.Measure(promise_id=promise.id, title="Senare", starts_on=date(2026, 9, 1))
    _add(services, stray, cancelled, future)
    breaks = {(b.kind, b.record_id) for b in _chain(services).promise_trace(promise.id).breaks}
    assert (B.MEASURE_OVERDUE, stray.id) in breaks
    assert (B.MEASURE_WITHOUT_FOLLOW_UP, stray.id) in breaks
    assert (B.MEASURE_WITHOUT_FOLLOW_UP, cancelled.id) not in breaks
    assert (B.MEASURE_WITHOUT_FOLLOW_UP, future.id) not in breaks  # not started yet
    assert (B.MEASURE_WITHOUT_PROBLEM, future.id) in breaks


def test_progress_is_derived_from_the_measures_latest_follow_up(services: Services) -> None:
    promise = t.Promise(
        title="Löfte",
        municipality_code=KOMMUN,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    _add(services, promise)
    done = t.Measure(promise_id=promise.id, title="A", status=MeasureStatus.DONE)
    running = t.Measure(promise_id=promise.id, title="B", status=MeasureStatus.IN_PROGRESS)
    gone = t.Measure(promise_id=promise.id, title="C", deleted_at=datetime(2026, 2, 1, tzinfo=UTC))
    _add(services, done, running, gone)
    spring = t.FollowUp(promise_id=promise.id, held_on=date(2026, 3, 1), kind=FollowUpKind.PROCESS)
    autumn = t.FollowUp(promise_id=promise.id, held_on=date(2026, 9, 1), kind=FollowUpKind.PROCESS)
    _add(services, spring, autumn)
    _add(
        services,
        # Red in spring, green in autumn: the latest counts.
        t.FollowUpMeasure(
            follow_up_id=spring.id,
            measure_id=running.id,
            status=MeasureStatus.IN_PROGRESS,
            mark=FollowUpMark.RED,
        ),
        t.FollowUpMeasure(
            follow_up_id=autumn.id,
            measure_id=running.id,
            status=MeasureStatus.IN_PROGRESS,
            mark=FollowUpMark.GREEN,
        ),
        t.FollowUpMeasure(
            follow_up_id=autumn.id,
            measure_id=done.id,
            status=MeasureStatus.DONE,
            mark=FollowUpMark.YELLOW,
        ),
        # A line about the tombstoned measure is ignored with it.
        t.FollowUpMeasure(
            follow_up_id=autumn.id,
            measure_id=gone.id,
            status=MeasureStatus.DONE,
            mark=FollowUpMark.RED,
        ),
    )
    progress = _chain(services).promise_progress(promise.id)
    assert progress.measure_count == 2
    assert progress.count(MeasureStatus.DONE) == 1
    assert progress.count(MeasureStatus.IN_PROGRESS) == 1
    assert progress.followed_up == 2
    assert progress.worst_mark is FollowUpMark.YELLOW
    assert progress.state is ProgressState.IN_PROGRESS
    assert progress.done_share == 0.5


@pytest.mark.parametrize(
    ("measures", "state", "mark"),
    [
        ([], ProgressState.NO_MEASURES, None),
        (
            [(MeasureStatus.CANCELLED, FollowUpMark.RED, True)],
            ProgressState.CANCELLED,
            FollowUpMark.RED,
        ),
        (
            [
                (MeasureStatus.DONE, FollowUpMark.GREEN, True),
                (MeasureStatus.CANCELLED, None, False),
            ],
            ProgressState.DONE,
            FollowUpMark.GREEN,
        ),
        (
            [(MeasureStatus.NOT_STARTED, None, False), (MeasureStatus.NOT_STARTED, None, False)],
            ProgressState.NOT_STARTED,
            None,
        ),
        (
            [
                (MeasureStatus.DONE, FollowUpMark.GREEN, True),
                (MeasureStatus.IN_PROGRESS, FollowUpMark.RED, True),
                (MeasureStatus.NOT_STARTED, FollowUpMark.YELLOW, True),
            ],
            ProgressState.IN_PROGRESS,
            FollowUpMark.RED,
        ),
    ],
)
def test_derived_state_and_colour(
    measures: list[tuple[MeasureStatus, FollowUpMark | None, bool]],
    state: ProgressState,
    mark: FollowUpMark | None,
) -> None:
    progress = derive_progress(measures)
    assert progress.state is state
    assert progress.worst_mark is mark
    assert progress.measure_count == len(measures)


def test_unknown_and_tombstoned_ids_are_typed_errors(services: Services) -> None:
    chain = _chain(services)
    promise = t.Promise(
        title="Borta",
        municipality_code=KOMMUN,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        deleted_at=datetime(2026, 1, 5, tzinfo=UTC),
    )
    _add(services, promise)
    for call in (chain.promise_trace, chain.promise_progress, chain.dialogue_trace):
        with pytest.raises(RecordNotFound):
            call(uuid.uuid4())
    with pytest.raises(RecordNotFound):
        chain.promise_trace(promise.id)


def test_a_commitment_names_its_focus_area_until_the_problem_is_tombstoned(
    services: Services,
) -> None:
    chain = _chain(services)
    problem = t.Problem(
        title="Buskörning", municipality_code=KOMMUN, sensitivity=Sensitivity.INTERNAL
    )
    promise = t.Promise(
        title="Tryggare vägar",
        municipality_code=KOMMUN,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    _add(services, problem, promise)
    focused = t.Commitment(
        promise_id=promise.id,
        problem_id=problem.id,
        party=Party.POLICE,
        text="Polisen lovar att mäta hastigheter.",
    )
    whole = t.Commitment(
        promise_id=promise.id, party=Party.MUNICIPALITY, text="Kommunen lovar att återkoppla."
    )
    _add(services, focused, whole)
    views = {c.id: c for c in chain.promise_trace(promise.id).commitments}
    assert (
        views[focused.id].problem_id,
        views[focused.id].problem_title,
        views[focused.id].problem_sensitivity,
    ) == (problem.id, "Buskörning", Sensitivity.INTERNAL)
    assert (views[whole.id].problem_id, views[whole.id].problem_title) == (None, None)
    _change(services, t.Problem, problem.id, deleted_at=datetime(2026, 3, 1, tzinfo=UTC))
    views = {c.id: c for c in chain.promise_trace(promise.id).commitments}
    assert (views[focused.id].problem_id, views[focused.id].problem_title) == (None, None)
    assert views[focused.id].problem_sensitivity is None

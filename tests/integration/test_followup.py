"""The follow-up that takes a minute: one line per measure, progress derived, steps checked."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from kommunpolis.composition import Services
from kommunpolis.domain.errors import InvalidInput, InvalidTransition, RecordNotFound
from kommunpolis.domain.statuses import MeasureStatus
from kommunpolis.domain.vocabulary import FollowUpKind, FollowUpMark
from kommunpolis.services.chain import ProgressState
from kommunpolis.services.followup import MeasureEntry
from kommunpolis.storage import tables as t

KOMMUN = "0180"
HELD_ON = date(2026, 3, 2)


def _promise_with_measures(services: Services, *statuses: MeasureStatus) -> uuid.UUID:
    with services.unit_of_work() as uow:
        promise = t.Promise(
            title="Tryggare torg",
            municipality_code=KOMMUN,
            period_start=date(2026, 1, 1),
            period_end=date(2026, 12, 31),
        )
        uow.session.add(promise)
        uow.flush()
        for number, status in enumerate(statuses, start=1):
            uow.session.add(
                t.Measure(promise_id=promise.id, title=f"Åtgärd {number}", status=status)
            )
        uow.commit()
        return promise.id


def _rows(services: Services, model: type[t.FollowUp] | type[t.FollowUpMeasure]) -> int:
    with services.unit_of_work() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def test_one_line_per_measure_and_progress_derived(services: Services) -> None:
    promise_id = _promise_with_measures(
        services,
        MeasureStatus.NOT_STARTED,
        MeasureStatus.IN_PROGRESS,
        MeasureStatus.IN_PROGRESS,
        MeasureStatus.CANCELLED,
    )
    followups = services.followups
    form = followups.form(promise_id)
    assert [m.title for m in form.measures] == ["Åtgärd 1", "Åtgärd 2", "Åtgärd 3"]
    assert form.cancelled == 1
    assert form.measures[0].allowed == (MeasureStatus.IN_PROGRESS, MeasureStatus.CANCELLED)
    assert form.progress.state is ProgressState.IN_PROGRESS
    assert form.progress.worst_mark is None

    first, second, third = (m.measure_id for m in form.measures)
    logged = followups.log(
        promise_id,
        [
            MeasureEntry(first, MeasureStatus.IN_PROGRESS, FollowUpMark.GREEN, "Startat", 1.5),
            MeasureEntry(second, MeasureStatus.DONE, FollowUpMark.GREEN, "", 3.0),
            MeasureEntry(third, MeasureStatus.IN_PROGRESS, FollowUpMark.YELLOW, "Sent"),
        ],
        held_on=HELD_ON,
        kind=FollowUpKind.PROCESS,
        narrative="  Våren  ",
    )
    assert logged.lines == 3
    assert set(logged.changed_measures) == {first, second, third}
    assert _rows(services, t.FollowUp) == 1
    assert _rows(services, t.FollowUpMeasure) == 3
    with services.unit_of_work() as uow:
        follow_up = uow.session.get(t.FollowUp, logged.follow_up_id)
        assert follow_up is not None
        assert (follow_up.held_on, follow_up.hours, follow_up.narrative) == (HELD_ON, 4.5, "Våren")
        lines = {
            line.measure_id: line
            for line in uow.session.scalars(
                select(t.FollowUpMeasure).where(
                    t.FollowUpMeasure.follow_up_id == logged.follow_up_id
                )
            )
        }
        assert lines[first].note == "Startat" and lines[first].hours == 1.5
        assert lines[third].hours is None and lines[third].mark is FollowUpMark.YELLOW
        measures = {m.id: m for m in uow.session.scalars(select(t.Measure))}
        assert measures[first].status is MeasureStatus.IN_PROGRESS
        assert measures[second].status is MeasureStatus.DONE
        assert measures[third].mark is FollowUpMark.YELLOW

    # Progress is derived from the measures, the same as the chain says.
    progress = logged.progress
    assert progress == services.chain.promise_progress(promise_id)
    assert progress.count(MeasureStatus.DONE) == 1
    assert progress.count(MeasureStatus.CANCELLED) == 1
    assert progress.followed_up == 3
    assert progress.worst_mark is FollowUpMark.YELLOW
    assert progress.state is ProgressState.IN_PROGRESS


def test_an_invalid_status_jump_is_refused_and_nothing_is_written(services: Services) -> None:
    promise_id = _promise_with_measures(
        services, MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS
    )
    form = services.followups.form(promise_id)
    first, second = (m.measure_id for m in form.measures)
    with pytest.raises(InvalidTransition):
        services.followups.log(
            promise_id,
            [
                MeasureEntry(second, MeasureStatus.DONE, FollowUpMark.GREEN),
                # ej påbörjad → genomförd skips pågår
                MeasureEntry(first, MeasureStatus.DONE, FollowUpMark.GREEN),
            ],
            held_on=HELD_ON,
        )
    assert _rows(services, t.FollowUp) == 0 and _rows(services, t.FollowUpMeasure) == 0
    with services.unit_of_work() as uow:
        assert uow.session.get(t.Measure, second).status is MeasureStatus.IN_PROGRESS  # type: ignore[union-attr]


def test_lines_must_be_the_promises_own_live_measures(services: Services) -> None:
    promise_id = _promise_with_measures(services, MeasureStatus.NOT_STARTED)
    other_id = _promise_with_measures(services, MeasureStatus.NOT_STARTED)
    mine = services.followups.form(promise_id).measures[0].measure_id
    theirs = services.followups.form(other_id).measures[0].measure_id
    with pytest.raises(RecordNotFound):
        services.followups.log(promise_id, [MeasureEntry(theirs, MeasureStatus.NOT_STARTED)])
    with pytest.raises(InvalidInput):
        services.followups.log(promise_id, [])
    with pytest.raises(InvalidInput):
        services.followups.log(
            promise_id,
            [
                MeasureEntry(mine, MeasureStatus.NOT_STARTED),
                MeasureEntry(mine, MeasureStatus.NOT_STARTED),
            ],
        )
    with pytest.raises(InvalidInput):
        services.followups.log(
            promise_id, [MeasureEntry(mine, MeasureStatus.NOT_STARTED, hours=-1)]
        )
    with pytest.raises(RecordNotFound):
        services.followups.form(uuid.uuid4())
    assert _rows(services, t.FollowUp) == 0


def test_an_unchanged_status_is_a_line_without_a_transition(services: Services) -> None:
    promise_id = _promise_with_measures(services, MeasureStatus.IN_PROGRESS)
    measure = services.followups.form(promise_id).measures[0].measure_id
    logged = services.followups.log(
        promise_id, [MeasureEntry(measure, MeasureStatus.IN_PROGRESS)], held_on=HELD_ON
    )
    assert logged.changed_measures == ()
    assert logged.progress.followed_up == 1 and logged.progress.worst_mark is None

"""The attention board: each section finds what it should, and only that, in real SQLite."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from kommunpolis.composition import Services
from kommunpolis.domain.statuses import (
    DialogueStatus,
    MeasureStatus,
    MinutesStatus,
    ProblemStatus,
    PromiseStatus,
)
from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    DialogueKind,
    FollowUpKind,
    MeetingType,
    ParticipationLevel,
)
from kommunpolis.services.attention import (
    ITEM_LIMIT,
    SECTIONS,
    AttentionBoard,
    AttentionService,
    Reason,
    Section,
)
from kommunpolis.services.demo import DemoService
from kommunpolis.storage import tables as t

KOMMUN = "0180"  # Stockholm, the profile's kommun (tests/integration/conftest.py)
TODAY = date(2026, 3, 16)
OTHER_KOMMUN = "1280"  # Malmö


@pytest.fixture
def attention(services: Services) -> AttentionService:
    """The service under test, on a fixed day."""
    return AttentionService(uow=services.unit_of_work, today=lambda: TODAY)


def _at(day: date, hour: int = 18) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def _add(services: Services, *records: t.Record) -> list[uuid.UUID]:
    with services.unit_of_work() as uow:
        uow.session.add_all(records)
        uow.commit()
        return [record.id for record in records]


def _theme_id(services: Services) -> uuid.UUID:
    with services.unit_of_work() as uow:
        return uow.session.scalars(select(t.Theme.id).order_by(t.Theme.position)).first()  # type: ignore[return-value]


def _dialogue(
    *,
    status: DialogueStatus = DialogueStatus.HELD,
    day: date = TODAY - timedelta(days=20),
    kommun: str = KOMMUN,
    title: str = "Trygghetsvandring Centrum",
) -> t.Dialogue:
    return t.Dialogue(
        title=title,
        kind=DialogueKind.CITIZEN,
        format=DialogueFormat.SAFETY_WALK,
        participation_level=ParticipationLevel.CONSULTATION,
        starts_at=_at(day),
        municipality_code=kommun,
        status=status,
    )


def _concern(
    services: Services, dialogue_id: uuid.UUID, text: str = "Mörkt vid torget"
) -> t.Concern:
    return t.Concern(dialogue_id=dialogue_id, theme_id=_theme_id(services), text=text)


def _problem(
    status: ProblemStatus = ProblemStatus.PRIORITISED, kommun: str | None = KOMMUN
) -> t.Problem:
    return t.Problem(
        title="Oro vid busstorget", status=status, municipality_code=kommun, priority=1
    )


def _measure(
    *,
    problem_id: uuid.UUID | None = None,
    status: MeasureStatus = MeasureStatus.IN_PROGRESS,
    starts_on: date | None = TODAY - timedelta(days=60),
    ends_on: date | None = TODAY + timedelta(days=90),
    title: str = "Ny belysning",
) -> t.Measure:
    return t.Measure(
        title=title, problem_id=problem_id, status=status, starts_on=starts_on, ends_on=ends_on
    )


def _link(problem_id: uuid.UUID, concern_id: uuid.UUID) -> t.ProblemConcern:
    return t.ProblemConcern(problem_id=problem_id, concern_id=concern_id)


def _ids(board: AttentionBoard, section: Section) -> set[uuid.UUID]:
    return {item.id for item in board.section(section).items}


def _both_paths_agree(attention: AttentionService) -> None:
    """The unfiltered totals (own counting) equal the per-kommun path's totals."""
    everything = attention.board()
    per_kommun = attention.counts_per_municipality()
    codes = [row.code for row in per_kommun if row.code is not None]
    filtered = attention.board(codes) if codes else None
    for index, section in enumerate(SECTIONS):
        total = everything.section(section).total
        assert total == sum(row.counts[index] for row in per_kommun), section
        if filtered is not None:
            no_kommun = sum(row.counts[index] for row in per_kommun if row.code is None)
            assert filtered.section(section).total == total - no_kommun, section


# --- concerns not linked to any problem ------------------------------------------------


def test_unlinked_concern_shows_until_it_is_linked(
    services: Services, attention: AttentionService
) -> None:
    (dialogue_id,) = _add(services, _dialogue())
    linked_id, loose_id = _add(
        services, _concern(services, dialogue_id), _concern(services, dialogue_id)
    )
    (problem_id,) = _add(services, _problem())
    _add(services, _link(problem_id, linked_id))

    board = attention.board()
    section = board.section(Section.UNLINKED_CONCERNS)
    assert _ids(board, Section.UNLINKED_CONCERNS) == {loose_id}
    assert section.total == 1
    item = section.items[0]
    assert (item.kind, item.reason, item.municipality_code) == ("concerns", Reason.UNLINKED, KOMMUN)
    assert item.title == "Narkotika"  # the first default theme
    assert item.subtitle == "Trygghetsvandring Centrum"
    assert item.day == TODAY - timedelta(days=20)
    assert item.days_from_today == -20

    _add(services, _link(problem_id, loose_id))
    board = attention.board()
    assert board.section(Section.UNLINKED_CONCERNS).total == 0
    assert attention.board([KOMMUN]).section(Section.UNLINKED_CONCERNS).total == 0


def test_tombstones_count_as_absent_in_both_counting_paths(
    services: Services, attention: AttentionService
) -> None:
    dialogue_id, dead_dialogue_id = _add(services, _dialogue(), _dialogue(title="Raderad"))
    concerns = _add(services, *(_concern(services, dialogue_id, f"c{n}") for n in range(6)))
    in_dead_dialogue = _add(
        services, _concern(services, dead_dialogue_id), _concern(services, dead_dialogue_id)
    )
    live_problem, dead_problem = _add(services, _problem(), _problem())
    dead_link_concern, dead_problem_concern, linked_dead_concern, dead_concern, linked, loose = (
        concerns
    )
    link_ids = _add(
        services,
        _link(live_problem, dead_link_concern),
        _link(dead_problem, dead_problem_concern),
        _link(live_problem, linked_dead_concern),
        _link(live_problem, linked),
        _link(live_problem, in_dead_dialogue[0]),
    )
    services.records.delete("problems", dead_problem)
    services.records.delete("concerns", linked_dead_concern)
    services.records.delete("concerns", dead_concern)
    services.records.delete("dialogues", dead_dialogue_id)
    with services.unit_of_work() as uow:  # link tombstones are written by sync, not the UI
        link = uow.session.get(t.ProblemConcern, link_ids[0])
        assert link is not None
        link.deleted_at = datetime.now(UTC)
        uow.commit()

    board = attention.board()
    expected = {dead_link_concern, dead_problem_concern, loose}
    assert _ids(board, Section.UNLINKED_CONCERNS) == expected
    assert board.section(Section.UNLINKED_CONCERNS).total == len(expected)
    assert attention.board([KOMMUN]).section(Section.UNLINKED_CONCERNS).total == len(expected)
    _both_paths_agree(attention)


def test_concerns_newest_first_and_capped_with_an_exact_total(
    services: Services, attention: AttentionService
) -> None:
    old_id, new_id = _add(
        services,
        _dialogue(day=TODAY - timedelta(days=300)),
        _dialogue(day=TODAY - timedelta(days=2)),
    )
    _add(services, *(_concern(services, old_id) for _ in range(ITEM_LIMIT)))
    (newest,) = _add(services, _concern(services, new_id))

    section = attention.board().section(Section.UNLINKED_CONCERNS)
    assert section.total == ITEM_LIMIT + 1
    assert len(section.items) == ITEM_LIMIT
    assert section.items[0].id == newest


# --- prioritised problems without a measure ----------------------------------------------


def test_prioritised_problem_without_measure(
    services: Services, attention: AttentionService
) -> None:
    bare, analysed, with_measure, _identified, only_cancelled, other = _add(
        services,
        _problem(ProblemStatus.PRIORITISED),
        _problem(ProblemStatus.ANALYSED),
        _problem(ProblemStatus.PRIORITISED),
        _problem(ProblemStatus.IDENTIFIED),
        _problem(ProblemStatus.PRIORITISED),
        _problem(ProblemStatus.PRIORITISED, kommun=OTHER_KOMMUN),
    )
    _add(
        services,
        _measure(problem_id=with_measure),
        _measure(problem_id=only_cancelled, status=MeasureStatus.CANCELLED),
    )
    board = attention.board()
    assert _ids(board, Section.PROBLEMS_WITHOUT_MEASURE) == {bare, analysed, only_cancelled, other}
    assert _ids(attention.board([OTHER_KOMMUN]), Section.PROBLEMS_WITHOUT_MEASURE) == {other}

    (measure_id,) = _add(services, _measure(problem_id=bare))
    assert bare not in _ids(attention.board(), Section.PROBLEMS_WITHOUT_MEASURE)
    services.records.delete("measures", measure_id)
    assert bare in _ids(attention.board(), Section.PROBLEMS_WITHOUT_MEASURE)


# --- measures overdue or without follow-up -----------------------------------------------


def _follow_up(services: Services, measure_id: uuid.UUID) -> uuid.UUID:
    (follow_up_id,) = _add(
        services, t.FollowUp(held_on=TODAY - timedelta(days=5), kind=FollowUpKind.PROCESS)
    )
    (row_id,) = _add(
        services,
        t.FollowUpMeasure(
            follow_up_id=follow_up_id, measure_id=measure_id, status=MeasureStatus.IN_PROGRESS
        ),
    )
    return row_id


def test_overdue_and_unfollowed_measures(services: Services, attention: AttentionService) -> None:
    (problem_id,) = _add(services, _problem())
    overdue, unfollowed, followed, done_late, future = _add(
        services,
        _measure(problem_id=problem_id, ends_on=TODAY - timedelta(days=3), title="late"),
        _measure(problem_id=problem_id, title="never followed up"),
        _measure(problem_id=problem_id, title="followed up"),
        _measure(
            problem_id=problem_id, status=MeasureStatus.DONE, ends_on=TODAY - timedelta(days=9)
        ),
        _measure(
            problem_id=problem_id,
            status=MeasureStatus.NOT_STARTED,
            starts_on=TODAY + timedelta(days=30),
        ),
    )
    _follow_up(services, overdue)
    _follow_up(services, followed)

    section = attention.board().section(Section.MEASURES_STALLED)
    assert {item.id for item in section.items} == {overdue, unfollowed}
    reasons = {item.id: item.reason for item in section.items}
    assert reasons == {overdue: Reason.OVERDUE, unfollowed: Reason.NO_FOLLOW_UP}
    assert section.items[0].id == overdue  # the most urgent first
    assert section.items[0].days_from_today == -3
    assert section.items[0].municipality_code == KOMMUN  # through its problem
    assert done_late not in {item.id for item in section.items}
    assert future not in {item.id for item in section.items}

    _follow_up(services, unfollowed)
    assert _ids(attention.board(), Section.MEASURES_STALLED) == {overdue}


# --- due within 14 days ------------------------------------------------------------------


def test_due_within_fourteen_days(services: Services, attention: AttentionService) -> None:
    soon, later, finished = _add(
        services,
        _measure(ends_on=TODAY + timedelta(days=5)),
        _measure(ends_on=TODAY + timedelta(days=20)),
        _measure(ends_on=TODAY + timedelta(days=3), status=MeasureStatus.DONE),
    )

    def promise(status: PromiseStatus, ends: int) -> t.Promise:
        return t.Promise(
            title="Tryggare torg",
            municipality_code=KOMMUN,
            period_start=TODAY - timedelta(days=300),
            period_end=TODAY + timedelta(days=ends),
            status=status,
        )

    published, draft = _add(
        services, promise(PromiseStatus.PUBLISHED, 10), promise(PromiseStatus.DRAFT, 10)
    )

    section = attention.board().section(Section.DUE_SOON)
    assert [(item.kind, item.id) for item in section.items] == [
        ("measures", soon),
        ("promises", published),
    ]
    assert section.total == 2
    assert [item.days_from_today for item in section.items] == [5, 10]
    assert {later, finished, draft}.isdisjoint(_ids(attention.board(), Section.DUE_SOON))


# --- dialogues not fed back ----------------------------------------------------------


def test_feeding_back_a_dialogue_removes_it(
    services: Services, attention: AttentionService
) -> None:
    held, compiled, planned, fed_back = _add(
        services,
        _dialogue(day=TODAY - timedelta(days=40)),
        _dialogue(status=DialogueStatus.COMPILED, day=TODAY - timedelta(days=70)),
        _dialogue(status=DialogueStatus.PLANNED, day=TODAY + timedelta(days=7)),
        _dialogue(status=DialogueStatus.FED_BACK, day=TODAY - timedelta(days=90)),
    )
    section = attention.board().section(Section.DIALOGUES_NOT_FED_BACK)
    assert [item.id for item in section.items] == [compiled, held]  # oldest first
    assert section.items[0].days_from_today == -70
    assert {planned, fed_back}.isdisjoint(_ids(attention.board(), Section.DIALOGUES_NOT_FED_BACK))

    services.records.change_status("dialogues", held, DialogueStatus.COMPILED)
    assert held in _ids(attention.board(), Section.DIALOGUES_NOT_FED_BACK)
    services.records.change_status("dialogues", held, DialogueStatus.FED_BACK)
    assert _ids(attention.board(), Section.DIALOGUES_NOT_FED_BACK) == {compiled}


# --- minutes not approved -------------------------------------------------------------


def test_draft_minutes_of_past_meetings(services: Services, attention: AttentionService) -> None:
    def meeting(day: date, status: MinutesStatus) -> t.Meeting:
        return t.Meeting(
            title="Samverkansmöte",
            meeting_type=MeetingType.COLLABORATION,
            starts_at=_at(day, 9),
            municipality_code=KOMMUN,
            minutes_status=status,
        )

    draft, approved, upcoming = _add(
        services,
        meeting(TODAY - timedelta(days=12), MinutesStatus.DRAFT),
        meeting(TODAY - timedelta(days=12), MinutesStatus.APPROVED),
        meeting(TODAY + timedelta(days=2), MinutesStatus.DRAFT),
    )
    board = attention.board()
    assert _ids(board, Section.MINUTES_NOT_APPROVED) == {draft}
    assert {approved, upcoming}.isdisjoint(_ids(board, Section.MINUTES_NOT_APPROVED))

    services.records.change_status("meetings", draft, MinutesStatus.APPROVED)
    assert attention.board().section(Section.MINUTES_NOT_APPROVED).total == 0


# --- per kommun --------------------------------------------------------------------------


def test_counts_per_kommun_add_up(services: Services, attention: AttentionService) -> None:
    here, there = _add(services, _dialogue(), _dialogue(kommun=OTHER_KOMMUN))
    _add(
        services,
        _concern(services, here),
        _concern(services, there),
        _concern(services, there),
        _problem(kommun=None),
        _problem(kommun=OTHER_KOMMUN),
    )
    rows = attention.counts_per_municipality()
    assert [(row.code, row.name) for row in rows] == [
        (OTHER_KOMMUN, "Malmö"),
        (KOMMUN, "Stockholm"),
        (None, ""),
    ]
    by_code = {row.code: row for row in rows}
    assert by_code[OTHER_KOMMUN].count(Section.UNLINKED_CONCERNS) == 2
    assert by_code[OTHER_KOMMUN].count(Section.DIALOGUES_NOT_FED_BACK) == 1
    assert by_code[None].count(Section.PROBLEMS_WITHOUT_MEASURE) == 1
    _both_paths_agree(attention)

    chosen = attention.counts_per_municipality(["0114"])  # Upplands Väsby: nothing there
    assert [(row.code, row.total) for row in chosen] == [("0114", 0)]


def test_board_on_demo_data_is_consistent_and_quick(services: Services) -> None:
    DemoService(database=services.database, clock=services.clock).generate(dialogues=1000)
    attention = AttentionService(uow=services.unit_of_work, today=lambda: date(2026, 1, 10))
    started = time.perf_counter()
    board = attention.board()
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0  # about 15 ms here; the benchmark measures 100 000 dialogues
    assert all(section.total >= len(section.items) for section in board.sections)
    assert board.section(Section.UNLINKED_CONCERNS).total > ITEM_LIMIT
    assert board.section(Section.DIALOGUES_NOT_FED_BACK).total > 0
    _both_paths_agree(attention)

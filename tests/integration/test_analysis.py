"""The analysis and plan read models on a hand-built chain in a real database."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from kommunpolis.composition import Services
from kommunpolis.domain.errors import FieldErrors, RecordNotFound
from kommunpolis.domain.statuses import MeasureStatus
from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    DialogueKind,
    FollowUpKind,
    FollowUpMark,
    IndicatorSource,
    OrganisationKind,
    ParticipationLevel,
    Party,
    SituationOwner,
    SituationScope,
    SourceType,
    TimePattern,
)
from kommunpolis.services.analysis import ANALYSIS_FIELDS, SARA_FIELDS, FocusAreaCommitments
from kommunpolis.storage import tables as t

KOMMUN = "0180"


def _add(services: Services, *records: t.Record) -> None:
    with services.unit_of_work() as uow:
        uow.session.add_all(records)
        uow.commit()


def _change(
    services: Services, model: type[t.Record], record_id: uuid.UUID, **values: object
) -> None:
    with services.unit_of_work() as uow:
        row = uow.session.get(model, record_id)
        assert row is not None
        for name, value in values.items():
            setattr(row, name, value)
        uow.commit()


@dataclass(frozen=True)
class Chain:
    """The ids of the hand-built chain."""

    problem: uuid.UUID
    other_problem: uuid.UUID
    analysis: uuid.UUID
    causes: tuple[uuid.UUID, ...]  # by number
    old_concern: uuid.UUID
    new_concern: uuid.UUID
    gone_concern: uuid.UUID
    open_source: uuid.UUID
    police_source: uuid.UUID
    picture: uuid.UUID
    promise: uuid.UUID
    measures: tuple[uuid.UUID, ...]  # focus area 1, focus area 2, none, in that order
    indicator: uuid.UUID


def build_chain(services: Services) -> Chain:
    """Two dialogues, three concerns (one tombstoned), two sources, a problem with an
    analysis and three causes, a promise over two focus areas with commitments of every
    party, three measures (followed up in two ways) and an indicator with values."""
    theme = t.Theme(name="Narkotika", position=1)
    place = t.Place(name="Busstorget", municipality_code=KOMMUN)
    spring = t.Dialogue(
        title="Trygghetsvandring i våras",
        kind=DialogueKind.CITIZEN,
        format=DialogueFormat.SAFETY_WALK,
        participation_level=ParticipationLevel.CONSULTATION,
        starts_at=datetime(2026, 4, 2, 17, tzinfo=UTC),
        municipality_code=KOMMUN,
    )
    autumn = t.Dialogue(
        title="Öppet möte i höstas",
        kind=DialogueKind.CITIZEN,
        format=DialogueFormat.OPEN_MEETING,
        participation_level=ParticipationLevel.CONSULTATION,
        starts_at=datetime(2026, 10, 5, 18, tzinfo=UTC),
        municipality_code=KOMMUN,
    )
    _add(services, theme, place, spring, autumn)
    old = t.Concern(
        dialogue_id=spring.id,
        theme_id=theme.id,
        place_id=place.id,
        time_pattern=TimePattern.EVENING,
        raised_count=4,
        text="Langning vid busstorget",
    )
    new = t.Concern(dialogue_id=autumn.id, theme_id=theme.id, raised_count=7, text="Sprutor")
    gone = t.Concern(
        dialogue_id=autumn.id,
        theme_id=theme.id,
        raised_count=50,
        deleted_at=datetime(2026, 10, 6, tzinfo=UTC),
    )
    picture = t.SituationPicture(
        title="Lägesbild 2026",
        scope=SituationScope.MUNICIPALITY,
        municipality_code=KOMMUN,
        owner=SituationOwner.JOINT,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    problem = t.Problem(title="Narkotika vid busstorget", municipality_code=KOMMUN, priority=1)
    other = t.Problem(title="Buskörning", municipality_code=KOMMUN, priority=2)
    organisation = t.Organisation(name="Bostadsbolaget", kind=OrganisationKind.HOUSING_COMPANY)
    promise = t.Promise(
        title="Tryggare torg",
        municipality_code=KOMMUN,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    _add(services, old, new, gone, picture, problem, other, organisation, promise)
    open_source = t.Source(
        situation_picture_id=picture.id,
        source_type=SourceType.SAFETY_SURVEY,
        description="Trygghetsmätning 2025",
    )
    police_source = t.Source(
        situation_picture_id=picture.id,
        source_type=SourceType.POLICE_INTELLIGENCE,
        description="Underrättelse om försäljning",
        police_only=True,
    )
    analysis = t.RootCauseAnalysis(
        problem_id=problem.id, scanning="Kartlagt", offender="Unga säljare"
    )
    _add(services, open_source, police_source, analysis)
    # Numbers out of creation order: the list follows the numbers.
    second = t.Cause(analysis_id=analysis.id, number=2, text="Mörkt")
    first = t.Cause(analysis_id=analysis.id, number=1, text="Ingen vuxen närvaro")
    third = t.Cause(analysis_id=analysis.id, number=3, text="Gömställen")
    _add(
        services,
        second,
        first,
        third,
        t.ProblemConcern(problem_id=problem.id, concern_id=old.id),
        t.ProblemConcern(problem_id=problem.id, concern_id=new.id),
        t.ProblemConcern(problem_id=problem.id, concern_id=gone.id),
        t.ProblemSource(problem_id=problem.id, source_id=open_source.id),
        t.ProblemSource(problem_id=problem.id, source_id=police_source.id),
        t.PromiseProblem(promise_id=promise.id, problem_id=problem.id),
        t.PromiseProblem(promise_id=promise.id, problem_id=other.id),
    )
    # Positions out of party order: the police come first, each focus area on its own.
    _add(
        services,
        t.Commitment(
            promise_id=promise.id,
            problem_id=problem.id,
            party=Party.PARTNER,
            text="Bostadsbolaget lovar att belysa",
            organisation_id=organisation.id,
            position=0,
        ),
        t.Commitment(
            promise_id=promise.id,
            problem_id=other.id,
            party=Party.MUNICIPALITY,
            text="Kommunen lovar att röja buskar",
            position=1,
        ),
        t.Commitment(
            promise_id=promise.id,
            problem_id=problem.id,
            party=Party.POLICE,
            text="Polisen lovar att patrullera",
            position=2,
        ),
        t.Commitment(
            promise_id=promise.id,
            party=Party.POLICE,
            text="Polisen lovar att informera",
            position=3,
        ),
    )
    # Created in the reverse of the table's order: the focus area decides the order.
    no_focus = t.Measure(promise_id=promise.id, title="Utbildning", starts_on=date(2026, 1, 1))
    on_other = t.Measure(
        promise_id=promise.id,
        problem_id=other.id,
        title="Fartkontroller",
        starts_on=date(2026, 2, 1),
    )
    on_problem = t.Measure(
        promise_id=promise.id,
        problem_id=problem.id,
        cause_id=first.id,
        title="Vuxenvandringar",
        operational_goal="Två kvällar i veckan",
        starts_on=date(2026, 3, 1),
        ends_on=date(2026, 11, 30),
        responsible="Kommunpolisen",
        status=MeasureStatus.IN_PROGRESS,
        mark=FollowUpMark.GREEN,
    )
    _add(services, no_focus, on_other, on_problem)
    spring_follow_up = t.FollowUp(
        promise_id=promise.id, held_on=date(2026, 5, 1), kind=FollowUpKind.PROCESS
    )
    autumn_follow_up = t.FollowUp(
        promise_id=promise.id, held_on=date(2026, 9, 1), kind=FollowUpKind.PROCESS
    )
    indicator = t.Indicator(
        promise_id=promise.id,
        name="Andel otrygga",
        source_kind=IndicatorSource.SURVEY_ITEM,
        unit="%",
        baseline=40.0,
        target=25.0,
    )
    _add(services, spring_follow_up, autumn_follow_up, indicator)
    _add(
        services,
        t.FollowUpMeasure(
            follow_up_id=autumn_follow_up.id,
            measure_id=on_problem.id,
            status=MeasureStatus.IN_PROGRESS,
            mark=FollowUpMark.YELLOW,
        ),
        t.FollowUpMeasure(
            follow_up_id=spring_follow_up.id,
            measure_id=on_problem.id,
            status=MeasureStatus.NOT_STARTED,
            mark=FollowUpMark.RED,
        ),
        t.IndicatorValue(indicator_id=indicator.id, measured_on=date(2026, 9, 1), value=31.0),
        t.IndicatorValue(indicator_id=indicator.id, measured_on=date(2026, 3, 1), value=38.5),
    )
    return Chain(
        problem=problem.id,
        other_problem=other.id,
        analysis=analysis.id,
        causes=(first.id, second.id, third.id),
        old_concern=old.id,
        new_concern=new.id,
        gone_concern=gone.id,
        open_source=open_source.id,
        police_source=police_source.id,
        picture=picture.id,
        promise=promise.id,
        measures=(on_problem.id, on_other.id, no_focus.id),
        indicator=indicator.id,
    )


@pytest.fixture
def chain(services: Services) -> Chain:
    """The hand-built chain in the ``services`` database."""
    return build_chain(services)


def test_problem_analysis_has_its_fields_causes_in_order_and_the_evidence(
    services: Services, chain: Chain
) -> None:
    found = services.analysis.problem_analysis(chain.problem)

    assert found.problem.title == "Narkotika vid busstorget"
    assert found.analysis is not None and found.analysis.id == chain.analysis
    assert [name for name, _ in found.analysis.texts] == list(ANALYSIS_FIELDS)
    assert found.analysis.text("scanning") == "Kartlagt"
    assert found.analysis.text("offender") == "Unga säljare"
    assert found.analysis.text("event_chain") == ""

    assert [c.id for c in found.causes] == list(chain.causes)
    assert [(c.number, c.text) for c in found.causes] == [
        (1, "Ingen vuxen närvaro"),
        (2, "Mörkt"),
        (3, "Gömställen"),
    ]
    assert [c.measure_count for c in found.causes] == [1, 0, 0]

    # The tombstoned concern is not evidence; the newest dialogue comes first.
    assert [c.id for c in found.concerns] == [chain.new_concern, chain.old_concern]
    old = found.concerns[1]
    assert (old.theme, old.place, old.raised_count, old.time_pattern) == (
        "Narkotika",
        "Busstorget",
        4,
        TimePattern.EVENING,
    )
    assert (old.dialogue_title, old.dialogue_date) == (
        "Trygghetsvandring i våras",
        date(2026, 4, 2),
    )
    assert found.weight == 11

    assert [(s.id, s.police_only) for s in found.sources] == [
        (chain.open_source, False),
        (chain.police_source, True),
    ]
    assert {s.situation_picture_title for s in found.sources} == {"Lägesbild 2026"}
    assert {s.situation_picture_id for s in found.sources} == {chain.picture}


def test_a_problem_without_analysis_and_evidence_reads_empty(
    services: Services, chain: Chain
) -> None:
    found = services.analysis.problem_analysis(chain.other_problem)
    assert found.analysis is None
    assert (found.causes, found.concerns, found.sources, found.weight) == ((), (), (), 0)
    with pytest.raises(RecordNotFound):
        services.analysis.problem_analysis(uuid.uuid4())


def test_add_cause_creates_the_analysis_once_and_numbers_on(
    services: Services, chain: Chain
) -> None:
    analysis = services.analysis
    first = analysis.add_cause(chain.other_problem, "För höga hastigheter")
    assert first.analysis is not None
    second = analysis.add_cause(chain.other_problem, "Raksträcka")
    assert second.analysis is not None and second.analysis.id == first.analysis.id
    assert [(c.number, c.text) for c in second.causes] == [
        (1, "För höga hastigheter"),
        (2, "Raksträcka"),
    ]
    with pytest.raises(FieldErrors):
        analysis.add_cause(chain.other_problem, "  ")
    # The problem's own analysis took the next number after 3.
    assert [c.number for c in analysis.add_cause(chain.problem, "Ny").causes] == [1, 2, 3, 4]


def test_move_cause_reorders_and_renumbers_in_one_transaction(
    services: Services, chain: Chain
) -> None:
    first, second, third = chain.causes
    moved = services.analysis.move_cause(third, -1)
    assert [c.id for c in moved.causes] == [first, third, second]
    assert [c.number for c in moved.causes] == [1, 2, 3]
    with services.unit_of_work() as uow:
        revisions = dict(uow.session.execute(select(t.Cause.id, t.Cause.revision)).all())
    moved = services.analysis.move_cause(first, 5)  # past the end: to the end
    assert [c.id for c in moved.causes] == [third, second, first]
    with services.unit_of_work() as uow:
        after = dict(uow.session.execute(select(t.Cause.id, t.Cause.revision)).all())
    assert all(after[c] > revisions[c] for c in chain.causes)  # every number changed
    unchanged = services.analysis.move_cause(third, -1)  # already first
    assert [c.id for c in unchanged.causes] == [third, second, first]
    with pytest.raises(RecordNotFound):
        services.analysis.move_cause(uuid.uuid4(), 1)


def test_promise_plan_groups_commitments_and_builds_the_action_plan(
    services: Services, chain: Chain
) -> None:
    plan = services.analysis.promise_plan(chain.promise)

    assert [p.title for p in plan.focus_areas] == ["Narkotika vid busstorget", "Buskörning"]
    assert _groups(plan.commitments) == [
        (
            "Narkotika vid busstorget",
            [
                (Party.POLICE, "", ["Polisen lovar att patrullera"]),
                (Party.PARTNER, "Bostadsbolaget", ["Bostadsbolaget lovar att belysa"]),
            ],
        ),
        ("Buskörning", [(Party.MUNICIPALITY, "", ["Kommunen lovar att röja buskar"])]),
        ("", [(Party.POLICE, "", ["Polisen lovar att informera"])]),
    ]
    assert [(g.problem_id, g.linked) for g in plan.commitments] == [
        (chain.problem, True),
        (chain.other_problem, True),
        (None, False),
    ]
    assert plan.commitments[-1].whole_promise and not plan.commitments[0].whole_promise

    assert [row.measure.id for row in plan.rows] == list(chain.measures)
    first = plan.rows[0]
    assert first.focus_area == "Narkotika vid busstorget"
    assert first.cause == "1. Ingen vuxen närvaro"
    assert first.measure.operational_goal == "Två kvällar i veckan"
    assert (first.measure.starts_on, first.measure.ends_on) == (
        date(2026, 3, 1),
        date(2026, 11, 30),
    )
    assert first.measure.responsible == "Kommunpolisen"
    # The latest follow-up's colour, not the earlier one's and not the measure's own mark.
    assert first.follow_up_mark is FollowUpMark.YELLOW
    assert first.followed_up_on == date(2026, 9, 1)
    assert plan.rows[1].focus_area == "Buskörning" and plan.rows[1].cause == ""
    last = plan.rows[2]
    assert (last.focus_area_id, last.focus_area, last.follow_up_mark) == (None, "", None)
    assert last.followed_up_on is None

    (indicator,) = plan.indicators
    assert (indicator.baseline, indicator.target, indicator.unit) == (40.0, 25.0, "%")
    assert [(v.measured_on, v.value) for v in indicator.values] == [
        (date(2026, 3, 1), 38.5),
        (date(2026, 9, 1), 31.0),
    ]
    assert plan.progress.measure_count == 3


def _groups(
    groups: tuple[FocusAreaCommitments, ...],
) -> list[tuple[str, list[tuple[Party, str, list[str]]]]]:
    return [
        (
            g.title,
            [(p.party, p.organisation_name, [c.text for c in p.commitments]) for p in g.parties],
        )
        for g in groups
    ]


def test_commitments_follow_the_focus_areas_then_the_whole_promise(
    services: Services, chain: Chain
) -> None:
    """Focus areas in the promise's order (empty ones too), then a problem no longer a
    focus area, then the whole promise; in each the police, the municipality, partners by
    name; a tombstoned problem's words count for the whole promise."""
    partners = [
        t.Organisation(name=name, kind=OrganisationKind.ASSOCIATION)
        for name in ("Öbergs förening", "Ängsklubben", "Nattvandrarna")
    ]
    stray = t.Problem(title="Klotter", municipality_code=KOMMUN)
    gone = t.Problem(title="Borttaget", municipality_code=KOMMUN)
    _add(services, *partners, stray, gone)
    _add(
        services,
        *(
            t.Commitment(
                promise_id=chain.promise,
                problem_id=chain.other_problem,
                party=Party.PARTNER,
                organisation_id=org.id,
                text=f"{org.name} lovar att hjälpa till",
            )
            for org in partners
        ),
        t.Commitment(
            promise_id=chain.promise,
            problem_id=chain.other_problem,
            party=Party.POLICE,
            text="Polisen lovar att mäta hastigheter",
            position=9,
        ),
        t.Commitment(
            promise_id=chain.promise,
            problem_id=stray.id,
            party=Party.MUNICIPALITY,
            text="Kommunen lovar att sanera",
        ),
        t.Commitment(
            promise_id=chain.promise,
            problem_id=gone.id,
            party=Party.MUNICIPALITY,
            text="Kommunen lovar att städa",
            position=8,
        ),
    )
    _change(services, t.Problem, gone.id, deleted_at=datetime(2026, 6, 1, tzinfo=UTC))
    # The first focus area loses its words: it stays, empty, in its place.
    with services.unit_of_work() as uow:
        for row in uow.session.scalars(
            select(t.Commitment).where(t.Commitment.problem_id == chain.problem)
        ):
            row.deleted_at = datetime(2026, 6, 1, tzinfo=UTC)
        uow.commit()

    trace = services.chain.promise_trace(chain.promise)
    named = [(c.problem_id, c.problem_title) for c in trace.commitments]
    texts = [c.text for c in trace.commitments]
    assert named[texts.index("Kommunen lovar att sanera")] == (stray.id, "Klotter")
    assert named[texts.index("Kommunen lovar att röja buskar")] == (
        chain.other_problem,
        "Buskörning",
    )
    # No focus area, or a tombstoned one: the words are about the whole promise.
    assert named[texts.index("Kommunen lovar att städa")] == (None, None)
    assert named[texts.index("Polisen lovar att informera")] == (None, None)

    plan = services.analysis.promise_plan(chain.promise)
    assert _groups(plan.commitments) == [
        ("Narkotika vid busstorget", []),
        (
            "Buskörning",
            [
                (Party.POLICE, "", ["Polisen lovar att mäta hastigheter"]),
                (Party.MUNICIPALITY, "", ["Kommunen lovar att röja buskar"]),
                (Party.PARTNER, "Nattvandrarna", ["Nattvandrarna lovar att hjälpa till"]),
                (Party.PARTNER, "Ängsklubben", ["Ängsklubben lovar att hjälpa till"]),
                (Party.PARTNER, "Öbergs förening", ["Öbergs förening lovar att hjälpa till"]),
            ],
        ),
        ("Klotter", [(Party.MUNICIPALITY, "", ["Kommunen lovar att sanera"])]),
        (
            "",
            [
                (Party.POLICE, "", ["Polisen lovar att informera"]),
                (Party.MUNICIPALITY, "", ["Kommunen lovar att städa"]),
            ],
        ),
    ]
    assert [g.linked for g in plan.commitments] == [True, True, False, False]
    assert plan.commitments[2].problem_id == stray.id


def test_promise_of_finds_the_promise_behind_a_listed_record(
    services: Services, chain: Chain
) -> None:
    analysis = services.analysis
    assert analysis.promise_of("promises", chain.promise) == chain.promise
    assert analysis.promise_of("measures", chain.measures[0]) == chain.promise
    assert analysis.promise_of("indicators", chain.indicator) == chain.promise
    assert analysis.promise_of("problems", chain.problem) is None
    assert analysis.promise_of("measures", uuid.uuid4()) is None


def test_pickers_list_live_records_prioritised_first(services: Services, chain: Chain) -> None:
    problems = services.analysis.problems()
    assert [(p.title, p.has_analysis) for p in problems] == [
        ("Narkotika vid busstorget", True),
        ("Buskörning", False),
    ]
    assert [p.id for p in services.analysis.promises()] == [chain.promise]
    assert SARA_FIELDS == ("scanning", "analysis", "response", "assessment")

"""The lägesbild service: aggregates checked against numbers worked out by hand."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from kommunpolis.composition import Services
from kommunpolis.domain.errors import InvalidInput, RecordNotFound
from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    DialogueKind,
    ParticipationLevel,
    SituationOwner,
    SituationScope,
    SourceType,
    TimePattern,
)
from kommunpolis.services import situation as situation_module
from kommunpolis.services.editing import RecordRef
from kommunpolis.services.situation import (
    ConcernFilter,
    Counts,
    Granularity,
    Period,
    Scope,
    SituationService,
)
from kommunpolis.storage import tables as t

MARCH = Period(date(2025, 3, 1), date(2025, 3, 31))


@dataclass(frozen=True)
class Data:
    """The hand-built dataset's ids."""

    narcotics: uuid.UUID
    vandalism: uuid.UUID
    square: uuid.UUID
    school: uuid.UUID
    park: uuid.UUID
    district: uuid.UUID
    concerns: dict[str, uuid.UUID]


def _dialogue(session: object, code: str, day: date, fmt: DialogueFormat) -> t.Dialogue:
    dialogue = t.Dialogue(
        title=f"Dialog {day}",
        kind=DialogueKind.CITIZEN,
        format=fmt,
        participation_level=ParticipationLevel.CONSULTATION,
        starts_at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
        municipality_code=code,
    )
    session.add(dialogue)  # type: ignore[attr-defined]
    return dialogue


@pytest.fixture
def data(services: Services) -> Data:
    """Seven dialogues in three kommuner; a tombstoned dialogue, concern and district link.

    Stockholm (0180) in March 2025: d1 (open meeting, 5 March) c1 narcotics/square/night ×3,
    c2 vandalism/square/evening ×2, c3 narcotics/school/night ×1; d2 (safety walk, 20 March)
    c4 narcotics/square/night ×5, c5 narcotics/no place ×4. Solna (0184): d3 (survey,
    10 March) c6 vandalism/park/evening ×10. Eslöv (1285): d5 (survey, 12 March) c9
    vandalism ×7. February (previous period): d4 c7 narcotics/square ×2, c8 vandalism/school ×1.
    Not counted: d6 tombstoned (c10 ×100), c11 tombstoned (×50), d7 in April (c12 ×9).
    """
    with services.unit_of_work() as uow:
        session = uow.session
        themes = {theme.name: theme.id for theme in session.scalars(select(t.Theme))}
        narcotics, vandalism = themes["Narkotika"], themes["Skadegörelse"]
        square = t.Place(name="Torget", municipality_code="0180")
        school = t.Place(name="Skolan", municipality_code="0180")
        park = t.Place(name="Parken", municipality_code="0184")
        district = t.District(name="LPO Norrort", police_region="Stockholm")
        session.add_all([square, school, park, district])
        session.flush()
        session.add(t.DistrictMunicipality(district_id=district.id, municipality_code="0180"))
        session.add(t.DistrictMunicipality(district_id=district.id, municipality_code="0184"))
        d1 = _dialogue(session, "0180", date(2025, 3, 5), DialogueFormat.OPEN_MEETING)
        d2 = _dialogue(session, "0180", date(2025, 3, 20), DialogueFormat.SAFETY_WALK)
        d3 = _dialogue(session, "0184", date(2025, 3, 10), DialogueFormat.SURVEY)
        d4 = _dialogue(session, "0180", date(2025, 2, 15), DialogueFormat.OPEN_MEETING)
        d5 = _dialogue(session, "1285", date(2025, 3, 12), DialogueFormat.SURVEY)
        d6 = _dialogue(session, "0180", date(2025, 3, 7), DialogueFormat.OPEN_MEETING)
        d7 = _dialogue(session, "0180", date(2025, 4, 1), DialogueFormat.OPEN_MEETING)
        session.flush()
        d6.deleted_at = datetime.now(UTC)
        night, evening, any_time = TimePattern.NIGHT, TimePattern.EVENING, TimePattern.ANY
        rows = {
            "c1": (d1, narcotics, square, night, 3),
            "c2": (d1, vandalism, square, evening, 2),
            "c3": (d1, narcotics, school, night, 1),
            "c4": (d2, narcotics, square, night, 5),
            "c5": (d2, narcotics, None, any_time, 4),
            "c6": (d3, vandalism, park, evening, 10),
            "c7": (d4, narcotics, square, night, 2),
            "c8": (d4, vandalism, school, any_time, 1),
            "c9": (d5, vandalism, None, any_time, 7),
            "c10": (d6, narcotics, square, night, 100),
            "c11": (d1, narcotics, square, night, 50),
            "c12": (d7, narcotics, square, night, 9),
        }
        concerns = {}
        for name, (dialogue, theme, place, pattern, count) in rows.items():
            concern = t.Concern(
                dialogue_id=dialogue.id,
                theme_id=theme,
                place_id=place.id if place is not None else None,
                time_pattern=pattern,
                raised_count=count,
                text=name,
            )
            session.add(concern)
            concerns[name] = concern
        session.flush()
        concerns["c11"].deleted_at = datetime.now(UTC)
        uow.commit()
        return Data(
            narcotics=narcotics,
            vandalism=vandalism,
            square=square.id,
            school=school.id,
            park=park.id,
            district=district.id,
            concerns={name: concern.id for name, concern in concerns.items()},
        )


@pytest.fixture
def situation(services: Services) -> SituationService:
    """The service on the test database."""
    return SituationService(uow=services.unit_of_work)


def test_a_kommun_in_march_matches_the_hand_count(situation: SituationService, data: Data) -> None:
    summary = situation.summarize(Scope.municipalities(["0180"]), MARCH)

    assert summary.totals == Counts(weight=15, concerns=5, dialogues=2)
    assert summary.previous == Period(date(2025, 1, 29), date(2025, 2, 28))
    assert summary.totals_before == Counts(weight=3, concerns=2, dialogues=1)
    themes = {row.name: row for row in summary.by_theme}
    assert [row.name for row in summary.by_theme] == ["Narkotika", "Skadegörelse"]
    assert themes["Narkotika"].counts == Counts(13, 4, 2)
    assert (themes["Narkotika"].weight_before, themes["Narkotika"].concerns_before) == (2, 1)
    assert themes["Narkotika"].change == 11
    assert themes["Narkotika"].change_ratio == pytest.approx(5.5)
    assert themes["Skadegörelse"].counts == Counts(2, 1, 1)
    assert themes["Skadegörelse"].weight_before == 1
    assert [(row.name, row.counts) for row in summary.by_place] == [
        ("Torget", Counts(10, 3, 2)),
        ("Skolan", Counts(1, 1, 1)),
        ("", Counts(4, 1, 1)),
    ]
    assert summary.by_place[0].municipality_name == "Stockholm"
    assert [(row.time_pattern, row.counts) for row in summary.by_time_pattern] == [
        (TimePattern.NIGHT, Counts(9, 3, 2)),
        (TimePattern.ANY, Counts(4, 1, 1)),
        (TimePattern.EVENING, Counts(2, 1, 1)),
    ]
    assert [(row.dialogue_format, row.counts) for row in summary.by_format] == [
        (DialogueFormat.SAFETY_WALK, Counts(9, 2, 1)),
        (DialogueFormat.OPEN_MEETING, Counts(6, 3, 1)),
    ]
    assert [(r.theme_name, r.place_name, r.counts) for r in summary.by_theme_and_place] == [
        ("Narkotika", "Torget", Counts(8, 2, 2)),
        ("Narkotika", "", Counts(4, 1, 1)),
        ("Skadegörelse", "Torget", Counts(2, 1, 1)),
        ("Narkotika", "Skolan", Counts(1, 1, 1)),
    ]


def test_the_series_is_weekly_for_a_month_and_monthly_for_a_year(
    situation: SituationService, data: Data
) -> None:
    scope = Scope.municipalities(["0180"])
    march = situation.summarize(scope, MARCH)
    assert march.granularity is Granularity.WEEK
    assert [(b.start, b.counts.weight) for b in march.series] == [
        (date(2025, 2, 24), 0),
        (date(2025, 3, 3), 6),
        (date(2025, 3, 10), 0),
        (date(2025, 3, 17), 9),
        (date(2025, 3, 24), 0),
        (date(2025, 3, 31), 0),
    ]
    assert sum(b.counts.concerns for b in march.series) == march.totals.concerns

    year = situation.summarize(scope, Period(date(2025, 1, 1), date(2025, 12, 31)))
    assert year.granularity is Granularity.MONTH
    assert len(year.series) == 12
    assert [b.counts for b in year.series[1:4]] == [
        Counts(3, 2, 1),
        Counts(15, 5, 2),
        Counts(9, 1, 1),
    ]


def test_scopes_district_places_and_everywhere(situation: SituationService, data: Data) -> None:
    district = situation.summarize(Scope.district(data.district), MARCH)
    assert district.totals == Counts(25, 6, 3)

    places = situation.summarize(Scope.places([data.square, data.park]), MARCH)
    assert places.totals == Counts(20, 4, 3)
    assert {row.name for row in places.by_place} == {"Torget", "Parken"}

    everywhere = situation.summarize(Scope.everywhere(), MARCH)
    assert everywhere.totals == Counts(32, 7, 4)
    assert {(r.dialogue_format, r.counts) for r in everywhere.by_format} == {
        (DialogueFormat.SURVEY, Counts(17, 2, 2)),
        (DialogueFormat.SAFETY_WALK, Counts(9, 2, 1)),
        (DialogueFormat.OPEN_MEETING, Counts(6, 3, 1)),
    }

    views = situation.districts()
    assert [(v.name, v.municipality_codes) for v in views] == [("LPO Norrort", ("0180", "0184"))]
    assert [p.name for p in situation.places(["0180"])] == ["Skolan", "Torget"]


def test_tombstoned_district_links_and_records_do_not_count(
    services: Services, situation: SituationService, data: Data
) -> None:
    with services.unit_of_work() as uow:
        link = uow.session.scalars(
            select(t.DistrictMunicipality).where(t.DistrictMunicipality.municipality_code == "0184")
        ).one()
        link.deleted_at = datetime.now(UTC)
        uow.commit()
    assert situation.summarize(Scope.district(data.district), MARCH).totals == Counts(15, 5, 2)

    services.records.delete("concerns", data.concerns["c4"])
    summary = situation.summarize(Scope.municipalities(["0180"]), MARCH)
    assert summary.totals == Counts(10, 4, 2)

    services.records.delete("districts", data.district)
    with pytest.raises(RecordNotFound):
        situation.summarize(Scope.district(data.district), MARCH)


def test_bad_scopes_and_periods_are_typed_errors(situation: SituationService, data: Data) -> None:
    with pytest.raises(InvalidInput):
        situation.summarize(Scope.municipalities([]), MARCH)
    with pytest.raises(InvalidInput):
        situation.summarize(Scope.places([]), MARCH)
    with pytest.raises(InvalidInput):
        situation.summarize(Scope.everywhere(), Period(date(2025, 3, 2), date(2025, 3, 1)))
    with pytest.raises(RecordNotFound):
        situation.summarize(Scope.district(uuid.uuid4()), MARCH)


def test_a_problem_from_a_theme_at_a_place_links_exactly_its_concerns(
    services: Services, situation: SituationService, data: Data
) -> None:
    scope = Scope.municipalities(["0180"])
    picture = situation.save_picture(scope, MARCH, title="Lägesbild mars", owner="police")
    assert (picture.scope, picture.municipality_code) == (SituationScope.MUNICIPALITY, "0180")
    assert picture.owner is SituationOwner.POLICE
    row = situation.summarize(scope, MARCH).by_theme_and_place[0]

    created = situation.create_problem(
        scope, MARCH, row.filter, title="Narkotika vid Torget", picture_id=picture.id
    )

    assert created.linked_concerns == 2
    assert set(situation.supporting_concerns(created.problem_id)) == {
        data.concerns["c1"],
        data.concerns["c4"],
    }
    linked = services.editing.links("problems", created.problem_id, "concerns")
    assert {item.id for item in linked} == {data.concerns["c1"], data.concerns["c4"]}
    problem = services.editing.load("problems", created.problem_id)
    assert problem.values["location"] == "Torget, Stockholm"
    assert problem.values["municipality_code"] == "0180"
    assert created.picture is not None
    assert [(p.title, p.rank, p.concerns, p.weight) for p in created.picture.problems] == [
        ("Narkotika vid Torget", 1, 2, 8)
    ]
    with services.unit_of_work() as uow:
        link = uow.session.scalars(select(t.ProblemConcern)).first()
        assert link is not None
        assert link.revision > 0 and link.author == "Anna Andersson"


def test_link_more_concerns_and_revive_a_removed_link(
    services: Services, situation: SituationService, data: Data
) -> None:
    scope = Scope.municipalities(["0180"])
    created = situation.create_problem(
        scope, MARCH, ConcernFilter(time_pattern=TimePattern.NIGHT), title="Nattproblem"
    )
    assert created.linked_concerns == 3  # c1, c3, c4
    assert situation.link_concerns(created.problem_id, [data.concerns["c7"]]) == 1
    assert situation.link_concerns(created.problem_id, [data.concerns["c7"]]) == 0
    services.editing.unlink("problems", created.problem_id, "concerns", data.concerns["c7"])
    assert data.concerns["c7"] not in situation.supporting_concerns(created.problem_id)
    assert situation.link_concerns(created.problem_id, [data.concerns["c7"]]) == 1
    assert len(situation.supporting_concerns(created.problem_id)) == 4
    with pytest.raises(RecordNotFound):
        situation.link_concerns(created.problem_id, [data.concerns["c11"]])  # tombstoned


def test_rank_and_move_problems(situation: SituationService, data: Data) -> None:
    scope = Scope.municipalities(["0180"])
    picture = situation.save_picture(scope, MARCH, title="Mars")
    ids = []
    for name, concern_filter in (
        ("Narkotika", ConcernFilter(theme_id=data.narcotics)),
        ("Skadegörelse", ConcernFilter(theme_id=data.vandalism)),
        ("Skolan", ConcernFilter(place_id=data.school)),
    ):
        created = situation.create_problem(
            scope, MARCH, concern_filter, title=name, picture_id=picture.id
        )
        ids.append(created.problem_id)

    moved = situation.move_problem(picture.id, ids[2], -1)
    assert [(p.title, p.rank) for p in moved.problems] == [
        ("Narkotika", 1),
        ("Skolan", 2),
        ("Skadegörelse", 3),
    ]
    top = situation.move_problem(picture.id, ids[1], -5)
    assert [p.title for p in top.problems] == ["Skadegörelse", "Narkotika", "Skolan"]
    reordered = situation.rank_problems(picture.id, [ids[2], ids[0], ids[1]])
    assert [(p.title, p.rank) for p in reordered.problems] == [
        ("Skolan", 1),
        ("Narkotika", 2),
        ("Skadegörelse", 3),
    ]
    with pytest.raises(InvalidInput):
        situation.rank_problems(picture.id, [ids[0], ids[1]])


def test_picture_for_a_district_or_places_and_its_sources(
    services: Services, situation: SituationService, data: Data
) -> None:
    district = situation.save_picture(Scope.district(data.district), MARCH, title="LPO")
    assert (district.scope, district.district_id) == (SituationScope.DISTRICT, data.district)
    area = situation.save_picture(Scope.places([data.square, data.park]), MARCH, title="Två")
    assert area.scope is SituationScope.AREA
    assert area.area == "Parken (Solna), Torget (Stockholm)"
    updated = situation.save_picture(
        Scope.municipalities(["0184"]), MARCH, title="Solna", picture_id=area.id
    )
    assert (updated.id, updated.scope, updated.area) == (area.id, SituationScope.MUNICIPALITY, "")

    parent = RecordRef("situation-pictures", district.id)
    police = services.editing.new(
        "sources",
        {
            "source_type": SourceType.POLICE_INTELLIGENCE,
            "description": "Underrättelser",
            "police_only": True,
        },
        parent=parent,
    )
    services.editing.new(
        "sources",
        {"source_type": SourceType.SAFETY_SURVEY, "description": "Trygghetsmätning"},
        parent=parent,
    )
    gone = services.editing.new(
        "sources", {"source_type": SourceType.OTHER, "description": "Borttagen"}, parent=parent
    )
    services.records.delete("sources", gone.id)

    sources = situation.picture(district.id).sources
    assert [(s.description, s.police_only) for s in sources] == [
        ("Trygghetsmätning", False),
        ("Underrättelser", True),
    ]
    assert [s.id for s in situation.picture(district.id).police_only_sources] == [police.id]
    assert situation.sources(district.id) == sources
    with pytest.raises(RecordNotFound):
        situation.sources(uuid.uuid4())


def test_dialogues_are_counted_once_however_their_concerns_were_stored(
    services: Services, situation: SituationService
) -> None:
    """Two dialogues at the same moment whose concerns were saved alternately."""
    with services.unit_of_work() as uow:
        session = uow.session
        theme = session.scalars(select(t.Theme.id).where(t.Theme.name == "Narkotika")).one()
        first = _dialogue(session, "0180", date(2025, 3, 5), DialogueFormat.OPEN_MEETING)
        second = _dialogue(session, "0180", date(2025, 3, 5), DialogueFormat.OPEN_MEETING)
        session.flush()
        for dialogue in (first, second, first, second, first):
            session.add(
                t.Concern(
                    dialogue_id=dialogue.id,
                    theme_id=theme,
                    time_pattern=TimePattern.NIGHT,
                    raised_count=1,
                    text="",
                )
            )
        uow.commit()

    summary = situation.summarize(Scope.municipalities(["0180"]), MARCH)

    assert summary.totals == Counts(5, 5, 2)
    assert [row.counts for row in summary.by_theme] == [Counts(5, 5, 2)]
    assert [row.counts for row in summary.by_place] == [Counts(5, 5, 2)]
    assert [row.counts for row in summary.by_theme_and_place] == [Counts(5, 5, 2)]
    assert [row.counts for row in summary.by_time_pattern] == [Counts(5, 5, 2)]
    assert [row.counts for row in summary.by_format] == [Counts(5, 5, 2)]


def test_equal_rows_keep_a_stable_order_and_the_limit_cuts_it(
    services: Services,
    situation: SituationService,
    data: Data,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Places of the same name and weight come in id order; the top rows are a prefix."""
    with services.unit_of_work() as uow:
        session = uow.session
        namesakes = [t.Place(name="Torget", municipality_code=code) for code in ("0184", "1285")]
        session.add_all(namesakes)
        session.flush()
        dialogue = _dialogue(session, "0184", date(2025, 3, 11), DialogueFormat.SURVEY)
        session.flush()
        for place in namesakes:
            session.add(
                t.Concern(
                    dialogue_id=dialogue.id,
                    theme_id=data.vandalism,
                    place_id=place.id,
                    time_pattern=TimePattern.ANY,
                    raised_count=10,
                    text="",
                )
            )
        uow.commit()
        ids = sorted((place.id for place in namesakes), key=lambda place_id: place_id.bytes)

    summary = situation.summarize(Scope.everywhere(), MARCH)
    tens = [row for row in summary.by_place if row.counts == Counts(10, 1, 1)]
    assert [row.place_id for row in tens if row.name == "Torget"] == ids
    assert summary.by_place[-1].place_id is None  # concerns without a place come last

    monkeypatch.setattr(situation_module, "THEME_PLACE_LIMIT", 3)
    cut = situation.summarize(Scope.everywhere(), MARCH).by_theme_and_place
    assert cut == summary.by_theme_and_place[:3]
    assert [(row.place_name, row.counts.weight) for row in cut] == [
        ("Parken", 10),
        ("Torget", 10),
        ("Torget", 10),
    ]

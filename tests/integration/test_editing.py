"""Editing every kind of record through the service: defaults, validation, links, children."""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Date, Float, Integer, String, Text, select

from kommunpolis.composition import Services, build_services
from kommunpolis.domain.errors import FieldErrors, InvalidInput, InvalidTransition
from kommunpolis.domain.record_fields import SPECS, FieldType, spec_of
from kommunpolis.domain.statuses import PromiseStatus
from kommunpolis.domain.vocabulary import DialogueFormat, Role, TimePattern
from kommunpolis.paths import AppPaths, resolve_paths
from kommunpolis.services.editing import EditingService, RecordRef
from kommunpolis.services.recovery import Draft, RecoveryStore
from kommunpolis.storage import tables as t
from kommunpolis.storage.kinds import KINDS, all_record_tables

KOMMUN = "0180"  # Stockholm, the profile's kommun in conftest

Ids = dict[str, uuid.UUID]
METADATA = {
    "id",
    "author",
    "origin_device",
    "created_at",
    "updated_at",
    "revision",
    "revision_device",
    "deleted_at",
    "local_version",
    "field_clocks",
}


@pytest.fixture
def editing(services: Services) -> EditingService:
    """The editing service on a database with a profile (and its default themes)."""
    return EditingService(uow=services.unit_of_work)


def theme_id(editing: EditingService, name: str) -> uuid.UUID:
    """Return the id of a default theme by name."""
    return next(choice.id for choice in editing.choices("themes", name))


# Valid values for each kind, given the ids of records made before it (in this order).
VALID: dict[str, Callable[[Ids], Mapping[str, object]]] = {
    "districts": lambda ids: {"name": "LPO Söderort", "police_region": "Stockholm"},
    "places": lambda ids: {"name": "Stortorget", "municipality_code": KOMMUN},
    "organisations": lambda ids: {"name": "Socialförvaltningen"},
    "contacts": lambda ids: {"name": "Eva Ek", "organisation_id": ids["organisations"]},
    "themes": lambda ids: {"name": "Nedskräpning", "position": 20},
    "dialogues": lambda ids: {"title": "Öppet möte i Rinkeby", "participant_count": 34},
    "concerns": lambda ids: {
        "dialogue_id": ids["dialogues"],
        "theme_id": ids["themes"],
        "place_id": ids["places"],
        "raised_count": 3,
        "text": "Mopeder på gångbanan",
    },
    "meetings": lambda ids: {"title": "Styrgrupp", "starts_at": "2026-03-02T09:00:00+01:00"},
    "decisions": lambda ids: {"meeting_id": ids["meetings"], "text": "Lägesbilden antas"},
    "action-items": lambda ids: {"meeting_id": ids["meetings"], "what": "Boka lokal"},
    "situation-pictures": lambda ids: {"title": "Lägesbild 2026"},
    "sources": lambda ids: {
        "situation_picture_id": ids["situation-pictures"],
        "description": "NTU 2025",
        "police_only": True,
    },
    "problems": lambda ids: {"title": "Buskörning i centrum", "priority": 1},
    "analyses": lambda ids: {"problem_id": ids["problems"], "scanning": "Klagomål sedan maj"},
    "causes": lambda ids: {"analysis_id": ids["analyses"], "text": "Ingen tillsyn kvällstid"},
    "agreements": lambda ids: {
        "title": "Samverkansöverenskommelse 2026–2028",
        "period_start": "2026-01-01",
        "period_end": date(2028, 12, 31),
    },
    "agreement-parties": lambda ids: {
        "agreement_id": ids["agreements"],
        "organisation_id": ids["organisations"],
        "signatory_name": "Kommunstyrelsens ordförande",
    },
    "promises": lambda ids: {"title": "Tryggare torg", "agreement_id": ids["agreements"]},
    "commitments": lambda ids: {"promise_id": ids["promises"], "text": "Polisen lovar att …"},
    "measures": lambda ids: {
        "title": "Kvällspatrull",
        "promise_id": ids["promises"],
        "problem_id": ids["problems"],
        "cause_id": ids["causes"],
        "ends_on": "2026-12-31",
    },
    "indicators": lambda ids: {"name": "Andel otrygga", "baseline": "12,5", "target": 10},
    "indicator-values": lambda ids: {"indicator_id": ids["indicators"], "value": 11.0},
    "followups": lambda ids: {"promise_id": ids["promises"], "hours": 4.5},
    "followup-measures": lambda ids: {
        "follow_up_id": ids["followups"],
        "measure_id": ids["measures"],
    },
}


@pytest.fixture(scope="module")
def chain_template(
    tmp_path_factory: pytest.TempPathFactory, head_database: Path
) -> tuple[Path, Ids]:
    """A database holding one record of every kind, made once per module (to copy)."""
    paths = resolve_paths(tmp_path_factory.mktemp("chain"))
    shutil.copyfile(head_database, paths.database)
    services = build_services(paths)
    try:
        services.profiles.create(
            name="Anna Andersson", role=Role.OFFICER, municipality_codes=[KOMMUN]
        )
        editing = EditingService(uow=services.unit_of_work)
        ids: Ids = {}
        for kind, values in VALID.items():
            ids[kind] = editing.new(kind, values(ids)).id
    finally:
        services.close()
    return paths.database, ids


@pytest.fixture
def chain(chain_template: tuple[Path, Ids], paths: AppPaths) -> Ids:
    """One record of every kind in the ``services`` database, each made from VALID."""
    template, ids = chain_template
    shutil.copyfile(template, paths.database)
    return ids


@pytest.fixture
def services(paths: AppPaths, chain: Ids) -> Iterator[Services]:
    """Services on the database of ``chain`` (which already has a profile)."""
    services = build_services(paths, busy_timeout_ms=200)
    try:
        yield services
    finally:
        services.close()


def test_every_kind_has_valid_values_here() -> None:
    assert sorted(VALID) == sorted(spec.kind for spec in SPECS)


def test_every_listable_kind_but_attachments_has_an_editor() -> None:
    missing = {kind.name for kind in KINDS} - {spec.kind for spec in SPECS}
    assert missing == {"attachments"}


@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.kind)
def test_the_spec_covers_every_column_of_its_table(spec) -> None:  # type: ignore[no-untyped-def]
    table = next(model for model in all_record_tables() if model.__tablename__ == spec.table)
    columns = {c.name: c for c in table.__table__.columns if c.name not in METADATA}
    named = {f.name for f in spec.fields} | ({spec.status_field} if spec.status_field else set())
    assert named == set(columns)
    for field in spec.fields:
        column = columns[field.name]
        if field.field_type is FieldType.LINE:
            assert isinstance(column.type, String) and not isinstance(column.type, Text)
            assert field.max_length == column.type.length, field.name
        expected = {
            FieldType.INTEGER: Integer,
            FieldType.DECIMAL: Float,
            FieldType.DATE: Date,
        }.get(field.field_type)
        if expected is not None:
            assert isinstance(column.type, expected), field.name
        if field.required:
            assert not column.nullable, field.name
        if not column.nullable and column.default is None and not field.auto_number:
            assert field.required, field.name


@pytest.mark.parametrize("kind", list(VALID))
def test_every_kind_can_be_created_and_saved(
    editing: EditingService, chain: Ids, kind: str
) -> None:
    record = editing.load(kind, chain[kind])
    assert not record.deleted
    spec = spec_of(kind)
    line = next(f for f in spec.fields if f.field_type in (FieldType.LINE, FieldType.TEXT))
    saved = editing.save(kind, record.id, {line.name: "Ändrad text å ä ö"})
    assert saved.values[line.name] == "Ändrad text å ä ö"
    assert saved.revision > record.revision
    assert editing.load(kind, record.id).values[line.name] == "Ändrad text å ä ö"


def test_values_are_converted_and_defaults_applied(editing: EditingService, chain: Ids) -> None:
    dialogue = editing.load("dialogues", chain["dialogues"])
    assert dialogue.values["municipality_code"] == KOMMUN  # the profile's kommun
    assert dialogue.values["format"] is DialogueFormat.OPEN_MEETING
    assert dialogue.status == "planned"
    assert dialogue.allowed_next == ("held",)
    concern = editing.load("concerns", chain["concerns"])
    assert concern.values["time_pattern"] is TimePattern.ANY
    indicator = editing.load("indicators", chain["indicators"])
    assert indicator.values["baseline"] == 12.5
    meeting = editing.load("meetings", chain["meetings"])
    assert meeting.values["starts_at"] == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def test_numbered_children_get_the_next_number(editing: EditingService, chain: Ids) -> None:
    meeting = RecordRef("meetings", chain["meetings"])
    second = editing.new("decisions", {"text": "Nästa möte i maj"}, parent=meeting)
    assert editing.load("decisions", chain["decisions"]).values["number"] == 1
    assert second.values["number"] == 2
    texts = [d.values["text"] for d in editing.children("meetings", meeting.id, "decisions")]
    assert texts == ["Lägesbilden antas", "Nästa möte i maj"]


def test_all_field_problems_come_together_and_nothing_is_saved(
    editing: EditingService, chain: Ids
) -> None:
    before = editing.load("concerns", chain["concerns"])
    with pytest.raises(FieldErrors) as caught:
        editing.save(
            "concerns",
            before.id,
            {
                "raised_count": -2,
                "theme_id": str(uuid.uuid4()),
                "time_pattern": "sometimes",
                "text": "Fortfarande mopeder",
            },
        )
    assert caught.value.problems == {
        "raised_count": ("below_minimum", {"minimum": 1}),
        "theme_id": ("unknown_reference", {"kind": "themes"}),
        "time_pattern": ("unknown_choice", {}),
    }
    assert editing.load("concerns", before.id) == before


def test_required_too_long_and_bad_dates(editing: EditingService, chain: Ids) -> None:
    with pytest.raises(FieldErrors) as caught:
        editing.new(
            "promises",
            {
                "title": "  ",
                "public_text": "x" * 10_000,  # long text has no limit
                "period_start": "2026-02-30",
                "municipality_code": "9999",
            },
        )
    assert caught.value.problems == {
        "title": ("required", {}),
        "period_start": ("invalid_date", {}),
        "municipality_code": ("unknown_municipality", {}),
    }
    with pytest.raises(FieldErrors) as caught:
        editing.save(
            "promises",
            chain["promises"],
            {"title": "L" * 201, "period_end": "2025-01-01"},
        )
    assert caught.value.problems == {
        "title": ("too_long", {"limit": 200, "length": 201}),
        "period_end": ("end_before_start", {"start": "period_start"}),
    }
    with pytest.raises(FieldErrors) as caught:
        editing.save("dialogues", chain["dialogues"], {"participant_count": "tre"})
    assert caught.value.problems == {"participant_count": ("not_a_number", {})}


def test_a_status_is_no_ordinary_field(editing: EditingService, chain: Ids) -> None:
    with pytest.raises(InvalidInput):
        editing.save("promises", chain["promises"], {"status": "published"})
    with pytest.raises(InvalidInput):
        editing.save("promises", chain["promises"], {"colour": "blue"})


def test_a_promise_moves_only_through_allowed_transitions(
    services: Services, editing: EditingService, chain: Ids
) -> None:
    promise = chain["promises"]
    assert editing.load("promises", promise).allowed_next == ("signed",)
    with pytest.raises(InvalidTransition):
        services.records.change_status("promises", promise, PromiseStatus.PUBLISHED)
    services.records.change_status("promises", promise, PromiseStatus.SIGNED)
    assert editing.load("promises", promise).allowed_next == ("draft", "published")
    services.records.change_status("promises", promise, PromiseStatus.PUBLISHED)
    assert editing.load("promises", promise).status == "published"


def test_links_tombstone_and_come_back(
    services: Services, editing: EditingService, chain: Ids
) -> None:
    problem, concern = chain["problems"], chain["concerns"]
    linked = editing.link("problems", problem, "concerns", concern)
    assert [item.id for item in editing.links("problems", problem, "concerns")] == [concern]
    assert [item.id for item in editing.links("concerns", concern, "problems")] == [problem]
    editing.unlink("problems", problem, "concerns", concern)
    assert editing.links("problems", problem, "concerns") == ()
    with services.unit_of_work() as uow:
        row = uow.session.get(t.ProblemConcern, linked.link_id)
        assert row is not None and row.deleted_at is not None
    again = editing.link("concerns", concern, "problems", problem)
    assert again.link_id == linked.link_id  # the same row, restored
    assert [item.id for item in editing.links("problems", problem, "concerns")] == [concern]


def test_ranked_links_number_themselves(editing: EditingService, chain: Ids) -> None:
    picture = chain["situation-pictures"]
    second = editing.new("problems", {"title": "Inbrott i förråd"}).id
    editing.link("situation-pictures", picture, "problems", chain["problems"])
    editing.link("situation-pictures", picture, "problems", second)
    ranked = editing.links("situation-pictures", picture, "problems")
    assert [(item.id, item.rank) for item in ranked] == [(chain["problems"], 1), (second, 2)]


def test_a_problem_has_at_most_one_analysis(editing: EditingService, chain: Ids) -> None:
    with pytest.raises(FieldErrors) as caught:
        editing.new("analyses", {}, parent=RecordRef("problems", chain["problems"]))
    assert caught.value.problems == {"problem_id": ("already_exists", {})}


def test_a_commitments_focus_area_must_be_one_of_its_promises(
    editing: EditingService, chain: Ids
) -> None:
    promise, problem = chain["promises"], chain["problems"]
    words = {"text": "Polisen lovar att patrullera.", "problem_id": str(problem)}
    parent = RecordRef("promises", promise)
    not_linked = ("not_linked", {"kind": "promises", "link_set": "problems"})
    # The problem is not (yet) one of the promise's focus areas.
    with pytest.raises(FieldErrors) as caught:
        editing.new("commitments", words, parent=parent)
    assert caught.value.problems == {"problem_id": not_linked}
    editing.link("promises", promise, "problems", problem)
    made = editing.new("commitments", words, parent=parent)
    assert made.values["problem_id"] == problem
    # Moving the words to a promise without that focus area is refused at the focus area.
    other = editing.new("promises", {"title": "Tryggare park"}).id
    with pytest.raises(FieldErrors) as caught:
        editing.save("commitments", made.id, {"promise_id": other})
    assert caught.value.problems == {"problem_id": not_linked}
    # A focus area removed later does not block editing the words, only choosing it again.
    editing.unlink("promises", promise, "problems", problem)
    saved = editing.save("commitments", made.id, {"text": "Polisen lovar att patrullera oftare."})
    assert saved.values["problem_id"] == problem
    with pytest.raises(FieldErrors) as caught:
        editing.save("commitments", made.id, {"problem_id": problem})
    assert caught.value.problems == {"problem_id": not_linked}
    # The whole promise (no focus area) is always allowed, and so is the other promise then.
    cleared = editing.save("commitments", made.id, {"problem_id": None, "promise_id": other})
    assert (cleared.values["problem_id"], cleared.values["promise_id"]) == (None, other)


def test_delete_and_restore_through_the_record_service(
    services: Services, editing: EditingService, chain: Ids
) -> None:
    concern = chain["concerns"]
    services.records.delete("concerns", concern)
    assert editing.load("concerns", concern).deleted
    assert editing.children("dialogues", chain["dialogues"], "concerns") == ()
    services.records.restore("concerns", concern)
    children = editing.children("dialogues", chain["dialogues"], "concerns")
    assert [child.id for child in children] == [concern]


def test_choices_find_swedish_words_and_filter_by_kommun(
    editing: EditingService, chain: Ids
) -> None:
    editing.new("places", {"name": "Ödegärdet", "municipality_code": "0980"})
    assert [c.title for c in editing.choices("places", "öde")] == ["Ödegärdet"]
    assert [c.title for c in editing.choices("places", municipality_code=KOMMUN)] == ["Stortorget"]
    themes = [c.title for c in editing.choices("themes")]
    assert themes[:2] == ["Narkotika", "Trafik/buskörning"]
    assert editing.choices("themes", "trafik")[0].title == "Trafik/buskörning"


def test_frequent_themes_put_the_used_ones_first(editing: EditingService, chain: Ids) -> None:
    dialogue = RecordRef("dialogues", chain["dialogues"])
    theft = theme_id(editing, "Inbrott")
    for _ in range(2):
        editing.new("concerns", {"theme_id": theft}, parent=dialogue)
    frequent = editing.frequent_themes()
    assert len(frequent) == 9
    assert frequent[0].id == theft
    assert frequent[1].id == chain["themes"]


def test_recovery_files_round_trip(tmp_path, editing: EditingService, chain: Ids) -> None:  # type: ignore[no-untyped-def]
    store = RecoveryStore(tmp_path / "recovery")
    record = chain["dialogues"]
    draft = Draft(
        "dialogues", record, {"title": "Halvskriven", "starts_at": datetime(2026, 1, 2, tzinfo=UTC)}
    )
    path = store.write(draft)
    assert path.name == f"dialogues-{record}.json"
    assert json.loads(path.read_text())["values"]["starts_at"] == "2026-01-02T00:00:00+00:00"
    (tmp_path / "recovery" / "broken-new.json").write_text("{not json")
    (pending,) = store.pending()
    assert pending.record_id == record
    # The draft's text values go straight back into the service.
    saved = editing.save("dialogues", record, pending.values)
    assert saved.values["starts_at"] == datetime(2026, 1, 2, tzinfo=UTC)
    store.remove("dialogues", record)
    assert store.pending() == ()
    assert not list((tmp_path / "recovery").glob("*.tmp"))


def test_unsaved_concern_text_never_reaches_the_table(
    services: Services, editing: EditingService, chain: Ids
) -> None:
    with pytest.raises(FieldErrors):
        editing.new(
            "concerns",
            {"raised_count": 0, "text": "Borde inte sparas"},
            parent=RecordRef("dialogues", chain["dialogues"]),
        )
    with services.unit_of_work() as uow:
        texts = uow.session.scalars(select(t.Concern.text)).all()
    assert "Borde inte sparas" not in texts

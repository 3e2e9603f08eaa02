"""The coordinator's view: records per kommun and officer, open conflicts with titles."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from kommunpolis.composition import Services
from kommunpolis.domain.vocabulary import DialogueFormat, DialogueKind, ParticipationLevel, Role
from kommunpolis.services.coordination import CoordinationService
from kommunpolis.storage import tables as t
from tests.integration.conftest import installation

STOCKHOLM, SOLNA = "0180", "0184"


def _installation(folder: Path, head: Path, name: str, role: Role) -> Services:
    return installation(folder, head, name, role, kommun=STOCKHOLM)


@pytest.fixture
def pair(tmp_path: Path, head_database: Path) -> Iterator[tuple[Services, Services]]:
    anna = _installation(tmp_path / "anna", head_database, "Anna Andersson", Role.OFFICER)
    carl = _installation(tmp_path / "carl", head_database, "Carl Carlsson", Role.COORDINATOR)
    anna.identity.trust(carl.identity.public())
    carl.identity.trust(anna.identity.public())
    try:
        yield anna, carl
    finally:
        anna.close()
        carl.close()


def _dialogue(services: Services, title: str, kommun: str) -> uuid.UUID:
    return services.editing.new(
        "dialogues",
        {
            "title": title,
            "kind": DialogueKind.CITIZEN,
            "format": DialogueFormat.OPEN_MEETING,
            "participation_level": ParticipationLevel.CONSULTATION,
            "starts_at": datetime(2026, 10, 1, 18, tzinfo=UTC),
            "municipality_code": kommun,
        },
    ).id


def _send(sender: Services, receiver: Services, path: Path) -> None:
    sender.exchange.export(path, [receiver.identity.public().device_id])
    receiver.importing.import_bundles([path])


def _coordination(services: Services) -> CoordinationService:
    return CoordinationService(uow=services.unit_of_work, importing=services.importing)


def test_work_is_counted_per_kommun_and_officer(
    pair: tuple[Services, Services], tmp_path: Path
) -> None:
    anna, carl = pair
    for title in ("Dialog i Rinkeby", "Dialog i Tensta"):
        _dialogue(anna, title, STOCKHOLM)
    solna = _dialogue(anna, "Dialog i Solna", SOLNA)
    gone = _dialogue(anna, "Borttagen", SOLNA)
    anna.records.delete("dialogues", gone)
    _dialogue(carl, "Carls egen", STOCKHOLM)
    _send(anna, carl, tmp_path / "one.kpb")

    work = _coordination(carl).work_by_municipality()
    rows = {(w.municipality_name, w.author): w for w in work}
    assert set(rows) == {
        ("Solna", "Anna Andersson"),
        ("Stockholm", "Anna Andersson"),
        ("Stockholm", "Carl Carlsson"),
    }
    assert [w.municipality_name for w in work] == ["Solna", "Stockholm", "Stockholm"]
    assert rows["Stockholm", "Anna Andersson"].counts["dialogues"] == 2
    assert rows["Solna", "Anna Andersson"].counts["dialogues"] == 1, "tombstones not counted"
    assert rows["Stockholm", "Carl Carlsson"].counts["dialogues"] == 1
    assert rows["Stockholm", "Anna Andersson"].origin_device == anna.identity.public().device_id
    assert rows["Solna", "Anna Andersson"].last_updated is not None

    # A concern counts in its dialogue's kommun, under the device that wrote it.
    theme = _first_theme(carl)
    carl.editing.new(
        "concerns",
        {"dialogue_id": solna, "theme_id": theme, "text": "Buskörning"},
    )
    after = {(w.municipality_name, w.author): w for w in _coordination(carl).work_by_municipality()}
    assert after["Solna", "Carl Carlsson"].counts == {
        "dialogues": 0,
        "concerns": 1,
        "problems": 0,
        "promises": 0,
    }
    assert after["Solna", "Carl Carlsson"].total == 1


def _first_theme(services: Services) -> uuid.UUID:
    with services.unit_of_work() as uow:
        theme = uow.session.scalars(select(t.Theme.id)).first()
        assert theme is not None
        return theme


def test_open_conflicts_carry_the_record_kind_and_title(
    pair: tuple[Services, Services], tmp_path: Path
) -> None:
    anna, carl = pair
    dialogue = _dialogue(anna, "Medborgardialog i Husby", STOCKHOLM)
    _send(anna, carl, tmp_path / "1.kpb")
    for services, notes in ((anna, "Annas anteckning"), (carl, "Carls anteckning")):
        with services.unit_of_work() as uow:
            record = uow.session.get(t.Dialogue, dialogue)
            assert record is not None
            record.notes = notes
            uow.commit()
    _send(anna, carl, tmp_path / "2.kpb")

    views = _coordination(carl).open_conflicts()
    assert len(views) == 1
    view = views[0]
    assert (view.kind, view.title, view.conflict.field) == (
        "dialogues",
        "Medborgardialog i Husby",
        "notes",
    )
    carl.importing.resolve(view.conflict.id, keep="current")
    assert _coordination(carl).open_conflicts() == ()

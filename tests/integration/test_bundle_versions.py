"""Bundles from an app version without a column added later (sync.bundle.LATER_COLUMNS).

An officer who has not updated yet sends commitments without ``problem_id`` (schema
0007): they import, a new one gets no focus area, and an edit of its text does not clear
the focus area set here. The shipped JSON Schema agrees with the reader on what may be
left out.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import select

from kommunpolis.composition import Services
from kommunpolis.domain.vocabulary import Party
from kommunpolis.services.demo import DemoService
from kommunpolis.storage import tables as t
from kommunpolis.sync.bundle import LATER_COLUMNS, record_problem, record_schemas, write_bundle
from kommunpolis.sync.merge import LOCAL_COLUMNS
from tests.integration.conftest import installation


@dataclass
class People:
    anna: Services
    carl: Services
    folder: Path


@pytest.fixture
def people(tmp_path: Path, head_database: Path) -> Iterator[People]:
    found = []
    for name in ("anna", "carl"):
        services = installation(tmp_path / name, head_database, name.title())
        found.append(services)
    anna, carl = found
    anna.identity.trust(carl.identity.public())
    carl.identity.trust(anna.identity.public())
    DemoService(database=anna.database, clock=anna.clock).generate(dialogues=20, seed=4)
    try:
        yield People(anna, carl, tmp_path)
    finally:
        anna.close()
        carl.close()


def _old_app_bundle(people: People, path: Path, sequence: int) -> None:
    """Write Anna's commitments as an app from before schema 0007 would: no problem_id."""
    with people.anna.unit_of_work() as uow:
        rows = uow.session.execute(select(t.Commitment.__table__)).mappings().all()
    records = [
        {k: v for k, v in row.items() if k not in LOCAL_COLUMNS and k != "problem_id"}
        for row in rows
    ]
    carl = people.carl.identity.public()
    write_bundle(
        path,
        identity=people.anna.identity,
        records=[("commitment", records)],
        recipients=[carl],
        police_only_included=True,
        sequence=sequence,
    )


def _commitment(services: Services, commitment_id: uuid.UUID) -> tuple[str, uuid.UUID | None]:
    """Return the stored commitment's text and focus area."""
    with services.unit_of_work() as uow:
        found = uow.session.get(t.Commitment, commitment_id)
        assert found is not None
        return found.text, found.problem_id


def test_an_old_apps_commitments_import_and_keep_the_focus_area_set_here(
    people: People,
) -> None:
    anna, carl = people.anna, people.carl
    with anna.unit_of_work() as uow:
        commitment = uow.session.scalars(select(t.Commitment).order_by(t.Commitment.id)).first()
        assert commitment is not None
        problem = uow.session.scalars(select(t.Problem.id).order_by(t.Problem.id)).first()
        commitment.problem_id = problem
        uow.commit()
        chosen = commitment.id
    # Carl gets everything, focus area included, from Anna's current app.
    first = people.folder / "first.kpb"
    anna.exchange.export(first, [carl.identity.public().device_id])
    carl.importing.import_bundles([first])
    assert _commitment(carl, chosen)[1] == problem

    # Anna's words change; the bundle comes as an older app writes it.
    with anna.unit_of_work() as uow:
        found = uow.session.get(t.Commitment, chosen)
        assert found is not None
        found.text = "Polisen lovar att vara på torget varje fredag."
        uow.commit()
    old = people.folder / "old.kpb"
    _old_app_bundle(people, old, sequence=50)
    carl.importing.import_bundles([old])
    # The text arrives; the focus area was not carried, so it is not cleared.
    assert _commitment(carl, chosen) == ("Polisen lovar att vara på torget varje fredag.", problem)


def test_a_new_commitment_from_an_old_app_has_no_focus_area(people: People) -> None:
    anna, carl = people.anna, people.carl
    first = people.folder / "first.kpb"
    anna.exchange.export(first, [carl.identity.public().device_id])
    carl.importing.import_bundles([first])  # Carl has the promises
    with anna.unit_of_work() as uow:
        promise = uow.session.scalars(select(t.Promise.id).order_by(t.Promise.id)).first()
        assert promise is not None
        added = t.Commitment(
            promise_id=promise,
            party=Party.MUNICIPALITY,
            text="Kommunen lovar att tända belysningen.",
            position=9,
        )
        uow.session.add(added)
        uow.commit()
    old = people.folder / "old.kpb"
    _old_app_bundle(people, old, sequence=60)
    carl.importing.import_bundles([old])
    assert _commitment(carl, added.id) == ("Kommunen lovar att tända belysningen.", None)


def test_the_schema_and_the_reader_agree_on_what_may_be_left_out() -> None:
    schemas = record_schemas()
    line = {
        "id": str(uuid.uuid4()),
        "author": "Anna",
        "origin_device": str(uuid.uuid4()),
        "created_at": datetime(2026, 1, 1, tzinfo=UTC).isoformat(),
        "updated_at": datetime(2026, 1, 1, tzinfo=UTC).isoformat(),
        "revision": 5,
        "revision_device": str(uuid.uuid4()),
        "field_clocks": None,
        "deleted_at": None,
        "sensitivity": "open",
        "promise_id": str(uuid.uuid4()),
        "party": "police",
        "organisation_id": None,
        "text": "Polisen lovar att …",
        "position": 0,
    }
    validator = jsonschema.Draft202012Validator({**schemas, "$ref": "#/$defs/commitment"})
    assert "problem_id" in LATER_COLUMNS["commitment"]
    assert record_problem("commitment", line) is None
    assert not list(validator.iter_errors(line))
    without_text = {k: v for k, v in line.items() if k != "text"}
    assert record_problem("commitment", without_text) is not None
    assert list(validator.iter_errors(without_text))
    assert json.dumps(line)  # plain JSON, as in a bundle

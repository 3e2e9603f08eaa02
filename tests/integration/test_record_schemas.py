"""The shipped JSON Schema of bundle records: current, and in agreement with the reader."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from sqlalchemy import select

from kommunpolis.composition import build_services
from kommunpolis.domain.vocabulary import Role
from kommunpolis.paths import resolve_paths
from kommunpolis.services.demo import DemoService
from kommunpolis.storage.tables import Dialogue
from kommunpolis.sync.bundle import record_problem, record_schemas

SCHEMA = Path(__file__).parents[2] / "resources" / "schemas" / "bundle-1.records.schema.json"


def test_the_shipped_schema_is_the_one_the_reader_checks() -> None:
    shipped = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert shipped == record_schemas(), "run: python tools/make_record_schemas.py"
    Draft202012Validator.check_schema(shipped)


@pytest.fixture(scope="module")
def demo_records(tmp_path_factory: pytest.TempPathFactory, head_database: Path) -> Any:
    """Every record line of a full export of a demo dataset, by table."""
    folder = tmp_path_factory.mktemp("schemas")
    paths = resolve_paths(folder)
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(head_database, paths.database)
    services = build_services(paths)
    try:
        profile = services.profiles.create(
            name="Anna", role=Role.OFFICER, municipality_codes=["0180"]
        )
        services.identity.ensure(profile.device_id, profile.name)
        DemoService(database=services.database, clock=services.clock).generate(dialogues=8, seed=2)
        with services.unit_of_work() as uow:  # one edited record, so clocks are present
            dialogue = uow.session.scalars(select(Dialogue).limit(1)).first()
            assert dialogue is not None
            dialogue.title = "Redigerad"
            uow.commit()
        target = folder / "all.kpb"
        services.exchange.export(target, [profile.device_id], full=True)
        return services.exchange.verify(target).records
    finally:
        services.close()


def _validator(table: str) -> Draft202012Validator:
    schema = {**record_schemas(), "$ref": f"#/$defs/{table}"}
    return Draft202012Validator(schema, format_checker=FormatChecker())


def test_every_exported_record_validates_against_the_schema(demo_records: Any) -> None:
    checked = 0
    for table, records in demo_records.items():
        validator = _validator(table)
        for record in records:
            errors = list(validator.iter_errors(record))
            assert not errors, (table, errors[0].message)
            checked += 1
    assert checked > 100
    assert any(r["field_clocks"] for r in demo_records["dialogue"])


def _mutations(record: dict[str, Any], table: str) -> list[dict[str, Any]]:
    spec = record_schemas()["$defs"][table]["properties"]
    some = next(name for name in record if name not in ("id", "field_clocks"))
    enum = next((name for name, s in spec.items() if "enum" in s), None)
    required = next(name for name, s in spec.items() if "null" not in json.dumps(s))
    changed = [
        {k: v for k, v in record.items() if k != some},  # a column missing
        {**record, "extra": 1},  # an unknown column
        {**record, "id": 42},  # wrong type
        {**record, "id": str(uuid.uuid4()).upper()},  # not canonical
        {**record, required: None},  # null where not allowed
        {**record, "revision": "12"},  # a number as text
    ]
    if enum is not None:
        changed.append({**record, enum: "no-such-value"})
    return changed


def test_the_reader_and_the_schema_refuse_the_same_records(demo_records: Any) -> None:
    for table, records in demo_records.items():
        if not records:
            continue
        validator = _validator(table)
        record = dict(records[0])
        assert record_problem(table, record) is None
        for mutated in _mutations(record, table):
            assert record_problem(table, mutated) is not None, mutated
            assert not validator.is_valid(mutated), mutated

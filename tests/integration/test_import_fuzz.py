"""Fuzz the importer past the signature: a trusted sender's bundles with arbitrary values.

The byte-level fuzz in test_bundle.py shows that damaged files never get past the
reader. Here the sender is trusted and signs what it sends, so every bundle reaches the
merger: random records are changed to random values of their columns' types (ids
pointing nowhere, empty and long texts, odd numbers, nulls where allowed, tombstones).
Whatever comes in, the import either refuses it with a typed error and leaves the
database exactly as it was, or applies it whole, after which `check` finds nothing.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kommunpolis.composition import Services, build_services
from kommunpolis.domain.errors import BundleWriteFailed, KnownError
from kommunpolis.paths import resolve_paths
from kommunpolis.services.demo import DemoService
from kommunpolis.storage.kinds import all_record_tables
from kommunpolis.sync.bundle import table_specs, write_bundle
from kommunpolis.sync.merge import LOCAL_COLUMNS
from tests.integration.conftest import installation

RECORD_TABLES = sorted(model.__tablename__ for model in all_record_tables())


@dataclass(repr=False)
class Pair:
    anna: Services
    carl_template: Path
    folder: Path
    rows: dict[str, list[dict[str, Any]]]
    outcomes: list[str]


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory, head_database: Path) -> Iterator[Pair]:
    root = tmp_path_factory.mktemp("import-fuzz")
    people = []
    for name in ("anna", "carl"):
        services = installation(root / name, head_database, name.title(), busy_timeout_ms=5000)
        people.append(services)
    anna, carl = people
    anna.identity.trust(carl.identity.public())
    carl.identity.trust(anna.identity.public())
    DemoService(database=anna.database, clock=anna.clock).generate(dialogues=6, seed=9)
    # Carl already holds part of Anna's work, so merges meet existing records too.
    first = root / "first.kpb"
    anna.exchange.export(first, [carl.identity.public().device_id])
    carl.importing.import_bundles([first])
    carl.close()
    rows: dict[str, list[dict[str, Any]]] = {}
    with anna.unit_of_work() as uow:
        for model in all_record_tables():
            table = model.__table__
            found = uow.session.execute(select(table)).mappings().all()
            rows[table.name] = [dict(row) for row in found]
    try:
        yield Pair(anna, root / "carl", root, rows, [])
    finally:
        anna.close()


def _digest(database: Path) -> str:
    connection = sqlite3.connect(database)
    try:
        digest = hashlib.sha256()
        for table in [*RECORD_TABLES, "received_bundle", "pending_record", "sync_conflict"]:
            for row in connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        connection.close()


def _random_value(rng: random.Random, kind: str, values: tuple[str, ...], nullable: bool) -> Any:
    if nullable and rng.random() < 0.2:
        return None
    if kind == "uuid":
        return uuid.UUID(int=rng.getrandbits(128))
    if kind == "datetime":
        return datetime(2020, 1, 1, tzinfo=UTC) + timedelta(seconds=rng.randrange(10**9))
    if kind == "date":
        return (datetime(2020, 1, 1) + timedelta(days=rng.randrange(4000))).date()
    if kind == "enum":
        return rng.choice(values)
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "int":
        return rng.choice([0, 1, -1, 2**31, -(2**40), 2**62, 2**70, rng.randrange(10**6)])
    if kind == "float":
        return rng.choice([0.0, -1.5, 1e300, rng.random()])
    return rng.choice(["", "å" * 5000, "Rinkeby torg", "\x00nul", "'; DROP TABLE dialogue;--"])


@pytest.mark.parametrize("seed", range(30))
def test_any_bundle_a_trusted_sender_signs_imports_whole_or_not_at_all(
    pair: Pair, tmp_path_factory: pytest.TempPathFactory, seed: int
) -> None:
    rng = random.Random(f"import-fuzz-{seed}")
    changes = rng.randint(1, 12)
    allow_deletes = rng.random() < 0.5
    specs = table_specs()
    rows = {table: [dict(row) for row in found] for table, found in pair.rows.items()}
    for _ in range(changes):
        table = rng.choice([name for name in RECORD_TABLES if rows[name]])
        row = rng.choice(rows[table])
        spec = rng.choice([s for s in specs[table] if s.name not in ("id", "field_clocks")])
        row[spec.name] = _random_value(rng, spec.kind, spec.values, spec.nullable)
    if rng.random() < 0.3:  # Anna's bundle "deletes" everything she ever sent
        for found in rows.values():
            for row in found:
                row["deleted_at"] = datetime(2026, 11, 1, tzinfo=UTC)
    work = tmp_path_factory.mktemp("case")
    carl_dir = work / "carl"
    shutil.copytree(pair.carl_template, carl_dir)
    bundle = work / "fuzz.kpb"
    identity = json.loads((carl_dir / "keys" / "identity.json").read_text())
    carl_device = uuid.UUID(identity["device_id"])
    records = [
        (table, [{k: v for k, v in row.items() if k not in LOCAL_COLUMNS} for row in found])
        for table, found in rows.items()
    ]
    try:
        write_bundle(
            bundle,
            identity=pair.anna.identity,
            records=records,
            recipients=[pair.anna.identity.peer(carl_device).identity],  # type: ignore[union-attr]
            police_only_included=True,
            sequence=99,
            recipient_sequences={str(carl_device): 2},
        )
    except BundleWriteFailed:  # the writer refuses to make it: it cannot be sent at all
        pair.outcomes.append("unwritable")
        return
    before = _digest(carl_dir / "kommunpolis.sqlite")
    carl = build_services(resolve_paths(carl_dir))
    try:
        try:
            carl.importing.import_bundles([bundle], allow_mass_delete=allow_deletes)
        except KnownError as error:
            pair.outcomes.append(type(error).__name__)
            carl.close()
            assert _digest(carl_dir / "kommunpolis.sqlite") == before, "a refusal changed data"
            return
        pair.outcomes.append("imported")
        report = carl.maintenance.check()
        problems = [*report.integrity, *report.foreign_key_violations]
        assert not problems, problems[:3]
    finally:
        carl.close()


def test_the_fuzz_met_every_outcome(pair: Pair) -> None:
    # Runs after the cases above (same module): every way out was exercised.
    assert {"imported", "unwritable", "MassDeleteRefused", "BundleInvalid"} <= set(pair.outcomes), (
        sorted(set(pair.outcomes))
    )

"""Write tests/fixtures/schemas/REV.sql: a text dump of a database at schema REV with data.

Usage: python tools/make_schema_fixture.py [REV]   (default: the current head)

Run it once when a schema revision is released and commit the file; never regenerate an
old one. The test suite loads every dump and opens it with the current app, so each
released schema keeps upgrading. The rows are written with plain SQL in the storage
formats of that revision (UUIDs as 16-byte blobs, naive UTC times), with fixed ids and
times, so the dump is byte-for-byte reproducible.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from kommunpolis.storage.database import APPLICATION_ID, create_sqlite_engine
from kommunpolis.storage.migrate import upgrade_to_head
from kommunpolis.storage.schema_version import HEAD_REVISION

FIXTURES = Path(__file__).parents[1] / "tests" / "fixtures" / "schemas"
DEVICE = bytes.fromhex("0190f5a0c0de7000800000000000d001")
AUTHOR = "Fixture Fredriksson"
CREATED = "2026-11-01 09:00:00.000000"


def _id(n: int) -> bytes:
    """Return a fixed UUIDv7-shaped id in its storage format (storage.types.UuidBlob)."""
    return bytes.fromhex(f"0190f5a0c0de7000{0x8000 + n:04x}{n:012x}")


def _meta(n: int, *, deleted: bool = False) -> dict[str, Any]:
    return {
        "id": _id(n),
        "author": AUTHOR,
        "origin_device": DEVICE,
        "created_at": CREATED,
        "updated_at": CREATED,
        "revision": (1_793_523_600_000 << 16) + n,
        "revision_device": DEVICE,
        "deleted_at": "2026-11-02 10:00:00.000000" if deleted else None,
        "sensitivity": "open",
    }


def _insert(connection: sqlite3.Connection, table: str, **values: Any) -> None:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    connection.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values()))


def _fill(connection: sqlite3.Connection) -> None:
    """Insert a profile and a handful of linked records, one of them tombstoned."""
    _insert(
        connection,
        "profile",
        id=1,
        name=AUTHOR,
        role="officer",
        district_name="LPO Fixture",
        device_id=DEVICE,
        created_at=CREATED,
    )
    _insert(connection, "profile_municipality", profile_id=1, municipality_code="0180")
    _insert(connection, "theme", name="Trafik", position=0, **_meta(1))
    _insert(connection, "theme", name="Nedskräpning", position=1, **_meta(2))
    _insert(
        connection,
        "place",
        name="Medborgarplatsen",
        kind="square",
        municipality_code="0180",
        description="",
        **_meta(3),
    )
    _insert(
        connection,
        "dialogue",
        title="Trygghetsvandring Södermalm",
        kind="citizen",
        format="safety_walk",
        participation_level="consultation",
        starts_at="2026-10-01 16:00:00.000000",
        ends_at="2026-10-01 18:00:00.000000",
        municipality_code="0180",
        target_group="Boende",
        participant_count=23,
        notes="",
        status="held",
        fed_back_on=None,
        feedback_channel="",
        feedback_text="",
        **_meta(4),
    )
    _insert(connection, "dialogue_place", dialogue_id=_id(4), place_id=_id(3), **_meta(5))
    _insert(
        connection,
        "concern",
        dialogue_id=_id(4),
        theme_id=_id(1),
        place_id=_id(3),
        time_pattern="evening",
        raised_count=5,
        text="Mopeder på gångbanan",
        answer="",
        **_meta(6),
    )
    _insert(
        connection,
        "problem",
        title="Mopedtrafik på torget",
        description="",
        location="Medborgarplatsen",
        timing="Kvällar",
        affected="Gående",
        municipality_code="0180",
        priority=1,
        status="prioritised",
        **_meta(7),
    )
    _insert(connection, "problem_concern", problem_id=_id(7), concern_id=_id(6), **_meta(8))
    _insert(
        connection,
        "promise",
        agreement_id=None,
        title="Tryggare Medborgarplatsen",
        public_text="Polisen och kommunen lovar att …",
        municipality_code="0180",
        period_start="2026-01-01",
        period_end="2026-12-31",
        status="draft",
        **_meta(9),
    )
    _insert(
        connection,
        "problem",
        title="Borttaget problem",
        description="",
        location="",
        timing="",
        affected="",
        municipality_code=None,
        priority=None,
        status="identified",
        **_meta(10, deleted=True),
    )


def dump(revision: str) -> str:
    """Return the SQL text of a filled database at ``revision``."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "fixture.sqlite"
        engine = create_sqlite_engine(path)
        with engine.connect() as engine_connection:
            engine_connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            engine_connection.commit()
        upgrade_to_head(engine, revision)
        engine.dispose()
        connection = sqlite3.connect(path)
        try:
            with connection:
                _fill(connection)
            problems = connection.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise SystemExit(f"the fixture's rows break foreign keys: {problems}")
            # Python < 3.13's iterdump also writes INSERTs into virtual tables (FTS5), which
            # fail on load; their shadow tables, dumped as plain tables, hold the data.
            virtual = tuple(
                f'INSERT INTO "{name}" VALUES('
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"
                )
            )
            # iterdump leaves out the header's application_id; the app checks it.
            lines = [
                f"PRAGMA application_id={APPLICATION_ID};",
                *(line for line in connection.iterdump() if not line.startswith(virtual)),
            ]
        finally:
            connection.close()
    return "\n".join(lines) + "\n"


def main(revision: str = HEAD_REVISION) -> Path:
    """Write the dump for ``revision`` and return its path."""
    target = FIXTURES / f"{revision}.sql"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dump(revision), encoding="utf-8")
    return target


if __name__ == "__main__":
    print(main(*sys.argv[1:2]))

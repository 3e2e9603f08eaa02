"""UUIDs are stored as 16-byte blobs, and link tables carry no redundant index."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import UniqueConstraint, select

from kommunpolis.domain.ids import uuid7
from kommunpolis.domain.vocabulary import Role
from kommunpolis.services.profiles import ProfileService
from kommunpolis.storage import tables as t
from kommunpolis.storage.database import Database, open_database
from kommunpolis.storage.unit_of_work import UnitOfWork
from kommunpolis.sync.clock import HybridLogicalClock

# Tables whose unique (first, second) constraint makes an index on the first column alone
# redundant. Derived from the models, so a new link table is checked too.
LINK_TABLES = sorted(
    (table.name, tuple(constraint.columns.keys()))
    for table in t.Base.metadata.sorted_tables
    for constraint in table.constraints
    if isinstance(constraint, UniqueConstraint) and len(constraint.columns) == 2
)


def _uow(database: Database) -> UnitOfWork:
    return UnitOfWork(
        session_factory=database.session_factory, clock=HybridLogicalClock(), path=database.path
    )


@pytest.fixture
def database(tmp_path: Path, head_database: Path) -> Iterator[Database]:
    """A copy of the migrated head database, with a profile; closed at teardown."""
    shutil.copyfile(head_database, tmp_path / "db.sqlite")
    database = open_database(tmp_path / "db.sqlite", backup_dir=tmp_path / "backups")
    ProfileService(uow=lambda: _uow(database)).create(name="Kim Kommunpolis", role=Role.OFFICER)
    yield database
    database.close()


def _raw(path: Path, sql: str, *parameters: object) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, parameters).fetchall()
    finally:
        connection.close()


def test_a_uuid_written_through_the_orm_reads_back_equal_and_is_stored_as_16_bytes(
    database: Database,
) -> None:
    district_id, link_id = uuid7(), uuid7()
    with _uow(database) as uow:
        uow.session.add(t.District(id=district_id, name="LPO Test", police_region="Syd"))
        uow.session.flush()
        uow.session.add(
            t.DistrictMunicipality(id=link_id, district_id=district_id, municipality_code="0180")
        )
        uow.commit()

    with _uow(database) as uow:
        district = uow.session.get(t.District, district_id)
        assert district is not None
        assert district.id == district_id
        link = uow.session.scalars(
            select(t.DistrictMunicipality).where(t.DistrictMunicipality.district_id == district_id)
        ).one()
        assert (link.id, link.district_id) == (link_id, district_id)
        # The stamped metadata ids come back as the same UUID type.
        assert link.origin_device == link.revision_device == district.origin_device

    for table, column, value in (
        ("district", "id", district_id),
        ("district_municipality", "id", link_id),
        ("district_municipality", "district_id", district_id),
    ):
        rows = _raw(
            database.path,
            f"SELECT typeof({column}), length({column}), {column} FROM {table} WHERE {column} = ?",
            value.bytes,
        )
        assert rows == [("blob", 16, value.bytes)], (table, column)
    for column in ("origin_device", "revision_device"):
        assert _raw(
            database.path, f"SELECT DISTINCT typeof({column}), length({column}) FROM district"
        ) == [("blob", 16)]
    assert _raw(database.path, "SELECT typeof(device_id), length(device_id) FROM profile") == [
        ("blob", 16)
    ]
    # The blob is a foreign key target: the link row passes SQLite's own check.
    assert _raw(database.path, "PRAGMA foreign_key_check") == []


def test_the_link_tables_are_known() -> None:
    names = {name for name, _ in LINK_TABLES}
    assert {"problem_concern", "dialogue_place", "district_municipality"} <= names
    assert len(LINK_TABLES) >= 10


@pytest.mark.parametrize(("table", "columns"), LINK_TABLES)
def test_a_link_table_has_its_unique_index_and_no_single_index_on_its_first_column(
    head_database: Path, table: str, columns: tuple[str, str]
) -> None:
    first = columns[0]
    indexes = {
        name: (
            unique,
            origin,
            [info[2] for info in _raw(head_database, f"PRAGMA index_info('{name}')")],
        )
        for _, name, unique, origin, _partial in _raw(
            head_database, f"PRAGMA index_list('{table}')"
        )
    }
    # The unique constraint exists and leads with the first column, so it serves lookups by it.
    assert (1, "u", list(columns)) in indexes.values(), indexes
    assert not [name for name, (_, _, cols) in indexes.items() if cols == [first]], indexes

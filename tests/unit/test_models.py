"""Every synced record table carries the metadata that sync depends on."""

import pytest
from sqlalchemy import BigInteger, Table

from kommunpolis.storage.kinds import KINDS, all_record_tables
from kommunpolis.storage.tables import Base
from kommunpolis.storage.types import UtcDateTime, UuidBlob

NOT_RECORDS = {
    "municipality",
    "profile",
    "profile_municipality",
    "alembic_version",
    "outbox_state",
    "export_mark",
    "local_counter",
    "received_bundle",
    "sync_conflict",
    "pending_record",
    "local_setting",
}
METADATA_COLUMNS = {
    "id",
    "author",
    "origin_device",
    "created_at",
    "updated_at",
    "revision",
    "revision_device",
    "deleted_at",
    "sensitivity",
    "local_version",
    "field_clocks",
}
RECORD_TABLES = sorted(name for name in Base.metadata.tables if name not in NOT_RECORDS)


def test_there_are_record_tables_and_all_are_mapped_as_records() -> None:
    assert len(RECORD_TABLES) > 30
    assert sorted(cls.__tablename__ for cls in all_record_tables()) == RECORD_TABLES


@pytest.mark.parametrize("name", RECORD_TABLES)
def test_record_table_has_the_metadata_columns(name: str) -> None:
    table: Table = Base.metadata.tables[name]
    columns = table.columns
    assert set(columns.keys()) >= METADATA_COLUMNS
    assert [c.name for c in table.primary_key.columns] == ["id"]
    assert isinstance(columns["id"].type, UuidBlob)
    assert isinstance(columns["origin_device"].type, UuidBlob)
    assert isinstance(columns["revision_device"].type, UuidBlob)
    assert isinstance(columns["revision"].type, BigInteger)
    for name_ in ("created_at", "updated_at", "deleted_at"):
        assert isinstance(columns[name_].type, UtcDateTime)
    # Only the tombstone and the clocks of later edits may be empty; everything else is
    # stamped on every write.
    nullable = {c.name for c in columns if c.name in METADATA_COLUMNS and c.nullable}
    assert nullable == {"deleted_at", "field_clocks"}
    assert any(index.columns.keys() == ["revision"] for index in table.indexes)


def test_every_listable_kind_is_a_record_table_with_its_title_and_status_columns() -> None:
    for kind in KINDS:
        table = Base.metadata.tables[kind.model.__tablename__]
        assert kind.title_column in table.columns
        if kind.status_column is not None:
            assert kind.status_column in table.columns

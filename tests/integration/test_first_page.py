"""The first page read with plain sqlite3 is exactly the list's first page, or nothing."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from kommunpolis.composition import Services, build_services
from kommunpolis.paths import AppPaths
from kommunpolis.services.demo import DemoService
from kommunpolis.services.listing import ListingService, ListQuery, columns, default_sort
from kommunpolis.storage.first_page import (
    FIRST_PAGE_KINDS,
    first_page_columns,
    read_first_page,
)


def _demo(paths: AppPaths, *, dialogues: int = 120) -> Services:
    services = build_services(paths)
    services.profiles.create(name="Åsa Lindqvist", role="officer", municipality_codes=["0180"])
    DemoService(database=services.database, clock=services.clock).generate(dialogues=dialogues)
    return services


def test_columns_match_the_listing_spec() -> None:
    for kind in FIRST_PAGE_KINDS:
        assert [(c.key, c.value_type, c.sortable) for c in first_page_columns(kind)] == [
            (c.key, c.value_type.value, c.sortable) for c in columns(kind)
        ]


def test_first_page_is_the_listings_first_page(tmp_path: Path) -> None:
    services = _demo(AppPaths(data_dir=tmp_path))
    try:
        # A tombstone must be left out, as the list leaves it out.
        listing = ListingService(uow=services.unit_of_work)
        first = listing.ids("dialogues")[0]
        services.records.delete("dialogues", first)
        for kind in FIRST_PAGE_KINDS:
            page = read_first_page(services.database.path, kind, limit=50)
            assert page is not None
            assert (page.sort_key, page.descending) == default_sort(kind)
            keys = listing.id_keys(kind, ListQuery())[:50]
            assert [row.id for row in page.rows] == list(keys)
            assert first.bytes not in [row.id for row in page.rows]
            expected = listing.rows(kind, [uuid.UUID(bytes=key) for key in keys])
            for got, want in zip(page.rows, expected, strict=True):
                assert got.values == want.values
                assert [type(v) for v in got.values] == [type(v) for v in want.values]
                assert (got.status, got.deleted) == (want.status, want.deleted)
    finally:
        services.close()


def test_no_first_page_without_a_profile_or_a_current_schema(tmp_path: Path) -> None:
    paths = AppPaths(data_dir=tmp_path)
    assert read_first_page(paths.database, "dialogues") is None  # no file
    build_services(paths).close()
    assert read_first_page(paths.database, "dialogues") is None  # no profile yet
    _demo(paths, dialogues=5).close()
    assert read_first_page(paths.database, "dialogues") is not None
    assert read_first_page(paths.database, "meetings") is None  # no quick page for it
    with sqlite3.connect(paths.database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    assert read_first_page(paths.database, "dialogues") is None  # a migration is due


def test_a_locked_or_damaged_file_gives_none_at_once(tmp_path: Path) -> None:
    paths = AppPaths(data_dir=tmp_path)
    _demo(paths, dialogues=5).close()
    locker = sqlite3.connect(paths.database, isolation_level=None)
    try:
        locker.execute("PRAGMA journal_mode=DELETE")
        locker.execute("BEGIN EXCLUSIVE")
        assert read_first_page(paths.database, "dialogues") is None
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    paths.database.write_bytes(b"this is not a database" * 100)
    assert read_first_page(paths.database, "dialogues") is None

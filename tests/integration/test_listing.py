"""ListingService: ids sorted and filtered in SQL, pages of rows by id, on the demo data."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from kommunpolis.composition import Services, build_services
from kommunpolis.domain.collation import swedish_key
from kommunpolis.domain.errors import InvalidInput
from kommunpolis.domain.vocabulary import Role
from kommunpolis.paths import resolve_paths
from kommunpolis.services.demo import DemoService
from kommunpolis.services.listing import (
    LISTABLE_KINDS,
    ListingService,
    ListQuery,
    ValueType,
    columns,
)

DIALOGUES = 150


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database built once for the module."""
    folder = tmp_path_factory.mktemp("listing-demo")
    services = build_services(resolve_paths(folder))
    services.profiles.create(name="Anna Andersson", role=Role.OFFICER, municipality_codes=["0180"])
    DemoService(database=services.database, clock=services.clock).generate(dialogues=DIALOGUES)
    services.close()
    return folder


@pytest.fixture
def services(demo_folder: Path, tmp_path: Path) -> Iterator[Services]:
    """Services on a private copy of the demo database."""
    shutil.copytree(demo_folder, tmp_path / "data")
    services = build_services(resolve_paths(tmp_path / "data"))
    yield services
    services.close()


@pytest.fixture
def listing(services: Services) -> ListingService:
    """The service under test."""
    return ListingService(uow=services.unit_of_work)


def _reference_key(value: Any, value_type: ValueType) -> Any:
    """An independent Python sort key for one column value (None handled by the caller)."""
    if value_type is ValueType.TEXT:
        return swedish_key(value)
    if value_type is ValueType.CODE:
        return str(value)
    return value


def _reference_order(
    listing: ListingService, kind: str, key: str, descending: bool
) -> tuple[uuid.UUID, ...]:
    """Sort every live row in Python by the column's value, empty last, then by id."""
    ids = listing.ids(kind)
    rows = [
        row
        for start in range(0, len(ids), 500)
        for row in listing.rows(kind, ids[start : start + 500])
    ]
    spec = columns(kind)
    number = next(n for n, column in enumerate(spec) if column.key == key)
    value_type = spec[number].value_type
    present = [row for row in rows if row.values[number] is not None]
    empty = [row for row in rows if row.values[number] is None]
    present.sort(
        key=lambda row: (_reference_key(row.values[number], value_type), row.id.bytes),
        reverse=descending,
    )
    empty.sort(key=lambda row: row.id.bytes, reverse=descending)
    return tuple(row.id for row in present + empty)


@pytest.mark.parametrize("kind", LISTABLE_KINDS)
def test_every_kind_lists_ids_and_rows(listing: ListingService, kind: str) -> None:
    ids = listing.ids(kind)
    assert ids, kind
    assert len(set(ids)) == len(ids)
    assert listing.count(kind) == len(ids)
    page = listing.rows(kind, ids[:50])
    assert [row.id for row in page] == list(ids[:50])
    width = len(columns(kind))
    assert all(len(row.values) == width and not row.deleted for row in page)


@pytest.mark.parametrize(
    ("kind", "key"),
    [(kind, column.key) for kind in LISTABLE_KINDS for column in columns(kind) if column.sortable],
)
def test_sorting_matches_an_independent_reference(
    listing: ListingService, kind: str, key: str
) -> None:
    for descending in (False, True):
        got = listing.ids(kind, ListQuery(sort_key=key, descending=descending))
        assert got == _reference_order(listing, kind, key, descending), (kind, key, descending)


def test_default_dialogue_order_is_newest_first_by_raw_sql(
    services: Services, listing: ListingService
) -> None:
    connection = sqlite3.connect(services.paths.database)
    try:
        expected = tuple(
            uuid.UUID(bytes=raw)
            for (raw,) in connection.execute(
                "SELECT id FROM dialogue WHERE deleted_at IS NULL ORDER BY starts_at DESC, id DESC"
            )
        )
    finally:
        connection.close()
    assert listing.ids("dialogues") == expected


def test_rows_come_back_in_the_order_asked(listing: ListingService) -> None:
    ids = listing.ids("dialogues")[:30]
    shuffled = tuple(reversed(ids[::2])) + ids[1::2]
    assert [row.id for row in listing.rows("dialogues", shuffled)] == list(shuffled)
    assert listing.rows("dialogues", [uuid.uuid4()]) == ()


def test_filter_by_municipality(listing: ListingService) -> None:
    everything = listing.rows("dialogues", listing.ids("dialogues")[:1])
    name = everything[0].values[3]
    code = next(
        view.code
        for view in listing.filter_options("dialogues").municipalities
        if view.name == name
    )
    ids = listing.ids("dialogues", ListQuery(municipality_codes=(code,)))
    assert 0 < len(ids) < len(listing.ids("dialogues"))
    assert {row.values[3] for row in listing.rows("dialogues", ids[:500])} == {name}
    # Measures reach their kommun through the promise or the problem.
    measures = listing.ids("measures", ListQuery(municipality_codes=(code,)))
    assert len(measures) < len(listing.ids("measures"))


def test_filter_by_status(listing: ListingService) -> None:
    for kind in ("dialogues", "problems", "measures", "meetings"):
        for status in listing.filter_options(kind).statuses:
            ids = listing.ids(kind, ListQuery(statuses=(status,)))
            assert {row.status for row in listing.rows(kind, ids[:500])} <= {status}
        total = sum(
            len(listing.ids(kind, ListQuery(statuses=(s,))))
            for s in listing.filter_options(kind).statuses
        )
        assert total == len(listing.ids(kind))


def test_filter_by_period(listing: ListingService) -> None:
    all_rows = listing.rows("dialogues", listing.ids("dialogues")[:500])
    days = sorted(row.values[0].astimezone().date() for row in all_rows)
    start, end = days[len(days) // 4], days[len(days) // 2]
    ids = listing.ids("dialogues", ListQuery(period_from=start, period_to=end))
    expected = {row.id for row in all_rows if start <= row.values[0].astimezone().date() <= end}
    assert set(ids) == expected and expected
    # Kinds with a period of their own match on overlap.
    promises = listing.rows("promises", listing.ids("promises"))
    probe = date(2025, 6, 1)
    overlapping = listing.ids("promises", ListQuery(period_from=probe, period_to=probe))
    assert set(overlapping) == {
        row.id for row in promises if row.values[2] <= probe <= row.values[3]
    }
    with pytest.raises(InvalidInput):
        listing.ids("dialogues", ListQuery(period_from=end, period_to=start))


def test_filter_by_theme(services: Services, listing: ListingService) -> None:
    theme_id, _name = listing.filter_options("dialogues").themes[0]
    dialogues = set(listing.ids("dialogues", ListQuery(theme_id=theme_id)))
    concerns = listing.ids("concerns", ListQuery(theme_id=theme_id))
    connection = sqlite3.connect(services.paths.database)
    try:
        expected = {
            uuid.UUID(bytes=raw)
            for (raw,) in connection.execute(
                "SELECT DISTINCT dialogue_id FROM concern"
                " WHERE theme_id = ? AND deleted_at IS NULL",
                (theme_id.bytes,),
            )
        }
    finally:
        connection.close()
    assert dialogues == expected and 0 < len(dialogues) < len(listing.ids("dialogues"))
    assert {row.values[1] for row in listing.rows("concerns", concerns[:500])} == {_name}


def test_tombstoned_records_are_left_out_unless_asked(
    services: Services, listing: ListingService
) -> None:
    victim = listing.ids("dialogues")[3]
    services.records.delete("dialogues", victim)
    assert victim not in listing.ids("dialogues")
    with_deleted = listing.ids("dialogues", ListQuery(include_deleted=True))
    assert victim in with_deleted
    (row,) = listing.rows("dialogues", [victim])
    assert row.deleted
    # A deleted concern no longer counts for its dialogue.
    concern_id = listing.ids("concerns")[0]
    before = {r.id: r for r in listing.rows("dialogues", listing.ids("dialogues")[:500])}
    services.records.delete("concerns", concern_id)
    after = {r.id: r for r in listing.rows("dialogues", listing.ids("dialogues")[:500])}
    changed = [rid for rid in before if before[rid].values[5] != after[rid].values[5]]
    assert len(changed) == 1 and after[changed[0]].values[5] == before[changed[0]].values[5] - 1


def test_filter_options_say_what_applies(listing: ListingService) -> None:
    dialogues = listing.filter_options("dialogues")
    assert dialogues.municipality and dialogues.period and dialogues.themes
    assert dialogues.statuses == ("planned", "held", "compiled", "fed_back")
    themes = listing.filter_options("themes")
    assert not themes.municipality and not themes.period and not themes.statuses
    places = listing.filter_options("places")
    assert places.municipality and not places.period and not places.themes


def test_bad_queries_are_typed_errors(listing: ListingService) -> None:
    with pytest.raises(InvalidInput):
        listing.ids("nonsense")
    with pytest.raises(InvalidInput):
        listing.ids("dialogues", ListQuery(sort_key="nonsense"))
    with pytest.raises(InvalidInput):
        listing.ids("dialogues", ListQuery(statuses=("closed",)))
    with pytest.raises(InvalidInput):
        listing.ids("themes", ListQuery(municipality_codes=("0180",)))


def test_datetimes_are_aware(listing: ListingService) -> None:
    (row,) = listing.rows("dialogues", listing.ids("dialogues")[:1])
    assert isinstance(row.values[0], datetime) and row.values[0].tzinfo is UTC

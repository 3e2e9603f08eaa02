"""Full-text search: Swedish words, prefixes, tombstones, re-indexing, odd input, the CLI."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kommunpolis.composition import Services, build_services
from kommunpolis.domain.errors import InvalidInput
from kommunpolis.domain.vocabulary import DialogueFormat, DialogueKind, ParticipationLevel
from kommunpolis.paths import resolve_paths
from kommunpolis.services.demo import DemoService
from kommunpolis.services.search import MAX_QUERY_LENGTH, SearchService, fts_query
from kommunpolis.storage import tables as t

SCHEMAS = Path(__file__).parents[1] / "fixtures" / "schemas"
KOMMUN = "0180"


def add_dialogue(services: Services, title: str, *, notes: str = "", day: int = 1) -> uuid.UUID:
    """Save one dialogue through the ORM; return its id."""
    with services.unit_of_work() as uow:
        dialogue = t.Dialogue(
            title=title,
            kind=DialogueKind.CITIZEN,
            format=DialogueFormat.SAFETY_WALK,
            participation_level=ParticipationLevel.CONSULTATION,
            starts_at=datetime(2026, 3, day, 18, tzinfo=UTC),
            municipality_code=KOMMUN,
            notes=notes,
        )
        uow.session.add(dialogue)
        uow.commit()
    return dialogue.id


@pytest.fixture
def search(services: Services) -> SearchService:
    """The search service over the ``services`` database."""
    return SearchService(uow=services.unit_of_work)


def ids(search: SearchService, text: str, kind: str = "dialogues") -> list[uuid.UUID]:
    """Return the ids found of one kind, in result order."""
    return [hit.id for hit in search.search(text, kinds=[kind]).hits]


def test_words_with_swedish_letters_are_found(services: Services, search: SearchService) -> None:
    vandal = add_dialogue(services, "Trygghetsvandring", notes="Mycket skadegörelse vid skolan.")
    gang = add_dialogue(services, "Möte om ungdomsgäng i Ängelholm")
    other = add_dialogue(services, "Dialogstand på torget")

    assert ids(search, "skadegörelse") == [vandal]
    assert ids(search, "SKADEGÖRELSE") == [vandal]
    assert ids(search, "skade") == [vandal]
    assert ids(search, "ungdomsgäng") == [gang]
    assert ids(search, "ängelholm") == [gang]
    assert ids(search, "torget") == [other]
    (hit,) = search.search("skadeg").hits
    assert hit.kind == "dialogues"
    assert hit.title == "Trygghetsvandring"
    assert hit.marked() == "Mycket [skadegörelse] vid skolan."


def test_a_is_not_a_with_ring(services: Services, search: SearchService) -> None:
    amal = add_dialogue(services, "Samråd i Åmål")
    assert ids(search, "Åmål") == [amal]
    assert ids(search, "åmål ") == [amal]
    assert ids(search, "Amal") == []
    assert ids(search, "Amål") == []
    assert ids(search, "Am") == []


def test_tombstoned_records_leave_and_restored_ones_return(
    services: Services, search: SearchService
) -> None:
    record = add_dialogue(services, "Trygghetsvandring i Rinkeby")
    services.records.delete("dialogues", record)
    assert ids(search, "Rinkeby") == []
    services.records.restore("dialogues", record)
    assert ids(search, "Rinkeby") == [record]


def test_an_orm_update_reindexes(services: Services, search: SearchService) -> None:
    record = add_dialogue(services, "Öppet möte i Kista")
    with services.unit_of_work() as uow:
        dialogue = uow.session.get(t.Dialogue, record)
        assert dialogue is not None
        dialogue.title = "Öppet möte i Husby"
        dialogue.starts_at = datetime(2027, 1, 5, 17, tzinfo=UTC)
        uow.commit()
    assert ids(search, "Kista") == []
    assert ids(search, "Husby") == [record]
    (hit,) = search.search("Husby").hits
    assert hit.happened_at == datetime(2027, 1, 5, 17, tzinfo=UTC)
    # A status change leaves the entry alone; a hard delete removes it.
    services.records.change_status("dialogues", record, "held")
    assert ids(search, "Husby") == [record]
    with services.unit_of_work() as uow:
        uow.session.execute(t.Dialogue.__table__.delete())
        uow.commit()
    assert ids(search, "Husby") == []


def test_results_are_newest_first_per_kind(services: Services, search: SearchService) -> None:
    day_of = {add_dialogue(services, "Skolbesök", day=day): day for day in (5, 1, 20, 12, 20)}
    found = ids(search, "skolbesök")
    assert sorted(found) == sorted(day_of)
    assert [day_of[record] for record in found] == [20, 20, 12, 5, 1]
    (group,) = search.search("skolbesök", limit_per_kind=2).groups
    assert [hit.id for hit in group.hits] == found[:2]
    assert (group.total, group.total_capped) == (5, False)


def test_concerns_carry_their_theme_name(services: Services, search: SearchService) -> None:
    dialogue = add_dialogue(services, "Dialogstand")
    with services.unit_of_work() as uow:
        theme = t.Theme(name="Buskörning")
        uow.session.add(theme)
        uow.flush()
        concern = t.Concern(dialogue_id=dialogue, theme_id=theme.id, text="Mopeder på gångbanan")
        uow.session.add(concern)
        uow.commit()
    assert ids(search, "buskörning", "concerns") == [concern.id]
    with services.unit_of_work() as uow:
        renamed = uow.session.get(t.Theme, theme.id)
        assert renamed is not None
        renamed.name = "Trafik"
        uow.commit()
    assert ids(search, "buskörning", "concerns") == []
    assert ids(search, "trafik", "concerns") == [concern.id]


@pytest.mark.parametrize(
    "text",
    ['"', "*", "AND", "NEAR(", "OR NOT", "a*b", "^x", "(", ")", "-", ":", "{title}: x", "  ", ""],
)
def test_weird_input_never_raises(services: Services, search: SearchService, text: str) -> None:
    add_dialogue(services, "Trygghetsvandring AND NEAR")
    search.search(text)


def test_punctuation_only_gives_no_results(search: SearchService) -> None:
    assert fts_query('"*^()') == ""
    assert search.search("!!! ...").empty


def test_absurdly_long_input_is_refused(search: SearchService) -> None:
    with pytest.raises(InvalidInput):
        search.search("x" * (MAX_QUERY_LENGTH + 1))
    with pytest.raises(InvalidInput):
        search.search("ord " * 40)
    with pytest.raises(InvalidInput):
        search.search("x", kinds=["themes"])


def test_the_demo_bulk_insert_is_indexed(services: Services, search: SearchService) -> None:
    DemoService(database=services.database, clock=services.clock).generate(dialogues=60, seed=3)
    results = search.search("skadegörelse")
    assert {group.kind for group in results.groups} >= {"concerns", "problems"}
    for group in results.groups:
        dates = [hit.happened_at for hit in group.hits]
        assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    with sqlite3.connect(services.paths.database) as connection:
        indexed = connection.execute("SELECT count(*) FROM search_index").fetchone()[0]
        live = sum(
            connection.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[
                0
            ]
            for table in ("dialogue", "concern", "meeting", "problem", "promise", "measure")
        )
    assert indexed == live


@pytest.mark.parametrize("revision", ["0002", "0003"])
def test_released_schemas_are_searchable(tmp_path: Path, revision: str) -> None:
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir()
    connection = sqlite3.connect(paths.database)
    connection.executescript((SCHEMAS / f"{revision}.sql").read_text(encoding="utf-8"))
    connection.close()
    services = build_services(paths, busy_timeout_ms=200)
    try:
        search = SearchService(uow=services.unit_of_work)
        (hit,) = search.search("gångbanan").hits
        assert (hit.kind, hit.title) == ("concerns", "Mopeder på gångbanan")
        assert search.search("Borttaget").empty  # tombstoned in the fixture
        assert [h.kind for h in search.search("Medborgarplatsen").hits] == ["problems", "promises"]
    finally:
        services.close()


def test_cli_search_json(sample: object, run_cli: Callable[..., Any]) -> None:
    result = run_cli("search", "--json", "busstorg")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    (group,) = data["groups"]
    assert group["kind"] == "problems"
    assert group["hits"][0]["title"] == "Oro vid busstorget"
    assert group["hits"][0]["marked_title"] == "Oro vid [busstorget]"

    result = run_cli("search", "--kind", "dialogues", "busstorg")
    assert (result.code, result.out) == (0, "No matches.\n")
    assert run_cli("search", "x" * 600).code == 1


def _segments(connection: sqlite3.Connection) -> int:
    """Return how many segments the FTS5 index has (a data rowid is segment id << 37 | …)."""
    return int(
        connection.execute(
            "SELECT count(DISTINCT id >> 37) FROM search_index_data WHERE id >= 1 << 37"
        ).fetchone()[0]
    )


def test_bulk_inserts_write_the_index_in_batches(services: Services, search: SearchService) -> None:
    # Regression: triggers that wrote the FTS5 table row by row made every insert flush
    # FTS5's pending terms as a segment of its own (statement savepoints flush them), which
    # made bulk inserts 5× slower. Rows inserted one statement each, like the demo's, must
    # only be queued, and reach the index in large batches.
    template = add_dialogue(services, "Mall")
    search.update_index()
    rows = 2500
    connection = sqlite3.connect(services.paths.database, isolation_level=None)
    try:
        # Without merging, every flush would stay visible as one more segment.
        connection.execute("INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0)")
        connection.execute(
            "INSERT INTO search_index (search_index, rank) VALUES ('crisismerge', 1999)"
        )
        before = _segments(connection)
        columns = [row[1] for row in connection.execute("PRAGMA table_info(dialogue)")]
        (values,) = connection.execute(
            "SELECT * FROM dialogue WHERE id = ?", (template.bytes,)
        ).fetchall()
        made = []
        for n in range(rows):
            row = dict(zip(columns, values, strict=True))
            row.update(id=uuid.uuid4().bytes, title=f"Massmöte {n} Sollentuna")
            made.append(tuple(row.values()))
        marks = ", ".join("?" for _ in columns)
        connection.execute("BEGIN")
        connection.executemany(f"INSERT INTO dialogue VALUES ({marks})", made[:100])
        # The first rows are only queued: the index is not touched at all.
        assert _segments(connection) == before
        connection.executemany(f"INSERT INTO dialogue VALUES ({marks})", made[100:])
        connection.execute("COMMIT")
        indexed = connection.execute("SELECT count(*) FROM search_index").fetchone()[0]
        pending = connection.execute("SELECT count(*) FROM search_pending").fetchone()[0]
        # A full queue was worked off on its own, as one batch.
        assert 1 < indexed < rows + 1
        assert indexed - 1 + pending == rows
        assert _segments(connection) <= before + 2
    finally:
        connection.close()

    assert search.update_index() is True
    assert search.update_index() is False
    (group,) = search.search("sollentuna").groups
    assert group.total_capped
    with sqlite3.connect(services.paths.database) as connection:
        assert connection.execute("SELECT count(*) FROM search_index").fetchone()[0] == rows + 1
        found = "SELECT count(*) FROM search_index WHERE search_index MATCH 'sollentuna'"
        assert connection.execute(found).fetchone()[0] == rows
        assert _segments(connection) <= before + 4
        connection.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")


def test_changes_in_one_transaction_leave_one_current_entry(
    services: Services, search: SearchService
) -> None:
    kept = add_dialogue(services, "Grannsamverkan i Tensta", day=3)
    gone = add_dialogue(services, "Grannsamverkan i Tensta", day=3)
    with services.unit_of_work() as uow:
        first = uow.session.get(t.Dialogue, kept)
        second = uow.session.get(t.Dialogue, gone)
        assert first is not None and second is not None
        first.title = "Grannsamverkan i Akalla"
        uow.flush()
        first.notes = "Tensta igen"
        first.starts_at = datetime(2026, 3, 4, 18, tzinfo=UTC)
        uow.session.delete(second)
        uow.commit()
    assert ids(search, "akalla") == [kept]
    assert ids(search, "tensta") == [kept]
    with sqlite3.connect(services.paths.database) as connection:
        entries = connection.execute("SELECT count(*) FROM search_entry").fetchone()[0]
        assert entries == connection.execute("SELECT count(*) FROM search_index").fetchone()[0]
        assert entries == 1
        connection.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")

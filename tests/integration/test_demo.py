"""The demo dataset: deterministic, complete, refused beside real records, readable by the ORM."""

from __future__ import annotations

import itertools
import shutil
import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from kommunpolis.domain.errors import DemoRefused, InvalidInput, ProfileMissing
from kommunpolis.domain.ids import uuid7, uuid7_time_ms
from kommunpolis.domain.statuses import (
    DialogueStatus,
    MeasureStatus,
    PromiseStatus,
    allowed_next,
)
from kommunpolis.domain.vocabulary import (
    DEFAULT_THEMES,
    DialogueFormat,
    DialogueKind,
    ParticipationLevel,
    Party,
    Role,
)
from kommunpolis.services import demo_content
from kommunpolis.services.chain import ChainService, ProgressState
from kommunpolis.services.demo import (
    TABLE_COLUMNS,
    DemoService,
    generate_batches,
    read_source,
    stored_datetime,
    stored_uuid7,
)
from kommunpolis.services.profiles import ProfileService
from kommunpolis.storage import tables as t
from kommunpolis.storage.database import Database, open_database
from kommunpolis.storage.kinds import all_record_tables
from kommunpolis.storage.unit_of_work import UnitOfWork
from kommunpolis.sync.clock import HybridLogicalClock

N = 200

# Every table the issue asks the demo to fill.
EXPECTED_TABLES = (
    "district",
    "district_municipality",
    "place",
    "organisation",
    "contact",
    "dialogue",
    "dialogue_place",
    "dialogue_organiser",
    "concern",
    "meeting",
    "meeting_attendee",
    "decision",
    "action_item",
    "situation_picture",
    "source",
    "problem",
    "situation_problem",
    "problem_concern",
    "problem_source",
    "root_cause_analysis",
    "cause",
    "agreement",
    "agreement_party",
    "agreement_problem",
    "promise",
    "promise_problem",
    "commitment",
    "measure",
    "indicator",
    "indicator_value",
    "follow_up",
    "follow_up_measure",
)


def _open(folder: Path, head_database: Path, *, profile: bool = True) -> Database:
    """Open a copy of the migrated head database (migrating each time would be slow)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(head_database, folder / "db.sqlite")
    database = open_database(folder / "db.sqlite", backup_dir=folder / "backups")
    if profile:
        ProfileService(uow=lambda: _uow(database)).create(name="Kim Kommunpolis", role=Role.OFFICER)
    return database


def _uow(database: Database) -> UnitOfWork:
    return UnitOfWork(
        session_factory=database.session_factory, clock=HybridLogicalClock(), path=database.path
    )


@pytest.fixture
def database(tmp_path: Path, head_database: Path) -> Iterator[Database]:
    """A new database with a profile (and so the default themes), closed at teardown."""
    database = _open(tmp_path / "db", head_database)
    yield database
    database.close()


def _dump(database: Database) -> dict[str, list[tuple[object, ...]]]:
    """Return every demo-written row, with this database's device id and theme ids named."""
    connection = sqlite3.connect(database.path)
    try:
        device = connection.execute("SELECT device_id FROM profile").fetchone()[0]
        aliases: dict[object, object] = {device: "<device>"}
        for theme_id, name in connection.execute("SELECT id, name FROM theme"):
            aliases[theme_id] = f"<theme {name}>"
        dump = {}
        for record_class in all_record_tables():
            name = record_class.__tablename__
            if name == "theme":
                continue
            rows = connection.execute(f"SELECT * FROM {name} ORDER BY rowid").fetchall()
            dump[name] = [tuple(aliases.get(value, value) for value in row) for row in rows]
        return dump
    finally:
        connection.close()


def test_same_seed_gives_identical_rows_and_another_seed_different(
    tmp_path: Path, head_database: Path
) -> None:
    dumps = []
    for folder, seed in (("a", 7), ("b", 7), ("c", 8)):
        database = _open(tmp_path / folder, head_database)
        DemoService(database=database).generate(dialogues=N, seed=seed)
        dumps.append(_dump(database))
        database.close()
    first, same, other = dumps
    assert first == same
    assert first["dialogue"] != other["dialogue"]
    assert first["concern"] != other["concern"]


def test_generation_is_a_pure_function_of_its_inputs(database: Database) -> None:
    with database.engine.connect() as connection:
        source = read_source(connection)
    first = list(generate_batches(source, dialogues=N, seed=3))
    again = list(generate_batches(source, dialogues=N, seed=3))
    assert first == again


def test_batches_fill_every_column_of_their_table_in_foreign_key_order(
    database: Database,
) -> None:
    with database.engine.connect() as connection:
        source = read_source(connection)
    seen: list[str] = []
    revisions: list[int] = []
    for batch in generate_batches(source, dialogues=N, seed=1):
        columns = set(t.Base.metadata.tables[batch.table].columns.keys())
        assert set(batch.columns) == columns, batch.table
        assert batch.columns == TABLE_COLUMNS[batch.table]
        assert all(len(row) == len(batch.columns) for row in batch.rows)
        index = batch.columns.index("revision")
        revisions.extend(row[index] for row in batch.rows)  # type: ignore[misc]
        seen.append(batch.table)
    # Revisions rise strictly in the order the rows are written.
    assert all(a < b for a, b in itertools.pairwise(revisions))
    assert set(seen) == set(EXPECTED_TABLES)


def test_covers_every_format_kind_status_and_table(database: Database) -> None:
    summary = DemoService(database=database).generate(dialogues=N, seed=1)

    for name in EXPECTED_TABLES:
        assert summary.count(name) > 0, name
    with database.engine.connect() as connection:
        for name in EXPECTED_TABLES:
            assert connection.execute(text(f"SELECT count(*) FROM {name}")).scalar_one() > 0
        formats = set(connection.execute(text("SELECT DISTINCT format FROM dialogue")).scalars())
        kinds = set(connection.execute(text("SELECT DISTINCT kind FROM dialogue")).scalars())
        statuses = set(connection.execute(text("SELECT DISTINCT status FROM dialogue")).scalars())
        kommuner = connection.execute(
            text("SELECT count(DISTINCT municipality_code) FROM dialogue")
        ).scalar_one()
        police_only = connection.execute(
            text("SELECT count(*) FROM source WHERE police_only")
        ).scalar_one()
        commitments = list(connection.execute(text("SELECT text FROM commitment")).scalars())
    assert formats == {f.value for f in DialogueFormat}
    assert kinds == {k.value for k in DialogueKind}
    assert statuses == {s.value for s in DialogueStatus}
    assert kommuner >= 3
    assert police_only > 0
    assert any(c.startswith("Polisen lovar att") for c in commitments)
    assert any(c.startswith("Kommunen lovar att") for c in commitments)
    assert 4.0 <= summary.count("concern") / N <= 6.0
    assert summary.total == sum(count for _, count in summary.counts)
    assert str(N) in str(summary)


def test_database_checks_pass_after_demo(database: Database) -> None:
    DemoService(database=database).generate(dialogues=N, seed=2)
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalars().all() == ["ok"]
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []


def test_revisions_are_unique_and_rise_in_insert_order(database: Database) -> None:
    class Observer:
        seen = 0

        def observe(self, revision: int) -> None:
            self.seen = revision

    observer = Observer()
    summary = DemoService(database=database, clock=observer).generate(dialogues=N, seed=4)
    everything: list[int] = []
    with database.engine.connect() as connection:
        for record_class in all_record_tables():
            name = record_class.__tablename__
            if name == "theme":
                continue
            revisions = list(
                connection.execute(text(f"SELECT revision FROM {name} ORDER BY rowid")).scalars()
            )
            assert revisions == sorted(set(revisions)), name
            everything.extend(revisions)
    assert len(everything) == len(set(everything)) == summary.total
    assert observer.seen == summary.last_revision == max(everything)


def test_rows_read_back_through_the_orm_types(database: Database) -> None:
    DemoService(database=database).generate(dialogues=N, seed=5)
    with database.session_factory() as session:
        dialogues = session.scalars(select(t.Dialogue)).all()
        assert len(dialogues) == N
        for dialogue in dialogues:
            assert isinstance(dialogue.id, uuid.UUID)
            assert dialogue.id.version == 7
            assert isinstance(dialogue.origin_device, uuid.UUID)
            assert dialogue.created_at.tzinfo is UTC
            assert dialogue.starts_at.tzinfo is UTC
            assert dialogue.updated_at >= dialogue.created_at
            # The id's timestamp is the record's creation time.
            assert uuid7_time_ms(dialogue.id) == int(dialogue.created_at.timestamp() * 1000)
            assert isinstance(dialogue.kind, DialogueKind)
            assert isinstance(dialogue.format, DialogueFormat)
            assert isinstance(dialogue.participation_level, ParticipationLevel)
            assert isinstance(dialogue.status, DialogueStatus)
            assert dialogue.deleted_at is None
            if dialogue.status is DialogueStatus.FED_BACK:
                assert isinstance(dialogue.fed_back_on, date)
        source = session.scalars(select(t.Source).where(t.Source.police_only)).first()
        assert source is not None
        assert source.police_only is True
        value = session.scalars(select(t.IndicatorValue)).first()
        assert value is not None
        assert isinstance(value.measured_on, date)
        assert isinstance(value.value, float)
        concern = session.scalars(select(t.Concern)).first()
        assert concern is not None
        assert concern.raised_count >= 1
        assert isinstance(concern.theme_id, uuid.UUID)
        assert session.get(t.Theme, concern.theme_id) is not None


def test_stored_forms_match_what_the_typed_columns_write(database: Database) -> None:
    moment = datetime(2025, 3, 4, 5, 6, 7, 8000, tzinfo=UTC)
    unix_ms = int(moment.timestamp() * 1000)
    record_id = uuid7(unix_ms, 123456789)
    assert stored_uuid7(unix_ms, 123456789) == record_id.bytes
    with _uow(database) as uow:
        uow.session.add(
            t.Dialogue(
                id=record_id,
                title="x",
                kind=DialogueKind.CITIZEN,
                format=DialogueFormat.STAND,
                participation_level=ParticipationLevel.INFORMATION,
                starts_at=moment,
                municipality_code="1285",
            )
        )
        uow.commit()
    with database.engine.connect() as connection:
        row = connection.exec_driver_sql("SELECT id, starts_at FROM dialogue").one()
    assert row == (stored_uuid7(unix_ms, 123456789), stored_datetime(unix_ms))


def test_refuses_beside_real_records_unless_forced(database: Database) -> None:
    with _uow(database) as uow:
        uow.session.add(t.Problem(title="Verkligt problem", municipality_code="1285"))
        uow.commit()
    service = DemoService(database=database)
    with pytest.raises(DemoRefused) as refused:
        service.generate(dialogues=N)
    assert refused.value.record_count == 1
    summary = service.generate(dialogues=N, force=True)
    assert summary.count("dialogue") == N
    # A second forced run with the same seed neither collides nor goes back in revisions.
    again = service.generate(dialogues=N, force=True)
    assert again.last_revision > summary.last_revision
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM dialogue").scalar_one() == 2 * N


def test_refusal_and_errors_leave_the_database_unchanged(
    tmp_path: Path, head_database: Path
) -> None:
    database = _open(tmp_path / "bare", head_database, profile=False)
    try:
        with pytest.raises(ProfileMissing):
            DemoService(database=database).generate(dialogues=N)
        with pytest.raises(InvalidInput):
            DemoService(database=database).generate(dialogues=0)
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM dialogue").scalar_one() == 0
    finally:
        database.close()


def test_progress_counts_dialogues_up_to_the_total(database: Database) -> None:
    calls: list[tuple[int, int]] = []
    DemoService(database=database).generate(
        dialogues=N, progress=lambda done, total: calls.append((done, total))
    )
    assert calls[0] == (0, N)
    assert calls[-1] == (N, N)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert Counter(total for _, total in calls) == Counter({N: len(calls)})


def test_commitments_belong_to_their_promises_focus_areas(database: Database) -> None:
    DemoService(database=database).generate(dialogues=N, seed=6)
    with database.session_factory() as session:
        focus = set(
            session.execute(select(t.PromiseProblem.promise_id, t.PromiseProblem.problem_id))
        )
        commitments = session.scalars(select(t.Commitment)).all()
        promises = session.scalars(select(t.Promise)).all()
    about = [c for c in commitments if c.problem_id is not None]
    assert about and all((c.promise_id, c.problem_id) in focus for c in about)
    # Every promise has words about each of its focus areas, from the police and the
    # municipality, and some about the promise as a whole.
    for promise in promises:
        mine = [c for c in commitments if c.promise_id == promise.id]
        for promise_id, problem_id in focus:
            if promise_id == promise.id:
                parties = {c.party for c in mine if c.problem_id == problem_id}
                assert {Party.POLICE, Party.MUNICIPALITY} <= parties
        assert any(c.problem_id is None and c.party is Party.POLICE for c in mine)


def test_measures_are_followed_up_line_by_line_up_to_their_status_now(
    database: Database,
) -> None:
    DemoService(database=database).generate(dialogues=N, seed=6)
    with database.session_factory() as session:
        promises = {p.id: p for p in session.scalars(select(t.Promise))}
        measures = {m.id: m for m in session.scalars(select(t.Measure))}
        follow_ups = {f.id: f for f in session.scalars(select(t.FollowUp))}
        lines = session.scalars(select(t.FollowUpMeasure)).all()
    assert follow_ups and lines
    # Every promise past its draft is followed up; its measures each have a line.
    followed = {f.promise_id for f in follow_ups.values()}
    for promise in promises.values():
        assert (promise.id in followed) == (promise.status is not PromiseStatus.DRAFT)
    by_measure: dict[uuid.UUID, list[t.FollowUpMeasure]] = {}
    for line in sorted(lines, key=lambda line: follow_ups[line.follow_up_id].held_on):
        by_measure.setdefault(line.measure_id, []).append(line)
        assert line.note  # what happened, in a few words
    for follow_up in follow_ups.values():
        # The follow-up's hours are its lines' hours, as the quick follow-up sums them.
        spent = [
            line.hours
            for line in lines
            if line.follow_up_id == follow_up.id and line.hours is not None
        ]
        assert follow_up.hours == (sum(spent) if spent else None)
    for measure_id, history in by_measure.items():
        measure = measures[measure_id]
        assert follow_ups[history[0].follow_up_id].promise_id == measure.promise_id
        # The lines climb the measure's lifecycle and end at its status and mark now.
        for before, after in itertools.pairwise(history):
            if after.status is not before.status:
                assert after.status in allowed_next(before.status), (before.status, after.status)
        assert (history[-1].status, history[-1].mark) == (measure.status, measure.mark)
    assert {line.status for line in lines} == set(MeasureStatus)


def test_progress_derived_from_the_demo_is_not_all_zero(database: Database) -> None:
    DemoService(database=database).generate(dialogues=N, seed=6)
    chain = ChainService(uow=lambda: _uow(database), today=lambda: date(2026, 1, 12))
    with database.session_factory() as session:
        promise_ids = session.scalars(select(t.Promise.id)).all()
    progress = [chain.promise_progress(promise_id) for promise_id in promise_ids]
    assert all(p.measure_count for p in progress)
    assert sum(p.followed_up for p in progress) > 0
    assert any((p.done_share or 0) > 0 for p in progress)
    assert {p.worst_mark for p in progress} - {None}
    assert {p.state for p in progress} >= {ProgressState.NOT_STARTED, ProgressState.IN_PROGRESS}


def _problem_subjects(session: Session) -> dict[uuid.UUID, tuple[str, str]]:
    """Return each demo problem's theme and place, read back from its title and location."""
    subjects = {}
    for problem in session.scalars(select(t.Problem)):
        place = problem.location.split(", ")[0]
        words = demo_content.place_words(place)
        themes = [
            theme
            for theme, (title, _) in demo_content.PROBLEMS.items()
            if title.format(**words) == problem.title
        ]
        assert len(themes) == 1, problem.title
        subjects[problem.id] = (themes[0], place)
    return subjects


def test_every_default_theme_has_an_action_plan_naming_its_place() -> None:
    assert set(demo_content.FOCUS_ACTION_PLANS) == set(DEFAULT_THEMES)
    for theme, plan in demo_content.FOCUS_ACTION_PLANS.items():
        assert 3 <= len(plan) <= 4, theme
        titles = [title for _, (title, _, _) in plan]
        assert len(set(titles)) == len(titles), theme
        for cause, (title, goal, responsible) in plan:
            named = title.format(**demo_content.place_words("Platsen"))
            assert "Platsen" in named and cause and goal and responsible, title


def test_measures_and_causes_fit_their_focus_areas_theme_and_place(database: Database) -> None:
    DemoService(database=database).generate(dialogues=N, seed=6)
    with database.session_factory() as session:
        subjects = _problem_subjects(session)
        focus = set(
            session.execute(select(t.PromiseProblem.promise_id, t.PromiseProblem.problem_id))
        )
        analysed = dict(
            session.execute(select(t.RootCauseAnalysis.id, t.RootCauseAnalysis.problem_id)).all()
        )
        causes = {c.id: c for c in session.scalars(select(t.Cause))}
        measures = session.scalars(select(t.Measure)).all()
    # Every cause is one of its problem's theme, at its place.
    for cause in causes.values():
        theme, place = subjects[analysed[cause.analysis_id]]
        words = demo_content.place_words(place)
        texts = {text.format(**words) for text, _ in demo_content.FOCUS_ACTION_PLANS[theme]}
        assert cause.text in texts, (theme, cause.text)
    assert measures
    for measure in measures:
        assert measure.problem_id is not None
        assert (measure.promise_id, measure.problem_id) in focus
        theme, place = subjects[measure.problem_id]
        words = demo_content.place_words(place)
        plan = {
            (cause.format(**words), title.format(**words)): (goal, responsible)
            for cause, (title, goal, responsible) in demo_content.FOCUS_ACTION_PLANS[theme]
        }
        # The measure is its theme's, names the focus area's own place and, where the
        # focus area was analysed, answers the cause it is filed under.
        assert measure.title in {title for _, title in plan}, (theme, measure.title)
        assert place in measure.title
        if measure.cause_id is not None:
            cause = causes[measure.cause_id]
            assert analysed[cause.analysis_id] == measure.problem_id
            assert plan[cause.text, measure.title] == (
                measure.operational_goal,
                measure.responsible,
            )
    assert len({subjects[m.problem_id][0] for m in measures if m.problem_id}) >= 3
    # A focus area never lists the same measure twice in one promise.
    rows = Counter((m.promise_id, m.problem_id, m.title) for m in measures)
    assert max(rows.values()) == 1


def test_themes_without_an_action_plan_take_the_general_causes_and_measures(
    database: Database,
) -> None:
    with _uow(database) as uow:
        for number, theme in enumerate(uow.session.scalars(select(t.Theme)), start=1):
            theme.name = f"Eget tema {number}"
        uow.commit()
    DemoService(database=database).generate(dialogues=N, seed=6)
    with database.session_factory() as session:
        problems = {p.id: p for p in session.scalars(select(t.Problem))}
        causes = session.scalars(select(t.Cause.text)).all()
        measures = session.scalars(select(t.Measure)).all()
        analyses = session.scalars(select(t.RootCauseAnalysis)).all()
    assert causes and set(causes) <= set(demo_content.CAUSES)
    assert measures
    for measure in measures:
        assert measure.problem_id is not None
        place = problems[measure.problem_id].location.split(", ")[0]
        words = demo_content.place_words(place)
        general = {title.format(**words) for title, _, _ in demo_content.MEASURES}
        assert measure.title in general, measure.title
    # The analyses and timings are the general ones too, at each problem's own place.
    assert analyses
    for analysis in analyses:
        problem = problems[analysis.problem_id]
        place, kommun = problem.location.split(", ")
        assert problem.timing in demo_content.GENERAL_TIMINGS
        assert _analysis_fields(analysis) == _expected_analysis(
            demo_content.ANALYSIS_TEXTS, place, problem.timing, kommun
        )
        assert place in analysis.scanning and place in analysis.place


def _analysis_fields(analysis: t.RootCauseAnalysis) -> dict[str, str]:
    return {name: getattr(analysis, name) for name in demo_content.ANALYSIS_TEXTS}


def _expected_analysis(
    texts: dict[str, str], place: str, timing: str, kommun: str
) -> dict[str, str]:
    when = timing[0].lower() + timing[1:]
    words = demo_content.place_words(place)
    return {
        name: texts[name].format(**words, when=when, k=kommun)
        for name in demo_content.ANALYSIS_TEXTS
    }


def test_places_are_named_with_the_preposition_swedish_puts_before_them() -> None:
    assert demo_content.place_words("Stortorget")["at"] == "på Stortorget"
    assert demo_content.place_words("Busstationen")["at"] == "vid Busstationen"
    assert demo_content.place_words("Stadsparken")["at"] == "i Stadsparken"
    assert demo_content.place_words("Badplatsen")["at"] == "vid Badplatsen"
    assert demo_content.place_words("Östra området") == {
        "p": "Östra området",
        "at": "i Östra området",
        "around": "i Östra området",
    }
    assert demo_content.place_words("Biblioteket")["around"] == "i området kring Biblioteket"
    # A place the user added, unknown to the demo's list.
    assert demo_content.place_words("Skatehallen")["at"] == "vid Skatehallen"


def test_every_default_theme_has_its_places_timings_and_analysis() -> None:
    demo_places = {name for name, _, _ in demo_content.PLACES}
    fields = set(demo_content.ANALYSIS_TEXTS)
    assert set(demo_content.THEME_PLACES) == set(DEFAULT_THEMES)
    assert set(demo_content.PROBLEM_TIMINGS) == set(DEFAULT_THEMES)
    assert set(demo_content.THEME_ANALYSES) == set(DEFAULT_THEMES)
    for theme in DEFAULT_THEMES:
        places = demo_content.THEME_PLACES[theme]
        assert places and set(places) <= demo_places, theme
        # Three timings, as the general ones: the draw must take the same random numbers.
        assert len(demo_content.PROBLEM_TIMINGS[theme]) == len(demo_content.GENERAL_TIMINGS)
        texts = demo_content.THEME_ANALYSES[theme]
        assert set(texts) == fields, theme
        for place in places:
            written = _expected_analysis(texts, place, "Kvällar och helger", "Eslöv")
            assert all(written.values()), theme
            assert place in written["scanning"] and place in written["place"], (theme, place)
    # Each theme's analysis is its own, not the general one with another name.
    scannings = {texts["scanning"] for texts in demo_content.THEME_ANALYSES.values()}
    assert len(scannings) == len(DEFAULT_THEMES)
    assert demo_content.ANALYSIS_TEXTS["scanning"] not in scannings


def test_problems_lie_at_their_themes_usual_places_and_are_analysed_by_theme(
    database: Database,
) -> None:
    DemoService(database=database).generate(dialogues=N, seed=6)
    with database.session_factory() as session:
        subjects = _problem_subjects(session)
        problems = {p.id: p for p in session.scalars(select(t.Problem))}
        kommun_places: dict[str, set[str]] = {}
        for name, code in session.execute(select(t.Place.name, t.Place.municipality_code)):
            kommun_places.setdefault(code, set()).add(name)
        analyses = session.scalars(select(t.RootCauseAnalysis)).all()
    preferred_seen = 0
    for problem_id, (theme, place) in subjects.items():
        problem = problems[problem_id]
        assert problem.municipality_code is not None
        own = kommun_places[problem.municipality_code]
        assert place in own
        usual = own & set(demo_content.THEME_PLACES[theme])
        if usual:
            assert place in usual, (theme, place)
            preferred_seen += 1
        assert problem.timing in demo_content.PROBLEM_TIMINGS[theme]
    assert preferred_seen >= len(subjects) - 1
    assert analyses
    for analysis in analyses:
        theme, place = subjects[analysis.problem_id]
        problem = problems[analysis.problem_id]
        kommun = problem.location.split(", ")[1]
        expected = _expected_analysis(
            demo_content.THEME_ANALYSES[theme], place, problem.timing, kommun
        )
        assert _analysis_fields(analysis) == expected, theme
        assert place in analysis.scanning and place in analysis.place
    assert len({subjects[a.problem_id][0] for a in analyses}) >= 3


def test_a_kommun_without_its_themes_usual_places_places_the_problem_anywhere(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(demo_content.THEME_PLACES, "Narkotika", ("Månbasen",))
    with database.engine.connect() as connection:
        source = read_source(connection)
    source = replace(source, themes=tuple(n for n in source.themes if n[1] == "Narkotika"))
    names: set[str] = set()
    titles: list[str] = []
    for batch in generate_batches(source, dialogues=N, seed=6):
        rows = [dict(zip(batch.columns, row, strict=True)) for row in batch.rows]
        if batch.table == "place":
            names |= {str(row["name"]) for row in rows}
        elif batch.table == "problem":
            titles += [str(row["title"]) for row in rows]
    assert titles
    assert all(title.startswith("Narkotikaförsäljning ") for title in titles)
    assert all(title.split(" ", 2)[-1] in names for title in titles), titles


def test_where_problems_lie_leaves_the_dialogues_and_concerns_as_they_were(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The benchmarks' numbers rest on the concerns: preferring places for problems must
    not move the random stream that the dialogues and concerns are drawn from."""
    with database.engine.connect() as connection:
        source = read_source(connection)
    bulk = ("dialogue", "dialogue_place", "concern", "problem_concern")

    def rows_of(tables: tuple[str, ...]) -> dict[str, list[tuple[object, ...]]]:
        found: dict[str, list[tuple[object, ...]]] = {name: [] for name in tables}
        for batch in generate_batches(source, dialogues=N, seed=6):
            if batch.table in found:
                found[batch.table] += batch.rows
        return found

    preferred = rows_of((*bulk, "problem"))
    monkeypatch.setattr(demo_content, "THEME_PLACES", {})
    anywhere = rows_of((*bulk, "problem"))
    assert preferred["problem"] != anywhere["problem"]
    assert all(preferred[name] == anywhere[name] for name in bulk)

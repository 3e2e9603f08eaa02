"""Migrations: head equals the models, old schemas upgrade (with a backup), current opens fast."""

import shutil
import sqlite3
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kommunpolis.composition import build_services
from kommunpolis.paths import resolve_paths
from kommunpolis.storage import migrate
from kommunpolis.storage.backup import PRE_MIGRATION_PREFIX
from kommunpolis.storage.database import (
    APPLICATION_ID,
    create_sqlite_engine,
    open_database,
    read_schema_state,
)
from kommunpolis.storage.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from kommunpolis.storage.tables import Base

SCHEMAS = Path(__file__).parents[1] / "fixtures" / "schemas"
SCHEMA_DUMPS = sorted(SCHEMAS.glob("*.sql"))


def _revision(path: Path) -> str | None:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def _database_at(path: Path, revision: str) -> Path:
    """Make an empty database at an old ``revision``, marked as ours like open_database does."""
    engine = create_sqlite_engine(path)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA journal_mode=WAL")
        connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        connection.commit()
    migrate.upgrade_to_head(engine, revision)
    engine.dispose()
    return path


def test_known_revisions_match_the_migration_scripts() -> None:
    assert list(KNOWN_REVISIONS) == migrate.script_revisions()
    assert migrate.script_revisions()[-1] == HEAD_REVISION


def test_upgrade_head_on_an_empty_file_equals_the_models(head_database: Path) -> None:
    engine = create_sqlite_engine(head_database)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_name": migrate.is_modelled}
            )
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_the_model_comparison_notices_a_difference(tmp_path: Path, head_database: Path) -> None:
    # Guards the test above: a schema that lacks one index must not compare equal.
    engine = create_sqlite_engine(shutil.copy(head_database, tmp_path / "changed.sqlite"))
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("DROP INDEX ix_problem_status")
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_name": migrate.is_modelled}
            )
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert [d[0] for d in differences] == ["add_index"]


def test_every_released_schema_has_a_fixture() -> None:
    assert [path.stem for path in SCHEMA_DUMPS] == [r for r in KNOWN_REVISIONS if r != "0001"]


@pytest.mark.parametrize("dump", SCHEMA_DUMPS, ids=lambda path: path.stem)
def test_released_schema_fixture_opens_with_data_intact(tmp_path: Path, dump: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir()
    connection = sqlite3.connect(paths.database)
    connection.executescript(dump.read_text(encoding="utf-8"))
    connection.close()
    assert _revision(paths.database) == dump.stem

    services = build_services(paths, busy_timeout_ms=200)
    try:
        assert _revision(paths.database) == HEAD_REVISION
        if dump.stem != HEAD_REVISION:
            assert services.database.migrated_from == dump.stem
        profile = services.profiles.current()
        assert profile is not None
        assert profile.name == "Fixture Fredriksson"
        assert profile.device_id == uuid.UUID("0190f5a0-c0de-7000-8000-00000000d001")
        assert profile.municipality_codes == ("0180",)
        counts = {c.kind: (c.live, c.tombstoned) for c in services.records.stats()}
        assert counts["problem"] == (1, 1)
        assert counts["dialogue"] == (1, 0)
        assert counts["concern"] == (1, 0)
        assert counts["theme"] == (2, 0)
        (dialogue,) = services.records.list("dialogues")
        assert (dialogue.title, dialogue.status) == ("Trygghetsvandring Södermalm", "held")
        (problem,) = services.records.list("problems")
        assert problem.status == "prioritised"
        assert services.maintenance.check().ok
        # An old record can still move on through its lifecycle.
        services.records.change_status("problems", problem.id, "analysed")
        # The clock continues above the revisions stored in the old file.
        assert services.clock.tick() > (1_793_523_600_000 << 16) + 10
    finally:
        services.close()
    connection = sqlite3.connect(paths.database)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()


def test_an_old_database_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    database = _database_at(tmp_path / "kommunpolis.sqlite", "0001")
    backups = tmp_path / "backups"

    opened = open_database(database, backup_dir=backups, busy_timeout_ms=200)
    opened.close()

    assert opened.migrated_from == "0001"
    assert _revision(database) == HEAD_REVISION
    (backup,) = backups.iterdir()
    assert backup.name.startswith(f"{PRE_MIGRATION_PREFIX}0001-")
    assert read_schema_state(backup).revision == "0001"
    connection = sqlite3.connect(backup)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # 0002 adds the kommuner; the backup is of the file before that.
        assert connection.execute("SELECT count(*) FROM municipality").fetchone()[0] == 0
    finally:
        connection.close()
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("SELECT count(*) FROM municipality").fetchone()[0] == 290
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def test_a_current_database_is_not_backed_up_again(tmp_path: Path, head_database: Path) -> None:
    database = tmp_path / "kommunpolis.sqlite"
    database.write_bytes(head_database.read_bytes())
    opened = open_database(database, backup_dir=tmp_path / "backups")
    opened.close()
    assert opened.migrated_from is None
    assert not (tmp_path / "backups").exists()


def test_a_new_database_is_marked_as_ours(tmp_path: Path) -> None:
    database = tmp_path / "new.sqlite"
    opened = open_database(database, backup_dir=tmp_path / "backups")
    opened.close()
    assert opened.migrated_from is None
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()
    assert not (tmp_path / "backups").exists()


def test_a_current_database_opens_without_importing_alembic(head_database: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from kommunpolis.composition import build_services
        from kommunpolis.paths import resolve_paths
        from kommunpolis.storage.database import open_database

        database = open_database(Path({str(head_database)!r}), backup_dir=Path("unused"))
        database.close()
        print("after open_database:", "alembic" in sys.modules)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "after open_database: False"


def test_the_alembic_probe_would_notice_alembic(tmp_path: Path) -> None:
    # Guards the test above: opening an old file does load Alembic in the same probe.
    database = _database_at(tmp_path / "old.sqlite", "0001")
    script = (
        "import sys; from pathlib import Path;"
        "from kommunpolis.storage.database import open_database;"
        f"open_database(Path({str(database)!r}), backup_dir=Path({str(tmp_path / 'b')!r}));"
        "print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "True"


def test_a_migration_that_fails_half_way_leaves_the_old_schema_untouched(
    tmp_path: Path,
) -> None:
    """DDL is inside the migration's transaction: nothing of a failed upgrade stays."""
    dump = SCHEMAS / "0006.sql"
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir()
    connection = sqlite3.connect(paths.database)
    connection.executescript(dump.read_text(encoding="utf-8"))
    # An object in the way of 0007's last step, after its tables and triggers are made.
    connection.execute("CREATE INDEX ix_commitment_problem_id ON theme (name)")
    connection.commit()
    tables_before = _objects(connection)
    connection.close()

    engine = create_sqlite_engine(paths.database)
    with pytest.raises(Exception, match="ix_commitment_problem_id"):
        migrate.upgrade_to_head(engine)
    engine.dispose()

    connection = sqlite3.connect(paths.database)
    try:
        assert _objects(connection) == tables_before
        connection.execute("DROP INDEX ix_commitment_problem_id")
        connection.commit()
    finally:
        connection.close()
    assert _revision(paths.database) == "0006"
    services = build_services(paths, busy_timeout_ms=200)  # and the upgrade now goes through
    services.close()
    assert _revision(paths.database) == HEAD_REVISION


def _objects(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    return sorted(connection.execute("SELECT type, name FROM sqlite_master").fetchall())

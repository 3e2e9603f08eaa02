"""Bad files and a hostile environment give typed errors and one clear line; files stay intact."""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kommunpolis.composition import Services, build_services
from kommunpolis.domain.errors import (
    DatabaseCorrupt,
    DatabaseFull,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
)
from kommunpolis.paths import AppPaths, resolve_paths
from kommunpolis.storage import tables as t
from kommunpolis.storage.database import open_database


def _assert_one_line_error(code: int, err: str, path: Path, fragment: str) -> None:
    assert code == 1
    assert "Traceback" not in err
    assert err.startswith("kommunpolis: ")
    assert err.count("\n") == 1, err
    assert str(path) in err
    assert fragment in err


def _run_subprocess(*args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KOMMUNPOLIS_BUSY_TIMEOUT_MS": "200"}
    env.pop("KOMMUNPOLIS_DATA_DIR", None)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "kommunpolis", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def _closed_database_with_records(services: Services, sample: object) -> Path:
    with services.unit_of_work() as uow:
        uow.session.add_all(
            t.Problem(title=f"Problem {i}", description="x" * 500) for i in range(200)
        )
        uow.commit()
    services.close()
    return services.paths.database


# --- not a database, or not ours -----------------------------------------------------


def test_garbage_bytes_are_refused_untouched(empty_paths: AppPaths, run_cli) -> None:
    empty_paths.data_dir.mkdir()
    garbage = bytes(range(256)) * 40
    empty_paths.database.write_bytes(garbage)

    with pytest.raises(DatabaseCorrupt):
        open_database(empty_paths.database, backup_dir=empty_paths.backups)
    for command in (["stats"], ["init", "--name", "A", "--role", "officer"], ["check"]):
        result = run_cli(*command, data_dir=empty_paths.data_dir)
        _assert_one_line_error(result.code, result.err, empty_paths.database, "damaged")
    assert empty_paths.database.read_bytes() == garbage
    assert not empty_paths.backups.exists()


def test_a_damaged_database_is_refused_untouched(services: Services, sample, run_cli) -> None:
    database = _closed_database_with_records(services, sample)
    data = bytearray(database.read_bytes())
    page = 4096
    middle = len(data) // page // 2
    data[(middle - 5) * page : (middle + 5) * page] = b"\xab" * (10 * page)
    # Damage the schema pages too, as a disk error would.
    data[page : 3 * page] = b"\xcd" * (2 * page)
    database.write_bytes(bytes(data))

    result = run_cli("stats")
    _assert_one_line_error(result.code, result.err, database, "damaged")
    assert database.read_bytes() == bytes(data)


def test_a_database_with_damaged_data_pages_fails_check(
    services: Services, sample, run_cli
) -> None:
    database = _closed_database_with_records(services, sample)
    data = bytearray(database.read_bytes())
    page = 4096
    last_pages = len(data) // page
    data[(last_pages - 20) * page : (last_pages - 10) * page] = b"\xab" * (10 * page)
    database.write_bytes(bytes(data))

    result = run_cli("check")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert result.err.count("\n") == 1
    assert str(database) in result.err
    assert database.read_bytes() == bytes(data)


def test_a_truncated_database_is_refused(services: Services, sample, run_cli) -> None:
    database = _closed_database_with_records(services, sample)
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 3])

    result = run_cli("list", "problems")
    _assert_one_line_error(result.code, result.err, database, "damaged")
    assert database.read_bytes() == data[: len(data) // 3]


def test_another_apps_database_is_refused_untouched(empty_paths: AppPaths, run_cli) -> None:
    empty_paths.data_dir.mkdir()
    connection = sqlite3.connect(empty_paths.database)
    connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    connection.execute("INSERT INTO moz_places (url) VALUES ('https://polisen.se')")
    connection.commit()
    connection.close()
    before = empty_paths.database.read_bytes()

    with pytest.raises(DatabaseCorrupt, match="not a Kommunpolis database"):
        open_database(empty_paths.database, backup_dir=empty_paths.backups)
    result = run_cli("init", "--name", "A", "--role", "officer", data_dir=empty_paths.data_dir)
    _assert_one_line_error(result.code, result.err, empty_paths.database, "not a Kommunpolis")
    assert empty_paths.database.read_bytes() == before


def test_our_mark_without_a_schema_revision_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "kommunpolis.sqlite"
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA application_id=1263554380")
    connection.execute("CREATE TABLE problem (id TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseCorrupt, match="without a schema revision"):
        open_database(database, backup_dir=tmp_path / "backups")


def test_an_empty_file_becomes_a_new_database(empty_paths: AppPaths, run_cli) -> None:
    empty_paths.data_dir.mkdir()
    empty_paths.database.touch()
    result = run_cli("init", "--name", "A", "--role", "officer", data_dir=empty_paths.data_dir)
    assert result.code == 0, result.err


# --- a newer app's database -----------------------------------------------------------


def test_a_database_from_a_newer_app_is_refused_byte_for_byte(paths: AppPaths, run_cli) -> None:
    connection = sqlite3.connect(paths.database)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = paths.database.read_bytes()

    with pytest.raises(DatabaseTooNew) as caught:
        open_database(paths.database, backup_dir=paths.backups)
    assert caught.value.revision == "9999"
    result = run_cli("init", "--name", "A", "--role", "officer")
    _assert_one_line_error(result.code, result.err, paths.database, "'9999'")
    assert "newer" in result.err
    assert paths.database.read_bytes() == before
    assert not paths.backups.exists()


# --- locked by another program ---------------------------------------------------------


@pytest.fixture
def exclusive_lock(services: Services) -> Iterator[sqlite3.Connection]:
    """Another connection holding an exclusive (write) transaction on the database."""
    holder = sqlite3.connect(services.paths.database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield holder
    finally:
        holder.rollback()
        holder.close()


def test_a_write_while_locked_is_database_locked(services: Services, exclusive_lock) -> None:
    started = time.monotonic()
    with pytest.raises(DatabaseLocked) as caught, services.unit_of_work() as uow:
        uow.session.add(t.Problem(title="Väntar"))
        uow.commit()
    assert caught.value.path == services.paths.database
    assert time.monotonic() - started < 3


def test_cli_write_while_locked_fails_fast_with_one_line(
    services: Services, exclusive_lock, run_cli
) -> None:
    started = time.monotonic()
    result = run_cli("init", "--name", "B", "--role", "officer", "--replace")
    _assert_one_line_error(result.code, result.err, services.paths.database, "locked")
    assert time.monotonic() - started < 3
    # WAL lets readers carry on while another program writes.
    assert run_cli("stats").code == 0
    assert services.profiles.current().name == "Anna Andersson"


def test_cli_process_while_locked_exits_1_on_stderr(services: Services, exclusive_lock) -> None:
    result = _run_subprocess(
        "init", "--data-dir", str(services.paths.data_dir), "--name", "B", "--role", "officer",
        "--replace",
    )  # fmt: skip
    _assert_one_line_error(result.returncode, result.stderr, services.paths.database, "locked")
    assert result.stdout == ""


# --- read-only files and folders --------------------------------------------------------


def _unprivileged_prefix() -> tuple[str, ...]:
    """Return a command prefix under which file permissions apply, even for root."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be enforced")
    # Root without these capabilities obeys mode bits (root's own interpreter, under
    # /root, stays readable, which running as 'nobody' would not allow).
    return ("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--")


@pytest.fixture
def read_only_home() -> Iterator[Path]:
    """A folder outside pytest's private tmp tree, removed (made writable first) afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="kommunpolis-ro-"))
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(folder)


def test_read_only_database_is_refused_unchanged(read_only_home: Path, head_database) -> None:
    prefix = _unprivileged_prefix()
    paths = resolve_paths(read_only_home / "data")
    paths.data_dir.mkdir()
    shutil.copyfile(head_database, paths.database)
    paths.database.chmod(0o444)
    paths.data_dir.chmod(0o555)
    before = paths.database.read_bytes()

    result = _run_subprocess(
        "--data-dir", str(paths.data_dir), "init", "--name", "A", "--role", "officer",
        prefix=prefix,
    )  # fmt: skip

    _assert_one_line_error(result.returncode, result.stderr, paths.database, "cannot be written")
    assert paths.database.read_bytes() == before
    assert sorted(p.name for p in paths.data_dir.iterdir()) == ["kommunpolis.sqlite"]


def test_read_only_parent_folder_is_refused(read_only_home: Path) -> None:
    prefix = _unprivileged_prefix()
    read_only_home.chmod(0o555)
    paths = resolve_paths(read_only_home / "data")

    result = _run_subprocess(
        "--data-dir", str(paths.data_dir), "init", "--name", "A", "--role", "officer",
        prefix=prefix,
    )  # fmt: skip

    _assert_one_line_error(result.returncode, result.stderr, paths.database, "cannot be written")
    assert not paths.data_dir.exists()


def test_read_only_parent_folder_in_process(tmp_path: Path, monkeypatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(DatabaseReadOnly):
        open_database(tmp_path / "new" / "kommunpolis.sqlite", backup_dir=tmp_path / "b")


# --- a full disk ------------------------------------------------------------------------


def test_a_full_disk_is_database_full_and_nothing_is_half_written(services: Services) -> None:
    with pytest.raises(DatabaseFull) as caught, services.unit_of_work() as uow:
        connection = uow.session.connection()
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
        # The connection may not grow the file: SQLite reports "database or disk is full".
        connection.exec_driver_sql(f"PRAGMA max_page_count={pages}")
        uow.session.add_all(t.Problem(title="x" * 190, description="y" * 1000) for _ in range(500))
        uow.commit()
    assert caught.value.path == services.paths.database
    counts = {c.kind: c.live for c in services.records.stats()}
    assert counts["problem"] == 0


# --- paths that look like URL syntax ------------------------------------------------------


def test_a_data_dir_with_url_characters_is_used_as_named(tmp_path: Path, run_cli) -> None:
    # Regression: "file:{path}?mode=ro" and "sqlite:///{path}" read '#' and '?' as URL syntax,
    # so the database landed in a file named after the text before them.
    parent = tmp_path / "url"
    folder = parent / "polis #1?%20 ö"
    assert run_cli("init", "--name", "A", "--role", "officer", data_dir=folder).code == 0
    for command in ("check", "stats", "backup"):
        result = run_cli(command, data_dir=folder)
        assert result.code == 0, result.err
    assert sorted(p.name for p in parent.iterdir()) == [folder.name]
    assert (folder / "kommunpolis.sqlite").is_file()
    assert len(list((folder / "backups").iterdir())) == 1
    services = build_services(resolve_paths(folder))
    try:
        assert services.profiles.current() is not None
    finally:
        services.close()

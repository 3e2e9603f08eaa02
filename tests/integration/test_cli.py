"""The command line: every command, its output and its exit codes."""

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from kommunpolis.composition import Services, build_services
from kommunpolis.paths import AppPaths
from kommunpolis.storage import tables as t

INIT = ("init", "--name", "Anna Andersson", "--role", "officer", "--kommun", "0180")


def _subprocess(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != "KOMMUNPOLIS_DATA_DIR"}
    return subprocess.run(
        [sys.executable, "-m", "kommunpolis", *args],
        capture_output=True,
        text=True,
        env={**base, "KOMMUNPOLIS_BUSY_TIMEOUT_MS": "200", **(env or {})},
        timeout=60,
    )


def _count(database: Path, table: str) -> int:
    connection = sqlite3.connect(database)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


# --- init -------------------------------------------------------------------------------


def test_init_creates_the_database_and_profile(empty_paths: AppPaths, run_cli) -> None:
    result = run_cli(*INIT, "--lpo", "City", data_dir=empty_paths.data_dir)
    assert result.code == 0, result.err
    assert result.err == ""
    assert "Profile created: Anna Andersson (officer), kommuner: 0180" in result.out
    assert str(empty_paths.database) in result.out
    services = build_services(empty_paths)
    try:
        profile = services.profiles.current()
        assert profile is not None
        assert (profile.name, profile.district_name) == ("Anna Andersson", "City")
        assert profile.municipality_codes == ("0180",)
        assert f"Device: {profile.device_id}" in result.out
    finally:
        services.close()


def test_init_refuses_an_existing_profile_and_replace_replaces(paths: AppPaths, run_cli) -> None:
    assert run_cli(*INIT).code == 0
    refused = run_cli("init", "--name", "Bo", "--role", "coordinator")
    assert refused.code == 1
    assert refused.err == (
        "kommunpolis: a profile for 'Anna Andersson' already exists; use --replace to replace it\n"
    )
    device_before = _device(paths)

    replaced = run_cli("init", "--name", "Bo", "--role", "coordinator", "--replace")
    assert replaced.code == 0, replaced.err
    assert "Profile created: Bo (coordinator), kommuner: -" in replaced.out
    assert _device(paths) == device_before
    assert _count(paths.database, "profile") == 1
    assert _count(paths.database, "profile_municipality") == 0


def _device(paths: AppPaths) -> uuid.UUID:
    services = build_services(paths)
    try:
        profile = services.profiles.current()
        assert profile is not None
        return profile.device_id
    finally:
        services.close()


def test_init_with_an_unknown_kommun_exits_1(paths: AppPaths, run_cli) -> None:
    result = run_cli("init", "--name", "A", "--role", "officer", "--kommun", "0000")
    assert result.code == 1
    assert result.err == "kommunpolis: kommun: unknown kommun code(s): 0000\n"
    assert _count(paths.database, "profile") == 0


def test_init_with_a_blank_name_exits_1(run_cli) -> None:
    result = run_cli("init", "--name", "  ", "--role", "officer")
    assert (result.code, result.err) == (1, "kommunpolis: name: a name is required\n")


@pytest.mark.parametrize(
    "args",
    [
        ("init", "--role", "officer"),
        ("init", "--name", "A", "--role", "chief"),
        ("list", "gnomes"),
        ("list", "problems", "--limit", "0"),
        ("status", "problems", "not-a-uuid", "closed"),
        ("status", "places", str(uuid.UUID(int=1)), "closed"),
        ("frobnicate",),
    ],
)
def test_bad_usage_exits_2_without_touching_anything(empty_paths: AppPaths, run_cli, args) -> None:
    result = run_cli(*args, data_dir=empty_paths.data_dir)
    assert result.code == 2
    assert "usage:" in result.err
    assert "Traceback" not in result.err
    assert not empty_paths.data_dir.exists()


# --- stats and list -----------------------------------------------------------------------


def test_stats_json_counts_live_and_deleted(services: Services, sample, run_cli) -> None:
    services.records.delete("promises", sample.promise)
    result = run_cli("stats", "--json")
    assert result.code == 0
    counts = json.loads(result.out)
    assert counts["dialogue"] == {"live": 1, "tombstoned": 0}
    assert counts["promise"] == {"live": 0, "tombstoned": 1}
    assert counts["concern"] == {"live": 0, "tombstoned": 0}
    assert set(counts) == {c.kind for c in services.records.stats()}


def test_stats_text_is_a_table(services: Services, sample, run_cli) -> None:
    lines = run_cli("stats").out.splitlines()
    assert lines[0].split() == ["kind", "live", "deleted"]
    assert "problem 1 0" in [" ".join(line.split()) for line in lines]


def test_list_json_deleted_and_limit(services: Services, sample, run_cli) -> None:
    for index in range(3):
        with services.unit_of_work() as uow:
            uow.session.add(t.Problem(title=f"Extra {index}"))
            uow.commit()
    services.records.delete("problems", sample.problem)

    live = json.loads(run_cli("list", "problems", "--json").out)
    assert [row["title"] for row in live] == ["Extra 2", "Extra 1", "Extra 0"]
    assert all(row["deleted"] is False and row["status"] == "identified" for row in live)

    everything = json.loads(run_cli("list", "problems", "--json", "--deleted").out)
    assert len(everything) == 4
    (deleted,) = [row for row in everything if row["deleted"]]
    assert deleted["id"] == str(sample.problem)

    limited = json.loads(run_cli("list", "problems", "--json", "--limit", "2").out)
    assert [row["title"] for row in limited] == ["Extra 2", "Extra 1"]


def test_list_text_marks_deleted(services: Services, sample, run_cli) -> None:
    services.records.delete("problems", sample.problem)
    assert run_cli("list", "problems").out == ""
    (line,) = run_cli("list", "problems", "--deleted").out.splitlines()
    assert line.startswith(str(sample.problem))
    assert line.endswith("Oro vid busstorget (deleted)")


# --- status -----------------------------------------------------------------------------


def test_status_moves_one_allowed_step(services: Services, sample, run_cli) -> None:
    result = run_cli("status", "dialogues", str(sample.dialogue), "held")
    assert result.code == 0, result.err
    assert result.out.split()[:2] == [str(sample.dialogue), "held"]
    assert services.records.get("dialogues", sample.dialogue).status == "held"


def test_status_invalid_jump_exits_1_and_changes_nothing(
    services: Services, sample, run_cli
) -> None:
    result = run_cli("status", "promises", str(sample.promise), "closed")
    assert result.code == 1
    assert result.err == (
        "kommunpolis: a promises cannot go from 'draft' to 'closed' (allowed next: signed)\n"
    )
    assert services.records.get("promises", sample.promise).status == "draft"


def test_status_unknown_value_exits_1(services: Services, sample, run_cli) -> None:
    result = run_cli("status", "problems", str(sample.problem), "solved")
    assert result.code == 1
    assert result.err.startswith("kommunpolis: status: 'solved' is not one of identified")


def test_status_unknown_id_exits_1(services: Services, run_cli) -> None:
    missing = uuid.UUID("0190f5a0-c0de-7000-8000-000000000000")
    result = run_cli("status", "problems", str(missing), "prioritised")
    assert (result.code, result.err) == (1, f"kommunpolis: no problems with id {missing}\n")


# --- check ------------------------------------------------------------------------------


def test_check_ok(services: Services, sample, run_cli) -> None:
    result = run_cli("check")
    assert (result.code, result.out) == (0, f"{services.paths.database}: ok\n")


def test_check_lists_a_foreign_key_violation(services: Services, sample, run_cli) -> None:
    connection = sqlite3.connect(services.paths.database)
    connection.execute("PRAGMA foreign_keys=OFF")
    connection.execute(
        "UPDATE problem SET municipality_code = '9999' WHERE id = ?", (sample.problem.bytes,)
    )
    connection.commit()
    connection.close()

    result = run_cli("check")
    assert result.code == 1
    (line,) = result.out.splitlines()
    assert line.startswith("problem row ")
    assert "→ municipality" in line
    assert result.err == f"kommunpolis: {services.paths.database}: 1 problem(s) found\n"


def test_check_reports_a_missing_attachment_blob(
    services: Services, sample, run_cli, tmp_path: Path
) -> None:
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"\xff\xd8 not really a jpeg")
    sha256, size = services.attachments.put(source)
    with services.unit_of_work() as uow:
        uow.session.add(
            t.Attachment(
                owner_kind="problem",
                owner_id=sample.problem,
                sha256=sha256,
                filename="photo.jpg",
                size=size,
            )
        )
        uow.commit()
    assert run_cli("check").code == 0

    services.attachments.path_for(sha256).unlink()
    result = run_cli("check")
    assert result.code == 1
    assert result.out == f"attachment {sha256} is missing or damaged\n"
    assert "1 problem(s) found" in result.err


# --- backups ------------------------------------------------------------------------------


def test_backup_default_explicit_file_and_folder(
    services: Services, sample, run_cli, tmp_path: Path
) -> None:
    default = run_cli("backup")
    assert default.code == 0, default.err
    (made,) = services.paths.backups.iterdir()
    assert made.name.startswith("manual-")
    assert f"Backup written: {made}" in default.out

    explicit = tmp_path / "copies" / "mine.sqlite"
    assert run_cli("backup", str(explicit)).code == 0
    assert _count(explicit, "problem") == 1

    folder = tmp_path / "folder"
    folder.mkdir()
    assert run_cli("backup", str(folder)).code == 0
    (in_folder,) = folder.iterdir()
    assert in_folder.name.startswith("manual-")
    assert _count(in_folder, "dialogue") == 1


def test_backup_is_consistent_while_another_connection_writes(
    services: Services, sample, run_cli, tmp_path: Path
) -> None:
    writer = sqlite3.connect(services.paths.database, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM dialogue")
    try:
        target = tmp_path / "during-write.sqlite"
        result = run_cli("backup", str(target))
        assert result.code == 0, result.err
    finally:
        writer.rollback()
        writer.close()
    connection = sqlite3.connect(target)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        connection.close()
    # The uncommitted delete is not in the copy; everything committed is.
    for table in ("dialogue", "problem", "promise", "theme", "municipality", "profile"):
        assert _count(target, table) == _count(services.paths.database, table), table
    assert not list(tmp_path.glob("*.partial"))


def test_backups_lists_newest_first(services: Services, run_cli, tmp_path: Path) -> None:
    assert run_cli("backups").out == "No backups yet.\n"
    run_cli("backup", str(services.paths.backups / "first.sqlite"))
    first = services.paths.backups / "first.sqlite"
    os.utime(first, (1_700_000_000, 1_700_000_000))
    run_cli("backup")
    lines = run_cli("backups").out.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith(".sqlite") and "manual-" in lines[0]
    assert lines[1].endswith(str(first))


def test_backups_works_when_the_database_cannot_open(empty_paths: AppPaths, run_cli) -> None:
    empty_paths.backups.mkdir(parents=True)
    empty_paths.database.write_bytes(b"garbage" * 100)
    (empty_paths.backups / "daily-2026-01-01.sqlite").write_bytes(b"x")
    result = run_cli("backups", data_dir=empty_paths.data_dir)
    assert result.code == 0
    assert "daily-2026-01-01.sqlite" in result.out


def test_restore_replaces_the_database_and_keeps_the_old_one(
    services: Services, sample, run_cli, tmp_path: Path
) -> None:
    backup = tmp_path / "before.sqlite"
    assert run_cli("backup", str(backup)).code == 0
    services.records.delete("problems", sample.problem)
    services.close()

    result = run_cli("restore", str(backup))
    assert result.code == 0, result.err
    assert "The replaced database was kept as" in result.out
    restored = build_services(services.paths)
    try:
        assert {c.kind: c.tombstoned for c in restored.records.stats()}["problem"] == 0
    finally:
        restored.close()
    (kept,) = services.paths.backups.glob("replaced-*.sqlite")
    connection = sqlite3.connect(kept)
    try:
        assert connection.execute(
            "SELECT count(*) FROM problem WHERE deleted_at IS NOT NULL"
        ).fetchone() == (1,)
    finally:
        connection.close()


def test_restore_refuses_a_file_that_is_not_a_backup(
    services: Services, run_cli, tmp_path: Path
) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"not a database" * 50)
    before = services.paths.database.read_bytes()
    result = run_cli("restore", str(bogus))
    assert result.code == 1
    assert str(bogus) in result.err
    assert services.paths.database.read_bytes() == before


# --- where the data lives ---------------------------------------------------------------


def test_data_dir_before_or_after_the_subcommand(tmp_path: Path, run_cli) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    assert run_cli("--data-dir", str(before), *INIT, data_dir=Path("<no --data-dir>")).code == 0
    assert run_cli(*INIT, "--data-dir", str(after), data_dir=Path("<no --data-dir>")).code == 0
    assert (before / "kommunpolis.sqlite").is_file()
    assert (after / "kommunpolis.sqlite").is_file()


def test_environment_variable_chooses_the_data_dir(
    tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "from-env"
    monkeypatch.setenv("KOMMUNPOLIS_DATA_DIR", str(chosen))
    assert run_cli(*INIT, data_dir=Path("<no --data-dir>")).code == 0
    assert (chosen / "kommunpolis.sqlite").is_file()
    # An explicit --data-dir still wins.
    explicit = tmp_path / "explicit"
    assert run_cli("stats", data_dir=explicit).code == 0
    assert (explicit / "kommunpolis.sqlite").is_file()


def test_demo_command(empty_paths: AppPaths, run_cli) -> None:
    assert run_cli(*INIT, data_dir=empty_paths.data_dir).code == 0
    result = run_cli("demo", "--dialogues", "3", data_dir=empty_paths.data_dir)
    assert result.code == 0, result.err


# --- as a real process --------------------------------------------------------------------


def test_process_init_stats_and_errors(tmp_path: Path) -> None:
    data = tmp_path / "data"
    created = _subprocess(*INIT, env={"KOMMUNPOLIS_DATA_DIR": str(data)})
    assert created.returncode == 0, created.stderr
    assert created.stderr == ""

    stats = _subprocess("stats", "--json", "--data-dir", str(data))
    assert stats.returncode == 0
    assert json.loads(stats.stdout)["theme"]["live"] > 0

    again = _subprocess(*INIT, "--data-dir", str(data))
    assert again.returncode == 1
    assert again.stderr.count("\n") == 1
    assert "--replace" in again.stderr

    usage = _subprocess("list", "gnomes", "--data-dir", str(data))
    assert usage.returncode == 2
    assert "invalid choice: 'gnomes'" in usage.stderr
    assert "Traceback" not in usage.stderr


def test_process_version() -> None:
    from kommunpolis import __version__

    result = _subprocess("--version")
    assert (result.returncode, result.stdout) == (0, f"kommunpolis {__version__}\n")

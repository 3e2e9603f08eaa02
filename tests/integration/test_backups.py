"""Backups: consistent copies, daily rotation, listing."""

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from kommunpolis.composition import Services
from kommunpolis.domain.errors import BackupFailed
from kommunpolis.storage.backup import backup_file, daily_backup, list_backups
from kommunpolis.storage.database import read_schema_state
from kommunpolis.storage.schema_version import HEAD_REVISION


def test_daily_backup_keeps_only_the_newest_n(services: Services, sample) -> None:
    database, folder = services.paths.database, services.paths.backups
    start = date(2026, 3, 1)
    for offset in range(6):
        made = daily_backup(database, folder, keep=3, today=start + timedelta(days=offset))
        assert made is not None
        assert made.name == f"daily-{(start + timedelta(days=offset)).isoformat()}.sqlite"
    assert sorted(p.name for p in folder.iterdir()) == [
        "daily-2026-03-04.sqlite",
        "daily-2026-03-05.sqlite",
        "daily-2026-03-06.sqlite",
    ]
    newest = folder / "daily-2026-03-06.sqlite"
    assert read_schema_state(newest).revision == HEAD_REVISION


def test_a_second_daily_backup_on_the_same_day_makes_nothing(services: Services) -> None:
    database, folder = services.paths.database, services.paths.backups
    today = date(2026, 3, 1)
    first = daily_backup(database, folder, keep=7, today=today)
    assert first is not None
    stamp = first.stat().st_mtime_ns
    assert daily_backup(database, folder, keep=7, today=today) is None
    assert list(folder.iterdir()) == [first]
    assert first.stat().st_mtime_ns == stamp


def test_rotation_leaves_other_backups_alone(services: Services) -> None:
    folder = services.paths.backups
    manual = backup_file(services.paths.database, folder / "manual-20260101T000000Z.sqlite")
    for day in range(1, 4):
        daily_backup(services.paths.database, folder, keep=1, today=date(2026, 3, day))
    assert sorted(p.name for p in folder.iterdir()) == [
        "daily-2026-03-03.sqlite",
        manual.name,
    ]


def test_maintenance_daily_backup_returns_a_view_once(services: Services) -> None:
    first = services.maintenance.daily_backup()
    assert first is not None
    assert first.size == first.path.stat().st_size > 0
    assert services.maintenance.daily_backup() is None
    assert [b.path for b in services.maintenance.backups()] == [first.path]


def test_a_backup_copy_has_the_same_content(services: Services, sample, tmp_path: Path) -> None:
    target = backup_file(services.paths.database, tmp_path / "copy.sqlite")
    source = sqlite3.connect(services.paths.database)
    copy = sqlite3.connect(target)
    try:
        for table in ("dialogue", "problem", "promise", "theme", "profile", "municipality"):
            query = f"SELECT * FROM {table} ORDER BY 1"
            assert copy.execute(query).fetchall() == source.execute(query).fetchall()
    finally:
        source.close()
        copy.close()
    assert not Path(f"{target}-wal").exists()


def test_a_failed_backup_leaves_no_partial_file(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"\x00not sqlite" * 500)
    target = tmp_path / "out" / "copy.sqlite"
    with pytest.raises(BackupFailed) as caught:
        backup_file(garbage, target)
    assert caught.value.target == target
    assert list((tmp_path / "out").iterdir()) == []


def test_list_backups_is_empty_without_a_folder(tmp_path: Path) -> None:
    assert list_backups(tmp_path / "missing") == []


def test_manual_backups_in_quick_succession_never_replace_each_other(services: Services) -> None:
    first = services.maintenance.backup()
    second = services.maintenance.backup()
    assert first.path != second.path
    assert first.path.exists() and second.path.exists()

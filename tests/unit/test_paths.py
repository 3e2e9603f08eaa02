"""Where the app keeps its files: --data-dir, then $KOMMUNPOLIS_DATA_DIR, then platformdirs."""

from pathlib import Path

from kommunpolis.paths import DATA_DIR_ENV, resolve_paths


def test_explicit_dir_wins_over_the_environment(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "a", environ={DATA_DIR_ENV: str(tmp_path / "b")})
    assert paths.data_dir == tmp_path / "a"


def test_environment_is_used_without_an_explicit_dir(tmp_path: Path) -> None:
    assert resolve_paths(None, environ={DATA_DIR_ENV: str(tmp_path / "b")}).data_dir == (
        tmp_path / "b"
    )


def test_default_is_an_absolute_user_data_dir() -> None:
    paths = resolve_paths(None, environ={})
    assert paths.data_dir.is_absolute()
    assert paths.data_dir.name == "Kommunpolis"


def test_relative_dirs_become_absolute() -> None:
    assert resolve_paths("rel/dir", environ={}).data_dir == Path.cwd() / "rel" / "dir"


def test_files_live_inside_the_data_dir(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path)
    assert paths.database == tmp_path / "kommunpolis.sqlite"
    assert paths.backups == tmp_path / "backups"
    assert paths.attachments == tmp_path / "attachments"
    assert paths.logs == tmp_path / "logs"

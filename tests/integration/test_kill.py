"""SIGKILL during import and export (subprocesses): all or nothing, and check passes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.integration.conftest import CliResult

DRIVER = Path(__file__).with_name("kill_driver.py")
ROOT = Path(__file__).parents[2]

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() (POSIX)")


def _ok(run_cli: object, folder: Path, *args: str) -> str:
    result: CliResult = run_cli(*args, data_dir=folder)  # type: ignore[operator]
    assert result.code == 0, result.err
    return result.out


def _drive(*args: str) -> list[dict[str, object]]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "KOMMUNPOLIS_BUSY_TIMEOUT_MS": "2000"}
    finished = subprocess.run(
        [sys.executable, str(DRIVER), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    return [json.loads(line) for line in finished.stdout.splitlines()]


@pytest.fixture
def pair(run_cli: object, tmp_path: Path) -> tuple[Path, Path, str]:
    """Anna (with a demo dataset) and Carl, who trust each other; Carl's device id."""
    anna, carl = tmp_path / "anna", tmp_path / "carl"
    for folder, name in ((anna, "Anna"), (carl, "Carl")):
        _ok(run_cli, folder, "init", "--name", name, "--role", "officer", "--kommun", "0180")
        _ok(run_cli, folder, "keys", "export", str(tmp_path / f"{name}.kpid"))
    _ok(run_cli, anna, "keys", "trust", str(tmp_path / "Carl.kpid"))
    _ok(run_cli, carl, "keys", "trust", str(tmp_path / "Anna.kpid"))
    _ok(run_cli, anna, "demo", "--dialogues", "60", "--seed", "4")
    device = json.loads(_ok(run_cli, carl, "keys", "show", "--json"))["device_id"]
    return anna, carl, device


def test_an_import_killed_anywhere_leaves_all_or_nothing(
    pair: tuple[Path, Path, str], run_cli: object, tmp_path: Path
) -> None:
    anna, carl, device = pair
    bundle = tmp_path / "anna.kpb"
    _ok(run_cli, anna, "export", str(bundle), "--to", device)
    work = tmp_path / "work"
    work.mkdir()
    lines = _drive("import", str(carl), str(bundle), str(work), "100", "7")
    trials = lines[1:]
    assert all(trial["check"] == 0 for trial in trials), "kommunpolis check failed after a kill"
    states = Counter(str(trial["state"]) for trial in trials)
    assert states["partial"] == 0, states
    killed = sum(1 for trial in trials if trial["killed"])
    assert killed == 100, f"only {killed} of {len(trials)} runs were killed before they ended"
    # The kills must really land inside the import, not only before or after it.
    assert states["unchanged"] > 10, states


def test_an_export_killed_anywhere_never_leaves_a_bad_bundle(
    pair: tuple[Path, Path, str], tmp_path: Path
) -> None:
    anna, _carl, device = pair
    work = tmp_path / "out"
    work.mkdir()
    trials = _drive("export", str(anna), device, str(work), "25", "11")[1:]
    for trial in trials:
        if trial["exists"]:
            assert trial["verify"] == 0, trial
    assert sum(1 for trial in trials if trial["killed"]) == 25

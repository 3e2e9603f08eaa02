"""Two officers and a coordinator — three data dirs — exchange bundles with the CLI."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.integration.conftest import CliResult


def _cli(run_cli: object, folder: Path, *args: str) -> CliResult:
    result: CliResult = run_cli(*args, data_dir=folder)  # type: ignore[operator]
    return result


def _ok(run_cli: object, folder: Path, *args: str) -> str:
    result = _cli(run_cli, folder, *args)
    assert result.code == 0, result.err
    return result.out


def test_officers_and_a_coordinator_exchange_bundles_with_the_cli(
    run_cli: object, tmp_path: Path
) -> None:
    anna, bo, carl = (tmp_path / name for name in ("anna", "bo", "carl"))
    names = {anna: "Anna Andersson", bo: "Bo Berg", carl: "Carl Carlsson"}
    for folder, name in names.items():
        role = "coordinator" if folder == carl else "officer"
        _ok(run_cli, folder, "init", "--name", name, "--role", role, "--kommun", "0180")
        _ok(run_cli, folder, "keys", "export", str(tmp_path / f"{folder.name}.kpid"))
    devices = {}
    for folder in names:
        devices[folder] = json.loads(_ok(run_cli, folder, "keys", "show", "--json"))["device_id"]
        for other in names:
            if other != folder:
                _ok(run_cli, folder, "keys", "trust", str(tmp_path / f"{other.name}.kpid"))
    _ok(run_cli, anna, "demo", "--dialogues", "3", "--seed", "1")
    _ok(run_cli, bo, "demo", "--dialogues", "2", "--seed", "2")

    for officer in (anna, bo):
        bundle = tmp_path / f"{officer.name}-1.kpb"
        _ok(run_cli, officer, "export", str(bundle), "--to", devices[carl])
        preview = json.loads(_ok(run_cli, carl, "import", str(bundle), "--dry-run", "--json"))
        assert preview["applied"] is False and preview["bundles"][0]["counts"]["new"] > 20
        text = _ok(run_cli, carl, "import", str(bundle))
        assert "records were:" in text and "conflicting" in text
        again = _ok(run_cli, carl, "import", str(bundle))
        assert "already imported" in again and "nothing changed" in again

    stats = {
        folder: json.loads(_ok(run_cli, folder, "stats", "--json")) for folder in (anna, bo, carl)
    }
    live = {folder: counts["dialogue"]["live"] for folder, counts in stats.items()}
    assert live[carl] == live[anna] + live[bo] > 0
    # The imports counted the lägesbild's months as they went: nothing is left queued.
    queued = sqlite3.connect(carl / "kommunpolis.sqlite")
    try:
        assert queued.execute("SELECT count(*) FROM situation_tally_pending").fetchone()[0] == 0
        assert queued.execute("SELECT count(*) FROM situation_tally").fetchone()[0] > 0
    finally:
        queued.close()
    received = json.loads(_ok(run_cli, carl, "received", "--json"))
    assert sorted(sender["name"] for sender in received["senders"]) == ["Anna Andersson", "Bo Berg"]
    assert received["gaps"] == []
    assert _ok(run_cli, carl, "check").strip() != ""

    # Anna's second bundle goes missing: the coordinator is told which one.
    _ok(run_cli, anna, "export", str(tmp_path / "lost.kpb"), "--to", devices[carl])
    _ok(run_cli, anna, "export", str(tmp_path / "anna-3.kpb"), "--to", devices[carl])
    text = _ok(run_cli, carl, "import", str(tmp_path / "anna-3.kpb"))
    assert "Missing: bundle 2 from Anna Andersson" in text
    assert "Missing: bundle 2 from Anna Andersson" in _ok(run_cli, carl, "received")
    assert "No open conflicts." in _ok(run_cli, carl, "conflicts")

    # A receipt goes back to Anna, who sees what arrived.
    receipt = tmp_path / "receipt.kpb"
    text = _ok(run_cli, carl, "import", str(tmp_path / "lost.kpb"), "--receipt", str(receipt))
    assert "Receipt for 1 bundles written" in text
    assert "Missing" not in text
    assert "No receipts have come back yet." in _ok(run_cli, anna, "deliveries")
    assert "receipt: your bundle 2 was imported" in _ok(run_cli, anna, "import", str(receipt))
    deliveries = json.loads(_ok(run_cli, anna, "deliveries", "--json"))
    assert [(d["sequence"], d["receiver"]["name"]) for d in deliveries] == [(2, "Carl Carlsson")]
    assert "already imported" in _ok(run_cli, anna, "import", str(receipt))


def test_import_refuses_bad_input_with_one_line(run_cli: object, tmp_path: Path) -> None:
    folder = tmp_path / "carl"
    _ok(run_cli, folder, "init", "--name", "Carl", "--role", "coordinator", "--kommun", "0180")
    junk = tmp_path / "junk.kpb"
    junk.write_bytes(b"not a bundle at all")
    result = _cli(run_cli, folder, "import", str(junk))
    assert result.code == 1 and result.err.count("\n") == 1 and "not a ZIP" in result.err
    missing = _cli(
        run_cli, folder, "resolve", "0190aaaa-0000-7000-8000-000000000000", "--keep", "other"
    )
    assert missing.code == 1 and "no open conflict" in missing.err


@pytest.mark.parametrize("args", [["import"], ["resolve", "x", "--keep", "other"]])
def test_import_usage_errors_exit_2(run_cli: object, tmp_path: Path, args: list[str]) -> None:
    assert _cli(run_cli, tmp_path, *args).code == 2

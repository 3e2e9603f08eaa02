"""Kill imports and exports with SIGKILL at random moments; report what was left.

Run by tests/integration/test_kill.py as a subprocess (never collected by pytest):

    python kill_driver.py import RECEIVER_TEMPLATE_DIR BUNDLE WORK_DIR KILLS SEED
    python kill_driver.py export SENDER_DIR RECIPIENT_DEVICE WORK_DIR KILLS SEED

Runs go on until KILLS of them were killed before they ended (at most 3 × KILLS runs).

Each trial forks a child (the modules are imported once, before any database is
opened, so every child starts as fast as the work itself) that runs the real CLI
command, sleeps the parent a random time within the command's measured duration,
kills the child with SIGKILL and inspects what remains. One JSON object per trial
goes to stdout.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kommunpolis.cli import main
from kommunpolis.storage.kinds import all_record_tables

RECORD_TABLES = sorted(model.__tablename__ for model in all_record_tables())


def _digest(database: Path) -> tuple[str, int]:
    """Return a digest of every synced record and the number of imported bundles."""
    connection = sqlite3.connect(database)
    try:
        digest = hashlib.sha256()
        for table in RECORD_TABLES:
            for row in connection.execute(f"SELECT * FROM {table} ORDER BY id"):
                digest.update(repr(row).encode())
        received = connection.execute("SELECT count(*) FROM received_bundle").fetchone()[0]
        return digest.hexdigest(), received
    finally:
        connection.close()


def _run(argv: list[str]) -> int:
    return main(argv, out=io.StringIO())


def _child(argv: list[str]) -> None:
    # A new process image would re-import everything; the forked child runs the command.
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (the process ends here)
    code = _run(argv)
    os._exit(code)


def _fork(argv: list[str]) -> int:
    pid = os.fork()
    if pid == 0:
        _child(argv)
    return pid


def _timed(argv: list[str]) -> tuple[int, float]:
    started = time.perf_counter()
    pid = _fork(argv)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), time.perf_counter() - started


def _duration(argv: list[str], reset: Callable[[], None]) -> float:
    """Return the shortest of three full runs: kills land within the work itself."""
    times = []
    for _ in range(3):
        reset()
        code, seconds = _timed(argv)
        assert code == 0, "the command itself fails"
        times.append(seconds)
    return min(times)


def _check(data_dir: Path) -> int:
    return _run(["--data-dir", str(data_dir), "check"])


def kill_imports(template: Path, bundle: Path, work: Path, kills: int, seed: int) -> None:
    """Kill ``import BUNDLE`` into copies of ``template``; report each copy's state."""
    rng = random.Random(seed)
    before = _digest(template / "kommunpolis.sqlite")
    reference = work / "reference"

    def fresh() -> None:
        shutil.rmtree(reference, ignore_errors=True)
        shutil.copytree(template, reference)

    duration = _duration(["--data-dir", str(reference), "import", str(bundle)], fresh)
    after = _digest(reference / "kommunpolis.sqlite")
    print(json.dumps({"duration": duration}), flush=True)
    killed_so_far = 0
    for trial in range(3 * kills):
        if killed_so_far >= kills:
            break
        target = work / f"trial-{trial}"
        shutil.copytree(template, target)
        pid = _fork(["--data-dir", str(target), "import", str(bundle)])
        time.sleep(rng.uniform(0, duration * 0.9))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status)
        killed_so_far += killed
        check = _check(target)
        state = _digest(target / "kommunpolis.sqlite")
        result = "unchanged" if state == before else "updated" if state == after else "partial"
        print(json.dumps({"trial": trial, "killed": killed, "state": result, "check": check}))
        sys.stdout.flush()
        shutil.rmtree(target)


def kill_exports(sender: Path, recipient: str, work: Path, kills: int, seed: int) -> None:
    """Kill ``export`` runs; report whether the file left behind (if any) verifies."""
    rng = random.Random(seed)
    target = work / "out.kpb"
    argv = ["--data-dir", str(sender), "export", str(target), "--to", recipient, "--full"]
    duration = _duration(argv, lambda: target.unlink(missing_ok=True))
    print(json.dumps({"duration": duration}), flush=True)
    killed_so_far = 0
    for trial in range(3 * kills):
        if killed_so_far >= kills:
            break
        target.unlink(missing_ok=True)
        pid = _fork(argv)
        time.sleep(rng.uniform(0, duration * 0.9))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        killed_so_far += os.WIFSIGNALED(status)
        verify = (
            _run(["--data-dir", str(sender), "verify", str(target)]) if target.exists() else None
        )
        leftovers = sorted(p.name for p in work.iterdir() if p.name != target.name)
        print(
            json.dumps(
                {
                    "trial": trial,
                    "killed": os.WIFSIGNALED(status),
                    "exists": target.exists(),
                    "verify": verify,
                    "leftovers": leftovers,
                }
            ),
            flush=True,
        )
        for name in leftovers:
            (work / name).unlink()


if __name__ == "__main__":
    mode, first, second, folder, count, seed_text = sys.argv[1:7]
    if mode == "import":
        kill_imports(Path(first), Path(second), Path(folder), int(count), int(seed_text))
    else:
        kill_exports(Path(first), second, Path(folder), int(count), int(seed_text))

"""Benchmark the foundation: demo generation against raw sqlite3, opening, file size, one save.

For each dataset size, in fresh temporary directories:

(a) ``DemoService.generate`` end to end into a newly created and migrated database,
    against raw ``sqlite3.executemany`` of exactly the same rows (generated beforehand,
    outside the timing) into an identical copy of that database, in one transaction
    and with the app's pragmas (foreign keys on, synchronous=FULL). Target: ≤ 2.5×.
(b) ``open_database`` on the existing, current file (median), and whether Alembic was
    imported by it (checked in a fresh interpreter).
(c) the database file size after a WAL checkpoint.
(d) one user's single save: one Dialogue through the ORM unit of work, durable commit.

Medians over the repeats are printed as a Markdown table and written to
``bench/out/foundation.md``.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    DialogueKind,
    ParticipationLevel,
    Role,
)
from kommunpolis.services.demo import (
    DemoService,
    RowBatch,
    generate_batches,
    insert_statement,
    read_source,
)
from kommunpolis.services.profiles import ProfileService
from kommunpolis.storage import tables as t
from kommunpolis.storage.database import Database, open_database
from kommunpolis.storage.unit_of_work import UnitOfWork
from kommunpolis.sync.clock import HybridLogicalClock

OUT = Path(__file__).parent / "out" / "foundation.md"
DEFAULT_SIZES = (1_000, 10_000, 100_000)
DEFAULT_REPEATS = {1_000: 5, 10_000: 3, 100_000: 3}
TARGET_RATIO = 2.5
SEED = 1
OPEN_REPEATS = 21
SAVE_REPEATS = 50

OPEN_CHECK = """
import sys, pathlib
from kommunpolis.storage.database import open_database
path = pathlib.Path(sys.argv[1])
open_database(path, backup_dir=path.parent / "backups").close()
print("alembic" in sys.modules)
"""


@dataclass(frozen=True)
class Result:
    """Medians for one dataset size."""

    dialogues: int
    records: int
    repeats: int
    generate_s: float
    demo_s: float
    raw_s: float
    open_ms: float
    alembic_imported: bool
    size_mb: float
    save_ms: float

    @property
    def ratio(self) -> float:
        """Demo time over raw executemany time."""
        return self.demo_s / self.raw_s


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _uow(database: Database) -> UnitOfWork:
    return UnitOfWork(
        session_factory=database.session_factory, clock=HybridLogicalClock(), path=database.path
    )


def _new_database(folder: Path) -> Database:
    """Create, migrate and give a profile to a database in ``folder``."""
    database = open_database(folder / "kommunpolis.sqlite", backup_dir=folder / "backups")
    ProfileService(uow=lambda: _uow(database)).create(name="Bänk Bänksson", role=Role.OFFICER)
    return database


def _checkpoint(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _raw_insert(path: Path, batches: list[RowBatch], statements: dict[str, str]) -> float:
    """Insert the batches with plain sqlite3 in one transaction; return the seconds taken."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        # The same per-connection pragmas as the app's engine, so only the Python differs.
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA busy_timeout=5000")
        connection.execute("PRAGMA synchronous=FULL")
        start = time.perf_counter()
        connection.execute("BEGIN")
        for batch in batches:
            connection.executemany(statements[batch.table], batch.rows)
        connection.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        connection.close()


def _single_saves(database: Database, count: int) -> list[float]:
    """Time ``count`` separate durable transactions, each saving one new Dialogue."""
    times = []
    for number in range(count):
        start = time.perf_counter()
        with _uow(database) as uow:
            uow.session.add(
                t.Dialogue(
                    title=f"Trygghetsvandring {number}",
                    kind=DialogueKind.CITIZEN,
                    format=DialogueFormat.SAFETY_WALK,
                    participation_level=ParticipationLevel.CONSULTATION,
                    starts_at=datetime(2026, 2, 1, 18, tzinfo=UTC),
                    municipality_code="1285",
                )
            )
            uow.commit()
        times.append(time.perf_counter() - start)
    return times


def _alembic_imported(path: Path) -> bool:
    completed = subprocess.run(
        [sys.executable, "-c", OPEN_CHECK, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return completed.stdout.strip() == "True"


def measure(dialogues: int, repeats: int) -> Result:
    """Run every measurement for one size; return the medians."""
    demo_times, raw_times, generate_times, open_times, save_times = [], [], [], [], []
    sizes, records = [], 0
    alembic = True
    for repeat in range(1, repeats + 1):
        with tempfile.TemporaryDirectory(prefix="kommunpolis-bench-") as tmp:
            folder = Path(tmp)
            demo_dir, raw_dir = folder / "demo", folder / "raw"
            demo_dir.mkdir()
            raw_dir.mkdir()
            database = _new_database(demo_dir)
            database.close()
            _checkpoint(database.path)
            shutil.copyfile(database.path, raw_dir / database.path.name)

            # The raw side's rows: exactly what the demo will write, made beforehand.
            database = open_database(database.path, backup_dir=demo_dir / "backups")
            with database.engine.connect() as connection:
                source = read_source(connection)
                start = time.perf_counter()
                batches = list(generate_batches(source, dialogues=dialogues, seed=SEED))
                generate_times.append(time.perf_counter() - start)
                statements = {
                    b.table: insert_statement(connection, b.table, b.columns) for b in batches
                }
            records = sum(len(batch.rows) for batch in batches)

            start = time.perf_counter()
            summary = DemoService(database=database).generate(dialogues=dialogues, seed=SEED)
            demo_times.append(time.perf_counter() - start)
            assert summary.total == records, "demo and raw rows differ"
            raw_times.append(_raw_insert(raw_dir / database.path.name, batches, statements))
            del batches

            save_times.extend(_single_saves(database, SAVE_REPEATS))
            database.close()
            _checkpoint(database.path)
            sizes.append(database.path.stat().st_size / 1_000_000)

            for _ in range(OPEN_REPEATS if repeat == 1 else 3):
                start = time.perf_counter()
                open_database(database.path, backup_dir=demo_dir / "backups").close()
                open_times.append(time.perf_counter() - start)
            if repeat == 1:
                alembic = _alembic_imported(database.path)
        _log(
            f"  {dialogues} dialogues, run {repeat}/{repeats}: demo {demo_times[-1]:.2f} s, "
            f"raw {raw_times[-1]:.2f} s, ratio {demo_times[-1] / raw_times[-1]:.2f}"
        )
    return Result(
        dialogues=dialogues,
        records=records,
        repeats=repeats,
        generate_s=statistics.median(generate_times),
        demo_s=statistics.median(demo_times),
        raw_s=statistics.median(raw_times),
        open_ms=statistics.median(open_times) * 1000,
        alembic_imported=alembic,
        size_mb=statistics.median(sizes),
        save_ms=statistics.median(save_times) * 1000,
    )


def render(results: list[Result]) -> str:
    """Return the Markdown report."""
    lines = [
        "# Foundation benchmark",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · Python {platform.python_version()} · "
        f"SQLite {sqlite3.sqlite_version} · {platform.system()} {platform.machine()} · "
        f"seed {SEED} · medians",
        "",
        "| dialogues | records | runs | demo (s) | records/s | generate only (s) "
        "| raw executemany (s) | demo/raw | open + check (ms) | alembic imported "
        "| file (MB) | single save (ms) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---:|",
    ]
    for r in results:
        verdict = "✓" if r.ratio <= TARGET_RATIO else "✗"
        lines.append(
            f"| {r.dialogues:,} | {r.records:,} | {r.repeats} | {r.demo_s:.2f} "
            f"| {r.records / r.demo_s:,.0f} | {r.generate_s:.2f} | {r.raw_s:.2f} "
            f"| {r.ratio:.2f}× {verdict} | {r.open_ms:.1f} "
            f"| {'yes' if r.alembic_imported else 'no'} "
            f"| {r.size_mb:.1f} | {r.save_ms:.2f} |"
        )
    lines += [
        "",
        f"- demo: `DemoService.generate` end to end (generation + inserts, one transaction); "
        f"target demo/raw ≤ {TARGET_RATIO}×.",
        "- raw: `sqlite3.executemany` of the same rows, generated beforehand, into an identical "
        "copy of the fresh database, one transaction, foreign keys on, synchronous=FULL.",
        "- generate only: producing the rows without writing them (part of the demo time).",
        "- open + check: `open_database` on the current file (no migration); alembic imported: "
        "whether that open loaded Alembic, checked in a fresh interpreter.",
        "- file: database size after a WAL checkpoint.",
        f"- single save: one Dialogue through the ORM unit of work, durable commit "
        f"(WAL, synchronous=FULL), median of {SAVE_REPEATS} per run.",
        "",
    ]
    return "\n".join(lines)


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=_sizes, default=DEFAULT_SIZES, help="dialogue counts, e.g. 1000,10000"
    )
    parser.add_argument(
        "--repeats", type=int, default=None, help="runs per size (default 5/3/3 by size)"
    )
    args = parser.parse_args(argv)
    results = []
    for dialogues in args.sizes:
        repeats = args.repeats or DEFAULT_REPEATS.get(dialogues, 3)
        _log(f"foundation: {dialogues} dialogues × {repeats}")
        results.append(measure(dialogues, repeats))
    report = render(results)
    print(report)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(report, encoding="utf-8")
    _log(f"written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

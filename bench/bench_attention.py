"""Benchmark the attention board (Översikt) on a large demo database.

Builds a demo database once in a temporary directory (``--dialogues``, default
100 000, about 500 000 concerns) or opens an existing one (``--data-dir``), then times,
as medians over ``--repeats`` runs after one warm-up run:

- ``AttentionService.board()`` over every kommun (the page's first load; target ≤ 300 ms);
- ``board([code])`` for one kommun (the kommun filter);
- ``counts_per_municipality()`` (the table "per kommun", loaded after the board).

The first, cold call of ``board()`` is reported too. The report is printed as Markdown
and written to ``bench/out/attention.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from demo_cache import demo_paths
from sqlalchemy import func, select

from kommunpolis.composition import build_services
from kommunpolis.domain.vocabulary import Role
from kommunpolis.paths import AppPaths
from kommunpolis.services.attention import AttentionService, Section
from kommunpolis.services.demo import DemoService
from kommunpolis.storage.tables import Concern, Dialogue

OUT = Path(__file__).parent / "out" / "attention.md"
DEFAULT_DIALOGUES = 100_000
DEFAULT_REPEATS = 11
TARGET_BOARD_MS = 300.0
SEED = 1
# Shortly after the demo dataset's "now" (2026-01-01), so that every section has items.
TODAY = date(2026, 1, 12)


@dataclass(frozen=True)
class Timing:
    """Medians and spread of one operation, in milliseconds."""

    name: str
    median_ms: float
    min_ms: float
    max_ms: float


@dataclass(frozen=True)
class Result:
    """Everything the report shows."""

    dialogues: int
    concerns: int
    repeats: int
    build_s: float
    cold_board_ms: float
    timings: tuple[Timing, ...]
    totals: tuple[tuple[Section, int], ...]
    kommuner: int
    load: float


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _time(name: str, function: Callable[[], object], repeats: int) -> Timing:
    function()  # warm-up: the first run pays for reading pages from disk
    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        runs.append((time.perf_counter() - started) * 1000)
    return Timing(name, statistics.median(runs), min(runs), max(runs))


def measure(dialogues: int, repeats: int, reuse: Path | None = None) -> Result:
    """Build the demo database (or open ``reuse``) and time the board on it."""
    with tempfile.TemporaryDirectory(prefix="kommunpolis-bench-attention-") as folder:
        paths = AppPaths(data_dir=reuse or Path(folder))
        started = time.perf_counter()
        services = build_services(paths)
        try:
            if reuse is None:
                services.profiles.create(name="Bänk Bänksson", role=Role.OFFICER)
                DemoService(database=services.database, clock=services.clock).generate(
                    dialogues=dialogues, seed=SEED
                )
            with services.unit_of_work() as uow:
                dialogues = uow.session.scalars(select(func.count()).select_from(Dialogue)).one()
                concerns = uow.session.scalars(select(func.count()).select_from(Concern)).one()
            build_s = time.perf_counter() - started
            _log(f"attention: demo database ready in {build_s:.1f} s")
            service = AttentionService(uow=services.unit_of_work, today=lambda: TODAY)
            load = os.getloadavg()[0]
            cold_started = time.perf_counter()
            board = service.board()
            cold_ms = (time.perf_counter() - cold_started) * 1000
            rows = service.counts_per_municipality()
            one_kommun = next(row.code for row in rows if row.code is not None)
            timings = (
                _time("board() — every kommun", service.board, repeats),
                _time(
                    f"board(['{one_kommun}']) — one kommun",
                    lambda: service.board([one_kommun]),
                    repeats,
                ),
                _time("counts_per_municipality()", service.counts_per_municipality, repeats),
            )
        finally:
            services.close()
    return Result(
        dialogues=dialogues,
        concerns=concerns,
        repeats=repeats,
        build_s=build_s,
        cold_board_ms=cold_ms,
        timings=timings,
        totals=tuple((section.section, section.total) for section in board.sections),
        kommuner=len(rows),
        load=load,
    )


def render(result: Result) -> str:
    """Return the Markdown report."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    board_ms = result.timings[0].median_ms
    verdict = "✓" if board_ms <= TARGET_BOARD_MS else "✗"
    lines = [
        "# Attention board benchmark",
        "",
        f"{stamp} · Python {platform.python_version()} · SQLite {sqlite3.sqlite_version} · "
        f"{platform.system()} {platform.machine()} · seed {SEED} · today = {TODAY.isoformat()}",
        "",
        f"Demo database: {result.dialogues:,} dialogues, {result.concerns:,} concerns, "
        f"{result.kommuner} kommuner (ready in {result.build_s:.1f} s; "
        f"load average {result.load:.1f} on {os.cpu_count()} CPUs at the start).",
        "",
        "| operation | median (ms) | min (ms) | max (ms) | runs |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {t.name} | {t.median_ms:.0f} | {t.min_ms:.0f} | {t.max_ms:.0f} | {result.repeats} |"
        for t in result.timings
    ]
    lines += [
        f"| board() — first, cold call | {result.cold_board_ms:.0f} | | | 1 |",
        "",
        f"Target: board() ≤ {TARGET_BOARD_MS:.0f} ms on 100 000 dialogues; here "
        f"{result.dialogues:,} dialogues: "
        f"{board_ms:.0f} ms {verdict}",
        "",
        "Totals on the board:",
        "",
        "| section | total |",
        "|---|---:|",
    ]
    lines += [f"| {section.value} | {total:,} |" for section, total in result.totals]
    lines += [
        "",
        "- board(): six sections, exact totals and the first 50 items each, in one read "
        "transaction; the count of concerns without a problem is computed as live minus "
        "linked, with corrections for tombstones (see `services/attention.py`).",
        "- counts_per_municipality(): every concern joined to its dialogue's kommun; it "
        "loads after the board, so the tiles show first.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dialogues", type=int, default=DEFAULT_DIALOGUES, metavar="N")
    parser.add_argument("--repeats", type=int, default=DEFAULT_REPEATS, metavar="N")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="time an existing demo data directory instead of building one (--dialogues unused)",
    )
    args = parser.parse_args(argv)
    _log(f"attention: {args.dialogues} dialogues × {args.repeats}")
    reuse = args.data_dir or demo_paths(args.dialogues).data_dir
    report = render(measure(args.dialogues, args.repeats, reuse))
    print(report)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(report, encoding="utf-8")
    _log(f"written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

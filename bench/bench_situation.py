"""Benchmark the lägesbild aggregation (``SituationService.summarize``) on the demo database.

Opens the shared 100 000-dialogue demo database (``bench/demo_cache.py``; or
``--data-dir``) and times, as medians over ``--repeats`` runs after one warm-up run,
the whole summary (themes with trend, places, theme at place, time patterns, formats,
time series, totals) for one year (2025) and three scopes: one kommun, a whole police
region (its kommuner), and everything; and for two periods that do not fall on whole
months (their ends are read from the concerns, the months between from the monthly
counts). Target: ≤ 300 ms median. It also times counting every month from scratch (what
the first lägesbild after the upgrade to schema 0007 does once). The report is printed
as Markdown and written to ``bench/out/situation.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from demo_cache import demo_paths

from kommunpolis.composition import Services, build_services
from kommunpolis.paths import AppPaths
from kommunpolis.services.situation import Period, Scope
from kommunpolis.storage import situation_tally

OUT = Path(__file__).parent / "out" / "situation.md"
DEFAULT_DIALOGUES = 100_000
DEFAULT_REPEATS = 7
TARGET_MS = 300.0
YEAR = Period(date(2025, 1, 1), date(2025, 12, 31))
WEEKS = Period(date(2025, 2, 20), date(2025, 5, 28))  # 14 weeks: a weekly series
SPRING = Period(date(2025, 2, 14), date(2025, 8, 15))
KOMMUN = "1285"  # Eslöv, in the demo's first district
REGION = "Syd"


@dataclass(frozen=True)
class Timing:
    """One scope's median and spread, in milliseconds, and what it aggregated."""

    name: str
    median_ms: float
    min_ms: float
    max_ms: float
    concerns: int
    dialogues: int


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def recount_all(services: Services) -> tuple[float, int]:
    """Queue every month and time counting them all; return (ms, months)."""
    with services.unit_of_work() as uow:
        driver = uow.session.connection().connection.driver_connection
        assert driver is not None
        situation_tally.queue_everything(driver)
        uow.commit()
    started = time.perf_counter()
    months = services.situation.update_counts()
    return (time.perf_counter() - started) * 1000, months


def measure(data_dir: Path, repeats: int) -> tuple[tuple[Timing, ...], tuple[float, int]]:
    """Time counting every month, then the summary for each scope and period."""
    services = build_services(AppPaths(data_dir=data_dir))
    try:
        service = services.situation
        recount = recount_all(services)
        _log(f"situation: counting every month: {recount[0]:.0f} ms")
        region = Scope.municipalities(service.municipality_codes_in_region(REGION))
        scopes = (
            (f"kommun {KOMMUN}, 2025", Scope.municipalities([KOMMUN]), YEAR),
            (f"police region {REGION}, 2025", region, YEAR),
            ("everything, 2025", Scope.everywhere(), YEAR),
            (f"police region {REGION}, 14 Feb–15 Aug 2025", region, SPRING),
            ("everything, 20 Feb–28 May 2025 (weekly)", Scope.everywhere(), WEEKS),
        )
        timings = []
        for name, scope, period in scopes:
            summary = service.summarize(scope, period)  # warm-up
            runs = []
            for _ in range(repeats):
                started = time.perf_counter()
                service.summarize(scope, period)
                runs.append((time.perf_counter() - started) * 1000)
            timing = Timing(
                name,
                statistics.median(runs),
                min(runs),
                max(runs),
                summary.totals.concerns,
                summary.totals.dialogues,
            )
            _log(f"situation: {name}: {timing.median_ms:.0f} ms")
            timings.append(timing)
        return tuple(timings), recount
    finally:
        services.close()


def render(timings: tuple[Timing, ...], recount: tuple[float, int], repeats: int) -> str:
    """Return the Markdown report."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Lägesbild aggregation benchmark",
        "",
        f"{stamp} · Python {platform.python_version()} · SQLite {sqlite3.sqlite_version} · "
        f"{platform.system()} {platform.machine()} · {os.cpu_count()} CPUs · "
        f"load {os.getloadavg()[0]:.1f}",
        "",
        "| scope and period | concerns | dialogues | median (ms) | min | max | runs | ≤ 300 ms |",
        "|---|---:|---:|---:|---:|---:|---:|:---:|",
    ]
    lines += [
        f"| {t.name} | {t.concerns:,} | {t.dialogues:,} | {t.median_ms:.0f} | "
        f"{t.min_ms:.0f} | {t.max_ms:.0f} | {repeats} | "
        f"{'✓' if t.median_ms <= TARGET_MS else '✗'} |"
        for t in timings
    ]
    lines += [
        "",
        f"Counting every month from scratch ({recount[1]:,} local months): "
        f"{recount[0]:,.0f} ms, once.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the report."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--dialogues", type=int, default=DEFAULT_DIALOGUES, metavar="N")
    parser.add_argument("--repeats", type=int, default=DEFAULT_REPEATS, metavar="N")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="an existing data directory")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or demo_paths(args.dialogues).data_dir
    timings, recount = measure(data_dir, args.repeats)
    report = render(timings, recount, args.repeats)
    print(report)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(report, encoding="utf-8")
    _log(f"written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

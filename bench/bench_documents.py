"""Benchmark making documents as PDF: a promise (medborgarlöfte) and a lägesbild.

Opens the shared 100 000-dialogue demo database (``bench/demo_cache.py``; or
``--data-dir``) and times, as medians over ``--repeats`` runs after one warm-up run,
what the Dokument menu does: build the document model (``DocumentService.build``, on
the database) and then render and write the PDF atomically (``ui.documents.write_pdf``,
Qt's PDF writer; the lägesbild's charts drawn with Qt Charts). The promise is the open,
published promise with the most measures; the lägesbild a district's (its aggregates
computed again over the district's kommuner for a year). Target for the promise: ≤ 1 s
median. The report is printed as Markdown and written to ``bench/out/documents.md``.
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
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from demo_cache import demo_paths
from sqlalchemy import func, select

from kommunpolis.composition import Services, build_services
from kommunpolis.domain.statuses import PromiseStatus
from kommunpolis.domain.vocabulary import Sensitivity, SituationScope
from kommunpolis.paths import AppPaths
from kommunpolis.services.documents import Document
from kommunpolis.storage import tables as t

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = Path(__file__).parent / "out" / "documents.md"
DEFAULT_DIALOGUES = 100_000
DEFAULT_REPEATS = 7
TARGET_MS = 1000.0


@dataclass(frozen=True)
class Timing:
    """One document's medians in milliseconds: the model, the PDF, both; and its size."""

    name: str
    build_ms: float
    write_ms: float
    total_ms: float
    max_total_ms: float
    pages: int
    size: int
    target_ms: float | None


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _promise(services: Services) -> uuid.UUID:
    with services.unit_of_work() as uow:
        found = uow.session.scalars(
            select(t.Promise.id)
            .join(t.Measure, t.Measure.promise_id == t.Promise.id)
            .where(
                t.Promise.deleted_at.is_(None),
                t.Promise.status == PromiseStatus.PUBLISHED,
                t.Promise.sensitivity == Sensitivity.OPEN,
                t.Measure.deleted_at.is_(None),
            )
            .group_by(t.Promise.id)
            .order_by(func.count().desc(), t.Promise.id)
        ).first()
    if found is None:
        raise SystemExit("the demo database has no open, published promise")
    return found


def _picture(services: Services) -> uuid.UUID:
    with services.unit_of_work() as uow:
        found = uow.session.scalars(
            select(t.SituationPicture.id)
            .where(
                t.SituationPicture.deleted_at.is_(None),
                t.SituationPicture.scope == SituationScope.DISTRICT,
            )
            .order_by(t.SituationPicture.period_end.desc(), t.SituationPicture.id)
        ).first()
    if found is None:
        raise SystemExit("the demo database has no district situation picture")
    return found


def _time(
    name: str,
    build: Callable[[], Document],
    folder: Path,
    repeats: int,
    target_ms: float | None,
) -> Timing:
    from kommunpolis.ui.documents import write_pdf

    target = folder / "document.pdf"
    write_pdf(build(), target)  # warm-up: fonts, Qt Charts, SQLite's cache
    builds, writes, totals = [], [], []
    pages = size = 0
    for _ in range(repeats):
        started = time.perf_counter()
        document = build()
        built = time.perf_counter()
        written = write_pdf(document, target)
        done = time.perf_counter()
        builds.append((built - started) * 1000)
        writes.append((done - built) * 1000)
        totals.append((done - started) * 1000)
        pages, size = written.pages, written.size
    timing = Timing(
        name,
        statistics.median(builds),
        statistics.median(writes),
        statistics.median(totals),
        max(totals),
        pages,
        size,
        target_ms,
    )
    _log(f"documents: {name}: {timing.total_ms:.0f} ms")
    return timing


def measure(data_dir: Path, repeats: int) -> tuple[Timing, ...]:
    """Time the promise PDF and the lägesbild PDF on the database in ``data_dir``."""
    from kommunpolis.ui.documents import ensure_gui_application

    app = ensure_gui_application()
    services = build_services(AppPaths(data_dir=data_dir))
    try:
        documents = services.documents
        promise_id = _promise(services)
        picture_id = _picture(services)
        with tempfile.TemporaryDirectory() as folder:
            return (
                _time(
                    "medborgarlöfte (lofte)",
                    lambda: documents.build("lofte", promise_id),
                    Path(folder),
                    repeats,
                    TARGET_MS,
                ),
                _time(
                    "åtgärdsplan (atgardsplan)",
                    lambda: documents.build("atgardsplan", promise_id),
                    Path(folder),
                    repeats,
                    None,
                ),
                _time(
                    "lägesbild of a district, with charts (lagesbild)",
                    lambda: documents.build("lagesbild", picture_id),
                    Path(folder),
                    repeats,
                    None,
                ),
            )
    finally:
        services.close()
        del app


def render(timings: tuple[Timing, ...], repeats: int) -> str:
    """Return the Markdown report."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Documents (PDF) benchmark",
        "",
        f"{stamp} · Python {platform.python_version()} · SQLite {sqlite3.sqlite_version} · "
        f"{platform.system()} {platform.machine()} · {os.cpu_count()} CPUs · "
        f"load {os.getloadavg()[0]:.1f}",
        "",
        "| document | model (ms) | PDF (ms) | total median (ms) | max | pages | size | "
        "runs | target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|:---:|",
    ]
    for timing in timings:
        target = (
            ("✓" if timing.total_ms <= timing.target_ms else "✗") + f" ≤ {timing.target_ms:.0f}"
            if timing.target_ms is not None
            else "–"
        )
        lines.append(
            f"| {timing.name} | {timing.build_ms:.0f} | {timing.write_ms:.0f} | "
            f"{timing.total_ms:.0f} | {timing.max_total_ms:.0f} | {timing.pages} | "
            f"{timing.size / 1024:.0f} KiB | {repeats} | {target} |"
        )
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the report."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--dialogues", type=int, default=DEFAULT_DIALOGUES, metavar="N")
    parser.add_argument("--repeats", type=int, default=DEFAULT_REPEATS, metavar="N")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="an existing data directory")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or demo_paths(args.dialogues).data_dir
    report = render(measure(data_dir, args.repeats), args.repeats)
    print(report)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(report, encoding="utf-8")
    _log(f"written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

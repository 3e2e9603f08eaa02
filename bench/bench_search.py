"""Benchmark search: p50/p95 of SearchService.search on a large demo database.

The database (default 100 000 dialogues) is built once with the demo into
``bench/out/cache/`` and reused while the migration scripts stay the same. The words are
chosen from the index itself (fts5vocab): a rare word, the word in most records, a prefix
of a long common word, and two common words together — each searched as typed (the last
word a prefix), newest first, 20 hits per kind. Target: p95 ≤ 50 ms for every query.
The Markdown table is printed and written to ``bench/out/search.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import sqlite3
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from demo_cache import demo_paths

from kommunpolis.composition import build_services
from kommunpolis.paths import resolve_paths
from kommunpolis.services.search import SearchService
from kommunpolis.storage import migrations

OUT = Path(__file__).parent / "out" / "search.md"
CACHE = Path(__file__).parent / "out" / "cache"
TARGET_P95_MS = 50.0
SEED = 1


@dataclass(frozen=True)
class Measured:
    """Latencies of one query."""

    label: str
    text: str
    runs: int
    p50_ms: float
    p95_ms: float
    hits: int
    records: int


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _schema_digest() -> str:
    """Return a short digest of the migration scripts (an unreleased head may still change)."""
    digest = hashlib.sha256()
    for script in sorted(Path(migrations.__file__).parent.glob("versions/*.py")):
        digest.update(script.read_bytes())
    return digest.hexdigest()[:8]


def _database(dialogues: int) -> Path:
    """Return the shared demo database's folder, with every queued record indexed."""
    paths = demo_paths(dialogues, seed=SEED)
    services = build_services(paths)
    try:
        services.search.update_index()
    finally:
        services.close()
    return paths.data_dir


def _words(database: Path) -> dict[str, str]:
    """Pick the queries from the index's vocabulary."""
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute(
            "SELECT term, doc FROM search_index_terms WHERE length(term) >= 3"
        ).fetchall()
    finally:
        connection.close()
    words = [(term, doc) for term, doc in rows if term.isalpha()]
    by_docs = sorted(words, key=lambda pair: (-pair[1], pair[0]))
    common, second = by_docs[0][0], by_docs[1][0]
    rare = min((p for p in words if len(p[0]) >= 5), key=lambda pair: (pair[1], pair[0]))[0]
    long_common = next(term for term, _ in by_docs if len(term) >= 9)
    return {
        "rare word": rare,
        "word in most records": common,
        "prefix (5 letters)": long_common[:5],
        "two words": f"{second} {common}",
    }


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(dialogues: int, runs: int) -> tuple[list[Measured], int]:
    """Time every query ``runs`` times; return the results and the number of index rows."""
    folder = _database(dialogues)
    paths = resolve_paths(folder)
    words = _words(paths.database)
    services = build_services(paths)
    try:
        service = SearchService(uow=services.unit_of_work)
        with services.database.engine.connect() as connection:
            indexed = int(
                connection.exec_driver_sql("SELECT count(*) FROM search_index").scalar_one()
            )
        results = []
        for label, text in words.items():
            service.search(text)  # warm the page cache
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                found = service.search(text)
                times.append((time.perf_counter() - start) * 1000)
            results.append(
                Measured(
                    label=label,
                    text=text,
                    runs=runs,
                    p50_ms=statistics.median(times),
                    p95_ms=_percentile(times, 0.95),
                    hits=len(found.hits),
                    records=sum(group.total for group in found.groups),
                )
            )
            _log(
                f"  {label}: {text!r} p50 {results[-1].p50_ms:.1f} ms p95 {results[-1].p95_ms:.1f}"
            )
    finally:
        services.close()
    return results, indexed


def render(dialogues: int, indexed: int, size_mb: float, results: list[Measured]) -> str:
    """Return the Markdown report."""
    lines = [
        "# Search benchmark",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · Python {platform.python_version()} · "
        f"SQLite {sqlite3.sqlite_version} · {platform.system()} {platform.machine()} · "
        f"{dialogues:,} demo dialogues (seed {SEED}) · {indexed:,} indexed records · "
        f"database {size_mb:,.0f} MB",
        "",
        "| query | text | runs | p50 (ms) | p95 (ms) | hits shown | matches (capped 1000/kind) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        verdict = "✓" if r.p95_ms <= TARGET_P95_MS else "✗"
        lines.append(
            f"| {r.label} | `{r.text}` | {r.runs} | {r.p50_ms:.1f} | {r.p95_ms:.1f} {verdict} "
            f"| {r.hits} | {r.records:,} |"
        )
    lines += [
        "",
        "- `SearchService.search(text)`: six kinds, newest first, 20 hits per kind with "
        "snippets, plus a count per kind capped at 1000; the last word is a prefix, as typed.",
        f"- target: p95 ≤ {TARGET_P95_MS:.0f} ms for every query.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dialogues", type=int, default=100_000, metavar="N")
    parser.add_argument("--runs", type=int, default=30, metavar="N", help="per query (≥ 30)")
    args = parser.parse_args(argv)
    results, indexed = measure(args.dialogues, max(args.runs, 1))
    database = resolve_paths(_database(args.dialogues)).database
    report = render(args.dialogues, indexed, database.stat().st_size / 1_000_000, results)
    print(report)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(report, encoding="utf-8")
    _log(f"written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

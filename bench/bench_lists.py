"""Benchmark the workbench's lists: ids sorted and filtered in SQL, first page, GUI heartbeat.

On a demo database (100 000 dialogues by default, built once into a temporary
directory, or an existing data dir given with ``--data-dir``):

- time to the ids (``id_keys``, what the list model loads) of every live dialogue in
  the default order and sorted by each sortable column, and filtered by kommun, status
  and theme (medians);
- time to the first page (200 rows) of the default order;
- the longest the GUI thread went without running a 10 ms heartbeat timer while a
  RecordListView loaded the ids (twice: re-sorted, refreshed) and scrolled through
  them, offscreen — with the startup objects frozen out of the garbage collector
  (``gc.freeze()``, as the app should do once started) and without.

Prints a Markdown table and writes ``bench/out/lists.md``.
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from demo_cache import demo_paths

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kommunpolis.composition import Services, build_services
from kommunpolis.domain.vocabulary import Role
from kommunpolis.paths import resolve_paths
from kommunpolis.services.demo import DemoService
from kommunpolis.services.listing import ListingService, ListQuery, columns

OUT = Path(__file__).parent / "out" / "lists.md"
TARGET_MS = 300.0
GAP_TARGET_MS = 50
REPEATS = 7
PAGE = 200


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _median_ms(function: Callable[[], Any], repeats: int = REPEATS) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def _build(folder: Path, dialogues: int) -> Services:
    services = build_services(resolve_paths(folder))
    if services.profiles.current() is None:
        services.profiles.create(name="Bänk Bänksson", role=Role.OFFICER)
        _log(f"building a demo database with {dialogues:,} dialogues in {folder} …")
        start = time.perf_counter()
        DemoService(database=services.database, clock=services.clock).generate(
            dialogues=dialogues, seed=1
        )
        _log(f"  built in {time.perf_counter() - start:.1f} s")
    return services


def _busiest_municipality(services: Services) -> str:
    connection = sqlite3.connect(services.paths.database)
    try:
        row = connection.execute(
            "SELECT municipality_code FROM dialogue GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
    return str(row[0])


def _query_rows(services: Services) -> list[tuple[str, int, float]]:
    listing = ListingService(uow=services.unit_of_work)
    listing.ids("dialogues")  # warm the page cache and SQLAlchemy's statement cache
    rows: list[tuple[str, int, float]] = []

    def measure(name: str, query: ListQuery) -> None:
        ms, ids = _median_ms(lambda: listing.id_keys("dialogues", query))
        rows.append((name, len(ids), ms))
        _log(f"  {name}: {ms:.1f} ms ({len(ids):,} ids)")

    measure("ids, default order (newest first)", ListQuery())
    ms, uuids = _median_ms(lambda: listing.ids("dialogues"))
    rows.append(("ids as 100 000 UUID objects (ListingService.ids), default order", len(uuids), ms))
    for column in columns("dialogues"):
        if column.sortable:
            measure(f"ids sorted by {column.key}", ListQuery(sort_key=column.key))
            measure(
                f"ids sorted by {column.key}, descending",
                ListQuery(sort_key=column.key, descending=True),
            )
    code = _busiest_municipality(services)
    measure(f"ids filtered by kommun {code}", ListQuery(municipality_codes=(code,)))
    measure("ids filtered by status held", ListQuery(statuses=("held",)))
    theme_id, theme = listing.filter_options("dialogues").themes[0]
    measure(f"ids filtered by theme {theme}", ListQuery(theme_id=theme_id))
    ids = listing.ids("dialogues")
    ms, page = _median_ms(lambda: listing.rows("dialogues", ids[:PAGE]))
    rows.append((f"first page ({PAGE} rows)", len(page), ms))
    ms, page = _median_ms(
        lambda: listing.rows("dialogues", ids[len(ids) // 2 : len(ids) // 2 + PAGE])
    )
    rows.append((f"a middle page ({PAGE} rows)", len(page), ms))
    return rows


def _gui_context(services: Services) -> tuple[Any, Any, Any]:
    """Return a QApplication, a fresh database worker and a UiContext with scratch settings."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kommunpolis.ui.context import RecordEvents, UiContext
    from kommunpolis.ui.tasks import DatabaseWorker

    app = QApplication.instance() or QApplication([])
    worker = DatabaseWorker()
    settings = QSettings(
        str(Path(tempfile.mkdtemp(prefix="kp-bench-settings-")) / "s.ini"),
        QSettings.Format.IniFormat,
    )
    context = UiContext(
        paths=services.paths,
        services=services,
        worker=worker,
        settings=settings,
        events=RecordEvents(),
    )
    return app, worker, context


def _pump_until(app: Any, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    """Process events until ``condition`` holds (or ``timeout`` seconds pass)."""
    end = time.monotonic() + timeout
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.001)


def _heartbeat(services: Services, *, freeze: bool) -> tuple[int, int, int]:
    """Return (max gap ms, beats, pages fetched) for load + scroll in a RecordListView."""
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer

    from kommunpolis.ui.widgets import RecordListView

    app, worker, context = _gui_context(services)
    pump_until = functools.partial(_pump_until, app)

    view = RecordListView(context, "dialogues")
    view.resize(1100, 750)
    view.show()
    pump_until(lambda: view.model.rowCount() > 0 and not view.model.loading)
    for _ in range(20):  # the first paint (once per process) is not measured
        app.processEvents()
    if freeze:
        gc.collect()
        gc.freeze()
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]
    gaps: list[int] = []

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    loaded = [0]
    view.model.ids_loaded.connect(lambda _count: loaded.__setitem__(0, loaded[0] + 1))
    view.model.sort(view.model.column_of("title"), Qt.SortOrder.AscendingOrder)
    pump_until(lambda: loaded[0] >= 1)
    view.refresh()
    pump_until(lambda: loaded[0] >= 2)
    bar = view.table.verticalScrollBar()
    step = max(1, bar.maximum() // 100)
    value = 0
    while value < bar.maximum():
        value += step
        bar.setValue(value)
        end = time.monotonic() + 0.015
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.001)
    pump_until(lambda: worker.pending == 0)
    heartbeat.stop()
    pages = view.model.page_requests
    view.close()
    view.deleteLater()
    worker.stop()
    app.processEvents()
    if freeze:
        gc.unfreeze()
    return max(gaps), len(gaps), pages


def _search_and_save_gaps(services: Services) -> tuple[int, int]:
    """Return the longest GUI-thread gap (ms) during 20 searches, and during 20 saves."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtTest import QTest

    from kommunpolis.ui.editors import RecordEditor
    from kommunpolis.ui.search import SearchDialog

    app, worker, context = _gui_context(services)
    pump_until = functools.partial(_pump_until, app)

    def measured(action: Callable[[], None]) -> int:
        clock = QElapsedTimer()
        clock.start()
        last, gaps = [clock.elapsed()], [0]

        def beat() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(10)
        heartbeat.timeout.connect(beat)
        heartbeat.start()
        action()
        heartbeat.stop()
        return max(gaps)

    gc.collect()
    gc.freeze()
    dialog = SearchDialog(context)
    dialog.show()
    editor = RecordEditor(context)
    editor.resize(700, 900)
    editor.show()
    problem = ListingService(uow=services.unit_of_work).ids("problems")[0]
    editor.show_record("problems", problem)
    pump_until(lambda: editor.record_id == problem and worker.pending == 0)
    words = ("trygg", "skadegörelse", "vid", "buskörning", "ungdomar") * 4

    def searches() -> None:
        for word in words:
            dialog.search_box.setText(word)
            pump_until(lambda: worker.pending == 0 and dialog.model.rowCount() > 0)

    def saves() -> None:
        title = editor.rows["title"].widget
        for _ in range(20):
            QTest.keyClicks(title, "x")
            editor.flush()
            pump_until(lambda: worker.pending == 0)

    search_gap = measured(searches)
    save_gap = measured(saves)
    dialog.close()
    editor.close()
    worker.stop()
    app.processEvents()
    gc.unfreeze()
    return search_gap, save_gap


def _write(
    dialogues: int,
    rows: list[tuple[str, int, float]],
    gaps: dict[bool, tuple[int, int, int]],
    interaction: tuple[int, int],
) -> str:
    worst_query = max(ms for name, _n, ms in rows if name.startswith("ids "))
    lines = [
        "# Lists benchmark",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} · Python {platform.python_version()}"
        f" · SQLite {sqlite3.sqlite_version} · {platform.system()} {platform.machine()}"
        f" · {dialogues:,} demo dialogues · medians of {REPEATS}",
        "",
        "| what | rows | median (ms) | target |",
        "|---|---:|---:|:---:|",
    ]
    for name, count, ms in rows:
        mark = "✓" if ms < TARGET_MS else "✗"
        lines.append(f"| {name} | {count:,} | {ms:.1f} | < {TARGET_MS:.0f} {mark} |")
    for frozen, (gap, beats, pages) in sorted(gaps.items(), reverse=True):
        label = "gc.freeze() after start" if frozen else "no gc.freeze()"
        mark = "✓" if gap <= GAP_TARGET_MS else "✗"
        lines.append(
            f"| GUI thread: longest gap of a 10 ms heartbeat, load ×2 + scroll to the end"
            f" ({label}; {beats} beats, {pages} pages fetched) | {dialogues:,} | {gap} |"
            f" ≤ {GAP_TARGET_MS} {mark} |"
        )
    for name, gap in (("20 searches as you type", interaction[0]), ("20 saves", interaction[1])):
        mark = "✓" if gap <= GAP_TARGET_MS else "✗"
        lines.append(
            f"| GUI thread: longest heartbeat gap during {name} (gc.freeze() after start)"
            f" | {dialogues:,} | {gap} | ≤ {GAP_TARGET_MS} {mark} |"
        )
    lines += [
        "",
        f"- Slowest ids query: {worst_query:.1f} ms. Ids are sorted and filtered in SQL"
        " (ListingService.id_keys: the ids' bytes, read from the DB-API cursor in slices);"
        " rows come a page at a time"
        " by primary key (ListingService.rows).",
        "- Heartbeat: a RecordListView offscreen; the widget's first paint is excluded. Without"
        " gc.freeze() a full garbage collection walks every object of Qt, SQLAlchemy and the"
        " app and pauses every thread for ~100 ms now and then.",
        "",
    ]
    text = "\n".join(lines)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dialogues", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, help="reuse (or build into) this data dir")
    args = parser.parse_args(argv)
    folder = args.data_dir or demo_paths(args.dialogues).data_dir
    services = _build(folder, args.dialogues)
    try:
        dialogues = ListingService(uow=services.unit_of_work).count("dialogues")
        _log("ids and pages:")
        rows = _query_rows(services)
        _log("GUI heartbeat:")
        gaps = {False: _heartbeat(services, freeze=False)}
        gaps[True] = _heartbeat(services, freeze=True)
        _log(f"  max gap {gaps[False][0]} ms (no freeze), {gaps[True][0]} ms (frozen)")
        interaction = _search_and_save_gaps(services)
        _log(f"  max gap {interaction[0]} ms (searches), {interaction[1]} ms (saves)")
    finally:
        services.close()
    print(_write(dialogues, rows, gaps, interaction))
    return 0


if __name__ == "__main__":
    sys.exit(main())

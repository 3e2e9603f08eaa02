"""Render the app's windows offscreen to PNG files, with demo data, for the README."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from kommunpolis.paths import AppPaths

DEMO_DIALOGUES = 500
PROFILE_KOMMUNER = ("0180", "0184", "0182")
WINDOW_SIZE = (1280, 800)
# Sections worth a picture of their own, with the record kind to open in the editor.
SECTION_SHOTS: tuple[tuple[str, str | None], ...] = (
    ("overview", None),
    ("dialogues", "dialogues"),
    ("meetings", "meetings"),
    ("situation", "situation-pictures"),
    ("promises", "promises"),
    ("agreements", "agreements"),
    ("places", "places"),
    ("exchange", None),
    ("settings", None),
)


def _wait_until(app: QApplication, ready: Callable[[], bool], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _settle(app: QApplication, seconds: float = 0.4) -> None:
    # Lazy lists and editors load on the worker; give them a moment, then paint.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _save(app: QApplication, widget: QWidget, target: Path) -> Path:
    _settle(app, 0.1)
    if not widget.grab().save(str(target)):
        raise OSError(f"could not write {target}")
    return target


def _first_run(app: QApplication, target_dir: Path, scratch: Path) -> Path:
    from kommunpolis.app import build_app
    from kommunpolis.ui.tasks import DatabaseWorker

    controller = build_app(AppPaths(data_dir=scratch), worker=DatabaseWorker())
    try:
        controller.window.show()
        controller.start()
        _wait_until(app, lambda: controller.first_run_dialog is not None)
        dialog = controller.first_run_dialog
        assert dialog is not None
        dialog.name_edit.setText("Åsa Lindqvist")
        dialog.district_edit.setText("LPO Norrort")
        for code in PROFILE_KOMMUNER:
            dialog.municipality_model.set_checked(code, True)
        dialog.filter_edit.setText("sto")
        shot = _save(app, dialog, target_dir / "first_run.png")
        dialog.reject()
        return shot
    finally:
        controller.shutdown()


def _workbench(app: QApplication, target_dir: Path, scratch: Path) -> list[Path]:
    from kommunpolis.app import build_app
    from kommunpolis.composition import build_services
    from kommunpolis.services.demo import DemoService
    from kommunpolis.ui.pages.record_section import RecordSection
    from kommunpolis.ui.tasks import DatabaseWorker

    paths = AppPaths(data_dir=scratch)
    services = build_services(paths)
    try:
        services.profiles.create(
            name="Åsa Lindqvist",
            role="officer",
            district_name="LPO Norrort",
            municipality_codes=PROFILE_KOMMUNER,
        )
        DemoService(database=services.database, clock=services.clock).generate(
            dialogues=DEMO_DIALOGUES, seed=1
        )
    finally:
        services.close()

    written: list[Path] = []
    controller = build_app(paths, worker=DatabaseWorker())
    try:
        window = controller.window
        window.resize(*WINDOW_SIZE)
        window.show()
        controller.start()
        _wait_until(app, lambda: controller.context is not None)
        for key, kind in SECTION_SHOTS:
            window.show_section(key)
            page = window.page(key)
            if isinstance(page, RecordSection) and kind is not None:
                view = page.list_view(kind)
                _wait_until(app, lambda view=view: view.model.rowCount() > 0)  # type: ignore[misc]
                view.table.selectRow(0)
            _wait_until(app, lambda: controller.worker.pending == 0)
            _settle(app)
            written.append(_save(app, window, target_dir / f"section_{key}.png"))
        written += _page_shots(app, controller, target_dir)
        controller.open_search()
        search = controller.search_dialog
        assert search is not None
        search.search_box.setText("trygg")
        _wait_until(app, lambda: search.model.rowCount() > 0)
        _settle(app)
        written.append(_save(app, search, target_dir / "search.png"))
    finally:
        controller.shutdown()
    return written


def _page_shots(app: QApplication, controller: Any, target_dir: Path) -> list[Path]:
    """The lägesbild builder summarizing everything for a year, and a promise's plan."""
    from datetime import date

    from PySide6.QtCore import QDate

    from kommunpolis.services.situation import ScopeKind
    from kommunpolis.ui.pages.action_plan import ActionPlanPage
    from kommunpolis.ui.pages.record_section import RecordSection
    from kommunpolis.ui.pages.situation_builder import SituationBuilderPage

    window = controller.window
    written = []
    window.show_section("situation")
    section = window.page("situation")
    assert isinstance(section, RecordSection)
    builder = section.show_page(0)
    assert isinstance(builder, SituationBuilderPage)
    builder.scope_kind.setCurrentIndex(builder.scope_kind.findData(ScopeKind.EVERYWHERE))
    year = date.today().year - 1
    builder.start.setDate(QDate(year, 1, 1))
    builder.end.setDate(QDate(year, 12, 31))
    builder.refresh()
    _wait_until(app, lambda: not builder.loading and controller.worker.pending == 0)
    _settle(app)
    written.append(_save(app, window, target_dir / "situation_builder.png"))

    window.show_section("promises")
    section = window.page("promises")
    assert isinstance(section, RecordSection)
    plan = section.show_page(0)
    assert isinstance(plan, ActionPlanPage)
    # The promise followed up most, so the picture shows the colours and the indicators.
    analysis = controller.context.services.analysis

    def followed_up(promise_id: Any) -> int:
        rows = analysis.promise_plan(promise_id).rows
        return sum(row.follow_up_mark is not None for row in rows)

    shown = max(analysis.promises(), key=lambda choice: followed_up(choice.id))
    _wait_until(app, lambda: controller.worker.pending == 0)
    plan.show_promise(shown.id)
    _wait_until(app, lambda: plan.plan_model.rowCount() > 0)
    _wait_until(app, lambda: controller.worker.pending == 0)
    _settle(app)
    written.append(_save(app, window, target_dir / "action_plan.png"))
    return written


def render_screenshots(target_dir: Path) -> list[Path]:
    """Write the first-run screen, every section and the search to PNGs in ``target_dir``."""
    from kommunpolis.app import app_icon
    from kommunpolis.ui.i18n import SWEDISH, install_translations

    target_dir.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    app.setWindowIcon(app_icon())
    translators = install_translations(app, SWEDISH)
    try:
        with tempfile.TemporaryDirectory(prefix="kommunpolis-shots-") as scratch:
            written = [_first_run(app, target_dir, Path(scratch) / "new")]
            written += _workbench(app, target_dir, Path(scratch) / "demo")
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    return written

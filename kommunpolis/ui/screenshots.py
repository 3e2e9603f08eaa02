"""Render the app's windows offscreen to PNG files, with demo data, for the README."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from kommunpolis.paths import AppPaths
from kommunpolis.services.read_models import KindCount

DEMO_DIALOGUES = 500
PROFILE_KOMMUNER = ("0180", "0184", "0182")


def _wait_until(app: QApplication, ready: Callable[[], bool], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _save(app: QApplication, widget: QWidget, target: Path) -> Path:
    # A few passes so that layouts and lazy views have painted before the grab.
    for _ in range(10):
        app.processEvents()
    if not widget.grab().save(str(target)):
        raise OSError(f"could not write {target}")
    return target


def render_screenshots(target_dir: Path) -> list[Path]:
    """Write first_run.png and main_window.png into ``target_dir``; return their paths."""
    from kommunpolis.app import app_icon, build_app
    from kommunpolis.ui.i18n import SWEDISH, install_translations
    from kommunpolis.ui.tasks import DatabaseWorker

    target_dir.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    app.setWindowIcon(app_icon())
    translators = install_translations(app, SWEDISH)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="kommunpolis-shots-") as scratch:
        controller = build_app(AppPaths(data_dir=Path(scratch)), worker=DatabaseWorker())
        try:
            controller.window.resize(1000, 680)
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
            written.append(_save(app, dialog, target_dir / "first_run.png"))

            dialog.filter_edit.clear()
            dialog.submit()
            _wait_until(app, lambda: controller.services is not None and not dialog.isVisible())
            services = controller.services
            assert services is not None
            from kommunpolis.services.demo import DemoService

            demo = DemoService(database=services.database, clock=services.clock)
            finished: list[bool] = []
            controller.worker.submit(
                lambda: demo.generate(dialogues=DEMO_DIALOGUES, seed=1),
                lambda _summary: finished.append(True),
            )
            _wait_until(app, lambda: bool(finished))
            counts: list[tuple[KindCount, ...]] = []
            controller.worker.submit(services.records.stats, counts.append)
            _wait_until(app, lambda: bool(counts))
            controller.window.show_counts(counts[0])
            written.append(_save(app, controller.window, target_dir / "main_window.png"))
        finally:
            controller.shutdown()
    del translators
    return written

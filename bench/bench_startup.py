"""Benchmark start-up: first paint and a populated Dialoger list, against a bare QMainWindow.

Each run starts a fresh interpreter (as a user's double-click does) and measures wall
time from just before the process starts to (a) the first paint of the main window and
(b) the first row of the Dialoger list showing data, on a demo database. A bare PySide6
``QMainWindow`` started the same way in the same run is the yardstick: targets ≤ 1.5× to
first paint and ≤ 3× to a usable list. Peak RSS of the app process is reported too
(target ≤ 250 MB with the 100 000-dialogue database open).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from demo_cache import demo_paths

OUT = Path(__file__).parent / "out" / "startup.md"
# Compiled bytecode for every run, as an installed app has (pip compiles it on install).
PYCACHE = Path(__file__).parent / "out" / "pycache"

BARE = r"""
import time, json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 760)
class Paint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(json.dumps({"paint": time.time()}), flush=True)
            QTimer.singleShot(0, app.quit)
        return False
probe = Paint()
window.installEventFilter(probe)
window.show()
app.exec()
"""

APP = r"""
import time, json, sys, resource
import kommunpolis.launcher  # the console script's module: its import is part of a real start
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableView
from kommunpolis.app import build_app
from kommunpolis.paths import AppPaths
from kommunpolis.ui.tasks import DatabaseWorker
app = QApplication([])
controller = build_app(AppPaths(data_dir=Path(sys.argv[1])), worker=DatabaseWorker())
marks = {}
class Paint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "paint" not in marks:
            marks["paint"] = time.time()
        return False
probe = Paint()
controller.window.installEventFilter(probe)
controller.window.show()
QTimer.singleShot(0, controller.start)
def poll():
    page = controller.window.stack.currentWidget()
    for view in page.findChildren(QTableView) if page else []:
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0:
            if "list" not in marks and model.data(model.index(0, 1)):
                marks["list"] = time.time()
            # Memory once the database is open and the whole list is loaded (the list
            # may show its first page before that).
            if "list" in marks and controller.context is not None and not model.loading \
                    and controller.worker.pending == 0:
                marks["rows"] = model.rowCount()
                marks["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(json.dumps(marks), flush=True)
                controller.shutdown()
                app.quit()
                return
    QTimer.singleShot(5, poll)
QTimer.singleShot(0, poll)
QTimer.singleShot(60_000, app.quit)
app.exec()
"""


def _run(code: str, *args: str) -> tuple[float, dict[str, float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # With PYTHONDONTWRITEBYTECODE (set in some shells and CI), the app's own modules
    # were compiled from source at every start while the libraries it is compared with
    # load precompiled: not like with like, and not what an installed app does. Both
    # sides now read bytecode from one cache, filled by an untimed warm-up run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    )
    marks = json.loads(result.stdout.strip().splitlines()[-1])
    return started, marks


def main(argv: list[str] | None = None) -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dialogues", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    paths = demo_paths(args.dialogues)
    settings = paths.data_dir / "settings.ini"
    bare, paint, listed, rss = [], [], [], []
    # Warm-up, untimed: fills the bytecode cache (and the OS file cache) for both sides.
    settings.write_text("[main_window]\nsection=dialogues\n", encoding="utf-8")
    _run(BARE)
    _run(APP, str(paths.data_dir))
    for _ in range(args.repeats):
        # The app opens the section it showed last: make that Dialoger.
        settings.write_text("[main_window]\nsection=dialogues\n", encoding="utf-8")
        started, marks = _run(BARE)
        bare.append(marks["paint"] - started)
        started, marks = _run(APP, str(paths.data_dir))
        paint.append(marks["paint"] - started)
        listed.append(marks["list"] - started)
        rss.append(marks["rss_mb"])
    base = statistics.median(bare)
    lines = [
        "# Start-up",
        "",
        f"{args.dialogues:,} dialogues · {args.repeats} runs · medians · QPA "
        f"{os.environ.get('QT_QPA_PLATFORM', 'offscreen')}",
        "",
        "| measure | median (s) | ratio to bare QMainWindow | target |",
        "|---|---:|---:|---:|",
        f"| bare QMainWindow, first paint | {base:.3f} | 1.00× | |",
        f"| Kommunpolis, first paint | {statistics.median(paint):.3f} | "
        f"{statistics.median(paint) / base:.2f}× | ≤ 1.5× |",
        f"| Kommunpolis, Dialoger list populated | {statistics.median(listed):.3f} | "
        f"{statistics.median(listed) / base:.2f}× | ≤ 3× |",
        f"| peak RSS of the app (MB) | {statistics.median(rss):.0f} | | ≤ 250 |",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

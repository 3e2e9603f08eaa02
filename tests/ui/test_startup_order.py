"""Start-up order: the window's shell paints first; menus, shortcuts and the database follow."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from kommunpolis.app import AppController, build_app, build_main_window
from kommunpolis.paths import AppPaths
from kommunpolis.ui.main_window import MainWindow
from kommunpolis.ui.pages.record_section import RecordSection
from kommunpolis.ui.sections import SECTIONS
from kommunpolis.ui.tasks import DatabaseWorker
from tests.ui.conftest import build_demo_database

TIMEOUT = 20_000

# Run in a fresh interpreter: in this one, other tests have imported everything already.
FIRST_PAINT_PROBE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import PySide6.QtCore as QtCore
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    from kommunpolis.app import build_app
    from kommunpolis.paths import AppPaths
    from kommunpolis.ui.tasks import DatabaseWorker

    app = QApplication([])
    controller = build_app(AppPaths(data_dir=Path(sys.argv[1])), worker=DatabaseWorker())
    window = controller.window
    seen = {}

    class Probe(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and "built" not in seen:
                seen["built"] = window.built
                seen["qt_namespace"] = "Qt" in vars(QtCore)
                seen["loaded"] = sorted(
                    name for name in sys.argv[2:] if name in sys.modules
                )
            return False

    probe = Probe()
    window.installEventFilter(probe)
    window.first_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    window.show()
    app.exec()
    seen["built_after"] = window.built
    seen["file_menu"] = [action.text() for action in window.file_menu.actions()]
    print(json.dumps(seen))
    controller.shutdown()
    """
)
# What the window's shell must not wait for: they load after its first paint.
LATER_MODULES = (
    "kommunpolis.domain.record_fields",
    "kommunpolis.storage.first_page",
    "kommunpolis.ui.errors",
    "kommunpolis.ui.models",
    "kommunpolis.ui.pages.record_section",
    "sqlalchemy",
)


def progress(window: MainWindow) -> tuple[bool, bool]:
    """Return whether ``window`` has painted and whether it is fully built."""
    return window.painted, window.built


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("startup-order")
    build_demo_database(folder, kommun="0180", dialogues=30)
    return folder


@pytest.fixture
def paths(tmp_path: Path, demo_folder: Path) -> AppPaths:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(demo_folder / "kommunpolis.sqlite", data / "kommunpolis.sqlite")
    (data / "settings.ini").write_text("[main_window]\nsection=dialogues\n", encoding="utf-8")
    return AppPaths(data_dir=data)


@pytest.fixture
def controller(qtbot: QtBot, paths: AppPaths) -> Iterator[AppController]:
    controller = build_app(paths, worker=DatabaseWorker())
    qtbot.addWidget(controller.window)
    yield controller
    controller.shutdown()


def test_the_shell_paints_before_menus_pages_and_database_code_load(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_PROBE, str(tmp_path), *LATER_MODULES],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["built"] is False
    # Building PySide's Qt namespace costs ~15 ms: none of the shell may name it.
    assert seen["qt_namespace"] is False
    assert seen["loaded"] == []
    assert seen["built_after"] is True
    assert "&Avsluta" in seen["file_menu"]


def test_menus_and_shortcuts_are_complete_once_painted(qtbot: QtBot, paths: AppPaths) -> None:
    window = build_main_window(paths)
    qtbot.addWidget(window)
    assert progress(window) == (False, False) and window.file_menu.actions() == []
    painted: list[bool] = []

    class Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(window.built)
            return False

    probe = Probe()
    window.installEventFilter(probe)
    with qtbot.waitSignal(window.first_painted, timeout=TIMEOUT):
        window.show()
    assert painted == [False]  # painted first, built after
    assert progress(window) == (True, True)

    def texts(actions: list[QAction]) -> list[str]:
        return [action.text() for action in actions if not action.isSeparator()]

    assert texts(window.file_menu.actions()) == [
        "&Ny",
        "Ny &dialog",
        "&Logga uppföljning…",
        "&Avsluta",
    ]
    assert texts(window.edit_menu.actions()) == ["&Sök…", "Ån&gra borttagning"]
    assert len(texts(window.document_menu.actions())) == 6
    assert texts(window.view_menu.actions()) == [section.label for section in SECTIONS]
    assert texts(window.help_menu.actions()) == ["&Om Kommunpolis"]
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    assert window.new_action.shortcut() == QKeySequence("Ctrl+N")
    assert window.search_action.shortcuts() == [QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")]
    assert window.section_actions[1].shortcut() == QKeySequence("Alt+2")
    # Until the database is attached, what needs it stays off.
    assert not window.new_action.isEnabled() and not window.csv_action.isEnabled()
    assert window.quit_action.isEnabled()

    window.finish_building()  # once only
    assert len(window.file_menu.actions()) == 6


def test_opening_waits_for_the_first_paint_then_shows_the_list(
    qtbot: QtBot, controller: AppController
) -> None:
    window = controller.window
    window.show()
    assert progress(window) == (False, False)
    controller.start()
    assert controller.worker.pending == 0  # nothing read before the paint
    with qtbot.waitSignal(window.preview_painted, timeout=TIMEOUT):
        pass
    assert progress(window) == (True, True)
    page = window.stack.currentWidget()
    assert isinstance(page, RecordSection)
    attached_at_first = page.attached
    assert not attached_at_first  # a preview of the first page, before the database
    qtbot.waitUntil(lambda: controller.context is not None, timeout=TIMEOUT)
    assert page.attached and window.current_section() == "dialogues"
    assert window.new_action.isEnabled() and window.search_action.isEnabled()


def test_a_hidden_window_opens_the_database_at_once(
    qtbot: QtBot, controller: AppController
) -> None:
    controller.start()
    assert controller.worker.pending > 0
    qtbot.waitUntil(lambda: controller.context is not None, timeout=TIMEOUT)
    assert controller.window.built  # attaching finished the window, painted or not
    assert controller.window.current_section() == "dialogues"

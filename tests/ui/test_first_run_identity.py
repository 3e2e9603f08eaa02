"""The desktop app's first run creates the installation's identity next to the profile."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kommunpolis.app import build_app
from kommunpolis.composition import build_services
from kommunpolis.paths import AppPaths
from kommunpolis.sync.identity import IdentityStore
from kommunpolis.ui.tasks import DatabaseWorker

TIMEOUT_MS = 20_000


def test_first_run_creates_the_identity(qtbot: QtBot, tmp_path: Path) -> None:
    paths = AppPaths(data_dir=tmp_path / "data")
    controller = build_app(paths, worker=DatabaseWorker())
    qtbot.addWidget(controller.window)
    controller.window.show()
    try:
        controller.start()
        qtbot.waitUntil(
            lambda: (
                controller.first_run_dialog is not None and controller.first_run_dialog.isVisible()
            ),
            timeout=TIMEOUT_MS,
        )
        dialog = controller.first_run_dialog
        assert dialog is not None
        qtbot.keyClicks(dialog.name_edit, "Åsa Lindqvist")
        with qtbot.waitSignal(controller.profile_shown, timeout=TIMEOUT_MS):
            qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    finally:
        # Finishes the queued work, the identity's creation among it.
        controller.shutdown()

    services = build_services(paths)
    try:
        profile = services.profiles.current()
    finally:
        services.close()
    assert profile is not None
    identity = IdentityStore(paths.keys).public()
    assert (identity.device_id, identity.name) == (profile.device_id, "Åsa Lindqvist")

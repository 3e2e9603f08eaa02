"""Start-up with a real database: first run, the profile, counts, backup, damaged files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kommunpolis.app import AppController, build_app, build_main_window
from kommunpolis.composition import build_services
from kommunpolis.domain.vocabulary import Role
from kommunpolis.paths import AppPaths
from kommunpolis.services.read_models import KindCount, ProfileView
from kommunpolis.ui.first_run import FirstRunDialog
from kommunpolis.ui.tasks import DatabaseWorker

# Opening a new database runs every migration; give it room on a slow CI machine.
TIMEOUT_MS = 20_000
GOTLAND = "0980"


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    """An empty data directory."""
    return AppPaths(data_dir=tmp_path / "data")


@pytest.fixture
def start_app(qtbot: QtBot, paths: AppPaths) -> Iterator[Callable[[], AppController]]:
    """Build and start the app the way run_gui does; shut it down after the test."""
    started: list[AppController] = []

    def start() -> AppController:
        controller = build_app(paths, worker=DatabaseWorker())
        qtbot.addWidget(controller.window)
        controller.window.show()
        controller.start()
        started.append(controller)
        return controller

    yield start
    for controller in started:
        controller.shutdown()


def read_profile(paths: AppPaths) -> ProfileView | None:
    """Read the profile back through a fresh set of services."""
    services = build_services(paths)
    try:
        return services.profiles.current()
    finally:
        services.close()


def wait_for_dialog(qtbot: QtBot, controller: AppController) -> FirstRunDialog:
    """Wait until the first-run dialog is on screen and return it."""
    qtbot.waitUntil(
        lambda: controller.first_run_dialog is not None and controller.first_run_dialog.isVisible(),
        timeout=TIMEOUT_MS,
    )
    assert controller.first_run_dialog is not None
    return controller.first_run_dialog


def check_gotland(qtbot: QtBot, dialog: FirstRunDialog) -> None:
    """Filter the kommuner by typing and check Gotland with the keyboard."""
    qtbot.keyClicks(dialog.filter_edit, "Gotl")
    assert dialog.filter_model.rowCount() == 1
    assert dialog.filter_model.index(0, 0).data() == "Gotland (Gotlands län)"
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)
    assert dialog.municipality_model.checked_codes() == (GOTLAND,)
    assert dialog.selected_label.text() == "Valda kommuner: 1"
    assert dialog.selected_label.toolTip() == "Gotland"


def test_first_run_creates_the_profile(
    qtbot: QtBot, paths: AppPaths, start_app: Callable[[], AppController]
) -> None:
    """Name, role, LPO and a kommun typed into the dialog end up in the database."""
    controller = start_app()
    dialog = wait_for_dialog(qtbot, controller)
    assert dialog.windowTitle() == "Välkommen till Kommunpolis"
    assert dialog.municipality_model.rowCount() == 290

    qtbot.keyClicks(dialog.name_edit, "Åsa Lindqvist")
    qtbot.mouseClick(dialog.coordinator_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.district_edit, "LPO Gotland")
    check_gotland(qtbot, dialog)
    with qtbot.waitSignal(controller.profile_shown, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    window = controller.window
    assert window.name_label.text() == "Åsa Lindqvist"
    assert window.role_label.text() == "Samordnare · Lokalpolisområde: LPO Gotland"
    assert window.municipalities_label.text() == "Kommuner: Gotland"
    controller.shutdown()

    profile = read_profile(paths)
    assert profile is not None
    assert profile.name == "Åsa Lindqvist"
    assert profile.role is Role.COORDINATOR
    assert profile.district_name == "LPO Gotland"
    assert profile.municipality_codes == (GOTLAND,)


def test_empty_name_is_refused_at_the_field_and_the_draft_kept(
    qtbot: QtBot, paths: AppPaths, start_app: Callable[[], AppController]
) -> None:
    """A blank name shows a message under the field; nothing is saved, nothing is lost."""
    controller = start_app()
    dialog = wait_for_dialog(qtbot, controller)
    qtbot.keyClicks(dialog.district_edit, "Norrort")
    check_gotland(qtbot, dialog)
    qtbot.keyClicks(dialog.name_edit, "   ")
    qtbot.waitUntil(lambda: controller.worker.pending == 0, timeout=TIMEOUT_MS)

    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    assert dialog.name_error.isVisible()
    assert dialog.name_error.text() == "Ange ditt namn."
    assert dialog.name_edit.accessibleDescription() == "Ange ditt namn."
    assert dialog.isVisible()
    assert controller.worker.pending == 0
    assert dialog.district_edit.text() == "Norrort"
    assert dialog.municipality_model.checked_codes() == (GOTLAND,)

    qtbot.keyClicks(dialog.name_edit, "Per")
    assert not dialog.name_error.isVisible()
    controller.shutdown()
    assert read_profile(paths) is None


def test_only_checked_kommuner_can_be_listed(
    qtbot: QtBot, start_app: Callable[[], AppController]
) -> None:
    """ "Visa bara valda" narrows the list to the checked kommuner; Space checks one."""
    controller = start_app()
    dialog = wait_for_dialog(qtbot, controller)
    qtbot.keyClicks(dialog.filter_edit, "Stockholm")
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Down)
    assert dialog.municipality_view.hasFocus()
    qtbot.keyClick(dialog.municipality_view, Qt.Key.Key_Space)
    first = dialog.municipality_view.currentIndex().data()
    dialog.filter_edit.clear()

    qtbot.mouseClick(dialog.only_checked_box, Qt.MouseButton.LeftButton)
    assert dialog.filter_model.rowCount() == 1
    assert dialog.filter_model.index(0, 0).data() == first
    qtbot.mouseClick(dialog.only_checked_box, Qt.MouseButton.LeftButton)
    assert dialog.filter_model.rowCount() == 290


def test_cancelled_first_run_can_be_reopened_with_its_draft(
    qtbot: QtBot, start_app: Callable[[], AppController]
) -> None:
    """Avbryt leaves the window with a button that brings the same draft back."""
    controller = start_app()
    dialog = wait_for_dialog(qtbot, controller)
    qtbot.keyClicks(dialog.name_edit, "Kim")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    window = controller.window
    assert window.create_profile_button.isVisible()

    qtbot.mouseClick(window.create_profile_button, Qt.MouseButton.LeftButton)
    assert wait_for_dialog(qtbot, controller) is dialog
    assert dialog.name_edit.text() == "Kim"


def test_existing_profile_is_shown_without_the_dialog(
    qtbot: QtBot, paths: AppPaths, start_app: Callable[[], AppController]
) -> None:
    """With a profile in the database the window shows it; the dialog never opens."""
    services = build_services(paths)
    services.profiles.create(
        name="Nils Berg", role=Role.OFFICER, municipality_codes=["0180", GOTLAND]
    )
    services.close()

    controller = start_app()
    with qtbot.waitSignal(controller.profile_shown, timeout=TIMEOUT_MS):
        pass
    window = controller.window
    assert controller.first_run_dialog is None
    assert window.name_label.text() == "Nils Berg"
    assert window.role_label.text() == "Kommunpolis"
    assert window.municipalities_label.text() == "Kommuner: Gotland, Stockholm"
    assert not window.create_profile_button.isVisible()


def test_daily_backup_is_taken_and_shown(
    qtbot: QtBot, paths: AppPaths, start_app: Callable[[], AppController]
) -> None:
    """Start-up takes today's backup and the status bar says when."""
    controller = start_app()
    with qtbot.waitSignal(controller.backup_shown, timeout=TIMEOUT_MS) as blocker:
        pass
    backup = blocker.args[0]
    assert backup is not None
    assert backup.path.parent == paths.backups
    assert backup.path.exists()
    assert controller.window.backup_label.text().startswith("Senaste säkerhetskopia: ")
    assert str(paths.database) in controller.window.database_label.text()


def test_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, start_app: Callable[[], AppController]
) -> None:
    """The record counts and the kommun list obey Qt's model contract."""
    controller = start_app()
    dialog = wait_for_dialog(qtbot, controller)
    counts = controller.window.counts_model
    # The counts load when Inställningar is shown; here they are loaded directly.
    services = controller.services
    assert services is not None
    controller.window.show_counts(services.records.stats())
    assert counts.rowCount() > 0
    assert counts.headerData(0, Qt.Orientation.Horizontal) == "Typ av post"
    qtmodeltester.check(counts)
    qtmodeltester.check(dialog.municipality_model)
    qtmodeltester.check(dialog.filter_model)


def test_counts_model_signals_only_changed_rows(
    qtbot: QtBot, start_app: Callable[[], AppController]
) -> None:
    """New counts for the same kinds emit dataChanged for the changed rows, no reset."""
    controller = start_app()
    wait_for_dialog(qtbot, controller)
    model = controller.window.counts_model
    assert controller.services is not None
    controller.window.show_counts(controller.services.records.stats())
    before = [model.index(row, 0).data(model.KIND_ROLE) for row in range(model.rowCount())]
    counts = [KindCount(kind, 0, 0) for kind in before]
    counts[1] = KindCount(before[1], 7, 1)
    changed: list[int] = []
    resets: list[bool] = []
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))
    model.modelReset.connect(lambda: resets.append(True))
    model.set_counts(counts)
    assert changed == [1]
    assert resets == []
    assert model.index(1, model.Column.LIVE).data(model.COUNT_ROLE) == 7


def test_damaged_database_is_explained_and_the_app_exits(
    qtbot: QtBot, paths: AppPaths, start_app: Callable[[], AppController]
) -> None:
    """A file that is not a database gets a Swedish message naming it; then exit code 1."""
    paths.data_dir.mkdir(parents=True)
    garbage = b"this is not a database\x00" * 64
    paths.database.write_bytes(garbage)

    controller = start_app()
    qtbot.waitUntil(
        lambda: controller.message_box is not None and controller.message_box.isVisible(),
        timeout=TIMEOUT_MS,
    )
    box = controller.message_box
    assert box is not None
    assert box.text() == "Databasen är skadad"
    assert str(paths.database) in box.informativeText()
    assert "säkerhetskopia" in box.informativeText()
    assert controller.first_run_dialog is None

    with qtbot.waitSignal(controller.exit_requested) as blocker:
        box.button(QMessageBox.StandardButton.Close).click()
    assert blocker.args == [1]
    assert paths.database.read_bytes() == garbage


def test_window_geometry_is_remembered_in_the_data_dir(qtbot: QtBot, paths: AppPaths) -> None:
    """The window's size is saved in settings.ini inside the data directory."""
    window = build_main_window(paths)
    qtbot.addWidget(window)
    window.show()
    window.resize(700, 520)
    window.close()
    assert (paths.data_dir / "settings.ini").exists()

    again = build_main_window(paths)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 520)

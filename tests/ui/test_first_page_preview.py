"""The list shown first at start-up: a preview of its first page, made whole in place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kommunpolis.app import AppController, build_app
from kommunpolis.composition import build_services
from kommunpolis.paths import AppPaths
from kommunpolis.services.demo import DemoService
from kommunpolis.storage.first_page import FIRST_PAGE_SIZE, read_first_page
from kommunpolis.ui.models.record_list_model import ID_ROLE, PENDING_TEXT
from kommunpolis.ui.pages.record_section import RecordSection
from kommunpolis.ui.tasks import DatabaseWorker
from kommunpolis.ui.widgets.record_list import ListPreview, RecordListView

TIMEOUT = 20_000
DIALOGUES = 260  # more than one first page


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("first-page")
    services = build_services(AppPaths(data_dir=folder))
    try:
        services.profiles.create(name="Åsa Lindqvist", role="officer", municipality_codes=["0180"])
        DemoService(database=services.database, clock=services.clock).generate(dialogues=DIALOGUES)
    finally:
        services.close()
    return folder


@pytest.fixture
def controller(qtbot: QtBot, demo_folder: Path) -> Iterator[AppController]:
    paths = AppPaths(data_dir=demo_folder)
    (demo_folder / "settings.ini").write_text("[main_window]\nsection=dialogues\n")
    controller = build_app(paths, worker=DatabaseWorker())
    qtbot.addWidget(controller.window)
    controller.window.show()
    yield controller
    controller.shutdown()


def _preview_view(qtbot: QtBot, controller: AppController) -> RecordListView:
    window = controller.window
    first_page = read_first_page(controller.paths.database, "dialogues")
    assert first_page is not None
    window.show_first_page(first_page, worker=controller.worker)
    page = window.stack.currentWidget()
    assert isinstance(page, RecordSection) and not page.attached
    return page.list_view("dialogues")


def test_preview_model_passes_qtmodeltester(
    qtbot: QtBot, qtmodeltester: ModelTester, controller: AppController
) -> None:
    view = _preview_view(qtbot, controller)
    assert view.model.rowCount() == FIRST_PAGE_SIZE
    qtmodeltester.check(view.model)


def test_start_shows_the_first_page_before_the_database_layer(
    qtbot: QtBot, controller: AppController
) -> None:
    window = controller.window
    shown: list[int] = []

    def first_page_shown() -> None:
        page = window.stack.currentWidget()
        if isinstance(page, RecordSection) and controller.services is None:
            shown.append(page.list_view("dialogues").model.rowCount())

    window.stack.currentChanged.connect(first_page_shown)
    controller.start()
    qtbot.waitUntil(lambda: controller.context is not None, timeout=TIMEOUT)
    assert shown == [FIRST_PAGE_SIZE]  # the preview came first, with its rows


def test_handover_keeps_rows_order_and_selection_without_blinking(
    qtbot: QtBot, controller: AppController
) -> None:
    view = _preview_view(qtbot, controller)
    model = view.model
    titles = [model.index(row, 1).data() for row in range(10)]
    assert all(titles) and PENDING_TEXT not in titles
    assert view.table.horizontalHeader().sortIndicatorSection() == 0  # Datum, newest first
    chosen = model.index(3, 0)
    view.table.selectionModel().setCurrentIndex(
        chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    chosen_id = chosen.data(ID_ROLE)
    pending: list[object] = []
    model.dataChanged.connect(lambda top, _bottom: pending.append(model.index(top.row(), 1).data()))
    controller.start()
    with qtbot.waitSignal(model.ids_loaded, timeout=TIMEOUT):
        pass
    # The same view, now whole: every dialogue, the first rows as before, still chosen.
    page = controller.window.stack.currentWidget()
    assert isinstance(page, RecordSection) and page.attached
    assert page.list_view("dialogues") is view
    assert model.rowCount() == DIALOGUES
    assert [model.index(row, 1).data() for row in range(10)] == titles
    assert view.current_id() == chosen_id
    assert PENDING_TEXT not in pending
    # The editor opens the record chosen in the preview.
    qtbot.waitUntil(lambda: controller.worker.pending == 0, timeout=TIMEOUT)
    view.grab().save("/tmp/shots/first-page-after-handover.png")


def test_a_saved_sort_other_than_the_default_shows_no_stale_preview(
    qtbot: QtBot, tmp_path: Path, demo_folder: Path
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("lists/dialogues/sort", "title")
    first_page = read_first_page(AppPaths(data_dir=demo_folder).database, "dialogues")
    assert first_page is not None
    worker = DatabaseWorker()
    try:
        view = RecordListView(
            None,
            "dialogues",
            preview=ListPreview(settings=settings, worker=worker, first_page=first_page),
        )
        qtbot.addWidget(view)
        assert view.model.rowCount() == 0  # not in the order it was read in
    finally:
        worker.stop()

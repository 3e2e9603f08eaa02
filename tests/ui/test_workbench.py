"""The workbench as a whole: sections, opening records, the attention board, Ångra."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kommunpolis.app import AppController, build_app
from kommunpolis.composition import build_services
from kommunpolis.paths import AppPaths
from kommunpolis.services.attention import Section as BoardSection
from kommunpolis.services.demo import DemoService
from kommunpolis.services.recovery import Draft, RecoveryStore
from kommunpolis.storage.tables import Concern, Problem
from kommunpolis.ui.editors import RecordEditor
from kommunpolis.ui.pages.overview import OverviewPage
from kommunpolis.ui.pages.record_section import RecordSection
from kommunpolis.ui.sections import SECTIONS
from kommunpolis.ui.tasks import DatabaseWorker

TIMEOUT = 20_000


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    paths = AppPaths(data_dir=tmp_path / "data")
    services = build_services(paths)
    try:
        services.profiles.create(name="Åsa Lindqvist", role="officer", municipality_codes=["0180"])
        DemoService(database=services.database, clock=services.clock).generate(dialogues=60)
    finally:
        services.close()
    return paths


def _wait_idle(qtbot: QtBot, controller: AppController) -> None:
    qtbot.waitUntil(lambda: controller.worker.pending == 0, timeout=TIMEOUT)


def test_every_section_opens_and_paints(qtbot: QtBot, app: AppController) -> None:
    window = app.window
    for section in SECTIONS:
        window.show_section(section.key)
        page = window.stack.currentWidget()
        assert page is window.page(section.key)
        if section.kinds:
            assert isinstance(page, RecordSection)
            assert page.current_kind == section.kinds[0]
        _wait_idle(qtbot, app)
        assert not window.grab().isNull()
    assert window.current_section() == "settings"


def test_the_last_section_is_shown_again_after_a_restart(
    qtbot: QtBot, app: AppController, paths: AppPaths
) -> None:
    app.window.show_section("meetings")
    app.window.close()
    app.shutdown()
    again = build_app(paths, worker=DatabaseWorker())
    qtbot.addWidget(again.window)
    again.start()
    qtbot.waitUntil(lambda: again.context is not None, timeout=TIMEOUT)
    try:
        assert again.window.current_section() == "meetings"
    finally:
        again.shutdown()


def _first(paths: AppPaths, model: type[Concern] | type[Problem]) -> uuid.UUID:
    services = build_services(paths)
    try:
        with services.unit_of_work() as uow:
            query = select(model.id).where(model.deleted_at.is_(None)).order_by(model.id)
            found = uow.session.scalars(query).first()
    finally:
        services.close()
    assert found is not None
    return found


def _editor(window_page: RecordSection) -> RecordEditor:
    editor = window_page.editors.currentWidget()
    assert isinstance(editor, RecordEditor)
    return editor


def test_linking_a_concern_to_a_problem_clears_it_from_the_board(
    qtbot: QtBot, app: AppController, paths: AppPaths
) -> None:
    window = app.window
    window.show_section("overview")
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    qtbot.waitUntil(lambda: overview.board is not None, timeout=TIMEOUT)
    assert overview.board is not None
    unlinked = overview.board.section(BoardSection.UNLINKED_CONCERNS)
    concern_id = unlinked.items[0].id
    problem_id = _first(paths, Problem)

    # Open the problem through the same event search and Översikt use, then link.
    app.events.open_record_requested.emit("problems", problem_id)
    page = window.page("situation")
    assert isinstance(page, RecordSection)
    editor = _editor(page)
    qtbot.waitUntil(lambda: editor.record_id == problem_id, timeout=TIMEOUT)
    _wait_idle(qtbot, app)
    before = unlinked.total
    editor.link("concerns", concern_id)
    _wait_idle(qtbot, app)

    window.show_section("overview")

    def cleared() -> bool:
        board = overview.board
        if board is None:
            return False
        section = board.section(BoardSection.UNLINKED_CONCERNS)
        return section.total == before - 1 and concern_id not in {i.id for i in section.items}

    qtbot.waitUntil(cleared, timeout=TIMEOUT)


def test_delete_then_angra_in_the_status_bar_restores(
    qtbot: QtBot, app: AppController, paths: AppPaths
) -> None:
    window = app.window
    problem_id = _first(paths, Problem)
    app.events.open_record_requested.emit("problems", problem_id)
    page = window.page("situation")
    assert isinstance(page, RecordSection)
    editor = _editor(page)
    qtbot.waitUntil(lambda: editor.record_id == problem_id, timeout=TIMEOUT)
    _wait_idle(qtbot, app)
    editor.delete_record()
    qtbot.waitUntil(lambda: window.undo_button.isVisible(), timeout=TIMEOUT)
    services = app.services
    assert services is not None
    assert problem_id not in {r.id for r in services.records.list("problems")}

    window.undo_button.click()
    _wait_idle(qtbot, app)
    qtbot.waitUntil(lambda: not window.undo_button.isVisible(), timeout=TIMEOUT)
    assert problem_id in {r.id for r in services.records.list("problems")}


def test_text_left_from_a_crash_is_offered_and_restored_at_start(
    qtbot: QtBot, paths: AppPaths
) -> None:
    problem_id = _first(paths, Problem)
    store = RecoveryStore(paths.data_dir / "recovery")
    store.write(Draft(kind="problems", record_id=problem_id, values={"title": "Återfunnen rubrik"}))

    controller = build_app(paths, worker=DatabaseWorker())
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.start()
    try:
        qtbot.waitUntil(lambda: bool(controller.recovered), timeout=TIMEOUT)
        box = controller.message_box
        assert box is not None and box.isVisible()
        assert "1 utkast" in box.informativeText()
        box.button(QMessageBox.StandardButton.Open).click()
        page = controller.window.page("situation")
        assert isinstance(page, RecordSection)
        editor = _editor(page)
        qtbot.waitUntil(
            lambda: (
                editor.record_id == problem_id and editor.value_of("title") == "Återfunnen rubrik"
            ),
            timeout=TIMEOUT,
        )
    finally:
        controller.shutdown()


def test_ctrl_shift_n_starts_a_dialogue_with_the_cursor_in_its_title(
    qtbot: QtBot, app: AppController
) -> None:
    window = app.window
    window.activateWindow()
    window.new_dialogue_action.trigger()
    page = window.page("dialogues")
    assert isinstance(page, RecordSection)
    editor = _editor(page)
    title = editor.rows["title"].widget
    qtbot.waitUntil(title.hasFocus, timeout=TIMEOUT)
    assert window.current_section() == "dialogues"
    assert editor.record_id is None

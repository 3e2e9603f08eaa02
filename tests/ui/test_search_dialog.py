"""The search dialog: type, see hits grouped by kind, Enter opens the record."""

from __future__ import annotations

import gc
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kommunpolis.composition import Services, build_services
from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    DialogueKind,
    ParticipationLevel,
    Role,
)
from kommunpolis.paths import resolve_paths
from kommunpolis.services.demo import DemoService
from kommunpolis.storage import tables as t
from kommunpolis.ui.context import RecordEvents, UiContext
from kommunpolis.ui.search import SearchDialog, SearchRole
from kommunpolis.ui.tasks import DatabaseWorker

TIMEOUT_MS = 10_000


@pytest.fixture
def context(qapp: object, tmp_path: Path) -> Iterator[UiContext]:
    """A UiContext on a new database with a profile, demo data and one known dialogue."""
    paths = resolve_paths(tmp_path / "data")
    services = build_services(paths, busy_timeout_ms=200)
    services.profiles.create(name="Anna Andersson", role=Role.OFFICER, municipality_codes=["0180"])
    DemoService(database=services.database, clock=services.clock).generate(dialogues=40, seed=2)
    worker = DatabaseWorker()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    try:
        yield UiContext(
            paths=paths, services=services, worker=worker, settings=settings, events=RecordEvents()
        )
    finally:
        worker.stop()
        services.close()


def add_dialogue(services: Services, title: str) -> uuid.UUID:
    """Save a dialogue dated after every demo record (so it is the newest)."""
    with services.unit_of_work() as uow:
        dialogue = t.Dialogue(
            title=title,
            kind=DialogueKind.CITIZEN,
            format=DialogueFormat.OPEN_MEETING,
            participation_level=ParticipationLevel.INFORMATION,
            starts_at=datetime(2030, 5, 1, 17, tzinfo=UTC),
            municipality_code="0180",
        )
        uow.session.add(dialogue)
        uow.commit()
    return dialogue.id


def open_dialog(qtbot: QtBot, context: UiContext) -> SearchDialog:
    dialog = SearchDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_typing_then_enter_opens_the_record(qtbot: QtBot, context: UiContext) -> None:
    wanted = add_dialogue(context.services, "Medborgardialog om ungdomsgäng i Ängelholm")
    dialog = open_dialog(qtbot, context)

    qtbot.keyClicks(dialog.search_box, "ungdomsg")  # QTest types ASCII only
    qtbot.waitUntil(lambda: dialog.model.hit_count() > 0, timeout=TIMEOUT_MS)
    header = dialog.model.index(0, 0)
    assert header.data(SearchRole.IS_HEADER) is True
    assert str(header.data(Qt.ItemDataRole.DisplayRole)).startswith("Dialoger (")
    assert dialog.results_view.currentIndex().data(SearchRole.RECORD_ID) == wanted

    with qtbot.waitSignal(context.events.open_record_requested, timeout=TIMEOUT_MS) as opened:
        qtbot.keyClick(dialog.search_box, Qt.Key.Key_Return)
    assert opened.args == ["dialogues", wanted]
    assert not dialog.isVisible()


def test_arrow_keys_move_through_hits_across_groups(
    qtbot: QtBot, context: UiContext, qtmodeltester: ModelTester
) -> None:
    dialog = open_dialog(qtbot, context)
    qtbot.keyClicks(dialog.search_box, "skadeg")
    qtbot.waitUntil(lambda: dialog.model.hit_count() > 3, timeout=TIMEOUT_MS)
    qtmodeltester.check(dialog.model)
    kinds = []
    for _ in range(dialog.model.hit_count() + 2):
        current = dialog.results_view.currentIndex()
        assert current.data(SearchRole.IS_HEADER) is False
        kinds.append(current.data(SearchRole.KIND))
        qtbot.keyClick(dialog.search_box, Qt.Key.Key_Down)
    assert len(set(kinds)) >= 2, "moving down crosses from one kind's group to the next"
    assert kinds == sorted(kinds, key=kinds.index)  # groups stay together
    qtbot.keyClick(dialog.search_box, Qt.Key.Key_Up)
    assert dialog.results_view.currentIndex().data(SearchRole.IS_HEADER) is False


def test_only_the_latest_query_is_shown(qtbot: QtBot, context: UiContext) -> None:
    add_dialogue(context.services, "Trygghetsvandring i Åmål")
    dialog = open_dialog(qtbot, context)
    qtbot.keyClicks(dialog.search_box, "skadeg")
    qtbot.waitUntil(lambda: dialog.model.hit_count() > 0, timeout=TIMEOUT_MS)
    dialog.search_box.setText("åmål")
    qtbot.waitUntil(
        lambda: dialog.model.hit_count() == 1 and context.worker.pending == 0, timeout=TIMEOUT_MS
    )
    (title,) = [
        dialog.model.index(row, 0).data(Qt.ItemDataRole.DisplayRole)
        for row in range(dialog.model.rowCount())
        if not dialog.model.index(row, 0).data(SearchRole.IS_HEADER)
    ]
    assert title.startswith("Trygghetsvandring i Åmål")


def test_escape_closes_and_nothing_found_says_so(qtbot: QtBot, context: UiContext) -> None:
    dialog = open_dialog(qtbot, context)
    qtbot.keyClicks(dialog.search_box, "zzzxq")
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Inga träffar.", timeout=TIMEOUT_MS)
    qtbot.keyClick(dialog.search_box, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_dropped_dialog_is_not_freed_on_the_worker_thread(
    qtbot: QtBot, context: UiContext
) -> None:
    # Regression: the worker kept its last job, whose callbacks owned the dialog; freeing
    # the dialog there (off the GUI thread) crashed the process when the worker stopped.
    dialogs = [SearchDialog(context)]
    dialogs[0].show()
    dialogs[0].search_box.setText("skadeg")
    qtbot.waitUntil(lambda: dialogs[0].model.hit_count() > 0, timeout=TIMEOUT_MS)
    dialogs[0].close()
    dialogs.clear()
    gc.collect()
    context.worker.stop()
    assert not context.worker.running

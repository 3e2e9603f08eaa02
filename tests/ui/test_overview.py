"""Översikt with real widgets and a real database: numbers, opening records, refreshing."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kommunpolis.composition import Services
from kommunpolis.domain.statuses import DialogueStatus
from kommunpolis.domain.vocabulary import DialogueFormat, DialogueKind, ParticipationLevel
from kommunpolis.services.attention import (
    SECTIONS,
    AttentionItem,
    AttentionService,
    Reason,
    Section,
)
from kommunpolis.storage import tables as t
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.pages.overview import (
    REFRESH_DELAY_MS,
    AttentionItemModel,
    OverviewPage,
    describe_item,
)
from tests.ui.conftest import build_demo_database

KOMMUN = "0180"
TODAY = date(2026, 1, 12)  # shortly after the demo dataset's "now"
WAIT_MS = 10_000


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with a profile and 300 demo dialogues, built once per run, to copy."""
    folder = tmp_path_factory.mktemp("overview-demo")
    return build_demo_database(folder, kommun=KOMMUN, dialogues=300)


def attention(services: Services) -> AttentionService:
    """The service the page is given, on a fixed day."""
    return AttentionService(uow=services.unit_of_work, today=lambda: TODAY)


@pytest.fixture
def page(qtbot: QtBot, context: UiContext) -> OverviewPage:
    """A shown page that has loaded the board and the counts per kommun."""
    page = OverviewPage(context, service=attention(context.services))
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    qtbot.waitUntil(lambda: page.board is not None and not page.loading, timeout=WAIT_MS)
    return page


def test_page_shows_the_numbers_of_the_service(page: OverviewPage, context: UiContext) -> None:
    expected = attention(context.services).board()
    for section in expected.sections:
        tile = page.tiles[section.section]
        assert tile.count == section.total
        assert tile.accessibleName().endswith(f": {tile.count_text()}")
    assert expected.section(Section.UNLINKED_CONCERNS).total > 0

    shown = expected.section(page.selected_section)
    model = page.item_model
    assert model.rowCount() == len(shown.items)
    assert [model.index(row, 0).data(AttentionItemModel.ID_ROLE) for row in range(3)] == [
        item.id for item in shown.items[:3]
    ]

    counts = attention(context.services).counts_per_municipality()
    kommun_model = page.kommun_model
    assert kommun_model.rowCount() == len(counts)
    for row, expected_row in enumerate(counts):
        assert kommun_model.index(row, 0).data() == expected_row.name
        shown_counts = [
            kommun_model.index(row, column).data(kommun_model.COUNT_ROLE)
            for column in range(1, len(SECTIONS) + 1)
        ]
        assert shown_counts == list(expected_row.counts)


def test_clicking_an_item_opens_its_record(
    qtbot: QtBot, page: OverviewPage, context: UiContext
) -> None:
    page.select_section(Section.DIALOGUES_NOT_FED_BACK)
    first = page.board.section(Section.DIALOGUES_NOT_FED_BACK).items[0]  # type: ignore[union-attr]
    view = page.item_view
    rect = view.visualRect(page.item_model.index(0, 0))
    with qtbot.waitSignal(context.events.open_record_requested, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["dialogues", first.id]

    second = page.board.section(Section.DIALOGUES_NOT_FED_BACK).items[1]  # type: ignore[union-attr]
    view.setFocus()
    view.setCurrentIndex(page.item_model.index(1, 0))
    with qtbot.waitSignal(context.events.open_record_requested, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == ["dialogues", second.id]


def test_tiles_are_chosen_by_keyboard(qtbot: QtBot, page: OverviewPage) -> None:
    minutes = page.tiles[Section.MINUTES_NOT_APPROVED]
    assert minutes.focusPolicy() & Qt.FocusPolicy.TabFocus
    minutes.setFocus()
    qtbot.keyClick(minutes, Qt.Key.Key_Return)
    assert page.selected_section is Section.MINUTES_NOT_APPROVED
    assert page.items_heading.text() == "Protokoll ej justerade"
    assert page.item_model.index(0, 0).data(AttentionItemModel.KIND_ROLE) == "meetings"

    concerns = page.tiles[Section.UNLINKED_CONCERNS]
    concerns.setFocus()
    qtbot.keyClick(concerns, Qt.Key.Key_Space)
    assert page.selected_section is Section.UNLINKED_CONCERNS
    assert concerns.isChecked() and not minutes.isChecked()


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, page: OverviewPage) -> None:
    assert page.item_model.rowCount() > 0
    qtmodeltester.check(page.item_model)
    assert page.kommun_model.rowCount() > 0
    qtmodeltester.check(page.kommun_model)


def _add_held_dialogue(services: Services, concerns: int) -> uuid.UUID:
    with services.unit_of_work() as uow:
        dialogue = t.Dialogue(
            title="Trygghetsvandring Centrum",
            kind=DialogueKind.CITIZEN,
            format=DialogueFormat.SAFETY_WALK,
            participation_level=ParticipationLevel.CONSULTATION,
            starts_at=datetime(2026, 1, 8, 18, tzinfo=UTC),
            municipality_code=KOMMUN,
            status=DialogueStatus.HELD,
        )
        uow.session.add(dialogue)
        uow.flush()
        theme = uow.session.query(t.Theme).order_by(t.Theme.position).first()
        assert theme is not None
        uow.session.add_all(
            t.Concern(dialogue_id=dialogue.id, theme_id=theme.id) for _ in range(concerns)
        )
        uow.commit()
        return dialogue.id


def test_a_saved_record_refreshes_the_page_once(
    qtbot: QtBot, page: OverviewPage, context: UiContext
) -> None:
    before = page.tiles[Section.UNLINKED_CONCERNS].count
    dialogues_before = page.tiles[Section.DIALOGUES_NOT_FED_BACK].count
    assert before is not None and dialogues_before is not None
    dialogue_id = _add_held_dialogue(context.services, concerns=3)

    loaded: list[object] = []
    page.board_loaded.connect(loaded.append)
    for _ in range(3):  # a burst of saves loads once, after the debounce
        context.events.record_saved.emit("dialogues", dialogue_id)
    assert not page.loading and context.worker.pending == 0
    with qtbot.waitSignal(page.board_loaded, timeout=WAIT_MS):
        pass
    qtbot.waitUntil(lambda: not page.loading, timeout=WAIT_MS)
    assert len(loaded) == 1
    assert page.tiles[Section.UNLINKED_CONCERNS].count == before + 3
    assert page.tiles[Section.DIALOGUES_NOT_FED_BACK].count == dialogues_before + 1
    # Newest first: the concerns just entered lead the list.
    assert page.item_model.index(0, AttentionItemModel.Column.KOMMUN).data() == "Stockholm"


def test_the_kommun_filter_narrows_the_board(
    qtbot: QtBot, page: OverviewPage, context: UiContext
) -> None:
    _add_held_dialogue(context.services, concerns=2)
    assert page.kommun_combo.count() == 2  # Alla kommuner, Stockholm
    assert page.kommun_label.buddy() is page.kommun_combo
    with qtbot.waitSignal(page.board_loaded, timeout=WAIT_MS):
        page.select_municipality(KOMMUN)
    board = page.board
    assert board is not None and board.municipality_codes == (KOMMUN,)
    assert page.tiles[Section.UNLINKED_CONCERNS].count == 2
    assert page.tiles[Section.DIALOGUES_NOT_FED_BACK].count == 1
    qtbot.waitUntil(lambda: not page.loading, timeout=WAIT_MS)
    assert page.kommun_model.rowCount() == 1
    assert page.kommun_model.index(0, 0).data() == "Stockholm"


def test_item_details_say_how_late_and_how_long_ago(qtbot: QtBot) -> None:
    day = date(2026, 1, 9)
    overdue = AttentionItem(
        kind="measures",
        id=uuid.uuid4(),
        title="Ny belysning",
        reason=Reason.OVERDUE,
        municipality_code=KOMMUN,
        day=day,
        days_from_today=-3,
        status="in_progress",
    )
    assert describe_item(overdue).startswith("Försenad 3 dagar")
    due = replace(overdue, reason=Reason.DUE_SOON, days_from_today=0)
    assert describe_item(due) == "Åtgärd · slutar i dag"
    unfollowed = replace(overdue, reason=Reason.NO_FOLLOW_UP)
    assert describe_item(unfollowed) == "Pågår · aldrig uppföljd"


def test_a_hidden_page_waits_until_it_is_shown(
    qtbot: QtBot, page: OverviewPage, context: UiContext
) -> None:
    before = page.tiles[Section.UNLINKED_CONCERNS].count
    assert before is not None
    page.hide()
    dialogue_id = _add_held_dialogue(context.services, concerns=1)
    context.events.record_saved.emit("dialogues", dialogue_id)
    qtbot.wait(REFRESH_DELAY_MS + 100)
    assert not page.loading and page.tiles[Section.UNLINKED_CONCERNS].count == before

    with qtbot.waitSignal(page.board_loaded, timeout=WAIT_MS):
        page.show()
    assert page.tiles[Section.UNLINKED_CONCERNS].count == before + 1
    qtbot.waitUntil(lambda: not page.loading, timeout=WAIT_MS)

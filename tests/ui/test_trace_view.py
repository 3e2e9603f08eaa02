"""Visa kedjan with real widgets and a real demo database: breaks marked, rows open records."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kommunpolis.domain.statuses import DialogueStatus, PromiseStatus
from kommunpolis.domain.vocabulary import Role
from kommunpolis.services.attention import AttentionService, Section
from kommunpolis.services.chain import BreakKind, ChainService, DialogueTrace, PromiseTrace
from kommunpolis.storage import tables as t
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.editors import RecordEditor
from kommunpolis.ui.pages.overview import AttentionItemModel, OverviewPage
from kommunpolis.ui.trace_view import (
    BROKEN_TINT,
    ChainStep,
    TraceDialog,
    TraceModel,
    TraceView,
    break_label,
)
from tests.ui.conftest import build_demo_database

KOMMUN = "0180"
TODAY = date(2026, 1, 12)  # shortly after the demo dataset's "now"
WAIT_MS = 10_000


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with an officer's profile and 300 demo dialogues, built once, to copy."""
    folder = tmp_path_factory.mktemp("trace-demo")
    return build_demo_database(folder, kommun=KOMMUN, dialogues=300)


def _chain(context: UiContext) -> ChainService:
    return ChainService(uow=context.services.unit_of_work, today=lambda: TODAY)


def _promise_with_breaks(context: UiContext) -> uuid.UUID:
    """An adopted demo promise with measures whose chain is broken somewhere."""
    adopted = (PromiseStatus.SIGNED, PromiseStatus.PUBLISHED, PromiseStatus.FOLLOWED_UP)
    with context.services.unit_of_work() as uow:
        ids = uow.session.scalars(
            select(t.Promise.id).where(t.Promise.status.in_(adopted)).order_by(t.Promise.title)
        ).all()
    chain = _chain(context)
    traces = [chain.promise_trace(i) for i in ids]
    return next(tr.promise.id for tr in traces if tr.breaks and tr.measures)


def _held_dialogue(context: UiContext) -> uuid.UUID:
    with context.services.unit_of_work() as uow:
        return uow.session.scalars(  # type: ignore[return-value]
            select(t.Dialogue.id)
            .where(t.Dialogue.status == DialogueStatus.HELD)
            .order_by(t.Dialogue.starts_at.desc())
        ).first()


def _shown(qtbot: QtBot, context: UiContext, kind: str, record_id: uuid.UUID) -> TraceView:
    view = TraceView(context, chain=_chain(context))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    with qtbot.waitSignal(view.trace_loaded, timeout=WAIT_MS):
        view.show_record(kind, record_id)
    return view


def _rows(model: TraceModel, parent: QModelIndex | None = None) -> list[QModelIndex]:
    parent = parent or QModelIndex()
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        found += [index, *_rows(model, index)]
    return found


def test_a_promise_trace_marks_every_break_with_colour_icon_and_words(
    qtbot: QtBot, context: UiContext
) -> None:
    promise_id = _promise_with_breaks(context)
    view = _shown(qtbot, context, "promises", promise_id)
    trace = view.trace
    assert isinstance(trace, PromiseTrace) and trace.promise.id == promise_id
    model = view.model
    groups = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert groups[0].startswith("Fokusområden") and groups[-1].startswith("Återkoppling")

    broken = view.broken_rows()
    assert broken
    marked = {
        (index.data(TraceModel.KIND_ROLE), index.data(TraceModel.ID_ROLE), kind)
        for index in broken
        for kind in index.data(TraceModel.BROKEN_ROLE)
    }
    assert marked == {(b.record_kind, b.record_id, b.kind) for b in trace.breaks}
    for index in broken:
        breaks_cell = index.siblingAtColumn(TraceModel.Column.BREAKS)
        kinds = index.data(TraceModel.BROKEN_ROLE)
        assert breaks_cell.data() == " · ".join(break_label(k) for k in kinds)  # words
        icon = breaks_cell.data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(icon, QIcon) and not icon.isNull()  # an icon
        assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == BROKEN_TINT
    # Every dialogue behind the promise is listed under the feedback, fed back or not.
    feedback = model.index(model.rowCount() - 1, 0)
    assert model.rowCount(feedback) == len(trace.dialogues)
    assert "brott i kedjan" in view.verdict.text()
    assert view.step_buttons[ChainStep.FEEDBACK].summary.broken > 0  # type: ignore[union-attr]
    # The derived progress is shown: the counts per status and the worst colour.
    progress = view.progress_label.text()
    assert f"{trace.progress.measure_count} åtgärder" in progress
    if trace.progress.worst_mark is not None:
        assert "sämsta färg" in progress


def test_choosing_a_row_asks_to_open_its_record(qtbot: QtBot, context: UiContext) -> None:
    view = _shown(qtbot, context, "promises", _promise_with_breaks(context))
    trace = view.trace
    assert isinstance(trace, PromiseTrace)
    model = view.model
    measures = next(i for i in _rows(model) if i.data(TraceModel.STEP_ROLE) == "measures")
    first = model.index(0, 0, measures)
    assert first.data(TraceModel.ID_ROLE) == trace.measures[0].id
    view.tree.scrollTo(first)
    rect = view.tree.visualRect(first)
    with qtbot.waitSignal(context.events.open_record_requested, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["measures", trace.measures[0].id]

    dialogue_row = next(
        i for i in view.broken_rows() if i.data(TraceModel.KIND_ROLE) == "dialogues"
    )
    view.tree.setFocus()
    view.tree.setCurrentIndex(dialogue_row)
    with qtbot.waitSignal(context.events.open_record_requested, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert blocker.args == ["dialogues", dialogue_row.data(TraceModel.ID_ROLE)]

    # A heading opens nothing; the strip's step selects its heading.
    opened: list[object] = []
    context.events.open_record_requested.connect(lambda *args: opened.append(args))
    view.tree.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert opened == []
    qtbot.mouseClick(view.step_buttons[ChainStep.MEASURES], Qt.MouseButton.LeftButton)
    assert view.tree.currentIndex() == measures


def test_a_dialogue_trace_says_what_became_of_each_concern(
    qtbot: QtBot, context: UiContext, qtmodeltester: ModelTester
) -> None:
    dialogue_id = _held_dialogue(context)
    view = _shown(qtbot, context, "dialogues", dialogue_id)
    trace = view.trace
    assert isinstance(trace, DialogueTrace)
    model = view.model
    concerns = model.index(0, 0)
    assert model.rowCount(concerns) == len(trace.concerns)
    for row, outcome in enumerate(trace.concerns):
        index = model.index(row, 0, concerns)
        assert index.data(TraceModel.ID_ROLE) == outcome.concern.id
        assert model.rowCount(index) >= len(outcome.problems)
        unlinked = BreakKind.CONCERN_WITHOUT_PROBLEM in index.data(TraceModel.BROKEN_ROLE)
        assert unlinked == (not outcome.problems)
    fed_back = model.index(0, 0, model.index(1, 0))
    assert fed_back.data(TraceModel.ID_ROLE) == dialogue_id
    assert BreakKind.DIALOGUE_NOT_FED_BACK in fed_back.data(TraceModel.BROKEN_ROLE)
    assert not view.progress_label.isVisible()
    assert not view.step_buttons[ChainStep.FOLLOW_UPS].isVisible()
    qtmodeltester.check(model)


def test_the_promise_model_passes_the_model_tester(
    qtbot: QtBot, context: UiContext, qtmodeltester: ModelTester
) -> None:
    view = _shown(qtbot, context, "promises", _promise_with_breaks(context))
    qtmodeltester.check(view.model)


def test_the_trace_follows_the_record_as_the_chain_is_mended(
    qtbot: QtBot, context: UiContext
) -> None:
    dialogue_id = _held_dialogue(context)
    view = _shown(qtbot, context, "dialogues", dialogue_id)
    assert view.trace is not None and view.trace.has_break(BreakKind.DIALOGUE_NOT_FED_BACK)
    records = context.services.records
    records.change_status("dialogues", dialogue_id, DialogueStatus.COMPILED)
    records.change_status("dialogues", dialogue_id, DialogueStatus.FED_BACK)
    with qtbot.waitSignal(view.trace_loaded, timeout=WAIT_MS):
        context.events.record_saved.emit("dialogues", dialogue_id)
    assert not view.trace.has_break(BreakKind.DIALOGUE_NOT_FED_BACK)
    feedback_row = view.model.index(0, 0, view.model.index(1, 0))
    assert feedback_row.data(TraceModel.BROKEN_ROLE) == ()


def test_the_promise_editor_shows_the_chain_with_its_button(
    qtbot: QtBot, context: UiContext
) -> None:
    promise_id = _promise_with_breaks(context)
    editor = RecordEditor(context)
    qtbot.addWidget(editor)
    editor.show()
    editor.show_record("promises", promise_id)
    qtbot.waitUntil(lambda: editor.detail is not None, timeout=WAIT_MS)
    assert editor.trace_button.isVisible() and editor.trace_button.isEnabled()
    assert editor.trace_button.shortcut().toString() == "Ctrl+Shift+K"
    qtbot.mouseClick(editor.trace_button, Qt.MouseButton.LeftButton)
    dialog = editor.trace_dialog
    assert isinstance(dialog, TraceDialog)
    qtbot.waitUntil(lambda: dialog.view.trace is not None, timeout=WAIT_MS)
    assert isinstance(dialog.view.trace, PromiseTrace)
    assert dialog.view.trace.promise.id == promise_id
    dialog.close()

    editor.show_record("problems", dialog.view.trace.problems[0].problem.id)
    qtbot.waitUntil(lambda: editor.detail is not None, timeout=WAIT_MS)
    assert not editor.trace_button.isVisible()


def _page(qtbot: QtBot, context: UiContext) -> OverviewPage:
    service = AttentionService(uow=context.services.unit_of_work, today=lambda: TODAY)
    page = OverviewPage(context, service=service)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitUntil(lambda: page.board is not None and not page.loading, timeout=WAIT_MS)
    return page


def test_a_broken_promise_on_the_board_opens_its_chain(qtbot: QtBot, context: UiContext) -> None:
    page = _page(qtbot, context)
    assert page.tiles[Section.BROKEN_PROMISES].count
    page.select_section(Section.BROKEN_PROMISES)
    first = page.item_model.item(0)
    assert first.kind == "promises" and first.breaks
    assert page.item_model.index(0, 1).data().startswith("⚠ ")
    rect = page.item_view.visualRect(page.item_model.index(0, 0))
    qtbot.mouseClick(page.item_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.trace_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.view.trace is not None, timeout=WAIT_MS)
    assert isinstance(dialog.view.trace, PromiseTrace) and dialog.view.trace.promise.id == first.id
    shown = {b.kind for b in dialog.view.trace.breaks}
    assert set(first.breaks) <= shown
    dialog.close()

    # The same item, through the buttons: the record itself.
    page.item_view.setCurrentIndex(page.item_model.index(0, 0))
    assert page.open_button.isEnabled() and page.trace_button.isEnabled()
    with qtbot.waitSignal(context.events.open_record_requested, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["promises", first.id]
    # A measure has no chain of its own to show.
    page.select_section(Section.MEASURES_STALLED)
    page.item_view.setCurrentIndex(page.item_model.index(0, 0))
    assert page.item_model.index(0, 0).data(AttentionItemModel.KIND_ROLE) == "measures"
    assert not page.trace_button.isEnabled()


def test_kommuner_sorted_by_breaks_and_a_coordinator_sees_every_one(
    qtbot: QtBot, context: UiContext
) -> None:
    context.services.profiles.create(
        name="Kim Samordnare",
        role=Role.COORDINATOR,
        municipality_codes=[KOMMUN],
        replace=True,
    )
    page = _page(qtbot, context)
    assert page.is_coordinator
    proxy = page.kommun_proxy
    column = page.kommun_model.BREAKS_COLUMN
    breaks = [
        proxy.index(row, column).data(page.kommun_model.COUNT_ROLE)
        for row in range(proxy.rowCount())
    ]
    assert len(breaks) >= 3 and breaks == sorted(breaks, reverse=True)
    rows = AttentionService(
        uow=context.services.unit_of_work, today=lambda: TODAY
    ).counts_per_municipality()
    assert sorted(breaks, reverse=True) == sorted((r.chain_breaks for r in rows), reverse=True)
    # The filter offers every kommun on the board, not only the profile's.
    offered = {page.kommun_combo.itemData(i) for i in range(1, page.kommun_combo.count())}
    assert {r.code for r in rows if r.code} <= offered
    # Enter on the most broken kommun filters the board to it.
    top = proxy.mapToSource(proxy.index(0, 0))
    code = page.kommun_model.code(top.row())
    page.kommun_view.setFocus()
    page.kommun_view.setCurrentIndex(proxy.index(0, 0))
    with qtbot.waitSignal(page.board_loaded, timeout=WAIT_MS):
        qtbot.keyClick(page.kommun_view, Qt.Key.Key_Return)
    assert page.board is not None and page.board.municipality_codes == (code,)
    QApplication.processEvents()

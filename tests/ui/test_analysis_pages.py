"""Analys and Handlingsplan with real widgets on a demo database (and a hand-built chain)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kommunpolis.domain.vocabulary import FollowUpMark, Party
from kommunpolis.services.analysis import ProblemAnalysis, PromisePlan
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.pages.action_plan import (
    FETCH_BATCH,
    ActionPlanModel,
    ActionPlanPage,
    focus_area_heading,
    party_heading,
)
from kommunpolis.ui.pages.analysis import ID_ROLE, AnalysisPage, ConcernEvidenceModel
from kommunpolis.ui.pages.record_section import RecordSection
from kommunpolis.ui.sections import SECTIONS_BY_KEY
from tests.ui.conftest import build_demo_database

WAIT_MS = 10_000
SHOTS = Path(os.environ.get("KOMMUNPOLIS_SHOTS", "/tmp/shots/analysis"))


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with a profile and 300 demo dialogues, built once per run, to copy."""
    folder = tmp_path_factory.mktemp("analysis-demo")
    return build_demo_database(folder, kommun="1285", dialogues=300)


def _analysed_problem(context: UiContext, *, analysed: bool = True) -> ProblemAnalysis:
    """Return a demo problem (with or without an analysis) that has concerns and sources."""
    service = context.services.analysis
    for choice in service.problems():
        found = service.problem_analysis(choice.id)
        wanted = (found.analysis is not None) == analysed and (not analysed or found.causes[1:])
        if wanted and found.concerns and found.sources:
            return found
    raise AssertionError("the demo data has no such problem")


def _rich_promise(context: UiContext) -> PromisePlan:
    """Return the demo promise with the most measures among those with measured indicators."""
    service = context.services.analysis
    plans = [service.promise_plan(choice.id) for choice in service.promises()]
    plans = [p for p in plans if p.indicators and all(i.values for i in p.indicators)]
    return max(plans, key=lambda p: len(p.rows))


@pytest.fixture
def analysis_page(qtbot: QtBot, context: UiContext) -> AnalysisPage:
    """A shown Analys page (choices loaded)."""
    page = AnalysisPage(context)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitUntil(lambda: page.problem_choice.count() > 1, timeout=WAIT_MS)
    return page


def _show(qtbot: QtBot, page: AnalysisPage, problem_id: uuid.UUID) -> ProblemAnalysis:
    with qtbot.waitSignal(page.analysis_shown, timeout=WAIT_MS) as blocker:
        page.show_problem(problem_id)
    shown = blocker.args[0]
    assert isinstance(shown, ProblemAnalysis)
    return shown


def test_analysis_page_shows_fields_causes_and_evidence(
    qtbot: QtBot,
    analysis_page: AnalysisPage,
    context: UiContext,
    qtmodeltester: ModelTester,
) -> None:
    expected = _analysed_problem(context)
    page = analysis_page
    _show(qtbot, page, expected.problem.id)

    assert expected.analysis is not None
    for name, widget in page.inputs.items():
        assert widget.value() == expected.analysis.text(name)
        assert widget.accessibleName()
    assert page.cause_model.rowCount() == len(expected.causes)
    for row, cause in enumerate(expected.causes):
        assert page.cause_model.index(row).data() == f"{cause.number}. {cause.text}"
    assert page.concern_model.rowCount() == len(expected.concerns)
    assert page.source_model.rowCount() == len(expected.sources)
    first = expected.concerns[0]
    column = ConcernEvidenceModel.Column
    assert page.concern_model.index(0, column.THEME).data() == first.theme
    assert page.concern_model.index(0, column.COUNT).data() == str(first.raised_count)
    for model in (page.cause_model, page.concern_model, page.source_model):
        qtmodeltester.check(model)
    assert str(len(expected.concerns)) in page.evidence_summary.text()

    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    page.grab().save(str(SHOTS / "analysis.png"))


def test_edit_a_sara_field_and_read_it_back_after_autosave(
    qtbot: QtBot, analysis_page: AnalysisPage, context: UiContext
) -> None:
    page = analysis_page
    page.saver.set_delay(50)
    fresh = _analysed_problem(context, analysed=False)
    _show(qtbot, page, fresh.problem.id)
    assert all(widget.value() == "" for widget in page.inputs.values())

    # The first keystrokes create the analysis; the next ones change it. (QTest types
    # ASCII only.)
    page.inputs["scanning"].setFocus()
    with qtbot.waitSignal(page.saver.saved, timeout=WAIT_MS):
        qtbot.keyClicks(page.inputs["scanning"], "Larm om stok")
    qtbot.waitUntil(lambda: not page.saver.dirty, timeout=WAIT_MS)
    with qtbot.waitSignal(page.saver.saved, timeout=WAIT_MS):
        qtbot.keyClicks(page.inputs["place_manager"], "Fastighetsagare")
    qtbot.waitUntil(lambda: not page.saver.dirty, timeout=WAIT_MS)

    stored = context.services.analysis.problem_analysis(fresh.problem.id)
    assert stored.analysis is not None
    assert stored.analysis.text("scanning") == "Larm om stok"
    assert stored.analysis.text("place_manager") == "Fastighetsagare"
    assert "Sparat" in page.saved_label.text()
    # No draft is left behind once the database has the text.
    assert not page.saver.store.path_of("analyses", stored.analysis.id).exists()


def test_add_edit_and_reorder_causes_by_keyboard(
    qtbot: QtBot, analysis_page: AnalysisPage, context: UiContext
) -> None:
    page = analysis_page
    fresh = _analysed_problem(context, analysed=False)
    _show(qtbot, page, fresh.problem.id)
    service = context.services.analysis

    for text in ("Trasig belysning", "Inga vuxna ute"):
        page.new_cause.setFocus()
        with qtbot.waitSignal(page.analysis_shown, timeout=WAIT_MS):
            qtbot.keyClicks(page.new_cause, text)
            qtbot.keyClick(page.new_cause, Qt.Key.Key_Return)
    assert page.new_cause.text() == ""
    assert [c.text for c in service.problem_analysis(fresh.problem.id).causes] == [
        "Trasig belysning",
        "Inga vuxna ute",
    ]

    # The new cause is selected; Alt+Up moves it first and the list is renumbered.
    assert page.cause_view.currentIndex().row() == 1
    page.cause_view.setFocus()
    with qtbot.waitSignal(page.analysis_shown, timeout=WAIT_MS):
        qtbot.keyClick(page.cause_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    causes = service.problem_analysis(fresh.problem.id).causes
    assert [(c.number, c.text) for c in causes] == [
        (1, "Inga vuxna ute"),
        (2, "Trasig belysning"),
    ]
    assert page.cause_model.index(0).data() == "1. Inga vuxna ute"
    assert page.cause_view.currentIndex().row() == 0

    # Edited in place: the text is saved through the editing service.
    with qtbot.waitSignal(context.events.record_saved, timeout=WAIT_MS) as saved:
        page.cause_model.setData(page.cause_model.index(1), "Mörkt i tunneln")
    assert saved.args == ["causes", causes[1].id]
    assert service.problem_analysis(fresh.problem.id).causes[1].text == "Mörkt i tunneln"


def test_opening_evidence_asks_for_its_record(
    qtbot: QtBot, analysis_page: AnalysisPage, context: UiContext
) -> None:
    expected = _analysed_problem(context)
    page = analysis_page
    _show(qtbot, page, expected.problem.id)

    page.concern_view.setFocus()
    page.concern_view.setCurrentIndex(page.concern_model.index(1, 0))
    with qtbot.waitSignal(context.events.open_record_requested, timeout=WAIT_MS) as opened:
        qtbot.keyClick(page.concern_view, Qt.Key.Key_Return)
    assert opened.args == ["concerns", expected.concerns[1].id]

    page.source_view.setFocus()
    page.source_view.setCurrentIndex(page.source_model.index(0, 0))
    with qtbot.waitSignal(context.events.open_record_requested, timeout=WAIT_MS) as opened:
        qtbot.keyClick(page.source_view, Qt.Key.Key_Return)
    assert opened.args == ["situation-pictures", expected.sources[0].situation_picture_id]


def test_the_analysis_tab_follows_the_problem_chosen_in_the_section(
    qtbot: QtBot, context: UiContext
) -> None:
    section = RecordSection(context, SECTIONS_BY_KEY["situation"])
    qtbot.addWidget(section)
    section.resize(1400, 900)
    section.show()
    problems = section.section.kinds.index("problems")
    section.tabs.setCurrentIndex(problems)
    view = section.list_view("problems")
    expected = _analysed_problem(context)
    view.select_record(expected.problem.id)
    qtbot.waitUntil(lambda: view.current_id() == expected.problem.id, timeout=WAIT_MS)

    labels = [section.tabs.tabText(n) for n in range(section.tabs.count())]
    page_index = labels.index("Analys") - len(section.section.kinds)
    page = section.page(page_index)
    assert isinstance(page, AnalysisPage)
    with qtbot.waitSignal(page.analysis_shown, timeout=WAIT_MS):
        section.show_page(page_index)
    assert page.problem_id == expected.problem.id
    assert page.problem_choice.currentData() == expected.problem.id


@pytest.fixture
def plan_page(qtbot: QtBot, context: UiContext) -> tuple[ActionPlanPage, PromisePlan]:
    """A shown Handlingsplan page on the richest demo promise."""
    expected = _rich_promise(context)
    page = ActionPlanPage(context)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitUntil(lambda: page.promise_choice.count() > 1, timeout=WAIT_MS)
    with qtbot.waitSignal(page.plan_shown, timeout=WAIT_MS):
        page.show_promise(expected.promise.id)
    return page, expected


def test_action_plan_page_shows_parties_table_and_indicators(
    plan_page: tuple[ActionPlanPage, PromisePlan], qtmodeltester: ModelTester
) -> None:
    page, expected = plan_page
    assert page.promise_choice.currentData() == expected.promise.id

    # The commitments under each focus area, in the promise's order, then the whole promise;
    # under each, the police first, then the municipality, then partners.
    tree = page.commitment_tree
    areas = [tree.topLevelItem(n) for n in range(tree.topLevelItemCount())]
    focus_titles = [p.title for p in expected.focus_areas]
    assert [a.text(0) for a in areas][: len(focus_titles)] == focus_titles
    assert [a.text(0) for a in areas] == [focus_area_heading(g) for g in expected.commitments]
    assert areas[-1].text(0) == "Hela löftet"  # the demo has words about the whole promise
    for area, group in zip(areas, expected.commitments, strict=True):
        assert area.data(0, ID_ROLE) == group.problem_id
        if not group.parties:
            assert area.child(0).text(0) == "Inga löften för fokusområdet ännu."
            continue
        parties = [area.child(n) for n in range(area.childCount())]
        assert [p.text(0) for p in parties] == [party_heading(g) for g in group.parties]
        leaves = [p.child(n) for p in parties for n in range(p.childCount())]
        assert [leaf.data(0, ID_ROLE) for leaf in leaves] == [c.id for c in group.commitments]
    # The demo's police promise something in every focus area, and they come first.
    assert all(g.parties[0].party is Party.POLICE for g in expected.commitments if g.parties)
    assert areas[0].child(0).text(0) == "Polisen lovar att …"
    assert page.focus_list.count() == len(expected.focus_areas)

    model = page.plan_model
    column = ActionPlanModel.Column
    assert model.rowCount() == len(expected.rows)
    for row, plan_row in enumerate(expected.rows):
        assert model.index(row, column.MEASURE).data() == plan_row.measure.title
        assert model.index(row, column.MEASURE).data(ID_ROLE) == plan_row.measure.id
        follow_up = model.index(row, column.FOLLOW_UP)
        mark = plan_row.follow_up_mark
        if mark is not None:
            # The colour is written out, not only painted.
            words = {
                FollowUpMark.GREEN: "Grön",
                FollowUpMark.YELLOW: "Gul",
                FollowUpMark.RED: "Röd",
            }
            assert follow_up.data().startswith(words[mark])
            assert follow_up.data(Qt.ItemDataRole.BackgroundRole) is not None
        else:
            assert follow_up.data(Qt.ItemDataRole.BackgroundRole) is None

    indicators = page.indicator_model
    assert indicators.rowCount() == len(expected.indicators)
    assert len(page.chart_views) == len(expected.indicators)
    for view, indicator in zip(page.chart_views, expected.indicators, strict=True):
        (measured, *levels) = view.chart().series()
        assert measured.count() == len(indicator.values)  # type: ignore[attr-defined]
        assert len(levels) == (indicator.baseline is not None) + (indicator.target is not None)
    for checked in (model, indicators):
        qtmodeltester.check(checked)

    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    page.grab().save(str(SHOTS / "action_plan.png"))


def test_action_plan_model_fetches_rows_a_batch_at_a_time(
    plan_page: tuple[ActionPlanPage, PromisePlan], qtmodeltester: ModelTester
) -> None:
    _page, expected = plan_page
    many = tuple(expected.rows) * (FETCH_BATCH // len(expected.rows) + 2)
    model = ActionPlanModel()
    model.set_rows(many)
    assert model.rowCount() == FETCH_BATCH < len(many)
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == min(2 * FETCH_BATCH, len(many))
    qtmodeltester.check(model)


def test_rows_open_their_records(
    qtbot: QtBot, plan_page: tuple[ActionPlanPage, PromisePlan], context: UiContext
) -> None:
    page, expected = plan_page
    page.plan_view.setFocus()
    page.plan_view.setCurrentIndex(page.plan_model.index(1, 0))
    with qtbot.waitSignal(context.events.open_record_requested, timeout=WAIT_MS) as opened:
        qtbot.keyClick(page.plan_view, Qt.Key.Key_Return)
    assert opened.args == ["measures", expected.rows[1].measure.id]

    page.indicator_view.setFocus()
    page.indicator_view.setCurrentIndex(page.indicator_model.index(0, 0))
    with qtbot.waitSignal(context.events.open_record_requested, timeout=WAIT_MS) as opened:
        qtbot.keyClick(page.indicator_view, Qt.Key.Key_Return)
    assert opened.args == ["indicators", expected.indicators[0].id]

    page.focus_list.setFocus()
    page.focus_list.setCurrentRow(0)
    with qtbot.waitSignal(context.events.open_record_requested, timeout=WAIT_MS) as opened:
        page.focus_list.itemActivated.emit(page.focus_list.currentItem())
    assert opened.args == ["problems", expected.focus_areas[0].id]

    # In the commitment tree Return opens a focus area's problem or one commitment.
    tree = page.commitment_tree
    area = tree.topLevelItem(0)
    group = expected.commitments[0]
    tree.setFocus()
    tree.setCurrentItem(area)
    with qtbot.waitSignal(context.events.open_record_requested, timeout=WAIT_MS) as opened:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert opened.args == ["problems", group.problem_id]
    tree.setCurrentItem(area.child(0).child(0))
    with qtbot.waitSignal(context.events.open_record_requested, timeout=WAIT_MS) as opened:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert opened.args == ["commitments", group.commitments[0].id]
    # A party's heading opens nothing.
    tree.setCurrentItem(area.child(0))
    with qtbot.assertNotEmitted(context.events.open_record_requested, wait=50):
        qtbot.keyClick(tree, Qt.Key.Key_Return)


def test_the_plan_reads_again_after_a_measure_is_saved_elsewhere(
    qtbot: QtBot, plan_page: tuple[ActionPlanPage, PromisePlan], context: UiContext
) -> None:
    page, expected = plan_page
    measure = expected.rows[0].measure
    context.services.editing.save("measures", measure.id, {"title": "Ny rubrik"})
    with qtbot.waitSignal(page.plan_shown, timeout=WAIT_MS):
        context.events.announce_saved("measures", measure.id)
    row = next(
        n
        for n in range(page.plan_model.rowCount())
        if page.plan_model.index(n, 0).data(ID_ROLE) == measure.id
    )
    assert page.plan_model.index(row, ActionPlanModel.Column.MEASURE).data() == "Ny rubrik"

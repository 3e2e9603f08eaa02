"""Lägesbildsbyggaren with real widgets on a demo database: aggregates, charts, problems."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kommunpolis.services.situation import Period, Scope, SituationService
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.pages.situation_builder import (
    Aggregate,
    AggregateModel,
    SituationBuilderPage,
    render_charts,
)
from tests.ui.conftest import build_demo_database

WAIT_MS = 10_000
SHOTS = Path(os.environ.get("KOMMUNPOLIS_SHOTS", "/tmp/shots/situation"))


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with a profile and 600 demo dialogues, built once per run, to copy."""
    folder = tmp_path_factory.mktemp("situation-demo")
    return build_demo_database(folder, kommun="1285", dialogues=600)


@pytest.fixture
def page(qtbot: QtBot, context: UiContext) -> SituationBuilderPage:
    """A shown page for Eslöv in 2025 that has loaded its choices and summary."""
    page = SituationBuilderPage(context, today=lambda: date(2026, 1, 12))
    qtbot.addWidget(page)
    page.resize(1280, 860)
    page.show()
    qtbot.waitUntil(lambda: page.municipality.count() > 0, timeout=WAIT_MS)
    assert page.municipality.currentData() == "1285"  # the profile's kommun first
    page.start.setDate(QDate(2025, 1, 1))
    page.end.setDate(QDate(2025, 12, 31))
    with qtbot.waitSignal(page.summary_shown, timeout=WAIT_MS):
        qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    return page


def test_tables_show_the_services_numbers(
    page: SituationBuilderPage, context: UiContext, qtmodeltester: ModelTester
) -> None:
    expected = SituationService(uow=context.services.unit_of_work).summarize(
        Scope.municipalities(["1285"]), Period(date(2025, 1, 1), date(2025, 12, 31))
    )
    assert expected.totals.concerns > 0
    themes = page.models[Aggregate.THEMES]
    assert themes.rowCount() == len(expected.by_theme)
    column = AggregateModel.Column
    for row, theme in enumerate(expected.by_theme):
        assert themes.index(row, column.NAME).data() == theme.name
        assert themes.index(row, column.WEIGHT).data(themes.VALUE_ROLE) == theme.counts.weight
        assert themes.index(row, column.CHANGE).data(themes.VALUE_ROLE) == theme.change
    formats = page.models[Aggregate.FORMATS]
    assert formats.columnCount() == column.BEFORE  # no trend columns there
    assert (
        sum(
            formats.index(row, column.CONCERNS).data(formats.VALUE_ROLE)
            for row in range(formats.rowCount())
        )
        == expected.totals.concerns
    )
    for model in page.models.values():
        qtmodeltester.check(model)
    qtmodeltester.check(page.problem_model)
    assert all(view.chart().series() for view in page.chart_views)

    SHOTS.mkdir(parents=True, exist_ok=True)
    page.resize(1400, 900)
    QApplication.processEvents()  # let the new charts lay out their axes before the picture
    page.grab().save(str(SHOTS / "builder.png"))


def test_create_a_problem_by_keyboard_and_rank_it(
    qtbot: QtBot, page: SituationBuilderPage, context: UiContext
) -> None:
    page.picture_title.setText("Lägesbild Eslöv 2025")
    with qtbot.waitSignal(page.picture_changed, timeout=WAIT_MS):
        qtbot.mouseClick(page.save_picture_button, Qt.MouseButton.LeftButton)
    assert page.picture is not None

    created = []
    rows = []
    for tab in (Aggregate.THEME_PLACES, Aggregate.THEMES):
        page.tables.setCurrentIndex(tab)
        view = page.views[tab]
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_Down)  # the first row becomes current
        rows.append(page.selected_row())
        assert rows[-1] is not None
        assert page.problem_title.text()  # suggested from the row
        assert page.create_button.isEnabled()
        with qtbot.waitSignal(page.problem_created, timeout=WAIT_MS) as blocker:
            qtbot.keyClick(page.create_button, Qt.Key.Key_Space)
        created.append(blocker.args[0])

    service = SituationService(uow=context.services.unit_of_work)
    summary = page.summary
    assert summary is not None
    for row, made in zip(rows, created, strict=True):
        assert row is not None
        assert made.linked_concerns == row.counts.concerns > 0
        assert set(service.supporting_concerns(made.problem_id)) == set(
            service.concern_ids(summary.scope, summary.period, row.concern_filter)
        )
    picture = service.picture(page.picture.id)
    assert [p.problem_id for p in picture.problems] == [c.problem_id for c in created]
    assert page.problem_model.rowCount() == 2

    page.problem_view.setFocus()
    page.problem_view.setCurrentIndex(page.problem_model.index(1, 1))
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: service.picture(picture.id).problems[0].problem_id == created[1].problem_id,
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(
        lambda: (
            page.problem_model.index(0, 0).data(page.problem_model.ID_ROLE) == created[1].problem_id
        ),
        timeout=WAIT_MS,
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "builder_problems.png"))


def test_inputs_are_labelled(page: SituationBuilderPage) -> None:
    from PySide6.QtWidgets import QLabel

    buddies = {label.buddy() for label in page.findChildren(QLabel) if label.buddy()}
    for widget in (
        page.scope_kind,
        page.municipality,
        page.district,
        page.places,
        page.start,
        page.end,
        page.problem_title,
        page.picture_choice,
        page.picture_title,
        page.problem_view,
        page.source_list,
    ):
        assert widget in buddies or widget.accessibleName(), widget.objectName()
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_render_charts_to_an_image(page: SituationBuilderPage) -> None:
    assert page.summary is not None
    image = render_charts(page.summary, QSize(1500, 450))
    assert (image.width(), image.height()) == (1500, 450)
    colours = {image.pixelColor(x, y).name() for x in range(0, 1500, 7) for y in range(0, 450, 7)}
    assert len(colours) > 5  # not a blank page
    SHOTS.mkdir(parents=True, exist_ok=True)
    image.save(str(SHOTS / "charts.png"))

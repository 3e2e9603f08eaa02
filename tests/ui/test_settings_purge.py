"""Inställningar → Gallring: the retention spin boxes, the preview table and the run."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kommunpolis.app import AppController
from kommunpolis.composition import build_services
from kommunpolis.paths import AppPaths
from kommunpolis.services.demo import DemoService
from kommunpolis.services.retention import (
    PRE_PURGE_PREFIX,
    PurgeService,
    RetentionKind,
    RetentionService,
)
from kommunpolis.ui.pages.settings import PREVIEW_BATCH, DisposalGroup, SettingsPage

TIMEOUT = 20_000


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    paths = AppPaths(data_dir=tmp_path / "data")
    services = build_services(paths)
    try:
        services.profiles.create(name="Åsa Lindqvist", role="officer", municipality_codes=["0180"])
        # Two years of history before 2026: plenty is past 24 months from today.
        DemoService(database=services.database, clock=services.clock).generate(dialogues=300)
    finally:
        services.close()
    return paths


def _disposal(qtbot: QtBot, app: AppController) -> DisposalGroup:
    app.window.show_section("settings")
    page = app.window.page("settings")
    assert isinstance(page, SettingsPage)
    group = page.disposal
    qtbot.waitUntil(lambda: all(s.isEnabled() for s in group.spin_boxes.values()), timeout=TIMEOUT)
    return group


def _idle(qtbot: QtBot, app: AppController) -> None:
    qtbot.waitUntil(lambda: app.worker.pending == 0, timeout=TIMEOUT)


def _preview_count(paths: AppPaths) -> tuple[int, int]:
    services = build_services(paths)
    try:
        purge = PurgeService(
            uow=services.unit_of_work, maintenance=services.maintenance, backup_dir=paths.backups
        )
        preview = purge.preview()
        return len(preview.items), len(preview.held)
    finally:
        services.close()


def _settings(paths: AppPaths) -> int:
    services = build_services(paths)
    try:
        return RetentionService(uow=services.unit_of_work).settings().concerns
    finally:
        services.close()


def test_spin_boxes_are_labelled_and_save_the_times(
    qtbot: QtBot, app: AppController, paths: AppPaths
) -> None:
    group = _disposal(qtbot, app)
    assert set(group.spin_boxes) == set(RetentionKind)
    buddies = {label.buddy() for label in group.findChildren(QLabel) if label.buddy()}
    assert set(group.spin_boxes.values()) <= buddies
    concerns = group.spin_boxes[RetentionKind.CONCERNS]
    assert concerns.value() == 24
    assert group.spin_boxes[RetentionKind.SECRET].value() == 12
    concerns.setValue(18)
    _idle(qtbot, app)
    assert _settings(paths) == 18
    never = group.spin_boxes[RetentionKind.MEETINGS]
    never.setValue(0)
    assert never.text() == "Gallras inte"


def test_preview_fills_a_lazy_table(
    qtbot: QtBot, app: AppController, paths: AppPaths, qtmodeltester: ModelTester
) -> None:
    group = _disposal(qtbot, app)
    assert not group.apply_button.isEnabled()
    qtbot.mouseClick(group.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: group.preview is not None, timeout=TIMEOUT)
    items, held = _preview_count(paths)
    assert items > PREVIEW_BATCH  # enough to show the lazy fetching
    assert group.model.total() == items
    assert group.model.rowCount() == PREVIEW_BATCH
    assert group.model.canFetchMore(group.model.index(0, 0).parent())
    qtmodeltester.check(group.model)
    assert group.apply_button.isEnabled()
    assert f": {items}." in group.status_label.text()
    assert f": {held}." in group.status_label.text()
    # Changing a time makes the preview stale: it cannot be applied any more.
    group.spin_boxes[RetentionKind.DIALOGUES].setValue(30)
    assert group.preview is None
    assert not group.apply_button.isEnabled()
    assert group.model.rowCount() == 0


def test_purge_asks_first_and_then_clears_on_the_worker(
    qtbot: QtBot, app: AppController, paths: AppPaths
) -> None:
    group = _disposal(qtbot, app)
    group.preview_button.click()
    qtbot.waitUntil(lambda: group.preview is not None, timeout=TIMEOUT)
    items, _held = _preview_count(paths)

    group.apply_button.click()
    box = group.confirm_box
    assert isinstance(box, QMessageBox)
    assert f"({items})" in box.text()
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    assert box.defaultButton() is cancel
    cancel.click()
    _idle(qtbot, app)
    assert _preview_count(paths)[0] == items  # nothing cleared
    assert group.confirm_box is None

    group.apply_button.click()
    box = group.confirm_box
    assert box is not None and group.confirm_button is not None
    with qtbot.waitSignal(group.purge_applied, timeout=TIMEOUT):
        group.confirm_button.click()
    _idle(qtbot, app)
    assert _preview_count(paths)[0] == 0
    assert list(paths.backups.glob(f"{PRE_PURGE_PREFIX}*.sqlite"))
    assert "Klart" in group.status_label.text()
    page = app.window.page("settings")
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(
        lambda: any(
            PRE_PURGE_PREFIX in page.backups_list.item(row).text()
            for row in range(page.backups_list.count())
        ),
        timeout=TIMEOUT,
    )


def test_keyboard_reaches_every_control(qtbot: QtBot, app: AppController) -> None:
    group = _disposal(qtbot, app)
    controls = [*group.spin_boxes.values(), group.preview_button, group.apply_button, group.table]
    for control in controls:
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Tab goes through the times in order, then the two buttons, then the table.
    order: list[object] = []
    widget = controls[0]
    for _step in range(200):
        if widget in controls and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order == controls
    # Alt+Y reaches the concerns' time through its label's mnemonic.
    label = next(lb for lb in group.findChildren(QLabel) if lb.text().startswith("S&ynpunkter"))
    assert label.buddy() is group.spin_boxes[RetentionKind.CONCERNS]

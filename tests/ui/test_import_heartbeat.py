"""An import runs on the database worker while the GUI thread keeps handling events.

How long the GUI thread may go without running its event loop is a speed target and
is measured in ``bench/bench_exchange.py``; here only where the work runs is checked.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from kommunpolis.composition import Services, build_services
from kommunpolis.domain.vocabulary import Role
from kommunpolis.paths import resolve_paths
from kommunpolis.services.demo import DemoService
from kommunpolis.services.importing import ImportReport
from kommunpolis.ui.tasks import DatabaseWorker


def _installation(folder: Path, name: str, role: Role) -> Services:
    services = build_services(resolve_paths(folder), busy_timeout_ms=200)
    profile = services.profiles.create(name=name, role=role, municipality_codes=["0180"])
    services.identity.ensure(profile.device_id, profile.name)
    return services


@pytest.fixture
def bundle_and_receiver(tmp_path: Path) -> Iterator[tuple[Path, Services]]:
    """A bundle of a few thousand records from Anna, and Carl, who trusts her."""
    anna = _installation(tmp_path / "anna", "Anna Andersson", Role.OFFICER)
    carl = _installation(tmp_path / "carl", "Carl Carlsson", Role.COORDINATOR)
    try:
        anna.identity.trust(carl.identity.public())
        carl.identity.trust(anna.identity.public())
        DemoService(database=anna.database, clock=anna.clock).generate(dialogues=100, seed=2)
        path = tmp_path / "anna.kpb"
        anna.exchange.export(path, [carl.identity.public().device_id])
        yield path, carl
    finally:
        anna.close()
        carl.close()


def test_an_import_runs_on_the_worker_while_the_gui_thread_handles_events(
    qtbot: QtBot, qapp: QApplication, bundle_and_receiver: tuple[Path, Services]
) -> None:
    path, carl = bundle_and_receiver
    worker = DatabaseWorker()
    gui = threading.get_ident()
    statement_threads: set[int] = set()
    gui_ran_mid_import = threading.Event()
    waited: list[bool] = []

    statements = [0]

    def on_statement(*_args: Any) -> None:
        statement_threads.add(threading.get_ident())
        statements[0] += 1
        # Inside the import's transaction, wait until the GUI thread has run a timer:
        # it can only if the import does not hold it.
        if statements[0] == 20:
            QTimer.singleShot(0, qapp, gui_ran_mid_import.set)
            waited.append(gui_ran_mid_import.wait(timeout=10))

    event.listen(carl.database.engine, "before_cursor_execute", on_statement)
    reports: list[ImportReport] = []
    callback_on_gui: list[bool] = []

    def on_success(report: ImportReport) -> None:
        callback_on_gui.append(QThread.currentThread() == qapp.thread())
        reports.append(report)

    try:
        worker.submit(lambda: carl.importing.import_bundles([path]), on_success)
        qtbot.waitUntil(lambda: bool(reports), timeout=60_000)
    finally:
        worker.stop()
        event.remove(carl.database.engine, "before_cursor_execute", on_statement)
    assert reports[0].bundles[0].counts["new"] > 1000
    assert gui not in statement_threads and len(statement_threads) == 1
    assert waited == [True], "the GUI thread ran no event while the import was under way"
    assert callback_on_gui == [True]

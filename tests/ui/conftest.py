"""Shared set-up of the GUI tests that run on a copy of a demo database."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from kommunpolis.app import AppController, build_app
from kommunpolis.composition import build_services
from kommunpolis.domain.vocabulary import Role
from kommunpolis.paths import AppPaths, resolve_paths
from kommunpolis.services.demo import DemoService
from kommunpolis.storage.database import open_database
from kommunpolis.ui.context import RecordEvents, UiContext
from kommunpolis.ui.tasks import DatabaseWorker

APP_TIMEOUT_MS = 20_000


def build_demo_database(folder: Path, *, kommun: str, dialogues: int) -> Path:
    """Build in ``folder`` a database with an officer of ``kommun`` and demo dialogues."""
    open_database(folder / "kommunpolis.sqlite", backup_dir=folder / "backups").close()
    services = build_services(resolve_paths(folder))
    try:
        services.profiles.create(
            name="Anna Andersson", role=Role.OFFICER, municipality_codes=[kommun]
        )
        DemoService(database=services.database, clock=services.clock).generate(dialogues=dialogues)
    finally:
        services.close()
    return folder / "kommunpolis.sqlite"


@pytest.fixture
def context(tmp_path: Path, demo_database: Path) -> Iterator[UiContext]:
    """A UiContext on a copy of the module's ``demo_database``, built the way the app does."""
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir()
    shutil.copyfile(demo_database, paths.database)
    services = build_services(paths, busy_timeout_ms=200)
    worker = DatabaseWorker()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield UiContext(paths, services, worker, settings, RecordEvents())
    worker.stop()
    services.close()


@pytest.fixture
def app(qtbot: QtBot, paths: AppPaths) -> Iterator[AppController]:
    """The whole app, built and started as ``app.py`` does, on the module's ``paths``."""
    controller = build_app(paths, worker=DatabaseWorker())
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.start()
    qtbot.waitUntil(lambda: controller.context is not None, timeout=APP_TIMEOUT_MS)
    yield controller
    controller.shutdown()

"""The lazy record lists: model contract, SQL sorting and filtering, paging, a free GUI thread."""

from __future__ import annotations

import gc
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kommunpolis.composition import Services, build_services
from kommunpolis.domain.vocabulary import Role
from kommunpolis.paths import resolve_paths
from kommunpolis.services.demo import DemoService
from kommunpolis.services.listing import ListingService, ListQuery
from kommunpolis.ui.context import RecordEvents, UiContext
from kommunpolis.ui.models import ID_ROLE, STATUS_ROLE, RecordListModel
from kommunpolis.ui.tasks import DatabaseWorker
from kommunpolis.ui.widgets import RecordListView

DEMO_DIALOGUES = 300
KOMMUN = "0180"


def _demo_services(folder: Path, dialogues: int) -> Services:
    services = build_services(resolve_paths(folder))
    services.profiles.create(name="Anna Andersson", role=Role.OFFICER, municipality_codes=[KOMMUN])
    DemoService(database=services.database, clock=services.clock).generate(dialogues=dialogues)
    return services


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database built once for the module; each test works on a copy."""
    folder = tmp_path_factory.mktemp("demo")
    _demo_services(folder, DEMO_DIALOGUES).close()
    return folder


@pytest.fixture
def services(demo_folder: Path, tmp_path: Path) -> Iterator[Services]:
    """Services on a private copy of the demo database."""
    target = tmp_path / "data"
    shutil.copytree(demo_folder, target)
    services = build_services(resolve_paths(target))
    yield services
    services.close()


@pytest.fixture
def worker() -> Iterator[DatabaseWorker]:
    """The serial database worker (bugs re-raised as test failures)."""
    bugs: list[BaseException] = []
    worker = DatabaseWorker(on_bug=bugs.append)
    yield worker
    worker.stop()
    assert bugs == []


@pytest.fixture
def context(services: Services, worker: DatabaseWorker, tmp_path: Path) -> UiContext:
    """A UI context like the main window's, with settings in a temporary file."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return UiContext(
        paths=services.paths,
        services=services,
        worker=worker,
        settings=settings,
        events=RecordEvents(),
    )


def _model(services: Services, worker: DatabaseWorker, kind: str) -> RecordListModel:
    return RecordListModel(
        kind=kind, listing=ListingService(uow=services.unit_of_work), worker=worker
    )


def _load(qtbot: QtBot, model: RecordListModel, query: ListQuery | None = None) -> None:
    with qtbot.waitSignal(model.ids_loaded, timeout=10_000):
        model.set_query(query or model.query)


def _fill(qtbot: QtBot, model: RecordListModel, worker: DatabaseWorker) -> None:
    """Touch every row, then wait for the pages to arrive."""
    for row in range(model.rowCount()):
        model.index(row, 0).data()
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=10_000)


@pytest.mark.parametrize("kind", ["dialogues", "problems"])
def test_model_passes_qtmodeltester(
    qtbot: QtBot, qtmodeltester: ModelTester, services: Services, worker: DatabaseWorker, kind: str
) -> None:
    model = _model(services, worker, kind)
    qtmodeltester.check(model)  # empty, before the ids arrive
    _load(qtbot, model)
    assert model.rowCount() > 0
    _fill(qtbot, model, worker)
    qtmodeltester.check(model)
    # Re-sorting and filtering keep passing (the tester watches the signals).
    _load(qtbot, model, ListQuery(sort_key="title"))
    status = ListingService(uow=services.unit_of_work).filter_options(kind).statuses[1]
    _load(qtbot, model, ListQuery(statuses=(status,)))
    _fill(qtbot, model, worker)
    assert {model.index(row, 0).data(STATUS_ROLE) for row in range(model.rowCount())} == {status}
    _load(qtbot, model, ListQuery())
    qtmodeltester.check(model)


def test_display_is_swedish_and_rows_load_lazily(
    qtbot: QtBot, services: Services, worker: DatabaseWorker
) -> None:
    model = _model(services, worker, "dialogues")
    _load(qtbot, model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Datum"
    assert model.headerData(model.column_of("status"), Qt.Orientation.Horizontal) == "Status"
    assert model.page_requests == 0
    assert model.index(0, 0).data() == "…"  # not fetched yet: placeholder, request sent
    with qtbot.waitSignal(model.dataChanged, timeout=5000) as changed:
        pass
    top, bottom = changed.args[0], changed.args[1]
    assert (top.row(), bottom.row()) == (0, 199)  # exactly the first page
    status = model.index(0, model.column_of("status")).data()
    assert status in {"Planerad", "Genomförd", "Sammanställd", "Återkopplad"}
    assert isinstance(model.index(0, 0).data(ID_ROLE), uuid.UUID)


def test_only_the_pages_looked_at_are_fetched(
    qtbot: QtBot, services: Services, worker: DatabaseWorker
) -> None:
    model = RecordListModel(
        kind="dialogues",
        listing=ListingService(uow=services.unit_of_work),
        worker=worker,
        page_size=50,
    )
    _load(qtbot, model)
    assert model.rowCount() == DEMO_DIALOGUES
    for row in (0, 10, 49, 120, 121):  # pages 0 and 2
        model.index(row, 1).data()
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert model.page_requests == 2
    model.index(130, 0).data()  # page 2 again: cached
    assert model.page_requests == 2
    assert model.index(60, 0).data() == "…"  # page 1 never looked at until now
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert model.page_requests == 3


def test_update_record_refetches_one_row(
    qtbot: QtBot, services: Services, worker: DatabaseWorker
) -> None:
    model = _model(services, worker, "dialogues")
    _load(qtbot, model)
    _fill(qtbot, model, worker)
    record_id = model.id_at(5)
    assert record_id is not None
    from kommunpolis.storage import tables as t

    with services.unit_of_work() as uow:
        dialogue = uow.session.get(t.Dialogue, record_id)
        assert dialogue is not None
        dialogue.title = "Helt ny titel"
        uow.commit()
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.update_record(record_id)
    assert changed.args[0].row() == changed.args[1].row() == 5
    assert model.index(5, model.column_of("title")).data() == "Helt ny titel"


def test_header_click_sorts_in_sql(qtbot: QtBot, context: UiContext) -> None:
    view = RecordListView(context, "dialogues")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() > 0)
    before = [view.model.id_at(row) for row in range(view.model.rowCount())]
    title = view.model.column_of("title")
    with qtbot.waitSignal(view.model.ids_loaded):
        view.table.horizontalHeader().sectionClicked.emit(title)
    after = [view.model.id_at(row) for row in range(view.model.rowCount())]
    assert after != before and sorted(map(str, after)) == sorted(map(str, before))
    expected = ListingService(uow=context.services.unit_of_work).ids(
        "dialogues", ListQuery(sort_key="title")
    )
    assert tuple(after) == expected
    assert view.table.horizontalHeader().sortIndicatorSection() == title
    # Clicking again reverses it; the choice is remembered.
    with qtbot.waitSignal(view.model.ids_loaded):
        view.table.horizontalHeader().sectionClicked.emit(title)
    assert view.model.id_at(0) == expected[-1]
    assert context.settings.value("lists/dialogues/sort") == "title"


def test_filters_change_the_count(qtbot: QtBot, context: UiContext) -> None:
    view = RecordListView(context, "dialogues")
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view._status.isEnabled() and view.model.rowCount() > 0)
    total = view.model.rowCount()
    assert view._count.text() == f"{total} dialoger"
    # The profile's kommun comes first after "Alla kommuner".
    assert view._municipality.itemData(1) == (KOMMUN,)
    listing = ListingService(uow=context.services.unit_of_work)
    busiest = listing.rows("dialogues", listing.ids("dialogues")[:1])[0]
    name = busiest.values[view.model.column_of("municipality")]
    with qtbot.waitSignal(view.model.ids_loaded, timeout=5000):
        view._municipality.setCurrentIndex(view._municipality.findText(name))
    in_kommun = view.model.rowCount()
    assert 0 < in_kommun < total
    with qtbot.waitSignal(view.model.ids_loaded, timeout=5000):
        view._status.setCurrentIndex(view._status.findText("Planerad"))
    planned = view.model.rowCount()
    assert planned < in_kommun
    assert view._count.text().startswith(str(planned))
    assert planned == len(
        listing.ids(
            "dialogues",
            ListQuery(
                statuses=("planned",), municipality_codes=(view._municipality.currentData()[0],)
            ),
        )
    )


def test_select_record_and_signals(qtbot: QtBot, context: UiContext) -> None:
    view = RecordListView(context, "dialogues")
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    target = view.model.id_at(250)
    with qtbot.waitSignal(view.record_selected) as selected:
        view.select_record(target)
    assert selected.args == ["dialogues", target]
    assert view.current_id() == target
    with qtbot.waitSignal(view.record_activated) as activated:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert activated.args == ["dialogues", target]
    # Re-sorting keeps the selected record selected, wherever it moves.
    with qtbot.waitSignal(view.model.ids_loaded):
        view.model.sort(view.model.column_of("title"), Qt.SortOrder.AscendingOrder)
    assert view.current_id() == target


def test_reacts_to_deletion_and_restore(qtbot: QtBot, context: UiContext) -> None:
    view = RecordListView(context, "problems")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    total = view.model.rowCount()
    victim = view.model.id_at(0)
    context.services.records.delete("problems", victim)
    with qtbot.waitSignal(view.model.ids_loaded):
        context.events.record_deleted.emit("problems", victim)
    assert view.model.rowCount() == total - 1 and view.model.row_of(victim) is None
    context.services.records.restore("problems", victim)
    with qtbot.waitSignal(view.model.ids_loaded):
        context.events.record_restored.emit("problems", victim)
    assert view.model.rowCount() == total


def test_gui_thread_stays_free_while_scrolling_20000_dialogues(
    qtbot: QtBot, tmp_path: Path, worker: DatabaseWorker
) -> None:
    services = _demo_services(tmp_path / "big", 20_000)
    try:
        context = UiContext(
            paths=services.paths,
            services=services,
            worker=worker,
            settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
            events=RecordEvents(),
        )
        gaps: list[int] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def beat() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        view = RecordListView(context, "dialogues")
        qtbot.addWidget(view)
        view.resize(1000, 700)
        view.show()
        # The widget's first paint (style, fonts: once per process) is not what is measured.
        qtbot.waitExposed(view)
        qtbot.waitUntil(lambda: view.model.rowCount() == 20_000, timeout=20_000)
        # As the app does once it has started (a full collection walking every object of
        # Qt, SQLAlchemy and the demo generation would otherwise pause all threads ~100 ms).
        gc.collect()
        gc.freeze()
        heartbeat = QTimer()
        heartbeat.setInterval(10)
        heartbeat.timeout.connect(beat)
        last[0] = clock.elapsed()
        heartbeat.start()
        # Load: the ids again, in another SQL order, while the GUI thread keeps beating.
        with qtbot.waitSignal(view.model.ids_loaded, timeout=20_000):
            view.model.sort(view.model.column_of("title"), Qt.SortOrder.AscendingOrder)
        with qtbot.waitSignal(view.model.ids_loaded, timeout=20_000):
            view.refresh()
        bar = view.table.verticalScrollBar()
        deadline = time.monotonic() + 2.0
        step = max(1, bar.maximum() // 60)
        value = 0
        while value < bar.maximum() and time.monotonic() < deadline:
            value += step
            bar.setValue(value)
            qtbot.wait(15)
        qtbot.waitUntil(lambda: worker.pending == 0, timeout=10_000)
        heartbeat.stop()
        worst = max(gaps)
        print(f"\nheartbeat: {len(gaps)} beats, max gap {worst} ms")
        assert view.model.page_requests < 20_000 // 200  # only what was shown was fetched
        assert worst <= 50, f"GUI thread blocked for {worst} ms"
    finally:
        gc.unfreeze()
        QApplication.processEvents()
        services.close()

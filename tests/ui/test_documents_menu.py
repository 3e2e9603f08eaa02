"""The workbench's Dokument menu, the builder tab and the quick follow-up, with real widgets.

A demo database is opened the way the app opens it; a record is chosen in its section's
list and the menu action runs with the exporter's questions answered by the test (the
file dialog bypassed). The PDFs are read back with ``pdftotext`` when it is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kommunpolis.app import AppController, build_app
from kommunpolis.composition import build_services
from kommunpolis.domain.statuses import MeasureStatus, PromiseStatus
from kommunpolis.domain.vocabulary import Role, Sensitivity
from kommunpolis.paths import AppPaths, resolve_paths
from kommunpolis.services.demo import DemoService
from kommunpolis.services.documents import Document
from kommunpolis.storage import tables as t
from kommunpolis.storage.database import open_database
from kommunpolis.ui.document_export import DocumentExporter
from kommunpolis.ui.documents import WrittenPdf
from kommunpolis.ui.followup_quick import QuickFollowUpDialog
from kommunpolis.ui.main_window import MainWindow
from kommunpolis.ui.pages.record_section import RecordSection
from kommunpolis.ui.pages.situation_builder import SituationBuilderPage

TIMEOUT = 20_000
PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(
    PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed"
)
SHOTS = Path(os.environ.get("KOMMUNPOLIS_SHOTS", "/tmp/shots")) / "documents-gui"


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with a profile and 120 demo dialogues, built once per run, to copy."""
    folder = tmp_path_factory.mktemp("documents-menu-demo")
    open_database(folder / "kommunpolis.sqlite", backup_dir=folder / "backups").close()
    services = build_services(resolve_paths(folder))
    try:
        services.profiles.create(
            name="Åsa Lindqvist", role=Role.OFFICER, municipality_codes=["0180"]
        )
        DemoService(database=services.database, clock=services.clock).generate(dialogues=120)
    finally:
        services.close()
    return folder / "kommunpolis.sqlite"


@pytest.fixture
def paths(tmp_path: Path, demo_database: Path) -> AppPaths:
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir()
    shutil.copyfile(demo_database, paths.database)
    return paths


@pytest.fixture
def app(qtbot: QtBot, paths: AppPaths) -> Iterator[AppController]:
    from kommunpolis.ui.tasks import DatabaseWorker

    controller = build_app(paths, worker=DatabaseWorker())
    qtbot.addWidget(controller.window)
    controller.window.resize(1400, 860)
    controller.window.show()
    controller.start()
    qtbot.waitUntil(lambda: controller.context is not None, timeout=TIMEOUT)
    yield controller
    controller.shutdown()


class Answers:
    """Answers the exporter's questions instead of dialogs, and remembers what was asked."""

    def __init__(self, exporter: DocumentExporter, folder: Path) -> None:
        self.folder = folder
        self.gaps: list[Document] = []
        self.opened: list[Path] = []
        self.errors: list[tuple[str, str]] = []
        self.stems: list[str] = []
        self.periods: list[tuple[date, date]] = []
        self.create_despite_gaps = True
        exporter.choose_path = self.choose_path
        exporter.confirm_gaps = self.confirm_gaps
        exporter.offer_open = self.opened.append
        exporter.show_error = lambda title, message: self.errors.append((title, message))
        exporter.ask_period = self.ask_period

    def choose_path(self, stem: str, suffix: str) -> Path:
        self.stems.append(stem)
        return self.folder / f"document.{suffix}"

    def confirm_gaps(self, document: Document) -> bool:
        self.gaps.append(document)
        return self.create_despite_gaps

    def ask_period(self, start: date, end: date) -> tuple[date, date]:
        self.periods.append((start, end))
        return start, end


def _pdf_text(path: Path) -> str:
    assert PDFTOTEXT is not None
    result = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=30
    )
    return " ".join(result.stdout.decode("utf-8").split())


def _open_promise(paths: AppPaths) -> tuple[uuid.UUID, str]:
    services = build_services(paths)
    try:
        with services.unit_of_work() as uow:
            row = uow.session.execute(
                select(t.Promise.id, t.Promise.title)
                .where(
                    t.Promise.deleted_at.is_(None),
                    t.Promise.sensitivity == Sensitivity.OPEN,
                    t.Promise.status == PromiseStatus.PUBLISHED,
                )
                .order_by(t.Promise.id)
            ).first()
    finally:
        services.close()
    assert row is not None
    return row.id, row.title


def _choose(qtbot: QtBot, window: MainWindow, section: str, kind: str, record: uuid.UUID) -> None:
    window.show_section(section)
    page = window.page(section)
    assert isinstance(page, RecordSection)
    page.tabs.setCurrentIndex(page.section.kinds.index(kind))
    view = page.list_view(kind)
    view.select_record(record)
    qtbot.waitUntil(lambda: view.current_id() == record, timeout=TIMEOUT)
    assert window.selected_record() == (kind, record)


def test_the_promise_pdf_from_the_menu(qtbot: QtBot, app: AppController, tmp_path: Path) -> None:
    window = app.window
    promise_id, title = _open_promise(app.paths)
    _choose(qtbot, window, "promises", "promises", promise_id)
    answers = Answers(window.documents, tmp_path)
    window.update_document_actions()
    assert window.document_actions["lofte"].isEnabled()
    assert not window.document_actions["aterkoppling"].isEnabled()

    with qtbot.waitSignal(window.documents.document_written, timeout=TIMEOUT) as written:
        window.document_actions["lofte"].trigger()
    pdf = written.args[0]
    assert isinstance(pdf, WrittenPdf)
    assert pdf.path == tmp_path / "document.pdf" and pdf.path.stat().st_size > 1000
    assert answers.opened == [pdf.path]
    assert answers.stems[0].startswith("Medborgarlöfte ") and title[:20] in answers.stems[0]
    assert not list(tmp_path.glob("*.part"))
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the text is not checked")
    text = _pdf_text(pdf.path)
    assert " ".join(title.split()) in text


def test_gaps_are_asked_first_and_cancelling_writes_nothing(
    qtbot: QtBot, app: AppController, tmp_path: Path
) -> None:
    window = app.window
    promise_id, _title = _open_promise(app.paths)
    _choose(qtbot, window, "promises", "promises", promise_id)
    out = tmp_path / "out"
    out.mkdir()
    answers = Answers(window.documents, out)
    answers.create_despite_gaps = False
    window.export_document("atgardsplan")  # the demo's action plans name their chain's gaps
    qtbot.waitUntil(lambda: bool(answers.gaps), timeout=TIMEOUT)
    assert answers.gaps[0].gaps, "the question lists the gaps"
    qtbot.waitUntil(lambda: not window.documents.busy, timeout=TIMEOUT)
    assert answers.stems == [] and list(out.iterdir()) == []


@needs_pdftotext
def test_a_follow_up_report_asks_the_period(
    qtbot: QtBot, app: AppController, tmp_path: Path
) -> None:
    window = app.window
    promise_id, title = _open_promise(app.paths)
    _choose(qtbot, window, "promises", "promises", promise_id)
    answers = Answers(window.documents, tmp_path)
    with qtbot.waitSignal(window.documents.document_written, timeout=TIMEOUT) as written:
        window.document_actions["uppfoljning"].trigger()
    assert len(answers.periods) == 1
    start, end = answers.periods[0]
    assert start <= end
    text = _pdf_text(written.args[0].path)
    assert "Uppföljning" in text and " ".join(title.split())[:20] in text


def test_without_a_matching_record_nothing_is_made(
    qtbot: QtBot, app: AppController, tmp_path: Path
) -> None:
    window = app.window
    window.show_section("meetings")
    answers = Answers(window.documents, tmp_path)
    window.update_document_actions()
    assert not any(action.isEnabled() for action in window.document_actions.values())
    window.export_document("lofte")
    assert "medborgarlöfte" in window.statusBar().currentMessage()
    assert answers.stems == [] and not window.documents.busy


def test_a_path_that_cannot_be_written_is_a_message(
    qtbot: QtBot, app: AppController, tmp_path: Path
) -> None:
    window = app.window
    promise_id, _title = _open_promise(app.paths)
    _choose(qtbot, window, "promises", "promises", promise_id)
    answers = Answers(window.documents, tmp_path / "missing-folder")
    with qtbot.waitSignal(window.documents.failed, timeout=TIMEOUT):
        window.export_document("lofte")
    assert answers.errors and answers.opened == []
    assert not (tmp_path / "missing-folder").exists()


def test_the_list_as_csv(qtbot: QtBot, app: AppController, tmp_path: Path) -> None:
    window = app.window
    promise_id, title = _open_promise(app.paths)
    _choose(qtbot, window, "promises", "promises", promise_id)
    Answers(window.documents, tmp_path)
    with qtbot.waitSignal(window.documents.csv_written, timeout=TIMEOUT) as written:
        window.csv_action.trigger()
    result = written.args[0]
    text = (tmp_path / "document.csv").read_text(encoding="utf-8-sig")
    assert result.rows >= 1 and title in text
    assert text.splitlines()[0].count(";") >= 2  # Swedish Excel: semicolons
    assert "Rader exporterade till" in window.statusBar().currentMessage()


def test_the_builder_is_a_tab_of_the_situation_section(
    qtbot: QtBot, app: AppController, tmp_path: Path
) -> None:
    window = app.window
    window.show_section("situation")
    section = window.page("situation")
    assert isinstance(section, RecordSection)
    assert section.tabs.count() == len(section.section.kinds) + len(section.section.pages)
    assert section.tabs.tabText(len(section.section.kinds)) == "Lägesbildsbyggare"
    assert section.current_page() is None
    section.list_view("situation-pictures").setFocus()
    for _ in range(len(section.section.kinds)):
        qtbot.keyClick(
            section.list_view("situation-pictures").table,
            Qt.Key.Key_PageDown,
            Qt.KeyboardModifier.ControlModifier,
        )
    builder = section.current_page()
    assert isinstance(builder, SituationBuilderPage)
    assert section.body.currentWidget() is builder
    assert section.current_kind == "problems"  # the kind tab shown last
    # Back to the lists with the keyboard, and the same page again on return.
    qtbot.keyClick(builder, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert section.current_page() is None and section.body.currentWidget() is section.splitter
    assert section.show_page(0) is builder

    # A picture chosen in the builder is the Lägesbild (PDF)'s record.
    qtbot.waitUntil(lambda: builder.picture_choice.count() > 1, timeout=TIMEOUT)
    builder.picture_choice.setCurrentIndex(1)
    assert builder.picture is not None
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.waitUntil(lambda: app.worker.pending == 0, timeout=TIMEOUT)
    window.grab().save(str(SHOTS / "builder-tab.png"))
    assert window.selected_record() == ("situation-pictures", builder.picture.id)
    answers = Answers(window.documents, tmp_path)
    with qtbot.waitSignal(window.documents.document_written, timeout=TIMEOUT) as written:
        window.document_actions["lagesbild"].trigger()
    assert answers.stems[0].startswith("Lägesbild ")
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the text is not checked")
    text = _pdf_text(written.args[0].path)
    assert "Lägesbild" in text and builder.picture.title in text and "Intern" in text


def test_log_a_follow_up_from_the_menu(qtbot: QtBot, app: AppController) -> None:
    window = app.window
    promise_id, title = _open_promise(app.paths)
    window.show_section("meetings")
    assert window.log_follow_up() is None  # no promise chosen
    _choose(qtbot, window, "promises", "promises", promise_id)
    window.log_follow_up_action.trigger()
    dialog = window.follow_up_dialog
    assert isinstance(dialog, QuickFollowUpDialog)
    qtbot.waitUntil(lambda: dialog.form is not None, timeout=TIMEOUT)
    assert dialog.form is not None and dialog.form.promise_title == title
    assert len(dialog.lines) == len(dialog.form.measures) > 0
    for line in dialog.lines:  # only the lifecycle's steps are offered
        offered = [MeasureStatus(line.status.itemData(n)) for n in range(line.status.count())]
        assert MeasureStatus.CANCELLED not in offered[:1]
        assert all(s in (offered[0], *_allowed(offered[0])) for s in offered)
        assert line.status.accessibleName() and line.hours.accessibleName()
    first = dialog.lines[0]
    first.mark.setCurrentIndex(first.mark.findData("red"))
    first.note.setText("Väntar på belysningen")
    first.hours.setValue(2.5)
    assert "Röd" in dialog.progress_label.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "quick-follow-up.png"))
    with qtbot.waitSignal(dialog.follow_up_logged, timeout=TIMEOUT) as logged:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert logged.args[0].lines == len(dialog.form.measures)
    assert "Uppföljningen sparades" in window.statusBar().currentMessage()


def _allowed(status: MeasureStatus) -> tuple[MeasureStatus, ...]:
    from kommunpolis.domain.statuses import allowed_next

    return allowed_next(status)


@needs_pdftotext
def test_report_lagesbild_on_the_command_line(paths: AppPaths, tmp_path: Path) -> None:
    import io

    from kommunpolis.cli import main

    services = build_services(paths)
    try:
        with services.unit_of_work() as uow:
            picture = uow.session.scalars(
                select(t.SituationPicture).order_by(t.SituationPicture.id)
            ).first()
            assert picture is not None
            picture_id, title = picture.id, picture.title
        police_only = [s.description for s in services.situation.sources(picture_id)]
    finally:
        services.close()
    target = tmp_path / "lagesbild.pdf"
    out = io.StringIO()
    code = main(
        [
            "--data-dir",
            str(paths.data_dir),
            "report",
            "lagesbild",
            str(picture_id),
            "-o",
            str(target),
        ],
        out=out,
    )
    assert code == 0, out.getvalue()
    assert "Report written" in out.getvalue()
    text = _pdf_text(target)
    assert "Lägesbild" in text and title in text
    assert "Teman och trender" in text and "Prioriterade problem" in text
    assert "ska inte spridas" in text and "Intern" in text
    assert all(" ".join(d.split())[:30] in text for d in police_only)
    unknown = main(
        [
            "--data-dir",
            str(paths.data_dir),
            "report",
            "lagesbild",
            str(uuid.uuid4()),
            "-o",
            str(target),
        ],
        out=io.StringIO(),
    )
    assert unknown == 1

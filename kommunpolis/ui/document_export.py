"""Make a document (PDF) or a list's CSV file from the workbench, step by step.

A PDF: (for a follow-up report, ask the period;) build the document model on the
database worker; name its gaps and ask "Skapa ändå"; ask the file name; render and write
the PDF atomically; offer to open it. Rendering runs on the GUI thread, since a
lägesbild's charts are Qt graphics (``ui.documents``); it takes well under a second.

Every question the exporter asks is an attribute holding a plain function
(:attr:`DocumentExporter.choose_path`, ``confirm_gaps``, ``ask_period``, ``offer_open``,
``show_error``), so a test or another window can answer them without a dialog.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import KnownError
from kommunpolis.services.documents import Document, DocumentKind
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.errors import describe

if TYPE_CHECKING:
    from kommunpolis.services.listing import ListQuery

_LAST_FOLDER_KEY = "documents/last_folder"
GAPS_SHOWN = 8  # more gaps than this are counted, not listed, in the question


class FileType:
    """The two kinds of file the exporter writes: (suffix, file dialog filter)."""

    PDF = "pdf"
    CSV = "csv"


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class PeriodDialog(QDialog):
    """Ask for a follow-up report's period: from and to, both included."""

    def __init__(self, start: date, end: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Uppföljningsrapportens period"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.start = QDateEdit(_to_qdate(start), self)
        self.end = QDateEdit(_to_qdate(end), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("&Från:"), self.start)
        form.addRow(self.tr("&Till:"), self.end)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def period(self) -> tuple[date, date]:
        """Return the chosen period."""
        return _to_date(self.start.date()), _to_date(self.end.date())


class DocumentExporter(QObject):
    """Build, name, write and offer documents and CSV files for the workbench."""

    document_written = Signal(object)  # ui.documents.WrittenPdf
    csv_written = Signal(object)  # services.csv_export.CsvExportResult
    failed = Signal(str)  # the message shown

    def __init__(self, context: UiContext, window: QWidget) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        self.busy = False
        # The questions, replaceable (see the module's docstring).
        self.choose_path: Callable[[str, str], Path | None] = self._choose_path
        self.confirm_gaps: Callable[[Document], bool] = self._confirm_gaps
        self.ask_period: Callable[[date, date], tuple[date, date] | None] = self._ask_period
        self.offer_open: Callable[[Path], None] = self._offer_open
        self.show_error: Callable[[str, str], None] = self._show_error

    # ---------------------------------------------------------------- public

    def export_document(self, kind: DocumentKind | str, record_id: uuid.UUID) -> None:
        """Make the document of ``kind`` about a record (asks what it needs to)."""
        kind = DocumentKind(kind)
        if self.busy:
            return
        self.busy = True
        documents = self._context.services.documents
        if kind is DocumentKind.FOLLOW_UP:
            self._context.worker.submit(
                lambda: documents.default_period(record_id),
                lambda period: self._period_known(record_id, period),
                self._failed,
                owner=self,
            )
            return
        self._build(kind, record_id, None)

    def export_csv(self, kind: str, query: ListQuery | None, suggested: str) -> None:
        """Write the list of ``kind`` as filtered and sorted by ``query`` to a CSV file."""
        if self.busy:
            return
        path = self.choose_path(f"{suggested} {date.today().isoformat()}", FileType.CSV)
        if path is None:
            return
        self.busy = True
        from kommunpolis.services.csv_export import CsvExporter
        from kommunpolis.ui.labels import label
        from kommunpolis.ui.list_cells import header_label

        exporter = CsvExporter(uow=self._context.services.unit_of_work)
        self._context.worker.submit(
            lambda: exporter.export(
                kind,
                path,
                query=query,
                include_secret=False,
                header=header_label,
                code_label=label,
            ),
            self._csv_done,
            self._failed,
            owner=self,
        )

    # ---------------------------------------------------------------- steps

    def _period_known(self, record_id: uuid.UUID, period: tuple[date, date]) -> None:
        chosen = self.ask_period(*period)
        if chosen is None:
            self.busy = False
            return
        self._build(DocumentKind.FOLLOW_UP, record_id, chosen)

    def _build(
        self, kind: DocumentKind, record_id: uuid.UUID, period: tuple[date, date] | None
    ) -> None:
        documents = self._context.services.documents
        first, last = period if period else (None, None)
        self._context.worker.submit(
            lambda: documents.build(kind, record_id, period_from=first, period_to=last),
            self._built,
            self._failed,
            owner=self,
        )

    def _built(self, document: Document) -> None:
        self.busy = False
        if document.gaps and not self.confirm_gaps(document):
            return
        path = self.choose_path(document.file_stem, FileType.PDF)
        if path is None:
            return
        from kommunpolis.ui.documents import write_pdf

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = write_pdf(document, path)
        except KnownError as error:
            self._failed(error)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._context.settings.setValue(_LAST_FOLDER_KEY, str(path.parent))
        self.document_written.emit(written)
        self.offer_open(written.path)

    def _csv_done(self, result: object) -> None:
        self.busy = False
        path = getattr(result, "path", None)
        if isinstance(path, Path):
            self._context.settings.setValue(_LAST_FOLDER_KEY, str(path.parent))
        self.csv_written.emit(result)

    def _failed(self, error: KnownError) -> None:
        self.busy = False
        title, message = describe(error)
        self.failed.emit(message)
        self.show_error(title, message)

    # ---------------------------------------------------------------- the questions

    def _folder(self) -> Path:
        saved = self._context.settings.value(_LAST_FOLDER_KEY)
        if isinstance(saved, str) and Path(saved).is_dir():
            return Path(saved)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents else Path.home()

    def _choose_path(self, stem: str, file_type: str) -> Path | None:
        if file_type == FileType.PDF:
            caption, pattern = self.tr("Spara dokumentet som PDF"), self.tr("PDF-filer (*.pdf)")
        else:
            caption, pattern = (
                self.tr("Exportera listan som CSV"),
                self.tr("CSV-filer för Excel (*.csv)"),
            )
        chosen, _filter = QFileDialog.getSaveFileName(
            self._window, caption, str(self._folder() / f"{stem}.{file_type}"), pattern
        )
        if not chosen:
            return None
        path = Path(chosen)
        return (
            path
            if path.suffix.lower() == f".{file_type}"
            else path.with_name(f"{path.name}.{file_type}")
        )

    def _confirm_gaps(self, document: Document) -> bool:
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Det saknas delar i dokumentet"))
        box.setText(
            self.tr(
                "Antal luckor i ”{title}”: %n. De står överst i dokumentet.",
                "",
                len(document.gaps),
            ).format(title=document.title)
        )
        shown = [f"• {gap.text}" for gap in document.gaps[:GAPS_SHOWN]]
        rest = len(document.gaps) - len(shown)
        if rest > 0:
            shown.append(self.tr("… och %n till.", "", rest))
        box.setInformativeText("\n".join(shown))
        create = box.addButton(self.tr("Skapa ändå"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(create)
        box.exec()
        return box.clickedButton() is create

    def _ask_period(self, start: date, end: date) -> tuple[date, date] | None:
        dialog = PeriodDialog(start, end, self._window)
        return dialog.period() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _offer_open(self, path: Path) -> None:
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Dokumentet är sparat"))
        box.setText(self.tr("Dokumentet sparades som {path}.").format(path=path))
        open_button = box.addButton(self.tr("Öppna"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self._window, title, message)

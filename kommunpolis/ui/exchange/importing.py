"""Import: choose or drop bundles, preview them (a dry run on the worker), then apply."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDir,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import (
    BundleRevokedSender,
    BundleUnknownSender,
    KnownError,
    MassDeleteRefused,
)
from kommunpolis.services.exchange import ReceiptSummary
from kommunpolis.services.importing import (
    CONFLICTING,
    DELETED,
    NEW,
    UNCHANGED,
    UPDATED,
    WAITING,
    BundleOutcome,
    ImportReport,
    SequenceGap,
)
from kommunpolis.sync.bundle import SUFFIX
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.exchange.common import (
    ITEM_ROLE,
    MessageBanner,
    busy_bar,
    local_time,
    monospace_font,
    number_range,
    table_label,
)

_NO_PARENT = QModelIndex()
_TOP = 0  # internalId of a bundle row; a table row holds its bundle's row + 1


@dataclass(frozen=True)
class TableCounts:
    """One line under a bundle: what happened to the records of one kind."""

    label: str
    counts: dict[str, int]


class ImportPreviewModel(QAbstractItemModel):
    """Bundles (top level) and, under each, the counts per kind of record."""

    class Column(IntEnum):
        """The model's columns."""

        WHAT = 0
        NUMBER = 1
        STATE = 2
        NEW = 3
        UPDATED = 4
        UNCHANGED = 5
        CONFLICTING = 6
        DELETED = 7
        WAITING = 8

    OUTCOME_COLUMNS: ClassVar[dict[int, str]] = {
        Column.NEW: NEW,
        Column.UPDATED: UPDATED,
        Column.UNCHANGED: UNCHANGED,
        Column.CONFLICTING: CONFLICTING,
        Column.DELETED: DELETED,
        Column.WAITING: WAITING,
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bundles: tuple[BundleOutcome, ...] = ()
        self._tables: tuple[tuple[TableCounts, ...], ...] = ()
        self.applied = False

    def set_report(self, report: ImportReport | None) -> None:
        """Show a preview or an import's outcome (None: nothing)."""
        self.beginResetModel()
        self._bundles = report.bundles if report is not None else ()
        self.applied = report.applied if report is not None else False
        self._tables = tuple(_table_counts(outcome) for outcome in self._bundles)
        self.endResetModel()

    def bundle(self, row: int) -> BundleOutcome | None:
        """Return the outcome of a bundle row."""
        return self._bundles[row] if 0 <= row < len(self._bundles) else None

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> QModelIndex:  # Qt override
        """Return the index of a bundle row or of a table row under one."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: QModelIndex | QPersistentModelIndex) -> QModelIndex:  # type: ignore[override]  # Qt override
        """Return a table row's bundle row (bundle rows have no parent)."""
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(int(child.internalId()) - 1, 0, _TOP)

    def rowCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the bundles, or the kinds under a bundle."""
        if not parent.isValid():
            return len(self._bundles)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._tables[parent.row()])
        return 0

    def columnCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of columns."""
        return len(self.Column)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return a cell's text; the bundle's outcome under :data:`ITEM_ROLE`."""
        if not index.isValid():
            return None
        column = self.Column(index.column())
        if index.internalId() == _TOP:
            outcome = self._bundles[index.row()]
            if role == ITEM_ROLE:
                return outcome
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self._bundle_text(outcome, column)
        else:
            line = self._tables[int(index.internalId()) - 1][index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                if column == self.Column.WHAT:
                    return line.label
                if column in self.OUTCOME_COLUMNS:
                    return _number(line.counts.get(self.OUTCOME_COLUMNS[column], 0))
                return ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.Column.NUMBER:
            if column == self.Column.STATE:
                return None
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _bundle_text(self, outcome: BundleOutcome, column: Column) -> str:
        match column:
            case self.Column.WHAT:
                return self.tr("{sender} – {file}").format(
                    sender=outcome.sender_name, file=outcome.path.name
                )
            case self.Column.NUMBER:
                number = outcome.recipient_sequence or outcome.sequence
                return str(number)
            case self.Column.STATE:
                if outcome.receipt is not None:
                    return self.tr(
                        "Kvitto: %n av dina paket kom fram",
                        "",
                        len(outcome.receipt.get("bundles", [])),
                    )
                if outcome.already_imported is not None:
                    return self.tr("Redan importerat {when}").format(
                        when=local_time(outcome.already_imported)
                    )
                if self.applied:
                    return self.tr("Importerat")
                return self.tr("Nytt paket")
        if outcome.already_imported is not None:
            return ""
        return _number(outcome.counts.get(self.OUTCOME_COLUMNS[column], 0))

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:  # Qt override
        """Return the column headers."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.Column):
            return None
        return {
            self.Column.WHAT: self.tr("Avsändare och fil"),
            self.Column.NUMBER: self.tr("Paket nr"),
            self.Column.STATE: self.tr("Status"),
            self.Column.NEW: self.tr("Nya"),
            self.Column.UPDATED: self.tr("Ändrade"),
            self.Column.UNCHANGED: self.tr("Oförändrade"),
            self.Column.CONFLICTING: self.tr("Konflikter"),
            self.Column.DELETED: self.tr("Borttagna"),
            self.Column.WAITING: self.tr("Väntar"),
        }[self.Column(section)]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:  # Qt override
        """Rows are selectable, not editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _number(value: int) -> str:
    return QLocale().toString(value)


def _table_counts(outcome: BundleOutcome) -> tuple[TableCounts, ...]:
    grouped: dict[str, Counter[str]] = {}
    for table, counts in outcome.tables.items():
        counter = grouped.setdefault(table_label(table), Counter())
        counter.update({name: count for name, count in counts.items() if count})
    return tuple(
        TableCounts(label, dict(counter))
        for label, counter in sorted(grouped.items(), key=lambda item: item[0].casefold())
        if any(counter.values())
    )


def gap_text(gap: SequenceGap) -> str:
    """Return 'Paket 3–5 från X saknas.'"""
    return QCoreApplication.translate("ImportPanel", "Paket {n} från {name} saknas.").format(
        n=number_range(gap.first, gap.last), name=gap.sender_name
    )


class ImportPanel(QWidget):
    """Preview and import bundles; refused senders and mass deletions are asked about."""

    imported = Signal(object)  # the applied ImportReport
    trust_file_chosen = Signal(object, str)  # (identity file path, expected fingerprint)
    receipt_saved = Signal(object)  # the ReceiptSummary

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.paths: list[Path] = []
        self.report: ImportReport | None = None
        self.allow_mass_delete = False
        self.refused_fingerprint: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        intro = QLabel(
            self.tr(
                "Välj en eller flera paketfiler (.kpb), eller dra dem hit. Först visas vad "
                "importen skulle göra; ingenting ändras förrän du trycker Importera."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Välj paketfiler…"), self)
        self.choose_button.clicked.connect(self._choose_files)
        self.files_label = QLabel(self.tr("Inga filer valda."), self)
        self.files_label.setWordWrap(True)
        row.addWidget(self.choose_button)
        row.addWidget(self.files_label, 1)
        layout.addLayout(row)
        pass_row = QHBoxLayout()
        pass_label = QLabel(self.tr("&Lösenfras (bara för paket som krypterats med lösenfras):"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        pass_label.setBuddy(self.passphrase)
        self.passphrase.returnPressed.connect(self.run_preview)
        pass_row.addWidget(pass_label)
        pass_row.addWidget(self.passphrase, 1)
        layout.addLayout(pass_row)
        self.busy = busy_bar(self)
        layout.addWidget(self.busy)
        self.banner = MessageBanner(self)
        layout.addWidget(self.banner)

        # An unknown sender: its fingerprint, large, and a way to trust it after comparing.
        self.sender_box = QFrame(self)
        self.sender_box.setFrameShape(QFrame.Shape.StyledPanel)
        sender_layout = QVBoxLayout(self.sender_box)
        self.sender_text = QLabel(self.sender_box)
        self.sender_text.setWordWrap(True)
        self.sender_fingerprint = QLabel(self.sender_box)
        self.sender_fingerprint.setFont(monospace_font(1.8))
        self.sender_fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.sender_fingerprint.setAccessibleName(self.tr("Avsändarens fingeravtryck"))
        self.trust_sender_button = QPushButton(self.tr("Välj avsändarens identitetsfil…"))
        self.trust_sender_button.clicked.connect(self._choose_sender_identity)
        sender_layout.addWidget(self.sender_text)
        sender_layout.addWidget(self.sender_fingerprint)
        sender_buttons = QHBoxLayout()
        sender_buttons.addWidget(self.trust_sender_button)
        sender_buttons.addStretch(1)
        sender_layout.addLayout(sender_buttons)
        self.sender_box.hide()
        layout.addWidget(self.sender_box)

        # A bundle that would delete much: say so, and allow it only when asked.
        self.delete_box = QFrame(self)
        self.delete_box.setFrameShape(QFrame.Shape.StyledPanel)
        delete_layout = QHBoxLayout(self.delete_box)
        self.delete_text = QLabel(self.delete_box)
        self.delete_text.setWordWrap(True)
        self.allow_delete_button = QPushButton(
            self.tr("Tillåt raderingarna och förhandsgranska igen"), self.delete_box
        )
        self.allow_delete_button.clicked.connect(self.allow_deletes)
        delete_layout.addWidget(self.delete_text, 1)
        delete_layout.addWidget(self.allow_delete_button)
        self.delete_box.hide()
        layout.addWidget(self.delete_box)

        self.model = ImportPreviewModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Förhandsgranskning av importen"))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ImportPreviewModel.Column.WHAT, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.tree, 1)
        self.gaps_label = QLabel(self)
        self.gaps_label.setWordWrap(True)
        self.gaps_label.setStyleSheet("color: #8a5a00;")
        self.gaps_label.hide()
        layout.addWidget(self.gaps_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.clear_button = QPushButton(self.tr("Rensa"), self)
        self.clear_button.clicked.connect(self.clear)
        self.import_button = QPushButton(self.tr("Importera"), self)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.apply)
        self.receipt_button = QPushButton(self.tr("Skriv &kvitto…"), self)
        self.receipt_button.setToolTip(
            self.tr(
                "Ett kvitto till avsändarna: när de importerar det ser de vilka paket som "
                "kom fram och vad de ändrade här."
            )
        )
        self.receipt_button.setEnabled(False)
        self.receipt_button.clicked.connect(self.write_receipt)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.receipt_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self.setAcceptDrops(True)

    # ---------------------------------------------------------------- choosing

    def _choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Välj paketfiler"),
            QDir.homePath(),
            self.tr("Kommunpolis-paket (*.kpb);;Alla filer (*)"),
        )
        if paths:
            self.preview_paths([Path(path) for path in paths])

    def preview_paths(self, paths: Sequence[Path]) -> None:
        """Choose ``paths`` and preview importing them."""
        self.paths = list(dict.fromkeys(paths))
        self.allow_mass_delete = False
        names = ", ".join(path.name for path in self.paths)
        self.files_label.setText(
            self.tr("%n fil(er): {names}", "", len(self.paths)).format(names=names)
        )
        self.run_preview()

    def clear(self) -> None:
        """Forget the chosen files and the preview."""
        self.paths = []
        self.report = None
        self.allow_mass_delete = False
        self.files_label.setText(self.tr("Inga filer valda."))
        self.model.set_report(None)
        self._reset_messages()
        self.import_button.setEnabled(False)
        self.receipt_button.setEnabled(False)

    def _reset_messages(self) -> None:
        self.banner.clear()
        self.sender_box.hide()
        self.delete_box.hide()
        self.gaps_label.hide()
        self.refused_fingerprint = None

    # ---------------------------------------------------------------- running

    def run_preview(self) -> None:
        """Preview importing the chosen files (a dry run on the worker)."""
        if not self.paths:
            return
        self._run(dry_run=True)

    def apply(self) -> None:
        """Import the chosen files (on the worker), as previewed."""
        if not self.paths or self.report is None or self.report.applied:
            return
        self._run(dry_run=False)

    def receipt_bundles(self) -> list[uuid.UUID]:
        """The bundles of the last import a receipt can be written for."""
        if self.report is None or not self.report.applied:
            return []
        return [o.bundle_id for o in self.report.bundles if o.receipt is None]

    def write_receipt(self, path: Path | None = None) -> None:
        """Write a receipt for the imported bundles to ``path`` (asked when not given)."""
        bundles = self.receipt_bundles()
        if not bundles:
            return
        if path is None:
            name = f"kvitto-{date.today().isoformat()}.kpb"
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Spara kvittot"),
                str(self._receipt_folder() / name),
                self.tr("Kommunpolis-paket (*.kpb)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        exchange = self._context.services.exchange
        target = path
        self.busy.show()
        self.receipt_button.setEnabled(False)
        self._context.worker.submit(
            lambda: exchange.write_receipt(target, bundles),
            self._receipt_written,
            self._failed,
            owner=self,
        )

    def _receipt_folder(self) -> Path:
        return self.paths[0].parent if self.paths else Path.home()

    def _receipt_written(self, summary: ReceiptSummary) -> None:
        self.busy.hide()
        self.receipt_button.setEnabled(True)
        self.banner.show_success(
            self.tr("Kvittot är sparat"),
            self.tr(
                "{path}: ge det till avsändaren. När det importeras där syns vilka paket "
                "som kommit fram."
            ).format(path=summary.path),
        )
        self.receipt_saved.emit(summary)

    def allow_deletes(self) -> None:
        """Allow the large deletion the bundle asks for, then preview again."""
        self.allow_mass_delete = True
        self.run_preview()

    def _run(self, *, dry_run: bool) -> None:
        importing = self._context.services.importing
        paths = list(self.paths)
        passphrase = self.passphrase.text() or None
        allow = self.allow_mass_delete
        self._reset_messages()
        self.busy.show()
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self._context.worker.submit(
            lambda: importing.import_bundles(
                paths, dry_run=dry_run, passphrase=passphrase, allow_mass_delete=allow
            ),
            self._finished,
            self._failed,
            owner=self,
        )

    def _finished(self, report: ImportReport) -> None:
        self.busy.hide()
        self.choose_button.setEnabled(True)
        self.report = report
        self.model.set_report(report)
        self.tree.expandAll()
        gaps = [gap_text(gap) for gap in report.gaps]
        self.gaps_label.setText("\n".join(gaps))
        self.gaps_label.setVisible(bool(gaps))
        changes = any(outcome.already_imported is None for outcome in report.bundles)
        if report.applied:
            conflicts = sum(len(outcome.conflicts) for outcome in report.bundles)
            message = self.tr("Posterna finns nu i databasen.")
            if conflicts:
                message += " " + self.tr(
                    "%n konflikt(er) väntar på ett beslut under Konflikter.", "", conflicts
                )
            self.banner.show_success(self.tr("Importen är klar"), message)
            self.receipt_button.setEnabled(bool(self.receipt_bundles()))
            self.imported.emit(report)
            self._context.events.records_imported.emit()
            # Recount the lägesbild's months the import changed now, queued behind the
            # lists' reloads, rather than in the next lägesbild (seconds after a big one).
            self._context.worker.submit(self._context.services.situation.update_counts)
        elif not changes:
            self.banner.show_notice(
                self.tr("Redan importerat"),
                self.tr("Alla valda paket är redan importerade. Inget skulle ändras."),
            )
        else:
            self.banner.show_notice(
                self.tr("Förhandsgranskning"),
                self.tr("Så här skulle importen bli. Inget har ändrats ännu."),
            )
        self.import_button.setEnabled(not report.applied and changes)

    def _failed(self, error: KnownError) -> None:
        self.busy.hide()
        self.choose_button.setEnabled(True)
        self.report = None
        self.model.set_report(None)
        self.import_button.setEnabled(False)
        self.banner.show_error(error)
        if isinstance(error, BundleUnknownSender) and not isinstance(error, BundleRevokedSender):
            self.refused_fingerprint = error.fingerprint
            self.sender_text.setText(
                self.tr(
                    "{name} är inte betrodd här. Be {name} läsa upp sitt fingeravtryck och "
                    "jämför med det här. Stämmer det, välj {name}s identitetsfil för att "
                    "lita på avsändaren; sedan förhandsgranskas paketet igen."
                ).format(name=error.name)
            )
            self.sender_fingerprint.setText(error.fingerprint)
            self.sender_box.show()
        elif isinstance(error, MassDeleteRefused):
            self.delete_text.setText(
                self.tr(
                    "{file} skulle radera {deleting} av de {live} posterna här. Är det "
                    "avsiktligt? Fråga avsändaren om du är osäker."
                ).format(file=error.path.name, deleting=error.deleting, live=error.live)
            )
            self.delete_box.show()

    def _choose_sender_identity(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Avsändarens identitetsfil"),
            QDir.homePath(),
            self.tr("Identitetsfiler (*.json);;Alla filer (*)"),
        )
        if path and self.refused_fingerprint is not None:
            self.trust_file_chosen.emit(Path(path), self.refused_fingerprint)

    # ---------------------------------------------------------------- dropping

    @staticmethod
    def bundle_paths(urls: Sequence[object]) -> list[Path]:
        """Return the local .kpb files among dropped URLs."""
        paths = []
        for url in urls:
            local = getattr(url, "toLocalFile", lambda: "")()
            if local and Path(local).suffix.lower() == SUFFIX:
                paths.append(Path(local))
        return paths

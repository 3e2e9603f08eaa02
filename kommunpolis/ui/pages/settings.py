"""Inställningar: language, the database, its backups and disposal (gallring)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import KnownError
from kommunpolis.services.read_models import BackupView
from kommunpolis.services.retention import (
    MAX_MONTHS,
    PurgeItem,
    PurgePreview,
    PurgeResult,
    PurgeRule,
    PurgeService,
    RetentionKind,
    RetentionSettings,
)
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.editors.field_text import field_label
from kommunpolis.ui.errors import describe
from kommunpolis.ui.i18n import ENGLISH, LANGUAGE_KEY, SWEDISH, chosen_language
from kommunpolis.ui.labels import kind_label

if TYPE_CHECKING:
    from kommunpolis.ui.models.record_counts_model import RecordCountsModel


_NO_PARENT = QModelIndex()
# Rows handed to the view per fetchMore: a preview may list 100 000 concerns.
PREVIEW_BATCH = 200


class PurgePreviewModel(QAbstractTableModel):
    """The records a disposal run would clear, shown a batch at a time."""

    class Column(IntEnum):
        """The model's columns, in display order."""

        KIND = 0
        DATE = 1
        TITLE = 2
        FIELDS = 3
        REASON = 4

    RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    KIND_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: Sequence[PurgeItem] = ()
        self._shown = 0

    def set_items(self, items: Sequence[PurgeItem]) -> None:
        """Show ``items`` (the first batch now, the rest as the view scrolls)."""
        self.beginResetModel()
        self._items = items
        self._shown = min(len(items), PREVIEW_BATCH)
        self.endResetModel()

    def total(self) -> int:
        """Return how many items the preview holds (shown or not yet)."""
        return len(self._items)

    def item(self, row: int) -> PurgeItem | None:
        """Return the item of a shown row."""
        return self._items[row] if 0 <= row < self._shown else None

    def rowCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of rows fetched so far."""
        return 0 if parent.isValid() else self._shown

    def columnCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of columns."""
        return 0 if parent.isValid() else len(self.Column)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # Qt override
        """Return whether rows remain to be shown."""
        return not parent.isValid() and self._shown < len(self._items)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # Qt override
        """Show the next batch of rows."""
        if parent.isValid():
            return
        end = min(len(self._items), self._shown + PREVIEW_BATCH)
        if end <= self._shown:
            return
        self.beginInsertRows(QModelIndex(), self._shown, end - 1)
        self._shown = end
        self.endInsertRows()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return a cell's text, or the record's id and kind under the custom roles."""
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == self.RECORD_ID_ROLE:
            return item.record_id
        if role == self.KIND_ROLE:
            return item.kind
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = self.Column(index.column())
        if column is self.Column.KIND:
            return kind_label(item.kind)
        if column is self.Column.DATE:
            day = QDate(item.dated.year, item.dated.month, item.dated.day)
            return QLocale().toString(day, QLocale.FormatType.ShortFormat)
        if column is self.Column.TITLE:
            deleted = self.tr(" (borttagen)") if item.deleted else ""
            return item.title + deleted
        if column is self.Column.FIELDS:
            return ", ".join(field_label(item.kind, name) for name in item.fields)
        if item.rule is PurgeRule.SECRET:
            return self.tr("Sekretess, %n mån", "", item.months)
        return self.tr("%n mån", "", item.months)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return the column titles."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.Column):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            self.Column.KIND: self.tr("Typ"),
            self.Column.DATE: self.tr("Datum"),
            self.Column.TITLE: self.tr("Post"),
            self.Column.FIELDS: self.tr("Töms"),
            self.Column.REASON: self.tr("Gallringstid"),
        }
        return titles[self.Column(section)]


class DisposalGroup(QGroupBox):
    """Gallring: the retention times, a preview of what is past them, and the run."""

    purge_applied = Signal(object)  # PurgeResult

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Gallring"))
        self._context = context
        services = context.services
        self.purge = PurgeService(
            uow=services.unit_of_work,
            maintenance=services.maintenance,
            backup_dir=context.paths.backups,
            retention=services.retention,
        )
        self.preview: PurgePreview | None = None
        self.confirm_box: QMessageBox | None = None
        self.confirm_button: QAbstractButton | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Fritext som kan innehålla personuppgifter töms när den är äldre än tiden "
                "nedan. Tema, plats, antal, datum, status och kopplingar finns kvar. Det "
                "som ett pågående medborgarlöfte eller en gällande överenskommelse bygger "
                "på rörs inte."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.spin_boxes: dict[RetentionKind, QSpinBox] = {}
        labels = {
            RetentionKind.DIALOGUES: self.tr("&Dialoger (anteckningar, återkoppling):"),
            RetentionKind.CONCERNS: self.tr("S&ynpunkter (text, svar):"),
            RetentionKind.MEETINGS: self.tr(
                "&Möten (dagordning, protokoll, beslut, åtgärdspunkter):"
            ),
            RetentionKind.FOLLOWUPS: self.tr("&Uppföljningar (beskrivning, kommentar per åtgärd):"),
            RetentionKind.SOURCES: self.tr("&Källor i lägesbilder (beskrivning):"),
            RetentionKind.ANALYSES: self.tr(
                "&Orsaksanalyser (gärningsperson, mål eller offer, skydd, händelsekedja):"
            ),
            RetentionKind.SECRET: self.tr("Sekre&tessmarkerade poster, högst:"),
        }
        for kind, text in labels.items():
            spin = QSpinBox(self)
            spin.setRange(0, MAX_MONTHS)
            spin.setMaximumWidth(160)
            spin.setSuffix(self.tr(" mån"))
            spin.setSpecialValueText(self.tr("Gallras inte"))
            spin.setEnabled(False)  # until the stored settings have arrived
            spin.valueChanged.connect(lambda value, kind=kind: self._months_changed(kind, value))
            caption = QLabel(text, self)
            caption.setBuddy(spin)
            form.addRow(caption, spin)
            self.spin_boxes[kind] = spin
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("&Förhandsgranska gallring"), self)
        self.preview_button.clicked.connect(self.request_preview)
        buttons.addWidget(self.preview_button)
        self.apply_button = QPushButton(self.tr("&Gallra nu"), self)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.confirm_apply)
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        self.model = PurgePreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Det som gallras"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PurgePreviewModel.Column.TITLE, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.spin_boxes[RetentionKind.SECRET], self.preview_button)
        self.setTabOrder(self.preview_button, self.apply_button)
        self.setTabOrder(self.apply_button, self.table)

    def load(self) -> None:
        """Read the stored retention settings (on the worker)."""
        self._context.worker.submit(
            self.purge.retention.settings, self._show_settings, self._failed, owner=self
        )

    def request_preview(self) -> None:
        """List what is past its time, on the worker."""
        self.preview_button.setEnabled(False)
        self.apply_button.setEnabled(False)
        self.status_label.setText(self.tr("Söker efter det som ska gallras…"))
        self._context.worker.submit(
            self.purge.preview, self._show_preview, self._failed, owner=self
        )

    def confirm_apply(self) -> None:
        """Ask before clearing what the preview listed."""
        preview = self.preview
        if preview is None or not preview.items:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Gallra"))
        box.setText(self.tr("Gallra fritexten i de listade posterna (%n)?", "", len(preview.items)))
        box.setInformativeText(
            self.tr(
                "%n fält töms. En säkerhetskopia tas först; tema, plats, antal och datum "
                "finns kvar. Det går inte att ångra i appen.",
                "",
                preview.field_count,
            )
        )
        self.confirm_button = box.addButton(self.tr("Gallra"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(self._confirmation_answered)
        self.confirm_box = box
        # Non-blocking: the page stays responsive and tests can answer the box.
        box.open()

    def _confirmation_answered(self, button: QAbstractButton) -> None:
        box, self.confirm_box = self.confirm_box, None
        if box is not None:
            box.deleteLater()
        if button is not self.confirm_button or self.preview is None:
            return
        preview = self.preview
        self.preview_button.setEnabled(False)
        self.apply_button.setEnabled(False)
        self.status_label.setText(self.tr("Tar en säkerhetskopia och gallrar…"))
        self._context.worker.submit(
            lambda: self.purge.apply(preview), self._applied, self._failed, owner=self
        )

    def _show_settings(self, settings: RetentionSettings) -> None:
        for kind, spin in self.spin_boxes.items():
            spin.blockSignals(True)
            spin.setValue(settings.months(kind))
            spin.blockSignals(False)
            spin.setEnabled(True)

    def _months_changed(self, kind: RetentionKind, months: int) -> None:
        # A preview made under the old times must not be applied (the service would refuse).
        self._forget_preview()
        self._context.worker.submit(
            lambda: self.purge.retention.set(kind, months), None, self._failed, owner=self
        )

    def _forget_preview(self) -> None:
        if self.preview is not None:
            self.preview = None
            self.model.set_items(())
            self.apply_button.setEnabled(False)
            self.status_label.setText(
                self.tr("Tiderna ändrades. Förhandsgranska igen innan du gallrar.")
            )

    def _show_preview(self, preview: PurgePreview) -> None:
        self.preview = preview
        self.model.set_items(preview.items)
        self.preview_button.setEnabled(True)
        self.apply_button.setEnabled(bool(preview.items))
        if preview.items:
            text = self.tr(
                "Poster med fritext äldre än gallringstiden: %n.", "", len(preview.items)
            )
        else:
            text = self.tr("Inget är äldre än gallringstiden.")
        if preview.held:
            text += " " + self.tr(
                "Hålls kvar för att ett pågående löfte eller en gällande överenskommelse "
                "bygger på dem: %n.",
                "",
                len(preview.held),
            )
        self.status_label.setText(text)

    def _applied(self, result: PurgeResult) -> None:
        self.preview = None
        self.model.set_items(())
        self.preview_button.setEnabled(True)
        text = self.tr("Klart: %n fält tömdes.", "", result.fields_cleared)
        if result.backup is not None:
            text += " " + self.tr("Säkerhetskopia: {name}").format(name=result.backup.path.name)
        self.status_label.setText(text)
        self.purge_applied.emit(result)

    def _failed(self, error: KnownError) -> None:
        self.preview_button.setEnabled(True)
        self.apply_button.setEnabled(self.preview is not None and bool(self.preview.items))
        title, message = describe(error)
        self.status_label.setText(f"{title}: {message}")


class SettingsPage(QWidget):
    """Choose the language; see the database, its backups; set and run disposal."""

    def __init__(
        self, context: UiContext, counts_model: RecordCountsModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._counts_model = counts_model
        columns = QHBoxLayout(self)
        columns.setContentsMargins(24, 20, 24, 20)
        columns.setSpacing(16)
        layout = QVBoxLayout()
        layout.setSpacing(12)
        columns.addLayout(layout, 2)

        general = QGroupBox(self.tr("Allmänt"), self)
        form = QFormLayout(general)
        self.language_combo = QComboBox(general)
        self.language_combo.addItem(self.tr("Svenska"), SWEDISH)
        self.language_combo.addItem(self.tr("Engelska (English)"), ENGLISH)
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData(chosen_language(context.settings)), 0)
        )
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        language_label = QLabel(self.tr("&Språk:"), general)
        language_label.setBuddy(self.language_combo)
        form.addRow(language_label, self.language_combo)
        self.language_note = QLabel(general)
        self.language_note.setWordWrap(True)
        form.addRow("", self.language_note)
        folder = QLabel(str(context.paths.data_dir), general)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Datamapp:"), folder)
        layout.addWidget(general)

        database = QGroupBox(self.tr("Databasen"), self)
        database_layout = QVBoxLayout(database)
        self.counts_view = QTableView(database)
        self.counts_view.setModel(counts_model)
        self.counts_view.setAccessibleName(self.tr("Antal poster per typ"))
        self.counts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.counts_view.setAlternatingRowColors(True)
        self.counts_view.setShowGrid(False)
        self.counts_view.verticalHeader().hide()
        self.counts_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        database_layout.addWidget(self.counts_view)
        layout.addWidget(database, 2)

        backups = QGroupBox(self.tr("Säkerhetskopior"), self)
        backups_layout = QVBoxLayout(backups)
        self.backups_list = QListWidget(backups)
        self.backups_list.setAccessibleName(self.tr("Säkerhetskopior"))
        backups_layout.addWidget(self.backups_list)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("&Säkerhetskopiera nu"), backups)
        self.backup_button.clicked.connect(self.back_up_now)
        buttons.addWidget(self.backup_button)
        self.backup_status = QLabel(backups)
        buttons.addWidget(self.backup_status, 1)
        backups_layout.addLayout(buttons)
        hint = QLabel(
            self.tr(
                "Återställ en kopia med kommandot: kommunpolis restore SÖKVÄG "
                "(stäng appen först; den nuvarande databasen sparas undan)."
            ),
            backups,
        )
        hint.setWordWrap(True)
        backups_layout.addWidget(hint)
        layout.addWidget(backups, 1)

        self.disposal = DisposalGroup(context, self)
        self.disposal.purge_applied.connect(lambda _result: self.refresh_backups())
        columns.addWidget(self.disposal, 3)
        self._disposal_loaded = False

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        """Bring the record counts and backups up to date whenever the page is shown."""
        super().showEvent(event)
        self._context.worker.submit(
            self._context.services.records.stats, self._counts_model.set_counts, self._failed
        )
        self.refresh_backups()
        if not self._disposal_loaded:
            self._disposal_loaded = True
            self.disposal.load()

    def refresh_backups(self) -> None:
        """Reload the list of backups (on the worker)."""
        self._context.worker.submit(
            self._context.services.maintenance.backups, self._show_backups, self._failed
        )

    def back_up_now(self) -> None:
        """Take a backup now."""
        self.backup_button.setEnabled(False)
        self.backup_status.setText(self.tr("Säkerhetskopierar…"))
        self._context.worker.submit(
            self._context.services.maintenance.backup, self._backed_up, self._failed
        )

    def _backed_up(self, backup: BackupView) -> None:
        self.backup_button.setEnabled(True)
        self.backup_status.setText(self.tr("Klart: {name}").format(name=backup.path.name))
        self.refresh_backups()

    def _show_backups(self, backups: tuple[BackupView, ...]) -> None:
        self.backups_list.clear()
        for backup in backups:
            local = backup.modified_at.astimezone()
            megabytes = backup.size / 1_000_000
            self.backups_list.addItem(
                f"{local:%Y-%m-%d %H:%M}  ·  {megabytes:.1f} MB  ·  {backup.path.name}"
            )

    def _failed(self, error: KnownError) -> None:
        self.backup_button.setEnabled(True)
        self.backup_status.setText(describe(error)[1])

    def _language_changed(self, index: int) -> None:
        self._context.settings.setValue(LANGUAGE_KEY, self.language_combo.itemData(index))
        self.language_note.setText(
            self.tr("Det nya språket används när du startar om Kommunpolis.")
        )

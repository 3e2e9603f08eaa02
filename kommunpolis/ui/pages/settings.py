"""Inställningar: language, the database and its backups."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import KnownError
from kommunpolis.services.read_models import BackupView
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.errors import describe
from kommunpolis.ui.i18n import ENGLISH, LANGUAGE_KEY, SWEDISH, chosen_language

if TYPE_CHECKING:
    from kommunpolis.ui.main_window import RecordCountsModel


class SettingsPage(QWidget):
    """Choose the language; see the database, its record counts and backups."""

    def __init__(
        self, context: UiContext, counts_model: RecordCountsModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._counts_model = counts_model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)

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

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        """Bring the record counts and backups up to date whenever the page is shown."""
        super().showEvent(event)
        self._context.worker.submit(
            self._context.services.records.stats, self._counts_model.set_counts, self._failed
        )
        self.refresh_backups()

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

"""The main window: who is working, what the database holds, where it lives."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kommunpolis import __version__
from kommunpolis.domain.collation import swedish_key
from kommunpolis.domain.vocabulary import Role
from kommunpolis.services.read_models import BackupView, KindCount, ProfileView

_GEOMETRY_KEY = "main_window/geometry"
# The invalid index that stands for the root (the default 'parent' of Qt's API).
_NO_PARENT = QModelIndex()
_KIND_CONTEXT = "RecordCountsModel"

# Swedish names for the stored kinds; the code name is shown for any kind not listed.
KIND_LABELS: Mapping[str, object] = {
    "action_item": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Åtgärdspunkter"),
    "agreement": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Samverkansöverenskommelser"),
    "agreement_party": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Parter i överenskommelser"),
    "agreement_problem": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Problem i överenskommelser"),
    "attachment": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Bilagor"),
    "cause": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Orsaker"),
    "commitment": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Åtaganden i löften"),
    "concern": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Synpunkter"),
    "contact": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Kontakter"),
    "decision": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Beslut"),
    "dialogue": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Dialoger"),
    "dialogue_organiser": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Arrangörer av dialoger"),
    "dialogue_place": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Platser i dialoger"),
    "district": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Lokalpolisområden"),
    "district_municipality": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Kommuner i lokalpolisområden"),
    "follow_up": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Uppföljningar"),
    "follow_up_measure": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Åtgärder i uppföljningar"),
    "indicator": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Indikatorer"),
    "indicator_value": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Indikatorvärden"),
    "measure": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Åtgärder"),
    "meeting": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Möten"),
    "meeting_attendee": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Mötesdeltagare"),
    "organisation": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Organisationer"),
    "place": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Platser"),
    "problem": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Problem"),
    "problem_concern": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Synpunkter kopplade till problem"),
    "problem_source": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Källor kopplade till problem"),
    "promise": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Medborgarlöften"),
    "promise_problem": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Fokusområden i löften"),
    "root_cause_analysis": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Orsaksanalyser"),
    "situation_picture": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Lägesbilder"),
    "situation_problem": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Problem i lägesbilder"),
    "source": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Källor"),
    "theme": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Teman"),
}


def kind_label(kind: str) -> str:
    """Return the translated name of a stored kind (the code name if it has none)."""
    label = KIND_LABELS.get(kind)
    return QCoreApplication.translate(_KIND_CONTEXT, str(label)) if label else kind


def role_label(role: Role | str) -> str:
    """Return the Swedish name of a role."""
    labels = {
        Role.OFFICER: QCoreApplication.translate("Role", "Kommunpolis"),
        Role.COORDINATOR: QCoreApplication.translate("Role", "Samordnare"),
    }
    return labels.get(Role(role), str(role))


class RecordCountsModel(QAbstractTableModel):
    """Live and deleted record counts, one row per kind of record."""

    class Column(IntEnum):
        """The model's columns, in display order."""

        KIND = 0
        LIVE = 1
        DELETED = 2

    KIND_ROLE = Qt.ItemDataRole.UserRole + 1
    COUNT_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._counts: list[KindCount] = []

    def set_counts(self, counts: Sequence[KindCount]) -> None:
        """Show ``counts`` sorted by label; signal only changed rows when the kinds match."""
        new = sorted(counts, key=lambda count: swedish_key(kind_label(count.kind)))
        if [c.kind for c in new] != [c.kind for c in self._counts]:
            self.beginResetModel()
            self._counts = new
            self.endResetModel()
            return
        old, self._counts = self._counts, new
        last = len(self.Column) - 1
        for row, (before, after) in enumerate(zip(old, new, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def total_live(self) -> int:
        """Return the number of live records of every kind."""
        return sum(count.live for count in self._counts)

    def rowCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of kinds (a table has no children)."""
        return 0 if parent.isValid() else len(self._counts)

    def columnCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of columns."""
        return 0 if parent.isValid() else len(self.Column)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return the kind's label or a count."""
        if not index.isValid() or not 0 <= index.row() < len(self._counts):
            return None
        count = self._counts[index.row()]
        column = self.Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is self.Column.KIND:
                return kind_label(count.kind)
            value = count.live if column is self.Column.LIVE else count.tombstoned
            return QLocale().toString(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not self.Column.KIND:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.KIND_ROLE:
            return count.kind
        if role == self.COUNT_ROLE and column is not self.Column.KIND:
            return count.live if column is self.Column.LIVE else count.tombstoned
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return the column titles."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.Column):
            return None
        column = self.Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            titles = {
                self.Column.KIND: self.tr("Typ av post"),
                self.Column.LIVE: self.tr("Aktiva"),
                self.Column.DELETED: self.tr("Borttagna"),
            }
            return titles[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column is self.Column.KIND:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MainWindow(QMainWindow):
    """The application window; the workbench grows here."""

    profile_requested = Signal()

    def __init__(
        self, *, settings: QSettings, database_path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Kommunpolis"))
        self.setMinimumSize(640, 480)
        self.counts_model = RecordCountsModel(self)
        self._about_box: QMessageBox | None = None
        self._build_menus()
        self._build_central()
        self._build_status_bar(database_path)
        geometry = settings.value(_GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(900, 640)
        self.show_opening()

    # ---------------------------------------------------------------- building

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Arkiv"))
        self.quit_action = QAction(self.tr("&Avsluta"), self)
        # Set explicitly: QKeySequence.Quit has no binding on Windows.
        self.quit_action.setShortcut(QKeySequence(self.tr("Ctrl+Q")))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Hjälp"))
        self.about_action = QAction(self.tr("&Om Kommunpolis"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)

        header = QFrame(central)
        header.setObjectName("profileHeader")
        header.setFrameShape(QFrame.Shape.StyledPanel)
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(16, 12, 16, 12)
        text = QVBoxLayout()
        text.setSpacing(4)
        self.name_label = QLabel(header)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.role_label = QLabel(header)
        self.municipalities_label = QLabel(header)
        self.municipalities_label.setWordWrap(True)
        for label in (self.name_label, self.role_label, self.municipalities_label):
            text.addWidget(label)
        header_layout.addLayout(text, 1)
        self.create_profile_button = QPushButton(self.tr("Skapa profil…"), header)
        self.create_profile_button.clicked.connect(self.profile_requested)
        header_layout.addWidget(self.create_profile_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(header)

        self.counts_title = QLabel(self.tr("Poster i databasen"), central)
        title_font = self.counts_title.font()
        title_font.setBold(True)
        self.counts_title.setFont(title_font)
        layout.addWidget(self.counts_title)

        self.counts_view = QTableView(central)
        self.counts_view.setModel(self.counts_model)
        self.counts_view.setAccessibleName(self.tr("Antal poster per typ"))
        self.counts_title.setBuddy(self.counts_view)
        self.counts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.counts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts_view.setAlternatingRowColors(True)
        self.counts_view.setShowGrid(False)
        self.counts_view.verticalHeader().hide()
        self.counts_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        horizontal = self.counts_view.horizontalHeader()
        horizontal.setSectionResizeMode(
            RecordCountsModel.Column.KIND, QHeaderView.ResizeMode.Stretch
        )
        for column in (RecordCountsModel.Column.LIVE, RecordCountsModel.Column.DELETED):
            horizontal.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.counts_view, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self, database_path: Path) -> None:
        status = self.statusBar()
        self.database_label = QLabel(self.tr("Databas: {path}").format(path=database_path))
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_label = QLabel()
        status.addWidget(self.database_label, 1)
        status.addPermanentWidget(self.backup_label)

    # ---------------------------------------------------------------- states

    def show_opening(self) -> None:
        """Show that the database is being opened."""
        self.name_label.setText(self.tr("Öppnar databasen…"))
        self.role_label.clear()
        self.municipalities_label.clear()
        self.create_profile_button.hide()
        self.counts_view.setEnabled(False)

    def show_no_profile(self) -> None:
        """Show that there is no profile yet, with a way to create one."""
        self.name_label.setText(self.tr("Ingen profil ännu"))
        self.role_label.setText(self.tr("Skapa din profil för att börja arbeta."))
        self.municipalities_label.clear()
        self.create_profile_button.show()
        self.counts_view.setEnabled(True)

    def show_profile(self, profile: ProfileView, municipality_names: Mapping[str, str]) -> None:
        """Show who is working and in which kommuner."""
        self.name_label.setText(profile.name)
        parts = [role_label(profile.role)]
        if profile.district_name:
            parts.append(self.tr("Lokalpolisområde: {name}").format(name=profile.district_name))
        self.role_label.setText(" · ".join(parts))
        names = sorted(municipality_names.get(code, code) for code in profile.municipality_codes)
        if names:
            self.municipalities_label.setText(
                self.tr("Kommuner: {names}").format(names=", ".join(names))
            )
        else:
            self.municipalities_label.setText(self.tr("Inga kommuner valda"))
        self.create_profile_button.hide()
        self.counts_view.setEnabled(True)

    def show_counts(self, counts: Sequence[KindCount]) -> None:
        """Show the number of records per kind."""
        self.counts_model.set_counts(counts)

    def show_backup(self, backup: BackupView | None) -> None:
        """Show when the newest backup was taken."""
        if backup is None:
            self.backup_label.setText(self.tr("Ingen säkerhetskopia ännu"))
            self.backup_label.setToolTip("")
            return
        local = backup.modified_at.astimezone()
        self.backup_label.setText(
            self.tr("Senaste säkerhetskopia: {when}").format(when=f"{local:%Y-%m-%d %H:%M}")
        )
        self.backup_label.setToolTip(str(backup.path))

    def show_backup_failed(self, message: str) -> None:
        """Show that today's backup could not be taken."""
        self.backup_label.setText(self.tr("Säkerhetskopian misslyckades"))
        self.backup_label.setToolTip(message)

    def show_about(self) -> None:
        """Show the version and what the app is for (non-blocking)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Om Kommunpolis"))
        box.setText(self.tr("Kommunpolis {version}").format(version=__version__))
        box.setInformativeText(
            self.tr(
                "Medborgardialoger, synpunkter, lägesbilder och medborgarlöften – "
                "på din egen dator, även utan nätverk."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._about_box = box
        box.open()

    # ---------------------------------------------------------------- Qt overrides

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        """Remember the window's size and place."""
        self._settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
        self._settings.sync()
        super().closeEvent(event)

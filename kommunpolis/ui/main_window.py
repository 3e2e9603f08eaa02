"""The main window: a sidebar of sections, their pages, menus, toolbar and status bar."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from enum import IntEnum
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

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
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kommunpolis import __version__
from kommunpolis.domain.collation import swedish_key
from kommunpolis.domain.vocabulary import Role
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.errors import describe
from kommunpolis.ui.labels import label
from kommunpolis.ui.pages.record_section import RecordSection
from kommunpolis.ui.sections import SECTIONS, SECTIONS_BY_KEY, Section, section_for_kind

if TYPE_CHECKING:
    from kommunpolis.services.read_models import BackupView, KindCount, ProfileView
    from kommunpolis.services.recovery import Draft
    from kommunpolis.storage.first_page import FirstPage
    from kommunpolis.ui.document_export import DocumentExporter
    from kommunpolis.ui.followup_quick import QuickFollowUpDialog
    from kommunpolis.ui.tasks import DatabaseWorker

# The documents of the Dokument menu (DocumentKind values) and the kinds of record each
# is made from; the record chosen in the list shown must be one of them.
DOCUMENT_SOURCES: Mapping[str, tuple[str, ...]] = {
    "lofte": ("promises",),
    "atgardsplan": ("promises",),
    "uppfoljning": ("promises", "agreements"),
    "aterkoppling": ("dialogues",),
    "lagesbild": ("situation-pictures",),
}
_GEOMETRY_KEY = "main_window/geometry"
_SECTION_KEY = "main_window/section"
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
    """Return the translated name of a role."""
    return label(Role(role))


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
    """The workbench: sidebar sections on the left, the chosen section's page on the right."""

    profile_requested = Signal()
    search_requested = Signal()

    def __init__(
        self, *, settings: QSettings, database_path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.settings = settings
        self._context: UiContext | None = None
        self._pages: dict[str, QWidget] = {}
        self._undo: tuple[str, uuid.UUID] | None = None
        self._exporter: DocumentExporter | None = None
        self.follow_up_dialog: QuickFollowUpDialog | None = None
        self.setWindowTitle(self.tr("Kommunpolis"))
        self.setMinimumSize(640, 480)
        self.counts_model = RecordCountsModel(self)
        self._about_box: QMessageBox | None = None
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_central()
        self._build_status_bar(database_path)
        geometry = settings.value(_GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1200, 760)
        self.show_opening()

    # ---------------------------------------------------------------- building

    def _build_actions(self) -> None:
        self.quit_action = QAction(self.tr("&Avsluta"), self)
        # Set explicitly: QKeySequence.Quit has no binding on Windows.
        self.quit_action.setShortcut(QKeySequence(self.tr("Ctrl+Q")))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.new_action = QAction(_icon("new"), self.tr("&Ny"), self)
        self.new_action.setShortcut(QKeySequence(self.tr("Ctrl+N")))
        self.new_action.setToolTip(self.tr("Ny post i den här delen (Ctrl+N)"))
        self.new_action.triggered.connect(self.new_record)

        self.new_dialogue_action = QAction(self.tr("Ny &dialog"), self)
        self.new_dialogue_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+N")))
        self.new_dialogue_action.triggered.connect(self.new_dialogue)

        self.search_action = QAction(_icon("search"), self.tr("&Sök…"), self)
        self.search_action.setShortcuts(
            [QKeySequence(self.tr("Ctrl+F")), QKeySequence(self.tr("Ctrl+K"))]
        )
        self.search_action.setToolTip(self.tr("Sök bland alla poster (Ctrl+F)"))
        self.search_action.triggered.connect(self.search_requested)

        self.undo_delete_action = QAction(_icon("undo"), self.tr("Ån&gra borttagning"), self)
        self.undo_delete_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+Z")))
        self.undo_delete_action.setEnabled(False)
        self.undo_delete_action.triggered.connect(self.undo_delete)

        self.about_action = QAction(self.tr("&Om Kommunpolis"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

        self.log_follow_up_action = QAction(self.tr("&Logga uppföljning…"), self)
        self.log_follow_up_action.setShortcut(QKeySequence(self.tr("Ctrl+L")))
        self.log_follow_up_action.setToolTip(
            self.tr("Följ upp det valda medborgarlöftets åtgärder, en rad per åtgärd (Ctrl+L)")
        )
        self.log_follow_up_action.triggered.connect(self.log_follow_up)

        document_names = {
            "lofte": self.tr("&Medborgarlöfte (PDF)…"),
            "atgardsplan": self.tr("&Åtgärdsplan (PDF)…"),
            "uppfoljning": self.tr("&Uppföljningsrapport (PDF)…"),
            "aterkoppling": self.tr("Åte&rkopplingsbrev (PDF)…"),
            "lagesbild": self.tr("&Lägesbild (PDF)…"),
        }
        self.document_actions: dict[str, QAction] = {}
        for kind, text in document_names.items():
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, k=kind: self.export_document(k))
            self.document_actions[kind] = action
        self.csv_action = QAction(self.tr("&Exportera listan som CSV…"), self)
        self.csv_action.triggered.connect(self.export_list_csv)

        self.section_actions: list[QAction] = []
        for number, section in enumerate(SECTIONS, start=1):
            action = QAction(section.label, self)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.triggered.connect(lambda _checked=False, key=section.key: self.show_section(key))
            self.section_actions.append(action)
        for action in self._database_actions():
            action.setEnabled(False)

    def _database_actions(self) -> list[QAction]:
        """The actions that need the open database (off until :meth:`attach`)."""
        return [
            self.new_action,
            self.new_dialogue_action,
            self.search_action,
            self.log_follow_up_action,
            *self.document_actions.values(),
            self.csv_action,
        ]

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Arkiv"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.new_dialogue_action)
        file_menu.addSeparator()
        file_menu.addAction(self.log_follow_up_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Redigera"))
        edit_menu.addAction(self.search_action)
        edit_menu.addAction(self.undo_delete_action)
        self.document_menu = self.menuBar().addMenu(self.tr("&Dokument"))
        for action in self.document_actions.values():
            self.document_menu.addAction(action)
        self.document_menu.addSeparator()
        self.document_menu.addAction(self.csv_action)
        self.document_menu.aboutToShow.connect(self.update_document_actions)
        view_menu = self.menuBar().addMenu(self.tr("&Visa"))
        for action in self.section_actions:
            view_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Hjälp"))
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("Verktyg"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.search_action)
        toolbar.addAction(self.undo_delete_action)

    def _build_central(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        header = QFrame(central)
        header.setObjectName("profileHeader")
        header.setFrameShape(QFrame.Shape.StyledPanel)
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(16, 8, 16, 8)
        self.name_label = QLabel(header)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.name_label.setFont(font)
        self.role_label = QLabel(header)
        self.municipalities_label = QLabel(header)
        self.municipalities_label.setWordWrap(True)
        header_layout.addWidget(self.name_label)
        header_layout.addWidget(self.role_label)
        header_layout.addWidget(self.municipalities_label, 1)
        self.create_profile_button = QPushButton(self.tr("Skapa profil…"), header)
        self.create_profile_button.clicked.connect(self.profile_requested)
        header_layout.addWidget(self.create_profile_button)
        outer.addWidget(header)

        body = QHBoxLayout()
        body.setContentsMargins(8, 8, 8, 0)
        body.setSpacing(8)
        self.sidebar = QListWidget(central)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Delar av programmet"))
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setSpacing(2)
        for section in SECTIONS:
            item = QListWidgetItem(_icon(f"sections/{section.icon}"), section.label)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 18))
            self.sidebar.addItem(item)
        self.sidebar.setFixedWidth(
            max(self.fontMetrics().horizontalAdvance(s.label) for s in SECTIONS) + 70
        )
        self.sidebar.setEnabled(False)
        self.sidebar.currentRowChanged.connect(self._section_changed)
        body.addWidget(self.sidebar)

        self.stack = QStackedWidget(central)
        self.start_page = QLabel(central)
        self.start_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_page.setWordWrap(True)
        self.stack.addWidget(self.start_page)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self, database_path: Path) -> None:
        status = self.statusBar()
        self.profile_status = QLabel()
        self.database_label = QLabel(self.tr("Databas: {path}").format(path=database_path))
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton(self.tr("Ångra"))
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_delete)
        self.backup_label = QLabel()
        status.addWidget(self.profile_status)
        status.addWidget(self.database_label, 1)
        status.addPermanentWidget(self.undo_button)
        status.addPermanentWidget(self.backup_label)

    # ---------------------------------------------------------------- the workbench

    def attach(self, context: UiContext) -> None:
        """Build the section pages on an open database with a profile; show the last section."""
        if self._context is not None:
            return
        self._context = context
        context.events.open_record_requested.connect(self.open_record)
        context.events.undo_offered.connect(self.offer_undo)
        self.sidebar.setEnabled(True)
        for action in self._database_actions():
            action.setEnabled(True)
        for page in self._pages.values():
            if isinstance(page, RecordSection):
                page.attach(context)  # a preview of the first page becomes whole
        self.sidebar.setCurrentRow(self._last_section_row())
        self._section_changed(self.sidebar.currentRow())

    def first_page_kind(self) -> str | None:
        """Return the kind whose list the window shows first (None: not a record list)."""
        key = SECTIONS[self._last_section_row()].key
        kinds = SECTIONS_BY_KEY[key].kinds
        return kinds[0] if kinds else None

    def show_first_page(self, first_page: FirstPage | None, *, worker: DatabaseWorker) -> None:
        """Show the section shown last with its first list's first page, while opening.

        The page is built as a preview (no database layer yet) and made whole in place
        by :meth:`attach`; nothing is shown when ``first_page`` is None or out of date.
        """
        from kommunpolis.ui.widgets.record_list import ListPreview

        if first_page is None or self._context is not None:
            return
        section = SECTIONS[self._last_section_row()]
        if not section.kinds or section.kinds[0] != first_page.kind or section.key in self._pages:
            return
        preview = ListPreview(settings=self._settings, worker=worker, first_page=first_page)
        page = RecordSection(None, section, self.stack, preview=preview)
        self._pages[section.key] = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(self._last_section_row())
        self.sidebar.blockSignals(False)

    def _last_section_row(self) -> int:
        last = self._settings.value(_SECTION_KEY, "overview")
        keys = [section.key for section in SECTIONS]
        return keys.index(last) if last in keys else 0

    def page(self, key: str) -> QWidget:
        """Return the page of a section, building it on first use."""
        page = self._pages.get(key)
        if page is None:
            page = self._build_page(SECTIONS_BY_KEY[key])
            self._pages[key] = page
            self.stack.addWidget(page)
        return page

    def show_section(self, key: str) -> None:
        """Switch to a section."""
        if self._context is None:
            return
        keys = [section.key for section in SECTIONS]
        self.sidebar.setCurrentRow(keys.index(key))

    def current_section(self) -> str:
        """The key of the section shown."""
        item = self.sidebar.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "overview"

    def new_record(self) -> None:
        """Start a new record of the current section's kind (a dialogue from Översikt)."""
        page = self._pages.get(self.current_section())
        if isinstance(page, RecordSection):
            page.new_record()
        else:
            self.new_dialogue()

    def new_dialogue(self) -> None:
        """Go to Dialoger and start a new dialogue."""
        self.show_section("dialogues")
        page = self.page("dialogues")
        assert isinstance(page, RecordSection)
        page.tabs.setCurrentIndex(0)
        page.new_record()

    def open_record(self, kind: str, record_id: uuid.UUID) -> None:
        """Show a record in its section (from search, Översikt or a link)."""
        section = section_for_kind(kind)
        if section is None:
            return
        self.show_section(section.key)
        page = self.page(section.key)
        assert isinstance(page, RecordSection)
        page.open_record(kind, record_id)

    def restore_draft(self, draft: Draft) -> None:
        """Open a recovered draft in its section's editor."""
        section = section_for_kind(draft.kind)
        if section is None:
            return
        self.show_section(section.key)
        page = self.page(section.key)
        assert isinstance(page, RecordSection)
        page.restore_draft(draft)

    # ---------------------------------------------------------------- documents

    @property
    def documents(self) -> DocumentExporter:
        """The exporter behind the Dokument menu (its questions can be answered by a test)."""
        if self._exporter is None:
            assert self._context is not None, "documents need the open database"
            from kommunpolis.ui.document_export import DocumentExporter

            self._exporter = DocumentExporter(self._context, self)
            self._exporter.document_written.connect(
                lambda written: self.statusBar().showMessage(
                    self.tr("Dokumentet sparades: {path}").format(path=written.path), 10_000
                )
            )
            self._exporter.csv_written.connect(self._csv_written)
        return self._exporter

    def selected_record(self) -> tuple[str, uuid.UUID] | None:
        """Return the kind and id of the record chosen in the section shown, if any.

        In Lägesbildsbyggaren, the situation picture chosen there.
        """
        page = self._pages.get(self.current_section())
        if not isinstance(page, RecordSection):
            return None
        extra = page.current_page()
        if extra is not None:
            picture = getattr(extra, "picture", None)
            picture_id = getattr(picture, "id", None)
            return ("situation-pictures", picture_id) if picture_id else None
        return page.current_record()

    def update_document_actions(self) -> None:
        """Enable the documents that can be made from the record chosen now."""
        chosen = self.selected_record() if self._context is not None else None
        for kind, action in self.document_actions.items():
            action.setEnabled(chosen is not None and chosen[0] in DOCUMENT_SOURCES[kind])
        page = self._pages.get(self.current_section())
        self.csv_action.setEnabled(isinstance(page, RecordSection) and page.current_page() is None)

    def export_document(self, kind: str) -> None:
        """Make a document (DocumentKind value) from the record chosen in the list shown."""
        if self._context is None:
            return
        chosen = self.selected_record()
        if chosen is None or chosen[0] not in DOCUMENT_SOURCES[kind]:
            hints = {
                "promises": self.tr("Välj först ett medborgarlöfte under Löften & åtgärder."),
                "dialogues": self.tr("Välj först en dialog under Dialoger."),
                "situation-pictures": self.tr("Välj först en lägesbild under Lägesbild & problem."),
            }
            self.statusBar().showMessage(hints[DOCUMENT_SOURCES[kind][0]], 10_000)
            return
        self.documents.export_document(kind, chosen[1])

    def export_list_csv(self) -> None:
        """Write the list shown, with its filters and sort, to a CSV file."""
        page = self._pages.get(self.current_section())
        if self._context is None or not isinstance(page, RecordSection):
            self.statusBar().showMessage(self.tr("Visa först en lista med poster."), 10_000)
            return
        from kommunpolis.ui.labels import kind_label as plural_label

        kind = page.current_kind
        view = page.list_view(kind)
        self.documents.export_csv(kind, view.model.query, plural_label(kind, plural=True))

    def _csv_written(self, result: object) -> None:
        rows = int(getattr(result, "rows", 0))
        left_out = int(getattr(result, "left_out_secret", 0))
        message = self.tr("Rader exporterade till {path}: %n.", "", rows).format(
            path=getattr(result, "path", "")
        )
        if left_out:
            message += " " + self.tr("Poster med sekretess som inte togs med: %n.", "", left_out)
        self.statusBar().showMessage(message, 15_000)

    def log_follow_up(self) -> QuickFollowUpDialog | None:
        """Open the quick follow-up for the promise chosen in Löften & åtgärder."""
        if self._context is None:
            return None
        chosen = self.selected_record()
        if chosen is None or chosen[0] != "promises":
            self.statusBar().showMessage(
                self.tr("Välj först ett medborgarlöfte under Löften & åtgärder."), 10_000
            )
            return None
        from kommunpolis.ui.followup_quick import QuickFollowUpDialog

        dialog = QuickFollowUpDialog(self._context, chosen[1], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.follow_up_logged.connect(
            lambda _logged: self.statusBar().showMessage(self.tr("Uppföljningen sparades."), 10_000)
        )
        self.follow_up_dialog = dialog
        dialog.open()
        return dialog

    def offer_undo(self, message: str, kind: str, record_id: uuid.UUID) -> None:
        """Offer Ångra for a deletion in the status bar."""
        self._undo = (kind, record_id)
        self.undo_delete_action.setEnabled(True)
        self.undo_button.setText(self.tr("Ångra"))
        self.undo_button.show()
        self.statusBar().showMessage(message, 15_000)
        QTimer.singleShot(15_000, self._forget_undo)

    def undo_delete(self) -> None:
        """Restore the record deleted last."""
        if self._undo is None or self._context is None:
            return
        kind, record_id = self._undo
        self._forget_undo()
        context = self._context

        def restored(_summary: object) -> None:
            context.events.record_restored.emit(kind, record_id)
            self.statusBar().showMessage(self.tr("Borttagningen ångrades."), 5_000)
            self.open_record(kind, record_id)

        context.worker.submit(
            lambda: context.services.records.restore(kind, record_id),
            restored,
            lambda error: self.statusBar().showMessage(describe(error)[1], 10_000),
        )

    def _forget_undo(self) -> None:
        self._undo = None
        self.undo_delete_action.setEnabled(False)
        self.undo_button.hide()

    def _section_changed(self, row: int) -> None:
        if self._context is None or row < 0:
            return
        key = SECTIONS[row].key
        self.stack.setCurrentWidget(self.page(key))
        self._settings.setValue(_SECTION_KEY, key)
        self.new_action.setEnabled(
            isinstance(self._pages.get(key), RecordSection) or key == "overview"
        )

    def _build_page(self, section: Section) -> QWidget:
        context = self._context
        assert context is not None
        if section.kinds:
            return RecordSection(context, section, self.stack)
        if section.key == "overview":
            from kommunpolis.ui.pages.overview import OverviewPage

            return OverviewPage(context, self.stack)
        if section.key == "settings":
            from kommunpolis.ui.pages.settings import SettingsPage

            return SettingsPage(context, self.counts_model, self.stack)
        from kommunpolis.ui.pages.exchange import ExchangePage

        return ExchangePage(context, self.stack)

    # ---------------------------------------------------------------- states

    def show_opening(self) -> None:
        """Show that the database is being opened."""
        self.name_label.setText(self.tr("Öppnar databasen…"))
        self.role_label.clear()
        self.municipalities_label.clear()
        self.create_profile_button.hide()
        self.start_page.setText(self.tr("Öppnar databasen…"))

    def show_no_profile(self) -> None:
        """Show that there is no profile yet, with a way to create one."""
        self.name_label.setText(self.tr("Ingen profil ännu"))
        self.role_label.setText(self.tr("Skapa din profil för att börja arbeta."))
        self.municipalities_label.clear()
        self.create_profile_button.show()
        self.start_page.setText(self.tr("Skapa din profil för att börja arbeta."))

    def show_profile(self, profile: ProfileView, municipality_names: Mapping[str, str]) -> None:
        """Show who is working and in which kommuner."""
        self.name_label.setText(profile.name)
        parts = [role_label(profile.role)]
        if profile.district_name:
            parts.append(self.tr("Lokalpolisområde: {name}").format(name=profile.district_name))
        self.role_label.setText(" · ".join(parts))
        names = sorted(
            (municipality_names.get(code, code) for code in profile.municipality_codes),
            key=swedish_key,
        )
        if names:
            self.municipalities_label.setText(
                self.tr("Kommuner: {names}").format(names=", ".join(names))
            )
        else:
            self.municipalities_label.setText(self.tr("Inga kommuner valda"))
        self.profile_status.setText(f"{profile.name} · {role_label(profile.role)}")
        self.create_profile_button.hide()

    def show_counts(self, counts: Sequence[KindCount]) -> None:
        """Show the number of records per kind (in Inställningar)."""
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
        """Remember the window's size and place, and each section's layout."""
        self._settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
        for page in self._pages.values():
            if isinstance(page, RecordSection):
                page.save_state()
        self._settings.sync()
        super().closeEvent(event)


def _icon(name: str) -> QIcon:
    """Return an icon shipped in resources/icons (an empty icon if it is missing)."""
    resource = files("kommunpolis.resources") / "icons" / f"{name}.svg"
    return QIcon(str(resource)) if isinstance(resource, Path) and resource.is_file() else QIcon()

"""The main window: a sidebar of sections, their pages, menus, toolbar and status bar.

The window is built in two steps so that it paints at once. The constructor builds the
shell a user sees in the first instant — menu bar, toolbar, profile header, sidebar,
the page area and the status bar — from Qt classes alone. Right after the first paint
(or when something needs them first) :meth:`MainWindow.finish_building` adds the rest:
the menus' actions and their shortcuts.

Before that paint nothing here names a value of PySide's ``Qt`` namespace: the first
use of it builds Python enum classes for all of its ~100 enums (~15 ms here).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kommunpolis import __version__
from kommunpolis.ui.icons import icon
from kommunpolis.ui.sections import SECTIONS, SECTIONS_BY_KEY, Section, section_for_kind

if TYPE_CHECKING:
    import uuid

    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMessageBox

    from kommunpolis.domain.vocabulary import Role
    from kommunpolis.services.read_models import BackupView, KindCount, ProfileView
    from kommunpolis.services.recovery import Draft
    from kommunpolis.storage.first_page import FirstPage
    from kommunpolis.ui.context import UiContext
    from kommunpolis.ui.document_export import DocumentExporter
    from kommunpolis.ui.followup_quick import QuickFollowUpDialog
    from kommunpolis.ui.models.record_counts_model import RecordCountsModel
    from kommunpolis.ui.pages.record_section import RecordSection
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


def role_label(role: Role | str) -> str:
    """Return the translated name of a role."""
    from kommunpolis.domain.vocabulary import Role
    from kommunpolis.ui.labels import label

    return label(Role(role))


def set_enum_property(target: QObject, name: str, key: str) -> None:
    """Set the enum property ``name`` of ``target`` by the name of its value.

    Used by the shell painted first, in place of e.g. ``setAlignment(Qt.AlignCenter)``:
    naming a ``Qt`` value builds that whole namespace's enums (see the module docstring).
    """
    if not target.setProperty(name, key):
        raise ValueError(f"{type(target).__name__}.{name} has no value {key!r}")


class FirstPaintWatcher(QObject):
    """Call ``then`` once, as soon as ``widget`` has finished its first paint."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """Wait for the first Paint event, then queue ``then`` behind the paint."""
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued, not called: the children paint after the window's own Paint event.
            QTimer.singleShot(0, self._widget, self._then)
        return False


class MainWindow(QMainWindow):
    """The workbench: sidebar sections on the left, the chosen section's page on the right.

    The menus' actions (``quit_action``, ``document_actions``, …) and the shortcuts
    exist once :meth:`finish_building` has run: right after the first paint, and at the
    latest when the database is attached.
    """

    profile_requested = Signal()
    search_requested = Signal()
    # Once, right after the window's first paint has finished.
    first_painted = Signal()
    # Once, right after the preview of show_first_page has been painted.
    preview_painted = Signal()

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
        self._built = False
        self._painted = False
        self._counts_model: RecordCountsModel | None = None
        self.follow_up_dialog: QuickFollowUpDialog | None = None
        self._about_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Kommunpolis"))
        self.setMinimumSize(640, 480)
        self._build_menu_bar()
        self._build_toolbar()
        self._build_central()
        self._build_status_bar(database_path)
        geometry = settings.value(_GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1200, 760)
        self.show_opening()
        self._first_paint = FirstPaintWatcher(self, self._painted_first_time)

    @property
    def counts_model(self) -> RecordCountsModel:
        """The number of records per kind, shown in Inställningar (built on first use)."""
        if self._counts_model is None:
            from kommunpolis.ui.models.record_counts_model import RecordCountsModel

            self._counts_model = RecordCountsModel(self)
        return self._counts_model

    @property
    def painted(self) -> bool:
        """Whether the window has been painted (``first_painted`` has been emitted)."""
        return self._painted

    @property
    def built(self) -> bool:
        """Whether :meth:`finish_building` has run (the menus' actions and shortcuts exist)."""
        return self._built

    # ---------------------------------------------------------------- the shell

    def _build_menu_bar(self) -> None:
        # The titles only, so the menu bar has its height at the first paint.
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&Arkiv"))
        self.edit_menu = bar.addMenu(self.tr("&Redigera"))
        self.document_menu = bar.addMenu(self.tr("&Dokument"))
        self.view_menu = bar.addMenu(self.tr("&Visa"))
        self.help_menu = bar.addMenu(self.tr("&Hjälp"))

    def _build_toolbar(self) -> None:
        # The toolbar's own actions are built here (an empty toolbar is lower: the window
        # would jump when they came); their shortcuts come with the others'.
        self.new_action = QAction(icon("new"), self.tr("&Ny"), self)
        self.new_action.setToolTip(self.tr("Ny post i den här delen (Ctrl+N)"))
        self.new_action.triggered.connect(self.new_record)

        self.search_action = QAction(icon("search"), self.tr("&Sök…"), self)
        self.search_action.setToolTip(self.tr("Sök bland alla poster (Ctrl+F)"))
        self.search_action.triggered.connect(self.search_requested)

        self.undo_delete_action = QAction(icon("undo"), self.tr("Ån&gra borttagning"), self)
        self.undo_delete_action.setEnabled(False)
        self.undo_delete_action.triggered.connect(self.undo_delete)

        for action in (self.new_action, self.search_action):
            action.setEnabled(False)  # until the database is attached
        toolbar = self.addToolBar(self.tr("Verktyg"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        set_enum_property(toolbar, "toolButtonStyle", "ToolButtonTextBesideIcon")
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
        # Its rows are SECTIONS, in order.
        self.sidebar = QListWidget(central)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Delar av programmet"))
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setSpacing(2)
        row_height = self.fontMetrics().height() + 18
        for section in SECTIONS:
            item = QListWidgetItem(icon(f"sections/{section.icon}"), section.label)
            item.setSizeHint(QSize(0, row_height))
            self.sidebar.addItem(item)
        self.sidebar.setFixedWidth(
            max(self.fontMetrics().horizontalAdvance(s.label) for s in SECTIONS) + 70
        )
        self.sidebar.setEnabled(False)
        self.sidebar.currentRowChanged.connect(self._section_changed)
        body.addWidget(self.sidebar)

        self.stack = QStackedWidget(central)
        self.start_page = QLabel(central)
        set_enum_property(self.start_page, "alignment", "AlignCenter")
        self.start_page.setWordWrap(True)
        self.stack.addWidget(self.start_page)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self, database_path: Path) -> None:
        status = self.statusBar()
        self.profile_status = QLabel()
        self.database_label = QLabel(self.tr("Databas: {path}").format(path=database_path))
        self.undo_button = QPushButton(self.tr("Ångra"))
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_delete)
        self.backup_label = QLabel()
        status.addWidget(self.profile_status)
        status.addWidget(self.database_label, 1)
        status.addPermanentWidget(self.undo_button)
        status.addPermanentWidget(self.backup_label)

    # ---------------------------------------------------------------- after the first paint

    def _painted_first_time(self) -> None:
        self._painted = True
        self.first_painted.emit()
        self.finish_building()

    def finish_building(self) -> None:
        """Add the menus' actions and the shortcuts (once; soon after the first paint)."""
        if self._built:
            return
        self._built = True
        from PySide6.QtCore import Qt

        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_actions()
        self._fill_menus()

    def _build_actions(self) -> None:
        from PySide6.QtGui import QKeySequence

        # Not with the shell: setting a shortcut makes PySide build the Qt namespace.
        self.new_action.setShortcut(QKeySequence(self.tr("Ctrl+N")))
        self.search_action.setShortcuts(
            [QKeySequence(self.tr("Ctrl+F")), QKeySequence(self.tr("Ctrl+K"))]
        )
        self.undo_delete_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+Z")))

        self.quit_action = QAction(self.tr("&Avsluta"), self)
        # Set explicitly: QKeySequence.Quit has no binding on Windows.
        self.quit_action.setShortcut(QKeySequence(self.tr("Ctrl+Q")))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.new_dialogue_action = QAction(self.tr("Ny &dialog"), self)
        self.new_dialogue_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+N")))
        self.new_dialogue_action.triggered.connect(self.new_dialogue)

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
        enabled = self._context is not None
        for action in self._database_actions():
            action.setEnabled(enabled)

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

    def _fill_menus(self) -> None:
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.new_dialogue_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.log_follow_up_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu.addAction(self.search_action)
        self.edit_menu.addAction(self.undo_delete_action)
        for action in self.document_actions.values():
            self.document_menu.addAction(action)
        self.document_menu.addSeparator()
        self.document_menu.addAction(self.csv_action)
        self.document_menu.aboutToShow.connect(self.update_document_actions)
        for action in self.section_actions:
            self.view_menu.addAction(action)
        self.help_menu.addAction(self.about_action)

    # ---------------------------------------------------------------- the workbench

    def attach(self, context: UiContext) -> None:
        """Build the section pages on an open database with a profile; show the last section."""
        if self._context is not None:
            return
        self.finish_building()
        self._context = context
        context.events.open_record_requested.connect(self.open_record)
        context.events.undo_offered.connect(self.offer_undo)
        self.sidebar.setEnabled(True)
        for action in self._database_actions():
            action.setEnabled(True)
        for key in self._pages:
            page = self._record_page(key)
            if page is not None:
                page.attach(context)  # a preview of the first page becomes whole
        self.sidebar.setCurrentRow(self._last_section_row())
        self._section_changed(self.sidebar.currentRow())

    def first_page_kind(self) -> str | None:
        """Return the kind whose list the window shows first (None: not a record list)."""
        key = SECTIONS[self._last_section_row()].key
        kinds = SECTIONS_BY_KEY[key].kinds
        return kinds[0] if kinds else None

    def show_first_page(self, first_page: FirstPage | None, *, worker: DatabaseWorker) -> bool:
        """Show the section shown last with its first list's first page, while opening.

        The page is built as a preview (no database layer yet) and made whole in place
        by :meth:`attach`; ``preview_painted`` follows its first paint. Nothing is shown
        (and False returned) when ``first_page`` is None or out of date.
        """
        from kommunpolis.ui.pages.record_section import RecordSection
        from kommunpolis.ui.widgets.record_list import ListPreview

        if first_page is None or self._context is not None:
            return False
        section = SECTIONS[self._last_section_row()]
        if not section.kinds or section.kinds[0] != first_page.kind or section.key in self._pages:
            return False
        preview = ListPreview(settings=self._settings, worker=worker, first_page=first_page)
        page = RecordSection(None, section, self.stack, preview=preview)
        self._pages[section.key] = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(self._last_section_row())
        self.sidebar.blockSignals(False)
        FirstPaintWatcher(page, self.preview_painted.emit)
        return True

    def _last_section_row(self) -> int:
        last = self._settings.value(_SECTION_KEY, "overview")
        keys = [section.key for section in SECTIONS]
        return keys.index(last) if last in keys else 0

    def _record_page(self, key: str | None = None) -> RecordSection | None:
        """Return section ``key``'s page (default: the one shown) if built and of records."""
        from kommunpolis.ui.pages.record_section import RecordSection

        page = self._pages.get(self.current_section() if key is None else key)
        return page if isinstance(page, RecordSection) else None

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
        row = self.sidebar.currentRow()
        return SECTIONS[row].key if row >= 0 else "overview"

    def new_record(self) -> None:
        """Start a new record of the current section's kind (a dialogue from Översikt)."""
        page = self._record_page()
        if page is not None:
            page.new_record()
        else:
            self.new_dialogue()

    def new_dialogue(self) -> None:
        """Go to Dialoger and start a new dialogue."""
        self.show_section("dialogues")
        self.page("dialogues")
        page = self._record_page("dialogues")
        assert page is not None
        page.tabs.setCurrentIndex(0)
        page.new_record()

    def open_record(self, kind: str, record_id: uuid.UUID) -> None:
        """Show a record in its section (from search, Översikt or a link)."""
        section = section_for_kind(kind)
        if section is None:
            return
        self.show_section(section.key)
        self.page(section.key)
        page = self._record_page(section.key)
        assert page is not None
        page.open_record(kind, record_id)

    def restore_draft(self, draft: Draft) -> None:
        """Open a recovered draft in its section's editor."""
        section = section_for_kind(draft.kind)
        if section is None:
            return
        self.show_section(section.key)
        self.page(section.key)
        page = self._record_page(section.key)
        assert page is not None
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
        page = self._record_page()
        if page is None:
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
        page = self._record_page()
        self.csv_action.setEnabled(page is not None and page.current_page() is None)

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
        page = self._record_page()
        if self._context is None or page is None:
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
        from PySide6.QtCore import Qt

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
        from kommunpolis.ui.errors import describe

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
        self.new_action.setEnabled(self._record_page(key) is not None or key == "overview")

    def _build_page(self, section: Section) -> QWidget:
        context = self._context
        assert context is not None
        if section.kinds:
            from kommunpolis.ui.pages.record_section import RecordSection

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
        from kommunpolis.domain.collation import swedish_key

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
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

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
        for key in self._pages:
            page = self._record_page(key)
            if page is not None:
                page.save_state()
        self._settings.sync()
        super().closeEvent(event)

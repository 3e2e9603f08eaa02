"""Analys: one problem's root-cause analysis beside the evidence behind it.

The page shows the problem chosen in the section's problem list (or in its own picker):
the SARA fields, the crime triangle with each side's guardian and the event chain, all
saved by themselves a second after typing stops (:class:`~.editors.autosave.DraftSaver`,
through the editing service; the analysis is created on the first edit if the problem
has none); the numbered causes, which can be added to, edited in place, moved and
removed; and beside them the evidence — the supporting concerns with theme, place, how
many raised them and the dialogue, and the sources with police-only ones marked. Each
piece of evidence opens its record (``context.events.open_record_requested``).
Everything is read and written on the database worker.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import FieldErrors, KnownError
from kommunpolis.services.analysis import (
    EVENT_CHAIN_FIELD,
    SARA_FIELDS,
    TRIANGLE_FIELDS,
    AnalysisService,
    CauseView,
    EvidenceConcern,
    EvidenceSource,
    ProblemAnalysis,
    ProblemChoice,
)
from kommunpolis.services.editing import RecordDetail, RecordRef
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.editors.autosave import DraftSaver
from kommunpolis.ui.editors.field_text import field_label, problem_message
from kommunpolis.ui.editors.inputs import TextInput
from kommunpolis.ui.errors import describe
from kommunpolis.ui.labels import label
from kommunpolis.ui.models.rows_table import RowsTableModel

_NO_PARENT = QModelIndex()
ID_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2
# The triangle's six boxes hold a few words each; lower than SARA's so the page fits.
TRIANGLE_HEIGHT = 56


def date_text(day: date | None) -> str:
    """Return ``day`` in the locale's short date format ('' for None)."""
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def index_of_data(combo: QComboBox, value: object) -> int:
    """Return the index of the item whose data equals ``value`` (-1 if none).

    ``QComboBox.findData`` compares Python objects by identity, not by value.
    """
    return next((n for n in range(combo.count()) if combo.itemData(n) == value), -1)


# --- models -------------------------------------------------------------------------


class CauseListModel(QAbstractListModel):
    """The numbered causes; a cause's text is edited in place (saved by the page)."""

    NUMBER_ROLE = Qt.ItemDataRole.UserRole + 3
    # (cause id, new text) after an edit in the list; the page saves it.
    cause_edited = Signal(object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._causes: list[CauseView] = []

    def set_causes(self, causes: tuple[CauseView, ...]) -> None:
        """Show ``causes`` (in their numbered order)."""
        self.beginResetModel()
        self._causes = list(causes)
        self.endResetModel()

    def cause(self, row: int) -> CauseView:
        """Return the cause shown at ``row``."""
        return self._causes[row]

    def row_of(self, cause_id: uuid.UUID) -> int:
        """Return the row of a cause (-1 when it is not shown)."""
        return next((n for n, c in enumerate(self._causes) if c.id == cause_id), -1)

    def rowCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of causes (a list has no children)."""
        return 0 if parent.isValid() else len(self._causes)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return "N. text" to show, the text to edit, the id, number or measure count."""
        if not index.isValid() or not 0 <= index.row() < len(self._causes):
            return None
        cause = self._causes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{cause.number}. {cause.text}"
        if role == Qt.ItemDataRole.EditRole:
            return cause.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(
                "Orsak %1: %n åtgärder svarar mot den.", "", cause.measure_count
            ).replace("%1", str(cause.number))
        if role == ID_ROLE:
            return cause.id
        if role == self.NUMBER_ROLE:
            return cause.number
        if role == VALUE_ROLE:
            return cause.measure_count
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:  # Qt override
        """Causes are selectable and editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: object,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:  # Qt override
        """Take a new text for a cause (shown at once; the page saves it)."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value or "").strip()
        cause = self._causes[index.row()]
        if not text or text == cause.text:
            return False
        self._causes[index.row()] = CauseView(
            cause.id, cause.number, text, cause.measure_count, cause.sensitivity
        )
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.cause_edited.emit(cause.id, text)
        return True


class ConcernEvidenceModel(RowsTableModel[EvidenceConcern]):
    """The concerns that support the problem: theme, place, count, dialogue and its date."""

    class Column(IntEnum):
        """The model's columns, in display order."""

        DATE = 0
        THEME = 1
        PLACE = 2
        COUNT = 3
        DIALOGUE = 4

    def set_concerns(self, concerns: tuple[EvidenceConcern, ...]) -> None:
        """Show ``concerns``."""
        self._reset_rows(concerns)

    def concern(self, row: int) -> EvidenceConcern:
        """Return the concern shown at ``row``."""
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        """Return the column names."""
        return (
            self.tr("Datum"),
            self.tr("Tema"),
            self.tr("Plats"),
            self.tr("Antal"),
            self.tr("Dialog"),
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return a cell's text, the concern's id or the raw value."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        concern = self._rows[index.row()]
        column = self.Column(index.column())
        if role == ID_ROLE:
            return concern.id
        if role == VALUE_ROLE:
            return {
                self.Column.THEME: concern.theme,
                self.Column.PLACE: concern.place,
                self.Column.COUNT: concern.raised_count,
                self.Column.DIALOGUE: concern.dialogue_title,
                self.Column.DATE: concern.dialogue_date,
            }[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column is self.Column.THEME:
                return concern.theme
            if column is self.Column.PLACE:
                return concern.place or self.tr("(ingen plats)")
            if column is self.Column.COUNT:
                return QLocale().toString(concern.raised_count)
            if column is self.Column.DIALOGUE:
                return concern.dialogue_title
            return date_text(concern.dialogue_date)
        if role == Qt.ItemDataRole.ToolTipRole:
            when = label(concern.time_pattern)
            return "\n".join(part for part in (concern.text.strip(), when) if part) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column is self.Column.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SourceEvidenceModel(RowsTableModel[EvidenceSource]):
    """The sources that support the problem; police-only ones are marked in words."""

    class Column(IntEnum):
        """The model's columns, in display order."""

        TYPE = 0
        DESCRIPTION = 1
        POLICE_ONLY = 2
        PICTURE = 3

    def set_sources(self, sources: tuple[EvidenceSource, ...]) -> None:
        """Show ``sources``."""
        self._reset_rows(sources)

    def source(self, row: int) -> EvidenceSource:
        """Return the source shown at ``row``."""
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        """Return the column names."""
        return (
            self.tr("Typ"),
            self.tr("Beskrivning"),
            self.tr("Spridning"),
            self.tr("Lägesbild"),
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return a cell's text, the source's id or whether it is police-only."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        source = self._rows[index.row()]
        column = self.Column(index.column())
        if role == ID_ROLE:
            return source.id
        if role == VALUE_ROLE:
            return {
                self.Column.TYPE: source.source_type,
                self.Column.DESCRIPTION: source.description,
                self.Column.POLICE_ONLY: source.police_only,
                self.Column.PICTURE: source.situation_picture_title,
            }[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column is self.Column.TYPE:
                return label(source.source_type)
            if column is self.Column.DESCRIPTION:
                return source.description
            if column is self.Column.POLICE_ONLY:
                return self.tr("Endast polis") if source.police_only else self.tr("Kan delas")
            return source.situation_picture_title
        if role == Qt.ItemDataRole.FontRole and source.police_only:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column is self.Column.DESCRIPTION:
            return source.description
        return None


# --- the page -----------------------------------------------------------------------


class AnalysisPage(QWidget):
    """A problem's SARA, crime triangle, event chain and causes beside its evidence."""

    # The ProblemAnalysis shown, after every load.
    analysis_shown = Signal(object)
    # (kind, record id) of the evidence the officer asked to open.
    evidence_opened = Signal(str, object)

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        service: AnalysisService | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._service = service or context.services.analysis
        self.problem_id: uuid.UUID | None = None
        self.shown: ProblemAnalysis | None = None
        self.saver = DraftSaver(context, parent=self)
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(self._save_failed)
        self.inputs: dict[str, TextInput] = {}
        self._choices_stale = False
        self.setObjectName("analysis-page")
        self._build()
        context.events.record_saved.connect(self._record_saved)
        self._load_choices()

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        self.problem_choice = QComboBox(self)
        self.problem_choice.setMinimumContentsLength(30)
        self.problem_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        caption = QLabel(self.tr("&Problem:"), self)
        caption.setBuddy(self.problem_choice)
        top.addWidget(caption)
        top.addWidget(self.problem_choice, 1)
        self.open_problem_button = QPushButton(self.tr("Öppna &problemet"), self)
        self.open_problem_button.clicked.connect(self.open_problem)
        top.addWidget(self.open_problem_button)
        reminder = QLabel(self.tr("Skriv inte personuppgifter om medborgare."), self)
        reminder.setStyleSheet("color: palette(mid); font-size: 11px;")
        top.addWidget(reminder)
        self.saved_label = QLabel(self)
        self.saved_label.setAccessibleName(self.tr("Sparstatus"))
        self.saved_label.setStyleSheet("color: palette(mid);")
        top.addWidget(self.saved_label)
        outer.addLayout(top)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Meddelande"))
        self.status_label.hide()
        outer.addWidget(self.status_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self._build_analysis())
        self.splitter.addWidget(self._build_evidence())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([780, 560])
        outer.addWidget(self.splitter, 1)
        self.problem_choice.currentIndexChanged.connect(self._problem_chosen)
        self._set_enabled(False)

    def _text_input(self, name: str, parent: QWidget) -> tuple[QLabel, TextInput]:
        widget = TextInput(parent)
        widget.setObjectName(f"analysis-{name}")
        caption = QLabel(field_label("analyses", name) + ":", parent)
        caption.setBuddy(widget)
        caption.setWordWrap(True)
        widget.setAccessibleName(field_label("analyses", name))
        widget.edited.connect(lambda value, name=name: self._edited(name, value))
        self.inputs[name] = widget
        return caption, widget

    def _build_analysis(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget(scroll)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 4, 0)

        sara = QGroupBox(self.tr("SARA"), holder)
        sara_grid = QGridLayout(sara)
        for number, name in enumerate(SARA_FIELDS):
            caption, widget = self._text_input(name, sara)
            sara_grid.addWidget(caption, (number // 2) * 2, number % 2)
            sara_grid.addWidget(widget, (number // 2) * 2 + 1, number % 2)
        column.addWidget(sara)

        triangle = QGroupBox(self.tr("Brottstriangeln"), holder)
        triangle_grid = QGridLayout(triangle)
        for number, (side, guardian) in enumerate(TRIANGLE_FIELDS):
            for position, name in enumerate((side, guardian)):
                caption, widget = self._text_input(name, triangle)
                widget.setFixedHeight(TRIANGLE_HEIGHT)
                triangle_grid.addWidget(caption, number * 2, position)
                triangle_grid.addWidget(widget, number * 2 + 1, position)
        column.addWidget(triangle)

        # The event chain and the causes side by side: the page fits a laptop screen.
        bottom = QHBoxLayout()
        chain = QGroupBox(field_label("analyses", EVENT_CHAIN_FIELD), holder)
        chain_layout = QVBoxLayout(chain)
        caption, widget = self._text_input(EVENT_CHAIN_FIELD, chain)
        caption.setText(self.tr("Steg för steg, från början till &händelsen:"))
        widget.setMinimumHeight(widget.height())
        widget.setMaximumHeight(16_777_215)
        chain_layout.addWidget(caption)
        chain_layout.addWidget(widget, 1)
        bottom.addWidget(chain, 1)
        bottom.addWidget(self._build_causes(holder), 1)
        column.addLayout(bottom, 1)
        scroll.setWidget(holder)
        return scroll

    def _build_causes(self, parent: QWidget) -> QWidget:
        box = QGroupBox(self.tr("Orsaker"), parent)
        layout = QVBoxLayout(box)
        self.cause_model = CauseListModel(self)
        self.cause_model.cause_edited.connect(self.save_cause_text)
        self.cause_view = QListView(box)
        self.cause_view.setModel(self.cause_model)
        self.cause_view.setAccessibleName(self.tr("Orsaker, numrerade"))
        self.cause_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.cause_view.setMinimumHeight(120)
        self.cause_view.setWordWrap(True)
        causes_label = QLabel(self.tr("Numrerade &orsaker (F2 ändrar):"), box)
        causes_label.setBuddy(self.cause_view)
        layout.addWidget(causes_label)
        layout.addWidget(self.cause_view, 1)

        buttons = QHBoxLayout()
        self.cause_up_button = QPushButton(self.tr("Flytta &upp"), box)
        self.cause_down_button = QPushButton(self.tr("Flytta &ned"), box)
        self.cause_remove_button = QPushButton(self.tr("Ta &bort orsak"), box)
        self.cause_up_button.clicked.connect(lambda: self.move_cause(-1))
        self.cause_down_button.clicked.connect(lambda: self.move_cause(1))
        self.cause_remove_button.clicked.connect(self.remove_cause)
        for button in (self.cause_up_button, self.cause_down_button, self.cause_remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for keys, steps in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.cause_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda steps=steps: self.move_cause(steps))

        add_row = QHBoxLayout()
        self.new_cause = QLineEdit(box)
        self.new_cause.setPlaceholderText(self.tr("Beskriv en orsak och tryck Retur"))
        new_label = QLabel(self.tr("N&y orsak:"), box)
        new_label.setBuddy(self.new_cause)
        self.add_cause_button = QPushButton(self.tr("&Lägg till"), box)
        self.add_cause_button.clicked.connect(self.add_cause)
        self.new_cause.returnPressed.connect(self.add_cause)
        self.new_cause.textChanged.connect(lambda _text: self._update_buttons())
        add_row.addWidget(new_label)
        add_row.addWidget(self.new_cause, 1)
        add_row.addWidget(self.add_cause_button)
        layout.addLayout(add_row)
        self.cause_view.selectionModel().currentRowChanged.connect(
            lambda *_args: self._update_buttons()
        )
        return box

    def _build_evidence(self) -> QWidget:
        box = QGroupBox(self.tr("Underlag"), self)
        box.setMinimumWidth(340)
        layout = QVBoxLayout(box)
        self.evidence_summary = QLabel(box)
        self.evidence_summary.setWordWrap(True)
        layout.addWidget(self.evidence_summary)

        self.concern_model = ConcernEvidenceModel(self)
        self.concern_view = self._evidence_table(box, self.concern_model)
        self.concern_view.setAccessibleName(self.tr("Synpunkter som underlag"))
        header = self.concern_view.horizontalHeader()
        column = ConcernEvidenceModel.Column
        for name, width in ((column.THEME, 130), (column.PLACE, 120)):
            header.setSectionResizeMode(name, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(name, width)
        header.setSectionResizeMode(column.DIALOGUE, QHeaderView.ResizeMode.Stretch)
        concerns_label = QLabel(self.tr("&Synpunkter (Retur öppnar):"), box)
        concerns_label.setBuddy(self.concern_view)
        layout.addWidget(concerns_label)
        layout.addWidget(self.concern_view, 4)

        self.source_model = SourceEvidenceModel(self)
        self.source_view = self._evidence_table(box, self.source_model)
        self.source_view.setAccessibleName(self.tr("Källor som underlag"))
        source_header = self.source_view.horizontalHeader()
        picture = SourceEvidenceModel.Column.PICTURE
        source_header.setSectionResizeMode(picture, QHeaderView.ResizeMode.Interactive)
        source_header.resizeSection(picture, 150)
        source_header.setSectionResizeMode(
            SourceEvidenceModel.Column.DESCRIPTION, QHeaderView.ResizeMode.Stretch
        )
        sources_label = QLabel(self.tr("&Källor (Retur öppnar lägesbilden):"), box)
        sources_label.setBuddy(self.source_view)
        layout.addWidget(sources_label)
        self.source_view.setMinimumHeight(90)
        layout.addWidget(self.source_view, 1)
        self.concern_view.activated.connect(lambda index: self.open_concern(index.row()))
        self.source_view.activated.connect(lambda index: self.open_source(index.row()))
        for view, opener in (
            (self.concern_view, self.open_concern),
            (self.source_view, self.open_source),
        ):
            for keys in ("Return", "Enter"):
                shortcut = QShortcut(QKeySequence(keys), view)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(
                    lambda view=view, opener=opener: opener(view.currentIndex().row())
                )
        return box

    def _evidence_table(self, parent: QWidget, model: QAbstractTableModel) -> QTableView:
        view = QTableView(parent)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setMinimumSectionSize(48)
        return view

    # ---------------------------------------------------------------- public

    def show_problem(self, problem_id: uuid.UUID) -> None:
        """Show one problem's analysis and evidence (saving what is pending first)."""
        if problem_id != self.problem_id:
            self.saver.flush()
        self.problem_id = problem_id
        index = index_of_data(self.problem_choice, problem_id)
        if index >= 0 and index != self.problem_choice.currentIndex():
            self.problem_choice.blockSignals(True)
            self.problem_choice.setCurrentIndex(index)
            self.problem_choice.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Read the shown problem again on the worker."""
        problem_id = self.problem_id
        if problem_id is None:
            return
        service = self._service
        self._context.worker.submit(
            lambda: service.problem_analysis(problem_id),
            self._show_analysis,
            self._failed,
            owner=self,
        )

    def add_cause(self) -> None:
        """Add the typed cause at the end of the list (the analysis is made if needed)."""
        text = self.new_cause.text().strip()
        problem_id = self.problem_id
        if not text or problem_id is None:
            return
        # A pending new analysis must reach the database before the cause creates one.
        self.saver.flush()
        service = self._service

        def added(found: ProblemAnalysis) -> None:
            self.new_cause.clear()
            self._show_analysis(found)
            if found.causes:
                self.cause_view.setCurrentIndex(self.cause_model.index(len(found.causes) - 1))
                self._context.events.announce_saved("causes", found.causes[-1].id)

        self._context.worker.submit(
            lambda: service.add_cause(problem_id, text), added, self._failed, owner=self
        )

    def move_cause(self, steps: int) -> None:
        """Move the selected cause up (negative) or down; the list is renumbered."""
        index = self.cause_view.currentIndex()
        if not index.isValid():
            return
        cause_id = index.data(ID_ROLE)
        service = self._service

        def moved(found: ProblemAnalysis) -> None:
            self._show_analysis(found)
            self.cause_view.setCurrentIndex(
                self.cause_model.index(self.cause_model.row_of(cause_id))
            )

        self._context.worker.submit(
            lambda: service.move_cause(cause_id, steps), moved, self._failed, owner=self
        )

    def remove_cause(self) -> None:
        """Remove the selected cause (a tombstone; the status bar offers Ångra)."""
        index = self.cause_view.currentIndex()
        if not index.isValid():
            return
        cause = self.cause_model.cause(index.row())
        records = self._context.services.records

        def removed(_summary: object) -> None:
            self._context.events.record_deleted.emit("causes", cause.id)
            self._context.events.undo_offered.emit(
                self.tr("Orsak %1 togs bort.").replace("%1", str(cause.number)),
                "causes",
                cause.id,
            )
            self.reload()

        self._context.worker.submit(
            lambda: records.delete("causes", cause.id), removed, self._failed, owner=self
        )

    def save_cause_text(self, cause_id: uuid.UUID, text: str) -> None:
        """Save a cause's new text (edited in the list)."""
        editing = self._context.services.editing

        def saved(detail: RecordDetail) -> None:
            self._context.events.announce_saved("causes", detail.id)

        self._context.worker.submit(
            lambda: editing.save("causes", cause_id, {"text": text}),
            saved,
            self._failed,
            owner=self,
        )

    def open_problem(self) -> None:
        """Open the shown problem in its editor."""
        if self.problem_id is not None:
            self._open("problems", self.problem_id)

    def open_concern(self, row: int) -> None:
        """Open the concern shown at ``row`` (in the Dialoger section)."""
        if 0 <= row < self.concern_model.rowCount():
            self._open("concerns", self.concern_model.concern(row).id)

    def open_source(self, row: int) -> None:
        """Open the situation picture that holds the source shown at ``row``."""
        if 0 <= row < self.source_model.rowCount():
            source = self.source_model.source(row)
            self._open("situation-pictures", source.situation_picture_id)

    # ---------------------------------------------------------------- Qt overrides

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        """Follow the problem chosen in the section's list, or read the shown one again."""
        super().showEvent(event)
        if self._choices_stale:
            self._choices_stale = False
            self._load_choices()
        chosen = self._section_problem()
        if chosen is not None and chosen != self.problem_id:
            self.show_problem(chosen)
        elif self.problem_id is not None and not self.saver.dirty:
            self.reload()

    # ---------------------------------------------------------------- internals

    def _section_problem(self) -> uuid.UUID | None:
        from kommunpolis.ui.pages.record_section import RecordSection

        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, RecordSection):
            widget = widget.parentWidget()
        if widget is None or widget.current_kind != "problems":
            return None
        return widget.list_view("problems").current_id()

    def _open(self, kind: str, record_id: uuid.UUID) -> None:
        self.saver.flush()
        self.evidence_opened.emit(kind, record_id)
        self._context.events.open_record_requested.emit(kind, record_id)

    def _load_choices(self) -> None:
        service = self._service
        self._context.worker.submit(service.problems, self._show_choices, self._failed, owner=self)

    def _show_choices(self, choices: tuple[ProblemChoice, ...]) -> None:
        self.problem_choice.blockSignals(True)
        self.problem_choice.clear()
        self.problem_choice.addItem(self.tr("(välj ett problem)"), None)
        for choice in choices:
            priority = f"{choice.priority}. " if choice.priority is not None else ""
            detail = ", ".join(
                part
                for part in (
                    choice.municipality_name,
                    label(choice.status),
                    self.tr("analyserat") if choice.has_analysis else "",
                )
                if part
            )
            self.problem_choice.addItem(f"{priority}{choice.title} ({detail})", choice.id)
        index = index_of_data(self.problem_choice, self.problem_id) if self.problem_id else 0
        self.problem_choice.setCurrentIndex(max(index, 0))
        self.problem_choice.blockSignals(False)

    def _problem_chosen(self) -> None:
        problem_id = self.problem_choice.currentData()
        if isinstance(problem_id, uuid.UUID):
            self.show_problem(problem_id)

    def _show_analysis(self, found: ProblemAnalysis) -> None:
        if found.problem.id != self.problem_id:
            return
        changed = self.shown is None or self.shown.problem.id != found.problem.id
        self.shown = found
        if changed or not self.saver.dirty:
            analysis = found.analysis
            self.saver.begin(
                "analyses",
                analysis.id if analysis else None,
                RecordRef("problems", found.problem.id),
            )
            for name, widget in self.inputs.items():
                widget.set_value(analysis.text(name) if analysis else "")
            self._apply_recovered()
            self.saved_label.setText(
                "" if analysis else self.tr("Ingen analys ännu – den skapas när du skriver")
            )
        elif found.analysis is not None and self.saver.record_id is None:
            # A cause created the analysis while the fields waited: save into that one.
            self.saver.record_id = found.analysis.id
        current = self.cause_view.currentIndex().data(ID_ROLE)
        self.cause_model.set_causes(found.causes)
        if isinstance(current, uuid.UUID) and self.cause_model.row_of(current) >= 0:
            self.cause_view.setCurrentIndex(
                self.cause_model.index(self.cause_model.row_of(current))
            )
        self.concern_model.set_concerns(found.concerns)
        self.source_model.set_sources(found.sources)
        police = sum(1 for s in found.sources if s.police_only)
        self.evidence_summary.setText(
            self.tr("%n synpunkter som %1 personer tog upp", "", len(found.concerns)).replace(
                "%1", QLocale().toString(found.weight)
            )
            + " · "
            + self.tr("%n källor", "", len(found.sources))
            + (" " + self.tr("(%n endast för polisen)", "", police) if police else "")
        )
        self.status_label.hide()
        self._set_enabled(True)
        self.analysis_shown.emit(found)

    def _apply_recovered(self) -> None:
        store = self.saver.store
        draft = store.read(store.path_of("analyses", self.saver.record_id))
        if draft is None or self.saver.record_id is None:
            return
        for name, raw in draft.values.items():
            widget = self.inputs.get(name)
            if widget is not None and isinstance(raw, str):
                widget.set_value(raw)
                self.saver.change(name, raw)

    def _edited(self, name: str, value: object) -> None:
        if self.problem_id is None:
            return
        self.saved_label.setText(self.tr("Ändrat – sparas strax"))
        self.saver.change(name, value)

    def _saved(self, detail: RecordDetail) -> None:
        self.saved_label.setText(
            self.tr("Sparat %1").replace("%1", datetime.now().strftime("%H:%M"))
        )
        self.status_label.hide()
        self._context.events.announce_saved(detail.kind, detail.id)

    def _save_failed(self, error: KnownError) -> None:
        if isinstance(error, FieldErrors):
            messages = [
                f"{field_label('analyses', name)}: {problem_message('analyses', code, params)}"
                for name, (code, params) in error.problems.items()
            ]
            self._show_message("\n".join(messages))
        else:
            title, message = describe(error)
            self._show_message(f"{title}: {message}")
        self.saved_label.setText(self.tr("Inte sparat"))

    def _failed(self, error: KnownError) -> None:
        if isinstance(error, FieldErrors):
            messages = [
                problem_message("causes", code, params) for code, params in error.problems.values()
            ]
            self._show_message("\n".join(messages))
            return
        title, message = describe(error)
        self._show_message(f"{title}: {message}")

    def _show_message(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b00020;")
        self.status_label.show()

    def _record_saved(self, kind: str, _record_id: object) -> None:
        # A problem was made or renamed elsewhere: the picker reads them again when shown.
        if kind == "problems":
            self._choices_stale = True

    def _set_enabled(self, enabled: bool) -> None:
        for widget in self.inputs.values():
            widget.setEnabled(enabled)
        self.new_cause.setEnabled(enabled)
        self.open_problem_button.setEnabled(enabled)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_cause = self.cause_view.currentIndex().isValid()
        for button in (self.cause_up_button, self.cause_down_button, self.cause_remove_button):
            button.setEnabled(has_cause)
        self.add_cause_button.setEnabled(
            self.problem_id is not None and bool(self.new_cause.text().strip())
        )

"""The dialogue editor, built for live capture at a meeting without the mouse.

A compact header (title, time, kommun, form, kind, participants) and the concerns
as rows of a table: theme (type-ahead), place, count, text. Enter and Tab move
through the cells; Enter on the last cell or Ctrl+Enter adds a row; Ctrl+1…Ctrl+9
set the row's theme to the most used ones; Delete on an empty row removes it. Every
row saves itself as a concern of the dialogue, like every other field.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCompleter,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import FieldErrors, KnownError
from kommunpolis.domain.record_fields import KindSpec
from kommunpolis.services.editing import Choice, EditingService, RecordDetail, RecordRef
from kommunpolis.services.profiles import ProfileService
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.editors.autosave import AUTOSAVE_DELAY_MS
from kommunpolis.ui.editors.field_text import problem_message
from kommunpolis.ui.editors.record_editor import Loaded, RecordEditor, load_record

_NO_PARENT = QModelIndex()
_keys = itertools.count(1)
FREQUENT = 9


def _resolve(choices: tuple[Choice, ...], text: str) -> Choice | None:
    """Return the choice ``text`` names: exactly, else by prefix, else by a contained word."""
    wanted = text.strip().casefold()
    if not wanted:
        return None
    for test in (
        lambda title: title == wanted,
        lambda title: title.startswith(wanted),
        lambda title: wanted in title,
    ):
        for choice in choices:
            if test(choice.title.casefold()):
                return choice
    return None


@dataclass
class ConcernRow:
    """One concern as typed into the table (saved or not yet)."""

    key: int = field(default_factory=lambda: next(_keys))
    concern_id: uuid.UUID | None = None
    theme_id: uuid.UUID | None = None
    theme_text: str = ""
    place_id: uuid.UUID | None = None
    place_text: str = ""
    count_text: str = "1"
    text: str = ""
    dirty: bool = False
    problem: str = ""

    def is_empty(self) -> bool:
        """Whether nothing was typed in the row."""
        return (
            not self.theme_text.strip()
            and not self.place_text.strip()
            and self.count_text.strip() in ("", "1")
            and not self.text.strip()
        )

    @property
    def unsaved(self) -> bool:
        """Whether the row holds typing the database does not have (an empty new row does not)."""
        return self.dirty and not (self.concern_id is None and self.is_empty())

    def values(self) -> dict[str, object]:
        """The concern's values for the editing service."""
        return {
            "theme_id": self.theme_id,
            "place_id": self.place_id,
            "raised_count": self.count_text,
            "text": self.text,
        }

    def draft(self) -> dict[str, object]:
        """The row for the recovery file."""
        return {
            "concern_id": str(self.concern_id) if self.concern_id else None,
            "theme_id": str(self.theme_id) if self.theme_id else None,
            "theme_text": self.theme_text,
            "place_id": str(self.place_id) if self.place_id else None,
            "place_text": self.place_text,
            "count_text": self.count_text,
            "text": self.text,
        }


class ConcernRowsModel(QAbstractTableModel):
    """The concerns of one dialogue as editable rows."""

    class Column(IntEnum):
        """The table's columns, in display order."""

        THEME = 0
        PLACE = 1
        COUNT = 2
        TEXT = 3

    CONCERN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 2

    # A row was changed by typing (its key).
    row_edited = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ConcernRow] = []
        self.themes: tuple[Choice, ...] = ()
        self.places: tuple[Choice, ...] = ()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        """Qt override: the number of rows (none below a row)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        """Qt override: the four columns."""
        return 0 if parent.isValid() else len(self.Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Qt override: column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.Column):
            return None
        return (self.tr("Tema"), self.tr("Plats"), self.tr("Antal"), self.tr("Synpunkt"))[section]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """Qt override: every cell can be edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Qt override: a cell's text, the concern id, the row's problem."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return {
                self.Column.THEME: row.theme_text,
                self.Column.PLACE: row.place_text,
                self.Column.COUNT: row.count_text,
                self.Column.TEXT: row.text,
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column is self.Column.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and row.problem:
            return row.problem
        if role == Qt.ItemDataRole.ForegroundRole and row.problem:
            from PySide6.QtGui import QColor

            return QColor("#b00020")
        if role == self.CONCERN_ID_ROLE:
            return row.concern_id
        if role == self.PROBLEM_ROLE:
            return row.problem
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        """Qt override: take typed text; themes and places are looked up by name."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        text = "" if value is None else str(value)
        column = self.Column(index.column())
        if column is self.Column.THEME:
            theme = _resolve(self.themes, text)
            row.theme_id = theme.id if theme else None
            row.theme_text = theme.title if theme else text
        elif column is self.Column.PLACE:
            place = _resolve(self.places, text)
            row.place_id = place.id if place else None
            row.place_text = place.title if place else text
        elif column is self.Column.COUNT:
            row.count_text = text.strip()
        else:
            row.text = text
        row.dirty = True
        row.problem = ""
        self._row_changed(index.row())
        self.row_edited.emit(row.key)
        return True

    def set_theme(self, row_index: int, theme: Choice) -> None:
        """Give a row a theme (from a shortcut)."""
        row = self.rows[row_index]
        row.theme_id, row.theme_text, row.dirty, row.problem = theme.id, theme.title, True, ""
        self._row_changed(row_index)
        self.row_edited.emit(row.key)

    def load(self, details: tuple[RecordDetail, ...]) -> None:
        """Show the saved concerns of a dialogue."""
        themes = {choice.id: choice.title for choice in self.themes}
        places = {choice.id: choice.title for choice in self.places}
        self.beginResetModel()
        self.rows = []
        for detail in details:
            theme_id = detail.values.get("theme_id")
            place_id = detail.values.get("place_id")
            self.rows.append(
                ConcernRow(
                    concern_id=detail.id,
                    theme_id=theme_id if isinstance(theme_id, uuid.UUID) else None,
                    theme_text=themes.get(theme_id, "") if isinstance(theme_id, uuid.UUID) else "",
                    place_id=place_id if isinstance(place_id, uuid.UUID) else None,
                    place_text=places.get(place_id, "") if isinstance(place_id, uuid.UUID) else "",
                    count_text=str(detail.values.get("raised_count") or 1),
                    text=str(detail.values.get("text") or ""),
                )
            )
        self.endResetModel()

    def restore(self, drafts: list[Mapping[str, object]]) -> None:
        """Put rows from a recovery file back (over the saved ones with the same id)."""
        for draft in drafts:
            concern_id = _uuid(draft.get("concern_id"))
            row = next((r for r in self.rows if concern_id and r.concern_id == concern_id), None)
            if row is None:
                self.add_row()
                row = self.rows[-1]
            row.concern_id = concern_id
            row.theme_id = _uuid(draft.get("theme_id"))
            row.theme_text = str(draft.get("theme_text") or "")
            row.place_id = _uuid(draft.get("place_id"))
            row.place_text = str(draft.get("place_text") or "")
            row.count_text = str(draft.get("count_text") or "1")
            row.text = str(draft.get("text") or "")
            row.dirty = True
            self._row_changed(self.rows.index(row))

    def add_row(self) -> int:
        """Append an empty row; return its index."""
        position = len(self.rows)
        self.beginInsertRows(_NO_PARENT, position, position)
        self.rows.append(ConcernRow())
        self.endInsertRows()
        return position

    def remove_row(self, row_index: int) -> ConcernRow:
        """Take a row out of the table."""
        self.beginRemoveRows(_NO_PARENT, row_index, row_index)
        row = self.rows.pop(row_index)
        self.endRemoveRows()
        return row

    def row_by_key(self, key: int) -> tuple[int, ConcernRow] | None:
        """Return the index and row with ``key`` (None once removed)."""
        for position, row in enumerate(self.rows):
            if row.key == key:
                return position, row
        return None

    def mark(self, key: int, problem: str) -> None:
        """Show a problem on a row."""
        found = self.row_by_key(key)
        if found is not None:
            found[1].problem = problem
            self._row_changed(found[0])

    def _row_changed(self, row_index: int) -> None:
        self.dataChanged.emit(self.index(row_index, 0), self.index(row_index, len(self.Column) - 1))


def _uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


class ConcernDelegate(QStyledItemDelegate):
    """Line editors for every cell; theme and place complete as you type."""

    def __init__(self, table: ConcernTable) -> None:
        super().__init__(table)
        self._table = table

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        """Qt override: a line edit; with inline completion for theme and place."""
        editor = QLineEdit(parent)
        editor.setFrame(False)
        model = self._table.rows_model
        column = ConcernRowsModel.Column(index.column())
        names: tuple[Choice, ...] = ()
        if column is ConcernRowsModel.Column.THEME:
            names = model.themes
        elif column is ConcernRowsModel.Column.PLACE:
            names = model.places
        if names:
            completer = QCompleter([choice.title for choice in names], editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            # Inline: the rest of the name appears selected, and Enter takes it.
            completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
            editor.setCompleter(completer)
        editor.setAccessibleName(str(model.headerData(index.column(), Qt.Orientation.Horizontal)))
        editor.installEventFilter(self._table)
        return editor


class ConcernTable(QTableView):
    """The concerns table: Enter and Tab move on, Enter on the last cell adds a row."""

    # Ask for a row to be removed (Delete on an empty row).
    empty_row_deleted = Signal(int)

    def __init__(self, model: ConcernRowsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows_model = model
        self.setModel(model)
        self.setItemDelegate(ConcernDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(ConcernRowsModel.Column.TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ConcernRowsModel.Column.THEME, 180)
        header.resizeSection(ConcernRowsModel.Column.PLACE, 150)
        header.resizeSection(ConcernRowsModel.Column.COUNT, 60)
        self.setAccessibleName(self.tr("Synpunkter"))

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Qt override: Enter moves to the next cell (and past the last, to a new row)."""
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.advance()
            return
        super().closeEditor(editor, hint)

    def moveCursor(
        self, cursor_action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Qt override: Tab past the last cell starts a new row instead of wrapping."""
        current = self.currentIndex()
        last_column = ConcernRowsModel.Column.TEXT
        if (
            cursor_action == QAbstractItemView.CursorAction.MoveNext
            and current.isValid()
            and current.column() == last_column
            and current.row() == self.rows_model.rowCount() - 1
        ):
            return self.rows_model.index(self.rows_model.add_row(), 0)
        return super().moveCursor(cursor_action, modifiers)

    def advance(self) -> None:
        """Go to the next cell; from the last one, to the first cell of a new row."""
        current = self.currentIndex()
        model = self.rows_model
        if not current.isValid():
            target = model.index(model.add_row() if model.rowCount() == 0 else 0, 0)
        elif current.column() < ConcernRowsModel.Column.TEXT:
            target = model.index(current.row(), current.column() + 1)
        elif current.row() + 1 < model.rowCount():
            target = model.index(current.row() + 1, 0)
        else:
            target = model.index(model.add_row(), 0)
        self.setCurrentIndex(target)

    def add_row_and_go(self) -> None:
        """Commit the open cell, add a row and put the cursor in its theme."""
        self.commit_open_editor()
        rows = self.rows_model.rows
        # An empty last row is already waiting: use it rather than leave a gap.
        row = len(rows) - 1 if rows and rows[-1].is_empty() else self.rows_model.add_row()
        self.setCurrentIndex(self.rows_model.index(row, 0))
        self.setFocus()
        self.edit(self.currentIndex())

    def commit_open_editor(self) -> None:
        """Take what is typed in the open cell into the model."""
        current = self.currentIndex()
        editor = self.indexWidget(current) if current.isValid() else None
        if editor is not None and self.state() == QAbstractItemView.State.EditingState:
            self.commitData(editor)
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt override: Delete in an empty row's empty cell removes the row."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and isinstance(watched, QLineEdit)
            and not watched.text()
        ):
            current = self.currentIndex()
            if current.isValid() and self.rows_model.rows[current.row()].is_empty():
                super().closeEditor(watched, QAbstractItemDelegate.EndEditHint.RevertModelCache)
                self.empty_row_deleted.emit(current.row())
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Delete on an empty row (no cell open) removes it."""
        current = self.currentIndex()
        if (
            event.key() == Qt.Key.Key_Delete
            and current.isValid()
            and self.rows_model.rows[current.row()].is_empty()
        ):
            self.empty_row_deleted.emit(current.row())
            return
        super().keyPressEvent(event)


class DialogueEditor(RecordEditor):
    """A dialogue and its concerns, fast to type at a meeting."""

    leading_fields = (
        "title",
        "starts_at",
        "municipality_code",
        "format",
        "kind",
        "participant_count",
    )
    custom_children = ("concerns",)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        self.concerns = ConcernRowsModel()
        self.frequent: tuple[Choice, ...] = ()
        self._rows_saving = False
        super().__init__(context, parent)
        self.concerns.setParent(self)
        self.saver.set_extra(self._draft_rows)
        self.concerns.row_edited.connect(self._row_edited)
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(AUTOSAVE_DELAY_MS)
        self._rows_timer.timeout.connect(self.save_rows)
        self.saver.saved.connect(lambda _detail: self._after_header_saved())
        self.table: ConcernTable | None = None
        self.hint = QLabel(self)
        self.hint.hide()
        for digit in range(1, FREQUENT + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{digit}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=digit: self.set_frequent_theme(d))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            add = QShortcut(QKeySequence(keys), self)
            add.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            add.activated.connect(self.add_concern)

    # ---------------------------------------------------------------- public

    def new_dialogue(self) -> None:
        """Start a new dialogue with the cursor in its title (the shell's Ctrl+N)."""
        self.new_record("dialogues")
        title = self.rows["title"].widget
        title.setFocus()

    def add_concern(self) -> None:
        """Add a concern row and put the cursor in its theme."""
        if self.table is not None:
            self.table.add_row_and_go()

    def set_frequent_theme(self, digit: int) -> None:
        """Set the current row's theme to the digit-th most used theme."""
        if self.table is None or not 1 <= digit <= len(self.frequent):
            return
        self.table.commit_open_editor()
        current = self.table.currentIndex()
        if not current.isValid():
            self.add_concern()
            current = self.table.currentIndex()
        self.concerns.set_theme(current.row(), self.frequent[digit - 1])
        self.table.setCurrentIndex(self.concerns.index(current.row(), 1))

    def set_autosave_delay(self, milliseconds: int) -> None:
        """Set the pause before saving (fields and rows)."""
        self.saver.set_delay(milliseconds)
        self._rows_timer.setInterval(milliseconds)

    def flush(self) -> None:
        """Save fields and rows now."""
        super().flush()
        self.save_rows()

    # ---------------------------------------------------------------- building

    def _after_leading(self, spec: KindSpec, page: QWidget, column: QVBoxLayout) -> None:
        heading = QLabel(self.tr("Synpunkter"), page)
        heading.setStyleSheet("font-weight: 600; margin-top: 6px;")
        column.addWidget(heading)
        self.table = ConcernTable(self.concerns, page)
        self.table.setMinimumHeight(200)
        self.table.empty_row_deleted.connect(self._remove_row)
        heading.setBuddy(self.table)
        column.addWidget(self.table, 1)
        self.hint = QLabel(page)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid); font-size: 11px;")
        self.hint.setObjectName("themeHint")
        column.addWidget(self.hint)
        reminder = QLabel(self.tr("Skriv inte personuppgifter om medborgare."), page)
        reminder.setStyleSheet("color: palette(mid); font-size: 11px;")
        column.addWidget(reminder)

    def _load_job(
        self,
        editing: EditingService,
        profiles: ProfileService,
        kind: str,
        record_id: uuid.UUID | None,
        parent: RecordRef | None,
    ) -> Callable[[], Loaded]:
        def job() -> Loaded:
            loaded = load_record(editing, profiles, kind, record_id, parent)
            code = loaded.values.get("municipality_code")
            loaded.extra["themes"] = editing.choices("themes", limit=500)
            loaded.extra["frequent"] = editing.frequent_themes(FREQUENT)
            loaded.extra["places"] = editing.choices(
                "places", limit=500, municipality_code=code if isinstance(code, str) else None
            )
            if record_id is not None:
                loaded.children["concerns"] = editing.children(kind, record_id, "concerns")
            return loaded

        return job

    def _loaded(self, generation: int, loaded: Loaded) -> None:
        draft = self._draft
        themes = loaded.extra.get("themes")
        places = loaded.extra.get("places")
        frequent = loaded.extra.get("frequent")
        self.concerns.themes = themes if isinstance(themes, tuple) else ()
        self.concerns.places = places if isinstance(places, tuple) else ()
        self.frequent = frequent if isinstance(frequent, tuple) else ()
        if generation == self._generation:
            self.concerns.load(loaded.children.get("concerns", ()))
            if draft is not None and isinstance(draft.extra.get("rows"), list):
                rows = draft.extra["rows"]
                assert isinstance(rows, list)
                self.concerns.restore(rows)
            if not self.concerns.rows:
                self.concerns.add_row()
            self.hint.setText(
                # No-break spaces keep each "Ctrl+n theme" together when the line wraps.
                "  ·  ".join(
                    self.tr("Ctrl+%1 %2")
                    .replace("%1", str(n))
                    .replace("%2", theme.title)
                    .replace(" ", "\u00a0")
                    for n, theme in enumerate(self.frequent, start=1)
                )
            )
            self.hint.show()
        super()._loaded(generation, loaded)
        if generation == self._generation and draft is not None:
            self.saver.touch()
            self._rows_timer.start()

    # ---------------------------------------------------------------- saving rows

    def _draft_rows(self) -> Mapping[str, object]:
        rows = [row.draft() for row in self.concerns.rows if row.unsaved]
        return {"rows": rows} if rows else {}

    def _row_edited(self, _key: int) -> None:
        self.saved_label.setText(self.tr("Ändrat – sparas strax"))
        self.saver.touch()
        self._rows_timer.start()

    def _after_header_saved(self) -> None:
        if any(row.unsaved for row in self.concerns.rows):
            self._rows_timer.start()

    def save_rows(self) -> None:
        """Save every changed row as a concern of this dialogue."""
        self._rows_timer.stop()
        dialogue_id = self.record_id
        if self._rows_saving:
            return
        if dialogue_id is None:
            # The dialogue itself must exist first; its save restarts this.
            self.saver.flush()
            return
        work = [
            (row.key, row.concern_id, row.values()) for row in self.concerns.rows if row.unsaved
        ]
        if not work:
            return
        editing = self.saver.editing
        parent = RecordRef("dialogues", dialogue_id)

        def job() -> list[tuple[int, RecordDetail | FieldErrors]]:
            results: list[tuple[int, RecordDetail | FieldErrors]] = []
            for key, concern_id, values in work:
                try:
                    if concern_id is None:
                        results.append((key, editing.new("concerns", values, parent=parent)))
                    else:
                        results.append((key, editing.save("concerns", concern_id, values)))
                except FieldErrors as error:
                    results.append((key, error))
            return results

        self._rows_saving = True
        self._context.worker.submit(
            job,
            lambda results: self._rows_saved(work, results),
            self._rows_failed,
        )

    def _rows_saved(
        self,
        work: list[tuple[int, uuid.UUID | None, dict[str, object]]],
        results: list[tuple[int, RecordDetail | FieldErrors]],
    ) -> None:
        self._rows_saving = False
        sent = {key: values for key, _concern, values in work}
        for key, outcome in results:
            found = self.concerns.row_by_key(key)
            if isinstance(outcome, FieldErrors):
                message = "; ".join(
                    problem_message("concerns", code, params)
                    for code, params in outcome.problems.values()
                )
                self.concerns.mark(key, message)
                continue
            if found is not None:
                row = found[1]
                row.concern_id = outcome.id
                if row.values() == sent[key]:
                    row.dirty = False
            self._context.events.announce_saved("concerns", outcome.id)
        if any(isinstance(outcome, FieldErrors) for _key, outcome in results):
            self.saved_label.setText(self.tr("Inte sparat – rätta de markerade raderna"))
        else:
            self._show_saved_now()
        self.saver.sync_recovery()
        if any(row.unsaved and not row.problem for row in self.concerns.rows):
            self._rows_timer.start()

    def _rows_failed(self, error: KnownError) -> None:
        self._rows_saving = False
        self.saved_label.setText(self.tr("Inte sparat"))
        self.banner.show_error(error)

    def _remove_row(self, row_index: int) -> None:
        row = self.concerns.remove_row(row_index)
        if row.concern_id is not None:
            records, concern_id = self._context.services.records, row.concern_id
            self._context.worker.submit(
                lambda: records.delete("concerns", concern_id), None, self._rows_failed
            )
        if not self.concerns.rows:
            self.concerns.add_row()
        if self.table is not None:
            row_to = min(row_index, self.concerns.rowCount() - 1)
            self.table.setCurrentIndex(self.concerns.index(row_to, 0))
        self.saver.sync_recovery()

    def retry(self) -> None:
        """Try again to save fields and rows."""
        super().retry()
        self.save_rows()

"""Pieces the Utbyte panels share: a message banner, a batched table model, wording helpers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget

from kommunpolis.domain.errors import KnownError
from kommunpolis.services.coordination import kind_for_table
from kommunpolis.ui.errors import describe
from kommunpolis.ui.labels import kind_label

T = TypeVar("T")

_NO_PARENT = QModelIndex()
BATCH = 200
"""Rows handed to a view per fetchMore."""
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's read model (a frozen dataclass), for every column."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

translate = QCoreApplication.translate


def table_label(table: str) -> str:
    """Return the Swedish plural name of a synced table ('Kopplingar' for link tables)."""
    kind = kind_for_table(table)
    if kind is None:
        return translate("Exchange", "Kopplingar mellan poster")
    return kind_label(kind, plural=True)


def grouped_counts(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """Return counts per table as (label, count), link tables summed, zeros left out."""
    totals: dict[str, int] = {}
    for table, count in counts.items():
        if count:
            name = table_label(table)
            totals[name] = totals.get(name, 0) + count
    links = translate("Exchange", "Kopplingar mellan poster")
    return sorted(totals.items(), key=lambda item: (item[0] == links, item[0].casefold()))


def local_time(moment: datetime | None) -> str:
    """Return a moment as local date and time ('' for None)."""
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def number_range(first: int, last: int) -> str:
    """Return '3' or '3–5'."""
    return str(first) if first == last else f"{first}–{last}"


def monospace_font(scale: float = 1.0) -> QFont:
    """Return the system's fixed-width font, scaled."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if scale != 1.0:
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * scale)
    return font


def busy_bar(parent: QWidget) -> QProgressBar:
    """Return an indeterminate progress bar (hidden until shown)."""
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(10)
    bar.hide()
    return bar


class MessageBanner(QFrame):
    """A message inside a panel: an error in plain Swedish, or a notice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("messageBanner")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        self.error: KnownError | None = None
        self.hide()

    def show_error(self, error: KnownError) -> None:
        """Show a known error as its Swedish title and message."""
        title, message = describe(error)
        self.error = error
        self._show(title, message, "#fdecea", "#8a1c12")

    def show_notice(self, title: str, message: str = "") -> None:
        """Show a neutral notice."""
        self.error = None
        self._show(title, message, "#e8f1fb", "#123a63")

    def show_success(self, title: str, message: str = "") -> None:
        """Show that something went well."""
        self.error = None
        self._show(title, message, "#e7f5ea", "#14502a")

    def clear(self) -> None:
        """Hide the banner."""
        self.error = None
        self.hide()

    def _show(self, title: str, message: str, background: str, foreground: str) -> None:
        self.setStyleSheet(
            f"QFrame#messageBanner {{ background: {background}; border: 1px solid {foreground};"
            f" border-radius: 4px; }} QFrame#messageBanner QLabel {{ color: {foreground}; }}"
        )
        self.title.setText(title)
        self.text.setText(message)
        self.text.setVisible(bool(message))
        self.show()


class BatchedTableModel(QAbstractTableModel, Generic[T]):
    """A read-only table of frozen read models, handed to the view a batch at a time.

    Subclasses name their columns (an IntEnum ``Column``) and say what each cell shows
    (:meth:`cell`) and its header (:meth:`header`).
    """

    COLUMN_COUNT = 0
    NUMERIC_COLUMNS: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: Sequence[T] = ()
        self._shown = 0

    def set_items(self, items: Sequence[T]) -> None:
        """Show ``items`` (the first batch now, the rest as the view scrolls)."""
        self.beginResetModel()
        self._items = tuple(items)
        self._shown = min(len(self._items), BATCH)
        self.endResetModel()

    def items(self) -> Sequence[T]:
        """Return every item (shown or not yet)."""
        return self._items

    def item(self, row: int) -> T | None:
        """Return the item of a shown row."""
        return self._items[row] if 0 <= row < self._shown else None

    def cell(self, item: T, column: int) -> Any:
        """Return what a cell shows (text or a number)."""
        raise NotImplementedError

    def header(self, column: int) -> str:
        """Return a column's translated header."""
        raise NotImplementedError

    def rowCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of rows shown so far."""
        return 0 if parent.isValid() else self._shown

    def columnCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of columns."""
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # Qt override
        """Return whether rows remain to be shown."""
        return not parent.isValid() and self._shown < len(self._items)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # Qt override
        """Show the next batch of rows."""
        if parent.isValid():
            return
        end = min(len(self._items), self._shown + BATCH)
        if end <= self._shown:
            return
        self.beginInsertRows(QModelIndex(), self._shown, end - 1)
        self._shown = end
        self.endInsertRows()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return a cell's text, or the row's read model under :data:`ITEM_ROLE`."""
        if not index.isValid() or index.column() >= self.COLUMN_COUNT:
            return None
        item = self.item(index.row())
        if item is None:
            return None
        if role == ITEM_ROLE:
            return item
        if role == SORT_ROLE:
            return self.cell(item, index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.cell(item, index.column())
            if isinstance(value, int) and not isinstance(value, bool):
                return QLocale().toString(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:  # Qt override
        """Return the column headers."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.COLUMN_COUNT
        ):
            return self.header(section)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:  # Qt override
        """Rows are selectable, not editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

"""A read-only table over a page's frozen read models, one per row, named columns."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

T = TypeVar("T")

_NO_PARENT = QModelIndex()


class RowsTableModel(QAbstractTableModel, Generic[T]):
    """The rows, column count and headers every page's read-only table shares.

    Subclasses name their columns in a nested IntEnum ``Column``, give the headers in
    :meth:`headers` (translated there, so each keeps its own translation context) and
    say what a cell shows in ``data``.
    """

    Column: ClassVar[type[IntEnum]]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[T] = ()

    def _reset_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def headers(self) -> Sequence[str]:
        """Return the translated column names, in column order."""
        raise NotImplementedError

    def rowCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of rows (a table has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of columns."""
        return 0 if parent.isValid() else len(self.Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return the column names."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.columnCount():
            return None
        return self.headers()[section]

"""A lazy table model over one kind of record: ids first, rows a page at a time.

The ids of every matching record arrive from the database worker in display order
(sorted and filtered in SQL); a row's values are asked for only when a view touches
it, a page at a time, again through the worker. The GUI thread never queries the
database. Reordering keeps the selection: persistent indexes follow their record.

At start-up a model may begin as a preview: the first page read with plain sqlite3
(``storage.first_page``) before SQLAlchemy has loaded, shown at once. :meth:`attach`
then hands it the listing service; the ids that arrive keep those rows, their order
and the selection, so the list never blinks empty.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from kommunpolis.domain.errors import KnownError
from kommunpolis.storage.first_page import FirstPage, FirstPageColumn, FirstPageRow
from kommunpolis.ui.list_cells import CONTEXT, cell_alignment, cell_text, header_label
from kommunpolis.ui.tasks import DatabaseWorker

if TYPE_CHECKING:
    # services.listing loads SQLAlchemy: imported where used, so that a preview of the
    # first page can be built before it has loaded.
    from kommunpolis.services.listing import ListColumn, ListingService, ListQuery, ListRow

__all__ = ["CONTEXT", "RecordListModel", "column_enum", "header_label"]
PAGE_SIZE = 200
# Rows kept in memory beyond the pages on screen; older ones are fetched again if needed.
MAX_CACHED_ROWS = 20_000
PENDING_TEXT = "…"

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 4
DELETED_ROLE = Qt.ItemDataRole.UserRole + 5

_ModelIndex = QModelIndex | QPersistentModelIndex


def column_enum(kind: str, keys: Sequence[str] | None = None) -> type[IntEnum]:
    """Return the named columns of ``kind`` as an IntEnum (e.g. ``Column.TITLE``)."""
    if keys is None:
        from kommunpolis.services.listing import columns

        keys = [column.key for column in columns(kind)]
    members = {key.upper(): number for number, key in enumerate(keys)}
    return IntEnum(f"{kind.title().replace('-', '')}Column", members)  # type: ignore[return-value]


def _value_type(column: ListColumn | FirstPageColumn) -> str:
    value_type = column.value_type
    return value_type if isinstance(value_type, str) else str(value_type.value)


class RecordListModel(QAbstractTableModel):
    """The records of one kind matching a query, loaded lazily through the worker."""

    # Emitted after a new set of ids is in place (count of rows).
    ids_loaded = Signal(int)
    loading_changed = Signal(bool)
    load_failed = Signal(object)  # KnownError

    def __init__(
        self,
        *,
        kind: str,
        listing: ListingService | None,
        worker: DatabaseWorker,
        page_size: int = PAGE_SIZE,
        first_page: FirstPage | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._kind = kind
        self._listing = listing
        self._worker = worker
        self._page_size = page_size
        self._columns: tuple[ListColumn | FirstPageColumn, ...]
        self._query: ListQuery | None = None
        # The default order of a preview (its first page is read in it).
        self._preview_sort: tuple[str, bool] | None = None
        if listing is not None:
            from kommunpolis.services.listing import ListQuery, columns

            self._columns = columns(kind)
            self._query = ListQuery()
        elif first_page is not None and first_page.kind == kind:
            self._columns = first_page.columns
            self._preview_sort = (first_page.sort_key, first_page.descending)
        else:
            raise ValueError("a list model needs the listing service or a first page")
        self.Column = column_enum(kind, [column.key for column in self._columns])
        # The ids' 16 bytes (ListingService.id_keys): cheap to hash, ignored by the GC.
        self._ids: list[bytes] = []
        self._positions: dict[bytes, int] = {}
        self._rows: OrderedDict[bytes, ListRow | FirstPageRow] = OrderedDict()
        # Set while the rows shown are a preview: the first ids to arrive keep them.
        self._previewing = False
        self._requested: set[int] = set()
        # Bumped whenever the order changes: page answers for an older order only fill the cache.
        self._generation = 0
        self._ids_request = 0
        self._loading = False
        self.page_requests = 0
        self.ids_requests = 0
        self._locale = QLocale()
        if first_page is not None and listing is None:
            self._show_first_page(first_page)

    # --- what the view and the owner call -------------------------------------------

    @property
    def kind(self) -> str:
        """The record kind listed."""
        return self._kind

    @property
    def query(self) -> ListQuery | None:
        """The current filters and sort (None for a preview not yet attached)."""
        return self._query

    @property
    def attached(self) -> bool:
        """Whether the model has the listing service (a preview has not, yet)."""
        return self._listing is not None

    def attach(self, listing: ListingService) -> None:
        """Give a preview its listing service; the query set meanwhile is loaded now."""
        from kommunpolis.services.listing import ListQuery, columns

        if self._listing is not None:
            return
        real = columns(self._kind)
        if [column.key for column in real] != [column.key for column in self._columns]:
            raise ValueError(f"the first page of {self._kind} has other columns than its list")
        self._listing = listing
        self._columns = real
        if self._query is None:
            self._query = ListQuery()
        self.refresh()

    @property
    def loading(self) -> bool:
        """Whether a new set of ids is on its way."""
        return self._loading

    @property
    def list_columns(self) -> tuple[ListColumn | FirstPageColumn, ...]:
        """The columns, in order."""
        return self._columns

    def column_of(self, key: str) -> int:
        """Return the column number of a column key."""
        for number, column in enumerate(self._columns):
            if column.key == key:
                return number
        raise KeyError(key)

    def id_at(self, row: int) -> uuid.UUID | None:
        """Return the id shown at ``row`` (None outside the list)."""
        return uuid.UUID(bytes=self._ids[row]) if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: uuid.UUID) -> int | None:
        """Return the row showing ``record_id``, or None if it is not in the list."""
        return self._positions.get(record_id.bytes)

    def set_query(self, query: ListQuery) -> None:
        """Filter and sort anew (in SQL, on the worker; for a preview once attached)."""
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        """Load the ids again; rows are fetched anew, the selection follows its records."""
        listing, query = self._listing, self._query
        if listing is None or query is None:
            return  # a preview: attach() loads them
        self._ids_request += 1
        request = self._ids_request
        kind = self._kind
        self.ids_requests += 1
        self._set_loading(True)

        def load() -> tuple[tuple[bytes, ...], dict[bytes, int]]:
            keys = listing.id_keys(kind, query)
            # Built here, off the GUI thread, so that moving the selection is a lookup.
            return keys, {key: row for row, key in enumerate(keys)}

        self._worker.submit(
            load,
            lambda result: self._ids_arrived(request, *result),
            self._failed,
            owner=self,
        )

    def update_record(self, record_id: uuid.UUID) -> None:
        """Fetch one record's row again (after it was saved elsewhere)."""
        kind, listing = self._kind, self._listing
        if listing is None or record_id.bytes not in self._positions:
            return
        self.page_requests += 1
        self._worker.submit(lambda: listing.rows(kind, [record_id]), self._row_updated, owner=self)

    # --- Qt overrides ---------------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # Qt override  # noqa: B008
        """Return the number of records (0 under any parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # Qt override  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:  # Qt override
        """Return the Swedish column headers (and the column key under SORT_KEY_ROLE)."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return header_label(column.key)
        if role == SORT_KEY_ROLE:
            return column.key if column.sortable else None
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:  # Qt override
        """Rows are selectable, never editable in the list."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(
        self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # Qt override
        """Return a cell; a row not yet fetched shows '…' and asks for its page."""
        if not index.isValid() or index.parent().isValid():
            return None
        row_number, column_number = index.row(), index.column()
        if not (0 <= row_number < len(self._ids) and 0 <= column_number < len(self._columns)):
            return None
        key = self._ids[row_number]
        if role == ID_ROLE:
            return uuid.UUID(bytes=key)
        if role == KIND_ROLE:
            return self._kind
        column = self._columns[column_number]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return cell_alignment(_value_type(column))
        row = self._rows.get(key)
        if row is None:
            if role in (Qt.ItemDataRole.DisplayRole, STATUS_ROLE, SORT_KEY_ROLE):
                self._request_page(row_number // self._page_size)
            if role == Qt.ItemDataRole.DisplayRole and column_number == 0:
                return PENDING_TEXT
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(self._locale, row.values[column_number])
        if role == STATUS_ROLE:
            return row.status
        if role == SORT_KEY_ROLE:
            return row.values[column_number]
        if role == DELETED_ROLE:
            return row.deleted
        if role == Qt.ItemDataRole.ToolTipRole and _value_type(column) == "text":
            value = row.values[column_number]
            return value if isinstance(value, str) and len(value) > 40 else None
        if row.deleted:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setStrikeOut(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return QApplication.palette().brush(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
                )
        return None

    def sort(
        self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    ) -> None:  # Qt override
        """Sort by ``column`` in SQL (a column that cannot sort restores the default order)."""
        from kommunpolis.services.listing import ListQuery

        query = self._query
        if query is None:
            return  # a preview sorts once attached
        if 0 <= column < len(self._columns) and self._columns[column].sortable:
            key: str | None = self._columns[column].key
            descending = order == Qt.SortOrder.DescendingOrder
        else:
            key, descending = None, False
        self._query = ListQuery(
            municipality_codes=query.municipality_codes,
            period_from=query.period_from,
            period_to=query.period_to,
            statuses=query.statuses,
            theme_id=query.theme_id,
            include_deleted=query.include_deleted,
            sort_key=key,
            descending=descending,
        )
        self.refresh()

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        """Return the column and order the list is sorted by (for the header's indicator)."""
        key: str | None
        if self._query is None:
            assert self._preview_sort is not None
            key, descending = self._preview_sort
        else:
            key, descending = self._query.sort_key, self._query.descending
        if key is None:
            from kommunpolis.services.listing import default_sort

            key, descending = default_sort(self._kind)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        return self.column_of(key), order

    # --- arriving results -----------------------------------------------------------

    def _ids_arrived(
        self,
        request: int,
        ids: Sequence[bytes],
        positions: dict[bytes, int],
    ) -> None:
        if request != self._ids_request:
            return  # a newer request is on its way
        self._replace_ids(list(ids), positions)
        self._set_loading(False)
        self.ids_loaded.emit(len(self._ids))

    def _replace_ids(self, new_ids: list[bytes], positions: dict[bytes, int]) -> None:
        """Swap in a new order, moving persistent indexes (the selection) with their records.

        Rows are first added (if the list grows), then reordered with the persistent
        indexes moved, then cut (if it shrinks): the steps Qt's views and
        QAbstractItemModelTester expect, and cheap on the GUI thread (no per-row Python).
        """
        old_ids = self._ids
        old_count, new_count = len(old_ids), len(new_ids)
        if self._previewing:
            # The preview's rows were read moments ago in this order: they stay on
            # screen (no blink of '…'); only the rows beyond them are fetched.
            self._previewing = False
        else:
            self._rows.clear()  # the data may have changed too: what is shown is fetched anew
        if new_count > old_count:
            self.beginInsertRows(QModelIndex(), old_count, new_count - 1)
            self._ids = old_ids + new_ids[old_count:]  # stand-ins until the reorder below
            self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        # Records that left the list keep rows after the new ones until those are removed.
        padding = old_ids[: max(0, old_count - new_count)]
        for persistent in self.persistentIndexList():
            row = persistent.row()
            moved = positions.get(old_ids[row]) if 0 <= row < old_count else None
            target = QModelIndex() if moved is None else self.index(moved, persistent.column())
            self.changePersistentIndex(persistent, target)
        self._ids = new_ids + padding
        self._positions = positions
        self.layoutChanged.emit()
        if len(self._ids) > new_count:
            self.beginRemoveRows(QModelIndex(), new_count, len(self._ids) - 1)
            self._ids = new_ids
            self.endRemoveRows()
        # Pages asked for during the steps above came from a passing order: they only
        # fill the cache; the rows now shown are asked for again.
        self._generation += 1
        self._requested.clear()

    def _request_page(self, page: int) -> None:
        listing = self._listing
        if page in self._requested or listing is None:
            return
        self._requested.add(page)
        start = page * self._page_size
        wanted = [
            uuid.UUID(bytes=key)
            for key in self._ids[start : start + self._page_size]
            if key not in self._rows
        ]
        if not wanted:
            return
        generation, kind = self._generation, self._kind
        self.page_requests += 1
        self._worker.submit(
            lambda: listing.rows(kind, wanted),
            lambda rows: self._page_arrived(generation, page, rows),
            self._failed,
            owner=self,
        )

    def _page_arrived(self, generation: int, page: int, rows: Sequence[ListRow]) -> None:
        for row in rows:
            self._rows[row.id.bytes] = row
            self._rows.move_to_end(row.id.bytes)
        while len(self._rows) > MAX_CACHED_ROWS:
            self._rows.popitem(last=False)
        if generation != self._generation:
            self._requested.discard(page)
            return
        first = page * self._page_size
        last = min(first + self._page_size, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))

    def _row_updated(self, rows: Sequence[ListRow]) -> None:
        for row in rows:
            self._rows[row.id.bytes] = row
            number = self.row_of(row.id)
            if number is not None:
                self.dataChanged.emit(
                    self.index(number, 0), self.index(number, len(self._columns) - 1)
                )

    def _failed(self, error: KnownError) -> None:
        self._set_loading(False)
        self.load_failed.emit(error)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _show_first_page(self, first_page: FirstPage) -> None:
        """Show a first page read before the listing service was there (a preview)."""
        self.beginResetModel()
        self._ids = [row.id for row in first_page.rows]
        self._positions = {key: number for number, key in enumerate(self._ids)}
        self._rows = OrderedDict((row.id, row) for row in first_page.rows)
        self._previewing = True
        self.endResetModel()

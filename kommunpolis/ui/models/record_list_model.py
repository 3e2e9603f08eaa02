"""A lazy table model over one kind of record: ids first, rows a page at a time.

The ids of every matching record arrive from the database worker in display order
(sorted and filtered in SQL); a row's values are asked for only when a view touches
it, a page at a time, again through the worker. The GUI thread never queries the
database. Reordering keeps the selection: persistent indexes follow their record.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date, datetime
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from kommunpolis.domain.errors import KnownError
from kommunpolis.services.listing import (
    ListColumn,
    ListingService,
    ListQuery,
    ListRow,
    ValueType,
    columns,
    default_sort,
)
from kommunpolis.ui.labels import label
from kommunpolis.ui.tasks import DatabaseWorker

CONTEXT = "RecordListModel"
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

# Header labels by column key (marked for lupdate, translated when shown).
_HEADERS: dict[str, object] = {
    "starts_at": QT_TRANSLATE_NOOP(CONTEXT, "Datum"),
    "title": QT_TRANSLATE_NOOP(CONTEXT, "Titel"),
    "name": QT_TRANSLATE_NOOP(CONTEXT, "Namn"),
    "format": QT_TRANSLATE_NOOP(CONTEXT, "Form"),
    "municipality": QT_TRANSLATE_NOOP(CONTEXT, "Kommun"),
    "status": QT_TRANSLATE_NOOP(CONTEXT, "Status"),
    "concern_count": QT_TRANSLATE_NOOP(CONTEXT, "Synpunkter"),
    "participant_count": QT_TRANSLATE_NOOP(CONTEXT, "Deltagare"),
    "meeting_type": QT_TRANSLATE_NOOP(CONTEXT, "Mötestyp"),
    "minutes_status": QT_TRANSLATE_NOOP(CONTEXT, "Protokoll"),
    "action_item_count": QT_TRANSLATE_NOOP(CONTEXT, "Åtgärdspunkter"),
    "due_on": QT_TRANSLATE_NOOP(CONTEXT, "Klart senast"),
    "what": QT_TRANSLATE_NOOP(CONTEXT, "Vad"),
    "responsible": QT_TRANSLATE_NOOP(CONTEXT, "Ansvarig"),
    "meeting": QT_TRANSLATE_NOOP(CONTEXT, "Möte"),
    "scope": QT_TRANSLATE_NOOP(CONTEXT, "Omfattning"),
    "owner": QT_TRANSLATE_NOOP(CONTEXT, "Ägare"),
    "period_start": QT_TRANSLATE_NOOP(CONTEXT, "Från"),
    "period_end": QT_TRANSLATE_NOOP(CONTEXT, "Till"),
    "problem_count": QT_TRANSLATE_NOOP(CONTEXT, "Problem"),
    "priority": QT_TRANSLATE_NOOP(CONTEXT, "Prioritet"),
    "created_at": QT_TRANSLATE_NOOP(CONTEXT, "Registrerat"),
    "measure_count": QT_TRANSLATE_NOOP(CONTEXT, "Åtgärder"),
    "promise": QT_TRANSLATE_NOOP(CONTEXT, "Medborgarlöfte"),
    "ends_on": QT_TRANSLATE_NOOP(CONTEXT, "Slutdatum"),
    "mark": QT_TRANSLATE_NOOP(CONTEXT, "Markering"),
    "held_on": QT_TRANSLATE_NOOP(CONTEXT, "Datum"),
    "kind": QT_TRANSLATE_NOOP(CONTEXT, "Typ"),
    "hours": QT_TRANSLATE_NOOP(CONTEXT, "Timmar"),
    "reported_to": QT_TRANSLATE_NOOP(CONTEXT, "Rapporterad till"),
    "party_count": QT_TRANSLATE_NOOP(CONTEXT, "Parter"),
    "place_kind": QT_TRANSLATE_NOOP(CONTEXT, "Typ av plats"),
    "organisation_kind": QT_TRANSLATE_NOOP(CONTEXT, "Typ av organisation"),
    "contact_count": QT_TRANSLATE_NOOP(CONTEXT, "Kontakter"),
    "job_title": QT_TRANSLATE_NOOP(CONTEXT, "Befattning"),
    "organisation": QT_TRANSLATE_NOOP(CONTEXT, "Organisation"),
    "email": QT_TRANSLATE_NOOP(CONTEXT, "E-post"),
    "phone": QT_TRANSLATE_NOOP(CONTEXT, "Telefon"),
    "theme": QT_TRANSLATE_NOOP(CONTEXT, "Tema"),
    "text": QT_TRANSLATE_NOOP(CONTEXT, "Synpunkt"),
    "place": QT_TRANSLATE_NOOP(CONTEXT, "Plats"),
    "raised_count": QT_TRANSLATE_NOOP(CONTEXT, "Antal"),
    "dialogue": QT_TRANSLATE_NOOP(CONTEXT, "Dialog"),
    "position": QT_TRANSLATE_NOOP(CONTEXT, "Ordning"),
    "source_kind": QT_TRANSLATE_NOOP(CONTEXT, "Källa"),
    "unit": QT_TRANSLATE_NOOP(CONTEXT, "Enhet"),
    "baseline": QT_TRANSLATE_NOOP(CONTEXT, "Utgångsvärde"),
    "target": QT_TRANSLATE_NOOP(CONTEXT, "Målvärde"),
    "latest_value": QT_TRANSLATE_NOOP(CONTEXT, "Senaste värde"),
}


def header_label(key: str) -> str:
    """Return the translated header of a column key."""
    source = _HEADERS.get(key)
    return QCoreApplication.translate(CONTEXT, str(source)) if source else key


def column_enum(kind: str) -> type[IntEnum]:
    """Return the named columns of ``kind`` as an IntEnum (e.g. ``Column.TITLE``)."""
    members = {column.key.upper(): number for number, column in enumerate(columns(kind))}
    return IntEnum(f"{kind.title().replace('-', '')}Column", members)  # type: ignore[return-value]


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
        listing: ListingService,
        worker: DatabaseWorker,
        page_size: int = PAGE_SIZE,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._kind = kind
        self._listing = listing
        self._worker = worker
        self._page_size = page_size
        self._columns: tuple[ListColumn, ...] = columns(kind)
        self.Column = column_enum(kind)
        self._query = ListQuery()
        # The ids' 16 bytes (ListingService.id_keys): cheap to hash, ignored by the GC.
        self._ids: list[bytes] = []
        self._positions: dict[bytes, int] = {}
        self._rows: OrderedDict[bytes, ListRow] = OrderedDict()
        self._requested: set[int] = set()
        # Bumped whenever the order changes: page answers for an older order only fill the cache.
        self._generation = 0
        self._ids_request = 0
        self._loading = False
        self.page_requests = 0
        self.ids_requests = 0
        self._locale = QLocale()

    # --- what the view and the owner call -------------------------------------------

    @property
    def kind(self) -> str:
        """The record kind listed."""
        return self._kind

    @property
    def query(self) -> ListQuery:
        """The current filters and sort."""
        return self._query

    @property
    def loading(self) -> bool:
        """Whether a new set of ids is on its way."""
        return self._loading

    @property
    def list_columns(self) -> tuple[ListColumn, ...]:
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
        """Filter and sort anew (in SQL, on the worker)."""
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        """Load the ids again; rows are fetched anew, the selection follows its records."""
        self._ids_request += 1
        request = self._ids_request
        query, kind, listing = self._query, self._kind, self._listing
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
        if record_id.bytes not in self._positions:
            return
        kind, listing = self._kind, self._listing
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
            return self._alignment(column)
        row = self._rows.get(key)
        if row is None:
            if role in (Qt.ItemDataRole.DisplayRole, STATUS_ROLE, SORT_KEY_ROLE):
                self._request_page(row_number // self._page_size)
            if role == Qt.ItemDataRole.DisplayRole and column_number == 0:
                return PENDING_TEXT
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, row.values[column_number])
        if role == STATUS_ROLE:
            return row.status
        if role == SORT_KEY_ROLE:
            return row.values[column_number]
        if role == DELETED_ROLE:
            return row.deleted
        if role == Qt.ItemDataRole.ToolTipRole and column.value_type is ValueType.TEXT:
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
        if 0 <= column < len(self._columns) and self._columns[column].sortable:
            key: str | None = self._columns[column].key
            descending = order == Qt.SortOrder.DescendingOrder
        else:
            key, descending = None, False
        query = self._query
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
        key, descending = self._query.sort_key, self._query.descending
        if key is None:
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
        if page in self._requested:
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
        generation, kind, listing = self._generation, self._kind, self._listing
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

    # --- formatting -----------------------------------------------------------------

    @staticmethod
    def _alignment(column: ListColumn) -> int:
        if column.value_type in (ValueType.INTEGER, ValueType.NUMBER):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def _display(self, column: ListColumn, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, StrEnum):
            return label(value)
        if isinstance(value, datetime):
            moment = QDateTime.fromMSecsSinceEpoch(
                int(value.timestamp() * 1000), QTimeZone.systemTimeZone()
            )
            return self._locale.toString(moment, QLocale.FormatType.ShortFormat)
        if isinstance(value, date):
            return self._locale.toString(
                QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
            )
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return self._locale.toString(value)
        if isinstance(value, float):
            return self._locale.toString(value, "g", 6)
        return str(value)

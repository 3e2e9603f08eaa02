"""A section's list: a filter bar over a lazy, SQL-sorted table of one kind of record.

At start-up a list may be built as a preview, before the database layer has loaded:
it shows the first page read with plain sqlite3, its filters still disabled, and
becomes the full list in place when :meth:`RecordListView.attach` gives it the context.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import KnownError
from kommunpolis.storage.first_page import FirstPage
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.errors import describe
from kommunpolis.ui.labels import kind_label, label
from kommunpolis.ui.models.record_list_model import ID_ROLE, RecordListModel
from kommunpolis.ui.tasks import DatabaseWorker

if TYPE_CHECKING:
    # SQLAlchemy: imported where used, once the database layer is there (see above).
    from kommunpolis.services.listing import FilterOptions, ListingService, ListQuery

SETTINGS_GROUP = "lists"
# A date edit showing its minimum shows the special text: "no date chosen".
NO_DATE = QDate(2000, 1, 1)


class _RecordTable(QTableView):
    """The table; Enter activates the current row like a double-click."""

    activated_by_key = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        """Enter and Return open the current record."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


@dataclass(frozen=True)
class ListPreview:
    """What a list needs to show its first page before the context exists."""

    settings: QSettings
    worker: DatabaseWorker
    first_page: FirstPage


class RecordListView(QWidget):
    """Filters, a sortable lazy table and a count for one record kind."""

    record_selected = Signal(str, object)  # (kind, uuid.UUID)
    record_activated = Signal(str, object)  # (kind, uuid.UUID)

    def __init__(
        self,
        context: UiContext | None,
        kind: str,
        parent: QWidget | None = None,
        *,
        preview: ListPreview | None = None,
    ) -> None:
        super().__init__(parent)
        self._context: UiContext | None = None
        self._kind = kind
        if context is not None:
            self._settings, worker = context.settings, context.worker
        elif preview is not None:
            self._settings, worker = preview.settings, preview.worker
        else:
            raise ValueError("a list needs its context or a preview")
        self._listing: ListingService | None = None
        self._pending_selection: uuid.UUID | None = None
        self._sort_key: str | None = None
        self._descending = False
        self._options: FilterOptions | None = None
        self.setObjectName(f"record-list-{kind}")

        first_page = None
        if context is None and preview is not None:
            saved = self._settings.value(self._key("sort"))
            descending = self._settings.value(self._key("descending"), False, type=bool)
            first_page = preview.first_page
            if saved is not None and (saved, bool(descending)) != (
                first_page.sort_key,
                first_page.descending,
            ):
                # Its rows are in the default order, not the one chosen: columns only.
                first_page = replace(first_page, rows=())
        if context is not None:
            from kommunpolis.services.listing import ListingService

            self._listing = ListingService(uow=context.services.unit_of_work)
        self.model = RecordListModel(
            kind=kind,
            listing=self._listing,
            worker=worker,
            first_page=first_page,
            parent=self,
        )

        self._municipality = QComboBox()
        self._municipality.setMinimumContentsLength(14)
        self._municipality.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._from = self._date_edit()
        self._to = self._date_edit()
        self._status = QComboBox()
        self._theme = QComboBox()
        self._theme.setMinimumContentsLength(12)
        self._include_deleted = QCheckBox(self.tr("Visa borttagna"))
        self._count = QLabel()
        self._count.setObjectName("record-count")

        # Two short rows rather than one long one, so the list can share the window
        # with the editor beside it.
        bar = QVBoxLayout()
        bar.setContentsMargins(6, 4, 6, 2)
        bar.setSpacing(4)
        what, when = QHBoxLayout(), QHBoxLayout()
        bar.addLayout(what)
        bar.addLayout(when)
        self._filter_labels: dict[QWidget, QLabel] = {}
        for row, text, widget in (
            (what, self.tr("&Kommun:"), self._municipality),
            (what, self.tr("S&tatus:"), self._status),
            (what, self.tr("T&ema:"), self._theme),
            (when, self.tr("&Från:"), self._from),
            (when, self.tr("&Till:"), self._to),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            widget.setAccessibleName(caption.text().replace("&", "").rstrip(":"))
            self._filter_labels[widget] = caption
            row.addWidget(caption)
            row.addWidget(widget)
        what.addStretch(1)
        when.addWidget(self._include_deleted)
        when.addStretch(1)
        when.addWidget(self._count)

        self.table = _RecordTable()
        self.table.setModel(self.model)
        self.table.setObjectName(f"record-table-{kind}")
        self.table.setAccessibleName(kind_label(kind, plural=True))
        self.table.setSortingEnabled(False)  # the header click is handled below, in SQL
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        # Fixed row heights: the view never measures 100 000 rows.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.setTabOrder(self._municipality, self._from)
        self.setTabOrder(self._from, self._to)
        self.setTabOrder(self._to, self._status)
        self.setTabOrder(self._status, self._theme)
        self.setTabOrder(self._theme, self._include_deleted)
        self.setTabOrder(self._include_deleted, self.table)

        self._restore_settings()
        self._fill_static_filters()
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self._apply_filters)

        header.sectionClicked.connect(self._header_clicked)
        header.sectionResized.connect(self._save_widths)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.doubleClicked.connect(self._activate)
        self.table.activated_by_key.connect(self._activate)
        self.model.ids_loaded.connect(self._ids_loaded)
        self.model.load_failed.connect(self._load_failed)
        for combo in (self._municipality, self._status, self._theme):
            combo.currentIndexChanged.connect(self._filter_timer.start)
        for edit in (self._from, self._to):
            edit.dateChanged.connect(self._filter_timer.start)
        self._include_deleted.toggled.connect(self._filter_timer.start)
        self._count.setText(self.tr("Läser in …"))
        if self.model.rowCount() > 0:
            self._show_sort_indicator()
        if context is not None:
            self.attach(context)

    def attach(self, context: UiContext) -> None:
        """Connect to the open database: load the filters' choices and the ids.

        A preview keeps its rows and selection; the full list grows in beneath them.
        """
        from kommunpolis.services.listing import ListingService

        if self._context is not None:
            return
        self._context = context
        if self._listing is None:
            self._listing = ListingService(uow=context.services.unit_of_work)
        events = context.events
        events.record_saved.connect(self._record_saved)
        events.record_deleted.connect(self._record_changed_membership)
        events.record_restored.connect(self._record_changed_membership)
        events.records_imported.connect(self.model.refresh)
        listing, profiles, kind_name = self._listing, context.services.profiles, self._kind

        def options() -> tuple[FilterOptions, tuple[str, ...]]:
            profile = profiles.current()
            return listing.filter_options(kind_name), profile.municipality_codes if profile else ()

        context.worker.submit(options, self._options_arrived, self._load_failed, owner=self)
        self.model.set_query(self._query_from_filters())
        if not self.model.attached:
            self.model.attach(listing)

    # --- the shell's API ------------------------------------------------------------

    @property
    def kind(self) -> str:
        """The record kind listed."""
        return self._kind

    def current_id(self) -> uuid.UUID | None:
        """Return the id of the current row, if any."""
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def refresh(self) -> None:
        """Load the list again, keeping the selection where the records still are."""
        self.model.refresh()

    def select_record(self, record_id: uuid.UUID) -> None:
        """Scroll to and select ``record_id`` (after the ids arrive, if they are loading)."""
        row = self.model.row_of(record_id)
        if row is None or self.model.loading:
            self._pending_selection = record_id
            if not self.model.loading:
                self.model.refresh()
            return
        self._pending_selection = None
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    # --- filters ----------------------------------------------------------------------

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("–"))
        edit.setDate(NO_DATE)
        return edit

    def _fill_static_filters(self) -> None:
        self._municipality.addItem(self.tr("Alla kommuner"), ())
        self._status.addItem(self.tr("Alla"), ())
        self._theme.addItem(self.tr("Alla teman"), None)
        for widget in (self._municipality, self._from, self._to, self._status, self._theme):
            widget.setEnabled(False)

    def _options_arrived(self, result: tuple[FilterOptions, tuple[str, ...]]) -> None:
        options, own_codes = result
        self._options = options
        combos = (self._municipality, self._status, self._theme)
        for combo in combos:
            combo.blockSignals(True)
        by_code = {view.code: view for view in options.municipalities}
        own = [code for code in own_codes if code in by_code]
        if len(own) > 1:
            self._municipality.addItem(self.tr("Mina kommuner"), tuple(own))
        for code in own:
            self._municipality.addItem(by_code[code].name, (code,))
        if own:
            self._municipality.insertSeparator(self._municipality.count())
        for view in options.municipalities:
            if view.code not in own:
                self._municipality.addItem(view.name, (view.code,))
        from kommunpolis.services.listing import status_enum as listing_status_enum

        status_enum = listing_status_enum(self._kind)
        if status_enum is not None:
            for code in options.statuses:
                self._status.addItem(label(status_enum(code)), (code,))
        for theme_id, name in options.themes:
            self._theme.addItem(name, theme_id)
        for widget, applies in (
            (self._municipality, options.municipality),
            (self._from, options.period),
            (self._to, options.period),
            (self._status, bool(options.statuses)),
            (self._theme, bool(options.themes)),
        ):
            widget.setEnabled(applies)
            widget.setVisible(applies)
            self._filter_labels[widget].setVisible(applies)
        for combo in combos:
            combo.blockSignals(False)

    def _query_from_filters(self) -> ListQuery:
        from kommunpolis.services.listing import ListQuery

        def picked(edit: QDateEdit) -> date | None:
            chosen = edit.date()
            if chosen == NO_DATE or not edit.isEnabled():
                return None
            return date(chosen.year(), chosen.month(), chosen.day())

        sort_key, descending = self._sort_key, self._descending
        return ListQuery(
            municipality_codes=tuple(self._municipality.currentData() or ())
            if self._municipality.isEnabled()
            else (),
            period_from=picked(self._from),
            period_to=picked(self._to),
            statuses=tuple(self._status.currentData() or ()) if self._status.isEnabled() else (),
            theme_id=self._theme.currentData() if self._theme.isEnabled() else None,
            include_deleted=self._include_deleted.isChecked(),
            sort_key=sort_key,
            descending=descending,
        )

    def _apply_filters(self) -> None:
        self._count.setText(self.tr("Läser in …"))
        self.model.set_query(self._query_from_filters())

    # --- reactions --------------------------------------------------------------------

    def _header_clicked(self, section: int) -> None:
        if not self.model.attached:
            return  # a preview sorts once the database layer is there
        column, order = self.model.sort_state()
        if section == column:
            order = (
                Qt.SortOrder.AscendingOrder
                if order == Qt.SortOrder.DescendingOrder
                else Qt.SortOrder.DescendingOrder
            )
        else:
            order = Qt.SortOrder.AscendingOrder
        if not self.model.list_columns[section].sortable:
            return
        self._sort_key = self.model.list_columns[section].key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.model.sort(section, order)
        self._show_sort_indicator()
        settings = self._settings
        settings.setValue(self._key("sort"), self.model.list_columns[section].key)
        settings.setValue(self._key("descending"), order == Qt.SortOrder.DescendingOrder)

    def _show_sort_indicator(self) -> None:
        column, order = self.model.sort_state()
        self.table.horizontalHeader().setSortIndicator(column, order)

    def _ids_loaded(self, count: int) -> None:
        self._count.setText(self._count_text(count))
        self._show_sort_indicator()
        if self._pending_selection is not None:
            pending = self._pending_selection
            self._pending_selection = None
            if self.model.row_of(pending) is not None:
                self.select_record(pending)

    def _count_text(self, count: int) -> str:
        number = self.locale().toString(count)
        name = kind_label(self._kind, plural=count != 1).lower()
        return self.tr("%1 %2").replace("%1", number).replace("%2", name)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.record_selected.emit(self._kind, current.data(ID_ROLE))

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.record_activated.emit(self._kind, index.data(ID_ROLE))

    def _record_saved(self, kind: str, record_id: object) -> None:
        if kind != self._kind or not isinstance(record_id, uuid.UUID):
            return
        if self.model.row_of(record_id) is None:
            self.model.refresh()  # a new record: it may belong in the list
        else:
            self.model.update_record(record_id)

    def _record_changed_membership(self, kind: str, _record_id: object) -> None:
        if kind == self._kind:
            self.model.refresh()

    def _load_failed(self, error: KnownError) -> None:
        title, message = describe(error)
        self._count.setText(title)
        self._count.setToolTip(message)

    # --- remembered state -------------------------------------------------------------

    def _key(self, name: str) -> str:
        return f"{SETTINGS_GROUP}/{self._kind}/{name}"

    def _restore_settings(self) -> None:
        settings = self._settings
        key = settings.value(self._key("sort"))
        descending = settings.value(self._key("descending"), False, type=bool)
        keys = [column.key for column in self.model.list_columns if column.sortable]
        if isinstance(key, str) and key in keys:
            self._sort_key, self._descending = key, bool(descending)
        widths = settings.value(self._key("widths"))
        header = self.table.horizontalHeader()
        if isinstance(widths, list) and len(widths) == self.model.columnCount():
            for section, width in enumerate(widths):
                if str(width).isdigit() and int(width) > 10:
                    header.resizeSection(section, int(width))
        else:
            for section, column in enumerate(self.model.list_columns):
                header.resizeSection(
                    section, 260 if column.key in ("title", "text", "what", "name") else 130
                )

    def _save_widths(self) -> None:
        header = self.table.horizontalHeader()
        widths = [header.sectionSize(section) for section in range(header.count())]
        self._settings.setValue(self._key("widths"), widths)

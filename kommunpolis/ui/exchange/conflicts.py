"""Konflikter: fields changed on two devices at once, shown side by side to decide."""

from __future__ import annotations

import json
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import KnownError
from kommunpolis.services.coordination import ConflictView
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.editors.field_text import field_label
from kommunpolis.ui.exchange.common import (
    ITEM_ROLE,
    BatchedTableModel,
    MessageBanner,
    local_time,
    table_label,
)
from kommunpolis.ui.labels import kind_label


def value_text(value: Any) -> str:
    """Return a conflicting value as a person reads it."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "✓" if value else "–"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def current_and_other(view: ConflictView) -> tuple[Any, Any]:
    """Return the value kept for now (the provisional winner) and the other one."""
    conflict = view.conflict
    if conflict.winner == "local":
        return conflict.local_value, conflict.incoming_value
    return conflict.incoming_value, conflict.local_value


class ConflictListModel(BatchedTableModel[ConflictView]):
    """The open conflicts, oldest first."""

    class Column(IntEnum):
        """The model's columns."""

        KIND = 0
        TITLE = 1
        FIELD = 2
        DETECTED = 3

    COLUMN_COUNT = len(Column)

    def header(self, column: int) -> str:
        """Return a column's header."""
        return {
            self.Column.KIND: self.tr("Typ"),
            self.Column.TITLE: self.tr("Post"),
            self.Column.FIELD: self.tr("Fält"),
            self.Column.DETECTED: self.tr("Upptäckt"),
        }[self.Column(column)]

    def cell(self, item: ConflictView, column: int) -> object:
        """Return what a cell shows."""
        match self.Column(column):
            case self.Column.KIND:
                return kind_label(item.kind) if item.kind else table_label(item.conflict.table)
            case self.Column.TITLE:
                return item.title or self.tr("(utan titel)")
            case self.Column.FIELD:
                return (
                    field_label(item.kind, item.conflict.field)
                    if item.kind
                    else (item.conflict.field)
                )
            case self.Column.DETECTED:
                return local_time(item.conflict.detected_at)


class ConflictsPanel(QWidget):
    """List open conflicts; show the chosen one side by side; keep one value."""

    count_changed = Signal(int)
    resolved = Signal(object)  # the resolved ConflictInfo

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._service = context.services.coordination
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.empty = QLabel(
            self.tr("Inga öppna konflikter. Allt som importerats har gått ihop."), self
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.model = ConflictListModel(self)
        self.table = QTableView(splitter)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Öppna konflikter"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ConflictListModel.Column.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)

        detail = QGroupBox(self.tr("Välj vilket värde som ska gälla"), splitter)
        grid = QGridLayout(detail)
        self.detail_title = QLabel(detail)
        self.detail_title.setWordWrap(True)
        font = self.detail_title.font()
        font.setBold(True)
        self.detail_title.setFont(font)
        current_label = QLabel(self.tr("&Nuvarande värde"), detail)
        other_label = QLabel(self.tr("&Andra värdet"), detail)
        self.current_value = QPlainTextEdit(detail)
        self.other_value = QPlainTextEdit(detail)
        for label, editor in ((current_label, self.current_value), (other_label, self.other_value)):
            editor.setReadOnly(True)
            editor.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            editor.setTabChangesFocus(True)
            label.setBuddy(editor)
        self.current_value.setAccessibleName(self.tr("Nuvarande värde"))
        self.other_value.setAccessibleName(self.tr("Andra värdet"))
        self.current_note = QLabel(detail)
        self.current_note.setWordWrap(True)
        self.other_note = QLabel(detail)
        self.other_note.setWordWrap(True)
        self.keep_current = QPushButton(self.tr("Behåll nuvarande"), detail)
        self.keep_other = QPushButton(self.tr("Välj det andra"), detail)
        self.open_button = QPushButton(self.tr("Öppna posten"), detail)
        self.keep_current.clicked.connect(lambda: self.resolve("current"))
        self.keep_other.clicked.connect(lambda: self.resolve("other"))
        self.open_button.clicked.connect(self.open_record)
        grid.addWidget(self.detail_title, 0, 0, 1, 2)
        grid.addWidget(current_label, 1, 0)
        grid.addWidget(other_label, 1, 1)
        grid.addWidget(self.current_value, 2, 0)
        grid.addWidget(self.other_value, 2, 1)
        grid.addWidget(self.current_note, 3, 0)
        grid.addWidget(self.other_note, 3, 1)
        grid.addWidget(self.keep_current, 4, 0)
        grid.addWidget(self.keep_other, 4, 1)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        grid.addLayout(row, 5, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.detail = detail
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.banner = MessageBanner(self)
        layout.addWidget(self.banner)
        self.setTabOrder(self.table, self.current_value)
        self.setTabOrder(self.current_value, self.other_value)
        self.setTabOrder(self.other_value, self.keep_current)
        self.setTabOrder(self.keep_current, self.keep_other)
        self.setTabOrder(self.keep_other, self.open_button)
        self._show(None)

    def reload(self) -> None:
        """Read the open conflicts on the worker."""
        self._context.worker.submit(
            self._service.open_conflicts, self._loaded, self.banner.show_error, owner=self
        )

    def _loaded(self, views: tuple[ConflictView, ...]) -> None:
        self.model.set_items(views)
        self.empty.setVisible(not views)
        self.count_changed.emit(len(views))
        if views:
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self._show(None)

    def current(self) -> ConflictView | None:
        """Return the conflict shown."""
        item = self.table.currentIndex().data(ITEM_ROLE)
        return item if isinstance(item, ConflictView) else None

    def _show_current(self) -> None:
        self._show(self.current())

    def _show(self, view: ConflictView | None) -> None:
        self.detail.setEnabled(view is not None)
        if view is None:
            self.detail_title.clear()
            self.current_value.clear()
            self.other_value.clear()
            self.current_note.clear()
            self.other_note.clear()
            return
        kind = kind_label(view.kind) if view.kind else table_label(view.conflict.table)
        field = field_label(view.kind, view.conflict.field) if view.kind else view.conflict.field
        self.detail_title.setText(
            self.tr("{kind} ”{title}”: {field}").format(
                kind=kind, title=view.title or self.tr("(utan titel)"), field=field
            )
        )
        current, other = current_and_other(view)
        self.current_value.setPlainText(value_text(current))
        self.other_value.setPlainText(value_text(other))
        here = self.tr("ändrat här")
        there = self.tr("från det importerade paketet")
        local_first = view.conflict.winner == "local"
        self.current_note.setText(here if local_first else there)
        self.other_note.setText(there if local_first else here)
        self.open_button.setEnabled(view.kind is not None)

    def resolve(self, keep: str) -> None:
        """Close the shown conflict keeping ``current`` or ``other`` (on the worker)."""
        view = self.current()
        if view is None:
            return
        importing = self._context.services.importing
        conflict_id = view.conflict.id
        self.keep_current.setEnabled(False)
        self.keep_other.setEnabled(False)

        def done(info: object) -> None:
            self._enable_buttons()
            self.banner.show_success(self.tr("Konflikten är löst"))
            if view.kind is not None:
                self._context.events.record_saved.emit(view.kind, view.conflict.record_id)
            self.resolved.emit(info)
            self.reload()

        def failed(error: KnownError) -> None:
            self._enable_buttons()
            self.banner.show_error(error)
            self.reload()

        self._context.worker.submit(
            lambda: importing.resolve(conflict_id, keep=keep), done, failed, owner=self
        )

    def _enable_buttons(self) -> None:
        self.keep_current.setEnabled(True)
        self.keep_other.setEnabled(True)

    def open_record(self) -> None:
        """Show the conflict's record in its editor."""
        view = self.current()
        if view is not None and view.kind is not None:
            self._context.events.open_record_requested.emit(view.kind, view.conflict.record_id)

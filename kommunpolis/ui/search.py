"""The search dialog (Ctrl+F / Ctrl+K): one box, results grouped by kind, Enter opens.

Typing is debounced; the search runs on the database worker, and only the answer to the
latest text is shown (a search still running when the text changes is left to finish,
then its answer is dropped and the newest text is searched).
"""

from __future__ import annotations

import html
import uuid
import weakref
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import InvalidInput, KnownError
from kommunpolis.services.search import SearchHit, SearchResults, SearchService
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.errors import describe
from kommunpolis.ui.labels import kind_label

DEBOUNCE_MS = 180
_NO_PARENT = QModelIndex()
_MARK_STYLE = "background-color: #ffe58a; color: #1f1f1f; font-weight: 600;"


class SearchColumn(IntEnum):
    """The one column of the results list."""

    RESULT = 0


class SearchRole(IntEnum):
    """Data roles of the results model beyond Qt's own."""

    KIND = Qt.ItemDataRole.UserRole + 1
    RECORD_ID = Qt.ItemDataRole.UserRole + 2
    IS_HEADER = Qt.ItemDataRole.UserRole + 3
    # Rich text (escaped HTML) with the matched words marked.
    HTML = Qt.ItemDataRole.UserRole + 4


@dataclass(frozen=True)
class _Row:
    kind: str
    hit: SearchHit | None  # None: the group's header
    total: int = 0
    total_capped: bool = False


def _marked_html(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    parts, position = [], 0
    for start, end in spans:
        parts.append(html.escape(text[position:start]))
        parts.append(f'<span style="{_MARK_STYLE}">{html.escape(text[start:end])}</span>')
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts)


class SearchResultsModel(QAbstractListModel):
    """The hits as one flat list: a header row per kind, then that kind's hits."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def set_results(self, results: SearchResults) -> None:
        """Replace the rows with ``results``."""
        self.beginResetModel()
        self._rows = []
        for group in results.groups:
            self._rows.append(_Row(group.kind, None, group.total, group.total_capped))
            self._rows.extend(_Row(group.kind, hit) for hit in group.hits)
        self.endResetModel()

    def clear(self) -> None:
        """Show no rows."""
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def hit_count(self) -> int:
        """How many hit rows (not headers) are shown."""
        return sum(1 for row in self._rows if row.hit is not None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:  # Qt
        """Return the number of rows (none below a row: this is a list)."""
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:  # Qt override
        """Hits can be selected; headers cannot."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].hit is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(  # Qt override
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Return the row's text, rich text, kind, id or header flag."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        hit = row.hit
        if role == SearchRole.KIND:
            return row.kind
        if role == SearchRole.IS_HEADER:
            return hit is None
        if role == SearchRole.RECORD_ID:
            return hit.id if hit is not None else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if hit is None:
                return self._header_text(row)
            when = _local_date(hit)
            return f"{hit.title} — {hit.snippet}" + (f" ({when})" if when else "")
        if role == SearchRole.HTML:
            if hit is None:
                return html.escape(self._header_text(row))
            when = _local_date(hit)
            date_html = f' <span style="color: palette(mid);">{html.escape(when)}</span>'
            title = _marked_html(hit.title, hit.title_highlights)
            snippet = _marked_html(hit.snippet, hit.highlights)
            return f"<b>{title}</b>{date_html if when else ''}<br/><span>{snippet}</span>"
        return None

    def _header_text(self, row: _Row) -> str:
        count = f"{row.total}+" if row.total_capped else str(row.total)
        return self.tr("{kind} ({count})").format(
            kind=kind_label(row.kind, plural=True), count=count
        )


def _local_date(hit: SearchHit) -> str:
    if hit.happened_at is None:
        return ""
    day = hit.happened_at.astimezone().date()
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


class SearchResultDelegate(QStyledItemDelegate):
    """Paint a hit as its title, date and snippet (matches marked); a header in bold."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        text = str(index.data(SearchRole.HTML) or "")
        if index.data(SearchRole.IS_HEADER):
            text = f"<b>{text}</b>"
        document.setHtml(text)
        document.setTextWidth(max(option.rect.width() - 12, 80))
        return document

    def paint(  # Qt override
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the selection background, then the rich text."""
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_backup = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text_backup
        document = self._document(option, index)
        painter.save()
        rect = option.rect
        top = rect.top() + (10 if index.data(SearchRole.IS_HEADER) else 3)
        painter.translate(rect.left() + 6, top)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            selected_text = option.palette.highlightedText().color()
            context.palette.setColor(context.palette.ColorRole.Text, selected_text)
        painter.setClipRect(QRectF(0, 0, rect.width() - 6, rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(  # Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Fit the rich text at the view's width."""
        self.initStyleOption(option, index)
        document = self._document(option, index)
        extra = 14 if index.data(SearchRole.IS_HEADER) else 6
        return QSize(int(document.idealWidth()), int(document.size().height()) + extra)


class SearchDialog(QDialog):
    """Find any dialogue, concern, meeting, problem, promise or measure as you type."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._service = SearchService(uow=context.services.unit_of_work)
        # Each search gets a number; only the answer to the newest one is shown.
        self._generation = 0
        self._shown_generation = 0
        self._in_flight = False
        self._waiting_text: str | None = None
        self._open_when_ready = False

        self.setWindowTitle(self.tr("Sök"))
        self.setModal(False)
        self.resize(640, 520)

        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(
            self.tr("Sök i dialoger, synpunkter, möten, problem, löften och åtgärder")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Sök"))
        label = QLabel(self.tr("&Sök:"), self)
        label.setBuddy(self.search_box)

        self.model = SearchResultsModel(self)
        self.results_view = QListView(self)
        self.results_view.setModel(self.model)
        self.results_view.setItemDelegate(SearchResultDelegate(self.results_view))
        self.results_view.setAccessibleName(self.tr("Sökresultat"))
        self.results_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results_view.setUniformItemSizes(False)
        self.results_view.setWordWrap(True)
        self.results_view.activated.connect(self._open_index)

        self.status_label = QLabel(self.tr("Skriv för att söka."), self)
        self.status_label.setAccessibleName(self.tr("Sökstatus"))

        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.search_box)
        layout.addWidget(self.results_view, 1)
        layout.addWidget(self.status_label)
        self.setTabOrder(self.search_box, self.results_view)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)
        self.search_box.textChanged.connect(self._text_changed)
        self.search_box.installEventFilter(self)
        self.results_view.installEventFilter(self)
        self.search_box.setFocus()

    # --- searching ------------------------------------------------------------------------

    def _text_changed(self, _text: str) -> None:
        self._generation += 1
        self._open_when_ready = False
        self._debounce.start()

    def _search_now(self) -> None:
        text = self.search_box.text()
        if not text.strip():
            self._generation += 1
            self._shown_generation = self._generation
            self.model.clear()
            self.status_label.setText(self.tr("Skriv för att söka."))
            return
        if self._in_flight:
            # One search at a time: the newest text waits and goes next; others are skipped.
            self._waiting_text = text
            return
        self._submit(text)

    def _submit(self, text: str) -> None:
        generation = self._generation
        self._in_flight = True
        self.status_label.setText(self.tr("Söker…"))
        service = self._service
        # The job must not own the dialog: the worker thread drops its last job late, and
        # a dialog freed there would be destroyed off the GUI thread.
        dialog = weakref.ref(self)

        def done(results: SearchResults) -> None:
            if (alive := dialog()) is not None:
                alive._search_done(generation, results)

        def failed(error: KnownError) -> None:
            if (alive := dialog()) is not None:
                alive._search_failed(generation, error)

        self._context.worker.submit(lambda: service.search(text), done, failed)

    def _next(self) -> None:
        self._in_flight = False
        if self._waiting_text is not None:
            text, self._waiting_text = self._waiting_text, None
            if text == self.search_box.text():
                self._submit(text)
            else:
                self._search_now()

    def _search_done(self, generation: int, results: SearchResults) -> None:
        if generation == self._generation:
            self._shown_generation = generation
            self.model.set_results(results)
            count = self.model.hit_count()
            if count == 0:
                self.status_label.setText(self.tr("Inga träffar."))
            else:
                self.status_label.setText(self.tr("%n träff(ar) visas.", "", count))
                self._select_row(self._step_from(-1, 1))
            if self._open_when_ready:
                self._open_when_ready = False
                self.open_current()
                return
        self._next()

    def _search_failed(self, generation: int, error: KnownError) -> None:
        if generation == self._generation:
            self.model.clear()
            if isinstance(error, InvalidInput) and error.field == "search":
                self.status_label.setText(self.tr("Sökningen är för lång. Korta ner texten."))
            else:
                self.status_label.setText(describe(error)[1])
        self._next()

    # --- moving and opening ---------------------------------------------------------------

    def _step_from(self, row: int, step: int) -> int:
        """Return the next hit row from ``row`` in direction ``step`` (-1 if none)."""
        count = self.model.rowCount()
        row += step
        while 0 <= row < count:
            if not self.model.index(row, 0).data(SearchRole.IS_HEADER):
                return row
            row += step
        return -1

    def _select_row(self, row: int) -> None:
        if row < 0:
            return
        index = self.model.index(row, 0)
        self.results_view.setCurrentIndex(index)
        self.results_view.scrollTo(index)

    def _move(self, step: int) -> None:
        current = self.results_view.currentIndex()
        start = current.row() if current.isValid() else (-1 if step > 0 else self.model.rowCount())
        row = self._step_from(start, step)
        if row < 0 and step > 0:
            return
        if row < 0:
            # Above the first hit: show its group's header too.
            self.results_view.scrollToTop()
            return
        self._select_row(row)

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid() or index.data(SearchRole.IS_HEADER):
            return
        kind = str(index.data(SearchRole.KIND))
        record_id = index.data(SearchRole.RECORD_ID)
        assert isinstance(record_id, uuid.UUID)
        self._context.events.open_record_requested.emit(kind, record_id)
        self.accept()

    def open_current(self) -> None:
        """Open the selected hit's record and close the dialog."""
        self._open_index(self.results_view.currentIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """Let arrow keys in the search box move through the hits; Enter opens one."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._debounce.isActive() or self._shown_generation != self._generation:
                    # Enter before the answer arrived: search now, open the first hit after.
                    self._open_when_ready = True
                    if self._debounce.isActive():
                        self._debounce.stop()
                        self._search_now()
                    return True
                self.open_current()
                return True
            if watched is self.search_box:
                steps = {
                    Qt.Key.Key_Down: 1,
                    Qt.Key.Key_Up: -1,
                    Qt.Key.Key_PageDown: 5,
                    Qt.Key.Key_PageUp: -5,
                }
                step = steps.get(Qt.Key(key))
                if step is not None:
                    for _ in range(abs(step)):
                        self._move(1 if step > 0 else -1)
                    return True
        return super().eventFilter(watched, event)

"""Översikt: what needs the officer now, each item one click from its record.

Seven tiles (one per section of :mod:`kommunpolis.services.attention`) with their totals;
the chosen tile's items below them as a list, and the counts per kommun beside it,
sorted by the breaks in the chain (a coordinator sees every kommun on the board, and may
filter to any of them). A promise with a broken chain opens its trace (Visa kedjan);
every other item opens its record, and the buttons under the list offer both. The board
loads on the database worker, and again shortly after any record is saved, deleted or
restored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QMargins,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.collation import swedish_key
from kommunpolis.domain.errors import KnownError
from kommunpolis.domain.statuses import MeasureStatus, ProblemStatus
from kommunpolis.domain.vocabulary import Role
from kommunpolis.services.attention import (
    SECTIONS,
    AttentionBoard,
    AttentionItem,
    AttentionService,
    MunicipalityAttention,
    Reason,
    Section,
)
from kommunpolis.services.read_models import MunicipalityView, ProfileView
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.errors import describe
from kommunpolis.ui.labels import kind_label, label
from kommunpolis.ui.models.rows_table import RowsTableModel
from kommunpolis.ui.trace_view import (
    TRACE_KINDS,
    TraceDialog,
    break_label,
    show_trace,
    trace_shortcut,
)

_NO_PARENT = QModelIndex()
_CONTEXT = "AttentionSections"
REFRESH_DELAY_MS = 300
_TILE_PADDING = QMargins(14, 10, 12, 10)
_NUMBER_GAP = 4

# Long names on the tiles, short ones as column titles of the table per kommun.
_TILE_LABELS: Mapping[Section, str] = {
    Section.UNLINKED_CONCERNS: str(
        QT_TRANSLATE_NOOP("AttentionSections", "Synpunkter utan problem")
    ),
    Section.PROBLEMS_WITHOUT_MEASURE: str(
        QT_TRANSLATE_NOOP("AttentionSections", "Prioriterade problem utan åtgärd")
    ),
    Section.BROKEN_PROMISES: str(
        QT_TRANSLATE_NOOP("AttentionSections", "Löften med brutna kedjor")
    ),
    Section.MEASURES_STALLED: str(
        QT_TRANSLATE_NOOP("AttentionSections", "Åtgärder försenade eller utan uppföljning")
    ),
    Section.DUE_SOON: str(QT_TRANSLATE_NOOP("AttentionSections", "Uppföljning inom 14 dagar")),
    Section.DIALOGUES_NOT_FED_BACK: str(
        QT_TRANSLATE_NOOP("AttentionSections", "Dialoger utan återkoppling")
    ),
    Section.MINUTES_NOT_APPROVED: str(
        QT_TRANSLATE_NOOP("AttentionSections", "Protokoll ej justerade")
    ),
}
_SHORT_LABELS: Mapping[Section, str] = {
    Section.UNLINKED_CONCERNS: str(QT_TRANSLATE_NOOP("AttentionSections", "Synpunkter")),
    Section.PROBLEMS_WITHOUT_MEASURE: str(QT_TRANSLATE_NOOP("AttentionSections", "Problem")),
    Section.BROKEN_PROMISES: str(QT_TRANSLATE_NOOP("AttentionSections", "Löften")),
    Section.MEASURES_STALLED: str(QT_TRANSLATE_NOOP("AttentionSections", "Åtgärder")),
    Section.DUE_SOON: str(QT_TRANSLATE_NOOP("AttentionSections", "Inom 14 d")),
    Section.DIALOGUES_NOT_FED_BACK: str(QT_TRANSLATE_NOOP("AttentionSections", "Återkoppling")),
    Section.MINUTES_NOT_APPROVED: str(QT_TRANSLATE_NOOP("AttentionSections", "Protokoll")),
}
_EMPTY_TEXTS: Mapping[Section, str] = {
    Section.UNLINKED_CONCERNS: str(
        QT_TRANSLATE_NOOP("AttentionSections", "Alla synpunkter är kopplade till ett problem.")
    ),
    Section.PROBLEMS_WITHOUT_MEASURE: str(
        QT_TRANSLATE_NOOP("AttentionSections", "Alla prioriterade problem har en åtgärd.")
    ),
    Section.BROKEN_PROMISES: str(
        QT_TRANSLATE_NOOP("AttentionSections", "Alla antagna löften har en hel kedja.")
    ),
    Section.MEASURES_STALLED: str(
        QT_TRANSLATE_NOOP(
            "AttentionSections", "Inga åtgärder är försenade eller saknar uppföljning."
        )
    ),
    Section.DUE_SOON: str(
        QT_TRANSLATE_NOOP("AttentionSections", "Inget ska följas upp de närmaste 14 dagarna.")
    ),
    Section.DIALOGUES_NOT_FED_BACK: str(
        QT_TRANSLATE_NOOP("AttentionSections", "Alla genomförda dialoger är återkopplade.")
    ),
    Section.MINUTES_NOT_APPROVED: str(
        QT_TRANSLATE_NOOP("AttentionSections", "Alla protokoll är justerade.")
    ),
}


def section_label(section: Section, *, short: bool = False) -> str:
    """Return the translated name of a section (the tile's, or the column title's)."""
    text = (_SHORT_LABELS if short else _TILE_LABELS)[section]
    return QCoreApplication.translate(_CONTEXT, text)


def _format_date(day: date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def describe_item(item: AttentionItem) -> str:
    """Return the short Swedish detail of an item: a date, how late, how long ago."""
    translate = QCoreApplication.translate
    day = _format_date(item.day)
    days = item.days_from_today
    if item.reason is Reason.UNLINKED:
        return f"{item.subtitle} · {day}" if item.subtitle else day
    if item.reason is Reason.NO_MEASURE:
        status = label(ProblemStatus(item.status)) if item.status else ""
        if item.priority is None:
            return status
        text = translate("AttentionItemModel", "%1 · prioritet %2")
        return text.replace("%1", status).replace("%2", str(item.priority))
    if item.reason is Reason.BROKEN_CHAIN:
        return "⚠ " + " · ".join(break_label(kind) for kind in item.breaks)
    if item.reason is Reason.OVERDUE and days is not None:
        text = translate("AttentionItemModel", "Försenad %n dagar (slut %1)", None, -days)
        return text.replace("%1", day)
    if item.reason is Reason.NO_FOLLOW_UP:
        status = label(MeasureStatus(item.status)) if item.status else ""
        return translate("AttentionItemModel", "%1 · aldrig uppföljd").replace("%1", status)
    if item.reason is Reason.DUE_SOON and days is not None:
        what = kind_label(item.kind)
        if days == 0:
            return translate("AttentionItemModel", "%1 · slutar i dag").replace("%1", what)
        text = translate("AttentionItemModel", "%1 · slutar om %n dagar (%2)", None, days)
        return text.replace("%1", what).replace("%2", day)
    if item.reason in (Reason.NOT_FED_BACK, Reason.NOT_APPROVED) and days is not None:
        text = translate("AttentionItemModel", "%1 · för %n dagar sedan", None, -days)
        return text.replace("%1", day)
    return day


class AttentionItemModel(RowsTableModel[AttentionItem]):
    """The items of one section of the board."""

    class Column(IntEnum):
        """The model's columns, in display order."""

        TITLE = 0
        DETAIL = 1
        KOMMUN = 2

    KIND_ROLE = Qt.ItemDataRole.UserRole + 1
    ID_ROLE = Qt.ItemDataRole.UserRole + 2
    ITEM_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: Mapping[str, str] = {}

    def set_items(self, items: Sequence[AttentionItem], names: Mapping[str, str]) -> None:
        """Show ``items``; signal only changed rows when the same records stay in order."""
        new = tuple(items)
        if [(i.kind, i.id) for i in new] != [(i.kind, i.id) for i in self._rows]:
            self.beginResetModel()
            self._rows, self._names = new, dict(names)
            self.endResetModel()
            return
        old, self._rows, self._names = self._rows, new, dict(names)
        last = len(self.Column) - 1
        for row, (before, after) in enumerate(zip(old, new, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def item(self, row: int) -> AttentionItem:
        """Return the item shown in ``row``."""
        return self._rows[row]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return an item's title, detail or kommun, or its kind and id."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = self.Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is self.Column.TITLE:
                return item.title or kind_label(item.kind)
            if column is self.Column.DETAIL:
                return describe_item(item)
            code = item.municipality_code
            return self._names.get(code, code) if code else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{kind_label(item.kind)}: {item.title}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return describe_item(item)
        if role == self.KIND_ROLE:
            return item.kind
        if role == self.ID_ROLE:
            return item.id
        if role == self.ITEM_ROLE:
            return item
        return None

    def headers(self) -> tuple[str, ...]:
        """Return the column titles."""
        return (self.tr("Vad"), self.tr("Läge"), self.tr("Kommun"))


class PerKommunModel(QAbstractTableModel):
    """The board's count in every section, one row per kommun, and its breaks in the chain.

    Columns: the kommun, one per section (SECTIONS order), then the breaks in the chain
    (:attr:`MunicipalityAttention.chain_breaks`).
    """

    KOMMUN_COLUMN = 0
    BREAKS_COLUMN = 1 + len(SECTIONS)
    CODE_ROLE = Qt.ItemDataRole.UserRole + 1
    COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
    SORT_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[MunicipalityAttention, ...] = ()

    def set_rows(self, rows: Sequence[MunicipalityAttention]) -> None:
        """Show ``rows``; signal only changed rows when the kommuner stay the same."""
        new = tuple(rows)
        if [r.code for r in new] != [r.code for r in self._rows]:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        old, self._rows = self._rows, new
        for row, (before, after) in enumerate(zip(old, new, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.BREAKS_COLUMN))

    def code(self, row: int) -> str | None:
        """Return the kommun code of ``row`` (None: records without a kommun)."""
        return self._rows[row].code

    def rowCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of kommuner."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the kommun column, one per section and the breaks in the chain."""
        return 0 if parent.isValid() else 2 + len(SECTIONS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return the kommun's name or a count."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        count = self._count(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if count is None:
                return row.name if row.code is not None else self.tr("Utan kommun")
            return QLocale().toString(count)
        if role == Qt.ItemDataRole.TextAlignmentRole and count is not None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == self.BREAKS_COLUMN:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == self.CODE_ROLE:
            return row.code
        if role == self.COUNT_ROLE:
            return count
        if role == self.SORT_ROLE:
            # "No kommun" after every name.
            return count if count is not None else (row.name if row.code else "\uffff")
        return None

    def _count(self, row: MunicipalityAttention, column: int) -> int | None:
        if column == self.KOMMUN_COLUMN:
            return None
        if column == self.BREAKS_COLUMN:
            return row.chain_breaks
        return row.counts[column - 1]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return the column titles; the long section names as tooltips."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= self.BREAKS_COLUMN:
            return None
        if section == self.BREAKS_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Brott i kedjan")
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr(
                    "Synpunkter, problem, löften, åtgärder och dialoger där kedjan är bruten"
                )
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if section == self.KOMMUN_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Kommun")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return section_label(SECTIONS[section - 1], short=True)
        if role == Qt.ItemDataRole.ToolTipRole:
            return section_label(SECTIONS[section - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AttentionTile(QAbstractButton):
    """A checkable tile: a big number over the section's name."""

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self._count: int | None = None
        # The other tiles of the row (set by the page), so that all are equally tall.
        self.peers: tuple[AttentionTile, ...] = ()
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setText(section_label(section))
        self.setObjectName(f"tile-{section.value}")
        self._update_accessible_name()

    @property
    def count(self) -> int | None:
        """The number shown (None before the first load)."""
        return self._count

    def set_count(self, count: int | None) -> None:
        """Show ``count``."""
        if count != self._count:
            self._count = count
            self._update_accessible_name()
            self.update()

    def count_text(self) -> str:
        """The number as shown: locale digits, or a dash before loading."""
        return "–" if self._count is None else QLocale().toString(self._count)

    def _update_accessible_name(self) -> None:
        self.setAccessibleName(f"{self.text()}: {self.count_text()}")
        self.setToolTip(self.tr("Visa: %1").replace("%1", self.text()))

    def _number_height(self) -> int:
        font = QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * 2.0)
        font.setWeight(QFont.Weight.DemiBold)
        return QFontMetrics(font).height()

    def sizeHint(self) -> QSize:  # Qt override
        """Room for the number and two lines of the name."""
        return QSize(150, self.heightForWidth(150))

    def minimumSizeHint(self) -> QSize:  # Qt override
        """As narrow as two short words, as tall as the name needs at that width."""
        return QSize(110, self.heightForWidth(110))

    def hasHeightForWidth(self) -> bool:  # Qt override
        """The name wraps, so a narrow tile is taller."""
        return True

    def heightForWidth(self, width: int) -> int:  # Qt override
        """Return the height that shows the number and the whole name at ``width``."""
        text_width = max(40, width - _TILE_PADDING.left() - _TILE_PADDING.right())
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        metrics = self.fontMetrics()
        # As tall as the tile in the row with the longest name, so that the row is even.
        heights = (
            metrics.boundingRect(QRect(0, 0, text_width, 10_000), flags, tile.text()).height()
            for tile in (self, *self.peers)
        )
        lines = max(2, round(max(heights) / metrics.lineSpacing()))
        return (
            _TILE_PADDING.top()
            + self._number_height()
            + _NUMBER_GAP
            + lines * self.fontMetrics().lineSpacing()
            + _TILE_PADDING.bottom()
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        """Choose the tile with Enter as well as Space; arrows move between tiles."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        if key == Qt.Key.Key_Right:
            self.focusNextChild()
            return
        if key == Qt.Key.Key_Left:
            self.focusPreviousChild()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        """Draw a quiet card; the chosen one outlined in the highlight colour."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        rect = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        path = QPainterPath()
        path.addRoundedRect(rect, 8, 8)
        background = palette.color(QPalette.ColorRole.Base)
        if self.isChecked():
            tint = QColor(highlight)
            tint.setAlpha(28)
            painter.fillPath(path, background)
            painter.fillPath(path, tint)
        else:
            painter.fillPath(path, background)
        border = QColor(highlight) if self.isChecked() else palette.color(QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2.0 if self.isChecked() or self.hasFocus() else 1.0))
        if self.hasFocus() and not self.isChecked():
            painter.setPen(QPen(highlight, 1.5, Qt.PenStyle.DashLine))
        painter.drawPath(path)
        if self.hasFocus() and self.isChecked():
            ring = QPainterPath()
            ring.addRoundedRect(rect.adjusted(3.5, 3.5, -3.5, -3.5), 6, 6)
            painter.setPen(QPen(highlight, 1.0, Qt.PenStyle.DashLine))
            painter.drawPath(ring)

        inner = self.rect().marginsRemoved(_TILE_PADDING)
        number_font = QFont(self.font())
        number_font.setPointSizeF(self.font().pointSizeF() * 2.0)
        number_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(number_font)
        text_color = palette.color(QPalette.ColorRole.Text)
        if not self._count:
            text_color = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(text_color)
        number_height = int(painter.fontMetrics().height())
        painter.drawText(
            inner.adjusted(0, 0, 0, -(inner.height() - number_height)),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.count_text(),
        )
        painter.setFont(self.font())
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(
            inner.adjusted(0, number_height + _NUMBER_GAP, 0, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            self.text(),
        )
        painter.end()


class _ItemView(QTreeView):
    """The items list: a click or Enter on a row chooses it."""

    item_chosen = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        """Choose the current row with Enter."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.item_chosen.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class OverviewPage(QWidget):
    """The attention board: tiles, the chosen tile's items and the counts per kommun."""

    board_loaded = Signal(object)  # AttentionBoard
    counts_loaded = Signal(object)  # tuple[MunicipalityAttention, ...]

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        service: AttentionService | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._service = service or context.services.attention
        self._names: dict[str, str] = {}
        self._role: Role | None = None
        self.trace_dialog: TraceDialog | None = None  # the last chain opened from here
        self._board: AttentionBoard | None = None
        self._generation = 0
        self._loading = 0
        self._stale = False
        self.setObjectName("page-overview")

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(12)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_tiles())
        layout.addWidget(self._build_body(), 1)

        events = context.events
        for signal in (events.record_saved, events.record_deleted, events.record_restored):
            signal.connect(self._schedule_refresh)
        events.records_imported.connect(self._schedule_refresh)
        self.select_section(Section.UNLINKED_CONCERNS)
        self._load_profile()

    # --- building -----------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.heading = QLabel(self.tr("Översikt"), self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        self.heading.setAccessibleName(self.tr("Översikt"))
        titles.addWidget(self.heading)
        self.subtitle = QLabel(self.tr("Det här behöver din uppmärksamhet."), self)
        self.subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        titles.addWidget(self.subtitle)
        header.addLayout(titles)
        header.addStretch(1)
        self.status_label = QLabel("", self)
        self.status_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status_label.setAccessibleName(self.tr("Läge"))
        header.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignBottom)
        header.addSpacing(12)
        self.kommun_label = QLabel(self.tr("&Kommun:"), self)
        self.kommun_combo = QComboBox(self)
        self.kommun_combo.setMinimumContentsLength(14)
        self.kommun_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kommun_combo.addItem(self.tr("Alla kommuner"), None)
        self.kommun_combo.setAccessibleName(self.tr("Kommun"))
        self.kommun_label.setBuddy(self.kommun_combo)
        self.kommun_combo.currentIndexChanged.connect(self._filter_changed)
        header.addWidget(self.kommun_label, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.kommun_combo, 0, Qt.AlignmentFlag.AlignBottom)
        return header

    def _build_tiles(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(10)
        self.tile_group = QButtonGroup(self)
        self.tile_group.setExclusive(True)
        self.tiles: dict[Section, AttentionTile] = {}
        for section in SECTIONS:
            tile = AttentionTile(section, self)
            tile.clicked.connect(lambda _checked=False, s=section: self.select_section(s))
            self.tile_group.addButton(tile)
            self.tiles[section] = tile
            row.addWidget(tile)
        for tile in self.tiles.values():
            tile.peers = tuple(other for other in self.tiles.values() if other is not tile)
        return row

    def _build_body(self) -> QSplitter:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        row_height = self.fontMetrics().height() + 10

        items_box = QFrame(splitter)
        items_layout = QVBoxLayout(items_box)
        items_layout.setContentsMargins(0, 0, 0, 6)
        items_layout.setSpacing(6)
        self.items_heading = QLabel("", items_box)
        bold = QFont(self.items_heading.font())
        bold.setWeight(QFont.Weight.DemiBold)
        self.items_heading.setFont(bold)
        items_layout.addWidget(self.items_heading)
        self.item_model = AttentionItemModel(self)
        self.item_view = _ItemView(items_box)
        self.item_view.setModel(self.item_model)
        self.item_view.setRootIsDecorated(False)
        self.item_view.setUniformRowHeights(True)
        self.item_view.setAlternatingRowColors(True)
        self.item_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.item_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.item_view.setAccessibleName(self.tr("Poster som behöver åtgärdas"))
        self.item_view.setStyleSheet("QTreeView::item { padding: 4px 2px; }")
        header = self.item_view.header()
        header.setStretchLastSection(False)
        for column, mode in (
            (AttentionItemModel.Column.TITLE, QHeaderView.ResizeMode.Stretch),
            (AttentionItemModel.Column.DETAIL, QHeaderView.ResizeMode.Stretch),
            (AttentionItemModel.Column.KOMMUN, QHeaderView.ResizeMode.ResizeToContents),
        ):
            header.setSectionResizeMode(column, mode)
        self.item_view.clicked.connect(self._open_item)
        self.item_view.item_chosen.connect(self._open_item)
        items_layout.addWidget(self.item_view, 1)
        footer = QHBoxLayout()
        self.more_label = QLabel("", items_box)
        self.more_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        footer.addWidget(self.more_label, 1)
        self.open_button = QPushButton(self.tr("Öppna posten"), items_box)
        self.open_button.setObjectName("overview-open-record")
        self.open_button.clicked.connect(lambda: self._open_current(trace=False))
        footer.addWidget(self.open_button)
        self.trace_button = QPushButton(self.tr("Visa kedjan"), items_box)
        self.trace_button.setObjectName("overview-show-trace")
        self.trace_button.setShortcut(trace_shortcut())
        self.trace_button.setToolTip(
            self.tr("Visa kedjan för löftet eller dialogen (%1)").replace(
                "%1", trace_shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.trace_button.clicked.connect(lambda: self._open_current(trace=True))
        footer.addWidget(self.trace_button)
        items_layout.addLayout(footer)
        self.item_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.item_model.modelReset.connect(self._update_buttons)
        self._update_buttons()

        kommun_box = QFrame(splitter)
        kommun_layout = QVBoxLayout(kommun_box)
        kommun_layout.setContentsMargins(0, 6, 0, 0)
        kommun_layout.setSpacing(6)
        self.kommun_heading = QLabel(self.tr("Per kommun, flest brott i kedjan först"), kommun_box)
        self.kommun_heading.setFont(bold)
        kommun_layout.addWidget(self.kommun_heading)
        self.kommun_model = PerKommunModel(self)
        self.kommun_proxy = QSortFilterProxyModel(self)
        self.kommun_proxy.setSourceModel(self.kommun_model)
        self.kommun_proxy.setSortRole(PerKommunModel.SORT_ROLE)
        self.kommun_proxy.setSortLocaleAware(True)
        self.kommun_view = QTableView(kommun_box)
        self.kommun_view.setModel(self.kommun_proxy)
        self.kommun_view.setSortingEnabled(True)
        self.kommun_view.sortByColumn(PerKommunModel.BREAKS_COLUMN, Qt.SortOrder.DescendingOrder)
        self.kommun_view.setAccessibleName(self.tr("Per kommun"))
        self.kommun_view.verticalHeader().setVisible(False)
        self.kommun_view.verticalHeader().setDefaultSectionSize(row_height)
        self.kommun_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.kommun_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.kommun_view.setAlternatingRowColors(True)
        self.kommun_view.setShowGrid(False)
        self.kommun_view.setWordWrap(False)
        self.kommun_view.setToolTip(self.tr("Enter på en kommun visar bara den kommunen."))
        kommun_header = self.kommun_view.horizontalHeader()
        kommun_header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        kommun_header.setSectionResizeMode(
            PerKommunModel.KOMMUN_COLUMN, QHeaderView.ResizeMode.Interactive
        )
        kommun_header.resizeSection(PerKommunModel.KOMMUN_COLUMN, 220)
        # The sorted column carries the sort arrow too: give it the width its name needs.
        kommun_header.setSectionResizeMode(
            PerKommunModel.BREAKS_COLUMN, QHeaderView.ResizeMode.ResizeToContents
        )
        self.kommun_view.activated.connect(self._kommun_activated)
        kommun_layout.addWidget(self.kommun_view, 1)

        splitter.addWidget(items_box)
        splitter.addWidget(kommun_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        return splitter

    # --- public -------------------------------------------------------------------------

    @property
    def board(self) -> AttentionBoard | None:
        """The board shown (None before the first load)."""
        return self._board

    @property
    def selected_section(self) -> Section:
        """The section whose items are listed."""
        return self._selected

    @property
    def loading(self) -> bool:
        """Whether a load is on its way."""
        return self._loading > 0

    @property
    def is_coordinator(self) -> bool:
        """Whether the profile is a coordinator's (every kommun is offered in the filter)."""
        return self._role is Role.COORDINATOR

    def select_section(self, section: Section) -> None:
        """List the items of ``section``."""
        self._selected = section
        self.tiles[section].setChecked(True)
        self._show_items()

    def select_municipality(self, code: str | None) -> None:
        """Filter the board to one of the profile's kommuner (None: all)."""
        index = self.kommun_combo.findData(code)
        if index >= 0:
            self.kommun_combo.setCurrentIndex(index)

    def refresh(self) -> None:
        """Load the board and the counts per kommun again (on the worker)."""
        self._refresh_timer.stop()
        self._generation += 1
        generation = self._generation
        code = self.kommun_combo.currentData()
        codes = None if code is None else [str(code)]
        service = self._service
        self._set_loading(+1)
        self._context.worker.submit(
            lambda: service.board(codes),
            lambda board: self._board_arrived(generation, board),
            self._failed,
        )
        self._set_loading(+1)
        self._context.worker.submit(
            lambda: service.counts_per_municipality(codes),
            lambda rows: self._counts_arrived(generation, rows),
            self._failed,
        )

    # --- loading --------------------------------------------------------------------------

    def _load_profile(self) -> None:
        profiles = self._context.services.profiles

        def load() -> tuple[ProfileView | None, tuple[MunicipalityView, ...]]:
            return profiles.current(), profiles.municipalities()

        self._set_loading(+1)
        self._context.worker.submit(load, self._profile_arrived, self._failed)

    def _profile_arrived(
        self, loaded: tuple[ProfileView | None, tuple[MunicipalityView, ...]]
    ) -> None:
        self._set_loading(-1)
        profile, municipalities = loaded
        self._names = {m.code: m.name for m in municipalities}
        self._role = profile.role if profile is not None else None
        if self.is_coordinator:
            # The coordinator's question is which kommuner have broken chains.
            self.subtitle.setText(self.tr("Alla kommuner: var kedjan är bruten."))
            self.splitter.setStretchFactor(0, 1)
            self.splitter.setStretchFactor(1, 1)
        codes = profile.municipality_codes if profile is not None else ()
        with_names = sorted(
            ((self._names.get(code, code), code) for code in codes),
            key=lambda pair: swedish_key(pair[0]),
        )
        self.kommun_combo.blockSignals(True)
        for name, code in with_names:
            self.kommun_combo.addItem(name, code)
        self.kommun_combo.blockSignals(False)
        self.refresh()

    def _board_arrived(self, generation: int, board: AttentionBoard) -> None:
        self._set_loading(-1)
        if generation != self._generation:
            return
        self._board = board
        for section in board.sections:
            self.tiles[section.section].set_count(section.total)
        self._show_items()
        self.board_loaded.emit(board)

    def _counts_arrived(self, generation: int, rows: tuple[MunicipalityAttention, ...]) -> None:
        self._set_loading(-1)
        if generation != self._generation:
            return
        self.kommun_model.set_rows(rows)
        if self.is_coordinator and self.kommun_combo.currentData() is None:
            self._offer_kommuner(row.code for row in rows if row.code is not None)
        self.counts_loaded.emit(rows)

    def _offer_kommuner(self, codes: Iterable[str]) -> None:
        """Add kommuner to the filter, keeping it in Swedish order after "Alla kommuner"."""
        present = {self.kommun_combo.itemData(i) for i in range(1, self.kommun_combo.count())}
        new = {code for code in codes if code not in present}
        if not new:
            return
        everything = sorted(
            ((self._names.get(code, code), code) for code in present | new),
            key=lambda pair: swedish_key(pair[0]),
        )
        self.kommun_combo.blockSignals(True)
        while self.kommun_combo.count() > 1:
            self.kommun_combo.removeItem(1)
        for name, code in everything:
            self.kommun_combo.addItem(name, code)
        self.kommun_combo.blockSignals(False)

    def _failed(self, error: KnownError) -> None:
        self._set_loading(-1)
        title, _message = describe(error)
        self.status_label.setText(title)

    def _set_loading(self, step: int) -> None:
        self._loading += step
        self.status_label.setText(self.tr("Laddar…") if self._loading else "")

    def _schedule_refresh(self, _kind: str = "", _record_id: object = None) -> None:
        # While another page is shown, only remember: every autosave would otherwise
        # keep the one database worker busy recounting a board nobody looks at.
        if not self.isVisible():
            self._stale = True
            return
        self._refresh_timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        """Load again if records changed while the page was hidden."""
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._refresh_timer.start()

    def _filter_changed(self, _index: int) -> None:
        self.refresh()

    # --- showing --------------------------------------------------------------------------

    def _show_items(self) -> None:
        section = self._selected
        self.items_heading.setText(section_label(section))
        if self._board is None:
            self.item_model.set_items((), self._names)
            self.more_label.setText("")
            return
        shown = self._board.section(section)
        self.item_model.set_items(shown.items, self._names)
        if not shown.items:
            self.more_label.setText(QCoreApplication.translate(_CONTEXT, _EMPTY_TEXTS[section]))
        elif shown.total > len(shown.items):
            self.more_label.setText(
                self.tr("Visar de %1 första av %2.")
                .replace("%1", QLocale().toString(len(shown.items)))
                .replace("%2", QLocale().toString(shown.total))
            )
        else:
            self.more_label.setText("")

    def _open_item(self, index: QModelIndex) -> None:
        """Open the chain of a promise listed for its broken chain, else the record."""
        if not index.isValid():
            return
        item = index.data(AttentionItemModel.ITEM_ROLE)
        assert isinstance(item, AttentionItem)
        self._open(item, trace=item.reason is Reason.BROKEN_CHAIN)

    def _open_current(self, *, trace: bool) -> None:
        index = self.item_view.currentIndex()
        if index.isValid():
            item = index.data(AttentionItemModel.ITEM_ROLE)
            assert isinstance(item, AttentionItem)
            self._open(item, trace=trace)

    def _open(self, item: AttentionItem, *, trace: bool) -> None:
        if trace and item.kind in TRACE_KINDS:
            self.trace_dialog = show_trace(self._context, item.kind, item.id, self)
            return
        self._context.events.open_record_requested.emit(item.kind, item.id)

    def _update_buttons(self, *_args: object) -> None:
        index = self.item_view.currentIndex()
        item = index.data(AttentionItemModel.ITEM_ROLE) if index.isValid() else None
        self.open_button.setEnabled(item is not None)
        self.trace_button.setEnabled(isinstance(item, AttentionItem) and item.kind in TRACE_KINDS)

    def _kommun_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            source = self.kommun_proxy.mapToSource(index)
            self.select_municipality(self.kommun_model.code(source.row()))

"""Handlingsplan: one promise's commitments by focus area, its action plan and indicators.

The page shows the promise chosen in the section's lists (a promise, or the promise of
the chosen measure, indicator or follow-up) or in its own picker: the focus areas; under
each focus area, and then for the whole promise, what each party promises ("Polisen
lovar att …", "Kommunen lovar att …", each partner); the measures as Brå's action-plan
table (focus area, cause, measure, operational goal, when,
who, status, latest follow-up — the colour always written out too); and the indicators
with baseline, target and the latest value, each with a small line chart of its values.
Rows open their records through ``context.events.open_record_requested``. Everything is
read on the database worker (:meth:`AnalysisService.promise_plan`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import IntEnum

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    QMargins,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPainter, QPen, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import KnownError
from kommunpolis.domain.vocabulary import FollowUpMark, Party
from kommunpolis.services.analysis import (
    ActionPlanRow,
    AnalysisService,
    FocusAreaCommitments,
    PartyGroup,
    PromiseChoice,
    PromisePlan,
)
from kommunpolis.services.chain import IndicatorView, ProgressState
from kommunpolis.services.documents import PARTY, strip_promise_prefix
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.errors import describe
from kommunpolis.ui.labels import label
from kommunpolis.ui.models.rows_table import RowsTableModel
from kommunpolis.ui.pages.analysis import ID_ROLE, VALUE_ROLE, date_text, index_of_data
from kommunpolis.ui.widgets.scrolling import scrolling_page

_NO_PARENT = QModelIndex()
MARK_ROLE = Qt.ItemDataRole.UserRole + 3
# The kind of record an item of the commitment tree opens ("problems", "commitments").
KIND_ROLE = Qt.ItemDataRole.UserRole + 4
FETCH_BATCH = 100
# Light backgrounds with dark text: readable, and the mark is always written out too.
MARK_BACKGROUND: dict[FollowUpMark, str] = {
    FollowUpMark.GREEN: "#d6efd9",
    FollowUpMark.YELLOW: "#fff3c4",
    FollowUpMark.RED: "#f8d3d3",
}
CHART_MIN_WIDTH = 300
CHART_HEIGHT = 210
PROMISE_KINDS = ("promises", "measures", "indicators", "followups")
# The kinds whose changes alter a plan.
_PLAN_KINDS = frozenset(
    (
        *PROMISE_KINDS,
        "commitments",
        "indicator-values",
        "followup-measures",
        "causes",
        "problems",
    )
)


def number_text(value: float | None, unit: str = "") -> str:
    """Return a number the locale's way (decimal comma in Swedish), with its unit."""
    if value is None:
        return "–"
    text = QLocale().toString(value, "g", 6)
    return f"{text} {unit}".strip()


def _period_text(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{date_text(start)} – {date_text(end)}"
    if end:
        return QCoreApplication.translate("ActionPlanModel", "senast %1").replace(
            "%1", date_text(end)
        )
    if start:
        return QCoreApplication.translate("ActionPlanModel", "från %1").replace(
            "%1", date_text(start)
        )
    return "–"


class ActionPlanModel(RowsTableModel[ActionPlanRow]):
    """Brå's action-plan table, one row per measure; rows come a batch at a time."""

    class Column(IntEnum):
        """The model's columns, in display order."""

        FOCUS_AREA = 0
        CAUSE = 1
        MEASURE = 2
        GOAL = 3
        WHEN = 4
        WHO = 5
        STATUS = 6
        FOLLOW_UP = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shown = 0

    def set_rows(self, rows: tuple[ActionPlanRow, ...]) -> None:
        """Show ``rows`` (the first batch now, the rest as the view asks)."""
        self.beginResetModel()
        self._rows = rows
        self._shown = min(len(rows), FETCH_BATCH)
        self.endResetModel()

    def plan_row(self, row: int) -> ActionPlanRow:
        """Return the action-plan row shown at ``row``."""
        return self._rows[row]

    def rowCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the rows fetched so far (a table has no children)."""
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # Qt override
        """Whether rows wait to be shown."""
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # Qt override
        """Show the next batch of rows."""
        if parent.isValid():
            return
        more = min(FETCH_BATCH, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(_NO_PARENT, self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def headers(self) -> tuple[str, ...]:
        """Return the column names of Brå's table."""
        return (
            self.tr("Fokusområde"),
            self.tr("Orsak"),
            self.tr("Åtgärd"),
            self.tr("Operativt mål"),
            self.tr("När"),
            self.tr("Vem"),
            self.tr("Status"),
            self.tr("Uppföljning"),
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return a cell's text (the follow-up's colour in words), the id, mark or value."""
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        row = self._rows[index.row()]
        column = self.Column(index.column())
        measure = row.measure
        if role == ID_ROLE:
            return measure.id
        if role == MARK_ROLE:
            return row.follow_up_mark
        if role == VALUE_ROLE:
            return self._value(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if column is self.Column.FOLLOW_UP and row.follow_up_mark is not None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(MARK_BACKGROUND[row.follow_up_mark]))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#1a1a1a"))
        return None

    def _value(self, row: ActionPlanRow, column: Column) -> object:
        m = row.measure
        return {
            self.Column.FOCUS_AREA: row.focus_area,
            self.Column.CAUSE: row.cause,
            self.Column.MEASURE: m.title,
            self.Column.GOAL: m.operational_goal,
            self.Column.WHEN: (m.starts_on, m.ends_on),
            self.Column.WHO: m.responsible,
            self.Column.STATUS: m.status,
            self.Column.FOLLOW_UP: row.follow_up_mark,
        }[column]

    def _text(self, row: ActionPlanRow, column: Column) -> str:
        m = row.measure
        if column is self.Column.FOCUS_AREA:
            if row.focus_area_id is None:
                return self.tr("(inget av löftets fokusområden)")
            return row.focus_area
        if column is self.Column.CAUSE:
            return row.cause or "–"
        if column is self.Column.MEASURE:
            return m.title
        if column is self.Column.GOAL:
            return m.operational_goal or "–"
        if column is self.Column.WHEN:
            return _period_text(m.starts_on, m.ends_on)
        if column is self.Column.WHO:
            return m.responsible or "–"
        if column is self.Column.STATUS:
            return label(m.status)
        mark = row.follow_up_mark
        when = row.followed_up_on
        if mark is None and when is None:
            return self.tr("Inte uppföljd")
        words = label(mark) if mark is not None else self.tr("Utan markering")
        return f"{words}, {date_text(when)}" if when is not None else words


class IndicatorModel(RowsTableModel[IndicatorView]):
    """The promise's indicators: baseline, target and the latest measured value."""

    class Column(IntEnum):
        """The model's columns, in display order."""

        NAME = 0
        SOURCE = 1
        BASELINE = 2
        TARGET = 3
        LATEST = 4
        MEASUREMENTS = 5

    def set_indicators(self, indicators: tuple[IndicatorView, ...]) -> None:
        """Show ``indicators``."""
        self._reset_rows(indicators)

    def indicator(self, row: int) -> IndicatorView:
        """Return the indicator shown at ``row``."""
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        """Return the column names."""
        return (
            self.tr("Indikator"),
            self.tr("Källa"),
            self.tr("Utgångsvärde"),
            self.tr("Målvärde"),
            self.tr("Senast uppmätt"),
            self.tr("Mätningar"),
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return a cell's text, the indicator's id or the raw value."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        i = self._rows[index.row()]
        column = self.Column(index.column())
        latest = i.values[-1] if i.values else None
        if role == ID_ROLE:
            return i.id
        if role == VALUE_ROLE:
            return {
                self.Column.NAME: i.name,
                self.Column.SOURCE: i.source_kind,
                self.Column.BASELINE: i.baseline,
                self.Column.TARGET: i.target,
                self.Column.LATEST: latest.value if latest else None,
                self.Column.MEASUREMENTS: len(i.values),
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.Column.BASELINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column is self.Column.NAME:
            return i.name
        if column is self.Column.SOURCE:
            return label(i.source_kind) + (f": {i.source}" if i.source else "")
        if column is self.Column.BASELINE:
            return number_text(i.baseline, i.unit)
        if column is self.Column.TARGET:
            return number_text(i.target, i.unit)
        if column is self.Column.LATEST:
            if latest is None:
                return self.tr("Inte mätt")
            return f"{number_text(latest.value, i.unit)} ({date_text(latest.measured_on)})"
        return QLocale().toString(len(i.values))


def _msecs(day: date) -> float:
    # Noon UTC: the point stays on its day in every time zone the axis may show.
    return float(datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp() * 1000)


def indicator_chart(indicator: IndicatorView) -> QChart:
    """Return a small line chart of an indicator's values with its baseline and target."""
    chart = QChart()
    chart.setTitle(indicator.name)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    font = chart.titleFont()
    font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
    font.setBold(True)
    chart.setTitleFont(font)
    days = [v.measured_on for v in indicator.values]
    if not days:
        chart.setTitle(
            QCoreApplication.translate("ActionPlanPage", "%1 (inte mätt ännu)").replace(
                "%1", indicator.name
            )
        )
        chart.legend().setVisible(False)
        return chart
    first, last = min(days), max(days)
    if first == last:
        first = date.fromordinal(first.toordinal() - 30)
        last = date.fromordinal(last.toordinal() + 30)
    measured = QLineSeries()
    measured.setName(QCoreApplication.translate("ActionPlanPage", "Uppmätt"))
    measured.setPointsVisible(True)
    for value in indicator.values:
        measured.append(_msecs(value.measured_on), value.value)
    series = [measured]
    levels = [v.value for v in indicator.values]
    for level, name, colour in (
        (indicator.baseline, QCoreApplication.translate("ActionPlanPage", "Utgångsvärde"), "#777"),
        (indicator.target, QCoreApplication.translate("ActionPlanPage", "Mål"), "#2e7d32"),
    ):
        if level is None:
            continue
        line = QLineSeries()
        line.setName(name)
        line.append(_msecs(first), level)
        line.append(_msecs(last), level)
        pen = QPen(QColor(colour))
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidthF(1.5)
        line.setPen(pen)
        series.append(line)
        levels.append(level)
    for one in series:
        chart.addSeries(one)
    x_axis = QDateTimeAxis()
    x_axis.setFormat("yyyy-MM")
    x_axis.setTickCount(min(max(len(set(days)), 2), 4))
    x_axis.setRange(
        QDateTime.fromMSecsSinceEpoch(int(_msecs(first))),
        QDateTime.fromMSecsSinceEpoch(int(_msecs(last))),
    )
    y_axis = QValueAxis()
    low, high = min(levels), max(levels)
    spread = (high - low) or max(abs(high), 1.0)
    y_axis.setRange(min(0.0, low - spread * 0.1), high + spread * 0.15)
    y_axis.applyNiceNumbers()
    if indicator.unit:
        y_axis.setTitleText(indicator.unit)
    for axis in (x_axis, y_axis):
        axis_font = axis.labelsFont()
        axis_font.setPointSizeF(max(axis_font.pointSizeF() * 0.8, 7.0))
        axis.setLabelsFont(axis_font)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for one in series:
        one.attachAxis(x_axis)
        one.attachAxis(y_axis)
    return chart


def party_heading(group: PartyGroup) -> str:
    """Return "Polisen lovar att …", "Kommunen lovar att …" or "<partner> lovar att …"."""
    if group.party is Party.POLICE:
        return QCoreApplication.translate("ActionPlanPage", "Polisen lovar att …")
    if group.party is Party.MUNICIPALITY:
        return QCoreApplication.translate("ActionPlanPage", "Kommunen lovar att …")
    name = group.organisation_name or label(Party.PARTNER)
    return QCoreApplication.translate("ActionPlanPage", "%1 lovar att …").replace("%1", name)


def focus_area_heading(group: FocusAreaCommitments) -> str:
    """Return a focus area's title, "Hela löftet", or a note that it is no longer one."""
    if group.whole_promise:
        return QCoreApplication.translate("ActionPlanPage", "Hela löftet")
    if not group.linked:
        return QCoreApplication.translate(
            "ActionPlanPage", "%1 (inte längre ett av löftets fokusområden)"
        ).replace("%1", group.title)
    return group.title


class ActionPlanPage(QWidget):
    """A promise's focus areas, commitments by focus area, action plan and indicators."""

    # The PromisePlan shown, after every load.
    plan_shown = Signal(object)

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
        self.promise_id: uuid.UUID | None = None
        self.plan: PromisePlan | None = None
        self.chart_views: list[QChartView] = []
        self._stale = True
        self._choices_stale = False
        self.setObjectName("action-plan-page")
        self._build()
        context.events.record_saved.connect(self._record_changed)
        context.events.record_deleted.connect(self._record_changed)
        self._load_choices()

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        outer = scrolling_page(self)
        top = QHBoxLayout()
        self.promise_choice = QComboBox(self)
        self.promise_choice.setMinimumContentsLength(30)
        self.promise_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        caption = QLabel(self.tr("&Medborgarlöfte:"), self)
        caption.setBuddy(self.promise_choice)
        top.addWidget(caption)
        top.addWidget(self.promise_choice, 1)
        self.open_promise_button = QPushButton(self.tr("Öppna &löftet"), self)
        self.open_promise_button.clicked.connect(self.open_promise)
        self.open_promise_button.setEnabled(False)
        top.addWidget(self.open_promise_button)
        outer.addLayout(top)
        self.progress_label = QLabel(self)
        self.progress_label.setWordWrap(True)
        self.progress_label.setAccessibleName(self.tr("Läget"))
        outer.addWidget(self.progress_label)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self._build_promises())
        self.splitter.addWidget(self._build_table())
        self.splitter.addWidget(self._build_indicators())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([250, 290, 330])
        outer.addWidget(self.splitter, 1)
        self.promise_choice.currentIndexChanged.connect(self._promise_chosen)

    def _build_promises(self) -> QWidget:
        row = QSplitter(Qt.Orientation.Horizontal, self)
        focus_box = QGroupBox(self.tr("Fokusområden"), row)
        focus_layout = QVBoxLayout(focus_box)
        self.focus_list = QListWidget(focus_box)
        self.focus_list.setAccessibleName(self.tr("Fokusområden"))
        self.focus_list.setWordWrap(True)
        self.focus_list.setMinimumHeight(140)
        focus_label = QLabel(self.tr("&Fokusområden (Retur öppnar problemet):"), focus_box)
        focus_label.setBuddy(self.focus_list)
        focus_layout.addWidget(focus_label)
        focus_layout.addWidget(self.focus_list)
        self.focus_list.itemActivated.connect(self._focus_activated)

        promises_box = QGroupBox(self.tr("Löften per fokusområde"), row)
        promises_layout = QVBoxLayout(promises_box)
        self.commitment_tree = QTreeWidget(promises_box)
        self.commitment_tree.setHeaderHidden(True)
        self.commitment_tree.setWordWrap(True)
        self.commitment_tree.setAccessibleName(self.tr("Löften per fokusområde"))
        self.commitment_tree.setUniformRowHeights(False)
        self.commitment_tree.setMinimumHeight(140)
        tree_label = QLabel(
            self.tr("Vad varje &part lovar, per fokusområde (Retur öppnar posten):"), promises_box
        )
        tree_label.setBuddy(self.commitment_tree)
        promises_layout.addWidget(tree_label)
        promises_layout.addWidget(self.commitment_tree)
        self.commitment_tree.itemActivated.connect(self._open_tree_item)
        for keys in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.commitment_tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(
                lambda: self._open_tree_item(self.commitment_tree.currentItem())
            )
        row.addWidget(focus_box)
        row.addWidget(promises_box)
        row.setStretchFactor(0, 2)
        row.setStretchFactor(1, 3)
        row.setChildrenCollapsible(False)
        return row

    def _build_table(self) -> QWidget:
        box = QGroupBox(self.tr("Åtgärdsplan"), self)
        layout = QVBoxLayout(box)
        self.plan_model = ActionPlanModel(self)
        self.plan_view = QTableView(box)
        self.plan_view.setModel(self.plan_model)
        self.plan_view.setAccessibleName(self.tr("Åtgärdsplan"))
        self.plan_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.plan_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.plan_view.setWordWrap(True)
        self.plan_view.verticalHeader().hide()
        header = self.plan_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Widths that fit a 1280-pixel window with the sidebar (the columns wrap their
        # text); the follow-up column takes what is left. Each can be dragged wider.
        for column, width in (
            (ActionPlanModel.Column.FOCUS_AREA, 130),
            (ActionPlanModel.Column.CAUSE, 150),
            (ActionPlanModel.Column.MEASURE, 180),
            (ActionPlanModel.Column.GOAL, 140),
            (ActionPlanModel.Column.WHEN, 100),
            (ActionPlanModel.Column.WHO, 100),
            (ActionPlanModel.Column.STATUS, 80),
            (ActionPlanModel.Column.FOLLOW_UP, 110),
        ):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        table_label = QLabel(self.tr("Å&tgärder (Retur öppnar åtgärden):"), box)
        table_label.setBuddy(self.plan_view)
        layout.addWidget(table_label)
        layout.addWidget(self.plan_view)
        self.plan_view.setMinimumHeight(180)
        self.plan_view.activated.connect(lambda index: self.open_measure(index.row()))
        self._enter_opens(self.plan_view, self.open_measure)
        return box

    def _build_indicators(self) -> QWidget:
        box = QGroupBox(self.tr("Indikatorer"), self)
        layout = QVBoxLayout(box)
        left = QVBoxLayout()
        self.indicator_model = IndicatorModel(self)
        self.indicator_view = QTableView(box)
        self.indicator_view.setModel(self.indicator_model)
        self.indicator_view.setAccessibleName(self.tr("Indikatorer"))
        self.indicator_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.indicator_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.indicator_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.indicator_view.verticalHeader().hide()
        self.indicator_view.verticalHeader().setDefaultSectionSize(
            self.indicator_view.fontMetrics().height() + 8
        )
        self.indicator_view.setMinimumHeight(4 * (self.indicator_view.fontMetrics().height() + 8))
        header = self.indicator_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(IndicatorModel.Column.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(IndicatorModel.Column.SOURCE, QHeaderView.ResizeMode.Stretch)
        indicators_label = QLabel(self.tr("&Indikatorer (Retur öppnar indikatorn):"), box)
        indicators_label.setBuddy(self.indicator_view)
        left.addWidget(indicators_label)
        left.addWidget(self.indicator_view)
        layout.addLayout(left, 2)
        self.indicator_view.activated.connect(lambda index: self.open_indicator(index.row()))
        self._enter_opens(self.indicator_view, self.open_indicator)

        self.chart_area = QScrollArea(box)
        self.chart_area.setWidgetResizable(True)
        self.chart_area.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_area.setAccessibleName(self.tr("Diagram över indikatorernas värden"))
        self.chart_holder = QWidget(self.chart_area)
        self.chart_row = QHBoxLayout(self.chart_holder)
        self.chart_row.setContentsMargins(0, 0, 0, 0)
        self.chart_area.setWidget(self.chart_holder)
        self.chart_area.setMinimumHeight(CHART_HEIGHT + 24)
        layout.addWidget(self.chart_area, 3)
        return box

    def _enter_opens(self, view: QAbstractItemView, opener: Callable[[int], None]) -> None:
        for keys in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(keys), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(
                lambda view=view, opener=opener: opener(view.currentIndex().row())
            )

    # ---------------------------------------------------------------- public

    def show_promise(self, promise_id: uuid.UUID) -> None:
        """Show one promise's plan (read on the worker)."""
        self.promise_id = promise_id
        index = index_of_data(self.promise_choice, promise_id)
        if index >= 0 and index != self.promise_choice.currentIndex():
            self.promise_choice.blockSignals(True)
            self.promise_choice.setCurrentIndex(index)
            self.promise_choice.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Read the shown promise's plan again."""
        promise_id = self.promise_id
        if promise_id is None:
            return
        self._stale = False
        service = self._service
        self._context.worker.submit(
            lambda: service.promise_plan(promise_id), self._show_plan, self._failed, owner=self
        )

    def open_promise(self) -> None:
        """Open the shown promise in its editor."""
        if self.promise_id is not None:
            self._context.events.open_record_requested.emit("promises", self.promise_id)

    def open_measure(self, row: int) -> None:
        """Open the measure of the action-plan row ``row``."""
        if 0 <= row < self.plan_model.rowCount():
            measure_id = self.plan_model.plan_row(row).measure.id
            self._context.events.open_record_requested.emit("measures", measure_id)

    def open_indicator(self, row: int) -> None:
        """Open the indicator shown at ``row``."""
        if 0 <= row < self.indicator_model.rowCount():
            indicator_id = self.indicator_model.indicator(row).id
            self._context.events.open_record_requested.emit("indicators", indicator_id)

    # ---------------------------------------------------------------- Qt overrides

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        """Follow the promise chosen in the section's lists; read again if stale."""
        super().showEvent(event)
        if self._choices_stale:
            self._choices_stale = False
            self._load_choices()
        chosen = self._section_record()
        if chosen is not None:
            kind, record_id = chosen
            service = self._service
            self._context.worker.submit(
                lambda: service.promise_of(kind, record_id),
                self._follow,
                self._failed,
                owner=self,
            )
        elif self._stale and self.promise_id is not None:
            self.reload()

    # ---------------------------------------------------------------- internals

    def _section_record(self) -> tuple[str, uuid.UUID] | None:
        from kommunpolis.ui.pages.record_section import RecordSection

        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, RecordSection):
            widget = widget.parentWidget()
        if widget is None or widget.current_kind not in PROMISE_KINDS:
            return None
        record_id = widget.list_view(widget.current_kind).current_id()
        return (widget.current_kind, record_id) if record_id is not None else None

    def _follow(self, promise_id: uuid.UUID | None) -> None:
        if promise_id is not None and (promise_id != self.promise_id or self._stale):
            self.show_promise(promise_id)
        elif self._stale and self.promise_id is not None:
            self.reload()

    def _load_choices(self) -> None:
        service = self._service
        self._context.worker.submit(service.promises, self._show_choices, self._failed, owner=self)

    def _show_choices(self, choices: tuple[PromiseChoice, ...]) -> None:
        self.promise_choice.blockSignals(True)
        self.promise_choice.clear()
        self.promise_choice.addItem(self.tr("(välj ett medborgarlöfte)"), None)
        for choice in choices:
            where = f"{choice.municipality_name}, " if choice.municipality_name else ""
            self.promise_choice.addItem(
                f"{choice.title} ({where}{choice.period_start.year}–{choice.period_end.year})",
                choice.id,
            )
        index = index_of_data(self.promise_choice, self.promise_id) if self.promise_id else 0
        self.promise_choice.setCurrentIndex(max(index, 0))
        self.promise_choice.blockSignals(False)

    def _promise_chosen(self) -> None:
        promise_id = self.promise_choice.currentData()
        if isinstance(promise_id, uuid.UUID):
            self.show_promise(promise_id)

    def _show_plan(self, plan: PromisePlan) -> None:
        if plan.promise.id != self.promise_id:
            return
        self.plan = plan
        self.open_promise_button.setEnabled(True)
        self.progress_label.setStyleSheet("")
        self.progress_label.setText(self._progress_text(plan))

        self.focus_list.clear()
        for problem in plan.focus_areas:
            priority = f"{problem.priority}. " if problem.priority is not None else ""
            item = QListWidgetItem(f"{priority}{problem.title}", self.focus_list)
            item.setData(ID_ROLE, problem.id)
        if not plan.focus_areas:
            item = QListWidgetItem(self.tr("Löftet har inga fokusområden ännu."), self.focus_list)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

        self._show_commitments(plan.commitments)

        self.plan_model.set_rows(plan.rows)
        self.plan_view.resizeRowsToContents()
        self.indicator_model.set_indicators(plan.indicators)
        self._show_charts(plan.indicators)
        self.plan_shown.emit(plan)

    def _show_commitments(self, groups: tuple[FocusAreaCommitments, ...]) -> None:
        """Fill the tree: focus area → "Polisen lovar att …" → what, each opening its record."""
        self.commitment_tree.clear()
        for group in groups:
            area = QTreeWidgetItem(self.commitment_tree, [focus_area_heading(group)])
            font = area.font(0)
            font.setBold(True)
            area.setFont(0, font)
            if group.problem_id is not None:
                area.setData(0, ID_ROLE, group.problem_id)
                area.setData(0, KIND_ROLE, "problems")
            for party in group.parties:
                heading = QTreeWidgetItem(area, [party_heading(party)])
                party_font = heading.font(0)
                party_font.setItalic(True)
                heading.setFont(0, party_font)
                who = (
                    PARTY[party.party]
                    if party.party is not Party.PARTNER
                    else party.organisation_name
                )
                for commitment in party.commitments:
                    item = QTreeWidgetItem(heading, [strip_promise_prefix(commitment.text, who)])
                    item.setToolTip(0, commitment.text)
                    item.setData(0, ID_ROLE, commitment.id)
                    item.setData(0, KIND_ROLE, "commitments")
            if not group.parties:
                empty = QTreeWidgetItem(area, [self.tr("Inga löften för fokusområdet ännu.")])
                empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if not groups:
            QTreeWidgetItem(self.commitment_tree, [self.tr("Ingen part har lovat något ännu.")])
        self.commitment_tree.expandAll()

    def _open_tree_item(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        kind, record_id = item.data(0, KIND_ROLE), item.data(0, ID_ROLE)
        if isinstance(kind, str) and isinstance(record_id, uuid.UUID):
            self._context.events.open_record_requested.emit(kind, record_id)

    def _progress_text(self, plan: PromisePlan) -> str:
        progress = plan.progress
        state = {
            ProgressState.NO_MEASURES: self.tr("inga åtgärder ännu"),
            ProgressState.NOT_STARTED: self.tr("inte påbörjat"),
            ProgressState.IN_PROGRESS: self.tr("pågår"),
            ProgressState.DONE: self.tr("genomfört"),
            ProgressState.CANCELLED: self.tr("inställt"),
        }[progress.state]
        share = progress.done_share
        text = self.tr("%1 · %2 – %3 · Läget: %4").replace("%1", label(plan.promise.status))
        text = text.replace("%2", date_text(plan.promise.period_start))
        text = text.replace("%3", date_text(plan.promise.period_end)).replace("%4", state)
        text += " · " + self.tr("%n åtgärder", "", progress.measure_count)
        if share is not None:
            text += " · " + self.tr("%1 % genomförda").replace("%1", str(round(share * 100)))
        followed = self.tr("följts upp: %1 av %n", "", progress.measure_count)
        text += " · " + followed.replace("%1", str(progress.followed_up))
        if progress.worst_mark is not None:
            worst = self.tr("Samlad markering vid uppföljning: %1")
            text += " · " + worst.replace("%1", label(progress.worst_mark))
        return text

    def _show_charts(self, indicators: tuple[IndicatorView, ...]) -> None:
        for view in self.chart_views:
            self.chart_row.removeWidget(view)
            view.deleteLater()
        self.chart_views = []
        for indicator in indicators:
            view = QChartView(indicator_chart(indicator), self.chart_holder)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(CHART_MIN_WIDTH, CHART_HEIGHT)
            view.setAccessibleName(self.tr("Diagram: %1").replace("%1", indicator.name))
            self.chart_row.addWidget(view)
            self.chart_views.append(view)
        if not indicators:
            empty = QChartView(self.chart_holder)
            empty.chart().setTitle(self.tr("Löftet har inga indikatorer ännu."))
            empty.setMinimumSize(CHART_MIN_WIDTH, CHART_HEIGHT)
            self.chart_row.addWidget(empty)
            self.chart_views.append(empty)

    def _focus_activated(self, item: QListWidgetItem) -> None:
        problem_id = item.data(ID_ROLE)
        if isinstance(problem_id, uuid.UUID):
            self._context.events.open_record_requested.emit("problems", problem_id)

    def _record_changed(self, kind: str, _record_id: object) -> None:
        # Edits elsewhere (the editors autosave every second): read again when next shown.
        if kind in _PLAN_KINDS:
            self._stale = True
            self._choices_stale = self._choices_stale or kind == "promises"
            if self.isVisible():
                self.reload()

    def _failed(self, error: KnownError) -> None:
        title, message = describe(error)
        self.progress_label.setText(f"{title}: {message}")
        self.progress_label.setStyleSheet("color: #b00020;")

"""Lägesbildsbyggaren: concerns aggregated for a scope and period, charts, problems ranked.

The officer picks a scope (a kommun, a lokalpolisområde, some places, or everything) and
a period; the page asks :class:`~kommunpolis.services.situation.SituationService` on
the database worker and shows three Qt charts (themes weighted by how many raised them,
the trend over time against the previous period, concerns per place), the aggregate
tables, the situation picture's sources (police-only ones marked) and its ranked
problems. A selected aggregate row becomes a problem linked to the concerns behind it.
:func:`render_charts` draws the same charts into a ``QImage`` for the lägesbild PDF.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QMargins,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import KnownError
from kommunpolis.services.situation import (
    ConcernFilter,
    Counts,
    DistrictView,
    Granularity,
    Period,
    PictureView,
    PlaceView,
    ProblemCreated,
    RankedProblem,
    Scope,
    ScopeKind,
    SituationService,
    SituationSummary,
)
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.errors import describe
from kommunpolis.ui.labels import label
from kommunpolis.ui.models.rows_table import RowsTableModel
from kommunpolis.ui.widgets.scrolling import scrolling_page

_NO_PARENT = QModelIndex()
CHART_SIZE = QSize(1200, 420)
TOP_PLACES = 10


def _number(value: int) -> str:
    return QLocale().toString(value)


def _change(value: int) -> str:
    return f"+{_number(value)}" if value > 0 else _number(value)


class Aggregate(IntEnum):
    """The tables of aggregates, in tab order."""

    THEMES = 0
    THEME_PLACES = 1
    PLACES = 2
    TIME_PATTERNS = 3
    FORMATS = 4


@dataclass(frozen=True)
class AggregateRow:
    """One row of an aggregate table: what it is, its numbers and its concerns' filter."""

    name: str
    counts: Counts
    concern_filter: ConcernFilter
    before: int | None = None  # the previous period's weight (themes only)
    problem_title: str = ""


def aggregate_rows(summary: SituationSummary, which: Aggregate) -> list[AggregateRow]:
    """Return the rows of one aggregate table, heaviest first."""
    at = QCoreApplication.translate("SituationBuilder", "{theme} vid {place}")
    no_place = QCoreApplication.translate("SituationBuilder", "(ingen plats)")
    if which is Aggregate.THEMES:
        return [
            AggregateRow(r.name, r.counts, r.filter, r.weight_before, r.name)
            for r in summary.by_theme
        ]
    if which is Aggregate.THEME_PLACES:
        return [
            AggregateRow(
                f"{r.theme_name} – {r.place_name or no_place}",
                r.counts,
                r.filter,
                problem_title=at.format(theme=r.theme_name, place=r.place_name)
                if r.place_name
                else r.theme_name,
            )
            for r in summary.by_theme_and_place
        ]
    if which is Aggregate.PLACES:
        return [
            AggregateRow(
                f"{r.name} ({r.municipality_name})" if r.place_id else no_place,
                r.counts,
                r.filter,
                problem_title=r.name,
            )
            for r in summary.by_place
        ]
    if which is Aggregate.TIME_PATTERNS:
        return [
            AggregateRow(label(r.time_pattern), r.counts, r.filter, problem_title="")
            for r in summary.by_time_pattern
        ]
    return [
        AggregateRow(label(r.dialogue_format), r.counts, r.filter, problem_title="")
        for r in summary.by_format
    ]


class AggregateModel(RowsTableModel[AggregateRow]):
    """One aggregate table: name, weight, concerns, dialogues, and the trend for themes."""

    class Column(IntEnum):
        """The model's columns, in display order."""

        NAME = 0
        WEIGHT = 1
        CONCERNS = 2
        DIALOGUES = 3
        BEFORE = 4
        CHANGE = 5

    FILTER_ROLE = Qt.ItemDataRole.UserRole + 1
    VALUE_ROLE = Qt.ItemDataRole.UserRole + 2
    TITLE_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._with_trend = False

    def set_rows(self, rows: Sequence[AggregateRow]) -> None:
        """Show ``rows``."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self._with_trend = any(row.before is not None for row in rows)
        self.endResetModel()

    def row(self, row: int) -> AggregateRow:
        """Return the aggregate row shown at ``row``."""
        return self._rows[row]

    def columnCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of columns (the trend's two only when there is a trend)."""
        if parent.isValid():
            return 0
        return len(self.Column) if self._with_trend else self.Column.BEFORE

    def _value(self, row: AggregateRow, column: AggregateModel.Column) -> int | None:
        if column is self.Column.WEIGHT:
            return row.counts.weight
        if column is self.Column.CONCERNS:
            return row.counts.concerns
        if column is self.Column.DIALOGUES:
            return row.counts.dialogues
        if row.before is None:
            return None
        return row.before if column is self.Column.BEFORE else row.counts.weight - row.before

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return a row's name or numbers."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < self.columnCount():
            return None
        row = self._rows[index.row()]
        column = self.Column(index.column())
        if role == self.FILTER_ROLE:
            return row.concern_filter
        if role == self.TITLE_ROLE:
            return row.problem_title
        if column is self.Column.NAME:
            return row.name if role in (Qt.ItemDataRole.DisplayRole, self.VALUE_ROLE) else None
        value = self._value(row, column)
        if role == self.VALUE_ROLE:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            return _change(value) if column is self.Column.CHANGE else _number(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headers(self) -> tuple[str, ...]:
        """Return the column titles."""
        return (
            self.tr("Vad"),
            # How many people raised it (the status line above says so in full).
            self.tr("Personer"),
            self.tr("Synpunkter"),
            self.tr("Dialoger"),
            self.tr("Föregående period"),
            self.tr("Förändring"),
        )


class RankedProblemModel(RowsTableModel[RankedProblem]):
    """The situation picture's problems in rank order."""

    class Column(IntEnum):
        """The model's columns, in display order."""

        RANK = 0
        TITLE = 1
        STATUS = 2
        CONCERNS = 3

    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def set_picture(self, picture: PictureView | None) -> None:
        """Show ``picture``'s ranked problems."""
        self._reset_rows(picture.problems if picture is not None else ())

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return a problem's rank, title, status or number of supporting concerns."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        problem = self._rows[index.row()]
        if role == self.ID_ROLE:
            return problem.problem_id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = self.Column(index.column())
        if column is self.Column.RANK:
            return _number(problem.rank)
        if column is self.Column.TITLE:
            return problem.title
        if column is self.Column.STATUS:
            return label(problem.status)
        return _number(problem.concerns)

    def headers(self) -> tuple[str, ...]:
        """Return the column titles."""
        return (self.tr("Rang"), self.tr("Problem"), self.tr("Status"), self.tr("Synpunkter"))


# --- charts ------------------------------------------------------------------------


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    return chart


def theme_chart(summary: SituationSummary) -> QChart:
    """Return a horizontal bar chart of the themes, weighted, heaviest at the top."""
    chart = _chart(QCoreApplication.translate("SituationBuilder", "Teman (antal som tagit upp)"))
    rows = list(reversed(summary.by_theme))
    name = QCoreApplication.translate("SituationBuilder", "Antal som tagit upp")
    _add_bars(chart, name, "#2f6db5", [(row.name, row.counts.weight) for row in rows])
    return chart


def trend_chart(summary: SituationSummary) -> QChart:
    """Return the weight per week or month as a line, with the previous period's average."""
    step = (
        QCoreApplication.translate("SituationBuilder", "vecka")
        if summary.granularity is Granularity.WEEK
        else QCoreApplication.translate("SituationBuilder", "månad")
    )
    chart = _chart(
        QCoreApplication.translate(
            "SituationBuilder", "Över tid (antal som tagit upp per {step})"
        ).format(step=step)
    )
    line = QLineSeries()
    line.setName(QCoreApplication.translate("SituationBuilder", "Perioden"))
    line.setColor(QColor("#2f6db5"))
    for number, bucket in enumerate(summary.series):
        line.append(float(number), float(bucket.counts.weight))
    chart.addSeries(line)
    buckets = max(len(summary.series), 1)
    average = QLineSeries()
    average.setName(QCoreApplication.translate("SituationBuilder", "Snitt föregående period"))
    average.setColor(QColor("#c05a28"))
    level = summary.totals_before.weight / buckets
    average.append(0.0, level)
    average.append(float(buckets - 1), level)
    chart.addSeries(average)
    chart.legend().setVisible(True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    if summary.granularity is Granularity.WEEK:
        names = [f"v{bucket.start.isocalendar().week}" for bucket in summary.series]
    else:
        names = [
            QLocale().monthName(b.start.month, QLocale.FormatType.ShortFormat)
            for b in summary.series
        ]
    # A label on every few buckets, upright: twelve month names under a third of the
    # window were all elided to "…" by a bar-category axis, turned or not.
    x_axis = QCategoryAxis()
    x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    x_axis.setRange(0, max(buckets - 1, 1))
    every = max(1, -(-len(names) // 6))
    used: set[str] = set()
    for number in range(0, len(names), every):
        name = names[number]
        if name in used:  # the axis needs unique labels: a second January gets its year
            name = f"{name} {summary.series[number].start.year}"
        used.add(name)
        x_axis.append(name, float(number))
    _small_labels(x_axis)
    values = _count_axis(max([b.counts.weight for b in summary.series] + [int(level)]))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    for series in (line, average):
        series.attachAxis(x_axis)
        series.attachAxis(values)
    return chart


def place_chart(summary: SituationSummary) -> QChart:
    """Return the concerns per place (the top places) as bars, the most at the top."""
    chart = _chart(
        QCoreApplication.translate(
            "SituationBuilder", "Synpunkter per plats (de {n} största)"
        ).format(n=TOP_PLACES)
    )
    places = [row for row in summary.by_place if row.place_id is not None]
    places.sort(key=lambda row: -row.counts.concerns)
    rows = list(reversed(places[:TOP_PLACES]))
    name = QCoreApplication.translate("SituationBuilder", "Synpunkter")
    _add_bars(chart, name, "#3c8d5a", [(row.name, row.counts.concerns) for row in rows])
    return chart


def _add_bars(chart: QChart, name: str, color: str, bars: Sequence[tuple[str, int]]) -> None:
    """Add horizontal bars, one per (category, value), the first at the bottom."""
    values = QBarSet(name)
    values.setColor(QColor(color))
    values.append([float(value) for _, value in bars])
    series = QHorizontalBarSeries()
    series.append(values)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([category for category, _ in bars] or [""])
    _small_labels(categories)
    axis = _count_axis(max((value for _, value in bars), default=0))
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(axis)


def _count_axis(highest: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, max(highest * 1.1, 1))
    axis.applyNiceNumbers()
    _small_labels(axis)
    return axis


def _small_labels(axis: QBarCategoryAxis | QValueAxis) -> None:
    # The charts share a row of the page: a smaller font keeps category names whole.
    font = axis.labelsFont()
    font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
    axis.setLabelsFont(font)


CHARTS: tuple[Callable[[SituationSummary], QChart], ...] = (theme_chart, trend_chart, place_chart)


def render_charts(summary: SituationSummary, size: QSize = CHART_SIZE) -> QImage:
    """Draw the three charts side by side into a white image of ``size`` (for a PDF).

    Needs a ``QApplication`` (charts are graphics items); call it on the GUI thread.
    """
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width = size.width() / len(CHARTS)
    views = []
    for number, build in enumerate(CHARTS):
        view = QChartView(build(summary))
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.resize(int(width), size.height())
        view.chart().resize(width, size.height())
        target = QRectF(number * width, 0, width, size.height())
        view.scene().render(painter, target, QRectF(0, 0, width, size.height()))
        views.append(view)
    painter.end()
    for view in views:
        view.deleteLater()
    return image


# --- the page ----------------------------------------------------------------------


class SituationBuilderPage(QWidget):
    """Pick scope and period; see the aggregates, charts, sources and ranked problems."""

    summary_shown = Signal(object)  # SituationSummary
    picture_changed = Signal(object)  # PictureView
    problem_created = Signal(object)  # ProblemCreated

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        service: SituationService | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._service = service or context.services.situation
        self.summary: SituationSummary | None = None
        self.picture: PictureView | None = None
        self.loading = False
        self._districts: list[DistrictView] = []
        self.setObjectName("situation-builder")
        self._build(today())
        self._load_choices()

    # ---------------------------------------------------------------- building

    def _build(self, today: date) -> None:
        outer = scrolling_page(self)
        outer.addWidget(self._build_scope(today))
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        outer.addWidget(self.status_label)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        charts = QWidget(splitter)
        chart_row = QHBoxLayout(charts)
        chart_row.setContentsMargins(0, 0, 0, 0)
        self.chart_views: list[QChartView] = []
        names = (
            QCoreApplication.translate("SituationBuilder", "Diagram: teman"),
            QCoreApplication.translate("SituationBuilder", "Diagram: över tid"),
            QCoreApplication.translate("SituationBuilder", "Diagram: platser"),
        )
        for name in names:
            view = QChartView(charts)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            # Shorter than this, Qt Charts elides the category names of the bar charts.
            view.setMinimumSize(260, 300)
            view.setAccessibleName(name)
            chart_row.addWidget(view, 1)
            self.chart_views.append(view)
        splitter.addWidget(charts)

        lower = QWidget(splitter)
        lower_row = QHBoxLayout(lower)
        lower_row.setContentsMargins(0, 0, 0, 0)
        lower_row.addWidget(self._build_tables(), 3)
        lower_row.addWidget(self._build_picture(), 2)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)

    def _build_scope(self, today: date) -> QWidget:
        box = QGroupBox(self.tr("Urval"), self)
        grid = QGridLayout(box)
        self.scope_kind = QComboBox(box)
        for kind, text in (
            (ScopeKind.MUNICIPALITIES, self.tr("Kommun")),
            (ScopeKind.DISTRICT, self.tr("Lokalpolisområde")),
            (ScopeKind.PLACES, self.tr("Platser")),
            (ScopeKind.EVERYWHERE, self.tr("Alla")),
        ):
            self.scope_kind.addItem(text, kind)
        self.municipality = QComboBox(box)
        self.district = QComboBox(box)
        self.places = QListWidget(box)
        self.places.setMaximumHeight(90)
        self.start = QDateEdit(box)
        self.end = QDateEdit(box)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.start.setDate(QDate(today.year - 1, today.month, 1).addDays(0))
        self.end.setDate(QDate(today.year, today.month, 1).addDays(-1))
        self.show_button = QPushButton(self.tr("&Sammanställ"), box)
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.refresh)

        pairs: list[tuple[str, QWidget]] = [
            (self.tr("&Urval:"), self.scope_kind),
            (self.tr("&Kommun:"), self.municipality),
            (self.tr("&Lokalpolisområde:"), self.district),
            (self.tr("Fr&ån:"), self.start),
            (self.tr("&Till:"), self.end),
        ]
        for column, (text, widget) in enumerate(pairs):
            caption = QLabel(text, box)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, column)
            grid.addWidget(widget, 1, column)
        places_label = QLabel(self.tr("&Platser:"), box)
        places_label.setBuddy(self.places)
        grid.addWidget(places_label, 0, len(pairs))
        grid.addWidget(self.places, 1, len(pairs), 2, 1)
        self.places.setAccessibleName(self.tr("Platser"))
        grid.addWidget(self.show_button, 1, len(pairs) + 1)
        grid.setColumnStretch(len(pairs), 1)

        self.scope_kind.currentIndexChanged.connect(self._scope_kind_changed)
        self.municipality.currentIndexChanged.connect(self._load_places)
        self._scope_kind_changed()
        return box

    def _build_tables(self) -> QWidget:
        box = QGroupBox(self.tr("Sammanställning"), self)
        layout = QVBoxLayout(box)
        self.tables = QTabWidget(box)
        self.models: dict[Aggregate, AggregateModel] = {}
        self.views: dict[Aggregate, QTableView] = {}
        titles = {
            Aggregate.THEMES: self.tr("Teman"),
            Aggregate.THEME_PLACES: self.tr("Tema och plats"),
            Aggregate.PLACES: self.tr("Platser"),
            Aggregate.TIME_PATTERNS: self.tr("Tidsmönster"),
            Aggregate.FORMATS: self.tr("Dialogformer"),
        }
        for which in Aggregate:
            model = AggregateModel(self)
            view = QTableView(self.tables)
            view.setModel(model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setAlternatingRowColors(True)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            view.horizontalHeader().setDefaultAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            view.setAccessibleName(titles[which])
            view.selectionModel().currentRowChanged.connect(self._row_chosen)
            self.models[which] = model
            self.views[which] = view
            self.tables.addTab(view, titles[which])
        self.tables.currentChanged.connect(lambda _index: self._row_chosen())
        layout.addWidget(self.tables, 1)

        form = QFormLayout()
        self.problem_title = QLineEdit(box)
        self.problem_title.setMaxLength(200)
        form.addRow(self.tr("&Rubrik för nytt problem:"), self.problem_title)
        layout.addLayout(form)
        self.create_button = QPushButton(self.tr("Skapa &problem av markerad rad"), box)
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.create_problem)
        self.problem_title.textChanged.connect(lambda _text: self._update_buttons())
        layout.addWidget(self.create_button)
        return box

    def _build_picture(self) -> QWidget:
        box = QGroupBox(self.tr("Lägesbild"), self)
        layout = QVBoxLayout(box)
        form = QFormLayout()
        self.picture_choice = QComboBox(box)
        form.addRow(self.tr("&Lägesbild:"), self.picture_choice)
        self.picture_title = QLineEdit(box)
        self.picture_title.setMaxLength(200)
        form.addRow(self.tr("R&ubrik:"), self.picture_title)
        layout.addLayout(form)
        self.save_picture_button = QPushButton(self.tr("Spara lägesbild för urvalet"), box)
        self.save_picture_button.clicked.connect(self.save_picture)
        layout.addWidget(self.save_picture_button)

        self.problem_model = RankedProblemModel(self)
        self.problem_view = QTableView(box)
        self.problem_view.setModel(self.problem_model)
        self.problem_view.setAccessibleName(self.tr("Rangordnade problem"))
        self.problem_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problem_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problem_view.verticalHeader().hide()
        header = self.problem_view.horizontalHeader()
        header.setSectionResizeMode(RankedProblemModel.Column.TITLE, QHeaderView.ResizeMode.Stretch)
        problems_label = QLabel(self.tr("Rangordnade pro&blem:"), box)
        problems_label.setBuddy(self.problem_view)
        layout.addWidget(problems_label)
        layout.addWidget(self.problem_view, 2)
        buttons = QHBoxLayout()
        self.up_button = QPushButton(self.tr("Flytta &upp"), box)
        self.down_button = QPushButton(self.tr("Flytta &ned"), box)
        self.up_button.clicked.connect(lambda: self.move_problem(-1))
        self.down_button.clicked.connect(lambda: self.move_problem(1))
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.source_list = QListWidget(box)
        self.source_list.setAccessibleName(self.tr("Källor"))
        sources_label = QLabel(self.tr("&Källor:"), box)
        sources_label.setBuddy(self.source_list)
        layout.addWidget(sources_label)
        layout.addWidget(self.source_list, 1)
        self.picture_choice.currentIndexChanged.connect(self._picture_chosen)
        self.problem_view.selectionModel().currentRowChanged.connect(
            lambda *_args: self._update_buttons()
        )
        self._update_buttons()
        return box

    # ---------------------------------------------------------------- public

    def scope(self) -> Scope:
        """Return the scope chosen in the form."""
        kind = ScopeKind(self.scope_kind.currentData())
        if kind is ScopeKind.MUNICIPALITIES:
            code = self.municipality.currentData()
            return Scope.municipalities([code] if code else [])
        if kind is ScopeKind.DISTRICT:
            district_id = self.district.currentData()
            if district_id is None:
                return Scope.municipalities([])
            return Scope.district(district_id)
        if kind is ScopeKind.PLACES:
            checked = [
                self.places.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.places.count())
                if self.places.item(row).checkState() == Qt.CheckState.Checked
            ]
            return Scope.places(checked)
        return Scope.everywhere()

    def period(self) -> Period:
        """Return the period chosen in the form."""
        start, end = self.start.date().toPython(), self.end.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        return Period(start, end)

    def refresh(self) -> None:
        """Aggregate the chosen scope and period on the worker."""
        scope, period = self.scope(), self.period()
        self.loading = True
        self.status_label.setText(self.tr("Sammanställer…"))
        service = self._service
        self._context.worker.submit(
            lambda: service.summarize(scope, period),
            self._show_summary,
            self._show_failure,
            owner=self,
        )

    def create_problem(self) -> None:
        """Create a problem from the selected aggregate row, linked to its concerns."""
        row = self.selected_row()
        title = self.problem_title.text().strip()
        if row is None or not title or self.summary is None:
            return
        summary, picture = self.summary, self.picture
        service = self._service
        self._context.worker.submit(
            lambda: service.create_problem(
                summary.scope,
                summary.period,
                row.concern_filter,
                title=title,
                picture_id=picture.id if picture is not None else None,
            ),
            self._problem_created,
            self._show_failure,
            owner=self,
        )

    def save_picture(self) -> None:
        """Create (or update the chosen) situation picture for the shown scope and period."""
        if self.summary is None:
            return
        title = self.picture_title.text()
        summary, picture = self.summary, self.picture
        service = self._service
        self._context.worker.submit(
            lambda: service.save_picture(
                summary.scope,
                summary.period,
                title=title,
                picture_id=picture.id if picture is not None else None,
            ),
            self._picture_saved,
            self._show_failure,
            owner=self,
        )

    def move_problem(self, steps: int) -> None:
        """Move the selected ranked problem up (negative) or down."""
        index = self.problem_view.currentIndex()
        if self.picture is None or not index.isValid():
            return
        problem_id = index.data(RankedProblemModel.ID_ROLE)
        picture_id = self.picture.id
        service = self._service

        def moved(picture: PictureView) -> None:
            self._show_picture(picture)
            row = next((n for n, p in enumerate(picture.problems) if p.problem_id == problem_id), 0)
            self.problem_view.setCurrentIndex(self.problem_model.index(row, 1))

        self._context.worker.submit(
            lambda: service.move_problem(picture_id, problem_id, steps),
            moved,
            self._show_failure,
            owner=self,
        )

    def selected_row(self) -> AggregateRow | None:
        """Return the aggregate row selected in the shown table."""
        which = Aggregate(self.tables.currentIndex())
        index = self.views[which].currentIndex()
        if not index.isValid():
            return None
        return self.models[which].row(index.row())

    # ---------------------------------------------------------------- internals

    def _load_choices(self) -> None:
        services = self._context.services
        service = self._service

        def load() -> tuple[object, ...]:
            profile = services.profiles.current()
            return (
                services.profiles.municipalities(),
                profile.municipality_codes if profile else (),
                service.districts(),
                service.pictures(),
            )

        self._context.worker.submit(load, self._show_choices, self._show_failure, owner=self)

    def _show_choices(self, loaded: tuple[object, ...]) -> None:
        municipalities, own, districts, pictures = loaded
        assert isinstance(municipalities, tuple) and isinstance(own, tuple)
        assert isinstance(districts, tuple) and isinstance(pictures, tuple)
        self.municipality.blockSignals(True)
        ordered = [m for m in municipalities if m.code in own] + [
            m for m in municipalities if m.code not in own
        ]
        for municipality in ordered:
            self.municipality.addItem(municipality.name, municipality.code)
        self.municipality.blockSignals(False)
        self._districts = list(districts)
        for district in self._districts:
            self.district.addItem(district.name, district.id)
        self._fill_pictures(list(pictures))
        self._load_places()

    def _fill_pictures(
        self, pictures: Sequence[PictureView], chosen: uuid.UUID | None = None
    ) -> None:
        self.picture_choice.blockSignals(True)
        self.picture_choice.clear()
        self.picture_choice.addItem(self.tr("(ny lägesbild)"), None)
        for picture in pictures:
            self.picture_choice.addItem(
                f"{picture.title} ({picture.period.start} – {picture.period.end})", picture
            )
        index = next(
            (
                n
                for n in range(self.picture_choice.count())
                if isinstance(self.picture_choice.itemData(n), PictureView)
                and self.picture_choice.itemData(n).id == chosen
            ),
            0,
        )
        self.picture_choice.setCurrentIndex(index)
        self.picture_choice.blockSignals(False)

    def _load_places(self) -> None:
        code = self.municipality.currentData()
        if code is None:
            return
        service = self._service
        self._context.worker.submit(
            lambda: service.places([code]), self._show_places, self._show_failure, owner=self
        )

    def _show_places(self, places: tuple[PlaceView, ...]) -> None:
        self.places.clear()
        for place in places:
            item = QListWidgetItem(place.name, self.places)
            item.setData(Qt.ItemDataRole.UserRole, place.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def _scope_kind_changed(self) -> None:
        kind = ScopeKind(self.scope_kind.currentData())
        self.municipality.setEnabled(kind in (ScopeKind.MUNICIPALITIES, ScopeKind.PLACES))
        self.district.setEnabled(kind is ScopeKind.DISTRICT)
        self.places.setEnabled(kind is ScopeKind.PLACES)

    def _show_summary(self, summary: SituationSummary) -> None:
        self.loading = False
        self.summary = summary
        for which in Aggregate:
            self.models[which].set_rows(aggregate_rows(summary, which))
            view = self.views[which]
            for column in range(1, self.models[which].columnCount()):
                view.resizeColumnToContents(column)
        for chart_view, build in zip(self.chart_views, CHARTS, strict=True):
            old = chart_view.chart()
            chart_view.setChart(build(summary))
            old.deleteLater()
        totals = summary.totals
        self.status_label.setText(
            self.tr(
                "{weight} personer tog upp {concerns} synpunkter i {dialogues} dialoger "
                "({start} – {end}); föregående period: {before}."
            ).format(
                weight=_number(totals.weight),
                concerns=_number(totals.concerns),
                dialogues=_number(totals.dialogues),
                start=summary.period.start.isoformat(),
                end=summary.period.end.isoformat(),
                before=_number(summary.totals_before.weight),
            )
        )
        self._update_buttons()
        self.summary_shown.emit(summary)

    def _row_chosen(self, *_args: object) -> None:
        row = self.selected_row()
        if row is not None and row.problem_title:
            self.problem_title.setText(row.problem_title)
        self._update_buttons()

    def _picture_chosen(self) -> None:
        data = self.picture_choice.currentData()
        self._show_picture(data if isinstance(data, PictureView) else None)

    def _show_picture(self, picture: PictureView | None) -> None:
        self.picture = picture
        self.problem_model.set_picture(picture)
        self.problem_view.resizeColumnToContents(RankedProblemModel.Column.RANK)
        self.source_list.clear()
        if picture is not None:
            self.picture_title.setText(picture.title)
            for source in picture.sources:
                text = f"{label(source.source_type)}: {source.description}"
                if source.police_only:
                    text = self.tr("{text} – endast polis").format(text=text)
                item = QListWidgetItem(text, self.source_list)
                if source.police_only:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
        self._update_buttons()

    def _picture_saved(self, picture: PictureView) -> None:
        self._service_pictures(picture.id)
        self._show_picture(picture)
        self._context.events.announce_saved("situation-pictures", picture.id)
        self.picture_changed.emit(picture)

    def _service_pictures(self, chosen: uuid.UUID) -> None:
        service = self._service
        self._context.worker.submit(
            service.pictures,
            lambda pictures: self._fill_pictures(pictures, chosen),
            self._show_failure,
            owner=self,
        )

    def _problem_created(self, created: ProblemCreated) -> None:
        self.status_label.setText(
            self.tr("Problemet ”{title}” skapades med {count} synpunkter som underlag.").format(
                title=created.title, count=_number(created.linked_concerns)
            )
        )
        if created.picture is not None:
            self._show_picture(created.picture)
            self._service_pictures(created.picture.id)
        self._context.events.announce_saved("problems", created.problem_id)
        self.problem_created.emit(created)

    def _show_failure(self, error: KnownError) -> None:
        self.loading = False
        title, message = describe(error)
        self.status_label.setText(f"{title}: {message}")

    def _update_buttons(self) -> None:
        has_row = self.selected_row() is not None if self.summary is not None else False
        self.create_button.setEnabled(has_row and bool(self.problem_title.text().strip()))
        self.save_picture_button.setEnabled(self.summary is not None)
        has_problem = self.picture is not None and self.problem_view.currentIndex().isValid()
        self.up_button.setEnabled(has_problem)
        self.down_button.setEnabled(has_problem)

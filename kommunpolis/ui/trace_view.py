"""Visa kedjan: one promise's or one dialogue's chain, with the breaks marked.

For a promise: the concerns and dialogues behind its focus areas, the promise and its
parties' words, the measures with their latest follow-up colour and every follow-up line,
the follow-ups, and whether the citizens behind it were told (återkoppling). For a
dialogue: what became of each concern — its problems, their promises and measures — and
whether the participants were told. Above the tree a strip lays out the chain's steps
(synpunkt → problem → löfte → åtgärd → uppföljning → återkoppling) with a mark on each
broken one; in the tree every break is marked by a tint, a warning icon and its words,
never by colour alone. A click or Enter on a row asks the main window to open its record.

The trace is read on the database worker (:class:`~kommunpolis.services.chain.ChainService`)
and read again shortly after any record is saved, deleted or restored.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import IntEnum, StrEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import KnownError
from kommunpolis.domain.statuses import DialogueStatus, MeasureStatus
from kommunpolis.domain.vocabulary import FollowUpMark
from kommunpolis.services.chain import (
    BreakKind,
    ChainBreak,
    ChainService,
    ConcernView,
    DialogueTrace,
    MeasureView,
    ProblemView,
    PromiseProgress,
    PromiseTrace,
)
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.errors import describe
from kommunpolis.ui.labels import kind_label, label

_NO_PARENT = QModelIndex()
_CONTEXT = "ChainBreaks"
TRACE_KINDS = ("promises", "dialogues")
"""The kinds whose chain can be shown."""
TRACE_SHORTCUT = "Ctrl+Shift+K"
REFRESH_DELAY_MS = 500
# Followed by text everywhere they are used: the colour is never the only sign.
MARK_COLOURS: Mapping[FollowUpMark, str] = {
    FollowUpMark.GREEN: "#2e7d32",
    FollowUpMark.YELLOW: "#b7860b",
    FollowUpMark.RED: "#c62828",
}
BROKEN_TINT = "#fdecea"
BROKEN_TEXT = "#b3261e"
WHOLE_TINT = "#edf7ed"
WHOLE_TEXT = "#1e5e22"

_BREAK_LABELS: Mapping[BreakKind, str] = {
    BreakKind.PROMISE_WITHOUT_PROBLEM: str(QT_TRANSLATE_NOOP("ChainBreaks", "Inget fokusområde")),
    BreakKind.PROMISE_WITHOUT_COMMITMENT: str(
        QT_TRANSLATE_NOOP("ChainBreaks", "Ingen part har lovat något")
    ),
    BreakKind.PROMISE_WITHOUT_MEASURE: str(QT_TRANSLATE_NOOP("ChainBreaks", "Ingen åtgärd")),
    BreakKind.PROBLEM_WITHOUT_CONCERN: str(
        QT_TRANSLATE_NOOP("ChainBreaks", "Ingen synpunkt stöder problemet")
    ),
    BreakKind.PROBLEM_WITHOUT_MEASURE: str(
        QT_TRANSLATE_NOOP("ChainBreaks", "Ingen åtgärd för problemet")
    ),
    BreakKind.MEASURE_WITHOUT_PROBLEM: str(
        QT_TRANSLATE_NOOP("ChainBreaks", "Svarar inte mot något fokusområde")
    ),
    BreakKind.MEASURE_WITHOUT_FOLLOW_UP: str(QT_TRANSLATE_NOOP("ChainBreaks", "Aldrig uppföljd")),
    BreakKind.MEASURE_OVERDUE: str(QT_TRANSLATE_NOOP("ChainBreaks", "Försenad")),
    BreakKind.DIALOGUE_WITHOUT_CONCERN: str(QT_TRANSLATE_NOOP("ChainBreaks", "Inga synpunkter")),
    BreakKind.CONCERN_WITHOUT_PROBLEM: str(
        QT_TRANSLATE_NOOP("ChainBreaks", "Inte kopplad till något problem")
    ),
    BreakKind.DIALOGUE_NOT_FED_BACK: str(QT_TRANSLATE_NOOP("ChainBreaks", "Inte återkopplad")),
}


def break_label(kind: BreakKind) -> str:
    """Return the short translated words for one kind of break."""
    return QCoreApplication.translate(_CONTEXT, _BREAK_LABELS[kind])


def mark_html(mark: FollowUpMark | None) -> str:
    """Return a coloured dot followed by the mark's name (empty for no mark)."""
    if mark is None:
        return ""
    return f'<span style="color:{MARK_COLOURS[mark]}">●</span> {label(mark)}'


def _translate(text: str) -> str:
    """Translate a text marked with QT_TRANSLATE_NOOP("TraceView", …)."""
    return QCoreApplication.translate("TraceView", text)


def _date(day: date | datetime | None) -> str:
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = day.astimezone().date()
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


class ChainStep(StrEnum):
    """The steps of the chain, in order."""

    CONCERNS = "concerns"
    PROBLEMS = "problems"
    PROMISE = "promise"
    MEASURES = "measures"
    FOLLOW_UPS = "follow_ups"
    FEEDBACK = "feedback"


_STEP_LABELS: Mapping[ChainStep, str] = {
    ChainStep.CONCERNS: str(QT_TRANSLATE_NOOP("TraceView", "Synpunkter")),
    ChainStep.PROBLEMS: str(QT_TRANSLATE_NOOP("TraceView", "Problem")),
    ChainStep.PROMISE: str(QT_TRANSLATE_NOOP("TraceView", "Löfte")),
    ChainStep.MEASURES: str(QT_TRANSLATE_NOOP("TraceView", "Åtgärder")),
    ChainStep.FOLLOW_UPS: str(QT_TRANSLATE_NOOP("TraceView", "Uppföljning")),
    ChainStep.FEEDBACK: str(QT_TRANSLATE_NOOP("TraceView", "Återkoppling")),
}


def step_label(step: ChainStep) -> str:
    """Return the translated name of a step of the chain."""
    return _translate(_STEP_LABELS[step])


@dataclass
class TraceNode:
    """One row of the tree: a group heading (no kind) or a record, with its breaks."""

    title: str
    step: ChainStep
    kind: str | None = None
    record_id: uuid.UUID | None = None
    state: str = ""  # plain text, e.g. "Pågår · Röd"
    mark: FollowUpMark | None = None
    breaks: tuple[BreakKind, ...] = ()
    children: list[TraceNode] = field(default_factory=list)
    parent: TraceNode | None = field(default=None, repr=False)
    row: int = 0

    def add(self, child: TraceNode) -> TraceNode:
        """Append ``child`` and return it."""
        child.parent, child.row = self, len(self.children)
        self.children.append(child)
        return child

    def walk(self) -> Iterable[TraceNode]:
        """This node and every node below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def is_group(self) -> bool:
        """Whether the row is a heading rather than a record."""
        return self.kind is None

    def broken_below(self) -> int:
        """How many rows below (this one excluded) carry a break."""
        return sum(1 for node in self.walk() if node is not self and node.breaks)


@dataclass(frozen=True)
class StepSummary:
    """One step of the strip: how many records, how many of them broken."""

    step: ChainStep
    count: int
    broken: int
    group: TraceNode | None  # the tree's heading for the step, if it has one


class _Breaks:
    """The trace's breaks by record."""

    def __init__(self, breaks: Sequence[ChainBreak]) -> None:
        self._by_record: dict[tuple[str, uuid.UUID], list[BreakKind]] = {}
        for item in breaks:
            self._by_record.setdefault((item.record_kind, item.record_id), []).append(item.kind)

    def of(self, kind: str, record_id: uuid.UUID) -> tuple[BreakKind, ...]:
        return tuple(self._by_record.get((kind, record_id), ()))


def _measure_state(status: MeasureStatus, mark: FollowUpMark | None, when: date | None) -> str:
    parts = [label(status)]
    if mark is not None:
        parts.append(label(mark))
    if when is not None:
        parts.append(
            QCoreApplication.translate("TraceView", "senast uppföljd %1").replace("%1", _date(when))
        )
    else:
        parts.append(QCoreApplication.translate("TraceView", "aldrig uppföljd"))
    return " · ".join(parts)


def _dialogue_state(status: DialogueStatus, fed_back_on: date | None, channel: str) -> str:
    if status is DialogueStatus.FED_BACK:
        text = (
            QCoreApplication.translate("TraceView", "Återkopplad %1")
            .replace("%1", _date(fed_back_on))
            .strip()
        )
        return f"{text} · {channel}" if channel else text
    return label(status)


def _concern_node(concern: ConcernView, state: str, breaks: _Breaks) -> TraceNode:
    where = f" – {concern.place}" if concern.place else ""
    return TraceNode(
        QCoreApplication.translate("TraceView", "%1%2 (%3 st)")
        .replace("%1", concern.theme)
        .replace("%2", where)
        .replace("%3", str(concern.raised_count)),
        ChainStep.CONCERNS,
        "concerns",
        concern.id,
        state=state,
        breaks=breaks.of("concerns", concern.id),
    )


def _problem_node(problem: ProblemView, breaks: _Breaks) -> TraceNode:
    return TraceNode(
        problem.title,
        ChainStep.PROBLEMS,
        "problems",
        problem.id,
        state=label(problem.status),
        breaks=breaks.of("problems", problem.id),
    )


def _measure_node(measure: MeasureView, breaks: _Breaks) -> TraceNode:
    latest = measure.latest
    return TraceNode(
        measure.title,
        ChainStep.MEASURES,
        "measures",
        measure.id,
        state=_measure_state(
            measure.status,
            latest.mark if latest else None,
            latest.held_on if latest else None,
        ),
        mark=latest.mark if latest else None,
        breaks=breaks.of("measures", measure.id),
    )


def promise_tree(trace: PromiseTrace) -> list[TraceNode]:
    """Return the groups of a promise's tree, in chain order."""
    breaks = _Breaks(trace.breaks)
    promise = trace.promise
    dialogues = {d.id: d for d in trace.dialogues}

    focus = TraceNode(
        QCoreApplication.translate("TraceView", "Fokusområden och synpunkterna bakom dem"),
        ChainStep.PROBLEMS,
    )
    for problem_trace in trace.problems:
        problem = problem_trace.problem
        node = focus.add(_problem_node(problem, breaks))
        for concern in problem_trace.concerns:
            dialogue = dialogues.get(concern.dialogue_id)
            state = (
                QCoreApplication.translate("TraceView", "%1, %2")
                .replace("%1", dialogue.title)
                .replace("%2", _date(dialogue.starts_at))
                if dialogue is not None
                else ""
            )
            node.add(_concern_node(concern, state, breaks))
    if not trace.problems:
        focus.add(
            TraceNode(
                QCoreApplication.translate("TraceView", "Löftet har inget fokusområde"),
                ChainStep.PROBLEMS,
                "promises",
                promise.id,
                breaks=(BreakKind.PROMISE_WITHOUT_PROBLEM,),
            )
        )

    promise_group = TraceNode(QCoreApplication.translate("TraceView", "Löftet"), ChainStep.PROMISE)
    promise_node = promise_group.add(
        TraceNode(
            promise.title,
            ChainStep.PROMISE,
            "promises",
            promise.id,
            state=" · ".join(
                part
                for part in (
                    label(promise.status),
                    f"{_date(promise.period_start)}–{_date(promise.period_end)}",
                )
                if part
            ),
            breaks=tuple(
                kind
                for kind in breaks.of("promises", promise.id)
                if kind is not BreakKind.PROMISE_WITHOUT_PROBLEM
                and kind is not BreakKind.PROMISE_WITHOUT_MEASURE
            ),
        )
    )
    for commitment in trace.commitments:
        who = commitment.organisation_name or label(commitment.party)
        promise_node.add(
            TraceNode(
                commitment.text,
                ChainStep.PROMISE,
                "commitments",
                commitment.id,
                state=who,
            )
        )

    measures = TraceNode(QCoreApplication.translate("TraceView", "Åtgärder"), ChainStep.MEASURES)
    for measure in trace.measures:
        node = measures.add(_measure_node(measure, breaks))
        for line in reversed(measure.lines):
            parts = [label(line.status)]
            if line.mark is not None:
                parts.append(label(line.mark))
            if line.note:
                parts.append(line.note)
            node.add(
                TraceNode(
                    _date(line.held_on),
                    ChainStep.FOLLOW_UPS,
                    "followups",
                    line.follow_up_id,
                    state=" · ".join(parts),
                    mark=line.mark,
                )
            )
    if not trace.measures:
        measures.add(
            TraceNode(
                QCoreApplication.translate("TraceView", "Ingen åtgärd tjänar löftet"),
                ChainStep.MEASURES,
                "promises",
                promise.id,
                breaks=(BreakKind.PROMISE_WITHOUT_MEASURE,),
            )
        )

    follow_ups = TraceNode(
        QCoreApplication.translate("TraceView", "Uppföljningar"), ChainStep.FOLLOW_UPS
    )
    for follow_up in reversed(trace.follow_ups):
        state = label(follow_up.kind)
        if follow_up.reported_to:
            state += " · " + QCoreApplication.translate("TraceView", "rapporterad till %1").replace(
                "%1", follow_up.reported_to
            )
        follow_ups.add(
            TraceNode(
                _date(follow_up.held_on),
                ChainStep.FOLLOW_UPS,
                "followups",
                follow_up.id,
                state=state,
            )
        )

    feedback = TraceNode(
        QCoreApplication.translate("TraceView", "Återkoppling till dialogerna bakom löftet"),
        ChainStep.FEEDBACK,
    )
    for dialogue in trace.dialogues:
        feedback.add(
            TraceNode(
                f"{dialogue.title} ({_date(dialogue.starts_at)})",
                ChainStep.FEEDBACK,
                "dialogues",
                dialogue.id,
                state=_dialogue_state(
                    dialogue.status, dialogue.fed_back_on, dialogue.feedback_channel
                ),
                breaks=breaks.of("dialogues", dialogue.id),
            )
        )
    return [focus, promise_group, measures, follow_ups, feedback]


def dialogue_tree(trace: DialogueTrace) -> list[TraceNode]:
    """Return the groups of a dialogue's tree: each concern and what became of it; feedback."""
    breaks = _Breaks(trace.breaks)
    dialogue = trace.dialogue
    concerns = TraceNode(
        QCoreApplication.translate("TraceView", "Synpunkterna och vad som blev av dem"),
        ChainStep.CONCERNS,
    )
    for outcome in trace.concerns:
        concern = outcome.concern
        concern_node = concerns.add(_concern_node(concern, concern.text, breaks))
        for problem_outcome in outcome.problems:
            problem = problem_outcome.problem
            problem_node = concern_node.add(_problem_node(problem, breaks))
            for promise in problem_outcome.promises:
                problem_node.add(
                    TraceNode(
                        promise.title,
                        ChainStep.PROMISE,
                        "promises",
                        promise.id,
                        state=label(promise.status),
                    )
                )
            for measure in problem_outcome.measures:
                problem_node.add(_measure_node(measure, breaks))
    if not trace.concerns:
        concerns.add(
            TraceNode(
                QCoreApplication.translate("TraceView", "Inga synpunkter antecknade"),
                ChainStep.CONCERNS,
                "dialogues",
                dialogue.id,
                breaks=tuple(
                    k
                    for k in breaks.of("dialogues", dialogue.id)
                    if k is BreakKind.DIALOGUE_WITHOUT_CONCERN
                ),
            )
        )
    feedback = TraceNode(
        QCoreApplication.translate("TraceView", "Återkoppling till deltagarna"), ChainStep.FEEDBACK
    )
    feedback.add(
        TraceNode(
            dialogue.title,
            ChainStep.FEEDBACK,
            "dialogues",
            dialogue.id,
            state=_dialogue_state(dialogue.status, dialogue.fed_back_on, dialogue.feedback_channel),
            breaks=tuple(
                k
                for k in breaks.of("dialogues", dialogue.id)
                if k is BreakKind.DIALOGUE_NOT_FED_BACK
            ),
        )
    )
    return [concerns, feedback]


_STEP_KINDS: Mapping[ChainStep, str] = {
    ChainStep.CONCERNS: "concerns",
    ChainStep.PROBLEMS: "problems",
    ChainStep.PROMISE: "promises",
    ChainStep.MEASURES: "measures",
    ChainStep.FOLLOW_UPS: "followups",
    ChainStep.FEEDBACK: "dialogues",
}


def summarise(groups: Sequence[TraceNode], steps: Sequence[ChainStep]) -> tuple[StepSummary, ...]:
    """Return the strip's steps: the step's records, and its rows with a break.

    A step counts the records of its own kind (a commitment is no promise, a follow-up
    line is its follow-up); a row naming a gap where records are missing is a break of
    the step it stands in.
    """
    records: dict[ChainStep, set[tuple[str, uuid.UUID]]] = {step: set() for step in steps}
    broken: dict[ChainStep, set[tuple[str, uuid.UUID]]] = {step: set() for step in steps}
    headings: dict[ChainStep, TraceNode] = {}
    for group in groups:
        headings.setdefault(group.step, group)
        for node in group.walk():
            if node.kind is None or node.record_id is None or node.step not in records:
                continue
            key = (node.kind, node.record_id)
            if node.kind == _STEP_KINDS[node.step]:
                records[node.step].add(key)
            if node.breaks:
                broken[node.step].add(key)
    return tuple(
        StepSummary(step, len(records[step]), len(broken[step]), headings.get(step))
        for step in steps
    )


PROMISE_STEPS = tuple(ChainStep)
DIALOGUE_STEPS = (
    ChainStep.CONCERNS,
    ChainStep.PROBLEMS,
    ChainStep.PROMISE,
    ChainStep.MEASURES,
    ChainStep.FEEDBACK,
)


class TraceModel(QAbstractItemModel):
    """The chain as a tree: headings in chain order, records below them."""

    class Column(IntEnum):
        """The model's columns, in display order."""

        ITEM = 0
        STATE = 1
        BREAKS = 2

    KIND_ROLE = Qt.ItemDataRole.UserRole + 1
    ID_ROLE = Qt.ItemDataRole.UserRole + 2
    BROKEN_ROLE = Qt.ItemDataRole.UserRole + 3  # the row's own breaks (tuple of BreakKind)
    STEP_ROLE = Qt.ItemDataRole.UserRole + 4
    MARK_ROLE = Qt.ItemDataRole.UserRole + 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[TraceNode] = []
        # Qt keeps an integer per index; it is the node's place in this list.
        self._nodes: list[TraceNode] = []
        self._numbers: dict[int, int] = {}
        self._warning = QIcon()
        self._whole = QIcon()

    def set_icons(self, warning: QIcon, whole: QIcon) -> None:
        """Use ``warning`` on broken rows and ``whole`` on headings without breaks."""
        self._warning, self._whole = warning, whole

    def set_groups(self, groups: Sequence[TraceNode]) -> None:
        """Show a new tree."""
        self.beginResetModel()
        self._groups = list(groups)
        for row, group in enumerate(self._groups):
            group.parent, group.row = None, row
        self._nodes = [node for group in self._groups for node in group.walk()]
        self._numbers = {id(node): number for number, node in enumerate(self._nodes)}
        self.endResetModel()

    @property
    def groups(self) -> tuple[TraceNode, ...]:
        """The headings shown."""
        return tuple(self._groups)

    def node(self, index: QModelIndex | QPersistentModelIndex) -> TraceNode | None:
        """Return the node of ``index`` (None for the invisible root)."""
        if not index.isValid():
            return None
        return self._nodes[index.internalId()]

    def index_of(self, node: TraceNode, column: int = 0) -> QModelIndex:
        """Return the index of ``node``."""
        return self.createIndex(node.row, column, self._numbers[id(node)])

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> QModelIndex:  # Qt override
        """Return the index of a child of ``parent``."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        owner = self.node(parent)
        children = self._groups if owner is None else owner.children
        return self.createIndex(row, column, self._numbers[id(children[row])])

    def parent(  # type: ignore[override]
        self, child: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> QModelIndex:  # Qt override
        """Return the parent of ``child``."""
        node = self.node(child)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.index_of(node.parent)

    def rowCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of children of ``parent``."""
        if parent.isValid() and parent.column() != 0:
            return 0
        owner = self.node(parent)
        return len(self._groups if owner is None else owner.children)

    def columnCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of columns."""
        return len(self.Column)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return a row's words, its breaks, and how it is marked."""
        node = self.node(index)
        if node is None:
            return None
        column = self.Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if node.breaks:
                return "\n".join(break_label(kind) for kind in node.breaks)
            return self._display(node, self.Column.ITEM)
        if role == Qt.ItemDataRole.DecorationRole:
            if column is self.Column.BREAKS and node.breaks:
                return self._warning
            if column is self.Column.BREAKS and node.is_group and node.broken_below():
                return self._warning
            if column is self.Column.BREAKS and node.is_group and node.children:
                return self._whole
            if column is self.Column.STATE and node.mark is not None:
                return QColor(MARK_COLOURS[node.mark])
            return None
        if role == Qt.ItemDataRole.BackgroundRole and node.breaks:
            return QBrush(QColor(BROKEN_TINT))
        if role == Qt.ItemDataRole.ForegroundRole:
            if node.breaks:
                return QBrush(QColor(BROKEN_TEXT if column is self.Column.BREAKS else "#1f1f1f"))
            if node.is_group and column is self.Column.BREAKS and node.children:
                return QBrush(QColor(BROKEN_TEXT if node.broken_below() else WHOLE_TEXT))
            return None
        if role == Qt.ItemDataRole.FontRole and (
            node.is_group or (node.breaks and column is self.Column.BREAKS)
        ):
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return ", ".join(break_label(kind) for kind in node.breaks)
        if role == self.KIND_ROLE:
            return node.kind
        if role == self.ID_ROLE:
            return node.record_id
        if role == self.BROKEN_ROLE:
            return node.breaks
        if role == self.STEP_ROLE:
            return node.step.value
        if role == self.MARK_ROLE:
            return None if node.mark is None else node.mark.value
        return None

    def _display(self, node: TraceNode, column: TraceModel.Column) -> str:
        if column is self.Column.ITEM:
            if node.is_group:
                return f"{node.title} ({len(node.children)})" if node.children else node.title
            if node.kind in ("promises", "dialogues") and node.step not in (
                ChainStep.PROMISE,
                ChainStep.FEEDBACK,
            ):
                return node.title  # a placeholder naming a gap
            return f"{kind_label(node.kind or '')}: {node.title}"
        if column is self.Column.STATE:
            return node.state
        if node.breaks:
            return " · ".join(break_label(kind) for kind in node.breaks)
        if node.is_group:
            broken = node.broken_below()
            if broken:
                return QCoreApplication.translate("TraceView", "%n brott", None, broken)
            return (
                QCoreApplication.translate("TraceView", "Hel")
                if node.children
                else QCoreApplication.translate("TraceView", "Inga ännu")
            )
        return ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return the column titles."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            titles = {
                self.Column.ITEM: self.tr("I kedjan"),
                self.Column.STATE: self.tr("Läge"),
                self.Column.BREAKS: self.tr("Brott i kedjan"),
            }
            return titles[self.Column(section)]
        return None


class _TraceTree(QTreeView):
    """The tree: Enter on a row chooses it, like a click."""

    item_chosen = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        """Choose the current row with Enter."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.item_chosen.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class _StepButton(QToolButton):
    """One step of the strip: its name, how many, and a mark when broken."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: StepSummary | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumWidth(96)

    def show_summary(self, summary: StepSummary) -> None:
        """Show one step's numbers and whether it is broken."""
        self.summary = summary
        name = step_label(summary.step)
        if summary.broken:
            sign = "⚠"
            detail = QCoreApplication.translate("TraceView", "%n brott", None, summary.broken)
            tint, text = BROKEN_TINT, BROKEN_TEXT
        elif summary.count:
            sign, detail, tint, text = (
                "✓",
                QLocale().toString(summary.count),
                WHOLE_TINT,
                WHOLE_TEXT,
            )
        else:
            sign, detail, tint, text = "–", QLocale().toString(0), "transparent", "palette(text)"
        self.setText(f"{sign} {name}\n{detail}")
        self.setAccessibleName(f"{name}: {detail}")
        self.setStyleSheet(
            f"QToolButton {{ background: {tint}; color: {text}; border: 1px solid {text};"
            " border-radius: 6px; padding: 4px 8px; font-weight: 600; }"
            "QToolButton:focus { border-width: 2px; }"
        )


class TraceView(QWidget):
    """One promise's or one dialogue's chain, loaded on the worker, breaks marked."""

    trace_loaded = Signal(object)  # PromiseTrace | DialogueTrace

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        chain: ChainService | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._chain = chain or ChainService(uow=context.services.unit_of_work)
        self._kind = ""
        self._record_id: uuid.UUID | None = None
        self._trace: PromiseTrace | DialogueTrace | None = None
        self._generation = 0
        self._loading = False
        self.setObjectName("traceView")

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.reload)
        events = context.events
        for signal in (events.record_saved, events.record_deleted, events.record_restored):
            signal.connect(self._schedule_reload)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        self.heading = QLabel(self)
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.35)
        heading_font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.subtitle = QLabel(self)
        self.subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.subtitle)

        self.verdict = QLabel(self)
        self.verdict.setObjectName("traceVerdict")
        self.verdict.setAccessibleName(self.tr("Kedjans läge"))
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)

        strip = QHBoxLayout()
        strip.setSpacing(4)
        self.step_buttons: dict[ChainStep, _StepButton] = {}
        self._arrows: list[QLabel] = []
        for number, step in enumerate(ChainStep):
            if number:
                arrow = QLabel("→", self)
                arrow.setAccessibleName(self.tr("leder till"))
                strip.addWidget(arrow)
                self._arrows.append(arrow)
            button = _StepButton(self)
            button.setObjectName(f"step-{step.value}")
            button.clicked.connect(lambda _checked=False, s=step: self.go_to_step(s))
            strip.addWidget(button)
            self.step_buttons[step] = button
        strip.addStretch(1)
        layout.addLayout(strip)

        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("traceProgress")
        self.progress_label.setTextFormat(Qt.TextFormat.RichText)
        self.progress_label.setWordWrap(True)
        self.progress_label.setAccessibleName(self.tr("Framsteg"))
        layout.addWidget(self.progress_label)

        self.model = TraceModel(self)
        style = self.style()
        self.model.set_icons(
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
        )
        self.tree = _TraceTree(self)
        self.tree.setObjectName("traceTree")
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Kedjan"))
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setToolTip(self.tr("Klicka eller tryck Enter för att öppna posten."))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TraceModel.Column.ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TraceModel.Column.STATE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TraceModel.Column.BREAKS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TraceModel.Column.STATE, 240)
        header.resizeSection(TraceModel.Column.BREAKS, 270)
        self.tree.clicked.connect(self._choose)
        self.tree.item_chosen.connect(self._choose)
        layout.addWidget(self.tree, 1)

        self.status_label = QLabel(self)
        self.status_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.status_label)

        for button in self.step_buttons.values():
            self.setTabOrder(button, self.tree)

    # --- public -----------------------------------------------------------------------

    @property
    def trace(self) -> PromiseTrace | DialogueTrace | None:
        """The trace shown (None before the first load)."""
        return self._trace

    @property
    def loading(self) -> bool:
        """Whether a load is on its way."""
        return self._loading

    def show_record(self, kind: str, record_id: uuid.UUID) -> None:
        """Show the chain of a promise or a dialogue."""
        if kind not in TRACE_KINDS:
            raise ValueError(f"no chain for {kind!r}")
        self._kind, self._record_id = kind, record_id
        self.reload()

    def show_promise(self, promise_id: uuid.UUID) -> None:
        """Show a promise's chain."""
        self.show_record("promises", promise_id)

    def show_dialogue(self, dialogue_id: uuid.UUID) -> None:
        """Show what became of a dialogue's concerns."""
        self.show_record("dialogues", dialogue_id)

    def reload(self) -> None:
        """Read the trace again (on the worker)."""
        self._refresh_timer.stop()
        record_id = self._record_id
        if record_id is None:
            return
        self._generation += 1
        generation = self._generation
        chain = self._chain
        kind = self._kind

        def job() -> PromiseTrace | DialogueTrace:
            if kind == "promises":
                return chain.promise_trace(record_id)
            return chain.dialogue_trace(record_id)

        self._loading = True
        self.status_label.setText(self.tr("Laddar…"))
        self._context.worker.submit(
            job,
            lambda trace: self._arrived(generation, trace),
            lambda error: self._failed(generation, error),
            owner=self,
        )

    def go_to_step(self, step: ChainStep) -> None:
        """Select and show the tree's heading for ``step``."""
        summary = self.step_buttons[step].summary
        if summary is None or summary.group is None:
            return
        index = self.model.index_of(summary.group)
        self.tree.expand(index)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        self.tree.setFocus()

    def broken_rows(self) -> list[QModelIndex]:
        """Return the index of every row with a break of its own."""
        found: list[QModelIndex] = []

        def visit(parent: QModelIndex) -> None:
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                if index.data(TraceModel.BROKEN_ROLE):
                    found.append(index)
                visit(index)

        visit(QModelIndex())
        return found

    # --- loading ----------------------------------------------------------------------

    def _schedule_reload(self, _kind: str = "", _record_id: object = None) -> None:
        if self._record_id is not None:
            self._refresh_timer.start()

    def _arrived(self, generation: int, trace: PromiseTrace | DialogueTrace) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.status_label.setText("")
        self._trace = trace
        if isinstance(trace, PromiseTrace):
            groups = promise_tree(trace)
            steps: Sequence[ChainStep] = PROMISE_STEPS
            promise = trace.promise
            self.heading.setText(
                self.tr("Kedjan för medborgarlöftet %1").replace("%1", promise.title)
            )
            self.subtitle.setText(
                " · ".join(
                    part
                    for part in (
                        promise.municipality_name,
                        f"{_date(promise.period_start)}–{_date(promise.period_end)}",
                        label(promise.status),
                    )
                    if part
                )
            )
            self._show_progress(trace.progress)
            self.progress_label.show()
        else:
            groups = dialogue_tree(trace)
            steps = DIALOGUE_STEPS
            dialogue = trace.dialogue
            self.heading.setText(self.tr("Kedjan för dialogen %1").replace("%1", dialogue.title))
            self.subtitle.setText(
                " · ".join(
                    part
                    for part in (
                        dialogue.municipality_name,
                        _date(dialogue.starts_at),
                        label(dialogue.status),
                        self.tr("%n deltagare", None, dialogue.participant_count),
                    )
                    if part
                )
            )
            self.progress_label.hide()
        self._show_verdict(len(trace.breaks))
        summaries = {s.step: s for s in summarise(groups, steps)}
        for number, (step, button) in enumerate(self.step_buttons.items()):
            shown = step in summaries
            button.setVisible(shown)
            if number:
                self._arrows[number - 1].setVisible(shown)
            if shown:
                button.show_summary(summaries[step])
        self.model.set_groups(groups)
        self._expand()
        self.trace_loaded.emit(trace)

    def _failed(self, generation: int, error: KnownError) -> None:
        if generation != self._generation:
            return
        self._loading = False
        title, message = describe(error)
        self.status_label.setText(f"{title} {message}")

    def _show_verdict(self, breaks: int) -> None:
        if breaks:
            text = "⚠ " + self.tr("%n brott i kedjan – markerade nedan", None, breaks)
            tint, colour = BROKEN_TINT, BROKEN_TEXT
        else:
            text = "✓ " + self.tr("Kedjan är hel")
            tint, colour = WHOLE_TINT, WHOLE_TEXT
        self.verdict.setText(text)
        self.verdict.setStyleSheet(
            f"#traceVerdict {{ background: {tint}; color: {colour}; border-radius: 4px;"
            " padding: 4px 8px; font-weight: 600; }"
        )

    def _show_progress(self, progress: PromiseProgress) -> None:
        counts = ", ".join(
            f"{label(status).lower()} {QLocale().toString(count)}"
            for status, count in progress.by_status
        )
        parts = [
            self.tr("Framsteg (härlett ur åtgärderna): <b>%1</b>").replace(
                "%1", _state_label(progress)
            ),
            self.tr("%n åtgärder", None, progress.measure_count)
            + (f": {counts}" if progress.measure_count else ""),
            self.tr("%1 av %2 uppföljda")
            .replace("%1", QLocale().toString(progress.followed_up))
            .replace("%2", QLocale().toString(progress.measure_count)),
        ]
        if progress.worst_mark is not None:
            parts.append(self.tr("sämsta färg: %1").replace("%1", mark_html(progress.worst_mark)))
        self.progress_label.setText(" · ".join(parts))

    def _expand(self) -> None:
        """Open the headings and every row with few children; long lists stay closed."""
        for group in self.model.groups:
            index = self.model.index_of(group)
            self.tree.expand(index)
            for child in group.children:
                if child.children and (len(child.children) <= 12 or child.broken_below()):
                    self.tree.expand(self.model.index_of(child))

    def _choose(self, index: QModelIndex) -> None:
        node = self.model.node(index)
        if node is None or node.kind is None or node.record_id is None:
            return
        self._context.events.open_record_requested.emit(node.kind, node.record_id)


_STATE_LABELS: Mapping[str, str] = {
    "no_measures": str(QT_TRANSLATE_NOOP("TraceView", "inga åtgärder")),
    "not_started": str(QT_TRANSLATE_NOOP("TraceView", "inte påbörjat")),
    "in_progress": str(QT_TRANSLATE_NOOP("TraceView", "pågår")),
    "done": str(QT_TRANSLATE_NOOP("TraceView", "genomfört")),
    "cancelled": str(QT_TRANSLATE_NOOP("TraceView", "inställt")),
}


def _state_label(progress: PromiseProgress) -> str:
    return _translate(_STATE_LABELS[progress.state.value])


class TraceDialog(QDialog):
    """A window of its own for the chain, beside the main window (not modal)."""

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        chain: ChainService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kedjan"))
        self.setObjectName("traceDialog")
        self.setModal(False)
        self.resize(980, 680)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        self.view = TraceView(context, self, chain=chain)
        layout.addWidget(self.view, 1)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        buttons.setContentsMargins(14, 0, 14, 0)
        layout.addWidget(buttons)
        self.view.trace_loaded.connect(self._loaded)

    def _loaded(self, _trace: object) -> None:
        self.setWindowTitle(self.tr("Kedjan – %1").replace("%1", self.view.heading.text()))


def show_trace(
    context: UiContext, kind: str, record_id: uuid.UUID, parent: QWidget | None = None
) -> TraceDialog:
    """Open the chain of a promise or a dialogue in a window of its own, and return it."""
    dialog = TraceDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.view.show_record(kind, record_id)
    dialog.show()
    dialog.raise_()
    return dialog


def trace_shortcut() -> QKeySequence:
    """The keys that show the chain of the record in view."""
    return QKeySequence(TRACE_SHORTCUT)

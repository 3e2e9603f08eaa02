"""Samordning: what arrived from each officer, and whose records each kommun holds."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.services.coordination import OfficerWork
from kommunpolis.services.importing import SenderSummary, SequenceGap
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.exchange.common import (
    BatchedTableModel,
    MessageBanner,
    local_time,
    number_range,
)
from kommunpolis.ui.exchange.importing import gap_text


@dataclass(frozen=True)
class SenderRow:
    """One officer's deliveries, with the bundles still missing from them."""

    summary: SenderSummary
    gaps: tuple[SequenceGap, ...]


@dataclass(frozen=True)
class Coordination:
    """Everything the coordinator's view shows, read in one worker job."""

    senders: tuple[SenderRow, ...]
    gaps: tuple[SequenceGap, ...]
    work: tuple[OfficerWork, ...]


class SenderModel(BatchedTableModel[SenderRow]):
    """Per sender: last bundle, bundles, records brought, conflicts, waiting, gaps."""

    class Column(IntEnum):
        """The model's columns."""

        NAME = 0
        LAST_CREATED = 1
        LAST_IMPORTED = 2
        BUNDLES = 3
        RECORDS = 4
        CONFLICTS = 5
        WAITING = 6
        GAPS = 7

    COLUMN_COUNT = len(Column)
    NUMERIC_COLUMNS = frozenset({3, 4, 5, 6})

    def header(self, column: int) -> str:
        """Return a column's header."""
        return {
            self.Column.NAME: self.tr("Avsändare"),
            self.Column.LAST_CREATED: self.tr("Senaste paket skapat"),
            self.Column.LAST_IMPORTED: self.tr("Importerat"),
            self.Column.BUNDLES: self.tr("Paket"),
            self.Column.RECORDS: self.tr("Poster"),
            self.Column.CONFLICTS: self.tr("Konflikter"),
            self.Column.WAITING: self.tr("Väntar"),
            self.Column.GAPS: self.tr("Saknade paket"),
        }[self.Column(column)]

    def cell(self, item: SenderRow, column: int) -> object:
        """Return what a cell shows."""
        summary = item.summary
        match self.Column(column):
            case self.Column.NAME:
                return summary.sender_name
            case self.Column.LAST_CREATED:
                return local_time(summary.last_created)
            case self.Column.LAST_IMPORTED:
                return local_time(summary.last_imported)
            case self.Column.BUNDLES:
                return summary.bundles
            case self.Column.RECORDS:
                return summary.records
            case self.Column.CONFLICTS:
                return summary.open_conflicts
            case self.Column.WAITING:
                return summary.waiting
            case self.Column.GAPS:
                return ", ".join(number_range(gap.first, gap.last) for gap in item.gaps)


class OfficerWorkModel(BatchedTableModel[OfficerWork]):
    """Per kommun and officer: live dialogues, concerns, problems and promises."""

    class Column(IntEnum):
        """The model's columns."""

        KOMMUN = 0
        OFFICER = 1
        DIALOGUES = 2
        CONCERNS = 3
        PROBLEMS = 4
        PROMISES = 5
        LAST_UPDATED = 6

    COLUMN_COUNT = len(Column)
    NUMERIC_COLUMNS = frozenset({2, 3, 4, 5})
    _KINDS: ClassVar[dict[int, str]] = {
        Column.DIALOGUES: "dialogues",
        Column.CONCERNS: "concerns",
        Column.PROBLEMS: "problems",
        Column.PROMISES: "promises",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.own_device: object = None

    def header(self, column: int) -> str:
        """Return a column's header."""
        return {
            self.Column.KOMMUN: self.tr("Kommun"),
            self.Column.OFFICER: self.tr("Registrerat av"),
            self.Column.DIALOGUES: self.tr("Dialoger"),
            self.Column.CONCERNS: self.tr("Synpunkter"),
            self.Column.PROBLEMS: self.tr("Problem"),
            self.Column.PROMISES: self.tr("Löften"),
            self.Column.LAST_UPDATED: self.tr("Senast ändrat"),
        }[self.Column(column)]

    def cell(self, item: OfficerWork, column: int) -> object:
        """Return what a cell shows."""
        match self.Column(column):
            case self.Column.KOMMUN:
                return item.municipality_name
            case self.Column.OFFICER:
                if item.origin_device == self.own_device:
                    return self.tr("{name} (du)").format(name=item.author)
                return item.author
            case self.Column.LAST_UPDATED:
                return local_time(item.last_updated)
        return item.counts.get(self._KINDS[self.Column(column)], 0)


class CoordinatorPanel(QWidget):
    """The coordinator's view of what the officers have sent."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._service = context.services.coordination
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.intro = QLabel(self.tr("Paket som importerats hit, per avsändare."), self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        senders_box = QGroupBox(self.tr("Per avsändare"), splitter)
        senders_layout = QVBoxLayout(senders_box)
        self.senders_model = SenderModel(self)
        self.senders = _table(self.senders_model, self.tr("Per avsändare"), senders_box)
        self.senders.horizontalHeader().setSectionResizeMode(
            SenderModel.Column.NAME, QHeaderView.ResizeMode.Stretch
        )
        self.no_senders = QLabel(self.tr("Inga paket har importerats hit ännu."), senders_box)
        self.gaps_label = QLabel(senders_box)
        self.gaps_label.setWordWrap(True)
        self.gaps_label.setStyleSheet("color: #8a5a00;")
        senders_layout.addWidget(self.no_senders)
        senders_layout.addWidget(self.senders)
        senders_layout.addWidget(self.gaps_label)
        work_box = QGroupBox(self.tr("Per kommun och kommunpolis"), splitter)
        work_layout = QVBoxLayout(work_box)
        self.work_model = OfficerWorkModel(self)
        self.work = _table(self.work_model, self.tr("Per kommun och kommunpolis"), work_box)
        self.work.horizontalHeader().setSectionResizeMode(
            OfficerWorkModel.Column.OFFICER, QHeaderView.ResizeMode.Stretch
        )
        work_layout.addWidget(self.work)
        layout.addWidget(splitter, 1)
        self.banner = MessageBanner(self)
        layout.addWidget(self.banner)
        self.last: Coordination | None = None

    def set_prominent(self, prominent: bool) -> None:
        """Introduce the view as the coordinator's main view (or as a side tab)."""
        if prominent:
            self.intro.setText(
                self.tr(
                    "Vad som kommit in från varje kommunpolis: senaste paketet, hur många "
                    "poster, öppna konflikter, poster som väntar på sina kopplingar och paket "
                    "som saknas."
                )
            )
        else:
            self.intro.setText(self.tr("Paket som importerats hit, per avsändare."))

    def reload(self) -> None:
        """Read the deliveries and the counts on the worker."""
        importing = self._context.services.importing
        identity = self._context.services.identity
        service = self._service

        def read() -> tuple[Coordination, object]:
            gaps = importing.gaps()
            by_sender: dict[object, list[SequenceGap]] = {}
            for gap in gaps:
                by_sender.setdefault(gap.sender_device, []).append(gap)
            senders = tuple(
                SenderRow(summary, tuple(by_sender.get(summary.sender_device, ())))
                for summary in importing.senders()
            )
            own = identity.public().device_id if identity.exists() else None
            return Coordination(senders, gaps, service.work_by_municipality()), own

        self._context.worker.submit(read, self._loaded, self.banner.show_error, owner=self)

    def _loaded(self, result: tuple[Coordination, object]) -> None:
        coordination, own = result
        self.senders_model.set_items(coordination.senders)
        self.work_model.own_device = own
        self.work_model.set_items(coordination.work)
        self.no_senders.setVisible(not coordination.senders)
        self.senders.setVisible(bool(coordination.senders))
        gaps = [gap_text(gap) for gap in coordination.gaps]
        self.gaps_label.setText("\n".join(gaps))
        self.gaps_label.setVisible(bool(gaps))
        self.senders.resizeColumnsToContents()
        self.work.resizeColumnsToContents()
        self.last = coordination


def _table(model: BatchedTableModel[Any], name: str, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view

"""Live and deleted record counts per kind of record (shown in Inställningar)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from kommunpolis.domain.collation import swedish_key

if TYPE_CHECKING:
    from kommunpolis.services.read_models import KindCount

# The invalid index that stands for the root (the default 'parent' of Qt's API).
_NO_PARENT = QModelIndex()
_KIND_CONTEXT = "RecordCountsModel"

# Swedish names for the stored kinds; the code name is shown for any kind not listed.
KIND_LABELS: Mapping[str, object] = {
    "action_item": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Åtgärdspunkter"),
    "agreement": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Samverkansöverenskommelser"),
    "agreement_party": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Parter i överenskommelser"),
    "agreement_problem": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Problem i överenskommelser"),
    "attachment": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Bilagor"),
    "cause": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Orsaker"),
    "commitment": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Åtaganden i löften"),
    "concern": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Synpunkter"),
    "contact": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Kontakter"),
    "decision": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Beslut"),
    "dialogue": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Dialoger"),
    "dialogue_organiser": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Arrangörer av dialoger"),
    "dialogue_place": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Platser i dialoger"),
    "district": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Lokalpolisområden"),
    "district_municipality": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Kommuner i lokalpolisområden"),
    "follow_up": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Uppföljningar"),
    "follow_up_measure": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Åtgärder i uppföljningar"),
    "indicator": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Indikatorer"),
    "indicator_value": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Indikatorvärden"),
    "measure": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Åtgärder"),
    "meeting": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Möten"),
    "meeting_attendee": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Mötesdeltagare"),
    "organisation": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Organisationer"),
    "place": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Platser"),
    "problem": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Problem"),
    "problem_concern": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Synpunkter kopplade till problem"),
    "problem_source": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Källor kopplade till problem"),
    "promise": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Medborgarlöften"),
    "promise_problem": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Fokusområden i löften"),
    "root_cause_analysis": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Orsaksanalyser"),
    "situation_picture": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Lägesbilder"),
    "situation_problem": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Problem i lägesbilder"),
    "source": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Källor"),
    "theme": QT_TRANSLATE_NOOP(_KIND_CONTEXT, "Teman"),
}


def kind_label(kind: str) -> str:
    """Return the translated name of a stored kind (the code name if it has none)."""
    label = KIND_LABELS.get(kind)
    return QCoreApplication.translate(_KIND_CONTEXT, str(label)) if label else kind


class RecordCountsModel(QAbstractTableModel):
    """Live and deleted record counts, one row per kind of record."""

    class Column(IntEnum):
        """The model's columns, in display order."""

        KIND = 0
        LIVE = 1
        DELETED = 2

    KIND_ROLE = Qt.ItemDataRole.UserRole + 1
    COUNT_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._counts: list[KindCount] = []

    def set_counts(self, counts: Sequence[KindCount]) -> None:
        """Show ``counts`` sorted by label; signal only changed rows when the kinds match."""
        new = sorted(counts, key=lambda count: swedish_key(kind_label(count.kind)))
        if [c.kind for c in new] != [c.kind for c in self._counts]:
            self.beginResetModel()
            self._counts = new
            self.endResetModel()
            return
        old, self._counts = self._counts, new
        last = len(self.Column) - 1
        for row, (before, after) in enumerate(zip(old, new, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def total_live(self) -> int:
        """Return the number of live records of every kind."""
        return sum(count.live for count in self._counts)

    def rowCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of kinds (a table has no children)."""
        return 0 if parent.isValid() else len(self._counts)

    def columnCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of columns."""
        return 0 if parent.isValid() else len(self.Column)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return the kind's label or a count."""
        if not index.isValid() or not 0 <= index.row() < len(self._counts):
            return None
        count = self._counts[index.row()]
        column = self.Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is self.Column.KIND:
                return kind_label(count.kind)
            value = count.live if column is self.Column.LIVE else count.tombstoned
            return QLocale().toString(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not self.Column.KIND:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.KIND_ROLE:
            return count.kind
        if role == self.COUNT_ROLE and column is not self.Column.KIND:
            return count.live if column is self.Column.LIVE else count.tombstoned
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return the column titles."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.Column):
            return None
        column = self.Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            titles = {
                self.Column.KIND: self.tr("Typ av post"),
                self.Column.LIVE: self.tr("Aktiva"),
                self.Column.DELETED: self.tr("Borttagna"),
            }
            return titles[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column is self.Column.KIND:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

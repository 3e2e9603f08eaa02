"""Uppföljning på en minut: one line per measure of a promise, saved as one follow-up.

Each line offers only the statuses the measure's lifecycle allows from where it is (its
own status first), a colour (grön, gul, röd), a note and the hours. "Spara uppföljning"
writes one follow-up with a line per measure on the database worker
(:meth:`~kommunpolis.services.followup.FollowUpService.log`). The promise's progress is
derived from the measures, never typed: the dialog shows it now and as it will be after
the follow-up, updated as the lines change.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import KnownError
from kommunpolis.domain.statuses import MeasureStatus
from kommunpolis.domain.vocabulary import FollowUpKind, FollowUpMark
from kommunpolis.services.chain import (
    ProgressState,
    PromiseProgress,
    derive_progress,
)
from kommunpolis.services.followup import FollowUpForm, FollowUpLogged, MeasureEntry
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.errors import describe
from kommunpolis.ui.labels import label


def progress_text(progress: PromiseProgress) -> str:
    """Word a promise's derived progress in one line."""
    # The context is spelled out in each call: lupdate reads only literal contexts.
    translate = QCoreApplication.translate
    states = {
        ProgressState.NO_MEASURES: translate("QuickFollowUpDialog", "inga åtgärder"),
        ProgressState.NOT_STARTED: translate("QuickFollowUpDialog", "inte påbörjat"),
        ProgressState.IN_PROGRESS: translate("QuickFollowUpDialog", "pågår"),
        ProgressState.DONE: translate("QuickFollowUpDialog", "genomfört"),
        ProgressState.CANCELLED: translate("QuickFollowUpDialog", "inställt"),
    }
    active = progress.measure_count - progress.count(MeasureStatus.CANCELLED)
    share = progress.done_share
    text = translate(
        "QuickFollowUpDialog", "{state}: {done} av {active} åtgärder genomförda"
    ).format(
        state=states[progress.state],
        done=progress.count(MeasureStatus.DONE),
        active=active,
    )
    if share is not None:
        text += f" ({round(share * 100)} %)"
    mark = (
        label(progress.worst_mark)
        if progress.worst_mark
        else translate("QuickFollowUpDialog", "ingen markering ännu")
    )
    return translate("QuickFollowUpDialog", "{text}; samlad markering: {mark}").format(
        text=text, mark=mark
    )


@dataclass
class _Line:
    """The inputs of one measure's line."""

    measure_id: uuid.UUID
    status: QComboBox
    mark: QComboBox
    note: QLineEdit
    hours: QDoubleSpinBox

    def entry(self) -> MeasureEntry:
        hours = self.hours.value()
        return MeasureEntry(
            measure_id=self.measure_id,
            status=MeasureStatus(self.status.currentData()),
            mark=self.mark.currentData(),
            note=self.note.text(),
            # 0 is the spin box's "–": no hours given.
            hours=hours if hours > 0 else None,
        )


class QuickFollowUpDialog(QDialog):
    """Log a follow-up of one promise: a line per measure, one save."""

    form_loaded = Signal(object)  # FollowUpForm
    follow_up_logged = Signal(object)  # FollowUpLogged

    def __init__(
        self,
        context: UiContext,
        promise_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._promise_id = promise_id
        self.form: FollowUpForm | None = None
        self.lines: list[_Line] = []
        self.saving = False
        self.setObjectName("quick-follow-up")
        self.setWindowTitle(self.tr("Logga uppföljning"))
        self.setMinimumWidth(880)

        outer = QVBoxLayout(self)
        self.title_label = QLabel(self.tr("Läser in löftet …"), self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        outer.addWidget(self.title_label)

        form = QFormLayout()
        self.held_on = QDateEdit(self)
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        day = today()
        self.held_on.setDate(QDate(day.year, day.month, day.day))
        self.kind = QComboBox(self)
        for value in FollowUpKind:
            self.kind.addItem(label(value), value)
        self.narrative = QLineEdit(self)
        self.narrative.setPlaceholderText(
            self.tr("Kort om läget – inga personuppgifter om medborgare")
        )
        form.addRow(self.tr("&Datum:"), self.held_on)
        form.addRow(self.tr("&Typ av uppföljning:"), self.kind)
        form.addRow(self.tr("&Sammanfattning:"), self.narrative)
        outer.addLayout(form)

        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        headings = (
            self.tr("Åtgärd"),
            self.tr("Status"),
            self.tr("Markering"),
            self.tr("Kommentar"),
            self.tr("Timmar"),
        )
        for column, text in enumerate(headings):
            heading = QLabel(f"<b>{text}</b>", self.grid_host)
            self.grid.addWidget(heading, 0, column)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(3, 3)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        outer.addWidget(scroll, 1)

        self.cancelled_label = QLabel(self)
        self.cancelled_label.hide()
        outer.addWidget(self.cancelled_label)
        self.progress_label = QLabel(self)
        self.progress_label.setWordWrap(True)
        self.progress_label.setAccessibleName(self.tr("Löftets framsteg"))
        outer.addWidget(self.progress_label)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a12a2a;")
        self.error_label.hide()
        outer.addWidget(self.error_label)

        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("&Spara uppföljning"), self)
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(960, 520)
        self._load()

    # ---------------------------------------------------------------- public

    def entries(self) -> list[MeasureEntry]:
        """Return the follow-up's lines as the inputs say now."""
        return [line.entry() for line in self.lines]

    def preview_progress(self) -> PromiseProgress | None:
        """Return the promise's progress as it will be after this follow-up."""
        if self.form is None:
            return None
        states = [(entry.status, entry.mark, True) for entry in self.entries()]
        states += [(MeasureStatus.CANCELLED, None, False)] * self.form.cancelled
        return derive_progress(states)

    def save(self) -> None:
        """Write the follow-up on the worker; close the dialog when it is written."""
        if self.form is None or self.saving or not self.lines:
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self.error_label.hide()
        service = self._context.services.followups
        promise_id = self._promise_id
        entries = self.entries()
        chosen = self.held_on.date()
        held_on = date(chosen.year(), chosen.month(), chosen.day())
        kind = FollowUpKind(self.kind.currentData())
        narrative = self.narrative.text()
        self._context.worker.submit(
            lambda: service.log(
                promise_id, entries, held_on=held_on, kind=kind, narrative=narrative
            ),
            self._logged,
            self._failed,
            owner=self,
        )

    # ---------------------------------------------------------------- internals

    def _load(self) -> None:
        service = self._context.services.followups
        promise_id = self._promise_id
        self._context.worker.submit(
            lambda: service.form(promise_id), self._show_form, self._failed, owner=self
        )

    def _show_form(self, form: FollowUpForm) -> None:
        self.form = form
        self.title_label.setText(form.promise_title)
        self.setWindowTitle(self.tr("Logga uppföljning – {title}").format(title=form.promise_title))
        previous: QWidget = self.narrative
        for row, measure in enumerate(form.measures, start=1):
            title = QLabel(measure.title, self.grid_host)
            title.setWordWrap(True)
            if measure.responsible:
                title.setToolTip(self.tr("Ansvarig: {who}").format(who=measure.responsible))
            status = QComboBox(self.grid_host)
            for step in (measure.status, *measure.allowed):
                status.addItem(label(step), step)
            status.setAccessibleName(self.tr("Status för {title}").format(title=measure.title))
            mark = QComboBox(self.grid_host)
            mark.addItem(self.tr("–"), None)
            for colour in FollowUpMark:
                mark.addItem(label(colour), colour)
            mark.setCurrentIndex(max(mark.findData(measure.mark), 0))
            mark.setAccessibleName(self.tr("Markering för {title}").format(title=measure.title))
            note = QLineEdit(self.grid_host)
            note.setAccessibleName(self.tr("Kommentar för {title}").format(title=measure.title))
            hours = QDoubleSpinBox(self.grid_host)
            hours.setRange(0, 10_000)
            hours.setDecimals(1)
            hours.setSingleStep(0.5)
            hours.setSpecialValueText(self.tr("–"))
            hours.setAccessibleName(self.tr("Timmar för {title}").format(title=measure.title))
            title.setBuddy(status)
            for column, widget in enumerate((title, status, mark, note, hours)):
                self.grid.addWidget(widget, row, column)
            for widget in (status, mark, note, hours):
                QWidget.setTabOrder(previous, widget)
                previous = widget
            status.currentIndexChanged.connect(self._update_progress)
            mark.currentIndexChanged.connect(self._update_progress)
            self.lines.append(_Line(measure.measure_id, status, mark, note, hours))
        self.grid.setRowStretch(len(form.measures) + 1, 1)
        QWidget.setTabOrder(previous, self.save_button)
        if form.cancelled:
            self.cancelled_label.setText(
                self.tr("Inställda åtgärder visas inte (%n).", "", form.cancelled)
            )
            self.cancelled_label.show()
        if not form.measures:
            self._show_error(self.tr("Löftet har inga åtgärder att följa upp."))
        self.save_button.setEnabled(bool(form.measures))
        self._update_progress()
        if self.lines:
            self.lines[0].status.setFocus()
        self.form_loaded.emit(form)

    def _update_progress(self) -> None:
        if self.form is None:
            return
        after = self.preview_progress()
        assert after is not None
        self.progress_label.setText(
            self.tr("Löftets framsteg nu: {now}\nEfter uppföljningen: {after}").format(
                now=progress_text(self.form.progress), after=progress_text(after)
            )
        )

    def _logged(self, logged: FollowUpLogged) -> None:
        self.saving = False
        events = self._context.events
        events.announce_saved("followups", logged.follow_up_id)
        for measure_id in logged.changed_measures:
            events.announce_saved("measures", measure_id)
        events.announce_saved("promises", logged.promise_id)
        self.follow_up_logged.emit(logged)
        self.accept()

    def _failed(self, error: KnownError) -> None:
        self.saving = False
        self.save_button.setEnabled(self.form is not None and bool(self.lines))
        title, message = describe(error)
        self._show_error(f"{title}: {message}")

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.error_label.setFocus(Qt.FocusReason.OtherFocusReason)

"""One input widget per field type, all with ``edited(value)``, ``value()`` and ``set_value()``.

Numbers are typed as text and checked by the editing service, so that a negative
count or a misspelt number is marked at the field instead of silently refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
from enum import StrEnum

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kommunpolis.domain.record_fields import FieldSpec, FieldType
from kommunpolis.services.editing import Choice
from kommunpolis.ui.labels import labels_of

SWEDISH = QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
# The earliest date stands for "no date" in optional date inputs.
NO_DATE = QDate(1900, 1, 1)
TEXT_HEIGHT = 72


class LineInput(QLineEdit):
    """One line of text."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textEdited.connect(self.edited.emit)

    def value(self) -> str:
        """The text."""
        return self.text()

    def set_value(self, value: object) -> None:
        """Show ``value`` without announcing an edit."""
        self.setText("" if value is None else str(value))


class NumberInput(LineInput):
    """A number typed as text (checked by the service), decimal comma accepted."""

    def __init__(self, decimal: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._decimal = decimal
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMaximumWidth(120)

    def set_value(self, value: object) -> None:
        """Show a number the Swedish way (decimal comma)."""
        if isinstance(value, float):
            text = f"{value:g}".replace(".", ",")
        else:
            text = "" if value is None else str(value)
        self.setText(text)


class TextInput(QPlainTextEdit):
    """Long text with undo/redo; Tab moves on to the next field."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(TEXT_HEIGHT)
        self._loading = False
        self.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.toPlainText())

    def value(self) -> str:
        """The text."""
        return self.toPlainText()

    def set_value(self, value: object) -> None:
        """Show ``value`` without announcing an edit (keeps the undo stack clean)."""
        self._loading = True
        try:
            self.setPlainText("" if value is None else str(value))
        finally:
            self._loading = False


class DateInput(QDateEdit):
    """A date in Swedish format with a calendar; optional dates may be left empty."""

    edited = Signal(object)

    def __init__(self, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._optional = optional
        self.setLocale(SWEDISH)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        if optional:
            self.setMinimumDate(NO_DATE)
            self.setSpecialValueText(self.tr("Inget datum"))
        self._loading = False
        self.dateChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.value())

    def value(self) -> date | None:
        """The date, or None when left empty."""
        if self._optional and self.date() == NO_DATE:
            return None
        chosen = self.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: object) -> None:
        """Show a date (None: empty, or today for a required date)."""
        self._loading = True
        try:
            if isinstance(value, date):
                self.setDate(QDate(value.year, value.month, value.day))
            else:
                self.setDate(NO_DATE if self._optional else QDate.currentDate())
        finally:
            self._loading = False


class DateTimeInput(QDateTimeEdit):
    """A date and time in local time, Swedish format."""

    edited = Signal(object)

    def __init__(self, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._optional = optional
        self.setLocale(SWEDISH)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.setCalendarPopup(True)
        if optional:
            self.setMinimumDateTime(QDateTime(NO_DATE, QTime(0, 0)))
            self.setSpecialValueText(self.tr("Ingen tid"))
        self._loading = False
        self.dateTimeChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.value())

    def value(self) -> datetime | None:
        """The moment in UTC, or None when left empty."""
        if self._optional and self.date() == NO_DATE:
            return None
        moment = self.dateTime()
        day, clock = moment.date(), moment.time()
        local = datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())
        # A naive datetime is local time; astimezone attaches the computer's zone.
        return local.astimezone(UTC)

    def set_value(self, value: object) -> None:
        """Show a moment in local time."""
        self._loading = True
        try:
            if isinstance(value, datetime):
                local = value.astimezone()
                self.setDateTime(
                    QDateTime(
                        QDate(local.year, local.month, local.day),
                        QTime(local.hour, local.minute),
                    )
                )
            else:
                self.setDateTime(
                    QDateTime(NO_DATE, QTime(0, 0))
                    if self._optional
                    else QDateTime.currentDateTime()
                )
        finally:
            self._loading = False


class ChoiceInput(QComboBox):
    """A closed vocabulary as a combo box of Swedish labels."""

    edited = Signal(object)

    def __init__(self, choices: type[StrEnum], optional: bool, parent: QWidget | None = None):
        super().__init__(parent)
        if optional:
            self.addItem("–", None)
        for member, text in labels_of(choices):
            self.addItem(text, member)
        self._loading = False
        self.currentIndexChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.value())

    def value(self) -> object:
        """The chosen code value (None for '–')."""
        return self.currentData()

    def set_value(self, value: object) -> None:
        """Select ``value``."""
        self._loading = True
        try:
            index = self.findData(value)
            self.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False


class FlagInput(QCheckBox):
    """Yes or no."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clicked.connect(lambda checked: self.edited.emit(bool(checked)))

    def value(self) -> bool:
        """Whether it is ticked."""
        return self.isChecked()

    def set_value(self, value: object) -> None:
        """Tick or untick."""
        self.setChecked(bool(value))


class PickerInput(QComboBox):
    """Pick one of many records or kommuner: type to narrow the list, Enter to take it."""

    edited = Signal(object)

    def __init__(self, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._optional = optional
        self._loading = False
        self._wanted: object = None
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.currentIndexChanged.connect(self._changed)
        line = self.lineEdit()
        if line is not None:
            line.editingFinished.connect(self._settle)

    def set_choices(self, choices: Sequence[tuple[object, str]]) -> None:
        """Offer ``(value, text)`` pairs; keeps the current value selected."""
        self._loading = True
        try:
            self.clear()
            if self._optional:
                self.addItem("", None)
            for value, text in choices:
                self.addItem(text, value)
            self._select(self._wanted)
        finally:
            self._loading = False

    def set_record_choices(self, choices: Sequence[Choice]) -> None:
        """Offer records (title and, when given, where they are)."""
        self.set_choices(
            [(c.id, f"{c.title} ({c.detail})" if c.detail else c.title) for c in choices]
        )

    def ensure_choice(self, value: object, text: str) -> None:
        """Make sure ``value`` is offered (the current one may be outside the first page)."""
        if value is not None and self._index_of(value) < 0:
            self._loading = True
            try:
                self.addItem(text, value)
                self._select(self._wanted)
            finally:
                self._loading = False

    def _index_of(self, value: object) -> int:
        # QComboBox.findData compares a record's UUID by identity, so it never found one.
        return next((n for n in range(self.count()) if self.itemData(n) == value), -1)

    def _select(self, value: object) -> None:
        index = self._index_of(value)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(0 if self._optional and self.count() else -1)
            line = self.lineEdit()
            if not self._optional and line is not None:
                line.clear()

    def _changed(self) -> None:
        if not self._loading:
            self._wanted = self.currentData()
            self.edited.emit(self._wanted)

    def _settle(self) -> None:
        # Typed text that names no choice falls back to the chosen one.
        text = self.currentText()
        if self.findText(text, Qt.MatchFlag.MatchFixedString) < 0:
            match = self.findText(text, Qt.MatchFlag.MatchContains)
            if text and match >= 0:
                self.setCurrentIndex(match)
            else:
                self._loading = True
                self._select(self._wanted)
                self._loading = False

    def value(self) -> object:
        """The chosen value (a record id or a kommun code; None if none)."""
        return self._wanted

    def set_value(self, value: object) -> None:
        """Select ``value``."""
        self._wanted = value
        self._loading = True
        try:
            self._select(value)
        finally:
            self._loading = False


Input = LineInput | TextInput | DateInput | DateTimeInput | ChoiceInput | FlagInput | PickerInput


def make_input(spec: FieldSpec, parent: QWidget | None = None) -> Input:
    """Return the input widget for one field."""
    optional = not spec.required
    if spec.field_type is FieldType.LINE:
        return LineInput(parent)
    if spec.field_type is FieldType.TEXT:
        return TextInput(parent)
    if spec.field_type in (FieldType.INTEGER, FieldType.DECIMAL):
        return NumberInput(spec.field_type is FieldType.DECIMAL, parent)
    if spec.field_type is FieldType.DATE:
        return DateInput(optional, parent)
    if spec.field_type is FieldType.DATETIME:
        return DateTimeInput(optional, parent)
    if spec.field_type is FieldType.CHOICE:
        assert spec.choices is not None
        return ChoiceInput(spec.choices, optional, parent)
    if spec.field_type is FieldType.FLAG:
        return FlagInput(parent)
    return PickerInput(optional, parent)


def as_uuid(value: object) -> uuid.UUID | None:
    """Return ``value`` as a UUID if it is one (or its text)."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None

"""How a record list shows its cells: column headers, value text and alignment.

Kept free of SQLAlchemy (unlike ``services.listing``) so that the first page of a list
can be shown before the database layer has loaded, formatted exactly as later.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    Qt,
    QTimeZone,
)

from kommunpolis.ui.labels import label

# The translation context the headers have always had (they were written in the model).
CONTEXT = "RecordListModel"

# Header labels by column key (marked for lupdate, translated when shown).
_HEADERS: dict[str, object] = {
    "starts_at": QT_TRANSLATE_NOOP(CONTEXT, "Datum"),
    "title": QT_TRANSLATE_NOOP(CONTEXT, "Titel"),
    "name": QT_TRANSLATE_NOOP(CONTEXT, "Namn"),
    "format": QT_TRANSLATE_NOOP(CONTEXT, "Form"),
    "municipality": QT_TRANSLATE_NOOP(CONTEXT, "Kommun"),
    "status": QT_TRANSLATE_NOOP(CONTEXT, "Status"),
    "concern_count": QT_TRANSLATE_NOOP(CONTEXT, "Synpunkter"),
    "participant_count": QT_TRANSLATE_NOOP(CONTEXT, "Deltagare"),
    "meeting_type": QT_TRANSLATE_NOOP(CONTEXT, "Mötestyp"),
    "minutes_status": QT_TRANSLATE_NOOP(CONTEXT, "Protokoll"),
    "action_item_count": QT_TRANSLATE_NOOP(CONTEXT, "Åtgärdspunkter"),
    "due_on": QT_TRANSLATE_NOOP(CONTEXT, "Klart senast"),
    "what": QT_TRANSLATE_NOOP(CONTEXT, "Vad"),
    "responsible": QT_TRANSLATE_NOOP(CONTEXT, "Ansvarig"),
    "meeting": QT_TRANSLATE_NOOP(CONTEXT, "Möte"),
    "scope": QT_TRANSLATE_NOOP(CONTEXT, "Omfattning"),
    "owner": QT_TRANSLATE_NOOP(CONTEXT, "Ägare"),
    "period_start": QT_TRANSLATE_NOOP(CONTEXT, "Från"),
    "period_end": QT_TRANSLATE_NOOP(CONTEXT, "Till"),
    "problem_count": QT_TRANSLATE_NOOP(CONTEXT, "Problem"),
    "priority": QT_TRANSLATE_NOOP(CONTEXT, "Prioritet"),
    "created_at": QT_TRANSLATE_NOOP(CONTEXT, "Registrerat"),
    "measure_count": QT_TRANSLATE_NOOP(CONTEXT, "Åtgärder"),
    "promise": QT_TRANSLATE_NOOP(CONTEXT, "Medborgarlöfte"),
    "ends_on": QT_TRANSLATE_NOOP(CONTEXT, "Slutdatum"),
    "mark": QT_TRANSLATE_NOOP(CONTEXT, "Markering"),
    "held_on": QT_TRANSLATE_NOOP(CONTEXT, "Datum"),
    "kind": QT_TRANSLATE_NOOP(CONTEXT, "Typ"),
    "hours": QT_TRANSLATE_NOOP(CONTEXT, "Timmar"),
    "reported_to": QT_TRANSLATE_NOOP(CONTEXT, "Rapporterad till"),
    "party_count": QT_TRANSLATE_NOOP(CONTEXT, "Parter"),
    "place_kind": QT_TRANSLATE_NOOP(CONTEXT, "Typ av plats"),
    "organisation_kind": QT_TRANSLATE_NOOP(CONTEXT, "Typ av organisation"),
    "contact_count": QT_TRANSLATE_NOOP(CONTEXT, "Kontakter"),
    "job_title": QT_TRANSLATE_NOOP(CONTEXT, "Befattning"),
    "organisation": QT_TRANSLATE_NOOP(CONTEXT, "Organisation"),
    "email": QT_TRANSLATE_NOOP(CONTEXT, "E-post"),
    "phone": QT_TRANSLATE_NOOP(CONTEXT, "Telefon"),
    "theme": QT_TRANSLATE_NOOP(CONTEXT, "Tema"),
    "text": QT_TRANSLATE_NOOP(CONTEXT, "Synpunkt"),
    "place": QT_TRANSLATE_NOOP(CONTEXT, "Plats"),
    "raised_count": QT_TRANSLATE_NOOP(CONTEXT, "Antal"),
    "dialogue": QT_TRANSLATE_NOOP(CONTEXT, "Dialog"),
    "position": QT_TRANSLATE_NOOP(CONTEXT, "Ordning"),
    "source_kind": QT_TRANSLATE_NOOP(CONTEXT, "Källa"),
    "unit": QT_TRANSLATE_NOOP(CONTEXT, "Enhet"),
    "baseline": QT_TRANSLATE_NOOP(CONTEXT, "Utgångsvärde"),
    "target": QT_TRANSLATE_NOOP(CONTEXT, "Målvärde"),
    "latest_value": QT_TRANSLATE_NOOP(CONTEXT, "Senaste värde"),
}


def header_label(key: str) -> str:
    """Return the translated header of a column key."""
    source = _HEADERS.get(key)
    return QCoreApplication.translate(CONTEXT, str(source)) if source else key


def cell_alignment(value_type: str) -> int:
    """Return the alignment of a column holding ``value_type`` (a ListColumn value type)."""
    if value_type in ("integer", "number"):
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def cell_text(locale: QLocale, value: Any) -> str:
    """Return the text a list cell shows for ``value`` in ``locale``."""
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return label(value)
    if isinstance(value, datetime):
        moment = QDateTime.fromMSecsSinceEpoch(
            int(value.timestamp() * 1000), QTimeZone.systemTimeZone()
        )
        return locale.toString(moment, QLocale.FormatType.ShortFormat)
    if isinstance(value, date):
        return locale.toString(
            QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
        )
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return locale.toString(value)
    if isinstance(value, float):
        return locale.toString(value, "g", 6)
    return str(value)

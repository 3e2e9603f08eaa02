"""Swedish words for the editors: field labels, field problems and status actions."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kommunpolis.ui.labels import kind_label, label

CONTEXT = "FieldLabels"

# Labels by field name; (kind, field) overrides where one name means different things.
_FIELDS: Mapping[str, object] = {
    "name": QT_TRANSLATE_NOOP("FieldLabels", "Namn"),
    "title": QT_TRANSLATE_NOOP("FieldLabels", "Rubrik"),
    "police_region": QT_TRANSLATE_NOOP("FieldLabels", "Polisregion"),
    "kind": QT_TRANSLATE_NOOP("FieldLabels", "Typ"),
    "municipality_code": QT_TRANSLATE_NOOP("FieldLabels", "Kommun"),
    "description": QT_TRANSLATE_NOOP("FieldLabels", "Beskrivning"),
    "sensitivity": QT_TRANSLATE_NOOP("FieldLabels", "Känslighet"),
    "organisation_id": QT_TRANSLATE_NOOP("FieldLabels", "Organisation"),
    "email": QT_TRANSLATE_NOOP("FieldLabels", "E-post"),
    "phone": QT_TRANSLATE_NOOP("FieldLabels", "Telefon"),
    "position": QT_TRANSLATE_NOOP("FieldLabels", "Ordning"),
    "starts_at": QT_TRANSLATE_NOOP("FieldLabels", "Börjar"),
    "ends_at": QT_TRANSLATE_NOOP("FieldLabels", "Slutar"),
    "format": QT_TRANSLATE_NOOP("FieldLabels", "Form"),
    "participation_level": QT_TRANSLATE_NOOP("FieldLabels", "Delaktighetsnivå"),
    "target_group": QT_TRANSLATE_NOOP("FieldLabels", "Målgrupp"),
    "participant_count": QT_TRANSLATE_NOOP("FieldLabels", "Antal deltagare"),
    "notes": QT_TRANSLATE_NOOP("FieldLabels", "Anteckningar"),
    "fed_back_on": QT_TRANSLATE_NOOP("FieldLabels", "Återkopplad den"),
    "feedback_channel": QT_TRANSLATE_NOOP("FieldLabels", "Återkopplad hur"),
    "feedback_text": QT_TRANSLATE_NOOP("FieldLabels", "Återkoppling"),
    "dialogue_id": QT_TRANSLATE_NOOP("FieldLabels", "Dialog"),
    "theme_id": QT_TRANSLATE_NOOP("FieldLabels", "Tema"),
    "place_id": QT_TRANSLATE_NOOP("FieldLabels", "Plats"),
    "time_pattern": QT_TRANSLATE_NOOP("FieldLabels", "När"),
    "raised_count": QT_TRANSLATE_NOOP("FieldLabels", "Antal som tog upp det"),
    "text": QT_TRANSLATE_NOOP("FieldLabels", "Text"),
    "answer": QT_TRANSLATE_NOOP("FieldLabels", "Svar som gavs"),
    "meeting_type": QT_TRANSLATE_NOOP("FieldLabels", "Mötestyp"),
    "location": QT_TRANSLATE_NOOP("FieldLabels", "Var"),
    "agenda": QT_TRANSLATE_NOOP("FieldLabels", "Dagordning"),
    "minutes": QT_TRANSLATE_NOOP("FieldLabels", "Protokoll"),
    "meeting_id": QT_TRANSLATE_NOOP("FieldLabels", "Möte"),
    "number": QT_TRANSLATE_NOOP("FieldLabels", "Nummer"),
    "what": QT_TRANSLATE_NOOP("FieldLabels", "Vad"),
    "responsible": QT_TRANSLATE_NOOP("FieldLabels", "Ansvarig"),
    "due_on": QT_TRANSLATE_NOOP("FieldLabels", "Klart senast"),
    "scope": QT_TRANSLATE_NOOP("FieldLabels", "Omfattning"),
    "district_id": QT_TRANSLATE_NOOP("FieldLabels", "Lokalpolisområde"),
    "area": QT_TRANSLATE_NOOP("FieldLabels", "Område"),
    "owner": QT_TRANSLATE_NOOP("FieldLabels", "Ägare"),
    "period_start": QT_TRANSLATE_NOOP("FieldLabels", "Period från"),
    "period_end": QT_TRANSLATE_NOOP("FieldLabels", "Period till"),
    "summary": QT_TRANSLATE_NOOP("FieldLabels", "Sammanfattning"),
    "trends": QT_TRANSLATE_NOOP("FieldLabels", "Trender"),
    "situation_picture_id": QT_TRANSLATE_NOOP("FieldLabels", "Lägesbild"),
    "source_type": QT_TRANSLATE_NOOP("FieldLabels", "Typ av källa"),
    "police_only": QT_TRANSLATE_NOOP("FieldLabels", "Endast för polisen"),
    "timing": QT_TRANSLATE_NOOP("FieldLabels", "När"),
    "affected": QT_TRANSLATE_NOOP("FieldLabels", "Vem drabbas"),
    "priority": QT_TRANSLATE_NOOP("FieldLabels", "Prioritet"),
    "problem_id": QT_TRANSLATE_NOOP("FieldLabels", "Problem"),
    "scanning": QT_TRANSLATE_NOOP("FieldLabels", "Kartläggning (S)"),
    "analysis": QT_TRANSLATE_NOOP("FieldLabels", "Analys (A)"),
    "response": QT_TRANSLATE_NOOP("FieldLabels", "Åtgärder (R)"),
    "assessment": QT_TRANSLATE_NOOP("FieldLabels", "Utvärdering (A)"),
    "offender": QT_TRANSLATE_NOOP("FieldLabels", "Gärningsperson"),
    "target": QT_TRANSLATE_NOOP("FieldLabels", "Mål eller offer"),
    "place": QT_TRANSLATE_NOOP("FieldLabels", "Plats"),
    "offender_handler": QT_TRANSLATE_NOOP("FieldLabels", "Den som påverkar gärningspersonen"),
    "target_guardian": QT_TRANSLATE_NOOP("FieldLabels", "Den som skyddar målet"),
    "place_manager": QT_TRANSLATE_NOOP("FieldLabels", "Den som ansvarar för platsen"),
    "event_chain": QT_TRANSLATE_NOOP("FieldLabels", "Händelsekedja"),
    "analysis_id": QT_TRANSLATE_NOOP("FieldLabels", "Orsaksanalys"),
    "goals": QT_TRANSLATE_NOOP("FieldLabels", "Mätbara mål"),
    "documentation": QT_TRANSLATE_NOOP("FieldLabels", "Dokumentation"),
    "follow_up_plan": QT_TRANSLATE_NOOP("FieldLabels", "Uppföljning"),
    "agreement_id": QT_TRANSLATE_NOOP("FieldLabels", "Samverkansöverenskommelse"),
    "signatory_name": QT_TRANSLATE_NOOP("FieldLabels", "Undertecknare"),
    "signatory_title": QT_TRANSLATE_NOOP("FieldLabels", "Undertecknarens titel"),
    "signed_on": QT_TRANSLATE_NOOP("FieldLabels", "Undertecknad den"),
    "public_text": QT_TRANSLATE_NOOP("FieldLabels", "Publik text"),
    "promise_id": QT_TRANSLATE_NOOP("FieldLabels", "Medborgarlöfte"),
    "party": QT_TRANSLATE_NOOP("FieldLabels", "Part"),
    "cause_id": QT_TRANSLATE_NOOP("FieldLabels", "Orsak"),
    "operational_goal": QT_TRANSLATE_NOOP("FieldLabels", "Operativt mål"),
    "starts_on": QT_TRANSLATE_NOOP("FieldLabels", "Startar"),
    "ends_on": QT_TRANSLATE_NOOP("FieldLabels", "Klar senast"),
    "mark": QT_TRANSLATE_NOOP("FieldLabels", "Uppföljningsmarkering"),
    "measure_id": QT_TRANSLATE_NOOP("FieldLabels", "Åtgärd"),
    "source_kind": QT_TRANSLATE_NOOP("FieldLabels", "Vad som mäts"),
    "source": QT_TRANSLATE_NOOP("FieldLabels", "Källa"),
    "unit": QT_TRANSLATE_NOOP("FieldLabels", "Enhet"),
    "baseline": QT_TRANSLATE_NOOP("FieldLabels", "Utgångsvärde"),
    "indicator_id": QT_TRANSLATE_NOOP("FieldLabels", "Indikator"),
    "measured_on": QT_TRANSLATE_NOOP("FieldLabels", "Mätt den"),
    "value": QT_TRANSLATE_NOOP("FieldLabels", "Värde"),
    "note": QT_TRANSLATE_NOOP("FieldLabels", "Kommentar"),
    "held_on": QT_TRANSLATE_NOOP("FieldLabels", "Datum"),
    "narrative": QT_TRANSLATE_NOOP("FieldLabels", "Beskrivning"),
    "hours": QT_TRANSLATE_NOOP("FieldLabels", "Timmar"),
    "reported_to": QT_TRANSLATE_NOOP("FieldLabels", "Rapporterad till"),
    "follow_up_id": QT_TRANSLATE_NOOP("FieldLabels", "Uppföljning"),
    "status": QT_TRANSLATE_NOOP("FieldLabels", "Status"),
}

_KIND_FIELDS: Mapping[tuple[str, str], object] = {
    ("indicators", "target"): QT_TRANSLATE_NOOP("FieldLabels", "Målvärde"),
    ("places", "kind"): QT_TRANSLATE_NOOP("FieldLabels", "Typ av plats"),
    ("dialogues", "kind"): QT_TRANSLATE_NOOP("FieldLabels", "Typ av dialog"),
    ("followups", "kind"): QT_TRANSLATE_NOOP("FieldLabels", "Typ av uppföljning"),
    ("meetings", "location"): QT_TRANSLATE_NOOP("FieldLabels", "Lokal"),
    ("problems", "location"): QT_TRANSLATE_NOOP("FieldLabels", "Var"),
    ("commitments", "problem_id"): QT_TRANSLATE_NOOP("FieldLabels", "Fokusområde"),
}

_LINK_SETS: Mapping[str, object] = {
    "places": QT_TRANSLATE_NOOP("FieldLabels", "Platser"),
    "organisers": QT_TRANSLATE_NOOP("FieldLabels", "Arrangörer"),
    "problems": QT_TRANSLATE_NOOP("FieldLabels", "Problem"),
    "attendees": QT_TRANSLATE_NOOP("FieldLabels", "Deltagare"),
    "concerns": QT_TRANSLATE_NOOP("FieldLabels", "Synpunkter (underlag)"),
    "sources": QT_TRANSLATE_NOOP("FieldLabels", "Källor (underlag)"),
    "promises": QT_TRANSLATE_NOOP("FieldLabels", "Medborgarlöften"),
}


def _tr(text: object, context: str = CONTEXT) -> str:
    return QCoreApplication.translate(context, str(text))


def field_label(kind: str, name: str) -> str:
    """Return the Swedish label of one field of one kind."""
    text = _KIND_FIELDS.get((kind, name)) or _FIELDS.get(name)
    return _tr(text) if text else name


def link_set_label(kind: str, link_set: str) -> str:
    """Return the heading of a link set, e.g. 'Platser'."""
    if kind == "promises" and link_set == "problems":
        return _tr(QT_TRANSLATE_NOOP("FieldLabels", "Fokusområden (problem)"))
    text = _LINK_SETS.get(link_set)
    return _tr(text) if text else link_set


def status_action(kind: str, current: object, target: object) -> str:
    """Return the text of the action that moves a record from ``current`` to ``target``."""
    from enum import StrEnum

    assert isinstance(current, StrEnum) and isinstance(target, StrEnum)
    order = list(type(current))
    name = label(target).lower()
    del kind
    if order.index(target) < order.index(current):
        return QCoreApplication.translate("StatusActions", "Återgå till %1").replace("%1", name)
    return QCoreApplication.translate("StatusActions", "Markera som %1").replace("%1", name)


def problem_message(kind: str, code: str, params: Mapping[str, object]) -> str:
    """Return a plain Swedish sentence for a field problem code from ``FieldErrors``."""
    if code == "required":
        return QCoreApplication.translate("FieldProblems", "Fältet måste fyllas i.")
    if code == "too_long":
        return (
            QCoreApplication.translate(
                "FieldProblems", "Texten är för lång: högst %1 tecken (nu %2)."
            )
            .replace("%1", str(params.get("limit", "")))
            .replace("%2", str(params.get("length", "")))
        )
    if code == "below_minimum":
        minimum = params.get("minimum", 0)
        if isinstance(minimum, float) and minimum.is_integer():
            minimum = int(minimum)
        if minimum == 0:
            return QCoreApplication.translate("FieldProblems", "Värdet kan inte vara negativt.")
        return QCoreApplication.translate("FieldProblems", "Värdet måste vara minst %1.").replace(
            "%1", str(minimum)
        )
    if code == "not_a_number":
        return QCoreApplication.translate("FieldProblems", "Skriv ett tal.")
    if code == "invalid_date":
        return QCoreApplication.translate(
            "FieldProblems", "Datumet finns inte. Skriv det som ÅÅÅÅ-MM-DD."
        )
    if code == "end_before_start":
        return QCoreApplication.translate("FieldProblems", "Slutet kan inte komma före början.")
    if code == "unknown_reference":
        referenced = str(params.get("kind", ""))
        return QCoreApplication.translate("FieldProblems", "Välj en post i listan (%1).").replace(
            "%1", kind_label(referenced).lower() if referenced else ""
        )
    if code == "unknown_municipality":
        return QCoreApplication.translate("FieldProblems", "Välj en kommun i listan.")
    if code == "unknown_choice":
        return QCoreApplication.translate("FieldProblems", "Välj ett av alternativen i listan.")
    if code == "not_linked":
        if params.get("kind") == "promises" and params.get("link_set") == "problems":
            return QCoreApplication.translate(
                "FieldProblems",
                "Välj ett av medborgarlöftets fokusområden, eller lägg först till problemet "
                "under Fokusområden i löftet.",
            )
        return QCoreApplication.translate(
            "FieldProblems", "Välj en post som hör till den valda posten (%1)."
        ).replace("%1", kind_label(str(params.get("kind", ""))).lower())
    if code == "already_exists":
        return QCoreApplication.translate("FieldProblems", "Det finns redan en sådan post.")
    del kind
    return QCoreApplication.translate("FieldProblems", "Värdet kan inte sparas.")

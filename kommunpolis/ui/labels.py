"""Swedish labels for every code value of the domain (translatable, English second).

The database and the services speak in English code values (``DialogueStatus.HELD``);
this module is the one place that turns them into the words an officer reads.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kommunpolis.domain.statuses import (
    ActionItemStatus,
    AgreementStatus,
    DialogueStatus,
    MeasureStatus,
    MinutesStatus,
    ProblemStatus,
    PromiseStatus,
)
from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    DialogueKind,
    FollowUpKind,
    FollowUpMark,
    IndicatorSource,
    MeetingType,
    OrganisationKind,
    ParticipationLevel,
    Party,
    PlaceKind,
    Role,
    Sensitivity,
    SituationOwner,
    SituationScope,
    SourceType,
    TimePattern,
)

CONTEXT = "Labels"
# Swedish uses one word where English needs two (one/many problems; a dialogue held, a
# measure done): such texts carry a disambiguation so each gets its own translation.
# Written as literal translate() calls so that lupdate picks up the disambiguation.
_OWN_WORD: Mapping[StrEnum, Callable[[], str]] = {
    DialogueStatus.HELD: lambda: QCoreApplication.translate("Labels", "Genomförd", "dialogue held"),
}
_OWN_PLURAL: Mapping[str, Callable[[], str]] = {
    "decisions": lambda: QCoreApplication.translate("Labels", "Beslut", "plural"),
    "problems": lambda: QCoreApplication.translate("Labels", "Problem", "plural"),
}


# QT_TRANSLATE_NOOP marks each text for lupdate; label() translates it when shown.
_LABELS: Mapping[StrEnum, object] = {
    Sensitivity.OPEN: QT_TRANSLATE_NOOP("Labels", "Öppen"),
    Sensitivity.INTERNAL: QT_TRANSLATE_NOOP("Labels", "Intern"),
    Sensitivity.SECRET: QT_TRANSLATE_NOOP("Labels", "Sekretess"),
    Role.OFFICER: QT_TRANSLATE_NOOP("Labels", "Kommunpolis"),
    Role.COORDINATOR: QT_TRANSLATE_NOOP("Labels", "Samordnare"),
    PlaceKind.SQUARE: QT_TRANSLATE_NOOP("Labels", "Torg"),
    PlaceKind.SCHOOL: QT_TRANSLATE_NOOP("Labels", "Skola"),
    PlaceKind.ROAD: QT_TRANSLATE_NOOP("Labels", "Väg/gata"),
    PlaceKind.PARK: QT_TRANSLATE_NOOP("Labels", "Park"),
    PlaceKind.STATION: QT_TRANSLATE_NOOP("Labels", "Station"),
    PlaceKind.AREA: QT_TRANSLATE_NOOP("Labels", "Område"),
    PlaceKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Annan plats"),
    OrganisationKind.MUNICIPAL_DEPARTMENT: QT_TRANSLATE_NOOP("Labels", "Kommunal förvaltning"),
    OrganisationKind.HOUSING_COMPANY: QT_TRANSLATE_NOOP("Labels", "Bostadsbolag"),
    OrganisationKind.SCHOOL: QT_TRANSLATE_NOOP("Labels", "Skola"),
    OrganisationKind.ASSOCIATION: QT_TRANSLATE_NOOP("Labels", "Förening"),
    OrganisationKind.BUSINESS: QT_TRANSLATE_NOOP("Labels", "Näringsidkare"),
    OrganisationKind.RESCUE_SERVICE: QT_TRANSLATE_NOOP("Labels", "Räddningstjänst"),
    OrganisationKind.COUNTY_BOARD: QT_TRANSLATE_NOOP("Labels", "Länsstyrelse"),
    OrganisationKind.POLICE: QT_TRANSLATE_NOOP("Labels", "Polisen"),
    OrganisationKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Annan organisation"),
    DialogueKind.CITIZEN: QT_TRANSLATE_NOOP("Labels", "Medborgardialog"),
    DialogueKind.EMPLOYEE: QT_TRANSLATE_NOOP("Labels", "Medarbetardialog"),
    DialogueFormat.OPEN_MEETING: QT_TRANSLATE_NOOP("Labels", "Öppet möte"),
    DialogueFormat.SAFETY_WALK: QT_TRANSLATE_NOOP("Labels", "Trygghetsvandring"),
    DialogueFormat.SURVEY: QT_TRANSLATE_NOOP("Labels", "Enkät"),
    DialogueFormat.FOCUS_GROUP: QT_TRANSLATE_NOOP("Labels", "Fokusgrupp"),
    DialogueFormat.INTERVIEW: QT_TRANSLATE_NOOP("Labels", "Intervju"),
    DialogueFormat.DELIBERATION: QT_TRANSLATE_NOOP("Labels", "Rådslag"),
    DialogueFormat.STAND: QT_TRANSLATE_NOOP("Labels", "Dialogstand"),
    DialogueFormat.SCHOOL_VISIT: QT_TRANSLATE_NOOP("Labels", "Skolbesök"),
    DialogueFormat.DIGITAL: QT_TRANSLATE_NOOP("Labels", "Digital"),
    DialogueFormat.OTHER: QT_TRANSLATE_NOOP("Labels", "Annat"),
    ParticipationLevel.INFORMATION: QT_TRANSLATE_NOOP("Labels", "Information"),
    ParticipationLevel.CONSULTATION: QT_TRANSLATE_NOOP("Labels", "Konsultation"),
    ParticipationLevel.INVOLVEMENT: QT_TRANSLATE_NOOP("Labels", "Delaktighet"),
    ParticipationLevel.CODETERMINATION: QT_TRANSLATE_NOOP("Labels", "Medbestämmande"),
    TimePattern.ANY: QT_TRANSLATE_NOOP("Labels", "När som helst"),
    TimePattern.DAYTIME: QT_TRANSLATE_NOOP("Labels", "Dagtid"),
    TimePattern.EVENING: QT_TRANSLATE_NOOP("Labels", "Kvällar"),
    TimePattern.NIGHT: QT_TRANSLATE_NOOP("Labels", "Nätter"),
    TimePattern.WEEKEND: QT_TRANSLATE_NOOP("Labels", "Helger"),
    TimePattern.SCHOOL_HOURS: QT_TRANSLATE_NOOP("Labels", "Skoltid"),
    TimePattern.SEASONAL: QT_TRANSLATE_NOOP("Labels", "Säsongsvis"),
    MeetingType.COLLABORATION: QT_TRANSLATE_NOOP("Labels", "Samverkansmöte"),
    MeetingType.STEERING_GROUP: QT_TRANSLATE_NOOP("Labels", "Styrgrupp"),
    MeetingType.WORKING_GROUP: QT_TRANSLATE_NOOP("Labels", "Arbetsgrupp"),
    MeetingType.LOCAL_CRIME_PREVENTION_COUNCIL: QT_TRANSLATE_NOOP("Labels", "Lokalt BRÅ"),
    MeetingType.EST: QT_TRANSLATE_NOOP("Labels", "EST"),
    MeetingType.OTHER: QT_TRANSLATE_NOOP("Labels", "Annat möte"),
    SituationScope.MUNICIPALITY: QT_TRANSLATE_NOOP("Labels", "Kommun"),
    SituationScope.DISTRICT: QT_TRANSLATE_NOOP("Labels", "Lokalpolisområde"),
    SituationScope.AREA: QT_TRANSLATE_NOOP("Labels", "Område"),
    SituationOwner.POLICE: QT_TRANSLATE_NOOP("Labels", "Polisen"),
    SituationOwner.MUNICIPALITY: QT_TRANSLATE_NOOP("Labels", "Kommunen"),
    SituationOwner.JOINT: QT_TRANSLATE_NOOP("Labels", "Gemensam"),
    SourceType.CRIME_STATISTICS: QT_TRANSLATE_NOOP("Labels", "Brottsstatistik"),
    SourceType.SAFETY_SURVEY: QT_TRANSLATE_NOOP("Labels", "Trygghetsmätning"),
    SourceType.DIALOGUES: QT_TRANSLATE_NOOP("Labels", "Dialoger"),
    SourceType.POLICE_INTELLIGENCE: QT_TRANSLATE_NOOP("Labels", "Polisiär underrättelse"),
    SourceType.MUNICIPAL_DATA: QT_TRANSLATE_NOOP("Labels", "Kommunal statistik"),
    SourceType.PARTNER_REPORT: QT_TRANSLATE_NOOP("Labels", "Rapport från samverkanspart"),
    SourceType.OTHER: QT_TRANSLATE_NOOP("Labels", "Annan källa"),
    Party.POLICE: QT_TRANSLATE_NOOP("Labels", "Polisen"),
    Party.MUNICIPALITY: QT_TRANSLATE_NOOP("Labels", "Kommunen"),
    Party.PARTNER: QT_TRANSLATE_NOOP("Labels", "Samverkanspart"),
    FollowUpMark.GREEN: QT_TRANSLATE_NOOP("Labels", "Grön"),
    FollowUpMark.YELLOW: QT_TRANSLATE_NOOP("Labels", "Gul"),
    FollowUpMark.RED: QT_TRANSLATE_NOOP("Labels", "Röd"),
    FollowUpKind.PROCESS: QT_TRANSLATE_NOOP("Labels", "Process"),
    FollowUpKind.OUTCOME: QT_TRANSLATE_NOOP("Labels", "Effekt"),
    IndicatorSource.SURVEY_ITEM: QT_TRANSLATE_NOOP("Labels", "Fråga i trygghetsmätning"),
    IndicatorSource.CRIME_CATEGORY: QT_TRANSLATE_NOOP("Labels", "Brottskategori"),
    IndicatorSource.ACTIVITY_COUNT: QT_TRANSLATE_NOOP("Labels", "Antal aktiviteter"),
    IndicatorSource.OTHER: QT_TRANSLATE_NOOP("Labels", "Annat"),
    DialogueStatus.PLANNED: QT_TRANSLATE_NOOP("Labels", "Planerad"),
    DialogueStatus.HELD: QT_TRANSLATE_NOOP("Labels", "Genomförd"),
    DialogueStatus.COMPILED: QT_TRANSLATE_NOOP("Labels", "Sammanställd"),
    DialogueStatus.FED_BACK: QT_TRANSLATE_NOOP("Labels", "Återkopplad"),
    MinutesStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Utkast"),
    MinutesStatus.APPROVED: QT_TRANSLATE_NOOP("Labels", "Justerat"),
    ActionItemStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Öppen"),
    ActionItemStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Klar"),
    ActionItemStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Struken"),
    ProblemStatus.IDENTIFIED: QT_TRANSLATE_NOOP("Labels", "Identifierat"),
    ProblemStatus.PRIORITISED: QT_TRANSLATE_NOOP("Labels", "Prioriterat"),
    ProblemStatus.ANALYSED: QT_TRANSLATE_NOOP("Labels", "Analyserat"),
    ProblemStatus.ADDRESSED: QT_TRANSLATE_NOOP("Labels", "Åtgärdat"),
    ProblemStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Avslutat"),
    AgreementStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Utkast"),
    AgreementStatus.SIGNED: QT_TRANSLATE_NOOP("Labels", "Undertecknad"),
    AgreementStatus.IN_FORCE: QT_TRANSLATE_NOOP("Labels", "Gällande"),
    AgreementStatus.EXPIRED: QT_TRANSLATE_NOOP("Labels", "Utgången"),
    PromiseStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Utkast"),
    PromiseStatus.SIGNED: QT_TRANSLATE_NOOP("Labels", "Undertecknat"),
    PromiseStatus.PUBLISHED: QT_TRANSLATE_NOOP("Labels", "Publicerat"),
    PromiseStatus.FOLLOWED_UP: QT_TRANSLATE_NOOP("Labels", "Uppföljt"),
    PromiseStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Avslutat"),
    MeasureStatus.NOT_STARTED: QT_TRANSLATE_NOOP("Labels", "Ej påbörjad"),
    MeasureStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "Pågår"),
    MeasureStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Genomförd"),
    MeasureStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Inställd"),
}

# The record kinds of storage.kinds, singular and plural.
_KINDS: Mapping[str, tuple[object, object]] = {
    "districts": (
        QT_TRANSLATE_NOOP("Labels", "Lokalpolisområde"),
        QT_TRANSLATE_NOOP("Labels", "Lokalpolisområden"),
    ),
    "places": (QT_TRANSLATE_NOOP("Labels", "Plats"), QT_TRANSLATE_NOOP("Labels", "Platser")),
    "organisations": (
        QT_TRANSLATE_NOOP("Labels", "Organisation"),
        QT_TRANSLATE_NOOP("Labels", "Organisationer"),
    ),
    "contacts": (QT_TRANSLATE_NOOP("Labels", "Kontakt"), QT_TRANSLATE_NOOP("Labels", "Kontakter")),
    "themes": (QT_TRANSLATE_NOOP("Labels", "Tema"), QT_TRANSLATE_NOOP("Labels", "Teman")),
    "dialogues": (QT_TRANSLATE_NOOP("Labels", "Dialog"), QT_TRANSLATE_NOOP("Labels", "Dialoger")),
    "concerns": (
        QT_TRANSLATE_NOOP("Labels", "Synpunkt"),
        QT_TRANSLATE_NOOP("Labels", "Synpunkter"),
    ),
    "meetings": (QT_TRANSLATE_NOOP("Labels", "Möte"), QT_TRANSLATE_NOOP("Labels", "Möten")),
    "decisions": (
        QT_TRANSLATE_NOOP("Labels", "Beslut"),
        QT_TRANSLATE_NOOP("Labels", "Beslut"),
    ),
    "action-items": (
        QT_TRANSLATE_NOOP("Labels", "Åtgärdspunkt"),
        QT_TRANSLATE_NOOP("Labels", "Åtgärdspunkter"),
    ),
    "situation-pictures": (
        QT_TRANSLATE_NOOP("Labels", "Lägesbild"),
        QT_TRANSLATE_NOOP("Labels", "Lägesbilder"),
    ),
    "sources": (QT_TRANSLATE_NOOP("Labels", "Källa"), QT_TRANSLATE_NOOP("Labels", "Källor")),
    "problems": (
        QT_TRANSLATE_NOOP("Labels", "Problem"),
        QT_TRANSLATE_NOOP("Labels", "Problem"),
    ),
    "analyses": (
        QT_TRANSLATE_NOOP("Labels", "Orsaksanalys"),
        QT_TRANSLATE_NOOP("Labels", "Orsaksanalyser"),
    ),
    "causes": (QT_TRANSLATE_NOOP("Labels", "Orsak"), QT_TRANSLATE_NOOP("Labels", "Orsaker")),
    "agreements": (
        QT_TRANSLATE_NOOP("Labels", "Samverkansöverenskommelse"),
        QT_TRANSLATE_NOOP("Labels", "Samverkansöverenskommelser"),
    ),
    "agreement-parties": (
        QT_TRANSLATE_NOOP("Labels", "Part i överenskommelse"),
        QT_TRANSLATE_NOOP("Labels", "Parter i överenskommelser"),
    ),
    "promises": (
        QT_TRANSLATE_NOOP("Labels", "Medborgarlöfte"),
        QT_TRANSLATE_NOOP("Labels", "Medborgarlöften"),
    ),
    "commitments": (
        QT_TRANSLATE_NOOP("Labels", "Åtagande"),
        QT_TRANSLATE_NOOP("Labels", "Åtaganden"),
    ),
    "measures": (QT_TRANSLATE_NOOP("Labels", "Åtgärd"), QT_TRANSLATE_NOOP("Labels", "Åtgärder")),
    "indicators": (
        QT_TRANSLATE_NOOP("Labels", "Indikator"),
        QT_TRANSLATE_NOOP("Labels", "Indikatorer"),
    ),
    "indicator-values": (
        QT_TRANSLATE_NOOP("Labels", "Indikatorvärde"),
        QT_TRANSLATE_NOOP("Labels", "Indikatorvärden"),
    ),
    "followups": (
        QT_TRANSLATE_NOOP("Labels", "Uppföljning"),
        QT_TRANSLATE_NOOP("Labels", "Uppföljningar"),
    ),
    "followup-measures": (
        QT_TRANSLATE_NOOP("Labels", "Uppföljning av åtgärd"),
        QT_TRANSLATE_NOOP("Labels", "Uppföljningar av åtgärder"),
    ),
    "attachments": (QT_TRANSLATE_NOOP("Labels", "Bilaga"), QT_TRANSLATE_NOOP("Labels", "Bilagor")),
}


def label(value: StrEnum | None) -> str:
    """Return the translated label of a code value ('' for None; the value if unlabelled)."""
    if value is None:
        return ""
    text = _LABELS.get(value)
    if value in _OWN_WORD:
        return _OWN_WORD[value]()
    return QCoreApplication.translate(CONTEXT, str(text)) if text else str(value)


def labels_of(enum_class: type[StrEnum]) -> list[tuple[StrEnum, str]]:
    """Return (value, label) for every member, in declaration order (for combo boxes)."""
    return [(member, label(member)) for member in enum_class]


def kind_label(kind: str, *, plural: bool = False) -> str:
    """Return the translated name of a record kind, e.g. 'Dialog' / 'Dialoger'."""
    names = _KINDS.get(kind)
    if names is None:
        return kind
    if plural and kind in _OWN_PLURAL:
        return _OWN_PLURAL[kind]()
    return QCoreApplication.translate(CONTEXT, str(names[1] if plural else names[0]))

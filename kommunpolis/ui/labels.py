"""Swedish labels for every code value of the domain (translatable, English second).

The database and the services speak in English code values (``DialogueStatus.HELD``);
this module is the one place that turns them into the words an officer reads.
"""

from __future__ import annotations

from collections.abc import Mapping
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


def _t(text: str) -> str:
    # Marks the text for lupdate; translated when shown, in label().
    return str(QT_TRANSLATE_NOOP(CONTEXT, text))


_LABELS: Mapping[StrEnum, str] = {
    Sensitivity.OPEN: _t("Öppen"),
    Sensitivity.INTERNAL: _t("Intern"),
    Sensitivity.SECRET: _t("Sekretess"),
    Role.OFFICER: _t("Kommunpolis"),
    Role.COORDINATOR: _t("Samordnare"),
    PlaceKind.SQUARE: _t("Torg"),
    PlaceKind.SCHOOL: _t("Skola"),
    PlaceKind.ROAD: _t("Väg/gata"),
    PlaceKind.PARK: _t("Park"),
    PlaceKind.STATION: _t("Station"),
    PlaceKind.AREA: _t("Område"),
    PlaceKind.OTHER: _t("Annan plats"),
    OrganisationKind.MUNICIPAL_DEPARTMENT: _t("Kommunal förvaltning"),
    OrganisationKind.HOUSING_COMPANY: _t("Bostadsbolag"),
    OrganisationKind.SCHOOL: _t("Skola"),
    OrganisationKind.ASSOCIATION: _t("Förening"),
    OrganisationKind.BUSINESS: _t("Näringsidkare"),
    OrganisationKind.RESCUE_SERVICE: _t("Räddningstjänst"),
    OrganisationKind.COUNTY_BOARD: _t("Länsstyrelse"),
    OrganisationKind.POLICE: _t("Polisen"),
    OrganisationKind.OTHER: _t("Annan organisation"),
    DialogueKind.CITIZEN: _t("Medborgardialog"),
    DialogueKind.EMPLOYEE: _t("Medarbetardialog"),
    DialogueFormat.OPEN_MEETING: _t("Öppet möte"),
    DialogueFormat.SAFETY_WALK: _t("Trygghetsvandring"),
    DialogueFormat.SURVEY: _t("Enkät"),
    DialogueFormat.FOCUS_GROUP: _t("Fokusgrupp"),
    DialogueFormat.INTERVIEW: _t("Intervju"),
    DialogueFormat.DELIBERATION: _t("Rådslag"),
    DialogueFormat.STAND: _t("Dialogstand"),
    DialogueFormat.SCHOOL_VISIT: _t("Skolbesök"),
    DialogueFormat.DIGITAL: _t("Digital"),
    DialogueFormat.OTHER: _t("Annat"),
    ParticipationLevel.INFORMATION: _t("Information"),
    ParticipationLevel.CONSULTATION: _t("Konsultation"),
    ParticipationLevel.INVOLVEMENT: _t("Delaktighet"),
    ParticipationLevel.CODETERMINATION: _t("Medbestämmande"),
    TimePattern.ANY: _t("När som helst"),
    TimePattern.DAYTIME: _t("Dagtid"),
    TimePattern.EVENING: _t("Kvällar"),
    TimePattern.NIGHT: _t("Nätter"),
    TimePattern.WEEKEND: _t("Helger"),
    TimePattern.SCHOOL_HOURS: _t("Skoltid"),
    TimePattern.SEASONAL: _t("Säsongsvis"),
    MeetingType.COLLABORATION: _t("Samverkansmöte"),
    MeetingType.STEERING_GROUP: _t("Styrgrupp"),
    MeetingType.WORKING_GROUP: _t("Arbetsgrupp"),
    MeetingType.LOCAL_CRIME_PREVENTION_COUNCIL: _t("Lokalt BRÅ"),
    MeetingType.EST: _t("EST"),
    MeetingType.OTHER: _t("Annat möte"),
    SituationScope.MUNICIPALITY: _t("Kommun"),
    SituationScope.DISTRICT: _t("Lokalpolisområde"),
    SituationScope.AREA: _t("Område"),
    SituationOwner.POLICE: _t("Polisen"),
    SituationOwner.MUNICIPALITY: _t("Kommunen"),
    SituationOwner.JOINT: _t("Gemensam"),
    SourceType.CRIME_STATISTICS: _t("Brottsstatistik"),
    SourceType.SAFETY_SURVEY: _t("Trygghetsmätning"),
    SourceType.DIALOGUES: _t("Dialoger"),
    SourceType.POLICE_INTELLIGENCE: _t("Polisiär underrättelse"),
    SourceType.MUNICIPAL_DATA: _t("Kommunal statistik"),
    SourceType.PARTNER_REPORT: _t("Rapport från samverkanspart"),
    SourceType.OTHER: _t("Annan källa"),
    Party.POLICE: _t("Polisen"),
    Party.MUNICIPALITY: _t("Kommunen"),
    Party.PARTNER: _t("Samverkanspart"),
    FollowUpMark.GREEN: _t("Grön"),
    FollowUpMark.YELLOW: _t("Gul"),
    FollowUpMark.RED: _t("Röd"),
    FollowUpKind.PROCESS: _t("Process"),
    FollowUpKind.OUTCOME: _t("Effekt"),
    IndicatorSource.SURVEY_ITEM: _t("Fråga i trygghetsmätning"),
    IndicatorSource.CRIME_CATEGORY: _t("Brottskategori"),
    IndicatorSource.ACTIVITY_COUNT: _t("Antal aktiviteter"),
    IndicatorSource.OTHER: _t("Annat"),
    DialogueStatus.PLANNED: _t("Planerad"),
    DialogueStatus.HELD: _t("Genomförd"),
    DialogueStatus.COMPILED: _t("Sammanställd"),
    DialogueStatus.FED_BACK: _t("Återkopplad"),
    MinutesStatus.DRAFT: _t("Utkast"),
    MinutesStatus.APPROVED: _t("Justerat"),
    ActionItemStatus.OPEN: _t("Öppen"),
    ActionItemStatus.DONE: _t("Klar"),
    ActionItemStatus.CANCELLED: _t("Struken"),
    ProblemStatus.IDENTIFIED: _t("Identifierat"),
    ProblemStatus.PRIORITISED: _t("Prioriterat"),
    ProblemStatus.ANALYSED: _t("Analyserat"),
    ProblemStatus.ADDRESSED: _t("Åtgärdat"),
    ProblemStatus.CLOSED: _t("Avslutat"),
    AgreementStatus.DRAFT: _t("Utkast"),
    AgreementStatus.SIGNED: _t("Undertecknad"),
    AgreementStatus.IN_FORCE: _t("Gällande"),
    AgreementStatus.EXPIRED: _t("Utgången"),
    PromiseStatus.DRAFT: _t("Utkast"),
    PromiseStatus.SIGNED: _t("Undertecknat"),
    PromiseStatus.PUBLISHED: _t("Publicerat"),
    PromiseStatus.FOLLOWED_UP: _t("Uppföljt"),
    PromiseStatus.CLOSED: _t("Avslutat"),
    MeasureStatus.NOT_STARTED: _t("Ej påbörjad"),
    MeasureStatus.IN_PROGRESS: _t("Pågår"),
    MeasureStatus.DONE: _t("Genomförd"),
    MeasureStatus.CANCELLED: _t("Inställd"),
}

# The record kinds of storage.kinds, singular and plural.
_KINDS: Mapping[str, tuple[str, str]] = {
    "districts": (_t("Lokalpolisområde"), _t("Lokalpolisområden")),
    "places": (_t("Plats"), _t("Platser")),
    "organisations": (_t("Organisation"), _t("Organisationer")),
    "contacts": (_t("Kontakt"), _t("Kontakter")),
    "themes": (_t("Tema"), _t("Teman")),
    "dialogues": (_t("Dialog"), _t("Dialoger")),
    "concerns": (_t("Synpunkt"), _t("Synpunkter")),
    "meetings": (_t("Möte"), _t("Möten")),
    "decisions": (_t("Beslut"), _t("Beslut")),
    "action-items": (_t("Åtgärdspunkt"), _t("Åtgärdspunkter")),
    "situation-pictures": (_t("Lägesbild"), _t("Lägesbilder")),
    "sources": (_t("Källa"), _t("Källor")),
    "problems": (_t("Problem"), _t("Problem")),
    "analyses": (_t("Orsaksanalys"), _t("Orsaksanalyser")),
    "causes": (_t("Orsak"), _t("Orsaker")),
    "agreements": (_t("Samverkansöverenskommelse"), _t("Samverkansöverenskommelser")),
    "promises": (_t("Medborgarlöfte"), _t("Medborgarlöften")),
    "commitments": (_t("Åtagande"), _t("Åtaganden")),
    "measures": (_t("Åtgärd"), _t("Åtgärder")),
    "indicators": (_t("Indikator"), _t("Indikatorer")),
    "indicator-values": (_t("Indikatorvärde"), _t("Indikatorvärden")),
    "followups": (_t("Uppföljning"), _t("Uppföljningar")),
    "attachments": (_t("Bilaga"), _t("Bilagor")),
}


def label(value: StrEnum | None) -> str:
    """Return the translated label of a code value ('' for None; the value if unlabelled)."""
    if value is None:
        return ""
    text = _LABELS.get(value)
    return QCoreApplication.translate(CONTEXT, text) if text else str(value)


def labels_of(enum_class: type[StrEnum]) -> list[tuple[StrEnum, str]]:
    """Return (value, label) for every member, in declaration order (for combo boxes)."""
    return [(member, label(member)) for member in enum_class]


def kind_label(kind: str, *, plural: bool = False) -> str:
    """Return the translated name of a record kind, e.g. 'Dialog' / 'Dialoger'."""
    names = _KINDS.get(kind)
    if names is None:
        return kind
    return QCoreApplication.translate(CONTEXT, names[1] if plural else names[0])

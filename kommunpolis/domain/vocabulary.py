"""Closed vocabularies of the domain (DOMAIN.md), as English code values.

The values are stored in the database and in bundles, so they never change once
released; the UI maps each to its translated Swedish label.
"""

from __future__ import annotations

from enum import StrEnum


class Sensitivity(StrEnum):
    """How widely a record may be shown (öppen / intern / sekretess)."""

    OPEN = "open"
    INTERNAL = "internal"
    SECRET = "secret"


class Role(StrEnum):
    """What the person using this installation does."""

    OFFICER = "officer"
    COORDINATOR = "coordinator"


class PlaceKind(StrEnum):
    """What sort of named place a plats is."""

    SQUARE = "square"
    SCHOOL = "school"
    ROAD = "road"
    PARK = "park"
    STATION = "station"
    AREA = "area"
    OTHER = "other"


class OrganisationKind(StrEnum):
    """The kind of partner organisation."""

    MUNICIPAL_DEPARTMENT = "municipal_department"
    HOUSING_COMPANY = "housing_company"
    SCHOOL = "school"
    ASSOCIATION = "association"
    BUSINESS = "business"
    RESCUE_SERVICE = "rescue_service"
    COUNTY_BOARD = "county_board"
    POLICE = "police"
    OTHER = "other"


class DialogueKind(StrEnum):
    """Citizen dialogue (medborgardialog) or employee dialogue (medarbetardialog)."""

    CITIZEN = "citizen"
    EMPLOYEE = "employee"


class DialogueFormat(StrEnum):
    """How a dialogue was held."""

    OPEN_MEETING = "open_meeting"
    SAFETY_WALK = "safety_walk"
    SURVEY = "survey"
    FOCUS_GROUP = "focus_group"
    INTERVIEW = "interview"
    DELIBERATION = "deliberation"
    STAND = "stand"
    SCHOOL_VISIT = "school_visit"
    DIGITAL = "digital"
    OTHER = "other"


class ParticipationLevel(StrEnum):
    """The rung of the participation ladder a dialogue reached."""

    INFORMATION = "information"
    CONSULTATION = "consultation"
    INVOLVEMENT = "involvement"
    CODETERMINATION = "codetermination"


class TimePattern(StrEnum):
    """When a concern's problem tends to happen."""

    ANY = "any"
    DAYTIME = "daytime"
    EVENING = "evening"
    NIGHT = "night"
    WEEKEND = "weekend"
    SCHOOL_HOURS = "school_hours"
    SEASONAL = "seasonal"


class MeetingType(StrEnum):
    """The kind of collaboration meeting."""

    COLLABORATION = "collaboration"
    STEERING_GROUP = "steering_group"
    WORKING_GROUP = "working_group"
    LOCAL_CRIME_PREVENTION_COUNCIL = "local_crime_prevention_council"
    EST = "est"
    OTHER = "other"


class SituationScope(StrEnum):
    """What area a situation picture covers."""

    MUNICIPALITY = "municipality"
    DISTRICT = "district"
    AREA = "area"


class SituationOwner(StrEnum):
    """Whose situation picture it is (egen / gemensam)."""

    POLICE = "police"
    MUNICIPALITY = "municipality"
    JOINT = "joint"


class SourceType(StrEnum):
    """Where a situation picture's evidence comes from."""

    CRIME_STATISTICS = "crime_statistics"
    SAFETY_SURVEY = "safety_survey"
    DIALOGUES = "dialogues"
    POLICE_INTELLIGENCE = "police_intelligence"
    MUNICIPAL_DATA = "municipal_data"
    PARTNER_REPORT = "partner_report"
    OTHER = "other"


class Party(StrEnum):
    """Who gives a promise: the police, the municipality or a partner."""

    POLICE = "police"
    MUNICIPALITY = "municipality"
    PARTNER = "partner"


class FollowUpMark(StrEnum):
    """The traffic-light mark of a measure's follow-up."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


class FollowUpKind(StrEnum):
    """Follow-up of the process (was it done?) or of the outcome (did it help?)."""

    PROCESS = "process"
    OUTCOME = "outcome"


class IndicatorSource(StrEnum):
    """What an indicator measures."""

    SURVEY_ITEM = "survey_item"
    CRIME_CATEGORY = "crime_category"
    ACTIVITY_COUNT = "activity_count"
    OTHER = "other"


# The concern themes every new installation starts with (users add their own).
# They are data in Swedish, as officers name them, not interface text.
DEFAULT_THEMES: tuple[str, ...] = (
    "Narkotika",
    "Trafik/buskörning",
    "Skadegörelse",
    "Inbrott/stöld",
    "Ordningsstörning",
    "Ungdomsgrupper",
    "Våld i offentlig miljö",
    "Bedrägerier mot äldre",
    "Belysning/fysisk miljö",
    "Allmän otrygghet",
)

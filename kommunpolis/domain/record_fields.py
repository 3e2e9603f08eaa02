"""What a person may edit in each kind of record: fields, statuses, links and children.

The editors and the editing service are built from these declarations, so a new field
appears in every editor, in validation and in recovery by being named here once.
Statuses are not ordinary fields: they change only through the transitions of
:mod:`kommunpolis.domain.statuses`. Tables are named by their SQL names so that the
domain stays free of the storage layer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum

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
    Sensitivity,
    SituationOwner,
    SituationScope,
    SourceType,
    TimePattern,
)

TITLE = 200
NAME = 200
SHORT = 40


class FieldType(StrEnum):
    """How a field's value is entered and stored."""

    LINE = "line"  # one line of text
    TEXT = "text"  # long text
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    DATETIME = "datetime"
    CHOICE = "choice"  # a member of a closed vocabulary (``FieldSpec.choices``)
    FLAG = "flag"
    MUNICIPALITY = "municipality"  # a kommun's SCB code
    REFERENCE = "reference"  # the id of a record of kind ``FieldSpec.reference``


class Default(StrEnum):
    """A default that depends on when and by whom a record is created."""

    NOW = "now"
    TODAY = "today"
    IN_ONE_YEAR = "in_one_year"
    HOME_MUNICIPALITY = "home_municipality"  # the profile's first kommun


@dataclass(frozen=True)
class FieldSpec:
    """One editable field: its ORM attribute, type and rules."""

    name: str
    field_type: FieldType
    required: bool = False
    max_length: int | None = None
    minimum: float | None = None
    choices: type[StrEnum] | None = None
    reference: str | None = None
    # Free text that may tempt someone to write about a citizen: the editor shows a reminder.
    personal_data_warning: bool = False
    default: object = None
    # Numbered among its siblings (decisions, causes): the next number when left out.
    auto_number: bool = False
    # A reference that must be one of the records linked to another referenced record:
    # (the field naming that record, its link set), e.g. ("promise_id", "problems") for a
    # commitment's focus area, which must be one of its promise's problems.
    within: tuple[str, str] | None = None


@dataclass(frozen=True)
class LinkSetSpec:
    """A many-to-many relation kept in a link table whose rows are records too."""

    name: str
    table: str
    own_column: str
    other_column: str
    other_kind: str
    rank_column: str | None = None


@dataclass(frozen=True)
class ChildListSpec:
    """Records that belong to this one through their ``parent_field``."""

    kind: str
    parent_field: str
    single: bool = False  # at most one child (a problem's root-cause analysis)


@dataclass(frozen=True)
class KindSpec:
    """Everything an editor needs to know about one kind of record."""

    kind: str
    table: str
    title_field: str
    fields: tuple[FieldSpec, ...]
    status_field: str | None = None
    status_type: type[StrEnum] | None = None
    links: tuple[LinkSetSpec, ...] = ()
    children: tuple[ChildListSpec, ...] = ()
    # (start, end) date fields where the end may not come before the start.
    period: tuple[str, str] | None = None
    _by_name: Mapping[str, FieldSpec] = dataclass_field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {spec.name: spec for spec in self.fields})

    def field(self, name: str) -> FieldSpec:
        """Return the field called ``name`` (KeyError if it is not editable)."""
        return self._by_name[name]

    def has_field(self, name: str) -> bool:
        """Whether ``name`` is an editable field of this kind."""
        return name in self._by_name

    def link_set(self, name: str) -> LinkSetSpec:
        """Return the link set called ``name`` (KeyError if there is none)."""
        for link_set in self.links:
            if link_set.name == name:
                return link_set
        raise KeyError(name)

    def child_list(self, kind: str) -> ChildListSpec:
        """Return the child list of ``kind`` (KeyError if there is none)."""
        for child in self.children:
            if child.kind == kind:
                return child
        raise KeyError(kind)


F = FieldType


def _line(name: str, *, required: bool = False, length: int = NAME) -> FieldSpec:
    return FieldSpec(name, F.LINE, required=required, max_length=length, default="")


def _text(name: str, *, required: bool = False, warn: bool = False) -> FieldSpec:
    return FieldSpec(name, F.TEXT, required=required, personal_data_warning=warn, default="")


def _choice(name: str, choices: type[StrEnum], default: StrEnum | None) -> FieldSpec:
    return FieldSpec(name, F.CHOICE, required=default is not None, choices=choices, default=default)


def _ref(
    name: str, kind: str, *, required: bool = False, within: tuple[str, str] | None = None
) -> FieldSpec:
    return FieldSpec(name, F.REFERENCE, required=required, reference=kind, within=within)


def _date(name: str, *, required: bool = False, default: object = None) -> FieldSpec:
    return FieldSpec(name, F.DATE, required=required, default=default)


def _municipality(*, required: bool = False) -> FieldSpec:
    return FieldSpec(
        "municipality_code", F.MUNICIPALITY, required=required, default=Default.HOME_MUNICIPALITY
    )


SENSITIVITY = _choice("sensitivity", Sensitivity, Sensitivity.OPEN)

SPECS: tuple[KindSpec, ...] = (
    KindSpec(
        "districts",
        "district",
        "name",
        (
            _line("name", required=True),
            _line("police_region", required=True, length=SHORT),
            SENSITIVITY,
        ),
    ),
    KindSpec(
        "places",
        "place",
        "name",
        (
            _line("name", required=True),
            _choice("kind", PlaceKind, PlaceKind.OTHER),
            _municipality(required=True),
            _text("description", warn=True),
            SENSITIVITY,
        ),
    ),
    KindSpec(
        "organisations",
        "organisation",
        "name",
        (
            _line("name", required=True),
            _choice("kind", OrganisationKind, OrganisationKind.OTHER),
            _municipality(),
            SENSITIVITY,
        ),
        children=(ChildListSpec("contacts", "organisation_id"),),
    ),
    KindSpec(
        "contacts",
        "contact",
        "name",
        (
            _line("name", required=True),
            _line("title"),
            _ref("organisation_id", "organisations"),
            _line("email"),
            _line("phone", length=SHORT),
            SENSITIVITY,
        ),
    ),
    KindSpec(
        "themes",
        "theme",
        "name",
        (
            _line("name", required=True),
            FieldSpec("position", F.INTEGER, minimum=0, default=0),
            SENSITIVITY,
        ),
    ),
    KindSpec(
        "dialogues",
        "dialogue",
        "title",
        (
            _line("title", required=True, length=TITLE),
            FieldSpec("starts_at", F.DATETIME, required=True, default=Default.NOW),
            FieldSpec("ends_at", F.DATETIME),
            _municipality(required=True),
            _choice("kind", DialogueKind, DialogueKind.CITIZEN),
            _choice("format", DialogueFormat, DialogueFormat.OPEN_MEETING),
            _choice("participation_level", ParticipationLevel, ParticipationLevel.CONSULTATION),
            _line("target_group"),
            FieldSpec("participant_count", F.INTEGER, minimum=0, default=0),
            _text("notes", warn=True),
            _date("fed_back_on"),
            _line("feedback_channel"),
            _text("feedback_text", warn=True),
            SENSITIVITY,
        ),
        status_field="status",
        status_type=DialogueStatus,
        links=(
            LinkSetSpec("places", "dialogue_place", "dialogue_id", "place_id", "places"),
            LinkSetSpec(
                "organisers",
                "dialogue_organiser",
                "dialogue_id",
                "organisation_id",
                "organisations",
            ),
        ),
        children=(ChildListSpec("concerns", "dialogue_id"),),
    ),
    KindSpec(
        "concerns",
        "concern",
        "text",
        (
            _ref("dialogue_id", "dialogues", required=True),
            _ref("theme_id", "themes", required=True),
            _ref("place_id", "places"),
            _choice("time_pattern", TimePattern, TimePattern.ANY),
            FieldSpec("raised_count", F.INTEGER, required=True, minimum=1, default=1),
            _text("text", warn=True),
            _text("answer", warn=True),
            SENSITIVITY,
        ),
        links=(LinkSetSpec("problems", "problem_concern", "concern_id", "problem_id", "problems"),),
    ),
    KindSpec(
        "meetings",
        "meeting",
        "title",
        (
            _line("title", required=True, length=TITLE),
            _choice("meeting_type", MeetingType, MeetingType.COLLABORATION),
            FieldSpec("starts_at", F.DATETIME, required=True, default=Default.NOW),
            _municipality(),
            _line("location"),
            _text("agenda"),
            _text("minutes", warn=True),
            SENSITIVITY,
        ),
        status_field="minutes_status",
        status_type=MinutesStatus,
        links=(
            LinkSetSpec("attendees", "meeting_attendee", "meeting_id", "contact_id", "contacts"),
        ),
        children=(
            ChildListSpec("decisions", "meeting_id"),
            ChildListSpec("action-items", "meeting_id"),
        ),
    ),
    KindSpec(
        "decisions",
        "decision",
        "text",
        (
            _ref("meeting_id", "meetings", required=True),
            FieldSpec("number", F.INTEGER, required=True, minimum=1, auto_number=True),
            _text("text", required=True, warn=True),
            SENSITIVITY,
        ),
    ),
    KindSpec(
        "action-items",
        "action_item",
        "what",
        (
            _ref("meeting_id", "meetings", required=True),
            _text("what", required=True, warn=True),
            _line("responsible"),
            _date("due_on"),
            SENSITIVITY,
        ),
        status_field="status",
        status_type=ActionItemStatus,
    ),
    KindSpec(
        "situation-pictures",
        "situation_picture",
        "title",
        (
            _line("title", required=True, length=TITLE),
            _choice("scope", SituationScope, SituationScope.MUNICIPALITY),
            _municipality(),
            _ref("district_id", "districts"),
            _line("area"),
            _choice("owner", SituationOwner, SituationOwner.JOINT),
            _date("period_start", required=True, default=Default.TODAY),
            _date("period_end", required=True, default=Default.IN_ONE_YEAR),
            _text("summary", warn=True),
            _text("trends", warn=True),
            SENSITIVITY,
        ),
        links=(
            LinkSetSpec(
                "problems",
                "situation_problem",
                "situation_picture_id",
                "problem_id",
                "problems",
                rank_column="rank",
            ),
        ),
        children=(ChildListSpec("sources", "situation_picture_id"),),
        period=("period_start", "period_end"),
    ),
    KindSpec(
        "sources",
        "source",
        "description",
        (
            _ref("situation_picture_id", "situation-pictures", required=True),
            _choice("source_type", SourceType, SourceType.OTHER),
            _text("description", required=True, warn=True),
            FieldSpec("police_only", F.FLAG, default=False),
            SENSITIVITY,
        ),
    ),
    KindSpec(
        "problems",
        "problem",
        "title",
        (
            _line("title", required=True, length=TITLE),
            _text("description", warn=True),
            _text("location"),
            _text("timing"),
            _text("affected", warn=True),
            _municipality(),
            FieldSpec("priority", F.INTEGER, minimum=1),
            SENSITIVITY,
        ),
        status_field="status",
        status_type=ProblemStatus,
        links=(
            LinkSetSpec("concerns", "problem_concern", "problem_id", "concern_id", "concerns"),
            LinkSetSpec("sources", "problem_source", "problem_id", "source_id", "sources"),
            LinkSetSpec("promises", "promise_problem", "problem_id", "promise_id", "promises"),
        ),
        children=(
            ChildListSpec("analyses", "problem_id", single=True),
            ChildListSpec("measures", "problem_id"),
        ),
    ),
    KindSpec(
        "analyses",
        "root_cause_analysis",
        "scanning",
        (
            _ref("problem_id", "problems", required=True),
            _text("scanning", warn=True),
            _text("analysis", warn=True),
            _text("response", warn=True),
            _text("assessment", warn=True),
            _text("offender", warn=True),
            _text("target", warn=True),
            _text("place", warn=True),
            _text("offender_handler", warn=True),
            _text("target_guardian", warn=True),
            _text("place_manager", warn=True),
            _text("event_chain", warn=True),
            SENSITIVITY,
        ),
        children=(ChildListSpec("causes", "analysis_id"),),
    ),
    KindSpec(
        "causes",
        "cause",
        "text",
        (
            _ref("analysis_id", "analyses", required=True),
            FieldSpec("number", F.INTEGER, required=True, minimum=1, auto_number=True),
            _text("text", required=True, warn=True),
            SENSITIVITY,
        ),
    ),
    KindSpec(
        "agreements",
        "agreement",
        "title",
        (
            _line("title", required=True, length=TITLE),
            _municipality(),
            _date("period_start", required=True, default=Default.TODAY),
            _date("period_end", required=True, default=Default.IN_ONE_YEAR),
            _text("goals"),
            _text("documentation"),
            _text("follow_up_plan"),
            SENSITIVITY,
        ),
        status_field="status",
        status_type=AgreementStatus,
        links=(
            LinkSetSpec("problems", "agreement_problem", "agreement_id", "problem_id", "problems"),
        ),
        children=(
            ChildListSpec("agreement-parties", "agreement_id"),
            ChildListSpec("promises", "agreement_id"),
        ),
        period=("period_start", "period_end"),
    ),
    KindSpec(
        "agreement-parties",
        "agreement_party",
        "signatory_name",
        (
            _ref("agreement_id", "agreements", required=True),
            _ref("organisation_id", "organisations", required=True),
            _line("signatory_name"),
            _line("signatory_title"),
            _date("signed_on"),
            SENSITIVITY,
        ),
    ),
    KindSpec(
        "promises",
        "promise",
        "title",
        (
            _line("title", required=True, length=TITLE),
            _ref("agreement_id", "agreements"),
            _municipality(),
            _date("period_start", required=True, default=Default.TODAY),
            _date("period_end", required=True, default=Default.IN_ONE_YEAR),
            _text("public_text"),
            SENSITIVITY,
        ),
        status_field="status",
        status_type=PromiseStatus,
        links=(LinkSetSpec("problems", "promise_problem", "promise_id", "problem_id", "problems"),),
        children=(
            ChildListSpec("commitments", "promise_id"),
            ChildListSpec("measures", "promise_id"),
            ChildListSpec("indicators", "promise_id"),
            ChildListSpec("followups", "promise_id"),
        ),
        period=("period_start", "period_end"),
    ),
    KindSpec(
        "commitments",
        "commitment",
        "text",
        (
            _ref("promise_id", "promises", required=True),
            # A focus area: one of the problems the promise is linked to (None: all of it).
            _ref("problem_id", "problems", within=("promise_id", "problems")),
            _choice("party", Party, Party.POLICE),
            _ref("organisation_id", "organisations"),
            _text("text", required=True),
            FieldSpec("position", F.INTEGER, minimum=0, auto_number=True),
            SENSITIVITY,
        ),
    ),
    KindSpec(
        "measures",
        "measure",
        "title",
        (
            _line("title", required=True, length=TITLE),
            _ref("promise_id", "promises"),
            _ref("problem_id", "problems"),
            _ref("cause_id", "causes"),
            _text("operational_goal"),
            _date("starts_on"),
            _date("ends_on"),
            _line("responsible"),
            _choice("mark", FollowUpMark, None),
            SENSITIVITY,
        ),
        status_field="status",
        status_type=MeasureStatus,
        children=(ChildListSpec("indicators", "measure_id"),),
        period=("starts_on", "ends_on"),
    ),
    KindSpec(
        "indicators",
        "indicator",
        "name",
        (
            _line("name", required=True, length=TITLE),
            _ref("promise_id", "promises"),
            _ref("measure_id", "measures"),
            _choice("source_kind", IndicatorSource, IndicatorSource.OTHER),
            _line("source"),
            _line("unit", length=SHORT),
            FieldSpec("baseline", F.DECIMAL),
            FieldSpec("target", F.DECIMAL),
            SENSITIVITY,
        ),
        children=(ChildListSpec("indicator-values", "indicator_id"),),
    ),
    KindSpec(
        "indicator-values",
        "indicator_value",
        "note",
        (
            _ref("indicator_id", "indicators", required=True),
            _date("measured_on", required=True, default=Default.TODAY),
            FieldSpec("value", F.DECIMAL, required=True),
            _text("note"),
            SENSITIVITY,
        ),
    ),
    KindSpec(
        "followups",
        "follow_up",
        "narrative",
        (
            _ref("promise_id", "promises"),
            _date("held_on", required=True, default=Default.TODAY),
            _choice("kind", FollowUpKind, FollowUpKind.PROCESS),
            _text("narrative", warn=True),
            FieldSpec("hours", F.DECIMAL, minimum=0),
            _line("reported_to"),
            SENSITIVITY,
        ),
        children=(ChildListSpec("followup-measures", "follow_up_id"),),
    ),
    KindSpec(
        "followup-measures",
        "follow_up_measure",
        "note",
        (
            _ref("follow_up_id", "followups", required=True),
            _ref("measure_id", "measures", required=True),
            # The measure's status as it was at the follow-up: a snapshot, not a lifecycle.
            _choice("status", MeasureStatus, MeasureStatus.NOT_STARTED),
            _choice("mark", FollowUpMark, None),
            _text("note", warn=True),
            FieldSpec("hours", F.DECIMAL, minimum=0),
            SENSITIVITY,
        ),
    ),
)

SPECS_BY_KIND: Mapping[str, KindSpec] = {spec.kind: spec for spec in SPECS}


def spec_of(kind: str) -> KindSpec:
    """Return the spec of ``kind`` (KeyError for a kind that has no editor)."""
    return SPECS_BY_KIND[kind]


def parents_of(kind: str) -> tuple[tuple[str, ChildListSpec], ...]:
    """Return (parent kind, child list) for every kind that lists ``kind`` as its child."""
    return tuple(
        (parent.kind, child) for parent in SPECS for child in parent.children if child.kind == kind
    )

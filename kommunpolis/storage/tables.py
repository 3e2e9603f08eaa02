"""The SQLAlchemy tables: reference data, the local profile and every synced record.

Every synced record (a subclass of :class:`Record`) carries the same metadata:
a UUIDv7 id, author, origin device, created/updated times in UTC, a sync revision
(a hybrid-logical-clock value) with the device that made it, a tombstone
(``deleted_at``) instead of deletion, and a sensitivity mark. Links between
records are records too, so that a link's creation and removal travel in bundles.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

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
from kommunpolis.storage.types import UtcDateTime, UuidBlob, enum_type

# Stable constraint names let Alembic's batch mode rebuild tables predictably.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

TITLE = 200
NAME = 200


class Base(DeclarativeBase):
    """Declarative base with the project's naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _fk(target: str, *, nullable: bool = False, index: bool = True) -> Mapped[uuid.UUID]:
    # Link tables pass index=False for their first column: their unique (first, second)
    # constraint already is an index on it, and a second one would only cost space.
    return mapped_column(UuidBlob, ForeignKey(target), nullable=nullable, index=index)


def _municipality(*, nullable: bool = True) -> Mapped[str | None]:
    return mapped_column(String(4), ForeignKey("municipality.code"), nullable=nullable, index=True)


# --- reference data and local settings (not synced) ---------------------------------


class Municipality(Base):
    """One of Sweden's 290 kommuner, keyed by SCB code, with county and police region."""

    __tablename__ = "municipality"

    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME))
    county_code: Mapped[str] = mapped_column(String(2))
    county_name: Mapped[str] = mapped_column(String(NAME))
    police_region: Mapped[str] = mapped_column(String(40))


class Profile(Base):
    """The person and device using this installation (exactly one row)."""

    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME))
    role: Mapped[Role] = mapped_column(enum_type(Role))
    district_name: Mapped[str | None] = mapped_column(String(NAME))
    device_id: Mapped[uuid.UUID] = mapped_column(UuidBlob)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ProfileMunicipality(Base):
    """A kommun the profile's officer works in."""

    __tablename__ = "profile_municipality"

    profile_id: Mapped[int] = mapped_column(ForeignKey("profile.id"), primary_key=True)
    municipality_code: Mapped[str] = mapped_column(
        String(4), ForeignKey("municipality.code"), primary_key=True
    )


class OutboxState(Base):
    """This installation's bundle bookkeeping (exactly one row, ``id`` 1; never synced)."""

    __tablename__ = "outbox_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    next_sequence: Mapped[int] = mapped_column(Integer)
    """The sequence number the next bundle written here gets (the first is 1)."""


class ExportMark(Base):
    """What the last export to one recipient held (never synced).

    Written only after a bundle was written, read back and verified, so a failed
    export leaves the mark where it was and the next incremental export resends.
    """

    __tablename__ = "export_mark"

    recipient: Mapped[str] = mapped_column(String(40), primary_key=True)
    """A device id (canonical UUID text) or ``passphrase``."""
    revision: Mapped[int] = mapped_column(BigInteger)
    """Every record stored here up to this local version was in a bundle to the recipient."""
    bundle_id: Mapped[uuid.UUID] = mapped_column(UuidBlob)
    sequence: Mapped[int] = mapped_column(Integer)
    exported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    bundles: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    """How many bundles went to this recipient: the recipient's gap check counts on it."""


class LocalCounter(Base):
    """The number of the last write transaction here (exactly one row; never synced).

    Every transaction that writes records takes the next number and stamps it on
    them (``Record.local_version``). SQLite lets one writer in at a time, so the
    numbers follow commit order: an export that saw number N has seen every row
    stamped up to N, whichever device the row's edit came from.
    """

    __tablename__ = "local_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class ReceivedBundle(Base):
    """A bundle imported here, with what it changed (never synced)."""

    __tablename__ = "received_bundle"

    bundle_id: Mapped[uuid.UUID] = mapped_column(UuidBlob, primary_key=True)
    sender_device: Mapped[uuid.UUID] = mapped_column(UuidBlob, index=True)
    sender_name: Mapped[str] = mapped_column(String(NAME))
    sequence: Mapped[int] = mapped_column(Integer)
    recipient_sequence: Mapped[int | None] = mapped_column(Integer)
    """The bundle's number among those the sender sent to this device, if it says."""
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    file_name: Mapped[str] = mapped_column(String(400))
    outcome: Mapped[str] = mapped_column(Text)
    """What the import did, as JSON: counts of new, updated, unchanged, … records."""


class SyncConflict(Base):
    """A field two devices changed concurrently: both values kept, one provisionally won."""

    __tablename__ = "sync_conflict"
    __table_args__ = (
        UniqueConstraint("table_name", "record_id", "field", "local_clock", "incoming_clock"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UuidBlob, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[uuid.UUID] = mapped_column(UuidBlob, index=True)
    field: Mapped[str] = mapped_column(String(60))
    local_value: Mapped[str] = mapped_column(Text)
    """The value this device had, as JSON."""
    incoming_value: Mapped[str] = mapped_column(Text)
    local_clock: Mapped[str] = mapped_column(String(120))
    incoming_clock: Mapped[str] = mapped_column(String(120))
    winner: Mapped[str] = mapped_column(String(10))
    """``local`` or ``incoming``: the provisional winner, by hybrid clock and device."""
    bundle_id: Mapped[uuid.UUID] = mapped_column(UuidBlob)
    sender_device: Mapped[uuid.UUID] = mapped_column(UuidBlob)
    detected_at: Mapped[datetime] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolution: Mapped[str | None] = mapped_column(String(20))


class PendingRecord(Base):
    """A received record waiting for a record it refers to (from a bundle not yet here)."""

    __tablename__ = "pending_record"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(UuidBlob, primary_key=True)
    data: Mapped[str] = mapped_column(Text)
    """The record as it came in the bundle (one JSON object)."""
    missing: Mapped[str] = mapped_column(String(200))
    """Which reference is missing, e.g. ``dialogue_id``."""
    bundle_id: Mapped[uuid.UUID] = mapped_column(UuidBlob)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)


class LocalSetting(Base):
    """A setting of this installation (a key and a JSON value; never synced)."""

    __tablename__ = "local_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- synced records ---------------------------------------------------------------


class Record(Base):
    """Metadata shared by every synced record."""

    __abstract__ = True

    id: Mapped[uuid.UUID] = mapped_column(UuidBlob, primary_key=True)
    author: Mapped[str] = mapped_column(String(NAME))
    origin_device: Mapped[uuid.UUID] = mapped_column(UuidBlob)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revision: Mapped[int] = mapped_column(BigInteger, index=True)
    revision_device: Mapped[uuid.UUID] = mapped_column(UuidBlob)
    local_version: Mapped[int] = mapped_column(BigInteger, index=True, server_default=text("0"))
    """The local write transaction that last stored the row (see LocalCounter); not synced."""
    field_clocks: Mapped[str | None] = mapped_column(Text)
    """Per-field hybrid clocks of the edits since creation, as JSON (see sync.merge)."""
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sensitivity: Mapped[Sensitivity] = mapped_column(
        enum_type(Sensitivity), default=Sensitivity.OPEN
    )


class District(Record):
    """A lokalpolisområde (LPO), defined by the users, within a police region."""

    __tablename__ = "district"

    name: Mapped[str] = mapped_column(String(NAME))
    police_region: Mapped[str] = mapped_column(String(40))


class DistrictMunicipality(Record):
    """A kommun belonging to a district."""

    __tablename__ = "district_municipality"
    __table_args__ = (UniqueConstraint("district_id", "municipality_code"),)

    district_id: Mapped[uuid.UUID] = _fk("district.id", index=False)
    municipality_code: Mapped[str] = mapped_column(
        String(4), ForeignKey("municipality.code"), index=True
    )


class Place(Record):
    """A named place in a kommun: a square, a school, a road, a sub-area."""

    __tablename__ = "place"

    name: Mapped[str] = mapped_column(String(NAME))
    kind: Mapped[PlaceKind] = mapped_column(enum_type(PlaceKind), default=PlaceKind.OTHER)
    municipality_code: Mapped[str] = mapped_column(
        String(4), ForeignKey("municipality.code"), index=True
    )
    description: Mapped[str] = mapped_column(Text, default="")


class Organisation(Record):
    """A partner organisation."""

    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(NAME))
    kind: Mapped[OrganisationKind] = mapped_column(enum_type(OrganisationKind))
    municipality_code: Mapped[str | None] = _municipality()


class Contact(Record):
    """An official at a partner organisation (never a private citizen)."""

    __tablename__ = "contact"

    name: Mapped[str] = mapped_column(String(NAME))
    title: Mapped[str] = mapped_column(String(NAME), default="")
    organisation_id: Mapped[uuid.UUID | None] = _fk("organisation.id", nullable=True)
    email: Mapped[str] = mapped_column(String(NAME), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")


class Theme(Record):
    """A concern theme from the user-extensible list."""

    __tablename__ = "theme"

    name: Mapped[str] = mapped_column(String(NAME))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Dialogue(Record):
    """A citizen or employee dialogue and its feedback to the participants."""

    __tablename__ = "dialogue"

    title: Mapped[str] = mapped_column(String(TITLE))
    kind: Mapped[DialogueKind] = mapped_column(enum_type(DialogueKind))
    format: Mapped[DialogueFormat] = mapped_column(enum_type(DialogueFormat))
    participation_level: Mapped[ParticipationLevel] = mapped_column(enum_type(ParticipationLevel))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    municipality_code: Mapped[str] = mapped_column(
        String(4), ForeignKey("municipality.code"), index=True
    )
    target_group: Mapped[str] = mapped_column(String(NAME), default="")
    participant_count: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[DialogueStatus] = mapped_column(
        enum_type(DialogueStatus), default=DialogueStatus.PLANNED, index=True
    )
    fed_back_on: Mapped[date | None] = mapped_column(Date)
    feedback_channel: Mapped[str] = mapped_column(String(NAME), default="")
    feedback_text: Mapped[str] = mapped_column(Text, default="")


class DialoguePlace(Record):
    """A place a dialogue was held at or about."""

    __tablename__ = "dialogue_place"
    __table_args__ = (UniqueConstraint("dialogue_id", "place_id"),)

    dialogue_id: Mapped[uuid.UUID] = _fk("dialogue.id", index=False)
    place_id: Mapped[uuid.UUID] = _fk("place.id")


class DialogueOrganiser(Record):
    """An organisation that organised a dialogue."""

    __tablename__ = "dialogue_organiser"
    __table_args__ = (UniqueConstraint("dialogue_id", "organisation_id"),)

    dialogue_id: Mapped[uuid.UUID] = _fk("dialogue.id", index=False)
    organisation_id: Mapped[uuid.UUID] = _fk("organisation.id")


class Concern(Record):
    """A synpunkt raised in a dialogue: theme, place, time pattern and how many raised it."""

    __tablename__ = "concern"

    dialogue_id: Mapped[uuid.UUID] = _fk("dialogue.id")
    theme_id: Mapped[uuid.UUID] = _fk("theme.id")
    place_id: Mapped[uuid.UUID | None] = _fk("place.id", nullable=True)
    time_pattern: Mapped[TimePattern] = mapped_column(
        enum_type(TimePattern), default=TimePattern.ANY
    )
    raised_count: Mapped[int] = mapped_column(Integer, default=1)
    text: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[str] = mapped_column(Text, default="")


class Meeting(Record):
    """A collaboration meeting with its agenda and minutes."""

    __tablename__ = "meeting"

    title: Mapped[str] = mapped_column(String(TITLE))
    meeting_type: Mapped[MeetingType] = mapped_column(enum_type(MeetingType))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    municipality_code: Mapped[str | None] = _municipality()
    location: Mapped[str] = mapped_column(String(NAME), default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[str] = mapped_column(Text, default="")
    minutes_status: Mapped[MinutesStatus] = mapped_column(
        enum_type(MinutesStatus), default=MinutesStatus.DRAFT
    )


class MeetingAttendee(Record):
    """An official who attended a meeting."""

    __tablename__ = "meeting_attendee"
    __table_args__ = (UniqueConstraint("meeting_id", "contact_id"),)

    meeting_id: Mapped[uuid.UUID] = _fk("meeting.id", index=False)
    contact_id: Mapped[uuid.UUID] = _fk("contact.id")


class Decision(Record):
    """A numbered decision in a meeting's minutes."""

    __tablename__ = "decision"

    meeting_id: Mapped[uuid.UUID] = _fk("meeting.id")
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ActionItem(Record):
    """A task agreed at a meeting: what, who, by when."""

    __tablename__ = "action_item"

    meeting_id: Mapped[uuid.UUID] = _fk("meeting.id")
    what: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(NAME), default="")
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ActionItemStatus] = mapped_column(
        enum_type(ActionItemStatus), default=ActionItemStatus.OPEN
    )


class SituationPicture(Record):
    """A lägesbild for an area and period, with its sources and ranked problems."""

    __tablename__ = "situation_picture"

    title: Mapped[str] = mapped_column(String(TITLE))
    scope: Mapped[SituationScope] = mapped_column(enum_type(SituationScope))
    municipality_code: Mapped[str | None] = _municipality()
    district_id: Mapped[uuid.UUID | None] = _fk("district.id", nullable=True)
    area: Mapped[str] = mapped_column(String(NAME), default="")
    owner: Mapped[SituationOwner] = mapped_column(enum_type(SituationOwner))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    trends: Mapped[str] = mapped_column(Text, default="")


class Source(Record):
    """A source a situation picture draws on; police-only ones never leave the police."""

    __tablename__ = "source"

    situation_picture_id: Mapped[uuid.UUID] = _fk("situation_picture.id")
    source_type: Mapped[SourceType] = mapped_column(enum_type(SourceType))
    description: Mapped[str] = mapped_column(Text)
    police_only: Mapped[bool] = mapped_column(Boolean, default=False)


class Problem(Record):
    """A problem or focus area: what, where, when, who is affected."""

    __tablename__ = "problem"

    title: Mapped[str] = mapped_column(String(TITLE))
    description: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(Text, default="")
    timing: Mapped[str] = mapped_column(Text, default="")
    affected: Mapped[str] = mapped_column(Text, default="")
    municipality_code: Mapped[str | None] = _municipality()
    priority: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[ProblemStatus] = mapped_column(
        enum_type(ProblemStatus), default=ProblemStatus.IDENTIFIED, index=True
    )


class SituationProblem(Record):
    """A problem's rank in a situation picture."""

    __tablename__ = "situation_problem"
    __table_args__ = (UniqueConstraint("situation_picture_id", "problem_id"),)

    situation_picture_id: Mapped[uuid.UUID] = _fk("situation_picture.id", index=False)
    problem_id: Mapped[uuid.UUID] = _fk("problem.id")
    rank: Mapped[int] = mapped_column(Integer)


class ProblemConcern(Record):
    """Evidence: a concern that supports a problem."""

    __tablename__ = "problem_concern"
    __table_args__ = (UniqueConstraint("problem_id", "concern_id"),)

    problem_id: Mapped[uuid.UUID] = _fk("problem.id", index=False)
    concern_id: Mapped[uuid.UUID] = _fk("concern.id")


class ProblemSource(Record):
    """Evidence: a source that supports a problem."""

    __tablename__ = "problem_source"
    __table_args__ = (UniqueConstraint("problem_id", "source_id"),)

    problem_id: Mapped[uuid.UUID] = _fk("problem.id", index=False)
    source_id: Mapped[uuid.UUID] = _fk("source.id")


class RootCauseAnalysis(Record):
    """An orsaksanalys of one problem: SARA and the crime triangle."""

    __tablename__ = "root_cause_analysis"

    problem_id: Mapped[uuid.UUID] = mapped_column(UuidBlob, ForeignKey("problem.id"), unique=True)
    scanning: Mapped[str] = mapped_column(Text, default="")
    analysis: Mapped[str] = mapped_column(Text, default="")
    response: Mapped[str] = mapped_column(Text, default="")
    assessment: Mapped[str] = mapped_column(Text, default="")
    offender: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(Text, default="")
    offender_handler: Mapped[str] = mapped_column(Text, default="")
    target_guardian: Mapped[str] = mapped_column(Text, default="")
    place_manager: Mapped[str] = mapped_column(Text, default="")
    event_chain: Mapped[str] = mapped_column(Text, default="")


class Cause(Record):
    """A numbered cause found by a root-cause analysis."""

    __tablename__ = "cause"

    analysis_id: Mapped[uuid.UUID] = _fk("root_cause_analysis.id")
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class Agreement(Record):
    """A samverkansöverenskommelse between the police and a municipality."""

    __tablename__ = "agreement"

    title: Mapped[str] = mapped_column(String(TITLE))
    municipality_code: Mapped[str | None] = _municipality()
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    goals: Mapped[str] = mapped_column(Text, default="")
    documentation: Mapped[str] = mapped_column(Text, default="")
    follow_up_plan: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[AgreementStatus] = mapped_column(
        enum_type(AgreementStatus), default=AgreementStatus.DRAFT
    )


class AgreementParty(Record):
    """A party to an agreement and who signs for it."""

    __tablename__ = "agreement_party"

    agreement_id: Mapped[uuid.UUID] = _fk("agreement.id")
    organisation_id: Mapped[uuid.UUID] = _fk("organisation.id")
    signatory_name: Mapped[str] = mapped_column(String(NAME), default="")
    signatory_title: Mapped[str] = mapped_column(String(NAME), default="")
    signed_on: Mapped[date | None] = mapped_column(Date)


class AgreementProblem(Record):
    """A problem an agreement addresses."""

    __tablename__ = "agreement_problem"
    __table_args__ = (UniqueConstraint("agreement_id", "problem_id"),)

    agreement_id: Mapped[uuid.UUID] = _fk("agreement.id", index=False)
    problem_id: Mapped[uuid.UUID] = _fk("problem.id")


class Promise(Record):
    """A medborgarlöfte: the public part of an agreement."""

    __tablename__ = "promise"

    agreement_id: Mapped[uuid.UUID | None] = _fk("agreement.id", nullable=True)
    title: Mapped[str] = mapped_column(String(TITLE))
    public_text: Mapped[str] = mapped_column(Text, default="")
    municipality_code: Mapped[str | None] = _municipality()
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    status: Mapped[PromiseStatus] = mapped_column(
        enum_type(PromiseStatus), default=PromiseStatus.DRAFT, index=True
    )


class PromiseProblem(Record):
    """A focus area (problem) of a promise."""

    __tablename__ = "promise_problem"
    __table_args__ = (UniqueConstraint("promise_id", "problem_id"),)

    promise_id: Mapped[uuid.UUID] = _fk("promise.id", index=False)
    problem_id: Mapped[uuid.UUID] = _fk("problem.id")


class Commitment(Record):
    """One party's words in a promise: "Polisen lovar att …"."""

    __tablename__ = "commitment"

    promise_id: Mapped[uuid.UUID] = _fk("promise.id")
    problem_id: Mapped[uuid.UUID | None] = _fk("problem.id", nullable=True)
    """The focus area (one of the promise's problems) the words belong to; None: all."""
    party: Mapped[Party] = mapped_column(enum_type(Party))
    organisation_id: Mapped[uuid.UUID | None] = _fk("organisation.id", nullable=True)
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Measure(Record):
    """An åtgärd: one row of Brå's action-plan table."""

    __tablename__ = "measure"

    promise_id: Mapped[uuid.UUID | None] = _fk("promise.id", nullable=True)
    problem_id: Mapped[uuid.UUID | None] = _fk("problem.id", nullable=True)
    cause_id: Mapped[uuid.UUID | None] = _fk("cause.id", nullable=True)
    title: Mapped[str] = mapped_column(String(TITLE))
    operational_goal: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date, index=True)
    responsible: Mapped[str] = mapped_column(String(NAME), default="")
    status: Mapped[MeasureStatus] = mapped_column(
        enum_type(MeasureStatus), default=MeasureStatus.NOT_STARTED, index=True
    )
    mark: Mapped[FollowUpMark | None] = mapped_column(enum_type(FollowUpMark))


class Indicator(Record):
    """What is measured to tell whether a promise helps."""

    __tablename__ = "indicator"

    promise_id: Mapped[uuid.UUID | None] = _fk("promise.id", nullable=True)
    measure_id: Mapped[uuid.UUID | None] = _fk("measure.id", nullable=True)
    name: Mapped[str] = mapped_column(String(TITLE))
    source_kind: Mapped[IndicatorSource] = mapped_column(enum_type(IndicatorSource))
    source: Mapped[str] = mapped_column(String(NAME), default="")
    unit: Mapped[str] = mapped_column(String(40), default="")
    baseline: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float | None] = mapped_column(Float)


class IndicatorValue(Record):
    """One measured value of an indicator."""

    __tablename__ = "indicator_value"

    indicator_id: Mapped[uuid.UUID] = _fk("indicator.id")
    measured_on: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")


class FollowUp(Record):
    """An uppföljning of a promise's process or outcome."""

    __tablename__ = "follow_up"

    promise_id: Mapped[uuid.UUID | None] = _fk("promise.id", nullable=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[FollowUpKind] = mapped_column(enum_type(FollowUpKind))
    narrative: Mapped[str] = mapped_column(Text, default="")
    hours: Mapped[float | None] = mapped_column(Float)
    reported_to: Mapped[str] = mapped_column(String(NAME), default="")


class FollowUpMeasure(Record):
    """A measure's status and mark as recorded at a follow-up."""

    __tablename__ = "follow_up_measure"
    __table_args__ = (UniqueConstraint("follow_up_id", "measure_id"),)

    follow_up_id: Mapped[uuid.UUID] = _fk("follow_up.id", index=False)
    measure_id: Mapped[uuid.UUID] = _fk("measure.id")
    status: Mapped[MeasureStatus] = mapped_column(enum_type(MeasureStatus))
    mark: Mapped[FollowUpMark | None] = mapped_column(enum_type(FollowUpMark))
    note: Mapped[str] = mapped_column(Text, default="")
    hours: Mapped[float | None] = mapped_column(Float)


class Attachment(Record):
    """A file attached to a record, stored by SHA-256 in the attachment store."""

    __tablename__ = "attachment"

    owner_kind: Mapped[str] = mapped_column(String(40))
    owner_id: Mapped[uuid.UUID] = mapped_column(UuidBlob, index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(NAME))
    media_type: Mapped[str] = mapped_column(String(NAME), default="application/octet-stream")
    size: Mapped[int] = mapped_column(BigInteger)


# --- partial indexes over live rows, for the lists (migration 0004) ----------------
_LIVE = text("deleted_at IS NULL")
Index("ix_dialogue_live_starts_at", Dialogue.starts_at, Dialogue.id, sqlite_where=_LIVE)
Index("ix_concern_live_dialogue_id", Concern.dialogue_id, sqlite_where=_LIVE)
Index("ix_concern_live_theme_id", Concern.theme_id, Concern.dialogue_id, sqlite_where=_LIVE)
Index("ix_concern_live_place_id", Concern.place_id, sqlite_where=_LIVE)
Index(
    "ix_problem_concern_live_problem_id",
    ProblemConcern.problem_id,
    ProblemConcern.concern_id,
    sqlite_where=_LIVE,
)

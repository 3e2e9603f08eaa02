"""Generate the deterministic, fictional demo dataset and write it in bulk.

Generation and writing are separate: :func:`generate_batches` is a pure function of
its inputs that yields rows already in the form SQLite stores them (UUIDs as 16-byte
blobs, datetimes as ``YYYY-MM-DD HH:MM:SS.ffffff`` text, enums as their values), so
the benchmark can insert exactly the same rows with raw ``sqlite3``.
:class:`DemoService` reads the profile and themes, checks that the database holds no
real records, and inserts the batches in one transaction.

Rows are written below the ORM on purpose: the typed columns' bind processors cost
more per value than the insert itself at 10⁵–10⁶ rows. A test reads the rows back
through the ORM to prove the stored form is what the typed columns expect.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, column, func, insert, select, table, update

from kommunpolis.domain.errors import DemoRefused, InvalidInput, ProfileMissing
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
    DEFAULT_THEMES,
    DialogueFormat,
    DialogueKind,
    FollowUpKind,
    FollowUpMark,
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
from kommunpolis.services import demo_content as content
from kommunpolis.services.demo_content import MeasureText
from kommunpolis.storage.database import Database
from kommunpolis.storage.failures import database_errors
from kommunpolis.storage.kinds import all_record_tables
from kommunpolis.storage.tables import LocalCounter, Profile, Theme
from kommunpolis.storage.unit_of_work import RevisionObserver
from kommunpolis.sync.clock import pack

MAX_DIALOGUES = 1_000_000

# The dataset's "now": events before it are history, dialogues after it are planned.
BASE_TIME = datetime(2026, 1, 1, tzinfo=UTC)
BASE_MS = int(BASE_TIME.timestamp() * 1000)
BASE_DATE = BASE_TIME.date()
HOUR_MS = 3_600_000
DAY_MS = 24 * HOUR_MS
HISTORY_DAYS = 730
PLANNED_DAYS = 90

# Dialogues are generated and written this many at a time (≈ 5× as many concerns).
DIALOGUE_CHUNK = 2_000

RECORD_COLUMNS: tuple[str, ...] = (
    "id",
    "author",
    "origin_device",
    "created_at",
    "updated_at",
    "revision",
    "revision_device",
    "deleted_at",
    "sensitivity",
    "local_version",
    "field_clocks",
)

StoredValue = str | bytes | int | float | None
Row = tuple[StoredValue, ...]
Progress = Callable[[int, int], None]

_EPOCH = datetime(1970, 1, 1)
# Ids as SQLite stores them through storage.types.UuidBlob: the UUID's 16 bytes.
StoredId = bytes
# A cause's id and the measure that answers it, or None to take one or two general ones.
_Cause = tuple[StoredId, MeasureText | None]
_RANDOM_BITS = 74
_LOW_MASK = (1 << 62) - 1
# The constant bits of a UUIDv7: version 7 and the RFC 9562 variant (see domain.ids).
_UUID7_FIXED = 0x7 << 76 | 0b10 << 62

_OPEN = Sensitivity.OPEN.value
_INTERNAL = Sensitivity.INTERNAL.value
_SECRET = Sensitivity.SECRET.value


@dataclass(frozen=True)
class RowBatch:
    """Rows for one table, in stored form and in ``columns`` order."""

    table: str
    columns: tuple[str, ...]
    rows: list[Row]
    dialogues_done: int


@dataclass(frozen=True)
class DemoSource:
    """What the dataset is stamped with: the profile and the existing concern themes."""

    author: str
    device_id: uuid.UUID
    themes: tuple[tuple[uuid.UUID, str], ...]
    salt: int = 0
    first_revision: int = pack(BASE_MS, 0)
    local_version: int = 0
    """The write transaction's local version (see storage.tables.LocalCounter)."""


@dataclass(frozen=True)
class DemoSummary:
    """How many rows the demo wrote, per table."""

    seed: int
    dialogues: int
    counts: tuple[tuple[str, int], ...]
    last_revision: int

    def __str__(self) -> str:
        """Say in one line what was written."""
        return (
            f"{self.total} records ({self.count('dialogue')} dialogues, "
            f"{self.count('concern')} concerns) from seed {self.seed}"
        )

    @property
    def total(self) -> int:
        """All rows written."""
        return sum(count for _, count in self.counts)

    def count(self, table_name: str) -> int:
        """Rows written to ``table_name`` (0 when none)."""
        return dict(self.counts).get(table_name, 0)


def stored_datetime(unix_ms: int) -> str:
    """Return the text SQLAlchemy's SQLite DateTime stores for a UTC instant."""
    return (_EPOCH + timedelta(milliseconds=unix_ms)).isoformat(" ", "microseconds")


def stored_uuid7(unix_ms: int, random_bits: int) -> StoredId:
    """Return ``uuid7(unix_ms, random_bits).bytes`` without building a UUID object."""
    value = (
        (unix_ms & 0xFFFF_FFFF_FFFF) << 80
        | _UUID7_FIXED
        | ((random_bits >> 62) & 0xFFF) << 64
        | random_bits & _LOW_MASK
    )
    return value.to_bytes(16, "big")


def _ms(day: date, hour: int = 0) -> int:
    return (day - _EPOCH.date()).days * DAY_MS + hour * HOUR_MS


def _day(unix_ms: int) -> date:
    return (_EPOCH + timedelta(milliseconds=unix_ms)).date()


def _wheel(weights: Sequence[tuple[Any, int]]) -> tuple[Any, ...]:
    """Expand (value, weight) pairs into a tuple to index with one random number."""
    return tuple(value for value, weight in weights for _ in range(weight))


@dataclass
class _Pending:
    """Rows of one table waiting for their revisions, which are issued at emit time."""

    name: str
    columns: tuple[str, ...]
    rows: list[tuple[StoredId, int, int | None, str, Row]] = field(default_factory=list)


@dataclass
class _Kommun:
    code: str
    name: str
    district_index: int
    places: list[tuple[StoredId, str, PlaceKind]] = field(default_factory=list)
    organisations: list[tuple[StoredId, str, OrganisationKind]] = field(default_factory=list)
    contacts: list[tuple[StoredId, str, str]] = field(default_factory=list)
    themes: tuple[int, ...] = ()
    problem_by_theme: dict[int, StoredId] = field(default_factory=dict)
    # Each problem's theme and place, for the words of the promises made about it.
    problem_subject: dict[StoredId, tuple[str, str]] = field(default_factory=dict)
    # When each problem happens, as its analysis says it.
    problem_timing: dict[StoredId, str] = field(default_factory=dict)
    places_by_format: dict[DialogueFormat, tuple[int, ...]] = field(default_factory=dict)


_PREFERRED_PLACES: dict[DialogueFormat, tuple[PlaceKind, ...]] = {
    DialogueFormat.SAFETY_WALK: (PlaceKind.AREA, PlaceKind.PARK, PlaceKind.ROAD),
    DialogueFormat.SCHOOL_VISIT: (PlaceKind.SCHOOL,),
    DialogueFormat.STAND: (PlaceKind.SQUARE, PlaceKind.STATION, PlaceKind.OTHER),
    DialogueFormat.FOCUS_GROUP: (PlaceKind.SCHOOL, PlaceKind.OTHER),
    DialogueFormat.OPEN_MEETING: (PlaceKind.AREA, PlaceKind.SQUARE),
    DialogueFormat.DELIBERATION: (PlaceKind.AREA, PlaceKind.SQUARE, PlaceKind.PARK),
    DialogueFormat.INTERVIEW: (PlaceKind.SQUARE, PlaceKind.STATION, PlaceKind.ROAD),
}

_LEVELS: dict[DialogueFormat, tuple[ParticipationLevel, ...]] = {
    DialogueFormat.OPEN_MEETING: (ParticipationLevel.INFORMATION, ParticipationLevel.CONSULTATION),
    DialogueFormat.SAFETY_WALK: (ParticipationLevel.CONSULTATION, ParticipationLevel.INVOLVEMENT),
    DialogueFormat.SURVEY: (ParticipationLevel.CONSULTATION,),
    DialogueFormat.FOCUS_GROUP: (ParticipationLevel.CONSULTATION, ParticipationLevel.INVOLVEMENT),
    DialogueFormat.INTERVIEW: (ParticipationLevel.CONSULTATION,),
    DialogueFormat.DELIBERATION: (
        ParticipationLevel.INVOLVEMENT,
        ParticipationLevel.CODETERMINATION,
    ),
    DialogueFormat.STAND: (ParticipationLevel.INFORMATION, ParticipationLevel.CONSULTATION),
    DialogueFormat.SCHOOL_VISIT: (ParticipationLevel.INFORMATION, ParticipationLevel.CONSULTATION),
    DialogueFormat.DIGITAL: (ParticipationLevel.CONSULTATION,),
    DialogueFormat.OTHER: (ParticipationLevel.INFORMATION,),
}

# (lowest, highest participant count, duration in hours, local start hours as UTC)
_FORMAT_SHAPE: dict[DialogueFormat, tuple[int, int, int, tuple[int, ...]]] = {
    DialogueFormat.OPEN_MEETING: (15, 120, 2, (17, 18)),
    DialogueFormat.SAFETY_WALK: (6, 30, 2, (18, 19, 20)),
    DialogueFormat.SURVEY: (80, 900, 21 * 24, (7,)),
    DialogueFormat.FOCUS_GROUP: (5, 12, 2, (13, 16)),
    DialogueFormat.INTERVIEW: (3, 10, 4, (8, 12)),
    DialogueFormat.DELIBERATION: (20, 60, 3, (16, 17)),
    DialogueFormat.STAND: (30, 200, 4, (9, 10, 13)),
    DialogueFormat.SCHOOL_VISIT: (20, 90, 2, (8, 9, 12)),
    DialogueFormat.DIGITAL: (40, 400, 14 * 24, (7,)),
    DialogueFormat.OTHER: (10, 80, 3, (10, 14)),
}

_CITIZEN_FORMATS = _wheel(
    [
        (DialogueFormat.SAFETY_WALK, 22),
        (DialogueFormat.OPEN_MEETING, 14),
        (DialogueFormat.STAND, 14),
        (DialogueFormat.SCHOOL_VISIT, 12),
        (DialogueFormat.SURVEY, 8),
        (DialogueFormat.DIGITAL, 8),
        (DialogueFormat.FOCUS_GROUP, 8),
        (DialogueFormat.DELIBERATION, 5),
        (DialogueFormat.INTERVIEW, 5),
        (DialogueFormat.OTHER, 4),
    ]
)
_EMPLOYEE_FORMATS = _wheel(
    [
        (DialogueFormat.FOCUS_GROUP, 4),
        (DialogueFormat.INTERVIEW, 3),
        (DialogueFormat.SURVEY, 2),
        (DialogueFormat.DIGITAL, 1),
    ]
)
_TIME_PATTERNS = _wheel(
    [
        (TimePattern.EVENING, 30),
        (TimePattern.NIGHT, 15),
        (TimePattern.WEEKEND, 20),
        (TimePattern.ANY, 15),
        (TimePattern.DAYTIME, 8),
        (TimePattern.SCHOOL_HOURS, 7),
        (TimePattern.SEASONAL, 5),
    ]
)
# Mean 5.5 per held dialogue; with planned dialogues (none yet) ≈ 5 per dialogue.
_CONCERN_COUNTS = (1, 2, 3, 4, 5, 5, 6, 6, 7, 8, 9, 10)
_MEETING_TYPES = _wheel(
    [
        (MeetingType.COLLABORATION, 8),
        (MeetingType.WORKING_GROUP, 6),
        (MeetingType.STEERING_GROUP, 3),
        (MeetingType.LOCAL_CRIME_PREVENTION_COUNCIL, 3),
        (MeetingType.EST, 1),
        (MeetingType.OTHER, 1),
    ]
)
_MARKS = (FollowUpMark.GREEN.value, FollowUpMark.GREEN.value, FollowUpMark.YELLOW.value)
_YELLOW = FollowUpMark.YELLOW.value
_RED = FollowUpMark.RED.value


def _columns(*specific: str) -> tuple[str, ...]:
    return RECORD_COLUMNS + specific


# Insert order respects every foreign key, so the batches can be written as they come.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "theme": _columns("name", "position"),
    "district": _columns("name", "police_region"),
    "district_municipality": _columns("district_id", "municipality_code"),
    "place": _columns("name", "kind", "municipality_code", "description"),
    "organisation": _columns("name", "kind", "municipality_code"),
    "contact": _columns("name", "title", "organisation_id", "email", "phone"),
    "situation_picture": _columns(
        "title",
        "scope",
        "municipality_code",
        "district_id",
        "area",
        "owner",
        "period_start",
        "period_end",
        "summary",
        "trends",
    ),
    "source": _columns("situation_picture_id", "source_type", "description", "police_only"),
    "problem": _columns(
        "title",
        "description",
        "location",
        "timing",
        "affected",
        "municipality_code",
        "priority",
        "status",
    ),
    "situation_problem": _columns("situation_picture_id", "problem_id", "rank"),
    "problem_source": _columns("problem_id", "source_id"),
    "root_cause_analysis": _columns("problem_id", *content.ANALYSIS_TEXTS),
    "cause": _columns("analysis_id", "number", "text"),
    "agreement": _columns(
        "title",
        "municipality_code",
        "period_start",
        "period_end",
        "goals",
        "documentation",
        "follow_up_plan",
        "status",
    ),
    "agreement_party": _columns(
        "agreement_id", "organisation_id", "signatory_name", "signatory_title", "signed_on"
    ),
    "agreement_problem": _columns("agreement_id", "problem_id"),
    "promise": _columns(
        "agreement_id",
        "title",
        "public_text",
        "municipality_code",
        "period_start",
        "period_end",
        "status",
    ),
    "promise_problem": _columns("promise_id", "problem_id"),
    "commitment": _columns(
        "promise_id", "problem_id", "party", "organisation_id", "text", "position"
    ),
    "measure": _columns(
        "promise_id",
        "problem_id",
        "cause_id",
        "title",
        "operational_goal",
        "starts_on",
        "ends_on",
        "responsible",
        "status",
        "mark",
    ),
    "indicator": _columns(
        "promise_id", "measure_id", "name", "source_kind", "source", "unit", "baseline", "target"
    ),
    "indicator_value": _columns("indicator_id", "measured_on", "value", "note"),
    "follow_up": _columns("promise_id", "held_on", "kind", "narrative", "hours", "reported_to"),
    "follow_up_measure": _columns("follow_up_id", "measure_id", "status", "mark", "note", "hours"),
    "meeting": _columns(
        "title",
        "meeting_type",
        "starts_at",
        "municipality_code",
        "location",
        "agenda",
        "minutes",
        "minutes_status",
    ),
    "meeting_attendee": _columns("meeting_id", "contact_id"),
    "decision": _columns("meeting_id", "number", "text"),
    "action_item": _columns("meeting_id", "what", "responsible", "due_on", "status"),
    "dialogue": _columns(
        "title",
        "kind",
        "format",
        "participation_level",
        "starts_at",
        "ends_at",
        "municipality_code",
        "target_group",
        "participant_count",
        "notes",
        "status",
        "fed_back_on",
        "feedback_channel",
        "feedback_text",
    ),
    "dialogue_place": _columns("dialogue_id", "place_id"),
    "dialogue_organiser": _columns("dialogue_id", "organisation_id"),
    "concern": _columns(
        "dialogue_id", "theme_id", "place_id", "time_pattern", "raised_count", "text", "answer"
    ),
    "problem_concern": _columns("problem_id", "concern_id"),
}


def municipality_count(dialogues: int) -> int:
    """Return how many kommuner a dataset of ``dialogues`` dialogues spreads over."""
    available = sum(len(district.municipalities) for district in content.DISTRICTS)
    return max(3, min(available, dialogues // 300))


def _validate(dialogues: int) -> None:
    if not 1 <= dialogues <= MAX_DIALOGUES:
        raise InvalidInput("dialogues", f"must be between 1 and {MAX_DIALOGUES}")


class _Generator:
    """The state of one generation run: the random stream, the revision counter, ids."""

    def __init__(self, source: DemoSource, *, dialogues: int, seed: int) -> None:
        # A string seed is hashed with SHA-512 by random, so it is stable across runs.
        self.rng = random.Random(f"kommunpolis-demo:{seed}:{dialogues}:{source.salt}")
        self.dialogues = dialogues
        self.author = source.author
        self.device = source.device_id.bytes
        self.revision = source.first_revision
        self.local_version = source.local_version
        self.themes: list[tuple[StoredId, str]] = [
            (theme.bytes, name) for theme, name in source.themes
        ]
        self.tables = {name: _Pending(name, columns) for name, columns in TABLE_COLUMNS.items()}
        self.kommuner: list[_Kommun] = []
        self.district_ids: list[StoredId] = []
        self.police_orgs: list[StoredId] = []
        self.district_chiefs: list[str] = []

    # --- ids, stamping, emitting -------------------------------------------------------

    def new_id(self, unix_ms: int) -> StoredId:
        return stored_uuid7(unix_ms, self.rng.getrandbits(_RANDOM_BITS))

    def add(
        self,
        table_name: str,
        unix_ms: int,
        body: Row,
        *,
        updated_ms: int | None = None,
        sensitivity: str = _OPEN,
    ) -> StoredId:
        """Queue a row; return its id. Metadata is completed when the table is emitted."""
        record_id = self.new_id(unix_ms)
        self.tables[table_name].rows.append((record_id, unix_ms, updated_ms, sensitivity, body))
        return record_id

    def emit(self, table_name: str, dialogues_done: int = 0) -> Iterator[RowBatch]:
        """Yield the queued rows of a table with revisions issued in order, and clear them."""
        pending = self.tables[table_name]
        if not pending.rows:
            return
        author, device, revision = self.author, self.device, self.revision
        version = self.local_version
        last_ms, last_text = -1, ""
        rows: list[Row] = []
        append = rows.append
        for record_id, created_ms, updated_ms, sensitivity, body in pending.rows:
            # Rows of one dialogue share a timestamp; format it once.
            if created_ms != last_ms:
                last_ms, last_text = created_ms, stored_datetime(created_ms)
            updated = last_text if updated_ms is None else stored_datetime(updated_ms)
            append(
                (
                    record_id,
                    author,
                    device,
                    last_text,
                    updated,
                    revision,
                    device,
                    None,
                    sensitivity,
                    version,
                    None,
                    *body,
                )
            )
            revision += 1
        self.revision = revision
        pending.rows = []
        yield RowBatch(table_name, pending.columns, rows, dialogues_done)

    def emit_all(self, *names: str) -> Iterator[RowBatch]:
        for name in names:
            yield from self.emit(name)

    def person(self) -> str:
        rng = self.rng
        return f"{rng.choice(content.FIRST_NAMES)} {rng.choice(content.LAST_NAMES)}"

    # --- reference data ----------------------------------------------------------------

    def reference(self) -> Iterator[RowBatch]:
        rng = self.rng
        setup_ms = BASE_MS - (HISTORY_DAYS + 30) * DAY_MS
        if not self.themes:
            for position, name in enumerate(DEFAULT_THEMES):
                theme_id = self.add("theme", setup_ms + position, (name, position))
                self.themes.append((theme_id, name))
            yield from self.emit("theme")
        wanted = municipality_count(self.dialogues)
        for index, district in enumerate(content.DISTRICTS):
            if len(self.kommuner) >= wanted:
                break
            district_id = self.add("district", setup_ms, (district.name, district.police_region))
            self.district_ids.append(district_id)
            police_id = self.add(
                "organisation",
                setup_ms,
                (f"Polisen, {district.name}", OrganisationKind.POLICE.value, None),
            )
            self.police_orgs.append(police_id)
            chief = self.person()
            self.district_chiefs.append(chief)
            self.add(
                "contact",
                setup_ms,
                (chief, "Lokalpolisområdeschef", police_id, *self.contact_details(chief)),
            )
            for code, name in district.municipalities[: wanted - len(self.kommuner)]:
                self.add("district_municipality", setup_ms, (district_id, code))
                kommun = _Kommun(code, name, index)
                self.kommuner.append(kommun)
                officer = self.person()
                kommun.contacts.append(
                    (
                        self.add(
                            "contact",
                            setup_ms,
                            (officer, "Kommunpolis", police_id, *self.contact_details(officer)),
                        ),
                        officer,
                        "Kommunpolis",
                    )
                )
                self.kommun_reference(kommun, setup_ms)
        theme_count = len(self.themes)
        for kommun in self.kommuner:
            kommun.themes = tuple(rng.sample(range(theme_count), min(5, theme_count)))
        yield from self.emit_all(
            "district", "district_municipality", "place", "organisation", "contact"
        )

    def contact_details(self, name: str) -> tuple[str, str]:
        slug = name.lower().replace(" ", ".")
        for plain, accented in (("a", "å"), ("a", "ä"), ("o", "ö"), ("e", "é")):
            slug = slug.replace(accented, plain)
        # 070-174 06 05 … 99 is the Swedish range set aside for fiction.
        phone = f"070-174 06 {self.rng.randint(5, 99):02d}"
        return f"{slug}@exempel.se", phone

    def kommun_reference(self, kommun: _Kommun, setup_ms: int) -> None:
        rng = self.rng
        chosen = sorted(rng.sample(range(len(content.PLACES)), rng.randint(14, 18)))
        for place_index in chosen:
            name, kind, description = content.PLACES[place_index]
            place_id = self.add(
                "place",
                setup_ms,
                (name, kind.value, kommun.code, description.format(k=kommun.name)),
            )
            kommun.places.append((place_id, name, kind))
        for dialogue_format in DialogueFormat:
            kinds = _PREFERRED_PLACES.get(dialogue_format, ())
            matching = tuple(i for i, place in enumerate(kommun.places) if place[2] in kinds)
            kommun.places_by_format[dialogue_format] = matching or tuple(range(len(kommun.places)))
        for template, org_kind in content.ORGANISATIONS:
            name = template.format(k=kommun.name)
            org_id = self.add("organisation", setup_ms, (name, org_kind.value, kommun.code))
            kommun.organisations.append((org_id, name, org_kind))
            titles = content.TITLES[org_kind]
            picked = [titles[0]] + ([rng.choice(titles[1:])] if len(titles) > 1 else [])
            for title in picked:
                person = self.person()
                contact_id = self.add(
                    "contact",
                    setup_ms,
                    (person, title, org_id, *self.contact_details(person)),
                )
                kommun.contacts.append((contact_id, person, title))

    # --- situation pictures, problems, agreements, promises, measures -----------------

    def process(self) -> Iterator[RowBatch]:
        for kommun in self.kommuner:
            self.kommun_process(kommun)
        self.district_pictures()
        yield from self.emit_all(
            "situation_picture",
            "source",
            "problem",
            "situation_problem",
            "problem_source",
            "root_cause_analysis",
            "cause",
            "agreement",
            "agreement_party",
            "agreement_problem",
            "promise",
            "promise_problem",
            "commitment",
            "measure",
            "indicator",
            "indicator_value",
            "follow_up",
            "follow_up_measure",
        )

    def picture(
        self,
        kommun: _Kommun | None,
        district_id: StoredId | None,
        year: int,
        owner: SituationOwner,
        source_types: Sequence[SourceType],
    ) -> tuple[StoredId, list[StoredId]]:
        rng = self.rng
        start, end = date(year, 1, 1), date(year, 12, 31)
        made_ms = min(_ms(date(year, 2, 15), 9), BASE_MS - DAY_MS)
        area = (
            kommun.name
            if kommun
            else content.DISTRICTS[self.district_ids.index(district_id or b"")].name
        )
        owner_text = {"police": "Polisens", "municipality": "Kommunens", "joint": "Gemensam"}
        title = f"{owner_text[owner.value]} lägesbild {area} {year}"
        scope = SituationScope.MUNICIPALITY if kommun else SituationScope.DISTRICT
        sensitivity = _OPEN if owner is SituationOwner.JOINT else _INTERNAL
        picture_id = self.add(
            "situation_picture",
            made_ms,
            (
                title,
                scope.value,
                kommun.code if kommun else None,
                district_id,
                area,
                owner.value,
                start.isoformat(),
                end.isoformat(),
                "Otryggheten är koncentrerad till centrum och stationsområdet kvällstid. "
                "Dialogerna bekräftar bilden från statistiken.",
                "Ökande oro för narkotika bland unga; minskande antal inbrott.",
            ),
            sensitivity=sensitivity,
        )
        sources: list[StoredId] = []
        for source_type in source_types:
            police_only = source_type is SourceType.POLICE_INTELLIGENCE
            description = rng.choice(content.SOURCES[source_type]).format(k=area)
            sources.append(
                self.add(
                    "source",
                    made_ms,
                    (picture_id, source_type.value, description, int(police_only)),
                    sensitivity=_SECRET if police_only else sensitivity,
                )
            )
        return picture_id, sources

    def kommun_process(self, kommun: _Kommun) -> None:
        rng = self.rng
        joint_types = (
            SourceType.CRIME_STATISTICS,
            SourceType.SAFETY_SURVEY,
            SourceType.DIALOGUES,
            rng.choice((SourceType.MUNICIPAL_DATA, SourceType.PARTNER_REPORT)),
        )
        police_types = (
            SourceType.CRIME_STATISTICS,
            SourceType.POLICE_INTELLIGENCE,
            SourceType.OTHER,
        )
        last_year = BASE_DATE.year - 1
        old_picture, _ = self.picture(
            kommun, None, last_year - 1, SituationOwner.JOINT, joint_types
        )
        picture_id, sources = self.picture(
            kommun, None, last_year, SituationOwner.JOINT, joint_types
        )
        police_picture, police_sources = self.picture(
            kommun, None, last_year, SituationOwner.POLICE, police_types
        )
        # Problems: one per kommun theme; the first three are prioritised and worked on.
        problem_ms = _ms(date(last_year - 1, 3, 1), 10)
        statuses = (
            ProblemStatus.ADDRESSED,
            ProblemStatus.ANALYSED,
            rng.choice((ProblemStatus.PRIORITISED, ProblemStatus.ANALYSED)),
            ProblemStatus.IDENTIFIED,
            rng.choice((ProblemStatus.IDENTIFIED, ProblemStatus.CLOSED)),
        )
        problems: list[tuple[StoredId, ProblemStatus, int | None]] = []
        for position, theme_index in enumerate(kommun.themes):
            theme_name = self.themes[theme_index][1]
            place = self.problem_place(kommun, theme_name)
            title, affected = content.PROBLEMS.get(
                theme_name, (f"{theme_name} {{at}}", "Boende och besökare")
            )
            timing = rng.choice(content.PROBLEM_TIMINGS.get(theme_name, content.GENERAL_TIMINGS))
            status = statuses[position % len(statuses)]
            priority = position + 1 if position < 3 else None
            problem_id = self.add(
                "problem",
                problem_ms + position,
                (
                    title.format(**content.place_words(place)),
                    f"Återkommande synpunkter och anmälningar om {theme_name.lower()}.",
                    f"{place}, {kommun.name}",
                    timing,
                    affected,
                    kommun.code,
                    priority,
                    status.value,
                ),
                updated_ms=_ms(date(last_year, 11, 1), 10),
            )
            kommun.problem_by_theme[theme_index] = problem_id
            kommun.problem_subject[problem_id] = (theme_name, place)
            kommun.problem_timing[problem_id] = timing
            problems.append((problem_id, status, priority))
            self.add("situation_problem", problem_ms, (picture_id, problem_id, position + 1))
            if priority is not None:
                self.add("situation_problem", problem_ms, (old_picture, problem_id, priority))
                self.add(
                    "situation_problem",
                    problem_ms,
                    (police_picture, problem_id, priority),
                    sensitivity=_INTERNAL,
                )
                self.add("problem_source", problem_ms, (problem_id, rng.choice(sources)))
                if theme_name == "Narkotika":
                    self.add(
                        "problem_source",
                        problem_ms,
                        (problem_id, police_sources[1]),
                        sensitivity=_SECRET,
                    )
        causes: dict[StoredId, list[_Cause]] = {}
        analysis_ms = _ms(date(last_year - 1, 5, 1), 10)
        for problem_id, status, _priority in problems:
            if status not in (ProblemStatus.ANALYSED, ProblemStatus.ADDRESSED):
                continue
            theme_name, place = kommun.problem_subject[problem_id]
            words = content.place_words(place)
            timing = kommun.problem_timing[problem_id]
            texts = content.THEME_ANALYSES.get(theme_name, content.ANALYSIS_TEXTS)
            analysis_id = self.add(
                "root_cause_analysis",
                analysis_ms,
                (
                    problem_id,
                    *(
                        texts[name].format(
                            **words, when=timing[0].lower() + timing[1:], k=kommun.name
                        )
                        for name in content.ANALYSIS_TEXTS
                    ),
                ),
            )
            plan = content.FOCUS_ACTION_PLANS.get(theme_name)
            picked: list[tuple[str, MeasureText | None]]
            if plan:
                picked = rng.sample(plan, rng.randint(min(2, len(plan)), min(4, len(plan))))
            else:
                picked = [(text, None) for text in rng.sample(content.CAUSES, rng.randint(2, 4))]
            causes[problem_id] = [
                (
                    self.add("cause", analysis_ms, (analysis_id, number, text.format(**words))),
                    answer,
                )
                for number, (text, answer) in enumerate(picked, start=1)
            ]
        prioritised = [p for p in problems if p[2] is not None]
        agreement_id = self.agreement(kommun, prioritised)
        self.promises(kommun, agreement_id, prioritised, causes)

    def problem_place(self, kommun: _Kommun, theme_name: str) -> str:
        """Pick a problem's place: one of its theme's usual places if the kommun has any."""
        places = kommun.places
        preferred = content.THEME_PLACES.get(theme_name, ())
        candidates = [place for place in places if place[1] in preferred] or places
        # One draw over all the kommun's places, as before there were preferences, spread
        # over the candidates: the random stream, and so every dialogue and concern after
        # it, stays as it was (the benchmarks' numbers depend on the concerns).
        drawn: int = self.rng.choice(range(len(places)))
        return candidates[drawn * len(candidates) // len(places)][1]

    def agreement(
        self, kommun: _Kommun, prioritised: list[tuple[StoredId, ProblemStatus, int | None]]
    ) -> StoredId:
        rng = self.rng
        year = BASE_DATE.year - 2
        status = rng.choice(
            (AgreementStatus.IN_FORCE, AgreementStatus.IN_FORCE, AgreementStatus.SIGNED)
        )
        if kommun is self.kommuner[-1]:
            status = AgreementStatus.DRAFT
        signed = date(year, 1, 20)
        agreement_ms = _ms(date(year - 1, 11, 15), 9)
        agreement_id = self.add(
            "agreement",
            agreement_ms,
            (
                f"Samverkansöverenskommelse Polisen–{kommun.name} kommun {year}–{year + 3}",
                kommun.code,
                date(year, 1, 1).isoformat(),
                date(year + 3, 12, 31).isoformat(),
                "Minska otryggheten i centrum; färre anmälda skadegörelsebrott.",
                "Arbetet dokumenteras i gemensam lägesbild och åtgärdsplan.",
                "Uppföljning kvartalsvis i styrgruppen; årlig rapport till KS.",
                status.value,
            ),
            updated_ms=_ms(signed, 9),
        )
        signed_on = None if status is AgreementStatus.DRAFT else signed.isoformat()
        municipal = kommun.organisations[0]
        officials = {title: name for _, name, title in kommun.contacts}
        self.add(
            "agreement_party",
            agreement_ms,
            (
                agreement_id,
                self.police_orgs[kommun.district_index],
                self.district_chiefs[kommun.district_index],
                "Lokalpolisområdeschef",
                signed_on,
            ),
        )
        self.add(
            "agreement_party",
            agreement_ms,
            (
                agreement_id,
                municipal[0],
                officials.get("Kommunstyrelsens ordförande", self.person()),
                "Kommunstyrelsens ordförande",
                signed_on,
            ),
        )
        for problem_id, _, _ in prioritised:
            self.add("agreement_problem", agreement_ms, (agreement_id, problem_id))
        return agreement_id

    def promises(
        self,
        kommun: _Kommun,
        agreement_id: StoredId,
        prioritised: list[tuple[StoredId, ProblemStatus, int | None]],
        causes: dict[StoredId, list[_Cause]],
    ) -> None:
        rng = self.rng
        last_year = BASE_DATE.year - 1
        plans: tuple[tuple[int, int, PromiseStatus], ...] = (
            (
                last_year - 1,
                last_year - 1,
                rng.choice((PromiseStatus.CLOSED, PromiseStatus.FOLLOWED_UP)),
            ),
            (
                last_year,
                last_year + 1,
                rng.choice(
                    (PromiseStatus.PUBLISHED, PromiseStatus.PUBLISHED, PromiseStatus.SIGNED)
                ),
            ),
        )
        if kommun is self.kommuner[-1]:
            plans = (*plans, (last_year + 1, last_year + 1, PromiseStatus.DRAFT))
        for first, last, status in plans:
            start, end = date(first, 1, 1), date(last, 12, 31)
            made_ms = _ms(date(first - 1, 11, 1), 9)
            period = f"{first}" if first == last else f"{first}–{last}"
            place = rng.choice(kommun.places)[1]
            promise_id = self.add(
                "promise",
                made_ms,
                (
                    agreement_id,
                    f"Medborgarlöfte {kommun.name} {period}",
                    f"Polisen och {kommun.name} kommun lovar tillsammans att arbeta för "
                    f"ökad trygghet i {kommun.name}, särskilt vid {place}.",
                    kommun.code,
                    start.isoformat(),
                    end.isoformat(),
                    status.value,
                ),
                updated_ms=min(_ms(end, 9), BASE_MS - DAY_MS),
            )
            focus = prioritised[: rng.randint(1, min(3, len(prioritised)))] if prioritised else []
            for problem_id, _, _ in focus:
                self.add("promise_problem", made_ms, (promise_id, problem_id))
            self.commitments(kommun, promise_id, made_ms, place, focus)
            self.measures(kommun, promise_id, made_ms, start, end, status, focus, causes)

    def commitments(
        self,
        kommun: _Kommun,
        promise_id: StoredId,
        made_ms: int,
        place: str,
        focus: list[tuple[StoredId, ProblemStatus, int | None]],
    ) -> None:
        """The police's and the municipality's words per focus area, a partner's now and
        then, and a few about the whole promise."""
        rng = self.rng
        orgs = {
            Party.POLICE: self.police_orgs[kommun.district_index],
            Party.MUNICIPALITY: kommun.organisations[0][0],
        }
        # (focus area or None, party, organisation, text, the place it speaks of)
        texts: list[tuple[StoredId | None, Party, StoredId | None, str, str]] = []
        for problem_id, _, _ in focus:
            theme, problem_place = kommun.problem_subject[problem_id]
            police, municipal = content.FOCUS_COMMITMENTS.get(
                theme, (content.POLICE_COMMITMENTS, content.MUNICIPALITY_COMMITMENTS)
            )
            for party, words in ((Party.POLICE, police), (Party.MUNICIPALITY, municipal)):
                texts.append((problem_id, party, orgs[party], rng.choice(words), problem_place))
        if not focus:
            for party, words in (
                (Party.POLICE, content.POLICE_COMMITMENTS),
                (Party.MUNICIPALITY, content.MUNICIPALITY_COMMITMENTS),
            ):
                texts += [(None, party, orgs[party], text, place) for text in rng.sample(words, 2)]
        if rng.random() < 0.6:
            partner_kind, text = rng.choice(content.PARTNER_COMMITMENTS)
            partner = rng.choice([org for org in kommun.organisations if org[2] is partner_kind])
            about = rng.choice(focus)[0] if focus else None
            texts.append((about, Party.PARTNER, partner[0], text, place))
        for party, text in content.WHOLE_PROMISE_COMMITMENTS:
            if party is Party.POLICE or rng.random() < 0.5:
                texts.append((None, party, orgs[party], text, place))
        for position, (about_id, party, org_id, text, where) in enumerate(texts):
            partner_name = next((o[1] for o in kommun.organisations if o[0] == org_id), "")
            self.add(
                "commitment",
                made_ms,
                (
                    promise_id,
                    about_id,
                    party.value,
                    org_id,
                    text.format(**content.place_words(where), k=kommun.name, o=partner_name),
                    position,
                ),
            )

    def measures(
        self,
        kommun: _Kommun,
        promise_id: StoredId,
        made_ms: int,
        start: date,
        end: date,
        status: PromiseStatus,
        focus: list[tuple[StoredId, ProblemStatus, int | None]],
        causes: dict[StoredId, list[_Cause]],
    ) -> None:
        """Each focus area's rows of the action plan: the measure answering each of its
        causes (one or two general ones per cause for a theme without its own plan), or
        one or two of its theme's measures if it was never analysed; all at its place."""
        rng = self.rng
        finished = status in (PromiseStatus.CLOSED, PromiseStatus.FOLLOWED_UP)
        measure_ids: list[tuple[StoredId, MeasureStatus, str | None]] = []
        for problem_id, _, _ in focus:
            theme, problem_place = kommun.problem_subject[problem_id]
            words = content.place_words(problem_place)
            plan = content.FOCUS_ACTION_PLANS.get(theme)
            rows: list[tuple[StoredId | None, MeasureText]] = []
            for cause, answer in causes.get(problem_id, []):
                if answer is not None:
                    rows.append((cause, answer))
                else:
                    rows += [
                        (cause, rng.choice(content.MEASURES)) for _ in range(rng.randint(1, 2))
                    ]
            if not rows:
                offered = [answer for _, answer in plan] if plan else content.MEASURES
                rows = [
                    (None, m) for m in rng.sample(offered, min(len(offered), rng.randint(1, 2)))
                ]
            for cause_id, (title, goal, responsible) in rows:
                if status is PromiseStatus.DRAFT:
                    measure_status, mark = MeasureStatus.NOT_STARTED, None
                elif finished:
                    measure_status = rng.choice(
                        (MeasureStatus.DONE, MeasureStatus.DONE, MeasureStatus.CANCELLED)
                    )
                    mark = rng.choice(_MARKS if measure_status is MeasureStatus.DONE else ("red",))
                else:
                    measure_status = rng.choice(
                        (
                            MeasureStatus.IN_PROGRESS,
                            MeasureStatus.IN_PROGRESS,
                            MeasureStatus.NOT_STARTED,
                            MeasureStatus.DONE,
                        )
                    )
                    mark = rng.choice((*_MARKS, FollowUpMark.RED.value, None))
                # A millisecond apart, so that lists by creation time keep the plan's order.
                measure_id = self.add(
                    "measure",
                    made_ms + len(measure_ids),
                    (
                        promise_id,
                        problem_id,
                        cause_id,
                        title.format(**words),
                        goal,
                        start.isoformat(),
                        end.isoformat(),
                        responsible,
                        measure_status.value,
                        mark,
                    ),
                    updated_ms=min(_ms(end, 9), BASE_MS - DAY_MS),
                )
                measure_ids.append((measure_id, measure_status, mark))
        place = rng.choice(kommun.places)[1]
        indicators = rng.sample(content.INDICATORS, 3)
        for number, (name, kind, source, unit, baseline, target) in enumerate(indicators):
            # The third indicator measures one measure; the others the whole promise.
            measured_measure = measure_ids[0][0] if number == 2 and measure_ids else None
            indicator_id = self.add(
                "indicator",
                made_ms,
                (
                    promise_id if measured_measure is None else None,
                    measured_measure,
                    name.format(**content.place_words(place)),
                    kind.value,
                    source,
                    unit,
                    baseline,
                    target,
                ),
            )
            measured = date(start.year, 3, 31)
            step = 0
            while measured < min(end, BASE_DATE) and status is not PromiseStatus.DRAFT:
                progress = min(1.0, step / 6)
                value = baseline + (target - baseline) * progress * rng.uniform(0.4, 1.1)
                self.add(
                    "indicator_value",
                    _ms(measured, 10) + DAY_MS * 5,
                    (indicator_id, measured.isoformat(), round(value, 1), ""),
                )
                step += 1
                measured = _quarter_after(measured)
        if status is not PromiseStatus.DRAFT:
            self.follow_ups(promise_id, start, end, measure_ids)

    def follow_ups(
        self,
        promise_id: StoredId,
        start: date,
        end: date,
        measure_ids: list[tuple[StoredId, MeasureStatus, str | None]],
    ) -> None:
        """A follow-up each June and December of the period so far, one line per measure.

        Each measure's lines climb its lifecycle (ej påbörjad → pågår → its status now) and
        the latest line holds its status and mark now, as the quick follow-up leaves them.
        """
        rng = self.rng
        days: list[date] = []
        held_on = date(start.year, 6, 15)
        while held_on <= min(end, BASE_DATE):
            days.append(held_on)
            held_on = (
                date(held_on.year, 12, 10) if held_on.month == 6 else date(held_on.year + 1, 6, 15)
            )
        paths = [self.follow_up_path(now, mark, len(days)) for _, now, mark in measure_ids]
        for number, held_on in enumerate(days):
            follow_up_kind = FollowUpKind.OUTCOME if held_on.month == 12 else FollowUpKind.PROCESS
            held_ms = _ms(held_on, 10)
            lines: list[tuple[StoredId, str, str | None, str, float | None]] = []
            for (measure_id, _, _), path in zip(measure_ids, paths, strict=True):
                then, mark = path[number]
                hours = None if then is MeasureStatus.NOT_STARTED else float(rng.randint(2, 16))
                on_track = mark in (None, FollowUpMark.GREEN.value)
                note = rng.choice(content.FOLLOW_UP_NOTES[then, on_track])
                lines.append((measure_id, then.value, mark, note, hours))
            spent = [line[4] for line in lines if line[4] is not None]
            follow_up_id = self.add(
                "follow_up",
                held_ms,
                (
                    promise_id,
                    held_on.isoformat(),
                    follow_up_kind.value,
                    rng.choice(content.FOLLOW_UP_TEXTS),
                    sum(spent) if spent else None,
                    rng.choice(("Styrgruppen", "Kommunstyrelsen", "Lokalpolisområdets ledning")),
                ),
            )
            for line in lines:
                self.add("follow_up_measure", held_ms, (follow_up_id, *line))

    def follow_up_path(
        self, now: MeasureStatus, mark: str | None, count: int
    ) -> list[tuple[MeasureStatus, str | None]]:
        """Return a measure's (status, mark) at each of ``count`` follow-ups, ending at now."""
        rng = self.rng
        path: list[tuple[MeasureStatus, str | None]] = []
        for number in range(count - 1):
            # Under way by the second follow-up (at the one before its last, for a measure
            # done or dropped since), unless it has not started at all.
            late = number == 0 and count > 2 and rng.random() < 0.3
            if now is MeasureStatus.NOT_STARTED or late:
                path.append((MeasureStatus.NOT_STARTED, rng.choice((None, _YELLOW))))
            else:
                path.append((MeasureStatus.IN_PROGRESS, rng.choice((*_MARKS, _RED))))
        if count:
            path.append((now, mark))
        return path

    def district_pictures(self) -> None:
        last_year = BASE_DATE.year - 1
        for index, district_id in enumerate(self.district_ids):
            picture_id, _ = self.picture(
                None,
                district_id,
                last_year,
                SituationOwner.POLICE,
                (SourceType.CRIME_STATISTICS, SourceType.POLICE_INTELLIGENCE),
            )
            ranked = [
                next(iter(k.problem_by_theme.values()))
                for k in self.kommuner
                if k.district_index == index and k.problem_by_theme
            ]
            for rank, problem_id in enumerate(ranked, start=1):
                self.add(
                    "situation_problem",
                    _ms(date(last_year, 12, 31), 9),
                    (picture_id, problem_id, rank),
                    sensitivity=_INTERNAL,
                )

    # --- meetings ----------------------------------------------------------------------

    def meetings(self) -> Iterator[RowBatch]:
        rng = self.rng
        total = max(12 * len(self.kommuner), self.dialogues // 10)
        starts = sorted(
            BASE_MS + rng.randint(-HISTORY_DAYS, 30) * DAY_MS + rng.choice((7, 8, 12, 13)) * HOUR_MS
            for _ in range(total)
        )
        for number, start_ms in enumerate(starts):
            kommun = self.kommuner[number % len(self.kommuner)]
            meeting_type = _MEETING_TYPES[int(rng.random() * len(_MEETING_TYPES))]
            held = start_ms < BASE_MS
            approved = start_ms < BASE_MS - 30 * DAY_MS
            created_ms = start_ms - 14 * DAY_MS
            place = rng.choice(kommun.places)[1]
            meeting_id = self.add(
                "meeting",
                created_ms,
                (
                    rng.choice(content.MEETING_TITLES).format(k=kommun.name),
                    meeting_type.value,
                    stored_datetime(start_ms),
                    kommun.code,
                    f"Kommunhuset, {kommun.name}",
                    content.AGENDA,
                    content.MINUTES if held else "",
                    (MinutesStatus.APPROVED if approved else MinutesStatus.DRAFT).value,
                ),
                updated_ms=min(start_ms + 7 * DAY_MS, BASE_MS - HOUR_MS) if held else None,
            )
            for contact_id, _, _ in rng.sample(
                kommun.contacts, min(len(kommun.contacts), rng.randint(3, 6))
            ):
                self.add("meeting_attendee", created_ms, (meeting_id, contact_id))
            if not held:
                continue
            for decision in range(1, rng.randint(1, 3) + 1):
                text = rng.choice(content.DECISIONS).format(p=place)
                self.add("decision", start_ms, (meeting_id, decision, text))
            for _ in range(rng.randint(1, 3)):
                what, responsible = rng.choice(content.ACTION_ITEMS)
                due_ms = start_ms + rng.randint(14, 90) * DAY_MS
                if due_ms < BASE_MS:
                    status = rng.choice(
                        (ActionItemStatus.DONE,) * 4
                        + (ActionItemStatus.CANCELLED, ActionItemStatus.OPEN)
                    )
                else:
                    status = ActionItemStatus.OPEN
                self.add(
                    "action_item",
                    start_ms,
                    (
                        meeting_id,
                        what.format(p=place),
                        responsible,
                        _day(due_ms).isoformat(),
                        status.value,
                    ),
                )
        yield from self.emit_all("meeting", "meeting_attendee", "decision", "action_item")

    # --- dialogues and concerns (the bulk) ---------------------------------------------

    def dialogue_plan(self) -> list[tuple[int, DialogueKind, DialogueFormat, DialogueStatus]]:
        """Return (start, kind, format, status) per dialogue, in time order."""
        rng = self.rng
        count = self.dialogues
        planned = max(1, count * 8 // 100)
        past_starts = sorted(
            BASE_MS - rng.randint(1, HISTORY_DAYS) * DAY_MS for _ in range(count - planned)
        )
        future_starts = sorted(
            BASE_MS + rng.randint(1, PLANNED_DAYS) * DAY_MS for _ in range(planned)
        )
        plan: list[tuple[int, DialogueKind, DialogueFormat, DialogueStatus]] = []
        for start in past_starts:
            age_days = (BASE_MS - start) // DAY_MS
            roll = rng.random()
            if age_days < 45:
                status = DialogueStatus.HELD if roll < 0.5 else DialogueStatus.COMPILED
            else:
                status = (
                    DialogueStatus.FED_BACK
                    if roll < 0.6
                    else DialogueStatus.COMPILED
                    if roll < 0.9
                    else DialogueStatus.HELD
                )
            plan.append((start, *self.kind_and_format(), status))
        plan.extend(
            (start, *self.kind_and_format(), DialogueStatus.PLANNED) for start in future_starts
        )
        # Small datasets must still show every format, kind and status at least once.
        forced = [(DialogueKind.CITIZEN, f) for f in DialogueFormat] + [
            (DialogueKind.EMPLOYEE, DialogueFormat.FOCUS_GROUP)
        ]
        past_statuses = (DialogueStatus.HELD, DialogueStatus.COMPILED, DialogueStatus.FED_BACK)
        positions = sorted(rng.sample(range(len(past_starts)), min(len(past_starts), len(forced))))
        for number, position in enumerate(positions):
            start, _, _, status = plan[position]
            if number < len(past_statuses):
                status = past_statuses[number]
            plan[position] = (start, *forced[number], status)
        return plan

    def kind_and_format(self) -> tuple[DialogueKind, DialogueFormat]:
        roll = self.rng.random()
        if roll < 0.12:
            return DialogueKind.EMPLOYEE, _EMPLOYEE_FORMATS[
                int(roll / 0.12 * len(_EMPLOYEE_FORMATS))
            ]
        index = int((roll - 0.12) / 0.88 * len(_CITIZEN_FORMATS))
        return DialogueKind.CITIZEN, _CITIZEN_FORMATS[index]

    def dialogue_stream(self) -> Iterator[RowBatch]:
        rng = self.rng
        random_ = rng.random
        randint = rng.randint
        getrandbits = rng.getrandbits
        plan = self.dialogue_plan()
        kommuner = self.kommuner
        kommun_count = len(kommuner)
        themes = self.themes
        theme_count = len(themes)
        theme_texts = [
            content.CONCERN_TEXTS.get(
                name,
                tuple(t.replace("{theme}", name.lower()) for t in content.GENERIC_CONCERN_TEXTS),
            )
            for _, name in themes
        ]
        theme_lower = [name.lower() for _, name in themes]
        time_patterns = tuple(pattern.value for pattern in _TIME_PATTERNS)
        pattern_count = len(time_patterns)
        answers = content.ANSWERS
        dialogue_rows = self.tables["dialogue"].rows
        place_rows = self.tables["dialogue_place"].rows
        organiser_rows = self.tables["dialogue_organiser"].rows
        concern_rows = self.tables["concern"].rows
        link_rows = self.tables["problem_concern"].rows
        fixed = _UUID7_FIXED

        def new_id(unix_ms: int) -> StoredId:
            bits = getrandbits(_RANDOM_BITS)
            return (unix_ms << 80 | fixed | (bits >> 62) << 64 | bits & _LOW_MASK).to_bytes(
                16, "big"
            )

        for number, (start_ms, kind, dialogue_format, status) in enumerate(plan, start=1):
            kommun = kommuner[int(random_() * kommun_count)]
            places = kommun.places
            low, high, hours, start_hours = _FORMAT_SHAPE[dialogue_format]
            starts_at = start_ms + start_hours[int(random_() * len(start_hours))] * HOUR_MS
            candidates = kommun.places_by_format[dialogue_format]
            first_place = candidates[int(random_() * len(candidates))]
            place_name = places[first_place][1]
            titles = content.DIALOGUE_TITLES[dialogue_format]
            title = titles[int(random_() * len(titles))].format(
                k=kommun.name, **content.place_words(place_name)
            )
            levels = _LEVELS[dialogue_format]
            level = levels[int(random_() * len(levels))].value
            employee = kind is DialogueKind.EMPLOYEE
            groups = content.EMPLOYEE_TARGET_GROUPS if employee else content.TARGET_GROUPS
            participants = randint(low, high)
            sensitivity = _INTERNAL if employee else _OPEN
            planned = status is DialogueStatus.PLANNED
            kommun_themes = kommun.themes
            if planned:
                created_ms = min(starts_at - 30 * DAY_MS, BASE_MS - DAY_MS)
                updated_ms: int | None = None
                notes = "Planerad. Inbjudan sprids via kommunens och polisens kanaler."
                participants = 0
            else:
                created_ms = starts_at - 14 * DAY_MS
                updated_ms = min(starts_at + 2 * DAY_MS, BASE_MS - HOUR_MS)
                first_theme = theme_lower[kommun_themes[0]]
                second_theme = theme_lower[kommun_themes[-1]]
                notes = content.NOTES[int(random_() * len(content.NOTES))].format(
                    n=participants, t1=first_theme, t2=second_theme
                )
            fed_back_on = None
            channel = feedback = ""
            if status is DialogueStatus.FED_BACK:
                fed_back_ms = min(starts_at + randint(20, 90) * DAY_MS, BASE_MS - DAY_MS)
                fed_back_on = _day(fed_back_ms).isoformat()
                updated_ms = fed_back_ms
                channel = content.FEEDBACK_CHANNELS[int(random_() * len(content.FEEDBACK_CHANNELS))]
                feedback = content.FEEDBACK_TEXTS[int(random_() * len(content.FEEDBACK_TEXTS))]
            dialogue_id = new_id(created_ms)
            dialogue_rows.append(
                (
                    dialogue_id,
                    created_ms,
                    updated_ms,
                    sensitivity,
                    (
                        title,
                        kind.value,
                        dialogue_format.value,
                        level,
                        stored_datetime(starts_at),
                        stored_datetime(starts_at + hours * HOUR_MS),
                        kommun.code,
                        groups[int(random_() * len(groups))],
                        participants,
                        notes,
                        status.value,
                        fed_back_on,
                        channel,
                        feedback,
                    ),
                )
            )
            place_rows.append(
                (new_id(created_ms), created_ms, None, _OPEN, (dialogue_id, places[first_place][0]))
            )
            if random_() < 0.3:
                second = int(random_() * len(places))
                if second != first_place:
                    place_rows.append(
                        (
                            new_id(created_ms),
                            created_ms,
                            None,
                            _OPEN,
                            (dialogue_id, places[second][0]),
                        )
                    )
            organiser_rows.append(
                (
                    new_id(created_ms),
                    created_ms,
                    None,
                    _OPEN,
                    (dialogue_id, self.police_orgs[kommun.district_index]),
                )
            )
            if not employee and random_() < 0.5:
                organisation = kommun.organisations[int(random_() * len(kommun.organisations))]
                organiser_rows.append(
                    (new_id(created_ms), created_ms, None, _OPEN, (dialogue_id, organisation[0]))
                )
            if not planned:
                entered_ms = min(starts_at + DAY_MS, BASE_MS - HOUR_MS)
                answered = status is not DialogueStatus.HELD
                survey = dialogue_format in (DialogueFormat.SURVEY, DialogueFormat.DIGITAL)
                problems = kommun.problem_by_theme
                for _ in range(_CONCERN_COUNTS[int(random_() * 12)]):
                    if random_() < 0.6:
                        theme_index = kommun_themes[int(random_() * len(kommun_themes))]
                    else:
                        theme_index = int(random_() * theme_count)
                    place_index = first_place if random_() < 0.6 else int(random_() * len(places))
                    place_id: StoredId | None
                    place_id, concern_place, _ = places[place_index]
                    if survey and random_() < 0.2:
                        place_id = None
                    texts = theme_texts[theme_index]
                    concern_id = new_id(entered_ms)
                    concern_rows.append(
                        (
                            concern_id,
                            entered_ms,
                            None,
                            sensitivity,
                            (
                                dialogue_id,
                                themes[theme_index][0],
                                place_id,
                                time_patterns[int(random_() * pattern_count)],
                                randint(5, 120) if survey else randint(1, 12),
                                texts[int(random_() * len(texts))].format(p=concern_place),
                                answers[int(random_() * len(answers))] if answered else "",
                            ),
                        )
                    )
                    problem_id = problems.get(theme_index)
                    if problem_id is not None and random_() < 0.4:
                        link_rows.append(
                            (new_id(entered_ms), entered_ms, None, _OPEN, (problem_id, concern_id))
                        )
            if number % DIALOGUE_CHUNK == 0 or number == len(plan):
                for name in (
                    "dialogue",
                    "dialogue_place",
                    "dialogue_organiser",
                    "concern",
                    "problem_concern",
                ):
                    yield from self.emit(name, number)
                dialogue_rows = self.tables["dialogue"].rows
                place_rows = self.tables["dialogue_place"].rows
                organiser_rows = self.tables["dialogue_organiser"].rows
                concern_rows = self.tables["concern"].rows
                link_rows = self.tables["problem_concern"].rows


def _quarter_after(day: date) -> date:
    month = day.month + 3
    year = day.year + (month > 12)
    month = (month - 1) % 12 + 1
    end = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return end


def generate_batches(source: DemoSource, *, dialogues: int, seed: int) -> Iterator[RowBatch]:
    """Yield the demo dataset as row batches in an order that satisfies every foreign key.

    The same source, ``dialogues`` and ``seed`` always give exactly the same rows.
    """
    _validate(dialogues)
    generator = _Generator(source, dialogues=dialogues, seed=seed)
    yield from generator.reference()
    yield from generator.process()
    yield from generator.meetings()
    yield from generator.dialogue_stream()


def insert_statement(connection: Connection, table_name: str, columns: Sequence[str]) -> str:
    """Return the driver-level INSERT for ``columns`` of ``table_name`` (positional ``?``)."""
    statement = insert(table(table_name, *(column(name) for name in columns)))
    return str(statement.compile(dialect=connection.dialect))


def write_batches(
    connection: Connection,
    batches: Iterator[RowBatch],
    *,
    total_dialogues: int,
    progress: Progress | None = None,
) -> tuple[dict[str, int], int]:
    """Insert the batches on ``connection``; return the rows per table and the last revision."""
    counts: dict[str, int] = {}
    last_revision = 0
    statements: dict[tuple[str, tuple[str, ...]], str] = {}
    if progress is not None:
        progress(0, total_dialogues)
    last_reported = 0
    for batch in batches:
        key = (batch.table, batch.columns)
        sql = statements.get(key)
        if sql is None:
            sql = statements[key] = insert_statement(connection, batch.table, batch.columns)
        # Positional tuples straight to the driver's executemany: the values are already
        # in stored form, so SQLAlchemy's per-row parameter processing would be pure cost.
        connection.exec_driver_sql(sql, batch.rows)
        counts[batch.table] = counts.get(batch.table, 0) + len(batch.rows)
        last_revision = max(last_revision, _revision_of(batch.rows[-1]))
        if progress is not None and batch.dialogues_done > last_reported:
            last_reported = batch.dialogues_done
            progress(last_reported, total_dialogues)
    if progress is not None and last_reported < total_dialogues:
        progress(total_dialogues, total_dialogues)
    return counts, last_revision


_REVISION_INDEX = RECORD_COLUMNS.index("revision")


def _revision_of(row: Row) -> int:
    value = row[_REVISION_INDEX]
    assert isinstance(value, int)
    return value


def count_records(connection: Connection) -> tuple[int, int]:
    """Return the number of non-theme synced records (tombstones too) and their top revision."""
    total, highest = 0, 0
    for record_class in all_record_tables():
        if record_class is Theme:
            continue
        count, top = connection.execute(select(func.count(), func.max(record_class.revision))).one()
        total += count
        highest = max(highest, top or 0)
    return total, highest


def read_source(connection: Connection, *, salt: int = 0, after_revision: int = 0) -> DemoSource:
    """Return the profile and live themes the demo is stamped with, or raise ProfileMissing."""
    profile = connection.execute(select(Profile.name, Profile.device_id)).first()
    if profile is None:
        raise ProfileMissing()
    themes = connection.execute(
        select(Theme.id, Theme.name)
        .where(Theme.deleted_at.is_(None))
        .order_by(Theme.position, Theme.name, Theme.id)
    ).all()
    return DemoSource(
        author=profile.name,
        device_id=profile.device_id,
        themes=tuple((row.id, row.name) for row in themes),
        salt=salt,
        first_revision=max(pack(BASE_MS, 0), after_revision + 1),
        local_version=_next_local_version(connection),
    )


def _next_local_version(connection: Connection) -> int:
    """Take the next local version for this transaction (see storage.unit_of_work)."""
    statement = (
        update(LocalCounter)
        .where(LocalCounter.id == 1)
        .values(value=LocalCounter.value + 1)
        .returning(LocalCounter.value)
    )
    version: int = connection.execute(statement).scalar_one()
    return version


class DemoService:
    """Fill a database with the fictional demo dataset."""

    def __init__(self, *, database: Database, clock: RevisionObserver | None = None) -> None:
        self._database = database
        self._clock = clock

    def generate(
        self,
        *,
        dialogues: int = 200,
        seed: int = 1,
        force: bool = False,
        progress: Progress | None = None,
    ) -> DemoSummary:
        """Write a demo dataset of ``dialogues`` dialogues; refuse beside real records."""
        _validate(dialogues)
        with database_errors(self._database.path), self._database.engine.begin() as connection:
            # One transaction: a failure leaves no half dataset behind.
            existing, highest = count_records(connection)
            if existing and not force:
                raise DemoRefused(existing)
            # Mixed into existing data, the ids must differ from an earlier demo run's (same
            # seed) and the revisions must come after the records already there.
            source = read_source(connection, salt=existing, after_revision=highest)
            counts, last_revision = write_batches(
                connection,
                generate_batches(source, dialogues=dialogues, seed=seed),
                total_dialogues=dialogues,
                progress=progress,
            )
        summary = DemoSummary(
            seed=seed,
            dialogues=dialogues,
            counts=tuple(sorted(counts.items())),
            last_revision=last_revision,
        )
        if self._clock is not None:
            self._clock.observe(last_revision)
        return summary

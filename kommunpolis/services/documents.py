"""Build the documents officers publish or hand over, as frozen models ready to render.

A :class:`Document` is a title, a subtitle and sections of headings, paragraphs, lists,
facts, tables and images, plus the *gaps*: what is missing in the chain, named in plain
Swedish ("Löftet saknar åtgärder"), so that a record with missing parts still gives a
document that says what is missing instead of failing. ``ui/documents.py`` renders a
model to PDF. Charts need Qt, which this layer never imports, so a lägesbild carries a
:class:`ChartRequest` (the aggregates to draw) that the interface renders into a picture
when it writes the PDF.

The documents are written in Swedish whatever the interface language: they are
publications to Swedish citizens and partners, so their wording is content, not user
interface, and it lives here beside the rules for what may go into them.

Two audiences, and the rule for each:

- **For citizens** (``lofte``, ``aterkoppling``): only records marked *öppen* are used;
  anything marked *intern* or *sekretess*, employee dialogues and police-only sources
  never appear (not even their titles in the gaps); the open commitments of a focus
  area that is not open are published under its number alone ("Fokusområde 2").
  Asking for one of these documents about a record that is itself not open raises
  :class:`NotForCitizens`.
- **Internal** (``atgardsplan``, ``uppfoljning``, ``lagesbild``): the working documents
  of the police and the municipality; they use every live record and say "Intern" in the
  footer. The lägesbild lists its police-only sources too, marked "Endast polis", and
  says on its first page that it must not be spread.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import select

from kommunpolis.domain.errors import InvalidInput, NotForCitizens, RecordNotFound
from kommunpolis.domain.statuses import (
    DialogueStatus,
    MeasureStatus,
    ProblemStatus,
    PromiseStatus,
)
from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    DialogueKind,
    FollowUpKind,
    FollowUpMark,
    IndicatorSource,
    Party,
    Sensitivity,
    SituationOwner,
    SituationScope,
    SourceType,
    TimePattern,
)
from kommunpolis.services.analysis import (
    FocusAreaCommitments,
    PartyGroup,
    group_by_focus_area,
)
from kommunpolis.services.chain import (
    BreakKind,
    ChainBreak,
    ChainService,
    ConcernView,
    IndicatorView,
    MeasureView,
    ProblemView,
    PromiseProgress,
    PromiseTrace,
    PromiseView,
    derive_progress,
)
from kommunpolis.services.situation import (
    Counts,
    PictureView,
    SituationService,
    SituationSummary,
    scope_of_picture,
)
from kommunpolis.storage.tables import District, Municipality, Profile
from kommunpolis.storage.unit_of_work import UnitOfWork

# --- the model ----------------------------------------------------------------------


class DocumentKind(StrEnum):
    """The documents that can be made; the values are the command line's KIND."""

    PROMISE = "lofte"
    ACTION_PLAN = "atgardsplan"
    FOLLOW_UP = "uppfoljning"
    FEEDBACK = "aterkoppling"
    SITUATION = "lagesbild"


class Audience(StrEnum):
    """Who a document is for."""

    CITIZENS = "citizens"
    INTERNAL = "internal"


AUDIENCE: dict[DocumentKind, Audience] = {
    DocumentKind.PROMISE: Audience.CITIZENS,
    DocumentKind.ACTION_PLAN: Audience.INTERNAL,
    DocumentKind.FOLLOW_UP: Audience.INTERNAL,
    DocumentKind.FEEDBACK: Audience.CITIZENS,
    DocumentKind.SITUATION: Audience.INTERNAL,
}


class TextStyle(StrEnum):
    """How a paragraph is set."""

    BODY = "body"
    LEAD = "lead"  # an introduction, set larger
    NOTE = "note"  # small print
    SIGNATURE = "signature"  # a letter's closing lines


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text; line breaks in ``text`` are kept."""

    text: str
    style: TextStyle = TextStyle.BODY


@dataclass(frozen=True)
class Subheading:
    """A heading inside a section."""

    text: str


@dataclass(frozen=True)
class BulletList:
    """A list of short items."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Facts:
    """Label–value pairs, e.g. ("Period", "2025–2026")."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TableCell:
    """One cell; ``mark`` colours it green, yellow or red."""

    text: str
    mark: FollowUpMark | None = None


@dataclass(frozen=True)
class TableColumn:
    """A column's heading and its relative width."""

    title: str
    width: int = 1


@dataclass(frozen=True)
class Table:
    """A table with a heading row (repeated on every page)."""

    columns: tuple[TableColumn, ...]
    rows: tuple[tuple[TableCell, ...], ...]


@dataclass(frozen=True)
class Image:
    """A picture, e.g. a chart of a lägesbild: encoded bytes (PNG or JPEG) and a caption."""

    data: bytes
    caption: str = ""
    width_share: float = 1.0  # of the text width


@dataclass(frozen=True)
class ChartRequest:
    """A place for the lägesbild's charts, drawn from ``summary`` when the PDF is written.

    The charts are Qt graphics (``ui.pages.situation_builder.render_charts``) and must be
    drawn on the GUI thread, so the model carries what to draw, not the picture.
    """

    summary: SituationSummary
    caption: str = ""
    width_share: float = 1.0  # of the text width


Block = Paragraph | Subheading | BulletList | Facts | Table | Image | ChartRequest


@dataclass(frozen=True)
class Section:
    """A heading and its blocks; level 1 is a main heading, level 2 a part of one."""

    heading: str
    blocks: tuple[Block, ...]
    level: int = 1


class GapCode(StrEnum):
    """What a document found missing: the chain's breaks and the documents' own checks."""

    PROMISE_WITHOUT_PROBLEM = BreakKind.PROMISE_WITHOUT_PROBLEM.value
    PROMISE_WITHOUT_COMMITMENT = BreakKind.PROMISE_WITHOUT_COMMITMENT.value
    PROMISE_WITHOUT_MEASURE = BreakKind.PROMISE_WITHOUT_MEASURE.value
    PROBLEM_WITHOUT_CONCERN = BreakKind.PROBLEM_WITHOUT_CONCERN.value
    PROBLEM_WITHOUT_MEASURE = BreakKind.PROBLEM_WITHOUT_MEASURE.value
    MEASURE_WITHOUT_PROBLEM = BreakKind.MEASURE_WITHOUT_PROBLEM.value
    MEASURE_WITHOUT_FOLLOW_UP = BreakKind.MEASURE_WITHOUT_FOLLOW_UP.value
    MEASURE_OVERDUE = BreakKind.MEASURE_OVERDUE.value
    DIALOGUE_WITHOUT_CONCERN = BreakKind.DIALOGUE_WITHOUT_CONCERN.value
    CONCERN_WITHOUT_PROBLEM = BreakKind.CONCERN_WITHOUT_PROBLEM.value
    DIALOGUE_NOT_FED_BACK = BreakKind.DIALOGUE_NOT_FED_BACK.value
    NO_PUBLIC_TEXT = "no_public_text"
    NO_POLICE_COMMITMENT = "no_police_commitment"
    NO_MUNICIPALITY_COMMITMENT = "no_municipality_commitment"
    FOCUS_AREA_WITHOUT_COMMITMENT = "focus_area_without_commitment"
    NOT_SIGNED = "not_signed"
    NO_FOLLOW_UP_PLAN = "no_follow_up_plan"
    WITHHELD = "withheld"
    NO_FOLLOW_UP_IN_PERIOD = "no_follow_up_in_period"
    NOT_FOLLOWED_UP_IN_PERIOD = "not_followed_up_in_period"
    DIALOGUE_NOT_HELD = "dialogue_not_held"
    NOTHING_DONE = "nothing_done"
    NOTHING_NEXT = "nothing_next"
    NO_SUMMARY = "no_summary"
    NO_SOURCES = "no_sources"
    NO_RANKED_PROBLEMS = "no_ranked_problems"
    NO_CONCERNS_IN_PERIOD = "no_concerns_in_period"
    SCOPE_NOT_COMPUTABLE = "scope_not_computable"


@dataclass(frozen=True)
class Gap:
    """One thing missing, in plain Swedish, with its code."""

    code: GapCode
    text: str


FILE_PREFIX = {
    DocumentKind.PROMISE: "Medborgarlöfte",
    DocumentKind.ACTION_PLAN: "Åtgärdsplan",
    DocumentKind.FOLLOW_UP: "Uppföljning",
    DocumentKind.FEEDBACK: "Återkoppling",
    DocumentKind.SITUATION: "Lägesbild",
}
_UNSAFE_IN_FILE_NAMES = frozenset('<>:"/\\|?*')
FILE_STEM_LIMIT = 100


@dataclass(frozen=True)
class Document:
    """A document ready to render: Swedish text, sections, and the gaps found."""

    kind: DocumentKind
    audience: Audience
    issuer: str  # the line above the title, e.g. "Polisen och Sollentuna kommun"
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    gaps: tuple[Gap, ...]
    issued_on: date
    footer: str  # left of the page number on every page
    landscape: bool = False
    gaps_heading: str = "Det här saknas"
    page_label: str = "Sida {page} av {pages}"  # str.format with page and pages

    @property
    def internal(self) -> bool:
        """Whether the document is for the police and the municipality only."""
        return self.audience is Audience.INTERNAL

    @property
    def file_stem(self) -> str:
        """A file name without suffix: what, about which record, and the date made.

        E.g. "Medborgarlöfte Tryggare Centrum 2026-01-12" (characters that Windows, macOS
        or Linux refuse in a file name are left out).
        """
        about = self.title if self.kind is DocumentKind.PROMISE else self.subtitle
        words = f"{FILE_PREFIX[self.kind]} {about.split(' · ')[0]}"
        safe = "".join(" " if c in _UNSAFE_IN_FILE_NAMES or ord(c) < 32 else c for c in words)
        return f"{' '.join(safe.split())[:FILE_STEM_LIMIT].strip()} {self.issued_on.isoformat()}"

    def text(self) -> str:
        """Return all the document's words as plain text (for search and tests)."""
        parts = [self.issuer, self.title, self.subtitle, *(gap.text for gap in self.gaps)]
        for section in self.sections:
            parts.append(section.heading)
            for block in section.blocks:
                parts.extend(_block_words(block))
        return "\n".join(part for part in parts if part)


def _block_words(block: Block) -> list[str]:
    if isinstance(block, Paragraph | Subheading):
        return [block.text]
    if isinstance(block, BulletList):
        return list(block.items)
    if isinstance(block, Facts):
        return [f"{label}: {value}" for label, value in block.rows]
    if isinstance(block, Table):
        return [c.title for c in block.columns] + [cell.text for row in block.rows for cell in row]
    return [block.caption]


# --- Swedish words for the code values (the documents' own language) ----------------

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

MEASURE_STATUS = {
    MeasureStatus.NOT_STARTED: "Ej påbörjad",
    MeasureStatus.IN_PROGRESS: "Pågår",
    MeasureStatus.DONE: "Genomförd",
    MeasureStatus.CANCELLED: "Inställd",
}
MARK = {FollowUpMark.GREEN: "Grön", FollowUpMark.YELLOW: "Gul", FollowUpMark.RED: "Röd"}
FOLLOW_UP_KIND = {
    FollowUpKind.PROCESS: "Processuppföljning",
    FollowUpKind.OUTCOME: "Effektuppföljning",
}
PROMISE_STATUS = {
    PromiseStatus.DRAFT: "Utkast",
    PromiseStatus.SIGNED: "Undertecknat",
    PromiseStatus.PUBLISHED: "Publicerat",
    PromiseStatus.FOLLOWED_UP: "Uppföljt",
    PromiseStatus.CLOSED: "Avslutat",
}
DIALOGUE_FORMAT = {
    DialogueFormat.OPEN_MEETING: "öppet möte",
    DialogueFormat.SAFETY_WALK: "trygghetsvandring",
    DialogueFormat.SURVEY: "enkät",
    DialogueFormat.FOCUS_GROUP: "fokusgrupp",
    DialogueFormat.INTERVIEW: "intervju",
    DialogueFormat.DELIBERATION: "rådslag",
    DialogueFormat.STAND: "dialogstand",
    DialogueFormat.SCHOOL_VISIT: "skolbesök",
    DialogueFormat.DIGITAL: "digital dialog",
    DialogueFormat.OTHER: "dialog",
}
TIME_PATTERN = {
    TimePattern.ANY: "",
    TimePattern.DAYTIME: "dagtid",
    TimePattern.EVENING: "kvällar",
    TimePattern.NIGHT: "nätter",
    TimePattern.WEEKEND: "helger",
    TimePattern.SCHOOL_HOURS: "skoltid",
    TimePattern.SEASONAL: "vissa årstider",
}
SOURCE_TYPE = {
    SourceType.CRIME_STATISTICS: "Brottsstatistik",
    SourceType.SAFETY_SURVEY: "Trygghetsmätning",
    SourceType.DIALOGUES: "Dialoger",
    SourceType.POLICE_INTELLIGENCE: "Polisiär underrättelse",
    SourceType.MUNICIPAL_DATA: "Kommunal statistik",
    SourceType.PARTNER_REPORT: "Rapport från samverkanspart",
    SourceType.OTHER: "Annan källa",
}
INDICATOR_SOURCE = {
    IndicatorSource.SURVEY_ITEM: "Trygghetsmätning",
    IndicatorSource.CRIME_CATEGORY: "Brottsstatistik",
    IndicatorSource.ACTIVITY_COUNT: "Antal aktiviteter",
    IndicatorSource.OTHER: "Annan källa",
}
PARTY = {Party.POLICE: "Polisen", Party.MUNICIPALITY: "Kommunen", Party.PARTNER: "Samverkansparten"}

SITUATION_OWNER = {
    SituationOwner.POLICE: "Polisens egen",
    SituationOwner.MUNICIPALITY: "Kommunens egen",
    SituationOwner.JOINT: "Gemensam för polisen och kommunen",
}
PROBLEM_STATUS = {
    ProblemStatus.IDENTIFIED: "Identifierat",
    ProblemStatus.PRIORITISED: "Prioriterat",
    ProblemStatus.ANALYSED: "Analyserat",
    ProblemStatus.ADDRESSED: "Åtgärdat",
    ProblemStatus.CLOSED: "Avslutat",
}
# A time pattern as a table row (TIME_PATTERN words it inside a sentence).
TIME_PATTERN_ROW = {**TIME_PATTERN, TimePattern.ANY: "ingen särskild tid"}
FORMAT_ROW = {**DIALOGUE_FORMAT, DialogueFormat.OTHER: "annan form"}
# The longest aggregate tables of a lägesbild; the rest are summed in one line.
SITUATION_TABLE_ROWS = 15

_FOLLOWED_PROMISE = (PromiseStatus.PUBLISHED, PromiseStatus.FOLLOWED_UP, PromiseStatus.CLOSED)
_OPEN_MEASURE = (MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS)
_PROMISES_PREFIX = re.compile(r"^(?P<who>.{1,120}?)\s+lovar\s+att\s+(?P<what>.+)$", re.DOTALL)


def swedish_date(day: date) -> str:
    """Return e.g. "3 mars 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def swedish_period(start: date, end: date) -> str:
    """Return "2025", "2025–2026" for whole years, else "1 mars 2025 – 30 juni 2026"."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    return f"{swedish_date(start)} – {swedish_date(end)}"


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _quoted(title: str) -> str:
    return f"”{title}”"


def _is_open(sensitivity: Sensitivity) -> bool:
    return sensitivity is Sensitivity.OPEN


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _join(words: Sequence[str]) -> str:
    """Return "a", "a och b", "a, b och c"."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} och {words[-1]}"


def strip_promise_prefix(text: str, who: str) -> str:
    """Return the words after "{who} lovar att", or the text as it is if it starts otherwise."""
    found = _PROMISES_PREFIX.match(text.strip())
    if found and found["who"].casefold() == who.casefold():
        what = found["what"].strip()
        return what[:1].upper() + what[1:]
    return text.strip()


def _progress_facts(progress: PromiseProgress) -> list[tuple[str, str]]:
    counts = [
        f"{progress.count(status)} {MEASURE_STATUS[status].lower()}"
        for status in MeasureStatus
        if progress.count(status)
    ]
    rows = [
        ("Åtgärder", f"{progress.measure_count}" + (f" ({', '.join(counts)})" if counts else ""))
    ]
    if progress.done_share is not None:
        rows.append(("Andel genomförda", f"{round(progress.done_share * 100)} %"))
    rows.append(("Följts upp", f"{progress.followed_up} av {progress.measure_count} åtgärder"))
    rows.append(
        (
            "Samlad markering",
            MARK[progress.worst_mark] if progress.worst_mark else "Ingen uppföljning ännu",
        )
    )
    return rows


def _measure_period(measure: MeasureView) -> str:
    start, end = measure.starts_on, measure.ends_on
    if start and end:
        if start.year == end.year and (start.month, end.month) == (1, 12):
            return str(start.year)
        return (
            f"{MONTHS[start.month - 1][:3]} {start.year} – {MONTHS[end.month - 1][:3]} {end.year}"
        )
    if end:
        return f"senast {swedish_date(end)}"
    if start:
        return f"från {swedish_date(start)}"
    return "–"


def _who(group: PartyGroup) -> str:
    """Return who promises: "Polisen", "Kommunen" or the partner's name."""
    if group.party is not Party.PARTNER:
        return PARTY[group.party]
    return group.organisation_name or "Våra samverkansparter"


def _promised(group: PartyGroup) -> BulletList:
    """Return what one party promises, each item without its "Polisen lovar att"."""
    who = _who(group)
    return BulletList(tuple(strip_promise_prefix(c.text, who) for c in group.commitments))


def _party_blocks(parties: Sequence[PartyGroup]) -> list[Block]:
    """Return "Polisen lovar att" and a list of what, for each party in turn."""
    blocks: list[Block] = []
    for group in parties:
        blocks += [Subheading(f"{_who(group)} lovar att"), _promised(group)]
    return blocks


def _citizen_commitments(groups: Sequence[FocusAreaCommitments], gaps: _Gaps) -> list[Section]:
    """The open commitments by focus area, for citizens; a focus area not open stays unnamed.

    A focus area is headed "Fokusområde 1: <title>" — or only "Fokusområde 1" when the
    problem is not marked öppen, so that its title never reaches citizens. The numbers
    count the focus areas shown, so a hidden one leaves no gap in them. When no words
    belong to a focus area, each party's words are a section of their own, as before
    focus areas were recorded.
    """
    shown = [g for g in groups if g.parties]
    if all(g.whole_promise for g in shown):
        return [
            Section(f"{_who(party)} lovar att", (_promised(party),))
            for group in shown
            for party in group.parties
        ]
    sections = [Section("Det här lovar vi", ())]
    number = 0
    for group in shown:
        if group.whole_promise:
            heading = "Gäller hela löftet"
        else:
            number += 1
            public = group.sensitivity is not None and _is_open(group.sensitivity)
            heading = f"Fokusområde {number}" + (f": {group.title}" if public else "")
        sections.append(Section(heading, tuple(_party_blocks(group.parties)), level=2))
    for group in groups:
        public = group.sensitivity is not None and _is_open(group.sensitivity)
        if group.linked and public and not group.parties:
            gaps.add(
                GapCode.FOCUS_AREA_WITHOUT_COMMITMENT,
                f"Fokusområdet {_quoted(group.title)} saknar löften.",
            )
    return sections


# --- the service --------------------------------------------------------------------


@dataclass
class _Gaps:
    """Collects gaps once each, in order."""

    items: list[Gap] = field(default_factory=list)

    def add(self, code: GapCode, text: str) -> None:
        gap = Gap(code, text)
        if gap not in self.items:
            self.items.append(gap)

    def result(self) -> tuple[Gap, ...]:
        return tuple(self.items)


class DocumentService:
    """Build document models from the chain; see the module's docstring for the audiences."""

    def __init__(
        self,
        *,
        uow: Callable[[], UnitOfWork],
        chain: ChainService | None = None,
        situation: SituationService | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._uow = uow
        self._chain = chain or ChainService(uow=uow, today=today)
        self._situation = situation or SituationService(uow=uow)
        self._today = today

    def build(
        self,
        kind: DocumentKind | str,
        record_id: uuid.UUID,
        *,
        period_from: date | None = None,
        period_to: date | None = None,
    ) -> Document:
        """Build the document of ``kind`` about one record.

        ``lofte`` and ``atgardsplan`` take a promise; ``aterkoppling`` a dialogue;
        ``lagesbild`` a situation picture; ``uppfoljning`` a promise or an agreement (all
        its promises) and a period, by default :meth:`default_period`.
        """
        try:
            kind = DocumentKind(kind)
        except ValueError:
            known = ", ".join(k.value for k in DocumentKind)
            raise InvalidInput("kind", f"unknown document '{kind}' (known: {known})") from None
        if kind is DocumentKind.PROMISE:
            return self.promise_document(record_id)
        if kind is DocumentKind.ACTION_PLAN:
            return self.action_plan(record_id)
        if kind is DocumentKind.FOLLOW_UP:
            return self.follow_up_report(record_id, period_from=period_from, period_to=period_to)
        if kind is DocumentKind.SITUATION:
            return self.situation_document(record_id)
        return self.feedback_letter(record_id)

    def default_period(self, record_id: uuid.UUID) -> tuple[date, date]:
        """Return a follow-up report's default period for a promise or an agreement.

        From the record's period start to today, or to the period's end if that is
        earlier (the whole period if it has not begun).
        """
        try:
            promise = self._chain.promise_trace(record_id).promise
            start, end = promise.period_start, promise.period_end
        except RecordNotFound:
            try:
                agreement = self._chain.agreement(record_id)
            except RecordNotFound:
                raise RecordNotFound("promises or agreements", str(record_id)) from None
            start, end = agreement.period_start, agreement.period_end
        today = self._today()
        return start, (min(today, end) if today >= start else end)

    # --- lofte ------------------------------------------------------------------

    def promise_document(self, promise_id: uuid.UUID) -> Document:
        """The medborgarlöfte as published to citizens (open records only)."""
        trace = self._chain.promise_trace(promise_id)
        promise = trace.promise
        if not _is_open(promise.sensitivity):
            raise NotForCitizens("promises", str(promise.id), promise.sensitivity.value)
        gaps = _Gaps()
        withheld = 0
        sections: list[Section] = []
        kommun = promise.municipality_name

        if promise.public_text.strip():
            sections.append(
                Section("Vårt löfte", (Paragraph(promise.public_text, TextStyle.LEAD),))
            )
        else:
            gaps.add(GapCode.NO_PUBLIC_TEXT, "Löftet saknar en text till medborgarna.")

        # What each party promises (police, municipality, partners), by focus area.
        commitments = [c for c in trace.commitments if _is_open(c.sensitivity)]
        withheld += len(trace.commitments) - len(commitments)
        sections += _citizen_commitments(
            group_by_focus_area(commitments, [p.problem for p in trace.problems]), gaps
        )
        if not trace.commitments:
            gaps.add(GapCode.PROMISE_WITHOUT_COMMITMENT, "Löftet saknar åtaganden.")
        else:
            if not any(c.party is Party.POLICE for c in commitments):
                gaps.add(GapCode.NO_POLICE_COMMITMENT, "Polisens löfte saknas.")
            if not any(c.party is Party.MUNICIPALITY for c in commitments):
                gaps.add(GapCode.NO_MUNICIPALITY_COMMITMENT, "Kommunens löfte saknas.")

        # Why: the focus areas, what citizens told us, and the open sources.
        background: list[Block] = []
        open_problems = [p for p in trace.problems if _is_open(p.problem.sensitivity)]
        withheld += len(trace.problems) - len(open_problems)
        for problem_trace in open_problems:
            problem = problem_trace.problem
            background.append(Subheading(problem.title))
            if problem.description.strip():
                background.append(Paragraph(problem.description))
            facts = [
                (label, value.strip())
                for label, value in (
                    ("Var", problem.location),
                    ("När", problem.timing),
                    ("Vilka berörs", problem.affected),
                )
                if value.strip()
            ]
            if facts:
                background.append(Facts(tuple(facts)))
            if not problem_trace.concerns:
                gaps.add(
                    GapCode.PROBLEM_WITHOUT_CONCERN,
                    f"Fokusområdet {_quoted(problem.title)} saknar stöd i synpunkter från "
                    "dialoger.",
                )
        if background:
            sections.append(Section("Därför har vi valt de här områdena", tuple(background)))
        if not trace.problems:
            gaps.add(GapCode.PROMISE_WITHOUT_PROBLEM, "Löftet saknar fokusområden.")

        heard = self._what_citizens_said(trace, open_problems)
        if heard:
            sections.append(Section("Det här har ni berättat för oss", heard))

        seen_sources: set[uuid.UUID] = set()
        source_items: list[str] = []
        for problem_trace in open_problems:
            for source in problem_trace.sources:
                if source.police_only or not _is_open(source.sensitivity):
                    continue
                if source.id not in seen_sources:
                    seen_sources.add(source.id)
                    source_items.append(f"{SOURCE_TYPE[source.source_type]}: {source.description}")
        if source_items:
            sections.append(Section("Underlag", (BulletList(tuple(source_items)),)))

        # How it is followed up.
        follow: list[Block] = []
        agreement = trace.agreement
        public_agreement = agreement is not None and _is_open(agreement.sensitivity)
        if agreement is not None and public_agreement and agreement.follow_up_plan.strip():
            follow.append(Paragraph(agreement.follow_up_plan))
        indicators = [i for i in trace.indicators if _is_open(i.sensitivity)]
        if indicators:
            follow.append(Paragraph("Vi mäter om löftet gör skillnad med de här måtten:"))
            follow.append(BulletList(tuple(_indicator_item(i) for i in indicators)))
        if follow:
            sections.append(Section("Så följer vi upp löftet", tuple(follow)))
        else:
            gaps.add(GapCode.NO_FOLLOW_UP_PLAN, "Det saknas en plan för hur löftet följs upp.")
        if not trace.measures:
            gaps.add(GapCode.PROMISE_WITHOUT_MEASURE, "Löftet saknar åtgärder.")

        # Who signed it.
        if agreement is not None and _is_open(agreement.sensitivity):
            parties = [p for p in agreement.parties if _is_open(p.sensitivity)]
            if parties:
                sections.append(
                    Section(
                        "Undertecknat av",
                        (
                            Table(
                                (
                                    TableColumn("Part", 4),
                                    TableColumn("Namn", 3),
                                    TableColumn("Titel", 3),
                                    TableColumn("Datum", 2),
                                ),
                                tuple(
                                    (
                                        TableCell(p.organisation_name),
                                        TableCell(p.signatory_name),
                                        TableCell(p.signatory_title),
                                        TableCell(
                                            swedish_date(p.signed_on) if p.signed_on else "–"
                                        ),
                                    )
                                    for p in parties
                                ),
                            ),
                        ),
                    )
                )
        if promise.status is PromiseStatus.DRAFT:
            gaps.add(GapCode.NOT_SIGNED, "Löftet är ett utkast och är ännu inte undertecknat.")
        if withheld:
            gaps.add(
                GapCode.WITHHELD,
                f"{_count(withheld, 'del är markerad', 'delar är markerade')} som intern eller "
                "sekretess och finns inte med.",
            )
        issuer = f"Polisen och {kommun} kommun" if kommun else "Polisen"
        return Document(
            kind=DocumentKind.PROMISE,
            audience=Audience.CITIZENS,
            issuer=issuer,
            title=promise.title,
            subtitle=f"Medborgarlöfte som gäller {_promise_period(promise)}",
            sections=tuple(sections),
            gaps=gaps.result(),
            issued_on=self._today(),
            footer=f"{promise.title} · {issuer}",
            gaps_heading="Att åtgärda innan löftet publiceras",
        )

    @staticmethod
    def _what_citizens_said(trace: PromiseTrace, problems: Sequence[object]) -> tuple[Block, ...]:
        """Themes citizens raised, counted over open concerns of open citizen dialogues."""
        public_dialogues = {
            d.id: d
            for d in trace.dialogues
            if d.kind is DialogueKind.CITIZEN and _is_open(d.sensitivity)
        }
        people: dict[str, int] = defaultdict(int)
        dialogues_by_theme: dict[str, set[uuid.UUID]] = defaultdict(set)
        seen: set[uuid.UUID] = set()
        for problem_trace in trace.problems:
            if problem_trace not in problems:
                continue
            for concern in problem_trace.concerns:
                if concern.id in seen or concern.dialogue_id not in public_dialogues:
                    continue
                if not _is_open(concern.sensitivity):
                    continue
                seen.add(concern.id)
                people[concern.theme] += concern.raised_count
                dialogues_by_theme[concern.theme].add(concern.dialogue_id)
        if not seen:
            return ()
        used = {d for ids in dialogues_by_theme.values() for d in ids}
        formats = sorted({DIALOGUE_FORMAT[public_dialogues[d].format] for d in used})
        intro = (
            f"Löftet bygger på {_count(len(seen), 'synpunkt', 'synpunkter')} från "
            f"{_count(len(used), 'medborgardialog', 'medborgardialoger')}"
        )
        # A handful of formats says how we listened; ten of them is only a list.
        intro += f" ({_join(formats)})." if len(formats) <= 3 else "."
        items = tuple(
            f"{theme}: framfört av {_count(people[theme], 'person', 'personer')} i "
            f"{_count(len(dialogues_by_theme[theme]), 'dialog', 'dialoger')}"
            for theme in sorted(people, key=lambda t: (-people[t], t))
        )
        return (Paragraph(intro), BulletList(items))

    # --- atgardsplan ------------------------------------------------------------

    def action_plan(self, promise_id: uuid.UUID) -> Document:
        """The action plan of a promise, as Brå's table (internal)."""
        trace = self._chain.promise_trace(promise_id)
        promise = trace.promise
        sections: list[Section] = [
            Section(
                "Läget",
                (
                    Facts(
                        (
                            ("Löfte", promise.title),
                            ("Status", PROMISE_STATUS[promise.status]),
                            ("Period", swedish_period(promise.period_start, promise.period_end)),
                            *_progress_facts(trace.progress),
                        )
                    ),
                ),
            )
        ]
        by_problem: dict[uuid.UUID | None, list[MeasureView]] = defaultdict(list)
        focus = {p.problem.id for p in trace.problems}
        for measure in trace.measures:
            by_problem[measure.problem_id if measure.problem_id in focus else None].append(measure)
        descriptions: dict[uuid.UUID | None, str] = {
            p.problem.id: p.problem.description for p in trace.problems
        }
        # Each focus area: what the parties promise, then the measures; then the words about
        # a problem no longer a focus area, and about the whole promise.
        for group in group_by_focus_area(trace.commitments, [p.problem for p in trace.problems]):
            if group.whole_promise:
                heading = "Hela löftet"
            elif group.linked:
                heading = f"Fokusområde: {group.title}"
            else:
                heading = f"{group.title} (inte längre ett av löftets fokusområden)"
            description = descriptions.get(group.problem_id, "").strip()
            blocks: list[Block] = [Paragraph(description)] if description else []
            blocks += _party_blocks(group.parties) or [
                Paragraph("Inga löften för fokusområdet ännu.")
            ]
            sections.append(Section(heading, tuple(blocks)))
            if group.linked:
                measures = by_problem.get(group.problem_id, [])
                sections.append(
                    Section(
                        "Åtgärder",
                        (
                            _action_table(measures)
                            if measures
                            else Paragraph("Inga åtgärder ännu."),
                        ),
                        level=2,
                    )
                )
        if by_problem.get(None):
            sections.append(
                Section("Åtgärder utan fokusområde", (_action_table(by_problem[None]),))
            )
        return Document(
            kind=DocumentKind.ACTION_PLAN,
            audience=Audience.INTERNAL,
            issuer=_issuer(promise),
            title="Åtgärdsplan",
            subtitle=f"{promise.title} · {_promise_period(promise)}",
            sections=tuple(sections),
            gaps=_chain_gaps(trace.breaks),
            issued_on=self._today(),
            footer=f"Åtgärdsplan · {promise.title} · Intern",
            landscape=True,
            gaps_heading="Luckor i kedjan",
        )

    # --- uppfoljning ------------------------------------------------------------

    def follow_up_report(
        self,
        record_id: uuid.UUID,
        *,
        period_from: date | None = None,
        period_to: date | None = None,
    ) -> Document:
        """A follow-up report for a period, of a promise or of all an agreement's promises.

        Internal. ``record_id`` is a promise's or an agreement's id. The period defaults
        to the record's own period start up to today, or up to its end if that is earlier.
        Each measure's status and mark are those of its latest follow-up held on or before
        the period's end (the measure's current status if it has none by then).
        """
        today = self._today()
        try:
            traces = [self._chain.promise_trace(record_id)]
            agreement = None
            start, end = traces[0].promise.period_start, traces[0].promise.period_end
        except RecordNotFound:
            try:
                agreement = self._chain.agreement(record_id)
            except RecordNotFound:
                raise RecordNotFound("promises or agreements", str(record_id)) from None
            ids = self._chain.agreement_promise_ids(record_id)
            traces = [self._chain.promise_trace(promise_id) for promise_id in ids]
            start, end = agreement.period_start, agreement.period_end
        first = period_from or start
        last = period_to or (min(today, end) if today >= start else end)
        if first > last:
            raise InvalidInput("period", f"the period starts ({first}) after it ends ({last})")
        gaps = _Gaps()
        sections: list[Section] = []
        if agreement is not None:
            title_of_record = agreement.title
            issuer = (
                f"Polisen och {agreement.municipality_name} kommun"
                if agreement.municipality_name
                else "Polisen"
            )
            if not traces:
                gaps.add(
                    GapCode.PROMISE_WITHOUT_MEASURE, "Överenskommelsen saknar medborgarlöften."
                )
            for trace in traces:
                sections.append(
                    Section(trace.promise.title, (Paragraph(_promise_line(trace.promise)),))
                )
                sections += self._follow_up_sections(trace, first, last, gaps, level=2)
        else:
            trace = traces[0]
            title_of_record = trace.promise.title
            issuer = _issuer(trace.promise)
            sections += self._follow_up_sections(trace, first, last, gaps, level=1)
        period = f"{swedish_date(first)} – {swedish_date(last)}"
        return Document(
            kind=DocumentKind.FOLLOW_UP,
            audience=Audience.INTERNAL,
            issuer=issuer,
            title="Uppföljning",
            subtitle=f"{title_of_record} · {period}",
            sections=tuple(sections),
            gaps=gaps.result(),
            issued_on=today,
            footer=f"Uppföljning {period} · {title_of_record} · Intern",
            gaps_heading="Luckor i uppföljningen",
        )

    def _follow_up_sections(
        self, trace: PromiseTrace, first: date, last: date, gaps: _Gaps, *, level: int
    ) -> list[Section]:
        prefix = f"{trace.promise.title}: " if level == 2 else ""
        held = [f for f in trace.follow_ups if first <= f.held_on <= last]
        states = []
        for m in trace.measures:
            line = m.latest_until(last)
            states.append(
                (line.status if line else m.status, line.mark if line else None, bool(line))
            )
        progress = derive_progress(states)
        hours = sum(f.hours or 0.0 for f in held)
        summary = Facts(
            (
                ("Uppföljningar under perioden", str(len(held))),
                ("Timmar under perioden", _number(hours)),
                *_progress_facts(progress),
            )
        )
        sections = [Section("Sammanfattning", (summary,), level)]
        if not trace.measures:
            gaps.add(
                GapCode.PROMISE_WITHOUT_MEASURE,
                f"{prefix}Löftet saknar åtgärder.",
            )
        else:
            rows = []
            for m in trace.measures:
                line = m.latest_until(last)
                in_period = [ln for ln in m.lines if first <= ln.held_on <= last]
                line_hours = sum(ln.hours or 0.0 for ln in in_period)
                status = line.status if line else m.status
                mark = line.mark if line else None
                note = next((ln.note for ln in reversed(in_period) if ln.note.strip()), "")
                rows.append(
                    (
                        TableCell(m.title),
                        TableCell(m.responsible or "–"),
                        TableCell(MEASURE_STATUS[status]),
                        TableCell(MARK[mark] if mark else "–", mark),
                        TableCell(_number(line_hours) if in_period else "–"),
                        TableCell(note or "–"),
                    )
                )
                if not in_period and m.status is not MeasureStatus.CANCELLED:
                    gaps.add(
                        GapCode.NOT_FOLLOWED_UP_IN_PERIOD,
                        f"{prefix}Åtgärden {_quoted(m.title)} följdes inte upp under perioden.",
                    )
            sections.append(
                Section(
                    f"Åtgärdernas läge den {swedish_date(last)}",
                    (
                        Table(
                            (
                                TableColumn("Åtgärd", 6),
                                TableColumn("Ansvarig", 5),
                                TableColumn("Status", 3),
                                TableColumn("Markering", 3),
                                TableColumn("Timmar", 3),
                                TableColumn("Kommentar", 4),
                            ),
                            tuple(rows),
                        ),
                    ),
                    level,
                )
            )
        if held:
            blocks: list[Block] = []
            for f in held:
                blocks.append(Subheading(f"{swedish_date(f.held_on)} – {FOLLOW_UP_KIND[f.kind]}"))
                if f.narrative.strip():
                    blocks.append(Paragraph(f.narrative))
                facts = [("Timmar", _number(f.hours))]
                if f.reported_to.strip():
                    facts.insert(0, ("Rapporterad till", f.reported_to))
                blocks.append(Facts(tuple(facts)))
            sections.append(Section("Uppföljningstillfällen", tuple(blocks), level))
        else:
            gaps.add(GapCode.NO_FOLLOW_UP_IN_PERIOD, f"{prefix}Ingen uppföljning under perioden.")
        if trace.indicators:
            sections.append(
                Section(
                    "Indikatorer",
                    (_indicator_table(trace.indicators, last),),
                    level,
                )
            )
        return sections

    # --- aterkoppling -----------------------------------------------------------

    def feedback_letter(self, dialogue_id: uuid.UUID) -> Document:
        """A letter to a dialogue's participants: what you told us, what we did, what next.

        For citizens: only open concerns, problems, promises and measures are used.
        """
        trace = self._chain.dialogue_trace(dialogue_id)
        dialogue = trace.dialogue
        if not _is_open(dialogue.sensitivity):
            raise NotForCitizens("dialogues", str(dialogue.id), dialogue.sensitivity.value)
        gaps = _Gaps()
        when = swedish_date(dialogue.starts_at.astimezone().date())
        kommun = dialogue.municipality_name
        what = DIALOGUE_FORMAT[dialogue.format]
        intro = f"Tack för att du deltog i vår {what} {_quoted(dialogue.title)} den {when}"
        intro += f" i {kommun}." if kommun else "."
        if dialogue.participant_count:
            intro += f" Ni var {_count(dialogue.participant_count, 'deltagare', 'deltagare')}."
        intro += " Här berättar vi vad ni sa, vad vi har gjort och vad som händer nu."
        sections: list[Section] = [Section("", (Paragraph(intro, TextStyle.LEAD),))]

        outcomes = [o for o in trace.concerns if _is_open(o.concern.sensitivity)]
        withheld = len(trace.concerns) - len(outcomes)
        if dialogue.status is DialogueStatus.PLANNED:
            gaps.add(GapCode.DIALOGUE_NOT_HELD, "Dialogen är inte genomförd ännu.")
        if not trace.concerns:
            gaps.add(GapCode.DIALOGUE_WITHOUT_CONCERN, "Dialogen saknar synpunkter.")

        said: list[str] = []
        for outcome in outcomes:
            said.append(_concern_item(outcome.concern))
        if said:
            sections.append(Section("Det här berättade ni för oss", (BulletList(tuple(said)),)))

        # What we did: each open problem once, with the themes that led to it.
        themes: dict[uuid.UUID, list[str]] = defaultdict(list)
        problems: dict[uuid.UUID, ProblemView] = {}
        promises: dict[uuid.UUID, list[PromiseView]] = {}
        measures: dict[uuid.UUID, list[MeasureView]] = {}
        for outcome in outcomes:
            if not outcome.problems:
                gaps.add(
                    GapCode.CONCERN_WITHOUT_PROBLEM,
                    f"Synpunkten om {outcome.concern.theme.lower()} är inte kopplad till "
                    "något problem.",
                )
            for p in outcome.problems:
                if not _is_open(p.problem.sensitivity):
                    continue
                problems[p.problem.id] = p.problem
                if outcome.concern.theme not in themes[p.problem.id]:
                    themes[p.problem.id].append(outcome.concern.theme)
                promises[p.problem.id] = [
                    pr
                    for pr in p.promises
                    if _is_open(pr.sensitivity) and pr.status in _FOLLOWED_PROMISE
                ]
                measures[p.problem.id] = [
                    m
                    for m in p.measures
                    if _is_open(m.sensitivity) and m.status is not MeasureStatus.CANCELLED
                ]
        done_blocks: list[Block] = []
        next_items: list[str] = []
        for problem_id, problem in problems.items():
            topic = _join([t.lower() for t in themes[problem_id]])
            done_blocks.append(Subheading(problem.title))
            text = f"Det ni sa om {topic} ingår i vårt arbete med {_quoted(problem.title)}."
            for promise in promises[problem_id]:
                period = swedish_period(promise.period_start, promise.period_end)
                text += f" Det är ett av fokusområdena i {_quoted(promise.title)} ({period})."
            done_blocks.append(Paragraph(text))
            finished = [m for m in measures[problem_id] if m.status is MeasureStatus.DONE]
            running = [m for m in measures[problem_id] if m.status in _OPEN_MEASURE]
            if finished:
                done_blocks.append(BulletList(tuple(f"{m.title} – genomförd" for m in finished)))
            if not measures[problem_id]:
                gaps.add(
                    GapCode.PROBLEM_WITHOUT_MEASURE,
                    f"Problemet {_quoted(problem.title)} saknar åtgärder.",
                )
            for m in running:
                if m.status is MeasureStatus.IN_PROGRESS:
                    until = f" till {swedish_date(m.ends_on)}" if m.ends_on else ""
                    next_items.append(f"{m.title} – pågår{until}")
                else:
                    since = f" från {swedish_date(m.starts_on)}" if m.starts_on else ""
                    next_items.append(f"{m.title} – planeras{since}")
        if done_blocks:
            sections.append(Section("Det här har vi gjort", tuple(done_blocks)))
        elif outcomes:
            gaps.add(GapCode.NOTHING_DONE, "Det finns ännu inget gjort att berätta om.")
        all_promises = {pr.id: pr for items in promises.values() for pr in items}
        for promise in all_promises.values():
            next_items.append(
                f"Medborgarlöftet {_quoted(promise.title)} gäller till "
                f"{swedish_date(promise.period_end)} och följs upp under tiden."
            )
        if next_items:
            sections.append(
                Section("Det här händer nu", (BulletList(tuple(dict.fromkeys(next_items))),))
            )
        elif outcomes:
            gaps.add(GapCode.NOTHING_NEXT, "Det finns inget planerat att berätta om.")
        if withheld:
            gaps.add(
                GapCode.WITHHELD,
                f"{_count(withheld, 'synpunkt är markerad', 'synpunkter är markerade')} som "
                "intern eller sekretess och finns inte med.",
            )
        sections.append(Section("", self._closing()))
        issuer = f"Polisen i {kommun}" if kommun else "Polisen"
        return Document(
            kind=DocumentKind.FEEDBACK,
            audience=Audience.CITIZENS,
            issuer=issuer,
            title="Återkoppling",
            subtitle=f"{dialogue.title} · {when}",
            sections=tuple(sections),
            gaps=gaps.result(),
            issued_on=self._today(),
            footer=f"Återkoppling · {dialogue.title}",
            gaps_heading="Att åtgärda innan brevet skickas",
        )

    # --- lagesbild --------------------------------------------------------------

    def situation_document(self, picture_id: uuid.UUID) -> Document:
        """A situation picture: scope, period, aggregates, trends, ranked problems, sources.

        Internal: police-only sources are listed, marked "Endast polis", and the first page
        says the document must not be spread. The aggregates are computed again for the
        picture's scope and period; an area picture (its scope stored only as a name)
        cannot be computed again, which the gaps say.
        """
        picture = self._situation.picture(picture_id)
        scope = scope_of_picture(picture)
        summary = self._situation.summarize(scope, picture.period) if scope else None
        gaps = _Gaps()
        area = self._picture_area(picture)
        period = swedish_period(picture.period.start, picture.period.end)
        police_only = picture.police_only_sources
        notice = (
            "Intern lägesbild för polisen och kommunens samverkan; den ska inte spridas vidare."
        )
        if police_only:
            notice += (
                " Källor markerade ”Endast polis” är polisens underrättelser och får inte "
                "lämna polisen."
            )
        intro: list[Block] = [Paragraph(notice, TextStyle.NOTE)]
        if picture.summary.strip():
            intro.append(Paragraph(picture.summary, TextStyle.LEAD))
        else:
            gaps.add(GapCode.NO_SUMMARY, "Lägesbilden saknar en sammanfattning.")
        facts = [
            ("Område", area or "–"),
            ("Period", period),
            ("Lägesbild", SITUATION_OWNER[picture.owner]),
        ]
        if summary is not None:
            totals = summary.totals
            facts += [
                (
                    "Underlag från dialoger",
                    f"{_count(totals.weight, 'person', 'personer')} tog upp "
                    f"{_count(totals.concerns, 'synpunkt', 'synpunkter')} i "
                    f"{_count(totals.dialogues, 'dialog', 'dialoger')}",
                ),
                (
                    "Jämfört med",
                    f"{swedish_date(summary.previous.start)} – "
                    f"{swedish_date(summary.previous.end)}: "
                    f"{_count(summary.totals_before.weight, 'person', 'personer')}",
                ),
            ]
        intro.append(Facts(tuple(facts)))
        sections: list[Section] = [Section("", tuple(intro))]

        if summary is None:
            gaps.add(
                GapCode.SCOPE_NOT_COMPUTABLE,
                f"Lägesbildens område ({area or 'okänt'}) kan inte räknas fram igen; "
                "sammanställningen av synpunkter saknas.",
            )
        elif summary.totals.concerns == 0:
            gaps.add(GapCode.NO_CONCERNS_IN_PERIOD, "Inga synpunkter från dialoger under perioden.")
        else:
            sections += _summary_sections(summary, picture.trends)
        if summary is None and picture.trends.strip():
            sections.append(Section("Trender", (Paragraph(picture.trends),)))

        if picture.problems:
            rows = []
            for problem in picture.problems:
                rows.append(
                    (
                        TableCell(str(problem.rank)),
                        TableCell(problem.title),
                        TableCell(PROBLEM_STATUS[problem.status]),
                        TableCell(str(problem.concerns)),
                        TableCell(str(problem.weight)),
                    )
                )
                if not problem.concerns:
                    gaps.add(
                        GapCode.PROBLEM_WITHOUT_CONCERN,
                        f"Problemet {_quoted(problem.title)} saknar stöd i synpunkter från "
                        "dialoger.",
                    )
            sections.append(
                Section(
                    "Prioriterade problem",
                    (
                        Table(
                            (
                                TableColumn("Rang", 2),
                                TableColumn("Problem", 12),
                                TableColumn("Status", 3),
                                TableColumn("Synpunkter", 3),
                                TableColumn("Antal som tagit upp", 4),
                            ),
                            tuple(rows),
                        ),
                    ),
                )
            )
        else:
            gaps.add(GapCode.NO_RANKED_PROBLEMS, "Lägesbilden saknar prioriterade problem.")

        if picture.sources:
            items = []
            for source in picture.sources:
                item = f"{SOURCE_TYPE[source.source_type]}: {source.description}"
                items.append(f"{item} – Endast polis" if source.police_only else item)
            sections.append(Section("Källor", (BulletList(tuple(items)),)))
        else:
            gaps.add(GapCode.NO_SOURCES, "Lägesbilden saknar källor.")

        return Document(
            kind=DocumentKind.SITUATION,
            audience=Audience.INTERNAL,
            issuer=self._picture_issuer(picture, area),
            title="Lägesbild",
            subtitle=f"{picture.title} · {period}",
            sections=tuple(sections),
            gaps=gaps.result(),
            issued_on=self._today(),
            footer=f"Lägesbild · {picture.title} · Intern",
            gaps_heading="Luckor i lägesbilden",
        )

    def _picture_area(self, picture: PictureView) -> str:
        """Name the picture's area: its kommun, its lokalpolisområde, or its stored name."""
        with self._uow() as uow:
            if picture.scope is SituationScope.MUNICIPALITY and picture.municipality_code:
                name = uow.session.scalar(
                    select(Municipality.name).where(Municipality.code == picture.municipality_code)
                )
                return f"{name} kommun" if name else picture.area
            if picture.scope is SituationScope.DISTRICT and picture.district_id:
                name = uow.session.scalar(
                    select(District.name).where(District.id == picture.district_id)
                )
                return name or picture.area
        return picture.area

    @staticmethod
    def _picture_issuer(picture: PictureView, area: str) -> str:
        if picture.owner is SituationOwner.POLICE:
            return "Polisen"
        if picture.owner is SituationOwner.MUNICIPALITY:
            return area if picture.scope is SituationScope.MUNICIPALITY else "Kommunen"
        if picture.scope is SituationScope.MUNICIPALITY and area:
            return f"Polisen och {area}"
        return "Polisen och kommunerna"

    def _closing(self) -> tuple[Block, ...]:
        with self._uow() as uow:
            profile = uow.session.scalars(select(Profile)).first()
            name = profile.name if profile else ""
            district = (profile.district_name or "") if profile else ""
        lines = [
            "Med vänliga hälsningar",
            name,
            "Kommunpolis" + (f", {district}" if district else ""),
        ]
        return (
            Paragraph("Har du frågor eller fler synpunkter? Hör gärna av dig till oss."),
            Paragraph("\n".join(line for line in lines if line), TextStyle.SIGNATURE),
        )


# --- helpers ------------------------------------------------------------------------


def _issuer(promise: PromiseView) -> str:
    return (
        f"Polisen och {promise.municipality_name} kommun"
        if promise.municipality_name
        else "Polisen"
    )


def _promise_period(promise: PromiseView) -> str:
    return swedish_period(promise.period_start, promise.period_end)


def _promise_line(promise: PromiseView) -> str:
    return (
        f"{PROMISE_STATUS[promise.status]}, "
        f"{swedish_period(promise.period_start, promise.period_end)}."
    )


def _concern_item(concern: ConcernView) -> str:
    where = [concern.place] if concern.place else []
    when = TIME_PATTERN[concern.time_pattern]
    if when:
        where.append(when)
    head = concern.theme + (f" ({', '.join(where)})" if where else "")
    text = concern.text.strip()
    item = f"{head}: {text}" if text else head
    if concern.answer.strip():
        item += f" Vårt svar: {concern.answer.strip()}"
    return item


def _indicator_item(indicator: IndicatorView) -> str:
    unit = f" {indicator.unit}" if indicator.unit else ""
    if indicator.baseline is not None and indicator.target is not None:
        return (
            f"{indicator.name}: från {_number(indicator.baseline)}{unit} "
            f"till {_number(indicator.target)}{unit}"
        )
    return indicator.name


def _indicator_table(indicators: Iterable[IndicatorView], last: date) -> Table:
    rows = []
    for i in indicators:
        value = next((v for v in reversed(i.values) if v.measured_on <= last), None)
        unit = f" {i.unit}" if i.unit else ""
        rows.append(
            (
                TableCell(i.name),
                TableCell(INDICATOR_SOURCE[i.source_kind] + (f": {i.source}" if i.source else "")),
                TableCell(_number(i.baseline) + (unit if i.baseline is not None else "")),
                TableCell(_number(i.target) + (unit if i.target is not None else "")),
                TableCell(
                    f"{_number(value.value)}{unit} ({swedish_date(value.measured_on)})"
                    if value
                    else "–"
                ),
            )
        )
    return Table(
        (
            TableColumn("Indikator", 5),
            TableColumn("Källa", 4),
            TableColumn("Utgångsvärde", 2),
            TableColumn("Mål", 2),
            TableColumn("Senast uppmätt", 3),
        ),
        tuple(rows),
    )


def _action_table(measures: Sequence[MeasureView]) -> Table:
    rows = []
    for m in measures:
        latest = m.latest
        cause = f"{m.cause_number}. {m.cause_text}" if m.cause_number else (m.cause_text or "–")
        follow = (
            f"{MARK[latest.mark] if latest.mark else 'Utan markering'}, "
            f"{swedish_date(latest.held_on)}"
            if latest
            else "Inte uppföljd"
        )
        rows.append(
            (
                TableCell(cause),
                TableCell(m.title),
                TableCell(m.operational_goal or "–"),
                TableCell(_measure_period(m)),
                TableCell(m.responsible or "–"),
                TableCell(MEASURE_STATUS[m.status]),
                TableCell(follow, latest.mark if latest else None),
            )
        )
    return Table(
        (
            TableColumn("Orsak", 4),
            TableColumn("Åtgärd", 5),
            TableColumn("Operativt mål", 5),
            TableColumn("När", 3),
            TableColumn("Vem", 3),
            TableColumn("Status", 2),
            TableColumn("Uppföljning", 3),
        ),
        tuple(rows),
    )


_BREAK_TEXT: dict[BreakKind, str] = {
    BreakKind.PROMISE_WITHOUT_PROBLEM: "Löftet saknar fokusområden.",
    BreakKind.PROMISE_WITHOUT_COMMITMENT: "Löftet saknar åtaganden.",
    BreakKind.PROMISE_WITHOUT_MEASURE: "Löftet saknar åtgärder.",
    BreakKind.PROBLEM_WITHOUT_CONCERN: (
        "Fokusområdet {title} saknar stöd i synpunkter från dialoger."
    ),
    BreakKind.PROBLEM_WITHOUT_MEASURE: "Fokusområdet {title} saknar åtgärder.",
    BreakKind.MEASURE_WITHOUT_PROBLEM: (
        "Åtgärden {title} hör inte till något av löftets fokusområden."
    ),
    BreakKind.MEASURE_WITHOUT_FOLLOW_UP: "Åtgärden {title} har inte följts upp.",
    BreakKind.MEASURE_OVERDUE: "Åtgärden {title} skulle ha varit klar.",
    BreakKind.DIALOGUE_WITHOUT_CONCERN: "Dialogen {title} saknar synpunkter.",
    BreakKind.CONCERN_WITHOUT_PROBLEM: "En synpunkt om {title} är inte kopplad till något problem.",
    BreakKind.DIALOGUE_NOT_FED_BACK: "Deltagarna i {title} har inte fått återkoppling.",
}


def break_text(kind: BreakKind, title: str) -> str:
    """Return the plain Swedish words for one break of the chain."""
    if kind is BreakKind.CONCERN_WITHOUT_PROBLEM:
        return _BREAK_TEXT[kind].format(title=title.lower())
    return _BREAK_TEXT[kind].format(title=_quoted(title))


def _chain_gaps(breaks: Iterable[ChainBreak]) -> tuple[Gap, ...]:
    """Name the chain's breaks; the dialogues not fed back as one line, not dozens."""
    gaps = _Gaps()
    not_fed_back = 0
    for item in breaks:
        if item.kind is BreakKind.DIALOGUE_NOT_FED_BACK:
            not_fed_back += 1
            continue
        gaps.add(GapCode(item.kind.value), break_text(item.kind, item.title))
    if not_fed_back:
        gaps.add(
            GapCode.DIALOGUE_NOT_FED_BACK,
            f"{_count(not_fed_back, 'dialog', 'dialoger')} bakom löftet har inte fått "
            "återkoppling.",
        )
    return gaps.result()


# --- the lägesbild's aggregates -----------------------------------------------------


def _change_text(now: int, before: int) -> str:
    if before == 0:
        return "ny" if now else "–"
    change = now - before
    sign = "+" if change > 0 else ""
    return f"{sign}{change} ({sign}{round(change / before * 100)} %)"


def _counts_cells(counts: Counts) -> tuple[TableCell, ...]:
    return (
        TableCell(str(counts.weight)),
        TableCell(str(counts.concerns)),
        TableCell(str(counts.dialogues)),
    )


_COUNT_COLUMNS = (
    TableColumn("Antal som tagit upp", 3),
    TableColumn("Synpunkter", 3),
    TableColumn("Dialoger", 2),
)


def _rest_note(shown: int, total: int, what: str) -> tuple[Block, ...]:
    if total <= shown:
        return ()
    return (
        Paragraph(f"De {shown} största visas; ytterligare {total - shown} {what}.", TextStyle.NOTE),
    )


def _summary_sections(summary: SituationSummary, trends: str) -> list[Section]:
    """The lägesbild's charts and aggregate tables, heaviest rows first."""
    limit = SITUATION_TABLE_ROWS
    sections = [
        Section(
            "Diagram",
            (
                ChartRequest(
                    summary,
                    "Till vänster teman, efter hur många som tagit upp dem; i mitten antalet "
                    "över tid mot föregående periods snitt; till höger synpunkter per plats.",
                ),
            ),
        )
    ]
    theme_rows = tuple(
        (
            TableCell(row.name),
            *_counts_cells(row.counts),
            TableCell(str(row.weight_before)),
            TableCell(_change_text(row.counts.weight, row.weight_before)),
        )
        for row in summary.by_theme
    )
    trend_blocks: list[Block] = []
    if trends.strip():
        trend_blocks.append(Paragraph(trends))
    trend_blocks.append(
        Table(
            (
                TableColumn("Tema", 5),
                *_COUNT_COLUMNS,
                TableColumn("Föregående period", 3),
                TableColumn("Förändring", 4),
            ),
            theme_rows,
        )
    )
    sections.append(Section("Teman och trender", tuple(trend_blocks)))
    places = [row for row in summary.by_place]
    place_rows = tuple(
        (
            TableCell(row.name if row.place_id else "Utan plats"),
            TableCell(row.municipality_name or "–"),
            *_counts_cells(row.counts),
        )
        for row in places[:limit]
    )
    sections.append(
        Section(
            "Platser",
            (
                Table(
                    (TableColumn("Plats", 5), TableColumn("Kommun", 3), *_COUNT_COLUMNS), place_rows
                ),
                *_rest_note(min(limit, len(places)), len(places), "platser"),
            ),
        )
    )
    pairs = summary.by_theme_and_place
    pair_rows = tuple(
        (
            TableCell(row.theme_name),
            TableCell(row.place_name or "Utan plats"),
            *_counts_cells(row.counts),
        )
        for row in pairs[:limit]
    )
    sections.append(
        Section(
            "Tema på plats",
            (
                Table(
                    (TableColumn("Tema", 4), TableColumn("Plats", 4), *_COUNT_COLUMNS), pair_rows
                ),
                *_rest_note(min(limit, len(pairs)), len(pairs), "kombinationer"),
            ),
        )
    )
    when_rows = tuple(
        (TableCell(TIME_PATTERN_ROW[row.time_pattern].capitalize()), *_counts_cells(row.counts))
        for row in summary.by_time_pattern
    )
    format_rows = tuple(
        (TableCell(FORMAT_ROW[row.dialogue_format].capitalize()), *_counts_cells(row.counts))
        for row in summary.by_format
    )
    sections.append(
        Section(
            "När och hur",
            (
                Subheading("När problemen uppstår"),
                Table((TableColumn("Tid", 8), *_COUNT_COLUMNS), when_rows),
                Subheading("Hur synpunkterna samlades in"),
                Table((TableColumn("Dialogform", 8), *_COUNT_COLUMNS), format_rows),
            ),
        )
    )
    return sections

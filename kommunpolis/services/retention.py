"""Disposal and secrecy (gallring, sekretess): how long free text is kept, the run that
clears what is past it, and the records marked for secrecy review.

What is kept and what goes
--------------------------
DOMAIN.md asks the app to store aggregates, not identities, and to be able to purge old
personal data. A concern's theme, place, time pattern and count, a dialogue's date,
format, kommun and number of participants, statuses, dates and every link are the
aggregates the lägesbild and the chain are built from; they are kept for good. What a
person typed in free text — notes, a concern's words and the answer given, minutes —
may name or describe people despite the warnings, and is what a disposal run clears
(to ``""``, never by deleting the record).

Which free text goes follows the fields that warn about personal data
(``personal_data_warning`` in :mod:`kommunpolis.domain.record_fields`) and how likely
each is to describe a citizen: a decision's text and an action item's *what* (minutes in
small), a source's description (intelligence and partner reports describe people), a
follow-up's note per measure, and the people in a root-cause analysis's crime triangle —
the offender, the target or victim, whoever influences the offender or guards the
target — and its event chain. Kept: an action item's *responsible* and a measure's (an
official in their role; contacts are officials only), the analysis's SARA text, place
and place manager (they describe the problem and the place, not people, and the causes
and measures are read against them), and titles.

The retention times (months, per kind of text)
-----------------------------------------------
The defaults are conservative starting points, not legal advice: the police authority's
and the municipality's own information-management plans (informationshanteringsplan,
gallringsbeslut) decide, and these settings exist so an officer can follow them.

- **Dialogues** (notes, feedback text): 24 months after the dialogue. A lägesbild is
  renewed every year; two years cover the year it feeds and the following year's
  follow-up and återkoppling, after which the concerns' aggregates carry the trend.
- **Concerns** (the text and the answer given): 24 months after their dialogue, for the
  same reason; the theme, place and count stay for the trends.
- **Meetings** (agenda, minutes): 36 months after the meeting. The minutes document a
  samverkansöverenskommelse, which commonly runs three to four years; the municipality
  keeps the official minutes in its own registry, this is the officer's working copy.
  A meeting's decisions and action items go with it.
- **Follow-ups** (narrative, and the note per measure): 36 months after the follow-up,
  the length of a typical medborgarlöfte period, so the effect over the whole promise
  can still be read.
- **Sources** (a lägesbild source's description): 24 months after the end of the
  lägesbild's period — the same yearly rhythm as the dialogues it is read with.
- **Analyses** (a root-cause analysis's offender, target, their handler and guardian,
  event chain): 36 months after the analysis was last changed, the length of an
  agreement; while a promise or agreement still builds on the problem it is held anyway.
- **Sekretess** (a cap): 12 months. Records marked *sekretess* hold the most sensitive,
  police-only material; in the spirit of the police data act (2018:1693) — data that did
  not lead anywhere is kept as briefly as the purpose allows — such a record's text is
  cleared after the shorter of its kind's time and this one. *Intern* and *öppen*
  records follow their kind's time. A record counts as sekretess if it or the record it
  belongs to is so marked (a concern's dialogue, a decision's or action item's meeting, a
  source's lägesbild, an analysis's problem, a measure note's follow-up), and a
  police-only source always does.

0 months means "never cleared" (the sekretess cap then does not apply either).

What a run never touches
------------------------
A record an open promise or agreement depends on keeps its text, however old: a concern
linked (live :class:`~kommunpolis.storage.tables.ProblemConcern`) to a problem that is a
focus area of a promise not yet *avslutat*, addressed by an agreement not yet
*utgången*, or answered by a measure of such a promise; a dialogue with such a concern
(its feedback is the återkoppling for it); a follow-up of such a promise, and a
follow-up's note on a measure of such a promise; a source that is evidence (live
:class:`~kommunpolis.storage.tables.ProblemSource`) for such a problem; the analysis of
such a problem, or of a cause a measure of such a promise answers. These are listed as
*held* in the preview, not cleared. Nothing links a meeting to a promise, so meetings,
their decisions and action items are never held.

How a run goes
--------------
:meth:`PurgeService.preview` lists what is past its time, per record with the fields it
would clear and why. :meth:`PurgeService.apply` takes that preview, refuses it if the
settings changed since, takes a backup (``backups/pre-purge-*.sqlite``; nothing is
cleared if it fails), recomputes the preview for the same day and clears only what both
list — in one transaction through the unit of work, so each cleared field is stamped
with a new revision and travels in bundles like any other edit.

Secrecy review
--------------
DOMAIN.md asks the app "to mark records for secrecy review". The *sekretess* mark every
record carries is that mark: like a sekretessmarkering (offentlighets- och
sekretesslagen 5 kap. 5 §) it says secrecy may apply, so the record must be reviewed
(sekretessprövning) before it is disclosed; it decides nothing by itself. Documents for
citizens and CSV exports leave marked records out unless the user includes them, and a
disposal run clears their text sooner (the cap above). :class:`SecrecyService` marks and
releases records and lists those awaiting review; the mark is an edit that travels.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, false, or_, select, union
from sqlalchemy.orm import Session, aliased

from kommunpolis.domain.calendar import local_midnight, next_month
from kommunpolis.domain.errors import (
    BackupFailed,
    InvalidInput,
    PurgePreviewStale,
    RecordNotFound,
)
from kommunpolis.domain.statuses import AgreementStatus, PromiseStatus
from kommunpolis.domain.vocabulary import Sensitivity
from kommunpolis.services.maintenance import MaintenanceService
from kommunpolis.services.read_models import BackupView
from kommunpolis.storage import tables as t
from kommunpolis.storage.kinds import KINDS, KINDS_BY_NAME, RecordKind
from kommunpolis.storage.unit_of_work import UnitOfWork

SETTING_PREFIX = "retention."
MAX_MONTHS = 240
PRE_PURGE_PREFIX = "pre-purge-"
# Rows loaded and cleared per query when applying (well under SQLite's bind limit).
APPLY_CHUNK = 500


class RetentionKind(StrEnum):
    """A kind of free text with its own retention time (``secret`` is the sekretess cap)."""

    DIALOGUES = "dialogues"
    CONCERNS = "concerns"
    MEETINGS = "meetings"
    FOLLOWUPS = "followups"
    SOURCES = "sources"
    ANALYSES = "analyses"
    SECRET = "secret"


@dataclass(frozen=True)
class RetentionSettings:
    """Months each kind of free text is kept (0: never cleared); see the module docstring."""

    dialogues: int = 24
    concerns: int = 24
    meetings: int = 36
    followups: int = 36
    sources: int = 24
    analyses: int = 36
    secret: int = 12

    def months(self, kind: RetentionKind) -> int:
        """Return the months set for ``kind``."""
        value: int = getattr(self, kind.value)
        return value

    def with_months(self, kind: RetentionKind, months: int) -> RetentionSettings:
        """Return a copy with ``kind`` set to ``months`` (validated)."""
        return replace(self, **{kind.value: _valid_months(months)})


DEFAULT_SETTINGS = RetentionSettings()


def _valid_months(months: int) -> int:
    if isinstance(months, bool) or not isinstance(months, int):
        raise InvalidInput("months", "must be a whole number of months")
    if not 0 <= months <= MAX_MONTHS:
        raise InvalidInput("months", f"must be 0 (never) to {MAX_MONTHS}")
    return months


def retention_kind(name: str) -> RetentionKind:
    """Return the retention kind called ``name``, or raise InvalidInput."""
    try:
        return RetentionKind(name)
    except ValueError:
        known = ", ".join(kind.value for kind in RetentionKind)
        raise InvalidInput("kind", f"unknown retention kind '{name}' (known: {known})") from None


class RetentionService:
    """Read and change the retention settings (local to this installation, never synced)."""

    def __init__(self, *, uow: Callable[[], UnitOfWork]) -> None:
        self._uow = uow

    def settings(self) -> RetentionSettings:
        """Return the settings, with the defaults for any not set here."""
        with self._uow() as uow:
            return _read_settings(uow.session)

    def set(self, kind: RetentionKind, months: int) -> RetentionSettings:
        """Set the months of one kind; return all settings."""
        return self.save(self.settings().with_months(kind, months))

    def save(self, settings: RetentionSettings) -> RetentionSettings:
        """Store every setting of ``settings``; return them as stored."""
        for kind in RetentionKind:
            _valid_months(settings.months(kind))
        with self._uow() as uow:
            for kind in RetentionKind:
                uow.session.merge(
                    t.LocalSetting(
                        key=SETTING_PREFIX + kind.value, value=json.dumps(settings.months(kind))
                    )
                )
            uow.commit()
            return _read_settings(uow.session)


def _read_settings(session: Session) -> RetentionSettings:
    stored = {
        row.key[len(SETTING_PREFIX) :]: row.value
        for row in session.scalars(
            select(t.LocalSetting).where(t.LocalSetting.key.startswith(SETTING_PREFIX))
        )
    }
    values: dict[str, int] = {}
    for item in fields(RetentionSettings):
        raw = stored.get(item.name)
        if raw is None:
            continue
        try:
            value = json.loads(raw)
        except ValueError:
            continue  # A damaged value falls back to the default rather than failing.
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_MONTHS:
            values[item.name] = value
    return RetentionSettings(**values)


# --- months and days ----------------------------------------------------------------


def months_before(day: date, months: int) -> date:
    """Return the day ``months`` calendar months before ``day`` (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    last = next_month(date(year, month, 1)) - timedelta(days=1)
    return date(year, month, min(day.day, last.day))


def months_after(day: date, months: int) -> date:
    """Return the day ``months`` calendar months after ``day`` (clamped to the month's end)."""
    return months_before(day, -months)


# --- the preview ----------------------------------------------------------------------


class PurgeRule(StrEnum):
    """Why a record's text is past its time."""

    AGE = "age"
    """Older than its kind's retention time."""
    SECRET = "secret"
    """Marked sekretess and older than the (shorter) sekretess time."""


@dataclass(frozen=True)
class PurgeItem:
    """One record whose free text is past its time: which fields go and why."""

    kind: str
    """The record kind as in storage.kinds (a key of :data:`PURGE_FIELDS`)."""
    record_id: uuid.UUID
    title: str
    dated: date
    """The day its age counts from: its own or its parent's date (dialogue, meeting,
    follow-up), the end of a source's lägesbild period, an analysis's last change."""
    fields: tuple[str, ...]
    """The non-empty free-text fields that would be cleared."""
    rule: PurgeRule
    months: int
    """The retention time that applied."""
    due_on: date
    """The first day the text was past its time."""
    deleted: bool

    @property
    def key(self) -> tuple[str, uuid.UUID]:
        """Identify the item across two previews."""
        return self.kind, self.record_id


@dataclass(frozen=True)
class PurgePreview:
    """What a disposal run on ``today`` would clear, and what it holds back."""

    today: date
    settings: RetentionSettings
    items: tuple[PurgeItem, ...]
    held: tuple[PurgeItem, ...]
    """Past their time, but an open promise or agreement depends on them: kept."""

    @property
    def field_count(self) -> int:
        """How many fields the run would clear."""
        return sum(len(item.fields) for item in self.items)

    def count(self, kind: str) -> int:
        """How many records of ``kind`` the run would clear."""
        return sum(1 for item in self.items if item.kind == kind)


@dataclass(frozen=True)
class PurgeResult:
    """What a disposal run did."""

    today: date
    records_cleared: int
    fields_cleared: int
    skipped: tuple[PurgeItem, ...]
    """Listed in the preview but no longer past their time or now held: left alone."""
    backup: BackupView | None
    """The copy taken before clearing (None when there was nothing to clear)."""


# The free-text fields each record kind clears (in this order in an item), in the order
# the kinds are listed.
PURGE_FIELDS: dict[str, tuple[str, ...]] = {
    "dialogues": ("notes", "feedback_text"),
    "concerns": ("text", "answer"),
    "meetings": ("agenda", "minutes"),
    "decisions": ("text",),
    "action-items": ("what",),
    "sources": ("description",),
    "analyses": ("offender", "target", "offender_handler", "target_guardian", "event_chain"),
    "followups": ("narrative",),
    "followup-measures": ("note",),
}
# Whose retention time each record kind follows.
RETENTION_OF: dict[str, RetentionKind] = {
    "dialogues": RetentionKind.DIALOGUES,
    "concerns": RetentionKind.CONCERNS,
    "meetings": RetentionKind.MEETINGS,
    "decisions": RetentionKind.MEETINGS,
    "action-items": RetentionKind.MEETINGS,
    "sources": RetentionKind.SOURCES,
    "analyses": RetentionKind.ANALYSES,
    "followups": RetentionKind.FOLLOWUPS,
    "followup-measures": RetentionKind.FOLLOWUPS,
}
_MODELS: dict[str, type[t.Record]] = {
    "dialogues": t.Dialogue,
    "concerns": t.Concern,
    "meetings": t.Meeting,
    "decisions": t.Decision,
    "action-items": t.ActionItem,
    "sources": t.Source,
    "analyses": t.RootCauseAnalysis,
    "followups": t.FollowUp,
    "followup-measures": t.FollowUpMeasure,
}


def _live(model: Any) -> ColumnElement[bool]:
    result: ColumnElement[bool] = model.deleted_at.is_(None)
    return result


def _open_promises() -> Select[Any]:
    return select(t.Promise.id).where(_live(t.Promise), t.Promise.status != PromiseStatus.CLOSED)


def _held_problems() -> Any:
    """Problems an open promise or agreement depends on."""
    g = t.Agreement
    return union(
        select(t.PromiseProblem.problem_id).where(
            _live(t.PromiseProblem), t.PromiseProblem.promise_id.in_(_open_promises())
        ),
        select(t.AgreementProblem.problem_id)
        .join(g, g.id == t.AgreementProblem.agreement_id)
        .where(_live(t.AgreementProblem), _live(g), g.status != AgreementStatus.EXPIRED),
        select(t.Measure.problem_id).where(
            _live(t.Measure),
            t.Measure.problem_id.is_not(None),
            t.Measure.promise_id.in_(_open_promises()),
        ),
    )


def _held_concerns() -> Select[Any]:
    pc = t.ProblemConcern
    return select(pc.concern_id).where(_live(pc), pc.problem_id.in_(_held_problems()))


def _held_sources() -> Select[Any]:
    ps = t.ProblemSource
    return select(ps.source_id).where(_live(ps), ps.problem_id.in_(_held_problems()))


def _held_analyses() -> Any:
    """Analyses of a held problem, or with a cause a measure of an open promise answers."""
    a, c, m = t.RootCauseAnalysis, t.Cause, t.Measure
    answered = select(m.cause_id).where(
        _live(m), m.cause_id.is_not(None), m.promise_id.in_(_open_promises())
    )
    return union(
        select(a.id).where(a.problem_id.in_(_held_problems())),
        select(c.analysis_id).where(_live(c), c.id.in_(answered)),
    )


def _secret(*models: Any) -> ColumnElement[bool]:
    return or_(*(model.sensitivity == Sensitivity.SECRET for model in models))


def _non_empty(*columns: Any) -> ColumnElement[bool]:
    return or_(*(column != "" for column in columns))


@dataclass(frozen=True)
class _Candidate:
    kind: str
    record_id: uuid.UUID
    title: str
    dated: date
    filled: tuple[bool, ...]
    secret: bool
    held: bool
    deleted: bool


class _Limits:
    """The latest reference day that is past its time, per kind, normal and sekretess."""

    def __init__(self, today: date, settings: RetentionSettings) -> None:
        self.today = today
        self.settings = settings

    def months(self, kind: str, secret: bool) -> tuple[int, PurgeRule] | None:
        own = self.settings.months(RETENTION_OF[kind])
        cap = self.settings.secret
        if own == 0:
            return None
        if secret and cap and cap < own:
            return cap, PurgeRule.SECRET
        return own, PurgeRule.AGE

    def last_day(self, kind: str, secret: bool) -> date | None:
        """Records dated on or before this day are past their time (None: never)."""
        applied = self.months(kind, secret)
        return None if applied is None else months_before(self.today, applied[0])


def _date_filter(
    limits: _Limits, kind: str, column: Any, secret: ColumnElement[bool], *, moment: bool
) -> ColumnElement[bool] | None:
    def before(day: date) -> ColumnElement[bool]:
        if moment:
            return column < local_midnight(day + timedelta(days=1))  # type: ignore[no-any-return]
        return column <= day  # type: ignore[no-any-return]

    normal, capped = limits.last_day(kind, False), limits.last_day(kind, True)
    if normal is None:
        return None
    if capped is None or capped == normal:
        return before(normal)
    return or_(before(normal), secret & before(capped))


def _candidates(session: Session, limits: _Limits) -> Iterator[_Candidate]:
    yield from _dialogues(session, limits)
    yield from _concerns(session, limits)
    yield from _meetings(session, limits)
    yield from _decisions(session, limits)
    yield from _action_items(session, limits)
    yield from _sources(session, limits)
    yield from _analyses(session, limits)
    yield from _followups(session, limits)
    yield from _followup_measures(session, limits)


def _dialogues(session: Session, limits: _Limits) -> Iterator[_Candidate]:
    d = t.Dialogue
    secret = d.sensitivity == Sensitivity.SECRET
    where = _date_filter(limits, "dialogues", d.starts_at, secret, moment=True)
    if where is None:
        return
    held = select(t.Concern.dialogue_id).where(_live(t.Concern), t.Concern.id.in_(_held_concerns()))
    statement = select(
        d.id,
        d.title,
        d.starts_at,
        d.notes != "",
        d.feedback_text != "",
        secret,
        d.id.in_(held),
        d.deleted_at.is_not(None),
    ).where(where, _non_empty(d.notes, d.feedback_text))
    for row in session.execute(statement):
        yield _Candidate(
            kind="dialogues",
            record_id=row[0],
            title=row[1],
            dated=_local_day(row[2]),
            filled=(bool(row[3]), bool(row[4])),
            secret=bool(row[5]),
            held=bool(row[6]),
            deleted=bool(row[7]),
        )


def _concerns(session: Session, limits: _Limits) -> Iterator[_Candidate]:
    c, cd, th = t.Concern, aliased(t.Dialogue), t.Theme
    secret = or_(c.sensitivity == Sensitivity.SECRET, cd.sensitivity == Sensitivity.SECRET)
    where = _date_filter(limits, "concerns", cd.starts_at, secret, moment=True)
    if where is None:
        return
    statement = (
        select(
            c.id,
            th.name,
            cd.title,
            cd.starts_at,
            c.text != "",
            c.answer != "",
            secret,
            c.id.in_(_held_concerns()),
            c.deleted_at.is_not(None),
        )
        .join(cd, cd.id == c.dialogue_id)
        .join(th, th.id == c.theme_id)
        .where(where, _non_empty(c.text, c.answer))
    )
    for row in session.execute(statement):
        yield _Candidate(
            kind="concerns",
            record_id=row[0],
            title=f"{row[1]} – {row[2]}",
            dated=_local_day(row[3]),
            filled=(bool(row[4]), bool(row[5])),
            secret=bool(row[6]),
            held=bool(row[7]),
            deleted=bool(row[8]),
        )


def _meetings(session: Session, limits: _Limits) -> Iterator[_Candidate]:
    m = t.Meeting
    secret = m.sensitivity == Sensitivity.SECRET
    where = _date_filter(limits, "meetings", m.starts_at, secret, moment=True)
    if where is None:
        return
    statement = select(
        m.id,
        m.title,
        m.starts_at,
        m.agenda != "",
        m.minutes != "",
        secret,
        m.deleted_at.is_not(None),
    ).where(where, _non_empty(m.agenda, m.minutes))
    for row in session.execute(statement):
        # No promise or agreement links to a meeting: nothing holds one back.
        yield _Candidate(
            kind="meetings",
            record_id=row[0],
            title=row[1],
            dated=_local_day(row[2]),
            filled=(bool(row[3]), bool(row[4])),
            secret=bool(row[5]),
            held=False,
            deleted=bool(row[6]),
        )


def _text_candidates(
    session: Session,
    kind: str,
    statement: Select[uuid.UUID, str, Any, bool, bool, bool],
    *,
    moment: bool,
) -> Iterator[_Candidate]:
    """Yield the candidates of a kind with one text field.

    ``statement`` selects the id, title, reference day (a moment when ``moment``),
    secret, held and deleted.
    """
    for record_id, title, dated, secret, held, deleted in session.execute(statement):
        yield _Candidate(
            kind=kind,
            record_id=record_id,
            title=title or "",
            dated=_local_day(dated) if moment else dated,
            filled=(True,),
            secret=bool(secret),
            held=bool(held),
            deleted=bool(deleted),
        )


def _followups(session: Session, limits: _Limits) -> Iterator[_Candidate]:
    f, fp = t.FollowUp, aliased(t.Promise)
    secret = f.sensitivity == Sensitivity.SECRET
    where = _date_filter(limits, "followups", f.held_on, secret, moment=False)
    if where is None:
        return
    statement = (
        select(
            f.id,
            fp.title,
            f.held_on,
            secret,
            f.promise_id.in_(_open_promises()),
            f.deleted_at.is_not(None),
        )
        .outerjoin(fp, fp.id == f.promise_id)
        .where(where, f.narrative != "")
    )
    yield from _text_candidates(session, "followups", statement, moment=False)


def _decisions(session: Session, limits: _Limits) -> Iterator[_Candidate]:
    dc, dm = t.Decision, aliased(t.Meeting)
    secret = _secret(dc, dm)
    where = _date_filter(limits, "decisions", dm.starts_at, secret, moment=True)
    if where is None:
        return
    statement = (
        select(dc.id, dm.title, dc.number, dm.starts_at, secret, dc.deleted_at.is_not(None))
        .join(dm, dm.id == dc.meeting_id)
        .where(where, dc.text != "")
    )
    for row in session.execute(statement):
        yield _Candidate(
            kind="decisions",
            record_id=row[0],
            title=f"{row[1]} § {row[2]}",
            dated=_local_day(row[3]),
            filled=(True,),
            secret=bool(row[4]),
            held=False,  # as its meeting: nothing links a meeting to a promise
            deleted=bool(row[5]),
        )


def _action_items(session: Session, limits: _Limits) -> Iterator[_Candidate]:
    ai, am = t.ActionItem, aliased(t.Meeting)
    secret = _secret(ai, am)
    where = _date_filter(limits, "action-items", am.starts_at, secret, moment=True)
    if where is None:
        return
    statement = (
        # Not held, as its meeting.
        select(ai.id, am.title, am.starts_at, secret, false(), ai.deleted_at.is_not(None))
        .join(am, am.id == ai.meeting_id)
        .where(where, ai.what != "")
    )
    yield from _text_candidates(session, "action-items", statement, moment=True)


def _sources(session: Session, limits: _Limits) -> Iterator[_Candidate]:
    s, sp = t.Source, aliased(t.SituationPicture)
    secret = or_(_secret(s, sp), s.police_only.is_(True))
    where = _date_filter(limits, "sources", sp.period_end, secret, moment=False)
    if where is None:
        return
    statement = (
        select(
            s.id,
            sp.title,
            sp.period_end,
            secret,
            s.id.in_(_held_sources()),
            s.deleted_at.is_not(None),
        )
        .join(sp, sp.id == s.situation_picture_id)
        .where(where, s.description != "")
    )
    yield from _text_candidates(session, "sources", statement, moment=False)


def _analyses(session: Session, limits: _Limits) -> Iterator[_Candidate]:
    a, ap = t.RootCauseAnalysis, aliased(t.Problem)
    secret = _secret(a, ap)
    where = _date_filter(limits, "analyses", a.updated_at, secret, moment=True)
    if where is None:
        return
    names = PURGE_FIELDS["analyses"]
    columns = [getattr(a, name) for name in names]
    statement = (
        select(
            a.id,
            ap.title,
            a.updated_at,
            secret,
            a.id.in_(_held_analyses()),
            a.deleted_at.is_not(None),
            *(column != "" for column in columns),
        )
        .join(ap, ap.id == a.problem_id)
        .where(where, _non_empty(*columns))
    )
    for row in session.execute(statement):
        yield _Candidate(
            kind="analyses",
            record_id=row[0],
            title=row[1],
            dated=_local_day(row[2]),
            filled=tuple(bool(value) for value in row[6:]),
            secret=bool(row[3]),
            held=bool(row[4]),
            deleted=bool(row[5]),
        )


def _followup_measures(session: Session, limits: _Limits) -> Iterator[_Candidate]:
    fm, ff, fs = t.FollowUpMeasure, aliased(t.FollowUp), aliased(t.Measure)
    secret = _secret(fm, ff)
    where = _date_filter(limits, "followup-measures", ff.held_on, secret, moment=False)
    if where is None:
        return
    # Held with its follow-up, and when the measure serves an open promise.
    held = or_(ff.promise_id.in_(_open_promises()), fs.promise_id.in_(_open_promises()))
    statement = (
        select(fm.id, fs.title, ff.held_on, secret, held, fm.deleted_at.is_not(None))
        .join(ff, ff.id == fm.follow_up_id)
        .join(fs, fs.id == fm.measure_id)
        .where(where, fm.note != "")
    )
    for row in session.execute(statement):
        yield _Candidate(
            kind="followup-measures",
            record_id=row[0],
            title=row[1],
            dated=row[2],
            filled=(True,),
            secret=bool(row[3]),
            held=bool(row[4]),
            deleted=bool(row[5]),
        )


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date() if moment.tzinfo else moment.replace(tzinfo=UTC).date()


def _item(candidate: _Candidate, limits: _Limits) -> PurgeItem | None:
    applied = limits.months(candidate.kind, bool(candidate.secret))
    if applied is None:
        return None
    months, rule = applied
    due_on = months_after(candidate.dated, months)
    if due_on > limits.today:
        return None  # The SQL filter is a day coarse at month ends; this is exact.
    names = PURGE_FIELDS[candidate.kind]
    filled = tuple(name for name, full in zip(names, candidate.filled, strict=True) if full)
    if not filled:
        return None
    return PurgeItem(
        kind=candidate.kind,
        record_id=candidate.record_id,
        title=candidate.title,
        dated=candidate.dated,
        fields=filled,
        rule=rule,
        months=months,
        due_on=due_on,
        deleted=bool(candidate.deleted),
    )


_KIND_ORDER = {kind: index for index, kind in enumerate(PURGE_FIELDS)}


def _order(item: PurgeItem) -> tuple[int, date, bytes]:
    return _KIND_ORDER[item.kind], item.dated, item.record_id.bytes


def compute_preview(session: Session, today: date, settings: RetentionSettings) -> PurgePreview:
    """Return what is past its time on ``today`` under ``settings`` (deterministic order)."""
    limits = _Limits(today, settings)
    items: list[PurgeItem] = []
    held: list[PurgeItem] = []
    for candidate in _candidates(session, limits):
        item = _item(candidate, limits)
        if item is not None:
            (held if candidate.held else items).append(item)
    return PurgePreview(
        today=today,
        settings=settings,
        items=tuple(sorted(items, key=_order)),
        held=tuple(sorted(held, key=_order)),
    )


def _chunks(values: Sequence[PurgeItem], size: int) -> Iterable[Sequence[PurgeItem]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class PurgeService:
    """Preview and apply a disposal run over the free text that is past its time."""

    def __init__(
        self,
        *,
        uow: Callable[[], UnitOfWork],
        maintenance: MaintenanceService,
        backup_dir: Path,
        retention: RetentionService | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._uow = uow
        self._maintenance = maintenance
        self._backup_dir = backup_dir
        self._now = now
        self.retention = retention if retention is not None else RetentionService(uow=uow)

    def today(self) -> date:
        """Return today's date where the officer is."""
        return self._now().astimezone().date()

    def preview(self, today: date | None = None) -> PurgePreview:
        """List what is past its time on ``today`` (default: today), with what is held."""
        day = today or self.today()
        settings = self.retention.settings()
        with self._uow() as uow:
            return compute_preview(uow.session, day, settings)

    def apply(self, preview: PurgePreview) -> PurgeResult:
        """Back up, then clear what ``preview`` listed that is still past its time.

        Raises :class:`PurgePreviewStale` if the settings changed since the preview and
        :class:`~kommunpolis.domain.errors.BackupFailed` if the backup cannot be
        written; in both cases nothing is cleared.
        """
        if self.retention.settings() != preview.settings:
            raise PurgePreviewStale("the retention settings changed since the preview")
        if not preview.items:
            return PurgeResult(preview.today, 0, 0, (), None)
        backup = self._backup()
        with self._uow() as uow:
            fresh = compute_preview(uow.session, preview.today, preview.settings)
            current = {item.key: item for item in fresh.items}
            to_clear: list[PurgeItem] = []
            skipped: list[PurgeItem] = []
            for item in preview.items:
                now = current.get(item.key)
                fields_now = tuple(f for f in item.fields if now is not None and f in now.fields)
                if fields_now:
                    to_clear.append(replace(item, fields=fields_now))
                else:
                    skipped.append(item)
            fields_cleared = 0
            for kind, model in _MODELS.items():
                of_kind = [item for item in to_clear if item.kind == kind]
                for chunk in _chunks(of_kind, APPLY_CHUNK):
                    wanted = {item.record_id: item.fields for item in chunk}
                    rows = uow.session.scalars(select(model).where(model.id.in_(list(wanted))))
                    for row in rows:
                        for name in wanted[row.id]:
                            setattr(row, name, "")
                            fields_cleared += 1
                    uow.flush()
            uow.commit()
        return PurgeResult(
            today=preview.today,
            records_cleared=len(to_clear),
            fields_cleared=fields_cleared,
            skipped=tuple(skipped),
            backup=backup,
        )

    def _backup(self) -> BackupView:
        stamp = self._now().astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        target = self._backup_dir / f"{PRE_PURGE_PREFIX}{stamp}.sqlite"
        try:
            return self._maintenance.backup(target)
        except OSError as error:  # e.g. the backups folder cannot be made
            raise BackupFailed(target, error.strerror or str(error)) from error


# --- secrecy review -------------------------------------------------------------------


@dataclass(frozen=True)
class SecrecyMark:
    """A record and its sensitivity: marked *sekretess* means it awaits secrecy review."""

    kind: str
    """The record kind as in storage.kinds."""
    record_id: uuid.UUID
    title: str
    sensitivity: Sensitivity
    updated_at: datetime
    deleted: bool

    @property
    def marked(self) -> bool:
        """Return whether the record is marked for secrecy review."""
        return self.sensitivity is Sensitivity.SECRET


def _record_kind(name: str) -> RecordKind:
    try:
        return KINDS_BY_NAME[name]
    except KeyError:
        known = ", ".join(kind.name for kind in KINDS)
        raise InvalidInput("kind", f"unknown kind '{name}' (known: {known})") from None


def _mark_view(kind: RecordKind, row: t.Record) -> SecrecyMark:
    return SecrecyMark(
        kind=kind.name,
        record_id=row.id,
        title=str(getattr(row, kind.title_column) or ""),
        sensitivity=row.sensitivity,
        updated_at=row.updated_at,
        deleted=row.deleted_at is not None,
    )


class SecrecyService:
    """Mark records for secrecy review (sekretess), release them, and list those marked."""

    def __init__(self, *, uow: Callable[[], UnitOfWork]) -> None:
        self._uow = uow

    def mark(self, kind: str, record_id: uuid.UUID) -> SecrecyMark:
        """Mark a record *sekretess*: it is reviewed before it is disclosed."""
        return self._set(kind, record_id, Sensitivity.SECRET)

    def release(
        self, kind: str, record_id: uuid.UUID, to: Sensitivity = Sensitivity.INTERNAL
    ) -> SecrecyMark:
        """Lift the mark after a review, to ``to`` (default *intern*: still not public)."""
        if to is Sensitivity.SECRET:
            raise InvalidInput("sensitivity", "a release must be to open or internal")
        return self._set(kind, record_id, to)

    def marked(self) -> tuple[SecrecyMark, ...]:
        """Return the live records marked *sekretess*, by kind, then oldest change first."""
        marks: list[SecrecyMark] = []
        with self._uow() as uow:
            for kind in KINDS:
                model = kind.model
                statement = (
                    select(model)
                    .where(_live(model), model.sensitivity == Sensitivity.SECRET)
                    .order_by(model.updated_at, model.id)
                )
                marks.extend(_mark_view(kind, row) for row in uow.session.scalars(statement))
        return tuple(marks)

    def _set(self, kind_name: str, record_id: uuid.UUID, to: Sensitivity) -> SecrecyMark:
        kind = _record_kind(kind_name)
        with self._uow() as uow:
            row = uow.session.get(kind.model, record_id)
            if row is None or row.deleted_at is not None:
                raise RecordNotFound(kind.name, str(record_id))
            if row.sensitivity is not to:
                row.sensitivity = to
                uow.commit()
            return _mark_view(kind, row)

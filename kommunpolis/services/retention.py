"""Disposal (gallring): how long free text is kept, and the run that clears what is past it.

What is kept and what goes
--------------------------
DOMAIN.md asks the app to store aggregates, not identities, and to be able to purge old
personal data. A concern's theme, place, time pattern and count, a dialogue's date,
format, kommun and number of participants, statuses, dates and every link are the
aggregates the lägesbild and the chain are built from; they are kept for good. What a
person typed in free text — notes, a concern's words and the answer given, minutes —
may name or describe people despite the warnings, and is what a disposal run clears
(to ``""``, never by deleting the record).

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
- **Follow-ups** (narrative): 36 months after the follow-up, the length of a typical
  medborgarlöfte period, so the effect over the whole promise can still be read.
- **Sekretess** (a cap): 12 months. Records marked *sekretess* hold the most sensitive,
  police-only material; in the spirit of the police data act (2018:1693) — data that did
  not lead anywhere is kept as briefly as the purpose allows — such a record's text is
  cleared after the shorter of its kind's time and this one. *Intern* and *öppen*
  records follow their kind's time. A concern counts as sekretess if it or its dialogue
  is so marked.

0 months means "never cleared" (the sekretess cap then does not apply either).

What a run never touches
------------------------
A record an open promise or agreement depends on keeps its text, however old: a concern
linked (live :class:`~kommunpolis.storage.tables.ProblemConcern`) to a problem that is a
focus area of a promise not yet *avslutat*, addressed by an agreement not yet
*utgången*, or answered by a measure of such a promise; a dialogue with such a concern
(its feedback is the återkoppling for it); a follow-up of such a promise. These are
listed as *held* in the preview, not cleared.

How a run goes
--------------
:meth:`PurgeService.preview` lists what is past its time, per record with the fields it
would clear and why. :meth:`PurgeService.apply` takes that preview, refuses it if the
settings changed since, takes a backup (``backups/pre-purge-*.sqlite``; nothing is
cleared if it fails), recomputes the preview for the same day and clears only what both
list — in one transaction through the unit of work, so each cleared field is stamped
with a new revision and travels in bundles like any other edit.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select, union
from sqlalchemy.orm import Session, aliased

from kommunpolis.domain.errors import BackupFailed, InvalidInput, PurgePreviewStale
from kommunpolis.domain.statuses import AgreementStatus, PromiseStatus
from kommunpolis.domain.vocabulary import Sensitivity
from kommunpolis.services.maintenance import MaintenanceService
from kommunpolis.services.read_models import BackupView
from kommunpolis.storage import tables as t
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
    SECRET = "secret"


@dataclass(frozen=True)
class RetentionSettings:
    """Months each kind of free text is kept (0: never cleared); see the module docstring."""

    dialogues: int = 24
    concerns: int = 24
    meetings: int = 36
    followups: int = 36
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
    next_month = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(day.day, (next_month - timedelta(days=1)).day))


def months_after(day: date, months: int) -> date:
    """Return the day ``months`` calendar months after ``day`` (clamped to the month's end)."""
    return months_before(day, -months)


def _local_midnight(day: date) -> datetime:
    # Retention counts the officer's calendar days: local midnight, compared in UTC.
    return datetime.combine(day, time()).astimezone()


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
    """The record kind as in storage.kinds: dialogues, concerns, meetings or followups."""
    record_id: uuid.UUID
    title: str
    dated: date
    """The day its age counts from (the dialogue's, meeting's or follow-up's date)."""
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


# The free-text fields each kind clears (in this order in an item).
PURGE_FIELDS: dict[str, tuple[str, ...]] = {
    "dialogues": ("notes", "feedback_text"),
    "concerns": ("text", "answer"),
    "meetings": ("agenda", "minutes"),
    "followups": ("narrative",),
}
_MODELS: dict[str, type[t.Record]] = {
    "dialogues": t.Dialogue,
    "concerns": t.Concern,
    "meetings": t.Meeting,
    "followups": t.FollowUp,
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
        own = self.settings.months(RetentionKind(kind))
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
            return column < _local_midnight(day + timedelta(days=1))  # type: ignore[no-any-return]
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
    yield from _followups(session, limits)


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
    for row in session.execute(statement):
        yield _Candidate(
            kind="followups",
            record_id=row[0],
            title=row[1] or "",
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
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._uow = uow
        self._maintenance = maintenance
        self._backup_dir = backup_dir
        self._now = now
        self.retention = RetentionService(uow=uow)

    def today(self) -> date:
        """Return today's date where the officer is."""
        return self._now().astimezone().date()

    def preview(self, today: date | None = None) -> PurgePreview:
        """List what is past its time on ``today`` (default: today), with what is held."""
        day = today or self.today()
        with self._uow() as uow:
            return compute_preview(uow.session, day, _read_settings(uow.session))

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

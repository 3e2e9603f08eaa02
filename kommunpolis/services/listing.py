"""Lists that scale: record ids sorted and filtered in SQL, rows fetched a page at a time.

A list first asks for the ids of every matching record in display order
(:meth:`ListingService.ids`, one query: WHERE for the filters, ORDER BY for the
sort, nothing sorted in Python), then for the rows it is about to show
(:meth:`ListingService.rows`, one query by primary key per page). Each listable
kind has a column spec: which values a row shows and which of them can be sorted.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum, StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    LargeBinary,
    Select,
    func,
    literal,
    select,
    type_coerce,
)
from sqlalchemy.orm import InstrumentedAttribute, aliased

from kommunpolis.domain.calendar import local_midnight
from kommunpolis.domain.errors import InvalidInput
from kommunpolis.domain.statuses import (
    ActionItemStatus,
    AgreementStatus,
    DialogueStatus,
    MeasureStatus,
    MinutesStatus,
    ProblemStatus,
    PromiseStatus,
)
from kommunpolis.services.read_models import MunicipalityView
from kommunpolis.storage import tables as t
from kommunpolis.storage.types import UtcDateTime
from kommunpolis.storage.unit_of_work import UnitOfWork

# SQLite binds at most 32 766 parameters (999 before 3.32); pages are far smaller.
MAX_ROWS_PER_CALL = 900
TEXT_PREVIEW = 200
ID_SLICE = 1000


class ValueType(Enum):
    """What a column holds, so that an interface knows how to show and align it."""

    TEXT = "text"
    DATE = "date"
    DATETIME = "datetime"
    INTEGER = "integer"
    NUMBER = "number"
    CODE = "code"  # a StrEnum code value, shown through its label


@dataclass(frozen=True)
class ListColumn:
    """One column of a list: its key, SQL expression, value type and whether it sorts."""

    key: str
    expression: ColumnElement[Any] = field(compare=False, repr=False)
    value_type: ValueType = ValueType.TEXT
    sortable: bool = True
    nullable: bool = False


@dataclass(frozen=True)
class ListQuery:
    """Which records of a kind to list and in which order.

    ``sort_key`` names a sortable column (None: the kind's default order, whose
    direction is then taken from the spec and ``descending`` is ignored).
    The period is inclusive and compared with the kind's main date, or, for
    kinds with a period of their own, matches records whose period overlaps it.
    """

    municipality_codes: tuple[str, ...] = ()
    period_from: date | None = None
    period_to: date | None = None
    statuses: tuple[str, ...] = ()
    theme_id: uuid.UUID | None = None
    include_deleted: bool = False
    sort_key: str | None = None
    descending: bool = False


@dataclass(frozen=True)
class ListRow:
    """One record as a list shows it: values in column order, status code, tombstone flag."""

    id: uuid.UUID
    values: tuple[Any, ...]
    status: str | None
    deleted: bool


@dataclass(frozen=True)
class FilterOptions:
    """Which filters apply to a kind, with the choices for the status and theme filters."""

    kind: str
    municipality: bool
    period: bool
    statuses: tuple[str, ...]
    themes: tuple[tuple[uuid.UUID, str], ...]
    municipalities: tuple[MunicipalityView, ...]


@dataclass(frozen=True)
class _KindSpec:
    """How one kind is listed: its table, FROM clause, columns and filter expressions."""

    name: str
    model: type[t.Record]
    from_clause: FromClause = field(repr=False)
    columns: tuple[ListColumn, ...]
    default_sort: str
    default_descending: bool
    municipality: ColumnElement[Any] | None = field(default=None, repr=False)
    date_start: ColumnElement[Any] | None = field(default=None, repr=False)
    date_end: ColumnElement[Any] | None = field(default=None, repr=False)
    status: ColumnElement[Any] | None = field(default=None, repr=False)
    status_values: tuple[str, ...] = ()
    theme_filter: Callable[[uuid.UUID], ColumnElement[bool]] | None = field(
        default=None, repr=False
    )

    def column(self, key: str) -> ListColumn:
        for column in self.columns:
            if column.key == key:
                return column
        known = ", ".join(column.key for column in self.columns if column.sortable)
        raise InvalidInput("sort", f"no sortable column '{key}' for {self.name} (known: {known})")


# --- SQL building blocks -------------------------------------------------------------


def swedish_order(expression: ColumnElement[Any]) -> ColumnElement[str]:
    """Return a sort key for text the Swedish way (a–z, å, ä, ö; case ignored), in SQL.

    SQLite's lower() folds ASCII only and its binary order puts ä before å, so å, ä and
    ö (either case) become the three characters after 'z', as domain.collation does.
    A registered Python collation would be exact, but costs seconds over 100 000 rows.
    """
    key: ColumnElement[str] = func.lower(expression)
    # Six replaces, not ten: æ and ø (which domain.collation also folds) are left out,
    # as each replace costs ~10 ms per 100 000 rows and they do not occur in Swedish.
    for letters, stand_in in (("åÅ", "{"), ("äÄ", "|"), ("öÖ", "}")):
        for letter in letters:
            key = func.replace(key, letter, stand_in)
    return key


def _live(model: type[t.Record]) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)


def _count(model: type[t.Record], *where: ColumnElement[bool]) -> ColumnElement[int]:
    """A correlated count of live ``model`` rows matching ``where``."""
    return (
        select(func.count())
        .select_from(model)
        .where(_live(model), *where)
        .correlate_except(model)
        .scalar_subquery()
    )


def _preview(expression: ColumnElement[Any] | InstrumentedAttribute[Any]) -> ColumnElement[str]:
    # A list cell shows one line; long notes are cut in SQL, not shipped whole.
    return func.substr(expression, 1, TEXT_PREVIEW)


def _col(
    key: str,
    expression: ColumnElement[Any] | InstrumentedAttribute[Any],
    value_type: ValueType = ValueType.TEXT,
    *,
    sortable: bool = True,
    nullable: bool = False,
) -> ListColumn:
    return ListColumn(key, expression.expression, value_type, sortable, nullable)


def _values(enum_class: type[Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in enum_class)


def _concerns_with_theme(theme_id: uuid.UUID) -> Select[Any]:
    # IN (subquery), not EXISTS: SQLite would otherwise pick the theme index inside a
    # correlated EXISTS and rescan it for every dialogue (minutes at 100 000 dialogues).
    return select(t.Concern.dialogue_id).where(t.Concern.theme_id == theme_id, _live(t.Concern))


def _build_specs() -> dict[str, _KindSpec]:
    m = t.Municipality
    specs: list[_KindSpec] = []

    d = t.Dialogue
    specs.append(
        _KindSpec(
            name="dialogues",
            model=d,
            from_clause=d.__table__.outerjoin(m, m.code == d.municipality_code),
            columns=(
                _col("starts_at", d.starts_at, ValueType.DATETIME),
                _col("title", d.title),
                _col("format", d.format, ValueType.CODE),
                _col("municipality", m.name),
                _col("status", d.status, ValueType.CODE),
                _col(
                    "concern_count",
                    _count(t.Concern, t.Concern.dialogue_id == d.id),
                    ValueType.INTEGER,
                ),
                _col("participant_count", d.participant_count, ValueType.INTEGER),
            ),
            default_sort="starts_at",
            default_descending=True,
            municipality=d.municipality_code.expression,
            date_start=d.starts_at.expression,
            status=d.status.expression,
            status_values=_values(DialogueStatus),
            theme_filter=lambda theme: d.id.in_(_concerns_with_theme(theme)),
        )
    )

    mt = t.Meeting
    specs.append(
        _KindSpec(
            name="meetings",
            model=mt,
            from_clause=mt.__table__.outerjoin(m, m.code == mt.municipality_code),
            columns=(
                _col("starts_at", mt.starts_at, ValueType.DATETIME),
                _col("title", mt.title),
                _col("meeting_type", mt.meeting_type, ValueType.CODE),
                _col("municipality", m.name, nullable=True),
                _col("minutes_status", mt.minutes_status, ValueType.CODE),
                _col(
                    "action_item_count",
                    _count(t.ActionItem, t.ActionItem.meeting_id == mt.id),
                    ValueType.INTEGER,
                ),
            ),
            default_sort="starts_at",
            default_descending=True,
            municipality=mt.municipality_code.expression,
            date_start=mt.starts_at.expression,
            status=mt.minutes_status.expression,
            status_values=_values(MinutesStatus),
        )
    )

    a = t.ActionItem
    specs.append(
        _KindSpec(
            name="action-items",
            model=a,
            from_clause=a.__table__.join(mt, mt.id == a.meeting_id).outerjoin(
                m, m.code == mt.municipality_code
            ),
            columns=(
                _col("due_on", a.due_on, ValueType.DATE, nullable=True),
                _col("what", _preview(a.what)),
                _col("responsible", a.responsible),
                _col("meeting", mt.title),
                _col("municipality", m.name, nullable=True),
                _col("status", a.status, ValueType.CODE),
            ),
            default_sort="due_on",
            default_descending=False,
            municipality=mt.municipality_code.expression,
            date_start=a.due_on.expression,
            status=a.status.expression,
            status_values=_values(ActionItemStatus),
        )
    )

    sp = t.SituationPicture
    specs.append(
        _KindSpec(
            name="situation-pictures",
            model=sp,
            from_clause=sp.__table__.outerjoin(m, m.code == sp.municipality_code),
            columns=(
                _col("title", sp.title),
                _col("scope", sp.scope, ValueType.CODE),
                _col("owner", sp.owner, ValueType.CODE),
                _col("municipality", m.name, nullable=True),
                _col("period_start", sp.period_start, ValueType.DATE),
                _col("period_end", sp.period_end, ValueType.DATE),
                _col(
                    "problem_count",
                    _count(t.SituationProblem, t.SituationProblem.situation_picture_id == sp.id),
                    ValueType.INTEGER,
                ),
            ),
            default_sort="period_start",
            default_descending=True,
            municipality=sp.municipality_code.expression,
            date_start=sp.period_start.expression,
            date_end=sp.period_end.expression,
        )
    )

    p = t.Problem
    pc, c = t.ProblemConcern, t.Concern
    specs.append(
        _KindSpec(
            name="problems",
            model=p,
            from_clause=p.__table__.outerjoin(m, m.code == p.municipality_code),
            columns=(
                _col("title", p.title),
                _col("municipality", m.name, nullable=True),
                _col("priority", p.priority, ValueType.INTEGER, nullable=True),
                _col("status", p.status, ValueType.CODE),
                _col("concern_count", _count(pc, pc.problem_id == p.id), ValueType.INTEGER),
                _col("created_at", p.created_at, ValueType.DATETIME),
            ),
            default_sort="priority",
            default_descending=False,
            municipality=p.municipality_code.expression,
            date_start=p.created_at.expression,
            status=p.status.expression,
            status_values=_values(ProblemStatus),
            theme_filter=lambda theme: p.id.in_(
                select(pc.problem_id)
                .join(c, c.id == pc.concern_id)
                .where(c.theme_id == theme, _live(c), _live(pc))
            ),
        )
    )

    pr = t.Promise
    specs.append(
        _KindSpec(
            name="promises",
            model=pr,
            from_clause=pr.__table__.outerjoin(m, m.code == pr.municipality_code),
            columns=(
                _col("title", pr.title),
                _col("municipality", m.name, nullable=True),
                _col("period_start", pr.period_start, ValueType.DATE),
                _col("period_end", pr.period_end, ValueType.DATE),
                _col("status", pr.status, ValueType.CODE),
                _col(
                    "measure_count",
                    _count(t.Measure, t.Measure.promise_id == pr.id),
                    ValueType.INTEGER,
                ),
            ),
            default_sort="period_start",
            default_descending=True,
            municipality=pr.municipality_code.expression,
            date_start=pr.period_start.expression,
            date_end=pr.period_end.expression,
            status=pr.status.expression,
            status_values=_values(PromiseStatus),
        )
    )

    me = t.Measure
    me_promise, me_problem = aliased(t.Promise), aliased(t.Problem)
    me_code = func.coalesce(me_promise.municipality_code, me_problem.municipality_code)
    specs.append(
        _KindSpec(
            name="measures",
            model=me,
            from_clause=me.__table__.outerjoin(me_promise, me_promise.id == me.promise_id)
            .outerjoin(me_problem, me_problem.id == me.problem_id)
            .outerjoin(m, m.code == me_code),
            columns=(
                _col("title", me.title),
                _col("promise", me_promise.title, nullable=True),
                _col("responsible", me.responsible),
                _col("ends_on", me.ends_on, ValueType.DATE, nullable=True),
                _col("status", me.status, ValueType.CODE),
                _col("mark", me.mark, ValueType.CODE, nullable=True),
                _col("municipality", m.name, nullable=True),
            ),
            default_sort="ends_on",
            default_descending=False,
            municipality=me_code,
            date_start=me.ends_on.expression,
            status=me.status.expression,
            status_values=_values(MeasureStatus),
        )
    )

    f = t.FollowUp
    f_promise = aliased(t.Promise)
    specs.append(
        _KindSpec(
            name="followups",
            model=f,
            from_clause=f.__table__.outerjoin(f_promise, f_promise.id == f.promise_id).outerjoin(
                m, m.code == f_promise.municipality_code
            ),
            columns=(
                _col("held_on", f.held_on, ValueType.DATE),
                _col("kind", f.kind, ValueType.CODE),
                _col("promise", f_promise.title, nullable=True),
                _col("municipality", m.name, nullable=True),
                _col("hours", f.hours, ValueType.NUMBER, nullable=True),
                _col("reported_to", f.reported_to),
            ),
            default_sort="held_on",
            default_descending=True,
            municipality=f_promise.municipality_code.expression,
            date_start=f.held_on.expression,
        )
    )

    g = t.Agreement
    specs.append(
        _KindSpec(
            name="agreements",
            model=g,
            from_clause=g.__table__.outerjoin(m, m.code == g.municipality_code),
            columns=(
                _col("title", g.title),
                _col("municipality", m.name, nullable=True),
                _col("period_start", g.period_start, ValueType.DATE),
                _col("period_end", g.period_end, ValueType.DATE),
                _col("status", g.status, ValueType.CODE),
                _col(
                    "party_count",
                    _count(t.AgreementParty, t.AgreementParty.agreement_id == g.id),
                    ValueType.INTEGER,
                ),
            ),
            default_sort="period_start",
            default_descending=True,
            municipality=g.municipality_code.expression,
            date_start=g.period_start.expression,
            date_end=g.period_end.expression,
            status=g.status.expression,
            status_values=_values(AgreementStatus),
        )
    )

    pl = t.Place
    specs.append(
        _KindSpec(
            name="places",
            model=pl,
            from_clause=pl.__table__.outerjoin(m, m.code == pl.municipality_code),
            columns=(
                _col("name", pl.name),
                _col("place_kind", pl.kind, ValueType.CODE),
                _col("municipality", m.name),
                _col(
                    "concern_count",
                    _count(t.Concern, t.Concern.place_id == pl.id),
                    ValueType.INTEGER,
                ),
            ),
            default_sort="name",
            default_descending=False,
            municipality=pl.municipality_code.expression,
        )
    )

    o = t.Organisation
    specs.append(
        _KindSpec(
            name="organisations",
            model=o,
            from_clause=o.__table__.outerjoin(m, m.code == o.municipality_code),
            columns=(
                _col("name", o.name),
                _col("organisation_kind", o.kind, ValueType.CODE),
                _col("municipality", m.name, nullable=True),
                _col(
                    "contact_count",
                    _count(t.Contact, t.Contact.organisation_id == o.id),
                    ValueType.INTEGER,
                ),
            ),
            default_sort="name",
            default_descending=False,
            municipality=o.municipality_code.expression,
        )
    )

    ct = t.Contact
    ct_org = aliased(t.Organisation)
    specs.append(
        _KindSpec(
            name="contacts",
            model=ct,
            from_clause=ct.__table__.outerjoin(ct_org, ct_org.id == ct.organisation_id).outerjoin(
                m, m.code == ct_org.municipality_code
            ),
            columns=(
                _col("name", ct.name),
                _col("job_title", ct.title),
                _col("organisation", ct_org.name, nullable=True),
                _col("municipality", m.name, nullable=True),
                _col("email", ct.email),
                _col("phone", ct.phone),
            ),
            default_sort="name",
            default_descending=False,
            municipality=ct_org.municipality_code.expression,
        )
    )

    cd, th, cp = aliased(t.Dialogue), aliased(t.Theme), aliased(t.Place)
    specs.append(
        _KindSpec(
            name="concerns",
            model=c,
            from_clause=c.__table__.join(cd, cd.id == c.dialogue_id)
            .join(th, th.id == c.theme_id)
            .outerjoin(cp, cp.id == c.place_id)
            .outerjoin(m, m.code == cd.municipality_code),
            columns=(
                _col("starts_at", cd.starts_at, ValueType.DATETIME),
                _col("theme", th.name),
                _col("text", _preview(c.text)),
                _col("place", cp.name, nullable=True),
                _col("municipality", m.name),
                _col("raised_count", c.raised_count, ValueType.INTEGER),
                _col("dialogue", cd.title),
            ),
            default_sort="starts_at",
            default_descending=True,
            municipality=cd.municipality_code.expression,
            date_start=cd.starts_at.expression,
            theme_filter=lambda theme: c.theme_id == theme,
        )
    )

    specs.append(
        _KindSpec(
            name="themes",
            model=t.Theme,
            from_clause=t.Theme.__table__,
            columns=(
                _col("position", t.Theme.position, ValueType.INTEGER),
                _col("name", t.Theme.name),
                _col(
                    "concern_count",
                    _count(t.Concern, t.Concern.theme_id == t.Theme.id),
                    ValueType.INTEGER,
                ),
            ),
            default_sort="position",
            default_descending=False,
        )
    )

    ind = t.Indicator
    ind_promise, ind_measure, ind_measure_promise = (
        aliased(t.Promise),
        aliased(t.Measure),
        aliased(t.Promise),
    )
    ind_code = func.coalesce(ind_promise.municipality_code, ind_measure_promise.municipality_code)
    iv = t.IndicatorValue
    latest_value = (
        select(iv.value)
        .where(iv.indicator_id == ind.id, _live(iv))
        .order_by(iv.measured_on.desc(), iv.id.desc())
        .limit(1)
        .correlate_except(iv)
        .scalar_subquery()
    )
    specs.append(
        _KindSpec(
            name="indicators",
            model=ind,
            from_clause=ind.__table__.outerjoin(ind_promise, ind_promise.id == ind.promise_id)
            .outerjoin(ind_measure, ind_measure.id == ind.measure_id)
            .outerjoin(ind_measure_promise, ind_measure_promise.id == ind_measure.promise_id)
            .outerjoin(m, m.code == ind_code),
            columns=(
                _col("name", ind.name),
                _col("source_kind", ind.source_kind, ValueType.CODE),
                _col("unit", ind.unit),
                _col("baseline", ind.baseline, ValueType.NUMBER, nullable=True),
                _col("target", ind.target, ValueType.NUMBER, nullable=True),
                _col("latest_value", latest_value, ValueType.NUMBER, nullable=True),
                _col("municipality", m.name, nullable=True),
            ),
            default_sort="name",
            default_descending=False,
            municipality=ind_code,
        )
    )
    return {spec.name: spec for spec in specs}


_SPECS = _build_specs()

LISTABLE_KINDS: tuple[str, ...] = tuple(_SPECS)


def _spec(kind: str) -> _KindSpec:
    try:
        return _SPECS[kind]
    except KeyError:
        known = ", ".join(_SPECS)
        raise InvalidInput("kind", f"'{kind}' cannot be listed (known: {known})") from None


def columns(kind: str) -> tuple[ListColumn, ...]:
    """Return the columns a list of ``kind`` shows, in display order (no database needed)."""
    return _spec(kind).columns


def default_sort(kind: str) -> tuple[str, bool]:
    """Return the default sort column key of ``kind`` and whether it is descending."""
    spec = _spec(kind)
    return spec.default_sort, spec.default_descending


def status_enum(kind: str) -> type[StrEnum] | None:
    """Return the status lifecycle of ``kind`` (None if it has no status)."""
    spec = _spec(kind)
    if spec.status is None:
        return None
    enum_class = getattr(spec.status.type, "enum_class", None)
    return enum_class if isinstance(enum_class, type) and issubclass(enum_class, StrEnum) else None


def _uuid_from_bytes(raw: bytes) -> uuid.UUID:
    # uuid.UUID(bytes=...) validates its arguments at Python speed (~1 µs each); for
    # 100 000 ids straight from the primary key that is a third of the whole query.
    value = object.__new__(uuid.UUID)
    object.__setattr__(value, "int", int.from_bytes(raw, "big"))
    object.__setattr__(value, "is_safe", uuid.SafeUUID.unknown)
    return value


def _day_start(day: date, *, as_datetime: bool) -> date | datetime:
    if not as_datetime:
        return day
    return local_midnight(day)


class ListingService:
    """Sorted, filtered record ids and pages of rows for every list of the workbench."""

    def __init__(self, *, uow: Callable[[], UnitOfWork]) -> None:
        self._uow = uow

    @staticmethod
    def kinds() -> tuple[str, ...]:
        """Return the kinds that can be listed."""
        return LISTABLE_KINDS

    @staticmethod
    def columns(kind: str) -> tuple[ListColumn, ...]:
        """Return the columns of ``kind`` in display order."""
        return columns(kind)

    def ids(self, kind: str, query: ListQuery | None = None) -> tuple[uuid.UUID, ...]:
        """Return the ids of the records matching ``query``, in its order, from one query."""
        return tuple(_uuid_from_bytes(raw) for raw in self.id_keys(kind, query))

    def id_keys(self, kind: str, query: ListQuery | None = None) -> tuple[bytes, ...]:
        """Return what :meth:`ids` returns as the ids' 16 bytes (``uuid.UUID.bytes``).

        For lists of 100 000 records: building as many UUID objects costs more than the
        query itself, and plain bytes are cheap to hash and invisible to the garbage
        collector, so a list model keeps these and makes a UUID only for a row shown.
        """
        spec = _spec(kind)
        statement = self._ids_statement(spec, query or ListQuery())
        keys: list[bytes] = []
        with self._uow() as uow:
            result = uow.session.connection().execute(statement)
            # Straight from the DB-API cursor, in slices: SQLAlchemy's row processing
            # doubled the time at 100 000 ids, and its compiled fetchall loop holds the
            # GIL for ~70 ms at once, which would freeze the GUI thread meanwhile.
            cursor = result.cursor
            try:
                while chunk := cursor.fetchmany(ID_SLICE):
                    keys.extend(raw for (raw,) in chunk)
            finally:
                result.close()
        return tuple(keys)

    def count(self, kind: str, query: ListQuery | None = None) -> int:
        """Return how many records match ``query``."""
        spec = _spec(kind)
        where = self._where(spec, query or ListQuery())
        statement = select(func.count()).select_from(spec.from_clause).where(*where)
        with self._uow() as uow:
            return int(uow.session.execute(statement).scalar_one())

    def rows(self, kind: str, ids: Sequence[uuid.UUID]) -> tuple[ListRow, ...]:
        """Return the rows of ``ids`` in the order given (unknown ids are left out)."""
        spec = _spec(kind)
        if not ids:
            return ()
        if len(ids) > MAX_ROWS_PER_CALL:
            raise InvalidInput("ids", f"at most {MAX_ROWS_PER_CALL} rows per call")
        model = spec.model
        status = spec.status if spec.status is not None else literal(None)
        statement = (
            select(
                model.id,
                model.deleted_at.is_not(None),
                status,
                *(column.expression for column in spec.columns),
            )
            .select_from(spec.from_clause)
            .where(model.id.in_(list(ids)))
        )
        with self._uow() as uow:
            fetched = {
                row[0]: ListRow(
                    id=row[0],
                    values=tuple(row[3:]),
                    status=None if row[2] is None else str(row[2]),
                    deleted=bool(row[1]),
                )
                for row in uow.session.execute(statement)
            }
        return tuple(fetched[record_id] for record_id in ids if record_id in fetched)

    def filter_options(self, kind: str) -> FilterOptions:
        """Return which filters apply to ``kind``, with the themes and kommuner to offer."""
        spec = _spec(kind)
        themes: tuple[tuple[uuid.UUID, str], ...] = ()
        with self._uow() as uow:
            if spec.theme_filter is not None:
                themes = tuple(
                    (row.id, row.name)
                    for row in uow.session.execute(
                        select(t.Theme.id, t.Theme.name)
                        .where(_live(t.Theme))
                        .order_by(t.Theme.position, swedish_order(t.Theme.name.expression))
                    )
                )
            municipalities: tuple[MunicipalityView, ...] = ()
            if spec.municipality is not None:
                municipalities = tuple(
                    MunicipalityView(row.code, row.name, row.county_name, row.police_region)
                    for row in uow.session.execute(
                        select(t.Municipality).order_by(
                            swedish_order(t.Municipality.name.expression)
                        )
                    ).scalars()
                )
        return FilterOptions(
            kind=kind,
            municipality=spec.municipality is not None,
            period=spec.date_start is not None,
            statuses=spec.status_values,
            themes=themes,
            municipalities=municipalities,
        )

    # --- statement building -----------------------------------------------------------

    def _ids_statement(self, spec: _KindSpec, query: ListQuery) -> Select[Any]:
        if query.sort_key is None:
            column, descending = spec.column(spec.default_sort), spec.default_descending
        else:
            column, descending = spec.column(query.sort_key), query.descending
            if not column.sortable:
                raise InvalidInput("sort", f"{spec.name} cannot be sorted by '{column.key}'")
        key = (
            swedish_order(column.expression)
            if column.value_type is ValueType.TEXT
            else column.expression
        )
        model_id = spec.model.id
        order: list[ColumnElement[Any]] = []
        if column.nullable:
            # Empty values last in both directions (portable: no NULLS LAST needed).
            order.append(column.expression.is_(None))
        order += [key.desc(), model_id.desc()] if descending else [key.asc(), model_id.asc()]
        # The raw 16 bytes: converted to UUIDs in bulk (see _uuid_from_bytes).
        return (
            select(type_coerce(model_id, LargeBinary()))
            .select_from(spec.from_clause)
            .where(*self._where(spec, query))
            .order_by(*order)
        )

    @staticmethod
    def _where(spec: _KindSpec, query: ListQuery) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if not query.include_deleted:
            where.append(_live(spec.model))
        if query.municipality_codes:
            if spec.municipality is None:
                raise InvalidInput("kommun", f"{spec.name} have no kommun to filter by")
            where.append(spec.municipality.in_(query.municipality_codes))
        if query.period_from is not None or query.period_to is not None:
            where.extend(_period_filter(spec, query.period_from, query.period_to))
        if query.statuses:
            if spec.status is None:
                raise InvalidInput("status", f"{spec.name} have no status")
            unknown = sorted(set(query.statuses) - set(spec.status_values))
            if unknown:
                raise InvalidInput("status", f"unknown status(es): {', '.join(unknown)}")
            where.append(spec.status.in_(query.statuses))
        if query.theme_id is not None:
            if spec.theme_filter is None:
                raise InvalidInput("theme", f"{spec.name} have no theme to filter by")
            where.append(spec.theme_filter(query.theme_id))
        return where


def _period_filter(
    spec: _KindSpec, period_from: date | None, period_to: date | None
) -> Iterable[ColumnElement[bool]]:
    if spec.date_start is None:
        raise InvalidInput("period", f"{spec.name} have no date to filter by")
    if period_from is not None and period_to is not None and period_from > period_to:
        raise InvalidInput("period", "the period ends before it starts")
    as_datetime = isinstance(spec.date_start.type, UtcDateTime)
    start, end = spec.date_start, spec.date_end if spec.date_end is not None else spec.date_start
    if period_from is not None:
        yield end >= _day_start(period_from, as_datetime=as_datetime)
    if period_to is not None:
        after = period_to + timedelta(days=1)
        if as_datetime:
            yield start < _day_start(after, as_datetime=True)
        else:
            yield start <= period_to


__all__ = [
    "LISTABLE_KINDS",
    "FilterOptions",
    "ListColumn",
    "ListQuery",
    "ListRow",
    "ListingService",
    "ValueType",
    "columns",
    "default_sort",
    "swedish_order",
]

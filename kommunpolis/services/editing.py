"""Create, load, validate and save records of every kind, with their links and children.

Everything is driven by :mod:`kommunpolis.domain.record_fields`. Values come in as
plain Python values or as the strings an editor or a recovery file holds (ISO dates,
UUID text, enum values); every field is checked and *all* problems are reported at
once in one :class:`~kommunpolis.domain.errors.FieldErrors`, so that an editor can
mark each field. Statuses never change here: use ``RecordService.change_status``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from sqlalchemy import func, or_, select

from kommunpolis.domain.collation import swedish_key
from kommunpolis.domain.errors import FieldErrors, InvalidInput, RecordNotFound
from kommunpolis.domain.record_fields import (
    SPECS,
    SPECS_BY_KIND,
    Default,
    FieldSpec,
    FieldType,
    KindSpec,
    LinkSetSpec,
)
from kommunpolis.domain.statuses import allowed_next
from kommunpolis.storage import tables as t
from kommunpolis.storage.kinds import all_record_tables
from kommunpolis.storage.unit_of_work import UnitOfWork

Problem = tuple[str, Mapping[str, object]]
TITLE_PREVIEW = 80

_MODELS: Mapping[str, type[t.Record]] = {
    model.__tablename__: model for model in all_record_tables()
}


@dataclass(frozen=True)
class RecordRef:
    """A record named by kind and id (e.g. the parent of a new child)."""

    kind: str
    id: uuid.UUID


@dataclass(frozen=True)
class RecordDetail:
    """One record as an editor shows it: every editable value, its status and metadata."""

    kind: str
    id: uuid.UUID
    title: str
    values: Mapping[str, object]
    status: str | None
    allowed_next: tuple[str, ...]
    revision: int
    updated_at: datetime
    deleted: bool
    author: str = ""
    """Who recorded it (on whichever device; merged data keeps its author)."""
    created_at: datetime | None = None


@dataclass(frozen=True)
class LinkedRecord:
    """A record at the other end of a link."""

    link_id: uuid.UUID
    kind: str
    id: uuid.UUID
    title: str
    rank: int | None = None


@dataclass(frozen=True)
class Choice:
    """An entry in a picker: a record's id, its title and a hint (e.g. its kommun)."""

    id: uuid.UUID
    title: str
    detail: str = ""


def _spec(kind: str) -> KindSpec:
    try:
        return SPECS_BY_KIND[kind]
    except KeyError:
        known = ", ".join(spec.kind for spec in SPECS)
        raise InvalidInput("kind", f"no editor for '{kind}' (known: {known})") from None


def _model(spec: KindSpec) -> type[t.Record]:
    return _MODELS[spec.table]


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_PREVIEW else text[: TITLE_PREVIEW - 1] + "…"


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _as_int(value: object) -> int:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return int(value.strip())
    raise ValueError(value)


def _as_float(value: object) -> float:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        # Swedish writes a decimal comma.
        return float(value.strip().replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    raise ValueError(value)


def _as_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value.strip())
    raise ValueError(value)


def _as_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        moment = datetime.fromisoformat(value.strip())
    else:
        raise ValueError(value)
    # A time without a zone is the computer's local time, as the person typed it.
    return moment.astimezone(UTC)


def _as_flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "1", "ja", "yes"}:
        return True
    if isinstance(value, str) and value.strip().lower() in {"false", "0", "nej", "no", ""}:
        return False
    raise ValueError(value)


def _as_uuid(value: object) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        return uuid.UUID(value.strip())
    raise ValueError(value)


_INVALID_CODE: Mapping[FieldType, str] = {
    FieldType.INTEGER: "not_a_number",
    FieldType.DECIMAL: "not_a_number",
    FieldType.DATE: "invalid_date",
    FieldType.DATETIME: "invalid_date",
    FieldType.CHOICE: "unknown_choice",
    FieldType.FLAG: "invalid_value",
    FieldType.MUNICIPALITY: "unknown_municipality",
    FieldType.REFERENCE: "unknown_reference",
    FieldType.LINE: "invalid_value",
    FieldType.TEXT: "invalid_value",
}


def _convert(spec: FieldSpec, raw: object) -> object:
    """Return ``raw`` as the field's Python type (None when empty); ValueError if impossible."""
    if spec.field_type in (FieldType.LINE, FieldType.TEXT):
        if raw is None:
            return ""
        if not isinstance(raw, str):
            raise ValueError(raw)
        return raw
    if _is_empty(raw):
        return None
    if spec.field_type is FieldType.INTEGER:
        return _as_int(raw)
    if spec.field_type is FieldType.DECIMAL:
        return _as_float(raw)
    if spec.field_type is FieldType.DATE:
        return _as_date(raw)
    if spec.field_type is FieldType.DATETIME:
        return _as_datetime(raw)
    if spec.field_type is FieldType.CHOICE:
        assert spec.choices is not None
        return spec.choices(str(raw))
    if spec.field_type is FieldType.FLAG:
        return _as_flag(raw)
    if spec.field_type is FieldType.MUNICIPALITY:
        if not isinstance(raw, str):
            raise ValueError(raw)
        return raw.strip()
    return _as_uuid(raw)


class EditingService:
    """Field-level editing of every record kind that has a spec."""

    def __init__(
        self,
        *,
        uow: Callable[[], UnitOfWork],
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._uow = uow
        self._now = now

    # --- reading ------------------------------------------------------------------

    def blank(self, kind: str) -> Mapping[str, object]:
        """Return the values a new record of ``kind`` starts with."""
        spec = _spec(kind)
        now = self._now()
        home: str | None = None
        if any(field.default is Default.HOME_MUNICIPALITY for field in spec.fields):
            with self._uow() as uow:
                home = uow.session.scalars(
                    select(t.ProfileMunicipality.municipality_code)
                    .order_by(t.ProfileMunicipality.municipality_code)
                    .limit(1)
                ).first()
        dynamic: Mapping[object, object] = {
            Default.NOW: now.replace(second=0, microsecond=0),
            Default.TODAY: now.astimezone().date(),
            Default.IN_ONE_YEAR: now.astimezone().date() + timedelta(days=365),
            Default.HOME_MUNICIPALITY: home,
        }
        return MappingProxyType(
            {
                field.name: dynamic.get(field.default, field.default)
                if isinstance(field.default, Default)
                else field.default
                for field in spec.fields
            }
        )

    def load(self, kind: str, record_id: uuid.UUID) -> RecordDetail:
        """Return one record (tombstoned ones too, marked ``deleted``)."""
        spec = _spec(kind)
        with self._uow() as uow:
            record = uow.session.get(_model(spec), record_id)
            if record is None:
                raise RecordNotFound(kind, str(record_id))
            return _detail(spec, record)

    def children(
        self, kind: str, record_id: uuid.UUID, child_kind: str
    ) -> tuple[RecordDetail, ...]:
        """Return the live children of one record, in their numbered or creation order."""
        spec = _spec(kind)
        child_spec, parent_column = self._child(spec, child_kind)
        model = _model(child_spec)
        order: list[Any] = [
            getattr(model, field.name) for field in child_spec.fields if field.auto_number
        ]
        with self._uow() as uow:
            rows = uow.session.scalars(
                select(model)
                .where(getattr(model, parent_column) == record_id, model.deleted_at.is_(None))
                .order_by(*order, model.created_at, model.id)
            )
            return tuple(_detail(child_spec, row) for row in rows)

    def links(self, kind: str, record_id: uuid.UUID, link_set: str) -> tuple[LinkedRecord, ...]:
        """Return the live records linked to one record through ``link_set``."""
        link = self._link_set(_spec(kind), link_set)
        other_spec = _spec(link.other_kind)
        link_model, other_model = _MODELS[link.table], _model(other_spec)
        rank = getattr(link_model, link.rank_column) if link.rank_column else None
        with self._uow() as uow:
            rows = uow.session.execute(
                select(link_model, other_model)
                .join(other_model, other_model.id == getattr(link_model, link.other_column))
                .where(
                    getattr(link_model, link.own_column) == record_id,
                    link_model.deleted_at.is_(None),
                    other_model.deleted_at.is_(None),
                )
                .order_by(*([rank] if rank is not None else []), link_model.created_at)
            ).all()
            linked = [
                LinkedRecord(
                    link_id=row.id,
                    kind=other_spec.kind,
                    id=other.id,
                    title=_title(other_spec, other),
                    rank=getattr(row, link.rank_column) if link.rank_column else None,
                )
                for row, other in rows
            ]
        if rank is None:
            linked.sort(key=lambda item: swedish_key(item.title))
        return tuple(linked)

    def choices(
        self,
        kind: str,
        query_text: str = "",
        limit: int = 50,
        *,
        municipality_code: str | None = None,
    ) -> tuple[Choice, ...]:
        """Return live records of ``kind`` whose title contains ``query_text``, for a picker."""
        spec = _spec(kind)
        model = _model(spec)
        title = getattr(model, spec.title_field)
        query = select(model).where(model.deleted_at.is_(None))
        words = query_text.split()
        for word in words:
            # SQLite's LIKE folds only ASCII case; try the usual spellings of å, ä, ö too.
            variants = {word, word.lower(), word.upper(), word.capitalize()}
            query = query.where(or_(*(title.contains(v, autoescape=True) for v in variants)))
        if municipality_code is not None and hasattr(model, "municipality_code"):
            query = query.where(model.municipality_code == municipality_code)
        if spec.table == "theme":
            query = query.order_by(t.Theme.position, t.Theme.name)
        else:
            query = query.order_by(model.updated_at.desc())
        with self._uow() as uow:
            found = [
                Choice(row.id, _title(spec, row), _choice_detail(uow, row))
                for row in uow.session.scalars(query.limit(limit))
            ]
        if spec.table != "theme":
            found.sort(key=lambda choice: swedish_key(choice.title))
        return tuple(found)

    def frequent_themes(self, limit: int = 9) -> tuple[Choice, ...]:
        """Return the themes most used by live concerns, then the rest in list order."""
        uses = (
            select(t.Concern.theme_id, func.count().label("uses"))
            .where(t.Concern.deleted_at.is_(None))
            .group_by(t.Concern.theme_id)
            .subquery()
        )
        query = (
            select(t.Theme.id, t.Theme.name)
            .outerjoin(uses, uses.c.theme_id == t.Theme.id)
            .where(t.Theme.deleted_at.is_(None))
            .order_by(func.coalesce(uses.c.uses, 0).desc(), t.Theme.position, t.Theme.name)
            .limit(limit)
        )
        with self._uow() as uow:
            return tuple(Choice(row.id, row.name) for row in uow.session.execute(query))

    # --- writing ------------------------------------------------------------------

    def new(
        self, kind: str, values: Mapping[str, object], *, parent: RecordRef | None = None
    ) -> RecordDetail:
        """Create a record from ``values`` (missing fields take their defaults)."""
        spec = _spec(kind)
        self._reject_unknown(spec, values)
        merged = {**self.blank(kind), **values}
        with self._uow() as uow:
            parent_column: str | None = None
            if parent is not None:
                parent_spec = _spec(parent.kind)
                _child_spec, parent_column = self._child(parent_spec, kind)
                self._live(uow, parent_spec, parent.id)
                merged[parent_column] = parent.id
            converted, problems = self._check(uow, spec, merged, None)
            if parent is not None and parent_column is not None:
                child = _spec(parent.kind).child_list(kind)
                if child.single and self._has_live_child(uow, spec, parent_column, parent.id):
                    problems[parent_column] = ("already_exists", {})
            if problems:
                raise FieldErrors(kind, problems)
            model = _model(spec)
            record = model()
            for field in spec.fields:
                value = converted.get(field.name)
                if field.auto_number and value is None:
                    value = self._next_number(uow, spec, field, converted)
                setattr(record, field.name, value)
            uow.session.add(record)
            uow.flush()
            detail = _detail(spec, record)
            uow.commit()
            return detail

    def save(self, kind: str, record_id: uuid.UUID, values: Mapping[str, object]) -> RecordDetail:
        """Change the given fields of one live record in one transaction; others stay."""
        spec = _spec(kind)
        self._reject_unknown(spec, values)
        with self._uow() as uow:
            record = self._live(uow, spec, record_id)
            converted, problems = self._check(uow, spec, values, record)
            if problems:
                raise FieldErrors(kind, problems)
            for name, value in converted.items():
                setattr(record, name, value)
            uow.flush()
            detail = _detail(spec, record)
            uow.commit()
            return detail

    def link(
        self,
        kind: str,
        record_id: uuid.UUID,
        link_set: str,
        other_id: uuid.UUID,
        *,
        rank: int | None = None,
    ) -> LinkedRecord:
        """Link two live records; a removed link is brought back rather than duplicated."""
        spec = _spec(kind)
        link = self._link_set(spec, link_set)
        other_spec = _spec(link.other_kind)
        link_model = _MODELS[link.table]
        with self._uow() as uow:
            self._live(uow, spec, record_id)
            other = self._live(uow, other_spec, other_id)
            row = uow.session.scalars(
                select(link_model).where(
                    getattr(link_model, link.own_column) == record_id,
                    getattr(link_model, link.other_column) == other_id,
                )
            ).first()
            if link.rank_column is not None and rank is None and row is None:
                rank = self._next_rank(uow, link, record_id)
            if row is None:
                row = link_model()
                setattr(row, link.own_column, record_id)
                setattr(row, link.other_column, other_id)
                uow.session.add(row)
            row.deleted_at = None
            if link.rank_column is not None and rank is not None:
                setattr(row, link.rank_column, rank)
            uow.flush()
            linked = LinkedRecord(
                link_id=row.id,
                kind=other_spec.kind,
                id=other_id,
                title=_title(other_spec, other),
                rank=getattr(row, link.rank_column) if link.rank_column else None,
            )
            uow.commit()
            return linked

    def unlink(self, kind: str, record_id: uuid.UUID, link_set: str, other_id: uuid.UUID) -> None:
        """Remove a link (a tombstone, so that the removal travels); no-op if not linked."""
        link = self._link_set(_spec(kind), link_set)
        link_model = _MODELS[link.table]
        with self._uow() as uow:
            row = uow.session.scalars(
                select(link_model).where(
                    getattr(link_model, link.own_column) == record_id,
                    getattr(link_model, link.other_column) == other_id,
                    link_model.deleted_at.is_(None),
                )
            ).first()
            if row is None:
                return
            row.deleted_at = self._now()
            uow.commit()

    # --- helpers ------------------------------------------------------------------

    @staticmethod
    def _reject_unknown(spec: KindSpec, values: Mapping[str, object]) -> None:
        for name in values:
            if name == spec.status_field:
                raise InvalidInput(name, "a status changes only through a transition")
            if not spec.has_field(name):
                raise InvalidInput(name, f"not an editable field of {spec.kind}")

    def _check(
        self,
        uow: UnitOfWork,
        spec: KindSpec,
        values: Mapping[str, object],
        record: t.Record | None,
    ) -> tuple[dict[str, object], dict[str, Problem]]:
        """Convert and validate ``values``; a new record (no ``record``) checks every field."""
        converted: dict[str, object] = {}
        problems: dict[str, Problem] = {}
        names = [field.name for field in spec.fields if record is None or field.name in values]
        for name in names:
            field = spec.field(name)
            try:
                value = _convert(field, values.get(name))
            except (ValueError, TypeError):
                problems[name] = (_INVALID_CODE[field.field_type], {})
                continue
            if value is None and field.default is not None and not field.required:
                value = field.default
            problem = self._problem(uow, field, value)
            if problem is not None:
                problems[name] = problem
            else:
                converted[name] = value
        if spec.period is not None:
            start_name, end_name = spec.period
            start = converted.get(start_name, getattr(record, start_name, None))
            end = converted.get(end_name, getattr(record, end_name, None))
            touched = start_name in converted or end_name in converted
            if touched and start is not None and end is not None and end < start:  # type: ignore[operator]
                problems[end_name] = ("end_before_start", {"start": start_name})
        for field in spec.fields:
            if field.within is not None and not {field.name, field.within[0]} & problems.keys():
                problem = self._outside(uow, spec, field, converted, record)
                if problem is not None:
                    problems[field.name] = problem
        return converted, problems

    @staticmethod
    def _outside(
        uow: UnitOfWork,
        spec: KindSpec,
        field: FieldSpec,
        converted: Mapping[str, object],
        record: t.Record | None,
    ) -> Problem | None:
        """Check a ``within`` reference: it must be linked to the record its anchor names.

        Checked when either the reference or its anchor changes (a commitment's focus area
        must be one of its promise's problems); a link removed later is not re-checked.
        """
        assert field.within is not None
        anchor_name, link_name = field.within
        if field.name not in converted and anchor_name not in converted:
            return None
        value = converted.get(field.name, getattr(record, field.name, None))
        anchor = converted.get(anchor_name, getattr(record, anchor_name, None))
        if value is None or anchor is None:
            return None
        anchor_kind = spec.field(anchor_name).reference
        assert anchor_kind is not None
        link = _spec(anchor_kind).link_set(link_name)
        link_model = _MODELS[link.table]
        linked = uow.session.scalar(
            select(link_model.id).where(
                getattr(link_model, link.own_column) == anchor,
                getattr(link_model, link.other_column) == value,
                link_model.deleted_at.is_(None),
            )
        )
        if linked is None:
            return ("not_linked", {"kind": anchor_kind, "link_set": link_name})
        return None

    @staticmethod
    def _problem(uow: UnitOfWork, field: FieldSpec, value: object) -> Problem | None:
        if field.auto_number and value is None:
            return None
        if field.required and _is_empty(value):
            return ("required", {})
        limit = field.max_length
        if isinstance(value, str) and limit is not None and len(value) > limit:
            return ("too_long", {"limit": limit, "length": len(value)})
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if number and field.minimum is not None and value < field.minimum:  # type: ignore[operator]
            return ("below_minimum", {"minimum": field.minimum})
        if value is None:
            return None
        if (
            field.field_type is FieldType.MUNICIPALITY
            and uow.session.get(t.Municipality, value) is None
        ):
            return ("unknown_municipality", {})
        if field.field_type is FieldType.REFERENCE:
            assert field.reference is not None
            target = _model(_spec(field.reference))
            found = uow.session.get(target, value)
            if found is None or found.deleted_at is not None:
                return ("unknown_reference", {"kind": field.reference})
        return None

    @staticmethod
    def _live(uow: UnitOfWork, spec: KindSpec, record_id: uuid.UUID) -> t.Record:
        record = uow.session.get(_model(spec), record_id)
        if record is None or record.deleted_at is not None:
            raise RecordNotFound(spec.kind, str(record_id))
        return record

    @staticmethod
    def _child(spec: KindSpec, child_kind: str) -> tuple[KindSpec, str]:
        try:
            child = spec.child_list(child_kind)
        except KeyError:
            raise InvalidInput("child_kind", f"{spec.kind} have no {child_kind}") from None
        return _spec(child.kind), child.parent_field

    @staticmethod
    def _link_set(spec: KindSpec, name: str) -> LinkSetSpec:
        try:
            return spec.link_set(name)
        except KeyError:
            raise InvalidInput("link_set", f"{spec.kind} have no link set '{name}'") from None

    @staticmethod
    def _has_live_child(uow: UnitOfWork, spec: KindSpec, column: str, parent: uuid.UUID) -> bool:
        model = _model(spec)
        found = uow.session.scalars(
            select(model.id).where(getattr(model, column) == parent, model.deleted_at.is_(None))
        ).first()
        return found is not None

    @staticmethod
    def _next_number(
        uow: UnitOfWork, spec: KindSpec, field: FieldSpec, values: Mapping[str, object]
    ) -> int:
        model = _model(spec)
        # Numbered kinds belong to their first required reference (the meeting, the analysis).
        parent = next(
            f.name for f in spec.fields if f.field_type is FieldType.REFERENCE and f.required
        )
        highest = uow.session.scalar(
            select(func.max(getattr(model, field.name))).where(
                getattr(model, parent) == values.get(parent), model.deleted_at.is_(None)
            )
        )
        return int(highest or 0) + 1

    @staticmethod
    def _next_rank(uow: UnitOfWork, link: LinkSetSpec, record_id: uuid.UUID) -> int:
        assert link.rank_column is not None
        model = _MODELS[link.table]
        highest = uow.session.scalar(
            select(func.max(getattr(model, link.rank_column))).where(
                getattr(model, link.own_column) == record_id, model.deleted_at.is_(None)
            )
        )
        return int(highest or 0) + 1


def _title(spec: KindSpec, record: t.Record) -> str:
    return _preview(str(getattr(record, spec.title_field) or ""))


def _choice_detail(uow: UnitOfWork, record: t.Record) -> str:
    code = getattr(record, "municipality_code", None)
    if isinstance(code, str):
        municipality = uow.session.get(t.Municipality, code)
        return municipality.name if municipality is not None else code
    return ""


def _detail(spec: KindSpec, record: t.Record) -> RecordDetail:
    status: StrEnum | None = getattr(record, spec.status_field) if spec.status_field else None
    if status is None and spec.status_type is not None:
        # A record created in this transaction gets its column default only at flush.
        status = next(iter(spec.status_type))
    return RecordDetail(
        kind=spec.kind,
        id=record.id,
        title=_title(spec, record),
        values=MappingProxyType({field.name: getattr(record, field.name) for field in spec.fields}),
        status=str(status) if status is not None else None,
        allowed_next=tuple(str(s) for s in allowed_next(status)) if status is not None else (),
        revision=record.revision,
        updated_at=record.updated_at,
        deleted=record.deleted_at is not None,
        author=record.author or "",
        created_at=record.created_at,
    )

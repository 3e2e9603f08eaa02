"""Import received bundles: verify, merge field by field, keep every conflict, report gaps.

A bundle is read and verified completely (:func:`kommunpolis.sync.bundle.read_bundle`)
before anything is written. Then, in one transaction per bundle, every record is
merged into the database table by table, parents before children:

- a record not here is inserted; one here is merged per field by hybrid clocks
  (:mod:`kommunpolis.sync.merge`); a field two devices changed concurrently becomes a
  :class:`~kommunpolis.storage.tables.SyncConflict` with both values;
- a record that refers to one not here yet (its bundle has not arrived) waits in
  ``pending_record`` and is merged by the import that brings what it needs;
- only explicit tombstones delete, and a bundle that would delete more than a set
  share of the live records here is refused unless a person allows it;
- the bundle's id is recorded, so importing it again changes nothing and says so.

Imported rows keep the sender's revisions and clocks and get this device's local
version, so incremental exports pass them on. A dry run does the same work and rolls
it back, so the preview is exactly what an import would do.
"""

from __future__ import annotations

import gc
import json
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    CursorResult,
    Table,
    bindparam,
    delete,
    func,
    select,
    tuple_,
    union_all,
    update,
)
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from kommunpolis.domain.errors import (
    AttachmentWriteFailed,
    BundleInvalid,
    ConflictNotFound,
    MassDeleteRefused,
)
from kommunpolis.domain.ids import uuid7
from kommunpolis.storage.attachments import AttachmentStore
from kommunpolis.storage.kinds import all_record_tables
from kommunpolis.storage.tables import (
    Base,
    PendingRecord,
    ReceivedBundle,
    SyncConflict,
)
from kommunpolis.storage.unit_of_work import (
    RevisionObserver,
    UnitOfWork,
    link_columns,
    local_version,
)
from kommunpolis.sync.bundle import (
    KIND_RECEIPT,
    ColumnSpec,
    Manifest,
    VerifiedBundle,
    encode_value,
    read_bundle,
    table_specs,
)
from kommunpolis.sync.clock import COUNTER_BITS
from kommunpolis.sync.identity import IdentityStore
from kommunpolis.sync.merge import (
    INCOMING,
    META_COLUMNS,
    FieldConflict,
    merge_record,
    parse_clocks,
)

NEW = "new"
UPDATED = "updated"
UNCHANGED = "unchanged"
CONFLICTING = "conflicting"
DELETED = "deleted"
WAITING = "waiting"
OUTCOMES = (NEW, UPDATED, UNCHANGED, CONFLICTING, DELETED, WAITING)
"""What can happen to a received record, in the order reports list them."""

DELETE_SHARE = 0.2
"""A bundle may delete at most this share of the live records here without asking …"""
DELETE_MINIMUM = 20
"""… unless it deletes no more than this many."""
_CHUNK = 500


@dataclass(frozen=True)
class ConflictInfo:
    """A field changed on two devices at once: both values and the provisional winner."""

    id: uuid.UUID
    table: str
    record_id: uuid.UUID
    field: str
    local_value: Any
    incoming_value: Any
    winner: str
    """``local`` or ``incoming``."""
    sender_device: uuid.UUID
    detected_at: datetime
    resolved_at: datetime | None = None
    resolution: str | None = None


@dataclass(frozen=True)
class BundleOutcome:
    """What importing one bundle did (or, in a dry run, would do)."""

    path: Path
    bundle_id: uuid.UUID
    sender_device: uuid.UUID
    sender_name: str
    sequence: int
    recipient_sequence: int | None
    kind: str
    created: datetime
    already_imported: datetime | None
    """When the bundle was imported before (then nothing changed now), else None."""
    counts: Mapping[str, int]
    """Records by outcome (see :data:`OUTCOMES`); ``released`` counts waiting records
    from earlier bundles that this one let in, ``files`` the attachment files it carried."""
    tables: Mapping[str, Mapping[str, int]]
    """The same, per table."""
    conflicts: tuple[ConflictInfo, ...]
    receipt: Mapping[str, Any] | None = None
    """For a receipt: what its sender imported of this device's bundles."""

    @property
    def changed(self) -> bool:
        """Whether the import changed anything here."""
        return any(self.counts.get(name, 0) for name in (NEW, UPDATED, CONFLICTING, DELETED))


@dataclass(frozen=True)
class SequenceGap:
    """Bundles ``first``–``last`` from a sender to this device have not arrived."""

    sender_device: uuid.UUID
    sender_name: str
    first: int
    last: int


@dataclass(frozen=True)
class ImportReport:
    """The outcome of an import run over one or more bundles."""

    bundles: tuple[BundleOutcome, ...]
    applied: bool
    """False for a dry run: nothing was written."""
    gaps: tuple[SequenceGap, ...] = field(default=())


@dataclass(frozen=True)
class SenderSummary:
    """What arrived here from one sender (the coordinator's view)."""

    sender_device: uuid.UUID
    sender_name: str
    bundles: int
    last_created: datetime
    last_imported: datetime
    records: int
    """Records the sender's bundles brought that are new or changed here."""
    open_conflicts: int
    waiting: int


class ImportService:
    """Import bundles into the database; list and resolve conflicts."""

    def __init__(
        self,
        *,
        uow: Callable[[], UnitOfWork],
        identity: IdentityStore,
        clock: RevisionObserver,
        attachments: AttachmentStore | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        delete_share: float = DELETE_SHARE,
        delete_minimum: int = DELETE_MINIMUM,
    ) -> None:
        self._uow = uow
        self._identity = identity
        self._clock = clock
        self._attachments = attachments
        self._now = now
        self._delete_share = delete_share
        self._delete_minimum = delete_minimum

    # ------------------------------------------------------------------ import

    def import_bundles(
        self,
        paths: Sequence[Path],
        *,
        dry_run: bool = False,
        passphrase: str | None = None,
        allow_mass_delete: bool = False,
    ) -> ImportReport:
        """Verify every bundle, then import them one transaction each (or preview them).

        Every file is verified before any is imported, so a bad one among several stops
        the run with nothing changed. Bundles are applied per sender in sequence order.
        """
        verified: list[VerifiedBundle] = []
        collecting = gc.isenabled()
        # A large bundle is hundreds of thousands of small objects. The cyclic
        # collector would scan them again and again, each full pass holding the GIL
        # long enough to stall the window. Reference counting frees them anyway: pause
        # the collector, and afterwards freeze what survived (as the app does after
        # start-up), so that the pass the pause postponed has next to nothing to scan.
        gc.disable()
        try:
            for path in paths:
                verified.append(
                    read_bundle(path, self._identity, passphrase=passphrase, wanted=self._new)
                )
                _check_clock(verified[-1], self._now())
            verified.sort(key=lambda b: (str(b.manifest.sender_device_id), b.manifest.sequence))
            if dry_run:
                return self._preview(verified, allow_mass_delete)
            return self._apply(verified, allow_mass_delete)
        finally:
            for bundle in verified:
                bundle.close()
                _dispose(bundle)
            if collecting:
                gc.freeze()
                gc.enable()

    def _preview(self, verified: Sequence[VerifiedBundle], allow_mass_delete: bool) -> ImportReport:
        with self._uow() as uow:
            outcomes = [self._merge(uow.session, b, allow_mass_delete) for b in verified]
            gaps = _gaps(uow.session, self._own_device())
        return ImportReport(bundles=tuple(outcomes), applied=False, gaps=gaps)

    def _apply(self, verified: Sequence[VerifiedBundle], allow_mass_delete: bool) -> ImportReport:
        outcomes: list[BundleOutcome] = []
        gaps: tuple[SequenceGap, ...] = ()
        for bundle in verified:
            # Files first: content-addressed, so one stored for an import that then
            # fails is only an unused copy, while a record never points at nothing.
            if self._attachments is not None:
                try:
                    for unpacked in bundle.attachments.values():
                        self._attachments.put(unpacked)
                except OSError as error:
                    raise AttachmentWriteFailed(bundle.path, error.strerror or str(error)) from None
            with self._uow() as uow:
                outcomes.append(self._merge(uow.session, bundle, allow_mass_delete))
                # Read before the commit: a read failing after it would report an
                # import that was applied as failed.
                gaps = _gaps(uow.session, self._own_device())
                uow.commit()
            top = _top_revision(bundle)
            if top:
                self._clock.observe(top)
        return ImportReport(bundles=tuple(outcomes), applied=True, gaps=gaps)

    def gaps(self) -> tuple[SequenceGap, ...]:
        """Return the bundles each sender numbered for this device that have not arrived."""
        with self._uow() as uow:
            return _gaps(uow.session, self._own_device())

    def senders(self) -> tuple[SenderSummary, ...]:
        """Return, per sender, what arrived here: bundles, last times, records, conflicts."""
        with self._uow() as uow:
            session = uow.session
            rows = session.scalars(
                select(ReceivedBundle).order_by(ReceivedBundle.imported_at)
            ).all()
            conflicts = Counter(
                session.scalars(
                    select(SyncConflict.sender_device).where(SyncConflict.resolved_at.is_(None))
                ).all()
            )
            waiting = Counter(
                bundle_sender
                for bundle_sender in session.scalars(
                    select(ReceivedBundle.sender_device).join(
                        PendingRecord, PendingRecord.bundle_id == ReceivedBundle.bundle_id
                    )
                ).all()
            )
            summaries: dict[uuid.UUID, SenderSummary] = {}
            for row in rows:
                if row.kind == KIND_RECEIPT:
                    continue
                counts = json.loads(row.outcome).get("counts", {})
                brought = sum(counts.get(name, 0) for name in (NEW, UPDATED, CONFLICTING, DELETED))
                previous = summaries.get(row.sender_device)
                summaries[row.sender_device] = SenderSummary(
                    sender_device=row.sender_device,
                    sender_name=row.sender_name,
                    bundles=(previous.bundles if previous else 0) + 1,
                    last_created=max(row.created_at, previous.last_created)
                    if previous
                    else row.created_at,
                    last_imported=row.imported_at,
                    records=(previous.records if previous else 0) + brought,
                    open_conflicts=conflicts.get(row.sender_device, 0),
                    waiting=waiting.get(row.sender_device, 0),
                )
            return tuple(sorted(summaries.values(), key=lambda s: s.sender_name.casefold()))

    # ------------------------------------------------------------------ conflicts

    def conflicts(self, *, include_resolved: bool = False) -> tuple[ConflictInfo, ...]:
        """Return the conflicts, oldest first (only the open ones unless asked)."""
        with self._uow() as uow:
            query = select(SyncConflict).order_by(SyncConflict.detected_at, SyncConflict.id)
            if not include_resolved:
                query = query.where(SyncConflict.resolved_at.is_(None))
            return tuple(_conflict_info(row) for row in uow.session.scalars(query))

    def resolve(self, conflict_id: uuid.UUID, *, keep: str) -> ConflictInfo:
        """Close a conflict keeping ``"current"`` (the provisional winner) or ``"other"``.

        Keeping the other value is a new local edit of the field, made knowing both,
        so it wins everywhere it travels and raises no new conflict.
        """
        if keep not in ("current", "other"):
            raise ValueError(f"keep must be 'current' or 'other', not {keep!r}")
        with self._uow() as uow:
            session = uow.session
            row = session.get(SyncConflict, conflict_id)
            if row is None or row.resolved_at is not None:
                raise ConflictNotFound(str(conflict_id))
            if keep == "other":
                loser = row.local_value if row.winner == INCOMING else row.incoming_value
                model = _models()[row.table_name]
                record = session.get(model, row.record_id)
                if record is not None:
                    spec = {s.name: s for s in table_specs()[row.table_name]}[row.field]
                    column = model.__table__.c[row.field]
                    setattr(record, row.field, _decode(spec, column, json.loads(loser)))
            row.resolved_at = self._now()
            row.resolution = keep
            uow.commit()
            return _conflict_info(row)

    # ------------------------------------------------------------------ merging

    def _new(self, manifest: Manifest) -> bool:
        """Whether a bundle was not imported here before (else its records are not read)."""
        with self._uow() as uow:
            return uow.session.get(ReceivedBundle, manifest.bundle_id) is None

    def _own_device(self) -> uuid.UUID | None:
        return self._identity.public().device_id if self._identity.exists() else None

    def _merge(
        self, session: Session, bundle: VerifiedBundle, allow_mass_delete: bool
    ) -> BundleOutcome:
        manifest = bundle.manifest
        own = self._own_device()
        numbered = manifest.recipient_sequences.get(str(own)) if own else None
        previous = session.get(ReceivedBundle, manifest.bundle_id)
        if previous is not None:
            return _outcome(bundle, numbered, already_imported=previous.imported_at)
        now = self._now()
        if bundle.receipt is not None:
            # A receipt (what a receiver imported of ours) is kept; it changes no record.
            _record_received(session, bundle, None, now, {"receipt": bundle.receipt})
            return _outcome(bundle, None, receipt=bundle.receipt)
        merger = _Merger(session, bundle, version=local_version(session), now=now)
        live_before = _live_records(session)
        for table in _record_tables():
            rows = bundle.records.get(table.name)
            if rows:
                merger.merge_table(table, rows)
        merger.release_waiting()
        deleting = merger.total(DELETED)
        limit = max(self._delete_minimum, int(live_before * self._delete_share))
        if deleting > limit and not allow_mass_delete:
            raise MassDeleteRefused(bundle.path, deleting, live_before)
        counts = {name: merger.total(name) for name in (*OUTCOMES, "released")}
        counts["files"] = len(bundle.attachments)
        tables = {name: dict(counter) for name, counter in sorted(merger.tables.items())}
        _record_received(session, bundle, numbered, now, {"counts": counts, "tables": tables})
        return _outcome(
            bundle, numbered, counts=counts, tables=tables, conflicts=tuple(merger.conflicts)
        )


def _record_received(
    session: Session,
    bundle: VerifiedBundle,
    numbered: int | None,
    now: datetime,
    outcome: Mapping[str, Any],
) -> None:
    """Note that ``bundle`` was imported, so that it is never imported twice."""
    manifest = bundle.manifest
    session.add(
        ReceivedBundle(
            bundle_id=manifest.bundle_id,
            sender_device=manifest.sender_device_id,
            sender_name=manifest.sender_name,
            sequence=manifest.sequence,
            recipient_sequence=numbered,
            kind=manifest.kind,
            created_at=manifest.created,
            imported_at=now,
            file_name=bundle.path.name[:400],
            outcome=json.dumps(outcome, ensure_ascii=False, sort_keys=True),
        )
    )
    session.flush()


def _outcome(
    bundle: VerifiedBundle,
    numbered: int | None,
    *,
    already_imported: datetime | None = None,
    counts: Mapping[str, int] | None = None,
    tables: Mapping[str, Mapping[str, int]] | None = None,
    conflicts: tuple[ConflictInfo, ...] = (),
    receipt: Mapping[str, Any] | None = None,
) -> BundleOutcome:
    manifest = bundle.manifest
    return BundleOutcome(
        path=bundle.path,
        bundle_id=manifest.bundle_id,
        sender_device=manifest.sender_device_id,
        sender_name=manifest.sender_name,
        sequence=manifest.sequence,
        recipient_sequence=numbered,
        kind=manifest.kind,
        created=manifest.created,
        already_imported=already_imported,
        counts=counts or {},
        tables=tables or {},
        conflicts=conflicts,
        receipt=receipt,
    )


class _Merger:
    """Merge one bundle's records into the session, table by table."""

    def __init__(
        self, session: Session, bundle: VerifiedBundle, *, version: int, now: datetime
    ) -> None:
        self.session = session
        self.bundle = bundle
        self.version = version
        self.now = now
        self.tables: dict[str, Counter[str]] = {}
        self.conflicts: list[ConflictInfo] = []
        self.specs = table_specs()

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.tables.values())

    def merge_table(
        self, table: Table, rows: Iterable[Mapping[str, Any]], *, released: bool = False
    ) -> None:
        counter = self.tables.setdefault(table.name, Counter())
        for chunk in _chunks(list(rows)):
            self._merge_chunk(table, chunk, counter, released=released)

    def _merge_chunk(
        self,
        table: Table,
        chunk: Sequence[Mapping[str, Any]],
        counter: Counter[str],
        *,
        released: bool,
    ) -> None:
        specs = self.specs[table.name]
        fields = [spec.name for spec in specs if spec.name not in META_COLUMNS]
        session = self.session
        ids = [uuid.UUID(row["id"]) for row in chunk]
        local = {
            row.id: _encoded(specs, row)
            for row in session.execute(select(table).where(table.c.id.in_(ids)))
        }
        pending = {
            row.record_id: json.loads(row.data)
            for row in session.scalars(
                select(PendingRecord).where(
                    PendingRecord.table_name == table.name, PendingRecord.record_id.in_(ids)
                )
            )
        }
        link = link_columns(table)
        fresh = [row for row in chunk if uuid.UUID(row["id"]) not in local]
        aliases = self._aliases(table, link, fresh) if link else {}
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        candidates: list[Mapping[str, Any]] = []
        for incoming in chunk:
            record_id = uuid.UUID(incoming["id"])
            held = pending.get(record_id)
            if held is not None and not released:  # An earlier version waits: merge both.
                incoming = merge_record(held, incoming, fields).row
            alias = aliases.get(record_id)
            if alias is not None:  # The same link made under another id: merge into it.
                incoming = {**incoming, "id": alias["id"]}
                local[uuid.UUID(alias["id"])] = alias
            candidates.append(incoming)
        missing = self._missing_references(table, candidates)
        for incoming in candidates:
            record_id = uuid.UUID(incoming["id"])
            reference = missing.get(record_id)
            if reference is not None:
                if not released:  # A released record that still waits stays as it is.
                    self._wait(table, incoming, reference)
                    counter[WAITING] += 1
                continue
            if record_id in pending or released:
                session.execute(
                    delete(PendingRecord).where(
                        PendingRecord.table_name == table.name,
                        PendingRecord.record_id == record_id,
                    )
                )
            mine = local.get(record_id)
            if mine is None:
                inserts.append(self._stored(table, incoming))
                local[record_id] = dict(incoming)
                counter["released" if released else NEW] += 1
                continue
            result = merge_record(mine, incoming, fields)
            for conflict in result.conflicts:
                self._conflict(table, record_id, conflict)
            if result.changed:
                updates.append(self._stored(table, result.row))
                local[record_id] = dict(result.row)
            if released:
                counter["released"] += 1
            elif result.conflicts:
                counter[CONFLICTING] += 1
            elif mine["deleted_at"] is None and result.row["deleted_at"] is not None:
                counter[DELETED] += 1
            elif any(result.row[name] != mine[name] for name in fields):
                counter[UPDATED] += 1
            else:
                counter[UNCHANGED] += 1
        if inserts:
            session.execute(insert(table), inserts)
        if updates:
            columns = [name for name in updates[0] if name != "id"]
            statement = (
                update(table)
                .where(table.c.id == bindparam("_id"))
                .values({name: bindparam(name) for name in columns})
            )
            session.connection().execute(statement, [{**row, "_id": row["id"]} for row in updates])

    def _aliases(
        self, table: Table, link: tuple[str, str], rows: Sequence[Mapping[str, Any]]
    ) -> dict[uuid.UUID, dict[str, Any]]:
        """Map new link rows to a local row linking the same two records under another id."""
        if not rows:
            return {}
        first, second = link
        specs = self.specs[table.name]
        by_name = {s.name: s for s in specs}
        wanted = {(row[first], row[second]): uuid.UUID(row["id"]) for row in rows}
        pairs = [
            (
                _decode(by_name[first], table.c[first], one),
                _decode(by_name[second], table.c[second], other),
            )
            for one, other in wanted
        ]
        # Exact pairs (a row-value IN over the unique index): by one column alone, a
        # problem with thousands of linked concerns would be read back for every chunk.
        query = select(table).where(tuple_(table.c[first], table.c[second]).in_(pairs))
        found: dict[uuid.UUID, dict[str, Any]] = {}
        for row in self.session.execute(query):
            encoded = _encoded(specs, row)
            record_id = wanted.get((encoded[first], encoded[second]))
            if record_id is not None and record_id != row.id:
                found[record_id] = encoded
        return found

    def _missing_references(
        self, table: Table, rows: Sequence[Mapping[str, Any]]
    ) -> dict[uuid.UUID, str]:
        """Return, per record id, a reference to a record that is not here (yet)."""
        missing: dict[uuid.UUID, str] = {}
        specs = {s.name: s for s in self.specs[table.name]}
        for column in table.columns:
            for key in column.foreign_keys:
                target = key.column
                wanted = {row[column.name] for row in rows if row.get(column.name) is not None}
                if not wanted:
                    continue
                spec = specs[column.name]
                present: set[Any] = set()
                values = [_decode(spec, column, value) for value in wanted]
                for start in range(0, len(values), _CHUNK):
                    part = values[start : start + _CHUNK]
                    present.update(
                        encode_value(spec, value)
                        for value in self.session.scalars(select(target).where(target.in_(part)))
                    )
                for row in rows:
                    value = row.get(column.name)
                    if value is not None and value not in present:
                        missing.setdefault(uuid.UUID(row["id"]), f"{column.name}={value}")
        return missing

    def _wait(self, table: Table, row: Mapping[str, Any], reference: str) -> None:
        statement = insert(PendingRecord).values(
            table_name=table.name,
            record_id=uuid.UUID(row["id"]),
            data=json.dumps(row, ensure_ascii=False, sort_keys=True),
            missing=reference[:200],
            bundle_id=self.bundle.manifest.bundle_id,
            received_at=self.now,
        )
        self.session.execute(
            statement.on_conflict_do_update(
                index_elements=["table_name", "record_id"],
                set_={
                    "data": statement.excluded.data,
                    "missing": statement.excluded.missing,
                    "bundle_id": statement.excluded.bundle_id,
                    "received_at": statement.excluded.received_at,
                },
            )
        )

    def release_waiting(self) -> None:
        """Merge waiting records whose references have arrived, until no more can."""
        while True:
            rows = self.session.execute(select(PendingRecord.table_name, PendingRecord.data)).all()
            if not rows:
                return
            by_table: dict[str, list[Mapping[str, Any]]] = {}
            for name, data in rows:
                by_table.setdefault(name, []).append(json.loads(data))
            before = self.total("released")
            for table in _record_tables():
                if table.name in by_table:
                    self.merge_table(table, by_table[table.name], released=True)
            if self.total("released") == before:
                return

    def _stored(self, table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
        """Return ``row`` (bundle form) as column values, with this import's version."""
        # .get: a column from after the sender's app version is absent (LATER_COLUMNS).
        values = {
            spec.name: _decode(spec, table.c[spec.name], row.get(spec.name))
            for spec in self.specs[table.name]
        }
        values["local_version"] = self.version
        return values

    def _conflict(self, table: Table, record_id: uuid.UUID, conflict: FieldConflict) -> None:
        conflict_id = uuid7()
        statement = insert(SyncConflict).values(
            id=conflict_id,
            table_name=table.name,
            record_id=record_id,
            field=conflict.field,
            local_value=json.dumps(conflict.local_value, ensure_ascii=False),
            incoming_value=json.dumps(conflict.incoming_value, ensure_ascii=False),
            local_clock=conflict.local_clock.text(),
            incoming_clock=conflict.incoming_clock.text(),
            winner=conflict.winner,
            bundle_id=self.bundle.manifest.bundle_id,
            sender_device=self.bundle.manifest.sender_device_id,
            detected_at=self.now,
        )
        result = self.session.execute(statement.on_conflict_do_nothing())
        if isinstance(result, CursorResult) and result.rowcount:
            self.conflicts.append(
                ConflictInfo(
                    id=conflict_id,
                    table=table.name,
                    record_id=record_id,
                    field=conflict.field,
                    local_value=conflict.local_value,
                    incoming_value=conflict.incoming_value,
                    winner=conflict.winner,
                    sender_device=self.bundle.manifest.sender_device_id,
                    detected_at=self.now,
                )
            )


# ---------------------------------------------------------------------- helpers

_TABLES: list[Table] = []
_MODELS: dict[str, Any] = {}


def _dispose(bundle: VerifiedBundle) -> None:
    """Free a bundle's records a slice at a time.

    Dropped at once, a hundred thousand records are freed in one uninterrupted run
    that holds the GIL long enough to stall the window; in slices, other threads get
    their turn in between.
    """
    records = bundle.records
    if not isinstance(records, dict):
        return
    for table in list(records):
        rows = list(records.pop(table))
        while rows:
            del rows[-2000:]


def _record_tables() -> list[Table]:
    """Every synced table, parents before the tables that refer to them."""
    if not _TABLES:
        names = {model.__tablename__ for model in all_record_tables()}
        _TABLES.extend(table for table in Base.metadata.sorted_tables if table.name in names)
    return _TABLES


def _models() -> dict[str, Any]:
    if not _MODELS:
        _MODELS.update({model.__tablename__: model for model in all_record_tables()})
    return _MODELS


def _chunks(rows: list[Mapping[str, Any]]) -> Iterable[list[Mapping[str, Any]]]:
    for start in range(0, len(rows), _CHUNK):
        yield rows[start : start + _CHUNK]


def _encoded(specs: Sequence[ColumnSpec], row: Any) -> dict[str, Any]:
    mapping = row._mapping
    return {spec.name: encode_value(spec, mapping[spec.name]) for spec in specs}


def _decode(spec: ColumnSpec, column: Any, value: Any) -> Any:
    """Return a bundle (JSON) value as the column's Python value."""
    if value is None:
        return None
    kind = spec.kind
    if kind == "uuid":
        return uuid.UUID(value)
    if kind == "datetime":
        return datetime.fromisoformat(value)
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "enum":
        column_type = column.type
        assert isinstance(column_type, SqlEnum) and column_type.enum_class is not None
        return column_type.enum_class(value)
    if kind == "float":
        return float(value)
    return value


CLOCK_SKEW_LIMIT = timedelta(days=30)
"""How far ahead of this computer's clock a sender's revisions may be."""


def _check_clock(bundle: VerifiedBundle, now: datetime) -> None:
    """Refuse revisions far in the future: they would drag this device's clock along.

    A hybrid clock moves past every revision it sees, so one bundle from a computer
    whose date was set years ahead would make every later edit here look that new.
    """
    top = _top_revision(bundle)
    for rows in bundle.records.values():
        for row in rows:
            for clock in parse_clocks(row["field_clocks"]).values():
                top = max(top, clock.revision)
    limit = int((now + CLOCK_SKEW_LIMIT).timestamp() * 1000) << COUNTER_BITS
    if top > limit:
        raise BundleInvalid(
            bundle.path,
            "its revisions lie more than 30 days ahead of this computer's clock; check the"
            " date and time on the sender's computer (and on this one)",
        )


def _top_revision(bundle: VerifiedBundle) -> int:
    return max(
        (int(row["revision"]) for rows in bundle.records.values() for row in rows), default=0
    )


def _live_records(session: Session) -> int:
    counts = union_all(
        *(
            select(func.count()).select_from(table).where(table.c.deleted_at.is_(None))
            for table in _record_tables()
        )
    )
    return sum(session.scalars(counts).all())


def _gaps(session: Session, own: uuid.UUID | None) -> tuple[SequenceGap, ...]:
    if own is None:
        return ()
    rows = session.execute(
        select(
            ReceivedBundle.sender_device,
            ReceivedBundle.sender_name,
            ReceivedBundle.recipient_sequence,
        )
        .where(ReceivedBundle.recipient_sequence.is_not(None))
        .order_by(ReceivedBundle.imported_at)
    ).all()
    numbers: dict[uuid.UUID, set[int]] = {}
    names: dict[uuid.UUID, str] = {}
    for sender, name, number in rows:
        if number is not None:
            numbers.setdefault(sender, set()).add(number)
        names[sender] = name
    gaps: list[SequenceGap] = []
    for sender, seen in numbers.items():
        start: int | None = None
        for number in range(1, max(seen) + 1):
            if number not in seen and start is None:
                start = number
            if number in seen and start is not None:
                gaps.append(SequenceGap(sender, names[sender], start, number - 1))
                start = None
    return tuple(sorted(gaps, key=lambda g: (g.sender_name.casefold(), g.first)))


def _conflict_info(row: SyncConflict) -> ConflictInfo:
    return ConflictInfo(
        id=row.id,
        table=row.table_name,
        record_id=row.record_id,
        field=row.field,
        local_value=json.loads(row.local_value),
        incoming_value=json.loads(row.incoming_value),
        winner=row.winner,
        sender_device=row.sender_device,
        detected_at=row.detected_at,
        resolved_at=row.resolved_at,
        resolution=row.resolution,
    )

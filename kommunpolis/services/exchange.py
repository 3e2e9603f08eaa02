"""Export bundles for other installations, and verify received ones (import comes later).

Exports are incremental by default: each recipient has a mark (``export_mark``), the
highest local version (see ``storage.tables.LocalCounter``) its last bundle held, and the
next bundle holds every record, tombstones included, stored here above the lowest mark
among its recipients — records that arrived by import included, so they travel on. The
marks and this device's bundle sequence (``outbox_state``) are written only after the
bundle was written, read back and verified, so a failed export changes nothing and the
next one sends the same again.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select, union_all
from sqlalchemy.orm import Session

from kommunpolis.domain.errors import InvalidInput, PeerNotTrusted
from kommunpolis.storage.attachments import AttachmentStore
from kommunpolis.storage.kinds import all_record_tables
from kommunpolis.storage.tables import Attachment, ExportMark, OutboxState, ReceivedBundle
from kommunpolis.storage.unit_of_work import UnitOfWork
from kommunpolis.sync.bundle import (
    KIND_FULL,
    KIND_INCREMENTAL,
    KIND_RECEIPT,
    PASSPHRASE_RECIPIENT,
    Manifest,
    Passphrase,
    VerifiedBundle,
    read_bundle,
    write_bundle,
)
from kommunpolis.sync.identity import IdentityStore, PublicIdentity

POLICE_ONLY_COLUMN = "police_only"
_OUTBOX_ROW = 1


@dataclass(frozen=True)
class ExportMarkInfo:
    """What the last export to one recipient held."""

    recipient: str
    """A device id (canonical UUID text) or ``"passphrase"``."""
    revision: int
    """The highest local version the bundles to the recipient held."""
    bundle_id: uuid.UUID
    sequence: int
    exported_at: datetime
    bundles: int
    """How many bundles went to the recipient."""


@dataclass(frozen=True)
class ExportSummary:
    """A bundle written and verified by reading it back."""

    path: Path
    bundle_id: uuid.UUID
    counts: Mapping[str, int]
    """Records per table, tombstones included."""
    size: int
    """The file's size in bytes."""
    recipients: tuple[str, ...]
    """Device ids (this installation's first), or ``("passphrase",)``."""
    police_only_included: bool
    kind: str
    """``full`` or ``incremental``."""
    sequence: int
    """This device's bundle number (1, 2, 3, …)."""
    since_revision: int
    """The records are those stored here with a higher local version (0: everything)."""
    marked: tuple[str, ...]
    """The recipients whose marks this export moved (device ids or ``passphrase``)."""
    first_export: bool
    """No bundle had been exported to (at least one of) the recipients before."""
    attachments: int = 0
    """Attachment files carried."""
    attachments_missing: tuple[str, ...] = ()
    """Hashes of attachments whose records travel but whose files are not here."""


@dataclass(frozen=True)
class Delivery:
    """A receiver's receipt for one of this device's bundles: when and what it imported."""

    receiver_device: uuid.UUID
    receiver_name: str
    bundle_id: uuid.UUID
    sequence: int
    imported_at: datetime
    counts: Mapping[str, int]


@dataclass(frozen=True)
class ReceiptSummary:
    """A receipt written for the senders of imported bundles."""

    path: Path
    bundles: int
    recipients: tuple[str, ...]


class ExchangeService:
    """Write full and incremental exports and verify bundles.

    The only database writes are the export bookkeeping, after a verified export.
    """

    def __init__(
        self,
        *,
        uow: Callable[[], UnitOfWork],
        identity: IdentityStore,
        attachments: AttachmentStore | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._uow = uow
        self._identity = identity
        self._attachments = attachments
        self._now = now

    def export(
        self,
        path: Path,
        recipients: Sequence[uuid.UUID] | Passphrase,
        *,
        full: bool = False,
        include_police_only: bool = False,
    ) -> ExportSummary:
        """Write the records changed since the last export to ``recipients`` to ``path``.

        Incremental: every record, tombstones included, stored here (local version)
        above the lowest mark among the recipients (one never exported to gets everything);
        ``full`` sends everything. Police-only sources, and the links to them, are left
        out unless ``include_police_only``. An empty incremental bundle is still written:
        it carries the sequence number. Returns only after the file was read back and
        verified; only then are the marks and the sequence recorded.
        """
        targets = self._recipients(recipients)
        keys = self._mark_keys(targets)
        sequence, marks = self._bookkeeping(keys)
        first_export = any(key not in marks for key in keys)
        numbers = {key: (marks[key].bundles if key in marks else 0) + 1 for key in keys}
        since = 0 if full or first_export else min(mark.revision for mark in marks.values())
        top, records = self._records(include_police_only=include_police_only, since=since)
        files, missing = self._attachment_files(records)
        written = write_bundle(
            path,
            identity=self._identity,
            records=records,
            recipients=targets,
            police_only_included=include_police_only,
            sequence=sequence,
            kind=KIND_FULL if full else KIND_INCREMENTAL,
            since_revision=since,
            recipient_sequences=numbers,
            attachments=files,
            now=self._now,
        )
        manifest = written.manifest
        self._record_export(keys, revision=max(top, since), sequence=sequence, manifest=manifest)
        return ExportSummary(
            path=written.path,
            bundle_id=manifest.bundle_id,
            counts=dict(manifest.counts),
            size=written.size,
            recipients=manifest.recipients,
            police_only_included=manifest.police_only_included,
            kind=manifest.kind,
            sequence=manifest.sequence,
            since_revision=manifest.since_revision,
            marked=keys,
            first_export=first_export,
            attachments=len(files),
            attachments_missing=missing,
        )

    def export_full(
        self,
        path: Path,
        recipients: Sequence[uuid.UUID] | Passphrase,
        *,
        include_police_only: bool = False,
    ) -> ExportSummary:
        """Write every record (tombstones included): :meth:`export` with ``full``."""
        return self.export(path, recipients, full=True, include_police_only=include_police_only)

    def marks(self) -> tuple[ExportMarkInfo, ...]:
        """Return the last export to every recipient, by recipient."""
        with self._uow() as uow:
            rows = uow.session.scalars(select(ExportMark).order_by(ExportMark.recipient)).all()
            return tuple(_mark_info(row) for row in rows)

    def write_receipt(self, path: Path, bundle_ids: Sequence[uuid.UUID]) -> ReceiptSummary:
        """Write a receipt for imported bundles, encrypted and signed for their senders.

        The senders import it (like any bundle) to see what arrived here and when.
        """
        own = self._identity.public()
        with self._uow() as uow:
            session = uow.session
            rows = session.scalars(
                select(ReceivedBundle)
                .where(ReceivedBundle.bundle_id.in_(list(bundle_ids)))
                .where(ReceivedBundle.kind != KIND_RECEIPT)
                .order_by(ReceivedBundle.sender_device, ReceivedBundle.sequence)
            ).all()
            entries = [
                {
                    "bundle_id": str(row.bundle_id),
                    "sender_device": str(row.sender_device),
                    "sequence": row.sequence,
                    "imported_at": row.imported_at.isoformat(),
                    "counts": json.loads(row.outcome).get("counts", {}),
                }
                for row in rows
            ]
            senders = list(dict.fromkeys(row.sender_device for row in rows))
            sequence = _next_sequence(session)
        if not entries:
            raise InvalidInput("bundles", "none of them was imported here")
        receipt = {
            "receiver_device": str(own.device_id),
            "receiver_name": own.name,
            "bundles": entries,
        }
        written = write_bundle(
            path,
            identity=self._identity,
            records=(),
            recipients=self._recipients(senders),
            police_only_included=False,
            sequence=sequence,
            kind=KIND_RECEIPT,
            receipt=receipt,
            now=self._now,
        )
        with self._uow() as uow:
            _used_sequence(uow.session, sequence)
            uow.commit()
        return ReceiptSummary(
            path=written.path, bundles=len(entries), recipients=written.manifest.recipients
        )

    def deliveries(self) -> tuple[Delivery, ...]:
        """Return what receivers said they imported of this device's bundles, newest first."""
        own = str(self._identity.public().device_id)
        with self._uow() as uow:
            rows = uow.session.scalars(
                select(ReceivedBundle)
                .where(ReceivedBundle.kind == KIND_RECEIPT)
                .order_by(ReceivedBundle.imported_at.desc())
            ).all()
            result: list[Delivery] = []
            for row in rows:
                receipt = json.loads(row.outcome).get("receipt", {})
                for entry in receipt.get("bundles", []):
                    if entry.get("sender_device") != own:
                        continue
                    result.append(
                        Delivery(
                            receiver_device=row.sender_device,
                            receiver_name=row.sender_name,
                            bundle_id=uuid.UUID(entry["bundle_id"]),
                            sequence=int(entry["sequence"]),
                            imported_at=datetime.fromisoformat(entry["imported_at"]),
                            counts=dict(entry["counts"]),
                        )
                    )
            return tuple(result)

    def verify(self, path: Path, *, passphrase: str | None = None) -> VerifiedBundle:
        """Check the bundle at ``path`` without importing it."""
        return read_bundle(path, self._identity, passphrase=passphrase)

    def _recipients(
        self, recipients: Sequence[uuid.UUID] | Passphrase
    ) -> Sequence[PublicIdentity] | Passphrase:
        if isinstance(recipients, Passphrase):
            return recipients
        if not recipients:
            raise InvalidInput("recipients", "give at least one recipient or a passphrase")
        own = self._identity.public()
        targets: list[PublicIdentity] = []
        for device_id in dict.fromkeys(recipients):
            if device_id == own.device_id:
                continue  # The sender is always a recipient.
            peer = self._identity.peer(device_id)
            if peer is None or peer.revoked:
                raise PeerNotTrusted(str(device_id))
            targets.append(peer.identity)
        return targets

    def _mark_keys(self, targets: Sequence[PublicIdentity] | Passphrase) -> tuple[str, ...]:
        if isinstance(targets, Passphrase):
            return (PASSPHRASE_RECIPIENT,)
        if not targets:  # Only to itself (a copy for safekeeping).
            return (str(self._identity.public().device_id),)
        return tuple(str(peer.device_id) for peer in targets)

    def _bookkeeping(self, keys: Sequence[str]) -> tuple[int, dict[str, ExportMarkInfo]]:
        """Return the next bundle's sequence number and the recipients' marks."""
        with self._uow() as uow:
            session = uow.session
            rows = session.scalars(select(ExportMark).where(ExportMark.recipient.in_(keys)))
            marks = {row.recipient: _mark_info(row) for row in rows}
            return _next_sequence(session), marks

    def _record_export(
        self, keys: Sequence[str], *, revision: int, sequence: int, manifest: Manifest
    ) -> None:
        """Move the recipients' marks and the sequence, after a verified export."""
        with self._uow() as uow:
            session = uow.session
            _used_sequence(session, sequence)
            for key in keys:
                mark = session.get(ExportMark, key)
                if mark is None:
                    mark = ExportMark(recipient=key)
                    session.add(mark)
                mark.revision = revision
                mark.bundles = (mark.bundles or 0) + 1
                mark.bundle_id = manifest.bundle_id
                mark.sequence = sequence
                mark.exported_at = manifest.created
            uow.commit()

    def _attachment_files(
        self, records: Sequence[tuple[str, Sequence[Mapping[str, Any]]]]
    ) -> tuple[list[tuple[str, Path]], tuple[str, ...]]:
        """Return the files of the live attachments among ``records``, and those missing."""
        wanted = sorted(
            {
                str(row["sha256"])
                for table, rows in records
                if table == Attachment.__tablename__
                for row in rows
                if row["deleted_at"] is None
            }
        )
        if self._attachments is None:
            return [], tuple(wanted)
        store = self._attachments
        present = [sha for sha in wanted if store.has(sha)]
        missing = tuple(sha for sha in wanted if not store.has(sha))
        return [(sha, store.path_for(sha)) for sha in present], missing

    def _records(
        self, *, include_police_only: bool, since: int
    ) -> tuple[int, list[tuple[str, list[dict[str, Any]]]]]:
        """Return the highest revision stored and the records above ``since``, by table."""
        models = all_record_tables()
        tables = [model.__table__ for model in models]
        police_only = [t for t in tables if POLICE_ONLY_COLUMN in t.columns]
        result: list[tuple[str, list[dict[str, Any]]]] = []
        with self._uow() as uow:
            session = uow.session
            # Read before the records: a record saved meanwhile has a higher revision, so
            # it is either in this bundle or above the new mark, never lost between them.
            tops = union_all(*(select(func.max(table.c.local_version)) for table in tables))
            top = max((value for value in session.scalars(tops) if value is not None), default=0)
            for model, table in zip(models, tables, strict=True):
                query = select(table).where(table.c.local_version > since).order_by(table.c.id)
                if not include_police_only:
                    if POLICE_ONLY_COLUMN in table.columns:
                        query = query.where(table.c[POLICE_ONLY_COLUMN].is_not(True))
                    for column in table.columns:
                        for key in column.foreign_keys:
                            for target in police_only:
                                if key.column.table is target:
                                    hidden = select(target.c.id).where(
                                        target.c[POLICE_ONLY_COLUMN].is_(True)
                                    )
                                    query = query.where(
                                        or_(column.is_(None), column.not_in(hidden))
                                    )
                rows = session.execute(query).mappings().all()
                result.append((model.__tablename__, [dict(row) for row in rows]))
        return top, result


def _next_sequence(session: Session) -> int:
    """Return the number the next bundle written here gets (the first is 1)."""
    state = session.get(OutboxState, _OUTBOX_ROW)
    return state.next_sequence if state is not None else 1


def _used_sequence(session: Session, sequence: int) -> None:
    """Note that a bundle with ``sequence`` was written, so the next one gets a higher one."""
    state = session.get(OutboxState, _OUTBOX_ROW)
    if state is None:
        session.add(OutboxState(id=_OUTBOX_ROW, next_sequence=sequence + 1))
    else:
        state.next_sequence = max(state.next_sequence, sequence + 1)


def _mark_info(row: ExportMark) -> ExportMarkInfo:
    return ExportMarkInfo(
        recipient=row.recipient,
        revision=row.revision,
        bundle_id=row.bundle_id,
        sequence=row.sequence,
        exported_at=row.exported_at,
        bundles=row.bundles,
    )

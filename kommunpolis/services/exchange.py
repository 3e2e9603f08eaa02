"""Export bundles for other installations, and verify received ones (import comes later)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select

from kommunpolis.domain.errors import InvalidInput, PeerNotTrusted
from kommunpolis.storage.kinds import all_record_tables
from kommunpolis.storage.unit_of_work import UnitOfWork
from kommunpolis.sync.bundle import Passphrase, VerifiedBundle, read_bundle, write_bundle
from kommunpolis.sync.identity import IdentityStore, PublicIdentity

POLICE_ONLY_COLUMN = "police_only"


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


class ExchangeService:
    """Write full exports and verify bundles; the database is only read."""

    def __init__(
        self,
        *,
        uow: Callable[[], UnitOfWork],
        identity: IdentityStore,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._uow = uow
        self._identity = identity
        self._now = now

    def export_full(
        self,
        path: Path,
        recipients: Sequence[uuid.UUID] | Passphrase,
        *,
        include_police_only: bool = False,
    ) -> ExportSummary:
        """Write every record (tombstones included) to ``path`` for ``recipients``.

        Police-only sources, and the links to them, are left out unless
        ``include_police_only``. Returns only after the file was read back and verified.
        """
        targets = self._recipients(recipients)
        records = self._records(include_police_only=include_police_only)
        written = write_bundle(
            path,
            identity=self._identity,
            records=records,
            recipients=targets,
            police_only_included=include_police_only,
            kind="full",
            now=self._now,
        )
        manifest = written.manifest
        return ExportSummary(
            path=written.path,
            bundle_id=manifest.bundle_id,
            counts=dict(manifest.counts),
            size=written.size,
            recipients=manifest.recipients,
            police_only_included=manifest.police_only_included,
        )

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

    def _records(self, *, include_police_only: bool) -> list[tuple[str, list[dict[str, Any]]]]:
        models = all_record_tables()
        tables = [model.__table__ for model in models]
        police_only = [t for t in tables if POLICE_ONLY_COLUMN in t.columns]
        result: list[tuple[str, list[dict[str, Any]]]] = []
        with self._uow() as uow:
            session = uow.session
            for model, table in zip(models, tables, strict=True):
                query = select(table).order_by(table.c.id)
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
        return result

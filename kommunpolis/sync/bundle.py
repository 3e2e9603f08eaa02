"""Bundle files (``.kpb``): write a signed, encrypted bundle, and read and verify one.

The format is described in docs/bundle-format.md (version 1). In short: a ZIP with
exactly three stored members, ``sender.json`` (the sender's public identity),
``payload.age`` (the payload ZIP, age-encrypted) and ``payload.age.minisig`` (the
sender's minisign signature of ``payload.age``). The payload holds ``manifest.json``,
``records/<table>.jsonl`` (one JSON object a line) and ``attachments/<sha256>`` (the
attachment files, named by their content's hash).

Reading trusts nothing before it is checked, in this order: the outer ZIP's member
names, the sender against the trust list, the signature, the decryption, the manifest,
then each member the manifest names (size, SHA-256) and each record line (columns and
basic types). Every failure is a typed error from :mod:`kommunpolis.domain.errors`.
"""

from __future__ import annotations

import binascii
import glob
import hashlib
import io
import json
import math
import os
import re
import shutil
import struct
import tempfile
import uuid
import weakref
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from typing import IO, Any, cast

import minisign
import pyrage
from pyrage import x25519
from sqlalchemy import Boolean, Date, Float, Integer, String, Text
from sqlalchemy import Enum as SqlEnum

from kommunpolis.domain.errors import (
    BundleInvalid,
    BundleNotForUs,
    BundleRevokedSender,
    BundleTooNew,
    BundleUnknownSender,
    BundleWriteFailed,
    IdentityFileInvalid,
    InvalidInput,
)
from kommunpolis.domain.ids import uuid7
from kommunpolis.storage.kinds import all_record_tables
from kommunpolis.storage.types import UtcDateTime, UuidBlob
from kommunpolis.sync import container
from kommunpolis.sync.identity import IdentityStore, PublicIdentity, parse_public
from kommunpolis.sync.merge import CLOCKS_COLUMN, LOCAL_COLUMNS, META_COLUMNS, clocks_problem

FORMAT_PREFIX = "kommunpolis-bundle/"
FORMAT_VERSION = 1
BUNDLE_FORMAT = f"{FORMAT_PREFIX}{FORMAT_VERSION}"
SENDER_MEMBER = "sender.json"
PAYLOAD_MEMBER = "payload.age"
SIGNATURE_MEMBER = "payload.age.minisig"
OUTER_MEMBERS = (SENDER_MEMBER, PAYLOAD_MEMBER, SIGNATURE_MEMBER)
MANIFEST_MEMBER = "manifest.json"
PASSPHRASE_RECIPIENT = "passphrase"
SUFFIX = ".kpb"
KIND_FULL = "full"
KIND_INCREMENTAL = "incremental"
KIND_RECEIPT = "receipt"
KINDS = (KIND_FULL, KIND_INCREMENTAL, KIND_RECEIPT)
RECEIPT_MEMBER = "receipt.json"
RECEIPT_LIMIT = 4 * 1024 * 1024

MEMBER_LIMIT = 512 * 1024 * 1024
"""The largest member (declared or compressed size) a reader accepts."""
TOTAL_LIMIT = 2 * 1024 * 1024 * 1024
"""The largest sum of the sizes the manifest declares."""
SMALL_LIMIT = 64 * 1024
"""``sender.json`` and ``payload.age.minisig`` are a few hundred bytes."""
MANIFEST_LIMIT = 16 * 1024 * 1024
PASSPHRASE_MINIMUM = 8
_CHUNK = 1024 * 1024
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FILE_LIMIT = MEMBER_LIMIT + 2 * SMALL_LIMIT + 4096
"""The largest ``.kpb`` file a reader opens."""
_RECORDS_NAME = re.compile(r"^records/([a-z_]+)\.jsonl$")
_ATTACHMENT_NAME = re.compile(r"^attachments/([0-9a-f]{64})$")
ATTACHMENT_PREFIX = "attachments/"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
"""What an SQLite INTEGER holds."""
_UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_UUID = re.compile(_UUID_PATTERN)
SCHEMA_ID = "https://kommunpolis.example/schemas/bundle-1/records.schema.json"
# What can go wrong while parsing an untrusted ZIP with the standard library.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    ValueError,
    EOFError,
    OverflowError,
    struct.error,
    NotImplementedError,
    RuntimeError,
    zlib.error,
    OSError,
    KeyError,
    IndexError,
)


# ---------------------------------------------------------------- record columns


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a synced table as it appears in a bundle's JSON."""

    name: str
    kind: str
    """``uuid``, ``datetime``, ``date``, ``enum``, ``bool``, ``int``, ``float`` or ``str``."""
    nullable: bool
    values: tuple[str, ...] = ()
    """The allowed values of an ``enum`` column."""
    optional: bool = False
    """The column may be absent: it came after bundle format 1 (see ``LATER_COLUMNS``)."""


# Nullable columns added to synced tables after bundle format 1 was released, by table.
# Apps from before leave them out of their bundles; an absent column means "not
# carried" — the record keeps what this device has — never "cleared".
LATER_COLUMNS: Mapping[str, frozenset[str]] = {
    "commitment": frozenset({"problem_id"}),  # schema 0007
}


def _column_kind(column_type: Any) -> tuple[str, tuple[str, ...]]:
    if isinstance(column_type, UuidBlob):
        return "uuid", ()
    if isinstance(column_type, UtcDateTime):
        return "datetime", ()
    if isinstance(column_type, SqlEnum):
        return "enum", tuple(str(value) for value in column_type.enums)
    if isinstance(column_type, Date):
        return "date", ()
    if isinstance(column_type, Boolean):
        return "bool", ()
    if isinstance(column_type, Integer):  # BigInteger is a subclass
        return "int", ()
    if isinstance(column_type, Float):
        return "float", ()
    if isinstance(column_type, String | Text):
        return "str", ()
    raise TypeError(f"no bundle encoding for column type {column_type!r}")


_SPECS: dict[str, tuple[ColumnSpec, ...]] = {}


def table_specs() -> Mapping[str, tuple[ColumnSpec, ...]]:
    """Return every synced table's columns, by table name (computed once)."""
    if not _SPECS:
        for model in all_record_tables():
            table = model.__table__
            specs = []
            for column in table.columns:
                if column.name in LOCAL_COLUMNS:
                    continue
                kind, values = _column_kind(column.type)
                later = column.name in LATER_COLUMNS.get(model.__tablename__, ())
                assert not later or column.nullable, f"{model.__tablename__}.{column.name}"
                specs.append(ColumnSpec(column.name, kind, bool(column.nullable), values, later))
            _SPECS[model.__tablename__] = tuple(specs)
    return _SPECS


def record_schemas() -> dict[str, Any]:
    """Return the JSON Schema (2020-12) of a bundle's record lines, one per table.

    Generated from the same column specs the reader checks every line against, and
    shipped as resources/schemas/bundle-1.records.schema.json (a test keeps them equal).
    """
    kinds: dict[str, dict[str, Any]] = {
        "uuid": {"type": "string", "pattern": _UUID_PATTERN},
        "datetime": {"type": "string", "format": "date-time"},
        "date": {"type": "string", "format": "date"},
        "bool": {"type": "boolean"},
        "int": {"type": "integer", "minimum": INT_MIN, "maximum": INT_MAX},
        "float": {"type": "number", "minimum": -1e300, "maximum": 1e300},
        "str": {"type": "string"},
    }
    tables: dict[str, Any] = {}
    for table, specs in sorted(table_specs().items()):
        properties: dict[str, Any] = {}
        for spec in specs:
            if spec.kind == "enum":
                values: list[Any] = list(spec.values)
                column: dict[str, Any] = {"enum": [*values, None] if spec.nullable else values}
            else:
                column = dict(kinds[spec.kind])
                if spec.nullable:
                    column["type"] = [column["type"], "null"]
            properties[spec.name] = column
        tables[table] = {
            "type": "object",
            "properties": properties,
            "required": [spec.name for spec in specs if not spec.optional],
            "additionalProperties": False,
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Kommunpolis bundle records (format kommunpolis-bundle/1)",
        "description": "One schema per table under $defs: each line of records/<table>.jsonl.",
        "$defs": tables,
    }


def encode_value(spec: ColumnSpec, value: Any) -> Any:
    """Return a database value as its JSON form (UUID text, ISO time, enum value)."""
    if value is None:
        return None
    if spec.kind == "uuid":
        return str(value)
    if spec.kind == "datetime":
        assert isinstance(value, datetime)
        return value.astimezone(UTC).isoformat()
    if spec.kind == "date":
        assert isinstance(value, date)
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def _check_value(spec: ColumnSpec, value: Any) -> str | None:
    """Return what is wrong with a JSON value for ``spec``, or None."""
    if value is None:
        return None if spec.nullable else "must not be null"
    kind = spec.kind
    if kind == "bool":
        return None if isinstance(value, bool) else "must be true or false"
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            return "must be an integer"
        return None if INT_MIN <= value <= INT_MAX else "is out of range (64-bit)"
    if kind == "float":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not ok:
            return "must be a number"
        return None if math.isfinite(value) and abs(value) <= 1e300 else "is out of range"
    if not isinstance(value, str):
        return "must be text"
    try:
        if kind == "uuid":
            if not _UUID.match(value):
                return "is not a UUID in canonical form"
        elif kind == "datetime":
            if datetime.fromisoformat(value).tzinfo is None:
                return "must be a time with a time zone"
        elif kind == "date":
            date.fromisoformat(value)
        elif kind == "enum" and value not in spec.values:
            return f"must be one of {', '.join(spec.values)}"
    except ValueError:
        return f"is not a valid {kind}"
    return None


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Passphrase:
    """A passphrase for a recipient without keys (age's scrypt mode)."""

    text: str = field(repr=False)


@dataclass(frozen=True)
class MemberEntry:
    """A payload member the manifest names, with its size and SHA-256."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """A bundle's manifest (``manifest.json``)."""

    format: str
    bundle_id: uuid.UUID
    created: datetime
    kind: str
    """``full`` (every record) or ``incremental`` (those changed since ``since_revision``)."""
    sequence: int
    """The sender's bundle number: 1, 2, 3, … per sending device, one per bundle."""
    since_revision: int
    """An incremental bundle holds the records with a higher revision; 0 for ``full``."""
    sender_device_id: uuid.UUID
    sender_name: str
    sender_fingerprint: str
    recipients: tuple[str, ...]
    police_only_included: bool
    counts: Mapping[str, int]
    members: tuple[MemberEntry, ...]
    recipient_sequences: Mapping[str, int] = field(default_factory=dict)
    """Per recipient (device id or ``passphrase``): this bundle's number among those the
    sender sent to it (1, 2, 3, …), so that each recipient can name the ones it misses."""

    def to_json(self) -> dict[str, Any]:
        """Return the manifest as written in the bundle."""
        return {
            "format": self.format,
            "bundle_id": str(self.bundle_id),
            "created": self.created.isoformat(),
            "kind": self.kind,
            "sequence": self.sequence,
            "since_revision": self.since_revision,
            "sender": {
                "device_id": str(self.sender_device_id),
                "name": self.sender_name,
                "fingerprint": self.sender_fingerprint,
            },
            "recipients": list(self.recipients),
            "recipient_sequences": dict(self.recipient_sequences),
            "police_only_included": self.police_only_included,
            "counts": dict(self.counts),
            "members": [
                {"name": member.name, "size": member.size, "sha256": member.sha256}
                for member in self.members
            ],
        }


@dataclass(frozen=True)
class WrittenBundle:
    """What :func:`write_bundle` wrote, after reading it back."""

    path: Path
    manifest: Manifest
    size: int


@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle whose signature, encryption, hashes and records all checked out."""

    path: Path
    sender: PublicIdentity
    sender_is_self: bool
    manifest: Manifest
    records: Mapping[str, tuple[Mapping[str, Any], ...]]
    """The records' JSON objects, by table name."""
    attachments: Mapping[str, Path] = field(default_factory=dict)
    """The attachment files, by SHA-256 (each checked against its name), unpacked in a
    private scratch folder that :meth:`close` (or garbage collection) removes."""
    receipt: Mapping[str, Any] | None = None
    """A receipt bundle's ``receipt.json``: what the receiver imported (else None)."""
    scratch: Scratch | None = field(default=None, repr=False, compare=False)

    def close(self) -> None:
        """Remove the unpacked attachment files."""
        if self.scratch is not None:
            self.scratch.cleanup()

    def __enter__(self) -> VerifiedBundle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------- writing


def write_bundle(
    path: Path,
    *,
    identity: IdentityStore,
    records: Iterable[tuple[str, Iterable[Mapping[str, Any]]]],
    recipients: Sequence[PublicIdentity] | Passphrase,
    police_only_included: bool,
    sequence: int,
    kind: str = KIND_FULL,
    since_revision: int = 0,
    recipient_sequences: Mapping[str, int] | None = None,
    attachments: Iterable[tuple[str, Path]] = (),
    receipt: Mapping[str, Any] | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> WrittenBundle:
    """Write a bundle of ``records`` (table name, database rows) to ``path``.

    The payload is built in a private scratch folder in the data dir (never next to
    ``path``: no plaintext reaches the USB stick), encrypted, signed and written
    atomically: a temporary file next to ``path``, fsync, rename, fsync of the folder.
    Everything streams in chunks, so memory does not grow with the attachments. The
    file is then read back and verified like any received bundle; only then does this
    return.
    ``sequence`` is the sender's bundle number; an incremental bundle (``kind``) holds
    the records changed since ``since_revision``; ``recipient_sequences`` numbers the
    bundle per recipient. ``attachments`` are (SHA-256, file) pairs to carry along. A
    ``receipt`` bundle (``kind``) carries ``receipt`` and no records.
    """
    if (kind == KIND_RECEIPT) != (receipt is not None):
        raise ValueError("a receipt bundle, and only one, carries a receipt")
    if kind not in KINDS or sequence < 1 or since_revision < 0:
        raise ValueError(f"bad bundle kind {kind!r}, sequence {sequence}, since {since_revision}")
    if kind == KIND_FULL and since_revision != 0:
        raise ValueError("a full bundle is since revision 0")
    sender = identity.public()
    if isinstance(recipients, Passphrase):
        if len(recipients.text) < PASSPHRASE_MINIMUM:
            raise InvalidInput("passphrase", f"at least {PASSPHRASE_MINIMUM} characters")
        recipient_names: tuple[str, ...] = (PASSPHRASE_RECIPIENT,)
    else:
        others = [peer for peer in recipients if peer.device_id != sender.device_id]
        recipient_names = tuple(str(peer.device_id) for peer in (sender, *others))
    try:
        work = Scratch(scratch_dir(identity), "export-")
    except OSError as error:
        raise BundleWriteFailed(path, f"the data folder: {error.strerror or error}") from None
    try:
        plain, encrypted = work.path / "payload.zip", work.path / PAYLOAD_MEMBER
        try:
            manifest = _build_payload(
                plain,
                records,
                sender=sender,
                recipients=recipient_names,
                police_only_included=police_only_included,
                kind=kind,
                sequence=sequence,
                since_revision=since_revision,
                recipient_sequences=dict(recipient_sequences or {}),
                attachments=attachments,
                receipt=receipt,
                created=now(),
            )
            if isinstance(recipients, Passphrase):
                _encrypt(plain, encrypted, recipients)
            else:
                _encrypt(plain, encrypted, [sender, *others])
            plain.unlink()
            with encrypted.open("rb") as stream:
                signature = identity.sign(
                    stream,
                    trusted_comment=f"{BUNDLE_FORMAT} {manifest.bundle_id} {sender.device_id}",
                )
        except OSError as error:
            detail = f"the data folder: {error.strerror or error}"
            raise BundleWriteFailed(path, detail) from None
        size = _write_outer(path, sender, encrypted, signature)
    finally:
        work.cleanup()
    passphrase = recipients.text if isinstance(recipients, Passphrase) else None
    try:
        with read_bundle(path, identity, passphrase=passphrase) as verified:
            if verified.manifest != manifest:
                raise BundleInvalid(path, "the manifest read back differs from the one written")
    except (BundleInvalid, BundleNotForUs, BundleTooNew) as error:
        path.unlink(missing_ok=True)
        raise BundleWriteFailed(path, f"the read-back check failed: {error}") from None
    return WrittenBundle(path=path, manifest=manifest, size=size)


def _build_payload(
    target: Path,
    records: Iterable[tuple[str, Iterable[Mapping[str, Any]]]],
    *,
    sender: PublicIdentity,
    recipients: tuple[str, ...],
    police_only_included: bool,
    kind: str,
    sequence: int,
    since_revision: int,
    recipient_sequences: Mapping[str, int],
    attachments: Iterable[tuple[str, Path]],
    receipt: Mapping[str, Any] | None,
    created: datetime,
) -> Manifest:
    specs = table_specs()
    members: list[MemberEntry] = []
    counts: dict[str, int] = {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as payload:
        for table, rows in records:
            columns = specs[table]
            name = f"records/{table}.jsonl"
            digest, size, count = hashlib.sha256(), 0, 0
            with payload.open(name, "w") as stream:
                for row in rows:
                    line = {
                        spec.name: encode_value(spec, row[spec.name])
                        for spec in columns
                        if not spec.optional or spec.name in row
                    }
                    data = (
                        json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"
                    ).encode("utf-8")
                    stream.write(data)
                    digest.update(data)
                    size += len(data)
                    count += 1
            members.append(MemberEntry(name, size, digest.hexdigest()))
            counts[table] = count
        for sha256, source in dict(attachments).items():
            members.append(_add_attachment(payload, sha256, source))
        if receipt is not None:
            data = (json.dumps(receipt, ensure_ascii=False, sort_keys=True) + "\n").encode()
            payload.writestr(RECEIPT_MEMBER, data)
            members.append(MemberEntry(RECEIPT_MEMBER, len(data), hashlib.sha256(data).hexdigest()))
        manifest = Manifest(
            format=BUNDLE_FORMAT,
            bundle_id=uuid7(),
            created=created.astimezone(UTC),
            kind=kind,
            sequence=sequence,
            since_revision=since_revision,
            sender_device_id=sender.device_id,
            sender_name=sender.name,
            sender_fingerprint=sender.fingerprint,
            recipients=recipients,
            police_only_included=police_only_included,
            counts=counts,
            members=tuple(members),
            recipient_sequences=recipient_sequences,
        )
        text = json.dumps(manifest.to_json(), ensure_ascii=False, indent=2) + "\n"
        payload.writestr(MANIFEST_MEMBER, text.encode("utf-8"))
    return manifest


class Scratch:
    """A private temporary folder, removed by :meth:`cleanup` or when garbage-collected."""

    def __init__(self, parent: Path, prefix: str) -> None:
        self.path = Path(tempfile.mkdtemp(dir=parent, prefix=prefix))
        self._finalizer = weakref.finalize(self, shutil.rmtree, self.path, ignore_errors=True)

    def cleanup(self) -> None:
        """Remove the folder and what is in it."""
        self._finalizer()


def scratch_dir(identity: IdentityStore) -> Path:
    """Return the data dir's private folder for unpacked payloads (made if missing)."""
    folder = identity.keys_dir.parent / "scratch"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _encrypt(plain: Path, target: Path, recipients: Sequence[PublicIdentity] | Passphrase) -> None:
    with plain.open("rb") as source, target.open("wb") as out:
        if isinstance(recipients, Passphrase):
            # age's scrypt mode has no streaming call here; passphrase bundles (for
            # partners without keys) are held in memory, within the member limit.
            out.write(pyrage.passphrase.encrypt(source.read(), recipients.text))
        else:
            keys = [x25519.Recipient.from_str(peer.age_recipient) for peer in recipients]
            pyrage.encrypt_io(source, out, keys)


def _add_attachment(payload: zipfile.ZipFile, sha256: str, source: Path) -> MemberEntry:
    """Copy one attachment file into the payload in chunks; check it still has its hash."""
    name = f"{ATTACHMENT_PREFIX}{sha256}"
    digest, size = hashlib.sha256(), 0
    try:
        with source.open("rb") as stream, payload.open(name, "w") as member:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                member.write(chunk)
    except OSError as error:
        raise BundleWriteFailed(source, f"attachment unreadable: {error.strerror}") from None
    if digest.hexdigest() != sha256:
        raise BundleWriteFailed(source, "an attachment file no longer matches its hash")
    return MemberEntry(name, size, sha256)


def outer_bytes(sender: bytes, payload: bytes, signature: bytes) -> bytes:
    """Return the canonical container of the three members (see docs/bundle-format.md).

    Fixed order, times and attributes: the same members always give the same bytes,
    so a reader can rebuild the container and refuse a file that differs anywhere.
    """
    return container.build(list(zip(OUTER_MEMBERS, (sender, payload, signature), strict=True)))


def _write_outer(path: Path, sender: PublicIdentity, encrypted: Path, signature: bytes) -> int:
    folder = path.parent
    # An export killed before its rename leaves its temporary file; clear those first.
    for stale in folder.glob(f".{glob.escape(path.name)}.*.tmp"):
        stale.unlink(missing_ok=True)
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise BundleWriteFailed(path, error.strerror or str(error)) from None
    temp = Path(name)
    renamed = False
    try:
        with os.fdopen(fd, "wb") as stream, encrypted.open("rb") as payload:
            parts: list[tuple[str, bytes | IO[bytes]]] = [
                (SENDER_MEMBER, sender.export_text().encode("utf-8")),
                (PAYLOAD_MEMBER, payload),
                (SIGNATURE_MEMBER, signature),
            ]
            size = container.write(stream, parts)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
        renamed = True
        if os.name == "posix":
            dir_fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except OSError as error:
        temp.unlink(missing_ok=True)
        if renamed:  # in place but not known to be durable: it must not be relied on
            path.unlink(missing_ok=True)
        raise BundleWriteFailed(path, error.strerror or str(error)) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return size


# ---------------------------------------------------------------- reading


def read_bundle(
    path: Path,
    identity: IdentityStore,
    *,
    passphrase: str | None = None,
    wanted: Callable[[Manifest], bool] | None = None,
) -> VerifiedBundle:
    """Read and verify the bundle at ``path``; raise a typed error if anything is wrong.

    The encrypted payload is never held in memory: the container is checked around it,
    the signature verified and the payload decrypted in chunks, into a private scratch
    folder in the data dir; attachments are unpacked there too (see VerifiedBundle).
    When ``wanted`` says no to the (verified) manifest — a bundle imported before — the
    records and attachments are not read: the result has none.
    """
    try:
        stream = path.open("rb")
    except OSError as error:
        raise BundleInvalid(path, error.strerror or str(error)) from None
    work = Scratch(scratch_dir(identity), "import-")
    try:
        with stream:
            return _read(stream, path, identity, passphrase, work, wanted)
    except BaseException:
        work.cleanup()
        raise


def _read(
    stream: IO[bytes],
    path: Path,
    identity: IdentityStore,
    passphrase: str | None,
    work: Scratch,
    wanted: Callable[[Manifest], bool] | None = None,
) -> VerifiedBundle:
    try:
        size = os.fstat(stream.fileno()).st_size
    except OSError as error:
        raise BundleInvalid(path, error.strerror or str(error)) from None
    if size > FILE_LIMIT:
        raise BundleInvalid(path, f"larger than {FILE_LIMIT} bytes")
    spans = _checked_container(stream, size, path)
    sender_data = _span_bytes(stream, spans[SENDER_MEMBER], path)
    signature_data = _span_bytes(stream, spans[SIGNATURE_MEMBER], path)
    sender, is_self = _checked_sender(sender_data, path, identity)
    payload = spans[PAYLOAD_MEMBER]
    signed = _SpanReader(stream, payload)
    try:
        _check_signature(sender, signed, signature_data, path)
    finally:
        _raise_read_error(signed, path)
    if signed.crc != payload.member.crc or signed.remaining:
        raise BundleInvalid(path, "the container was altered (its payload's checksum differs)")
    plain = work.path / "payload.zip"
    # The age header says whether a passphrase is needed; a span reads from its start
    # every time, so the header is read on its own and the payload again in full.
    header = _SpanReader(stream, payload)
    head = header.read(200)
    _raise_read_error(header, path)
    encrypted = _SpanReader(stream, payload)
    try:
        _decrypt(head, encrypted, plain, path, identity, passphrase)
    finally:
        _raise_read_error(encrypted, path)
    try:
        with plain.open("rb") as plain_stream:
            bundle = _read_payload(plain_stream, path, sender, is_self, work.path, wanted)
        plain.unlink()
    except OSError as error:
        raise BundleInvalid(path, f"cannot unpack it here: {error.strerror or error}") from None
    return VerifiedBundle(
        path=path,
        sender=sender,
        sender_is_self=is_self,
        manifest=bundle.manifest,
        records=bundle.records,
        attachments=bundle.attachments,
        receipt=bundle.receipt,
        scratch=work,
    )


def _read_payload(
    stream: IO[bytes],
    path: Path,
    sender: PublicIdentity,
    is_self: bool,
    folder: Path,
    wanted: Callable[[Manifest], bool] | None,
) -> VerifiedBundle:
    payload = _open_zip(stream, path, "the payload is not a ZIP")
    with payload:
        infos = _checked_names(payload, path, required=(MANIFEST_MEMBER,), exact=False)
        manifest = _parse_manifest(
            _read_member(payload, infos[MANIFEST_MEMBER], MANIFEST_LIMIT, path), path
        )
        _check_manifest_sender(manifest, sender, path)
        records: dict[str, tuple[Mapping[str, Any], ...]] = {}
        attachments: dict[str, Path] = {}
        receipt: Mapping[str, Any] | None = None
        members = manifest.members if wanted is None or wanted(manifest) else ()
        for member in members:
            info = infos.get(member.name)
            if info is None:
                raise BundleInvalid(path, f"'{member.name}' is named in the manifest but missing")
            if member.name.startswith(ATTACHMENT_PREFIX):
                target = folder / member.sha256
                _extract_declared(payload, info, member, target, path)
                attachments[member.sha256] = target
                continue
            data = _read_declared(payload, info, member, path)
            if member.name == RECEIPT_MEMBER:
                receipt = _parse_receipt(data, path)
                continue
            table = _table_of(member.name, path)
            records[table] = _parse_records(data, table, manifest.counts[table], member, path)
    return VerifiedBundle(
        path=path,
        sender=sender,
        sender_is_self=is_self,
        manifest=manifest,
        records=records,
        attachments=attachments,
        receipt=receipt,
    )


_NOT_CANONICAL = "the container was altered (its bytes are not the canonical ones)"


def _checked_container(stream: IO[bytes], size: int, path: Path) -> dict[str, container.Span]:
    """Check the outer ZIP is exactly the canonical one around its members' data."""
    outer = _open_zip(stream, path, "the file is not a ZIP")
    infos = _checked_names(outer, path, required=OUTER_MEMBERS, exact=True)
    if [info.filename for info in outer.infolist()] != list(OUTER_MEMBERS):
        raise BundleInvalid(path, _NOT_CANONICAL)
    members = []
    for name in OUTER_MEMBERS:
        info = infos[name]
        limit = MEMBER_LIMIT if name == PAYLOAD_MEMBER else SMALL_LIMIT
        if info.file_size > limit:
            raise BundleInvalid(path, f"member '{name}' is larger than {limit} bytes")
        members.append(container.Member(name, info.file_size, info.CRC))
    spans, total = container.layout(members)
    if total != size:
        raise BundleInvalid(path, _NOT_CANONICAL)
    expected = [
        (
            span.offset - len(container.local_header(span.member)),
            container.local_header(span.member),
        )
        for span in spans
    ]
    tail = container.trailer(members)
    expected.append((size - len(tail), tail))
    try:
        for offset, data in expected:
            stream.seek(offset)
            if stream.read(len(data)) != data:
                raise BundleInvalid(path, _NOT_CANONICAL)
    except OSError as error:
        raise BundleInvalid(path, error.strerror or str(error)) from None
    return {span.member.name: span for span in spans}


def _raise_read_error(reader: _SpanReader, path: Path) -> None:
    if reader.error is not None:
        raise BundleInvalid(path, f"cannot be read: {reader.error.strerror or reader.error}")


def _span_bytes(stream: IO[bytes], span: container.Span, path: Path) -> bytes:
    try:
        stream.seek(span.offset)
        data = stream.read(span.member.size)
    except OSError as error:
        raise BundleInvalid(path, error.strerror or str(error)) from None
    if len(data) != span.member.size or zlib.crc32(data) != span.member.crc:
        raise BundleInvalid(path, _NOT_CANONICAL)
    return data


class _SpanReader:
    """Read one member's data from the file in chunks, keeping its CRC-32."""

    def __init__(self, stream: IO[bytes], span: container.Span) -> None:
        self._stream = stream
        self._offset = span.offset
        self.remaining = span.member.size
        self.crc = 0
        self.error: OSError | None = None
        """A read that failed (a pulled or failing stick): the caller raises it typed."""

    def read(self, size: int = -1, /) -> bytes:
        if self.remaining <= 0:
            return b""
        wanted = self.remaining if size is None or size < 0 else min(size, self.remaining)
        try:
            self._stream.seek(self._offset)
            data = self._stream.read(wanted)
        except OSError as error:
            # Raised here it would pass through minisign or age untyped: end the
            # stream instead, and let the reader report it.
            self.error = error
            self.remaining = -1
            return b""
        self._offset += len(data)
        self.remaining -= len(data)
        self.crc = zlib.crc32(data, self.crc)
        if not data:
            self.remaining = -1  # shorter than declared
        return data

    def readall(self) -> bytes:
        chunks = []
        while chunk := self.read(_CHUNK):
            chunks.append(chunk)
        return b"".join(chunks)


def _open_zip(stream: IO[bytes], path: Path, reason: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(stream)
    except _ZIP_ERRORS:
        raise BundleInvalid(path, reason) from None


def _unsafe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (
        name.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", name) is not None
        or ".." in parts
        or "\x00" in name
    )


def _checked_names(
    archive: zipfile.ZipFile, path: Path, *, required: tuple[str, ...], exact: bool
) -> dict[str, zipfile.ZipInfo]:
    infos: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        name = info.filename
        if _unsafe(name):
            raise BundleInvalid(path, f"unsafe member name '{name}'")
        if name in infos:
            raise BundleInvalid(path, f"member '{name}' appears more than once")
        if exact and name not in required:
            raise BundleInvalid(path, f"unexpected member '{name}'")
        infos[name] = info
    for name in required:
        if name not in infos:
            raise BundleInvalid(path, f"member '{name}' is missing")
    return infos


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, path: Path) -> bytes:
    """Read a member, never more than ``limit`` + 1 bytes whatever its header says."""
    name = info.filename
    if info.flag_bits & 0x1:
        raise BundleInvalid(path, f"member '{name}' is encrypted as ZIP")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise BundleInvalid(path, f"member '{name}' uses an unsupported compression")
    # Deflate may grow incompressible data a little (5 bytes a 16 KiB block).
    if info.compress_size > MEMBER_LIMIT or info.compress_size > limit + limit // 100 + 1024:
        raise BundleInvalid(path, f"member '{name}' is larger than {limit} bytes")
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(min(_CHUNK, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    raise BundleInvalid(path, f"member '{name}' is larger than {limit} bytes")
    except _ZIP_ERRORS:
        raise BundleInvalid(path, f"member '{name}' is damaged") from None
    return b"".join(chunks)


def _read_declared(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, member: MemberEntry, path: Path
) -> bytes:
    try:
        data = _read_member(archive, info, member.size, path)
    except BundleInvalid as error:
        if "larger than" in error.reason:
            raise BundleInvalid(
                path, f"'{member.name}' is larger than the {member.size} bytes declared"
            ) from None
        raise
    if len(data) != member.size:
        raise BundleInvalid(
            path, f"'{member.name}' has {len(data)} bytes, the manifest declares {member.size}"
        )
    if hashlib.sha256(data).hexdigest() != member.sha256:
        raise BundleInvalid(path, f"'{member.name}' does not match its SHA-256 in the manifest")
    return data


def _extract_declared(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, member: MemberEntry, target: Path, path: Path
) -> None:
    """Unpack an attachment member to ``target`` in chunks, checking size and SHA-256."""
    if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise BundleInvalid(path, f"member '{member.name}' uses an unsupported encoding")
    digest, total = hashlib.sha256(), 0
    try:
        with archive.open(info) as source, target.open("wb") as out:
            while chunk := source.read(min(_CHUNK, member.size + 1 - total)):
                total += len(chunk)
                if total > member.size:
                    raise BundleInvalid(
                        path, f"'{member.name}' is larger than the {member.size} bytes declared"
                    )
                digest.update(chunk)
                out.write(chunk)
    except _ZIP_ERRORS:
        raise BundleInvalid(path, f"member '{member.name}' is damaged") from None
    if total != member.size:
        raise BundleInvalid(
            path, f"'{member.name}' has {total} bytes, the manifest declares {member.size}"
        )
    if digest.hexdigest() != member.sha256:
        raise BundleInvalid(path, f"'{member.name}' does not match its SHA-256 in the manifest")


def _checked_sender(
    data: bytes, path: Path, identity: IdentityStore
) -> tuple[PublicIdentity, bool]:
    try:
        document = json.loads(data.decode("utf-8"))
        sender = parse_public(document, path, check_fingerprint=True)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleInvalid(path, f"'{SENDER_MEMBER}' is not an identity") from None
    except IdentityFileInvalid as error:
        raise BundleInvalid(path, f"'{SENDER_MEMBER}': {error.detail}") from None
    own = identity.public()
    if sender.device_id == own.device_id and sender.same_keys(own):
        return sender, True
    peer = identity.peer(sender.device_id)
    if peer is None or not peer.identity.same_keys(sender):
        raise BundleUnknownSender(path, sender.name, str(sender.device_id), sender.fingerprint)
    if peer.revoked:
        raise BundleRevokedSender(path, peer.name, str(sender.device_id), sender.fingerprint)
    return sender, False


def _check_signature(
    sender: PublicIdentity, data: _SpanReader, signature: bytes, path: Path
) -> None:
    try:
        parsed = minisign.Signature.from_bytes(signature)
        minisign.PublicKey.from_base64(sender.signing_key).verify(data, parsed)
    except (minisign.Error, ValueError, TypeError, IndexError, binascii.Error):
        raise BundleInvalid(
            path, "the signature does not match the payload (altered or damaged)"
        ) from None


def _decrypt(
    head: bytes,
    reader: _SpanReader,
    target: Path,
    path: Path,
    identity: IdentityStore,
    passphrase: str | None,
) -> None:
    """Decrypt the payload into ``target`` (a private scratch file), in chunks."""
    scrypt = b"\n-> scrypt " in head
    if passphrase is None and scrypt:
        raise BundleNotForUs(path, "it is protected by a passphrase; give the passphrase")
    try:
        with target.open("wb") as out:
            if passphrase is not None:
                try:
                    out.write(pyrage.passphrase.decrypt(reader.readall(), passphrase))
                except (pyrage.DecryptError, ValueError):
                    reason = "wrong passphrase" if scrypt else "it is not protected by a passphrase"
                    raise BundleNotForUs(path, reason) from None
                return
            try:
                pyrage.decrypt_io(cast(io.BufferedIOBase, reader), out, [identity.age_identity()])
            except (pyrage.DecryptError, ValueError):
                raise BundleNotForUs(path, "it was encrypted for other recipients") from None
    except OSError as error:
        raise BundleInvalid(path, f"cannot unpack it here: {error.strerror or error}") from None


def _parse_manifest(data: bytes, path: Path) -> Manifest:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleInvalid(path, "the manifest is not JSON") from None
    if not isinstance(document, dict):
        raise BundleInvalid(path, "the manifest is not a JSON object")
    found = document.get("format")
    if not isinstance(found, str) or not found.startswith(FORMAT_PREFIX):
        raise BundleInvalid(path, "the manifest's format is not kommunpolis-bundle/N")
    version_text = found.removeprefix(FORMAT_PREFIX)
    if not version_text.isdigit() or len(version_text) > 6:
        raise BundleInvalid(path, f"the manifest's format '{found}' has no version number")
    version = int(version_text)
    if version > FORMAT_VERSION:
        raise BundleTooNew(path, version)
    if version != FORMAT_VERSION:
        raise BundleInvalid(path, f"format version {version} is not known")
    try:
        return _manifest_fields(document, path)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise BundleInvalid(path, f"the manifest is damaged ({error})") from None


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"'{name}' is not text")
    return value


def _count(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= TOTAL_LIMIT:
        raise ValueError(f"'{name}' is not a count")
    return value


def _whole_number(value: Any, name: str) -> int:
    # A sequence or a revision (an SQLite integer: a hybrid-logical-clock value).
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**63:
        raise ValueError(f"'{name}' is not a whole number")
    return value


def _manifest_fields(document: dict[str, Any], path: Path) -> Manifest:
    specs = table_specs()
    kind = _text(document["kind"], "kind")
    if kind not in KINDS:
        raise ValueError(f"'kind' is not one of {', '.join(KINDS)}")
    sequence = _whole_number(document["sequence"], "sequence")
    if sequence < 1:
        raise ValueError("'sequence' is not a bundle number (1, 2, 3, …)")
    since_revision = _whole_number(document["since_revision"], "since_revision")
    if kind == KIND_FULL and since_revision != 0:
        raise ValueError("a full bundle's 'since_revision' is not 0")
    sender = document["sender"]
    if not isinstance(sender, dict):
        raise ValueError("'sender' is not an object")
    created = datetime.fromisoformat(_text(document["created"], "created"))
    if created.tzinfo is None:
        raise ValueError("'created' has no time zone")
    recipients = document["recipients"]
    if not isinstance(recipients, list):
        raise ValueError("'recipients' is not a list")
    police = document["police_only_included"]
    if not isinstance(police, bool):
        raise ValueError("'police_only_included' is not true or false")
    raw_counts = document["counts"]
    if not isinstance(raw_counts, dict):
        raise ValueError("'counts' is not an object")
    counts = {_text(k, "counts"): _count(v, f"counts.{k}") for k, v in raw_counts.items()}
    raw_members = document["members"]
    if not isinstance(raw_members, list):
        raise ValueError("'members' is not a list")
    members: list[MemberEntry] = []
    total = 0
    for entry in raw_members:
        if not isinstance(entry, dict):
            raise ValueError("a member is not an object")
        name = _text(entry["name"], "members.name")
        match = _RECORDS_NAME.match(name)
        attachment = _ATTACHMENT_NAME.match(name)
        if name == RECEIPT_MEMBER:
            if kind != KIND_RECEIPT:
                raise BundleInvalid(path, f"only a receipt carries '{name}'")
        elif (match is None or match.group(1) not in specs) and attachment is None:
            raise BundleInvalid(path, f"the manifest names an unknown member '{name}'")
        if any(member.name == name for member in members):
            raise BundleInvalid(path, f"the manifest names '{name}' twice")
        size = _count(entry["size"], "members.size")
        if size > MEMBER_LIMIT:
            raise BundleInvalid(path, f"'{name}' is declared larger than {MEMBER_LIMIT} bytes")
        total += size
        digest = _text(entry["sha256"], "members.sha256")
        if not _SHA256.match(digest):
            raise ValueError(f"the SHA-256 of '{name}' is not 64 hex digits")
        if name == RECEIPT_MEMBER:
            if size > RECEIPT_LIMIT:
                raise BundleInvalid(path, f"'{name}' is declared larger than {RECEIPT_LIMIT}")
        elif attachment is not None:
            if attachment.group(1) != digest:
                raise BundleInvalid(path, f"'{name}' is declared with another SHA-256")
        elif match is not None and match.group(1) not in counts:
            raise ValueError(f"no count for '{name}'")
        members.append(MemberEntry(name, size, digest))
    if total > TOTAL_LIMIT:
        raise BundleInvalid(path, f"the members are declared larger than {TOTAL_LIMIT} bytes")
    tables = {
        _table_of(member.name, path)
        for member in members
        if not member.name.startswith(ATTACHMENT_PREFIX) and member.name != RECEIPT_MEMBER
    }
    if kind == KIND_RECEIPT and (tables or RECEIPT_MEMBER not in {m.name for m in members}):
        raise BundleInvalid(path, "a receipt carries its receipt and no records")
    if set(counts) != tables:
        raise ValueError("'counts' and 'members' name different tables")
    names = tuple(_text(item, "recipients") for item in recipients)
    raw_sequences = document["recipient_sequences"]
    if not isinstance(raw_sequences, dict):
        raise ValueError("'recipient_sequences' is not an object")
    recipient_sequences = {
        _text(k, "recipient_sequences"): _whole_number(v, f"recipient_sequences.{k}")
        for k, v in raw_sequences.items()
    }
    if not set(recipient_sequences) <= set(names) or 0 in recipient_sequences.values():
        raise ValueError("'recipient_sequences' does not number the recipients")
    return Manifest(
        format=BUNDLE_FORMAT,
        bundle_id=uuid.UUID(_text(document["bundle_id"], "bundle_id")),
        created=created.astimezone(UTC),
        kind=kind,
        sequence=sequence,
        since_revision=since_revision,
        sender_device_id=uuid.UUID(_text(sender["device_id"], "sender.device_id")),
        sender_name=_text(sender["name"], "sender.name"),
        sender_fingerprint=_text(sender["fingerprint"], "sender.fingerprint"),
        recipients=names,
        police_only_included=police,
        counts=counts,
        members=tuple(members),
        recipient_sequences=recipient_sequences,
    )


def _check_manifest_sender(manifest: Manifest, sender: PublicIdentity, path: Path) -> None:
    if (manifest.sender_device_id, manifest.sender_fingerprint) != (
        sender.device_id,
        sender.fingerprint,
    ):
        raise BundleInvalid(path, "the manifest names another sender than the signer")


def _parse_receipt(data: bytes, path: Path) -> Mapping[str, Any]:
    """Check a receipt's shape: who imported which bundles when, with what outcome."""
    try:
        document = json.loads(data.decode("utf-8"))
        if not isinstance(document, dict) or not isinstance(document.get("bundles"), list):
            raise ValueError("no list of bundles")
        _text(document["receiver_name"], "receiver_name")
        uuid.UUID(_text(document["receiver_device"], "receiver_device"))
        for entry in document["bundles"]:
            if not isinstance(entry, dict):
                raise ValueError("a bundle entry is not an object")
            uuid.UUID(_text(entry["bundle_id"], "bundle_id"))
            _whole_number(entry["sequence"], "sequence")
            if datetime.fromisoformat(_text(entry["imported_at"], "imported_at")).tzinfo is None:
                raise ValueError("'imported_at' has no time zone")
            counts = entry["counts"]
            if not isinstance(counts, dict):
                raise ValueError("'counts' is not an object")
            for key, value in counts.items():
                _count(value, f"counts.{_text(key, 'counts')}")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError) as error:
        raise BundleInvalid(path, f"the receipt is damaged ({error})") from None
    return document


def _table_of(name: str, path: Path) -> str:
    match = _RECORDS_NAME.match(name)
    if match is None:
        raise BundleInvalid(path, f"unknown member '{name}'")
    return match.group(1)


def record_problem(table: str, record: Any) -> str | None:
    """Return what is wrong with one record line of ``table`` (see record_schemas), or None."""
    specs = table_specs()[table]
    if not isinstance(record, dict):
        return "is not a JSON object"
    names = {spec.name for spec in specs}
    if set(record) != names:
        missing = sorted(names - set(record) - {spec.name for spec in specs if spec.optional})
        extra = sorted(set(record) - names)
        if missing or extra:
            detail = f"missing {', '.join(missing)}" if missing else f"unknown {extra[0]}"
            return f"columns do not match '{table}' ({detail})"
    for spec in specs:
        if spec.name not in record:
            continue
        problem = _check_value(spec, record[spec.name])
        if problem is not None:
            return f"'{spec.name}' {problem}"
    fields = [name for name in names if name not in META_COLUMNS]
    return clocks_problem(record[CLOCKS_COLUMN], fields)


def _parse_records(
    data: bytes, table: str, expected: int, member: MemberEntry, path: Path
) -> tuple[Mapping[str, Any], ...]:
    if data and not data.endswith(b"\n"):
        raise BundleInvalid(path, f"'{member.name}' does not end with a line break")
    found = data.count(b"\n")
    if found != expected:
        raise BundleInvalid(
            path, f"'{member.name}' has {found} records, the manifest counts {expected}"
        )
    records: list[Mapping[str, Any]] = []
    # Line by line, not one split of the whole member: a split of a large member is
    # one long call that holds the GIL (and the window) until it is done.
    for number, line in enumerate(io.BytesIO(data), start=1):
        where = f"'{member.name}' line {number}"
        try:
            record = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise BundleInvalid(path, f"{where} is not JSON") from None
        problem = record_problem(table, record)
        if problem is not None:
            raise BundleInvalid(path, f"{where}: {problem}")
        records.append(record)
    return tuple(records)

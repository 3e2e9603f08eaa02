"""Typed errors for failures a user can act on (bad input, bad file, busy disk).

Anything that is not one of these is a bug and is reported as a crash. Each error
carries the facts as attributes so that the UI can render its own translated text;
``str(error)`` is a plain English one-line message for the command line and logs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


class KnownError(Exception):
    """A failure caused by the environment or by input, not by a bug."""


class InvalidInput(KnownError):
    """A value a user gave is not acceptable."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


class InvalidTransition(KnownError):
    """A status change that the domain's rules do not allow."""

    def __init__(self, kind: str, current: str, target: str, allowed: tuple[str, ...]) -> None:
        self.kind = kind
        self.current = current
        self.target = target
        self.allowed = allowed
        allowed_text = ", ".join(allowed) if allowed else "none"
        super().__init__(
            f"a {kind} cannot go from '{current}' to '{target}' (allowed next: {allowed_text})"
        )


class RecordNotFound(KnownError):
    """No live record of that kind has that id."""

    def __init__(self, kind: str, record_id: str) -> None:
        self.kind = kind
        self.record_id = record_id
        super().__init__(f"no {kind} with id {record_id}")


class ProfileMissing(KnownError):
    """The installation has no officer profile yet."""

    def __init__(self) -> None:
        super().__init__("no profile yet: run 'kommunpolis init --name NAME --role officer' first")


class ProfileExists(KnownError):
    """A profile exists and the caller did not ask to replace it."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"a profile for '{name}' already exists; use --replace to replace it")


class DemoRefused(KnownError):
    """Demo data would be mixed into a database that holds real records."""

    def __init__(self, record_count: int) -> None:
        self.record_count = record_count
        super().__init__(
            f"the database already holds {record_count} records; "
            "use --force to add demo data anyway"
        )


class DatabaseError(KnownError):
    """The database file cannot be used as it is."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: {detail}")


class DatabaseCorrupt(DatabaseError):
    """The file is not a readable SQLite database, or fails its integrity check."""

    def __init__(self, path: Path, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            path,
            f"the database file is damaged or not a database{extra}; "
            "restore a backup (kommunpolis backups) or move the file aside",
        )


class DatabaseLocked(DatabaseError):
    """Another program holds a lock on the database for too long."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "the database is locked by another program; close other Kommunpolis windows "
            "or commands and try again",
        )


class DatabaseReadOnly(DatabaseError):
    """The database file or its folder cannot be written."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "the database cannot be written (read-only file, folder or disk); "
            "check the file's permissions or choose another --data-dir",
        )


class DatabaseFull(DatabaseError):
    """The disk holding the database is full."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "the disk is full; free some space and try again")


class DatabaseTooNew(DatabaseError):
    """The database was written by a newer version of the app."""

    def __init__(self, path: Path, revision: str) -> None:
        self.revision = revision
        super().__init__(
            path,
            f"the database has schema '{revision}', made by a newer Kommunpolis; "
            "update the app to open it (the file was left untouched)",
        )


class BackupFailed(KnownError):
    """A backup copy could not be written."""

    def __init__(self, target: Path, detail: str) -> None:
        self.target = target
        self.detail = detail
        super().__init__(f"backup to {target} failed: {detail}")


class FieldErrors(KnownError):
    """One or more fields of a record hold values that cannot be saved.

    ``problems`` maps each field's name to a code and its parameters, e.g.
    ``{"title": ("required", {}), "text": ("too_long", {"limit": 200})}``; the UI
    words each code in Swedish next to its field. Nothing was saved.
    """

    def __init__(self, kind: str, problems: Mapping[str, tuple[str, Mapping[str, object]]]) -> None:
        self.kind = kind
        self.problems = dict(problems)
        listed = "; ".join(f"{name}: {code}" for name, (code, _params) in self.problems.items())
        super().__init__(f"{kind} not saved: {listed}")


class IdentityFileInvalid(KnownError):
    """A file meant to hold an identity or a key is damaged, foreign or of a newer format."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: not a usable Kommunpolis identity ({detail})")


class IdentityStoreFailed(KnownError):
    """The key folder or a key file cannot be read or written (permissions, full disk)."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: the keys cannot be stored ({detail})")


class IdentityMissing(KnownError):
    """This installation has no keys yet."""

    def __init__(self, keys_dir: Path) -> None:
        self.keys_dir = keys_dir
        super().__init__(
            f"no identity in {keys_dir} yet: run 'kommunpolis init --name NAME --role officer'"
        )


class IdentityIsOwn(KnownError):
    """The identity offered for trust is this installation's own."""

    def __init__(self, device_id: str) -> None:
        self.device_id = device_id
        super().__init__(
            f"device {device_id} is this installation itself; trust other installations' files"
        )


class TrustConflict(KnownError):
    """A trusted device offers different keys than the ones trusted before."""

    def __init__(self, device_id: str, trusted_fingerprint: str, offered_fingerprint: str) -> None:
        self.device_id = device_id
        self.trusted_fingerprint = trusted_fingerprint
        self.offered_fingerprint = offered_fingerprint
        super().__init__(
            f"device {device_id} is trusted with fingerprint {trusted_fingerprint}, but this "
            f"file has {offered_fingerprint}; check with its owner, then revoke the old one first"
        )


class PeerNotTrusted(KnownError):
    """No device with that id is on the trust list."""

    def __init__(self, device_id: str) -> None:
        self.device_id = device_id
        super().__init__(f"device {device_id} is not on the trust list")


class BundleInvalid(KnownError):
    """A file is not a valid bundle: damaged, altered, truncated or not a bundle at all."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: not a valid Kommunpolis bundle ({reason})")


class BundleUnknownSender(KnownError):
    """A bundle comes from an installation that is not on the trust list."""

    def __init__(self, path: Path, name: str, device_id: str, fingerprint: str) -> None:
        self.path = path
        self.name = name
        self.device_id = device_id
        self.fingerprint = fingerprint
        super().__init__(
            f"{path}: sent by '{name}' (device {device_id}, fingerprint {fingerprint}), "
            "who is not trusted here; compare the fingerprint with the sender and run "
            "'kommunpolis keys trust' on their identity file first"
        )


class BundleRevokedSender(KnownError):
    """A bundle comes from an installation whose trust was revoked."""

    def __init__(self, path: Path, name: str, device_id: str, fingerprint: str) -> None:
        self.path = path
        self.name = name
        self.device_id = device_id
        self.fingerprint = fingerprint
        super().__init__(
            f"{path}: sent by '{name}' (device {device_id}, fingerprint {fingerprint}), "
            "whose trust was revoked"
        )


class BundleNotForUs(KnownError):
    """A bundle this installation cannot decrypt (another recipient, a wrong passphrase)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: cannot be opened here ({reason})")


class BundleTooNew(KnownError):
    """A bundle in a newer format than this version of Kommunpolis reads."""

    def __init__(self, path: Path, version: int) -> None:
        self.path = path
        self.version = version
        super().__init__(
            f"{path}: bundle format version {version} is newer than this app reads (1); "
            "update Kommunpolis"
        )


class BundleWriteFailed(KnownError):
    """A bundle could not be written (disk full, read-only stick, missing folder)."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: the bundle cannot be written ({detail})")


class MassDeleteRefused(KnownError):
    """A bundle would delete a large share of the records here; a person must agree first."""

    def __init__(self, path: Path, deleting: int, live: int) -> None:
        self.path = path
        self.deleting = deleting
        self.live = live
        super().__init__(
            f"{path}: would delete {deleting} of the {live} records here; nothing was imported"
            " (import again with --allow-deletes if that is intended)"
        )


class AttachmentWriteFailed(KnownError):
    """An attachment file from a bundle could not be stored (disk full, I/O error)."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: an attachment could not be stored ({detail}); nothing imported")


class ConflictNotFound(KnownError):
    """No open conflict has the given id."""

    def __init__(self, conflict_id: str) -> None:
        self.conflict_id = conflict_id
        super().__init__(f"no open conflict has the id {conflict_id}")


class NotForCitizens(KnownError):
    """A document meant for citizens was asked for a record marked internal or secret."""

    def __init__(self, kind: str, record_id: str, sensitivity: str) -> None:
        self.kind = kind
        self.record_id = record_id
        self.sensitivity = sensitivity
        super().__init__(
            f"the {kind} record {record_id} is marked '{sensitivity}'; a document for "
            "citizens cannot be made from it (mark it open first)"
        )


class DocumentWriteFailed(KnownError):
    """A document (PDF) could not be written; no half-written file is left."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: the document cannot be written ({detail})")


class PurgePreviewStale(KnownError):
    """A disposal run was asked to apply a preview made under other retention settings."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(f"{detail}; preview the disposal run again before applying it")


class CsvWriteFailed(KnownError):
    """A CSV export could not be written; no half-written file is left."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: the CSV file cannot be written ({detail})")

"""This installation's identity and the installations it trusts.

An identity is the profile's device id, an Ed25519 signing key in minisign's format
and an X25519 identity in age's format, so that the stock ``minisign`` and ``age``
tools can verify and decrypt what Kommunpolis signs and encrypts. The files live in
``keys_dir`` (mode 0700), each written atomically and readable by the owner only
(0600); docs/bundle-format.md describes them:

- ``signing.key``: the minisign secret key; ``signing.pub``: its public key
  (``minisign -V -p signing.pub``);
- ``age.key``: the age identity (``age -d -i age.key``);
- ``identity.json``: the public identity, in the export format below;
- ``trusted.json``: the trust list.

The export format (``kommunpolis-identity/1``) is a small JSON object a person can
hand over: name, device id, minisign public key, age recipient and fingerprint.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import tempfile
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import minisign
import pyrage
from pyrage import x25519

from kommunpolis.domain.collation import swedish_key
from kommunpolis.domain.errors import (
    IdentityFileInvalid,
    IdentityIsOwn,
    IdentityMissing,
    IdentityStoreFailed,
    InvalidInput,
    PeerNotTrusted,
    TrustConflict,
)

IDENTITY_FORMAT = "kommunpolis-identity/1"
TRUST_FORMAT = "kommunpolis-trust/1"
SIGNING_KEY_FILE = "signing.key"
SIGNING_PUBLIC_KEY_FILE = "signing.pub"
AGE_IDENTITY_FILE = "age.key"
IDENTITY_FILE = "identity.json"
TRUST_FILE = "trusted.json"
NAME_LIMIT = 200
# An identity file is a few hundred bytes; anything far larger is not one.
IDENTITY_FILE_LIMIT = 64 * 1024
TRUST_FILE_LIMIT = 16 * 1024 * 1024
FINGERPRINT_BYTES = 10
_SECRET_MODE, _DIR_MODE, _HANDOVER_MODE = 0o600, 0o700, 0o644
_AGE_SECRET_PREFIX = "AGE-SECRET-KEY-1"


def fingerprint_of(device_id: uuid.UUID, signing_key: str, age_recipient: str) -> str:
    """Return the short fingerprint of an identity, e.g. ``ABCD-EFGH-IJKL-MNOP``.

    The first 10 bytes (80 bits) of SHA-256 over the device id's 16 bytes, the decoded
    minisign public key (42 bytes: algorithm, key id, Ed25519 key) and the age
    recipient's ASCII text, in RFC 4648 base32 as four groups of four characters: short
    enough to read aloud, long enough that nobody can make a second identity match it.
    """
    digest = hashlib.sha256(
        device_id.bytes + base64.b64decode(signing_key) + age_recipient.encode("ascii")
    ).digest()
    text = base64.b32encode(digest[:FINGERPRINT_BYTES]).decode("ascii")
    return "-".join(text[index : index + 4] for index in range(0, len(text), 4))


@dataclass(frozen=True)
class PublicIdentity:
    """What others need to know about an installation: who, and its two public keys."""

    device_id: uuid.UUID
    name: str
    signing_key: str
    """The minisign public key in base64, as on the second line of a ``.pub`` file."""
    age_recipient: str
    """The age X25519 recipient, ``age1…``."""

    @property
    def fingerprint(self) -> str:
        """The short fingerprint to compare aloud (see :func:`fingerprint_of`)."""
        return fingerprint_of(self.device_id, self.signing_key, self.age_recipient)

    def same_keys(self, other: PublicIdentity) -> bool:
        """Whether ``other`` is the same device with the same keys (names may differ)."""
        return (self.device_id, self.signing_key, self.age_recipient) == (
            other.device_id,
            other.signing_key,
            other.age_recipient,
        )

    def to_json(self) -> dict[str, str]:
        """Return the export format as a JSON object."""
        return {
            "format": IDENTITY_FORMAT,
            "name": self.name,
            "device_id": str(self.device_id),
            "minisign_public_key": self.signing_key,
            "age_recipient": self.age_recipient,
            "fingerprint": self.fingerprint,
        }

    def export_text(self) -> str:
        """Return the identity file's text (UTF-8 JSON, one field a line)."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"

    def minisign_public_key_file(self) -> str:
        """Return the public key as a minisign ``.pub`` file, for ``minisign -V -p FILE``."""
        key_id = base64.b64decode(self.signing_key)[2:10]
        # minisign prints key ids as a little-endian 64-bit number in hex.
        return (
            f"untrusted comment: minisign public key {key_id[::-1].hex().upper()}\n"
            f"{self.signing_key}\n"
        )


@dataclass(frozen=True)
class TrustedPeer:
    """Another installation on the trust list."""

    identity: PublicIdentity
    name: str
    """What this installation calls the peer (the name in its file unless given)."""
    trusted_at: datetime
    revoked_at: datetime | None = None

    @property
    def device_id(self) -> uuid.UUID:
        """The peer's device id."""
        return self.identity.device_id

    @property
    def fingerprint(self) -> str:
        """The peer's fingerprint."""
        return self.identity.fingerprint

    @property
    def revoked(self) -> bool:
        """Whether the peer was revoked (bundles from it are refused)."""
        return self.revoked_at is not None


def load_public(path: Path) -> PublicIdentity:
    """Read an identity file written by :meth:`IdentityStore.export`."""
    try:
        with path.open("rb") as stream:
            data = stream.read(IDENTITY_FILE_LIMIT + 1)
    except OSError as error:
        raise IdentityFileInvalid(path, error.strerror or str(error)) from None
    if len(data) > IDENTITY_FILE_LIMIT:
        raise IdentityFileInvalid(path, f"larger than {IDENTITY_FILE_LIMIT} bytes")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise IdentityFileInvalid(path, "not a JSON identity file") from None
    return parse_public(document, path, check_fingerprint=True)


def parse_public(document: Any, path: Path, *, check_fingerprint: bool) -> PublicIdentity:
    if not isinstance(document, dict):
        raise IdentityFileInvalid(path, "not a JSON identity file")
    found = document.get("format")
    if found != IDENTITY_FORMAT:
        if isinstance(found, str) and found.startswith("kommunpolis-identity/"):
            raise IdentityFileInvalid(
                path, f"format '{found}' is not '{IDENTITY_FORMAT}'; a newer Kommunpolis made it"
            )
        raise IdentityFileInvalid(path, "not a Kommunpolis identity file")
    fields = {}
    for key in ("name", "device_id", "minisign_public_key", "age_recipient", "fingerprint"):
        value = document.get(key)
        if not isinstance(value, str):
            raise IdentityFileInvalid(path, f"'{key}' is missing or not text")
        fields[key] = value
    name = fields["name"].strip()
    if not name or len(name) > NAME_LIMIT or not name.isprintable():
        raise IdentityFileInvalid(path, f"'name' must be 1 to {NAME_LIMIT} printable characters")
    try:
        device_id = uuid.UUID(fields["device_id"])
    except ValueError:
        raise IdentityFileInvalid(path, "'device_id' is not a UUID") from None
    public = PublicIdentity(
        device_id=device_id,
        name=name,
        signing_key=_checked_signing_key(fields["minisign_public_key"], path),
        age_recipient=_checked_recipient(fields["age_recipient"], path),
    )
    if check_fingerprint and fields["fingerprint"] != public.fingerprint:
        raise IdentityFileInvalid(path, "the fingerprint does not match the keys (file altered?)")
    return public


def _checked_signing_key(text: str, path: Path) -> str:
    try:
        key = minisign.PublicKey.from_base64(text)
    except (minisign.Error, binascii.Error):
        raise IdentityFileInvalid(path, "'minisign_public_key' is not a minisign key") from None
    canonical = key.to_base64().decode("ascii")
    assert isinstance(canonical, str)
    return canonical


def _checked_recipient(text: str, path: Path) -> str:
    if not text.startswith("age1"):
        raise IdentityFileInvalid(path, "'age_recipient' is not an age1… recipient")
    try:
        return str(x25519.Recipient.from_str(text))
    except pyrage.RecipientError:
        raise IdentityFileInvalid(path, "'age_recipient' is not an age1… recipient") from None


class IdentityStore:
    """Create and read this installation's keys, and keep the trust list."""

    def __init__(self, keys_dir: Path, *, now: Callable[[], datetime] | None = None) -> None:
        self.keys_dir = keys_dir
        self._now = now or (lambda: datetime.now(UTC))

    @property
    def signing_key_path(self) -> Path:
        """The minisign secret key (unencrypted; see :meth:`ensure`)."""
        return self.keys_dir / SIGNING_KEY_FILE

    @property
    def signing_public_key_path(self) -> Path:
        """The minisign public key file, for ``minisign -V -p``."""
        return self.keys_dir / SIGNING_PUBLIC_KEY_FILE

    @property
    def age_identity_path(self) -> Path:
        """The age identity file, for ``age -d -i``."""
        return self.keys_dir / AGE_IDENTITY_FILE

    @property
    def identity_path(self) -> Path:
        """The public identity in the export format."""
        return self.keys_dir / IDENTITY_FILE

    @property
    def trust_path(self) -> Path:
        """The trust list."""
        return self.keys_dir / TRUST_FILE

    # ---------------------------------------------------------------- own identity

    def ensure(self, device_id: uuid.UUID, name: str) -> PublicIdentity:
        """Create the keys unless they exist; record the profile's device id and name.

        Existing keys are never replaced, so calling this again (a renamed profile,
        a second start) keeps the identity others trust; only the name and device id
        in ``identity.json`` follow the profile.
        """
        name = name.strip()
        if not name or len(name) > NAME_LIMIT:
            raise InvalidInput("name", f"1 to {NAME_LIMIT} characters")
        self._make_dir()
        public = PublicIdentity(
            device_id=device_id,
            name=name,
            signing_key=self._ensure_signing_key(),
            age_recipient=self._ensure_age_identity(),
        )
        self._write_if_changed(self.signing_public_key_path, public.minisign_public_key_file())
        # Written last: once it exists, so do both keys.
        self._write_if_changed(self.identity_path, public.export_text())
        return public

    def exists(self) -> bool:
        """Whether this installation has its identity yet."""
        return all(
            path.is_file()
            for path in (self.identity_path, self.signing_key_path, self.age_identity_path)
        )

    def public(self) -> PublicIdentity:
        """Return this installation's public identity."""
        if not self.exists():
            raise IdentityMissing(self.keys_dir)
        return load_public(self.identity_path)

    def export(self, path: Path) -> PublicIdentity:
        """Write the public identity to ``path`` for handing over; return it."""
        public = self.public()
        _write_atomic(path, public.export_text().encode("utf-8"), _HANDOVER_MODE)
        return public

    def sign(self, data: bytes | IO[bytes], *, trusted_comment: str | None = None) -> bytes:
        """Return a minisign signature (the ``.minisig`` file's bytes) of ``data``.

        ``data`` may be a stream: the signature is prehashed (minisign's default), so
        a large payload is read in chunks.
        """
        secret = self._read_signing_key()
        try:
            signature = secret.sign(data, trusted_comment=trusted_comment)
        finally:
            secret.wipe()
        return bytes(signature) + b"\n"

    def age_identity(self) -> x25519.Identity:
        """Return the age identity that decrypts what is encrypted to this installation."""
        text = _read_secret(self.age_identity_path, self.keys_dir)
        return _parse_age_identity(text, self.age_identity_path)

    # ---------------------------------------------------------------- trust list

    def trust(self, public: PublicIdentity, name: str | None = None) -> TrustedPeer:
        """Add ``public`` to the trust list (or rename it there); return the entry."""
        if self.exists():
            own = self.public()
            if public.device_id == own.device_id or public.signing_key == own.signing_key:
                raise IdentityIsOwn(str(public.device_id))
        local_name = (name if name is not None else public.name).strip()
        if not local_name or len(local_name) > NAME_LIMIT or not local_name.isprintable():
            raise InvalidInput("name", f"1 to {NAME_LIMIT} printable characters")
        peers = self._read_trust()
        existing = peers.get(public.device_id)
        if existing is not None and existing.revoked:
            existing = None  # Trusting a revoked device again is a new decision.
        if existing is not None and not existing.identity.same_keys(public):
            raise TrustConflict(str(public.device_id), existing.fingerprint, public.fingerprint)
        peer = TrustedPeer(
            identity=public,
            name=local_name,
            trusted_at=existing.trusted_at if existing is not None else self._now(),
        )
        peers[public.device_id] = peer
        self._write_trust(peers)
        return peer

    def trusted(self) -> tuple[TrustedPeer, ...]:
        """Return the trusted (not revoked) peers, by name."""
        return self._sorted(peer for peer in self._read_trust().values() if not peer.revoked)

    def revoked(self) -> tuple[TrustedPeer, ...]:
        """Return the revoked peers, by name (kept so that their bundles say 'revoked')."""
        return self._sorted(peer for peer in self._read_trust().values() if peer.revoked)

    def peer(self, device_id: uuid.UUID) -> TrustedPeer | None:
        """Return the trust-list entry for ``device_id`` (trusted or revoked), if any."""
        return self._read_trust().get(device_id)

    def revoke(self, device_id: uuid.UUID) -> TrustedPeer:
        """Stop trusting ``device_id``; return its entry as now revoked."""
        peers = self._read_trust()
        existing = peers.get(device_id)
        if existing is None or existing.revoked:
            raise PeerNotTrusted(str(device_id))
        peer = replace(existing, revoked_at=self._now())
        peers[device_id] = peer
        self._write_trust(peers)
        return peer

    # ---------------------------------------------------------------- files

    def _make_dir(self) -> None:
        try:
            self.keys_dir.mkdir(mode=_DIR_MODE, parents=True, exist_ok=True)
            # mkdir's mode is reduced by the umask, and an older folder may be looser.
            os.chmod(self.keys_dir, _DIR_MODE)
        except OSError as error:
            raise IdentityStoreFailed(self.keys_dir, error.strerror or str(error)) from None

    def _ensure_signing_key(self) -> str:
        if not self.signing_key_path.exists():
            pair = minisign.KeyPair.generate()
            # Stored without a password: the app has no passphrase prompt, and the key is
            # protected like the database next to it (owner-only file in an owner-only folder).
            _create_once(self.signing_key_path, bytes(pair.secret_key) + b"\n")
            pair.secret_key.wipe()
        secret = self._read_signing_key()
        try:
            public_key = secret.get_public_key().to_base64().decode("ascii")
        finally:
            secret.wipe()
        assert isinstance(public_key, str)
        return public_key

    def _read_signing_key(self) -> Any:
        path = self.signing_key_path
        data = _read_secret(path, self.keys_dir).encode("utf-8")
        try:
            secret = minisign.SecretKey.from_bytes(data)
            encrypted = secret.is_encrypted()
        except minisign.Error:
            raise IdentityFileInvalid(path, "not a minisign secret key") from None
        if encrypted:
            raise IdentityFileInvalid(path, "the key has a password, which the app cannot ask for")
        return secret

    def _ensure_age_identity(self) -> str:
        path = self.age_identity_path
        if not path.exists():
            identity = x25519.Identity.generate()
            recipient = str(identity.to_public())
            created = self._now().strftime("%Y-%m-%dT%H:%M:%SZ")
            # The same layout as age-keygen writes.
            text = f"# created: {created}\n# public key: {recipient}\n{identity}\n"
            _create_once(path, text.encode("ascii"))
        return str(self.age_identity().to_public())

    def _write_if_changed(self, path: Path, text: str) -> None:
        data = text.encode("utf-8")
        try:
            if path.read_bytes() == data:
                return
        except FileNotFoundError:
            pass
        except OSError as error:
            raise IdentityStoreFailed(path, error.strerror or str(error)) from None
        _write_atomic(path, data, _SECRET_MODE)

    def _read_trust(self) -> dict[uuid.UUID, TrustedPeer]:
        path = self.trust_path
        try:
            with path.open("rb") as stream:
                data = stream.read(TRUST_FILE_LIMIT + 1)
        except FileNotFoundError:
            return {}
        except OSError as error:
            raise IdentityStoreFailed(path, error.strerror or str(error)) from None
        try:
            if len(data) > TRUST_FILE_LIMIT:
                raise ValueError("too large")
            document = json.loads(data.decode("utf-8"))
            if not isinstance(document, dict) or document.get("format") != TRUST_FORMAT:
                raise ValueError("not a trust list")
            entries = document["peers"]
            if not isinstance(entries, list):
                raise ValueError("'peers' is not a list")
            peers = [_peer_from_json(entry, path) for entry in entries]
        except (UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
            raise IdentityFileInvalid(path, f"damaged trust list: {error}") from None
        return {peer.device_id: peer for peer in peers}

    def _write_trust(self, peers: Mapping[uuid.UUID, TrustedPeer]) -> None:
        self._make_dir()
        document = {
            "format": TRUST_FORMAT,
            "peers": [_peer_to_json(peer) for peer in self._sorted(peers.values())],
        }
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        _write_atomic(self.trust_path, text.encode("utf-8"), _SECRET_MODE)

    @staticmethod
    def _sorted(peers: Any) -> tuple[TrustedPeer, ...]:
        return tuple(sorted(peers, key=lambda peer: (swedish_key(peer.name), str(peer.device_id))))


def _peer_to_json(peer: TrustedPeer) -> dict[str, Any]:
    return {
        "identity": peer.identity.to_json(),
        "name": peer.name,
        "trusted_at": peer.trusted_at.isoformat(),
        "revoked_at": peer.revoked_at.isoformat() if peer.revoked_at is not None else None,
    }


def _peer_from_json(entry: Any, path: Path) -> TrustedPeer:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise ValueError("an entry is not a peer")
    revoked_at = entry.get("revoked_at")
    return TrustedPeer(
        identity=parse_public(entry["identity"], path, check_fingerprint=True),
        name=entry["name"],
        trusted_at=_aware(datetime.fromisoformat(entry["trusted_at"])),
        revoked_at=_aware(datetime.fromisoformat(revoked_at)) if revoked_at is not None else None,
    )


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("a time without time zone")
    return moment


def _parse_age_identity(text: str, path: Path) -> x25519.Identity:
    keys = [line.strip() for line in text.splitlines() if line.strip().startswith("AGE-SECRET")]
    if len(keys) != 1 or not keys[0].startswith(_AGE_SECRET_PREFIX):
        raise IdentityFileInvalid(path, "not an age identity file with one X25519 key")
    try:
        return x25519.Identity.from_str(keys[0])
    except pyrage.IdentityError:
        raise IdentityFileInvalid(path, "not an age identity file with one X25519 key") from None


def _read_secret(path: Path, keys_dir: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise IdentityMissing(keys_dir) from None
    except OSError as error:
        raise IdentityStoreFailed(path, error.strerror or str(error)) from None
    try:
        return data.decode("ascii")
    except UnicodeDecodeError:
        raise IdentityFileInvalid(path, "not a key file") from None


def _temp_file(path: Path, data: bytes, mode: int) -> Path:
    """Write ``data`` to a new temporary file next to ``path``, flushed to disk."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            # mkstemp makes the file 0600; a hand-over file may be readable by others.
            os.chmod(name, mode)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; Windows cannot open a folder for this.
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_atomic(path: Path, data: bytes, mode: int) -> None:
    """Replace ``path`` with ``data``: temp file, fsync, rename, folder fsync."""
    try:
        temp = _temp_file(path, data, mode)
        try:
            os.replace(temp, path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        _fsync_dir(path.parent)
    except OSError as error:
        raise IdentityStoreFailed(path, error.strerror or str(error)) from None


def _create_once(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data`` (0600) unless it exists; never replace a key.

    A hard link, unlike a rename, fails when the target exists: two processes that
    create the keys at the same moment end with one key, the first one's.
    """
    try:
        temp = _temp_file(path, data, _SECRET_MODE)
        try:
            os.link(temp, path)
        except FileExistsError:
            pass
        finally:
            temp.unlink(missing_ok=True)
        _fsync_dir(path.parent)
    except OSError as error:
        raise IdentityStoreFailed(path, error.strerror or str(error)) from None

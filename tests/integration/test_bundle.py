"""Bundles: full export, read-back, verify, the stock tools, and every bad input refused."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import uuid
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyrage import x25519
from sqlalchemy import func, select

from kommunpolis.cli import main
from kommunpolis.composition import Services
from kommunpolis.domain.errors import (
    BundleInvalid,
    BundleNotForUs,
    BundleRevokedSender,
    BundleTooNew,
    BundleUnknownSender,
    InvalidInput,
    KnownError,
    PeerNotTrusted,
)
from kommunpolis.domain.vocabulary import Role
from kommunpolis.services.demo import DemoService
from kommunpolis.services.exchange import ExchangeService
from kommunpolis.storage import tables as t
from kommunpolis.storage.kinds import all_record_tables
from kommunpolis.sync.bundle import (
    BUNDLE_FORMAT,
    MANIFEST_MEMBER,
    OUTER_MEMBERS,
    Passphrase,
    outer_bytes,
    read_bundle,
)
from kommunpolis.sync.identity import IdentityStore, PublicIdentity
from tests.integration.conftest import installation

needs_tools = pytest.mark.skipif(
    shutil.which("age") is None or shutil.which("minisign") is None,
    reason="the stock 'age' and 'minisign' tools are not installed (apt install age minisign)",
)
PASSPHRASE = "korrekt häst batteri häftklammer"


@dataclass
class World:
    """Anna exports; Bo trusts her and receives; Carl trusts her but is no recipient;
    Dave trusts nobody; Eve revoked her."""

    anna: Services
    bo: Services
    carl: IdentityStore
    dave: IdentityStore
    eve: IdentityStore
    bundle: Path
    folder: Path

    def exchange(self, services: Services) -> ExchangeService:
        return ExchangeService(uow=services.unit_of_work, identity=services.identity)


def _bare_identity(folder: Path, name: str, other: PublicIdentity | None) -> IdentityStore:
    store = IdentityStore(folder / "keys")
    store.ensure(uuid.uuid4(), name)
    if other is not None:
        store.trust(other)
    return store


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, head_database: Path) -> Iterator[World]:
    root = tmp_path_factory.mktemp("bundles")
    anna = installation(root / "anna", head_database, "Anna Andersson", Role.OFFICER)
    bo = installation(root / "bo", head_database, "Bo Berg", Role.COORDINATOR)
    DemoService(database=anna.database, clock=anna.clock).generate(dialogues=30, seed=3)
    anna.records.delete("concerns", anna.records.list("concerns", limit=1)[0].id)
    anna_public = anna.identity.public()
    bo.identity.trust(anna_public)
    anna.identity.trust(bo.identity.public())
    eve = _bare_identity(root / "eve", "Eve", anna_public)
    eve.revoke(anna_public.device_id)
    world = World(
        anna=anna,
        bo=bo,
        carl=_bare_identity(root / "carl", "Carl", anna_public),
        dave=_bare_identity(root / "dave", "Dave", None),
        eve=eve,
        bundle=root / "till-bo.kpb",
        folder=root,
    )
    world.exchange(anna).export_full(world.bundle, [bo.identity.public().device_id])
    try:
        yield world
    finally:
        anna.close()
        bo.close()


def _snapshot(folder: Path) -> list[tuple[str, int, int]]:
    # The scratch folder, where payloads are unpacked, must be left empty; it may appear.
    scratch = folder / "scratch"
    assert not scratch.exists() or not any(scratch.iterdir()), list(scratch.iterdir())
    return sorted(
        (str(path.relative_to(folder)), path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path != scratch
    )


@pytest.fixture
def unchanged(world: World) -> Iterator[None]:
    """Assert that Bo's data folder (database, keys) is exactly as before the test."""
    before = _snapshot(world.bo.paths.data_dir)
    yield
    assert _snapshot(world.bo.paths.data_dir) == before


def _db_counts(services: Services, *, police_only: bool) -> dict[str, int]:
    counts = {}
    with services.unit_of_work() as uow:
        for model in all_record_tables():
            query = select(func.count()).select_from(model)
            if not police_only and model is t.Source:
                query = query.where(t.Source.police_only.is_(False))
            if not police_only and model is t.ProblemSource:
                hidden = select(t.Source.id).where(t.Source.police_only.is_(True))
                query = query.where(t.ProblemSource.source_id.not_in(hidden))
            counts[model.__tablename__] = uow.session.execute(query).scalar_one()
    return counts


# --- export and verify -------------------------------------------------------------------


def test_export_verifies_at_the_recipient_with_the_databases_counts(
    world: World, unchanged: None
) -> None:
    verified = world.exchange(world.bo).verify(world.bundle)
    manifest = verified.manifest
    anna = world.anna.identity.public()
    assert (verified.sender, verified.sender_is_self) == (anna, False)
    assert manifest.format == BUNDLE_FORMAT == "kommunpolis-bundle/1"
    assert (manifest.sender_device_id, manifest.sender_fingerprint) == (
        anna.device_id,
        anna.fingerprint,
    )
    assert manifest.recipients == (
        str(anna.device_id),
        str(world.bo.identity.public().device_id),
    )
    assert dict(manifest.counts) == _db_counts(world.anna, police_only=False)
    assert {table: len(rows) for table, rows in verified.records.items()} == manifest.counts
    assert manifest.counts["dialogue"] == 30
    # Tombstones travel.
    assert [r for r in verified.records["concern"] if r["deleted_at"] is not None]
    first = verified.records["dialogue"][0]
    uuid.UUID(first["id"])
    assert first["created_at"].endswith("+00:00")
    assert isinstance(first["status"], str)


def test_the_sender_verifies_its_own_bundle(world: World) -> None:
    verified = world.exchange(world.anna).verify(world.bundle)
    assert verified.sender_is_self


def test_no_record_text_appears_in_the_bundle(world: World) -> None:
    data = world.bundle.read_bytes()
    with world.anna.unit_of_work() as uow:
        texts = uow.session.execute(select(t.Concern.text)).scalars().all()
        titles = uow.session.execute(select(t.Dialogue.title)).scalars().all()
    longest = max(texts, key=len)
    assert len(longest) > 30
    verified = world.exchange(world.bo).verify(world.bundle)
    assert longest in {record["text"] for record in verified.records["concern"]}
    for text in (longest, longest[:24], *titles):
        assert text.encode("utf-8") not in data
    assert b"records/" not in data and b"manifest" not in data


def test_police_only_sources_only_with_the_flag(world: World, tmp_path: Path) -> None:
    exchange = world.exchange(world.anna)
    bo = world.bo.identity.public().device_id
    with world.anna.unit_of_work() as uow:
        hidden = set(
            uow.session.execute(select(t.Source.id).where(t.Source.police_only.is_(True)))
            .scalars()
            .all()
        )
    assert hidden, "the demo data should hold police-only sources"
    default = exchange.verify(world.bundle)
    assert not default.manifest.police_only_included
    assert all(not record["police_only"] for record in default.records["source"])
    assert {uuid.UUID(r["source_id"]) for r in default.records["problem_source"]}.isdisjoint(hidden)
    summary = exchange.export_full(tmp_path / "all.kpb", [bo], include_police_only=True)
    assert summary.police_only_included
    assert dict(summary.counts) == _db_counts(world.anna, police_only=True)
    full = world.exchange(world.bo).verify(tmp_path / "all.kpb")
    assert {uuid.UUID(r["id"]) for r in full.records["source"]} >= hidden


def test_export_refuses_unknown_recipients_and_leaves_nothing(world: World, tmp_path: Path) -> None:
    exchange = world.exchange(world.anna)
    with pytest.raises(PeerNotTrusted):
        exchange.export_full(tmp_path / "x.kpb", [uuid.uuid4()])
    with pytest.raises(InvalidInput):
        exchange.export_full(tmp_path / "x.kpb", [])
    with pytest.raises(InvalidInput):
        exchange.export_full(tmp_path / "x.kpb", Passphrase("kort"))
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def partner_bundle(world: World) -> Path:
    """A bundle for a partner without keys (scrypt is slow: made once)."""
    target = world.folder / "partner.kpb"
    summary = world.exchange(world.anna).export_full(target, Passphrase(PASSPHRASE))
    assert summary.recipients == ("passphrase",)
    return target


@pytest.mark.slow  # age's scrypt takes about a second per use
def test_passphrase_bundle(world: World, partner_bundle: Path, unchanged: None) -> None:
    exchange = world.exchange(world.bo)
    assert exchange.verify(partner_bundle, passphrase=PASSPHRASE).manifest.recipients == (
        "passphrase",
    )
    with pytest.raises(BundleNotForUs, match="passphrase"):
        exchange.verify(partner_bundle)
    with pytest.raises(BundleNotForUs, match="wrong passphrase"):
        exchange.verify(partner_bundle, passphrase="fel lösenord")
    with pytest.raises(BundleNotForUs, match="not protected by a passphrase"):
        exchange.verify(world.bundle, passphrase=PASSPHRASE)


# --- the stock tools ---------------------------------------------------------------------


@needs_tools
def test_stock_minisign_and_age_open_the_bundle(world: World, tmp_path: Path) -> None:
    with zipfile.ZipFile(world.bundle) as outer:
        assert outer.namelist() == list(OUTER_MEMBERS)
        assert all(info.compress_type == zipfile.ZIP_STORED for info in outer.infolist())
        outer.extractall(tmp_path)
    sender = json.loads((tmp_path / "sender.json").read_text(encoding="utf-8"))
    # As the format document shows: the .pub file is a comment line and the key.
    pub = tmp_path / "sender.pub"
    pub.write_text(f"untrusted comment: sender\n{sender['minisign_public_key']}\n")
    checked = subprocess.run(
        ["minisign", "-Vm", "payload.age", "-p", "sender.pub"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert checked.returncode == 0, checked.stderr
    assert "kommunpolis-bundle/1" in checked.stdout
    decrypted = subprocess.run(
        ["age", "-d", "-i", str(world.bo.identity.age_identity_path), "payload.age"],
        cwd=tmp_path,
        capture_output=True,
        timeout=30,
    )
    assert decrypted.returncode == 0, decrypted.stderr
    with zipfile.ZipFile(io.BytesIO(decrypted.stdout)) as payload:
        manifest = json.loads(payload.read(MANIFEST_MEMBER))
    verified = world.exchange(world.bo).verify(world.bundle)
    assert manifest == verified.manifest.to_json()
    # A changed payload fails the stock check too.
    (tmp_path / "payload.age").write_bytes((tmp_path / "payload.age").read_bytes() + b"x")
    assert (
        subprocess.run(
            ["minisign", "-Vm", "payload.age", "-p", "sender.pub"],
            cwd=tmp_path,
            capture_output=True,
            timeout=30,
        ).returncode
        != 0
    )


# --- bad input ---------------------------------------------------------------------------


def _write(tmp_path: Path, data: bytes, name: str = "bad.kpb") -> Path:
    target = tmp_path / name
    target.write_bytes(data)
    return target


def _refused(
    world: World, path: Path, error: type[KnownError], match: str | None = None
) -> KnownError:
    with pytest.raises(error, match=match) as raised:
        read_bundle(path, world.bo.identity)
    return raised.value


def _zip(members: list[tuple[str, bytes]], compression: int = zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names on purpose
        with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
            for name, data in members:
                archive.writestr(zipfile.ZipInfo(name), data)
    return buffer.getvalue()


def _payload(world: World) -> dict[str, bytes]:
    """The members of the valid bundle's payload, decrypted with Bo's key."""
    with zipfile.ZipFile(world.bundle) as outer:
        encrypted = outer.read("payload.age")
    plain = pyrage.decrypt(encrypted, [world.bo.identity.age_identity()])
    with zipfile.ZipFile(io.BytesIO(plain)) as payload:
        return {name: payload.read(name) for name in payload.namelist()}


def _resealed(world: World, members: dict[str, bytes] | bytes) -> bytes:
    """A bundle signed with Anna's real key around a payload of the given members."""
    payload = (
        members
        if isinstance(members, bytes)
        else _zip(list(members.items()), compression=zipfile.ZIP_DEFLATED)
    )
    bo = world.bo.identity.public()
    encrypted = pyrage.encrypt(payload, [x25519.Recipient.from_str(bo.age_recipient)])
    sender = world.anna.identity.public().export_text().encode("utf-8")
    return outer_bytes(sender, encrypted, world.anna.identity.sign(encrypted))


def _edit_manifest(members: dict[str, bytes], change: Callable[[dict[str, Any]], None]) -> None:
    manifest = json.loads(members[MANIFEST_MEMBER])
    change(manifest)
    members[MANIFEST_MEMBER] = json.dumps(manifest).encode("utf-8")


def _entry(manifest: dict[str, Any], name: str) -> dict[str, Any]:
    entry: dict[str, Any] = next(m for m in manifest["members"] if m["name"] == name)
    return entry


def test_truncated_files_are_refused(world: World, tmp_path: Path, unchanged: None) -> None:
    data = world.bundle.read_bytes()
    for cut in (len(data) // 2, len(data) - 10, 100, 0):
        _refused(world, _write(tmp_path, data[:cut]), BundleInvalid)


@pytest.mark.parametrize("where", [0.0, 0.01, 0.2, 0.5, 0.9, 0.995, 1.0])
def test_a_flipped_byte_is_refused(
    world: World, tmp_path: Path, unchanged: None, where: float
) -> None:
    data = bytearray(world.bundle.read_bytes())
    position = min(int(len(data) * where), len(data) - 1)
    data[position] ^= 0x01
    _refused(world, _write(tmp_path, bytes(data)), BundleInvalid)


def test_other_recipients_cannot_open_it(world: World, unchanged: None) -> None:
    with pytest.raises(BundleNotForUs, match="other recipients"):
        read_bundle(world.bundle, world.carl)


def test_unknown_sender_is_refused_with_its_fingerprint(world: World) -> None:
    with pytest.raises(BundleUnknownSender) as raised:
        read_bundle(world.bundle, world.dave)
    fingerprint = world.anna.identity.public().fingerprint
    assert raised.value.fingerprint == fingerprint
    assert fingerprint in str(raised.value)


def test_revoked_sender_is_refused(world: World) -> None:
    with pytest.raises(BundleRevokedSender):
        read_bundle(world.bundle, world.eve)


def test_a_sender_claiming_a_trusted_device_with_other_keys_is_unknown(
    world: World, tmp_path: Path, unchanged: None
) -> None:
    impostor = IdentityStore(tmp_path / "impostor")
    impostor.ensure(world.anna.identity.public().device_id, "Anna Andersson")
    payload = _zip(list(_payload(world).items()), compression=zipfile.ZIP_DEFLATED)
    encrypted = pyrage.encrypt(
        payload, [x25519.Recipient.from_str(world.bo.identity.public().age_recipient)]
    )
    data = outer_bytes(
        impostor.public().export_text().encode(), encrypted, impostor.sign(encrypted)
    )
    _refused(world, _write(tmp_path, data), BundleUnknownSender, impostor.public().fingerprint)


def test_a_signature_by_another_key_is_refused(
    world: World, tmp_path: Path, unchanged: None
) -> None:
    with zipfile.ZipFile(world.bundle) as outer:
        sender, encrypted = outer.read("sender.json"), outer.read("payload.age")
    data = outer_bytes(sender, encrypted, world.bo.identity.sign(encrypted))
    _refused(world, _write(tmp_path, data), BundleInvalid, "signature")


def test_a_valid_signature_with_a_wrong_hash_is_refused(
    world: World, tmp_path: Path, unchanged: None
) -> None:
    members = _payload(world)
    text = bytearray(members["records/concern.jsonl"])
    at = text.index(b'"text":"') + len(b'"text":"')
    text[at] = ord("Z") if text[at] != ord("Z") else ord("Y")
    members["records/concern.jsonl"] = bytes(text)
    _refused(world, _write(tmp_path, _resealed(world, members)), BundleInvalid, "SHA-256")


def test_the_resealing_helper_makes_valid_bundles(world: World, tmp_path: Path) -> None:
    # Without this, the tests above could pass for the wrong reason.
    path = _write(tmp_path, _resealed(world, _payload(world)))
    assert read_bundle(path, world.bo.identity).manifest.counts["dialogue"] == 30


@pytest.mark.parametrize("name", ["../x", "/abs", "a/../../x", "C:/x"])
def test_unsafe_member_names_are_refused(
    world: World, tmp_path: Path, unchanged: None, name: str
) -> None:
    with zipfile.ZipFile(world.bundle) as outer:
        members = [(n, outer.read(n)) for n in outer.namelist()]
    _refused(world, _write(tmp_path, _zip([*members, (name, b"x")])), BundleInvalid, "unsafe")


def test_unsafe_names_in_the_manifest_are_refused(
    world: World, tmp_path: Path, unchanged: None
) -> None:
    members = _payload(world)
    members["../x"] = b""
    _edit_manifest(
        members,
        lambda m: m["members"].append({"name": "../x", "size": 0, "sha256": "0" * 64}),
    )
    _refused(world, _write(tmp_path, _resealed(world, members)), BundleInvalid, "unsafe")


def test_duplicate_member_names_are_refused(world: World, tmp_path: Path, unchanged: None) -> None:
    with zipfile.ZipFile(world.bundle) as outer:
        members = [(n, outer.read(n)) for n in outer.namelist()]
    data = _zip([*members, ("sender.json", members[0][1])])
    _refused(world, _write(tmp_path, data), BundleInvalid, "more than once")


def test_extra_and_missing_members_are_refused(
    world: World, tmp_path: Path, unchanged: None
) -> None:
    with zipfile.ZipFile(world.bundle) as outer:
        members = [(n, outer.read(n)) for n in outer.namelist()]
    _refused(world, _write(tmp_path, _zip([*members, ("extra", b"")])), BundleInvalid, "extra")
    _refused(world, _write(tmp_path, _zip(members[:2])), BundleInvalid, "missing")


def test_a_member_larger_than_declared_is_refused(
    world: World, tmp_path: Path, unchanged: None
) -> None:
    members = _payload(world)
    bomb = b"\n" * (4 * 1024 * 1024)  # compresses to a few kilobytes
    members["records/concern.jsonl"] += bomb
    _refused(world, _write(tmp_path, _resealed(world, members)), BundleInvalid, "larger than")


def test_a_member_declared_beyond_the_limit_is_refused(
    world: World, tmp_path: Path, unchanged: None
) -> None:
    members = _payload(world)
    _edit_manifest(
        members, lambda m: _entry(m, "records/concern.jsonl").update(size=600 * 1024 * 1024)
    )
    _refused(world, _write(tmp_path, _resealed(world, members)), BundleInvalid, "larger than")


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        (lambda m: m.update(kind="partial"), "'kind' is not one of full, incremental"),
        (lambda m: m.update(sequence=0), "'sequence' is not a bundle number"),
        (lambda m: m.update(sequence="1"), "'sequence' is not a whole number"),
        (lambda m: m.pop("sequence"), "damaged"),
        (lambda m: m.update(since_revision=-1), "'since_revision' is not a whole number"),
        (lambda m: m.update(since_revision=5), "a full bundle's 'since_revision' is not 0"),
    ],
    ids=["kind", "sequence-0", "sequence-text", "no-sequence", "since-negative", "full-since"],
)
def test_bad_kind_sequence_or_since_is_refused(
    world: World,
    tmp_path: Path,
    unchanged: None,
    change: Callable[[dict[str, Any]], Any],
    detail: str,
) -> None:
    members = _payload(world)
    _edit_manifest(members, change)
    _refused(world, _write(tmp_path, _resealed(world, members)), BundleInvalid, detail)


def test_the_manifest_carries_kind_sequence_and_since(world: World) -> None:
    manifest = read_bundle(world.bundle, world.bo.identity).manifest
    assert (manifest.kind, manifest.sequence, manifest.since_revision) == ("full", 1, 0)
    shown = manifest.to_json()
    assert (shown["kind"], shown["sequence"], shown["since_revision"]) == ("full", 1, 0)


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        (lambda r: r.update(revision="sju"), "'revision' must be an integer"),
        (lambda r: r.update(id="not-a-uuid"), "'id' is not a UUID in canonical form"),
        (lambda r: r.update(sensitivity="top-secret"), "'sensitivity' must be one of"),
        (lambda r: r.pop("author"), "missing author"),
        (lambda r: r.update(extra=1), "unknown extra"),
        (lambda r: r.update(created_at="2026-01-01T00:00:00"), "time zone"),
        (lambda r: r.update(text=None), "'text' must not be null"),
    ],
)
def test_a_record_failing_validation_is_refused(
    world: World,
    tmp_path: Path,
    unchanged: None,
    change: Callable[[dict[str, Any]], Any],
    detail: str,
) -> None:
    import hashlib

    members = _payload(world)
    name = "records/concern.jsonl"
    lines = members[name].decode("utf-8").splitlines()
    record = json.loads(lines[0])
    change(record)
    lines[0] = json.dumps(record)
    members[name] = ("\n".join(lines) + "\n").encode("utf-8")

    def fix(manifest: dict[str, Any]) -> None:
        entry = _entry(manifest, name)
        entry.update(size=len(members[name]), sha256=hashlib.sha256(members[name]).hexdigest())

    _edit_manifest(members, fix)
    _refused(world, _write(tmp_path, _resealed(world, members)), BundleInvalid, detail)


def test_a_newer_format_is_refused(world: World, tmp_path: Path, unchanged: None) -> None:
    members = _payload(world)
    _edit_manifest(members, lambda m: m.update(format="kommunpolis-bundle/2"))
    error = _refused(world, _write(tmp_path, _resealed(world, members)), BundleTooNew)
    assert isinstance(error, BundleTooNew) and error.version == 2


def test_a_manifest_naming_another_sender_is_refused(
    world: World, tmp_path: Path, unchanged: None
) -> None:
    members = _payload(world)
    _edit_manifest(members, lambda m: m["sender"].update(device_id=str(uuid.uuid4())))
    _refused(world, _write(tmp_path, _resealed(world, members)), BundleInvalid, "another sender")


@pytest.mark.parametrize(
    "payload",
    [b"not a zip", _zip([("hello.txt", b"hi")])],
    ids=["not-a-zip", "no-manifest"],
)
def test_a_payload_that_is_no_bundle_is_refused(
    world: World, tmp_path: Path, unchanged: None, payload: bytes
) -> None:
    _refused(world, _write(tmp_path, _resealed(world, payload)), BundleInvalid)


@pytest.mark.parametrize(
    "content",
    [b"", b"random bytes \x00\xff" * 100, _zip([("hello.txt", b"hi")]), b"PK\x05\x06" + b"\0" * 18],
    ids=["empty", "random", "other-zip", "empty-zip"],
)
def test_files_that_are_no_bundles_are_refused(
    world: World, tmp_path: Path, unchanged: None, content: bytes
) -> None:
    _refused(world, _write(tmp_path, content), BundleInvalid)


def test_a_missing_file_is_a_typed_error(world: World, tmp_path: Path) -> None:
    _refused(world, tmp_path / "missing.kpb", BundleInvalid, "No such file")


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    database=None,
)
@given(position=st.floats(min_value=0, max_value=1), flip=st.integers(min_value=1, max_value=255))
def test_mutated_bundles_only_raise_typed_errors(
    world: World, tmp_path: Path, position: float, flip: int
) -> None:
    data = bytearray(world.bundle.read_bytes())
    index = min(int(position * len(data)), len(data) - 1)
    data[index] ^= flip
    with pytest.raises(KnownError):
        read_bundle(_write(tmp_path, bytes(data), "fuzz.kpb"), world.bo.identity)


@pytest.fixture(scope="module")
def payload_bytes(world: World) -> bytes:
    with zipfile.ZipFile(world.bundle) as outer:
        encrypted = outer.read("payload.age")
    return pyrage.decrypt(encrypted, [world.bo.identity.age_identity()])


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    database=None,
)
@given(position=st.floats(min_value=0, max_value=1), flip=st.integers(min_value=1, max_value=255))
def test_mutated_payloads_signed_by_the_sender_only_raise_typed_errors(
    world: World, tmp_path: Path, payload_bytes: bytes, position: float, flip: int
) -> None:
    # Past the signature: the payload parser itself meets the damage.
    data = bytearray(payload_bytes)
    index = min(int(position * len(data)), len(data) - 1)
    data[index] ^= flip
    path = _write(tmp_path, _resealed(world, bytes(data)), "fuzz.kpb")
    # Some bytes (a ZIP time, say) are covered by no hash inside the payload.
    with contextlib.suppress(KnownError):
        read_bundle(path, world.bo.identity)


# --- the command line --------------------------------------------------------------------


def _cli(
    capsys: pytest.CaptureFixture[str], services: Services, *args: str
) -> tuple[int, str, str]:
    out = io.StringIO()
    capsys.readouterr()
    code = main(["--data-dir", str(services.paths.data_dir), *args], out=out)
    captured = capsys.readouterr()
    return code, out.getvalue() + captured.out, captured.err


def test_cli_export_and_verify(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bo = world.bo.identity.public()
    target = tmp_path / "cli.kpb"
    # The module's bundle already went to Bo, so only --full sends everything again.
    code, out, err = _cli(
        capsys, world.anna, "export", str(target), "--to", str(bo.device_id), "--full"
    )
    assert code == 0, err
    assert out.rstrip().endswith("safe to unplug.")
    assert "Full export to Bo Berg" in out
    assert "dialogue" in out and "Police-only" not in out

    code, out, err = _cli(capsys, world.bo, "verify", str(target))
    assert code == 0, err
    assert world.anna.identity.public().fingerprint in out
    code, out, err = _cli(capsys, world.bo, "verify", str(target), "--json")
    shown = json.loads(out)
    assert shown["verified"] is True
    assert shown["counts"]["dialogue"] == 30

    code, out, err = _cli(capsys, world.bo, "verify", str(world.folder / "nothing.kpb"))
    assert (code, err.count("\n")) == (1, 1)
    assert "not a valid Kommunpolis bundle" in err


@pytest.mark.slow  # age's scrypt takes about a second per use
def test_cli_passphrase_and_errors(
    world: World, partner_bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "lösen.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    target = tmp_path / "partner.kpb"
    code, out, err = _cli(
        capsys,
        world.anna,
        "export",
        str(target),
        "--full",
        "--passphrase-file",
        str(secret),
        "--include-police-only",
    )
    assert code == 0, err
    assert "Police-only sources are INCLUDED" in out
    assert out.rstrip().endswith("safe to unplug.")
    code, out, err = _cli(
        capsys, world.bo, "verify", str(partner_bundle), "--passphrase-file", str(secret)
    )
    assert code == 0, err
    assert "For:       passphrase" in out
    code, out, err = _cli(capsys, world.bo, "verify", str(partner_bundle))
    assert (code, err.count("\n")) == (1, 1)
    assert "passphrase" in err
    code, out, err = _cli(
        capsys, world.bo, "verify", str(partner_bundle), "--passphrase-file", str(tmp_path / "no")
    )
    assert (code, err.count("\n")) == (1, 1)

    unknown = str(uuid.uuid4())
    code, out, err = _cli(capsys, world.anna, "export", str(tmp_path / "x.kpb"), "--to", unknown)
    assert (code, err) == (1, f"kommunpolis: device {unknown} is not on the trust list\n")
    assert not (tmp_path / "x.kpb").exists()
    assert _cli(capsys, world.anna, "export", str(tmp_path / "x.kpb"))[0] == 2

"""The installation's identity: keys, the export file, the trust list, the keys commands."""

from __future__ import annotations

import json
import re
import shutil
import stat
import subprocess
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage
import pytest
from pyrage import x25519

from kommunpolis.composition import Services
from kommunpolis.domain.errors import (
    IdentityFileInvalid,
    IdentityIsOwn,
    IdentityMissing,
    PeerNotTrusted,
    TrustConflict,
)
from kommunpolis.sync.identity import (
    IDENTITY_FORMAT,
    IdentityStore,
    PublicIdentity,
    fingerprint_of,
    load_public,
)

DEVICE = uuid.UUID("01900000-0000-7000-8000-000000000001")
OTHER_DEVICE = uuid.UUID("01900000-0000-7000-8000-000000000002")
# The run_cli fixture (tests/integration/conftest.py): returns a CliResult.
Cli = Callable[..., Any]
FINGERPRINT_SHAPE = r"^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$"

needs_age = pytest.mark.skipif(
    shutil.which("age") is None, reason="the stock 'age' tool is not installed (apt install age)"
)
needs_minisign = pytest.mark.skipif(
    shutil.which("minisign") is None,
    reason="the stock 'minisign' tool is not installed (apt install minisign)",
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def store(tmp_path: Path) -> IdentityStore:
    return IdentityStore(tmp_path / "a" / "keys")


@pytest.fixture
def peer(tmp_path: Path) -> PublicIdentity:
    """Another installation's public identity."""
    return IdentityStore(tmp_path / "b" / "keys").ensure(OTHER_DEVICE, "Bo Berg")


# --- own keys ----------------------------------------------------------------------------


def test_ensure_creates_owner_only_key_files(store: IdentityStore) -> None:
    public = store.ensure(DEVICE, "Anna Andersson")
    assert (public.device_id, public.name) == (DEVICE, "Anna Andersson")
    assert public.age_recipient.startswith("age1")
    assert public.fingerprint == public.fingerprint.upper()
    assert _mode(store.keys_dir) == 0o700
    files = sorted(path.name for path in store.keys_dir.iterdir())
    assert files == ["age.key", "identity.json", "signing.key", "signing.pub"]
    for path in store.keys_dir.iterdir():
        assert _mode(path) == 0o600, path.name
    assert store.public() == public


def test_ensure_tightens_a_loose_existing_folder(store: IdentityStore) -> None:
    store.keys_dir.mkdir(parents=True, mode=0o755)
    store.keys_dir.chmod(0o755)
    store.ensure(DEVICE, "Anna Andersson")
    assert _mode(store.keys_dir) == 0o700


def test_ensure_again_keeps_the_keys_and_follows_the_name(store: IdentityStore) -> None:
    first = store.ensure(DEVICE, "Anna Andersson")
    secrets = store.signing_key_path.read_bytes(), store.age_identity_path.read_bytes()
    again = IdentityStore(store.keys_dir).ensure(DEVICE, "Anna Ek")
    assert (store.signing_key_path.read_bytes(), store.age_identity_path.read_bytes()) == secrets
    assert (again.signing_key, again.age_recipient) == (first.signing_key, first.age_recipient)
    assert again.fingerprint == first.fingerprint  # the name is not part of it
    assert store.public().name == "Anna Ek"


def test_ensure_completes_an_interrupted_creation(store: IdentityStore) -> None:
    first = store.ensure(DEVICE, "Anna Andersson")
    store.identity_path.unlink()
    store.signing_public_key_path.unlink()
    assert not store.exists()
    assert store.ensure(DEVICE, "Anna Andersson") == first
    assert store.signing_public_key_path.is_file()


def test_public_before_ensure_is_a_typed_error(store: IdentityStore) -> None:
    with pytest.raises(IdentityMissing):
        store.public()


def test_a_damaged_secret_key_is_a_typed_error_and_is_not_replaced(store: IdentityStore) -> None:
    store.ensure(DEVICE, "Anna Andersson")
    store.signing_key_path.write_text("untrusted comment: x\nnot a key\n")
    with pytest.raises(IdentityFileInvalid, match=r"signing\.key"):
        store.ensure(DEVICE, "Anna Andersson")
    assert store.signing_key_path.read_text() == "untrusted comment: x\nnot a key\n"


def test_fingerprint_is_stable_and_differs_between_installations(
    store: IdentityStore, peer: PublicIdentity
) -> None:
    public = store.ensure(DEVICE, "Anna Andersson")
    assert public.fingerprint == IdentityStore(store.keys_dir).public().fingerprint
    assert public.fingerprint == fingerprint_of(DEVICE, public.signing_key, public.age_recipient)
    assert public.fingerprint != peer.fingerprint
    assert len(public.fingerprint) == 19
    assert re.match(FINGERPRINT_SHAPE, public.fingerprint)


def test_fingerprint_covers_the_device_id(store: IdentityStore) -> None:
    public = store.ensure(DEVICE, "Anna Andersson")
    assert fingerprint_of(OTHER_DEVICE, public.signing_key, public.age_recipient) != (
        public.fingerprint
    )


# --- export and load ---------------------------------------------------------------------


def test_export_then_load_round_trips(store: IdentityStore, tmp_path: Path) -> None:
    public = store.ensure(DEVICE, "Anna Åberg")
    target = tmp_path / "anna.json"
    assert store.export(target) == public
    assert load_public(target) == public
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == IDENTITY_FORMAT
    assert document["fingerprint"] == public.fingerprint
    assert "SECRET" not in target.read_text()
    assert _mode(target) == 0o644


def _exported(store: IdentityStore, tmp_path: Path) -> dict[str, str]:
    store.ensure(DEVICE, "Anna Andersson")
    store.export(tmp_path / "anna.json")
    document: dict[str, str] = json.loads((tmp_path / "anna.json").read_text())
    return document


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ({"format": "kommunpolis-identity/2"}, "newer Kommunpolis"),
        ({"format": "something-else/1"}, "not a Kommunpolis identity"),
        ({"device_id": "not-a-uuid"}, "not a UUID"),
        ({"name": "   "}, "'name'"),
        ({"minisign_public_key": "RWQ="}, "not a minisign key"),
        ({"age_recipient": "age1qqqq"}, "not an age1"),
        ({"age_recipient": 7}, "not text"),
        ({"fingerprint": "AAAA-AAAA-AAAA-AAAA"}, "does not match"),
    ],
)
def test_load_refuses_an_altered_file(
    store: IdentityStore, tmp_path: Path, change: dict[str, object], detail: str
) -> None:
    document = {**_exported(store, tmp_path), **change}
    target = tmp_path / "altered.json"
    target.write_text(json.dumps(document))
    with pytest.raises(IdentityFileInvalid, match=detail) as raised:
        load_public(target)
    assert raised.value.path == target


def test_load_refuses_a_swapped_key(
    store: IdentityStore, peer: PublicIdentity, tmp_path: Path
) -> None:
    document = _exported(store, tmp_path)
    document["age_recipient"] = peer.age_recipient  # someone else's key, old fingerprint
    target = tmp_path / "swapped.json"
    target.write_text(json.dumps(document))
    with pytest.raises(IdentityFileInvalid, match="does not match"):
        load_public(target)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b"untrusted comment: minisign public key ABC\nRWQ...\n",
        b"{" + b" " * 70_000 + b"}",
    ],
    ids=["empty", "binary", "json-list", "minisign-pub", "huge"],
)
def test_load_refuses_foreign_files(tmp_path: Path, content: bytes) -> None:
    target = tmp_path / "foreign"
    target.write_bytes(content)
    with pytest.raises(IdentityFileInvalid):
        load_public(target)


def test_load_of_a_missing_file_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(IdentityFileInvalid, match="No such file"):
        load_public(tmp_path / "missing.json")


# --- trust list --------------------------------------------------------------------------


def test_trust_list_and_revoke_persist(store: IdentityStore, peer: PublicIdentity) -> None:
    store.ensure(DEVICE, "Anna Andersson")
    entry = store.trust(peer, name="Bo på regionkansliet")
    assert (entry.name, entry.identity, entry.revoked) == ("Bo på regionkansliet", peer, False)
    assert _mode(store.trust_path) == 0o600
    reopened = IdentityStore(store.keys_dir)
    assert reopened.trusted() == (entry,)
    assert reopened.peer(OTHER_DEVICE) == entry

    revoked = reopened.revoke(OTHER_DEVICE)
    assert revoked.revoked
    again = IdentityStore(store.keys_dir)
    assert again.trusted() == ()
    assert again.revoked() == (revoked,)
    with pytest.raises(PeerNotTrusted):
        again.revoke(OTHER_DEVICE)


def test_trust_without_a_name_uses_the_files_name(
    store: IdentityStore, peer: PublicIdentity
) -> None:
    assert store.trust(peer).name == "Bo Berg"


def test_trust_again_renames_and_keeps_the_date(store: IdentityStore, peer: PublicIdentity) -> None:
    times = iter([datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC)])
    dated = IdentityStore(store.keys_dir, now=lambda: next(times))
    first = dated.trust(peer)
    second = dated.trust(peer, name="Bo")
    assert second.trusted_at == first.trusted_at == datetime(2026, 1, 1, tzinfo=UTC)
    assert [p.name for p in dated.trusted()] == ["Bo"]


def test_trusted_is_sorted_the_swedish_way(store: IdentityStore, tmp_path: Path) -> None:
    for index, name in enumerate(["Östen", "Åsa", "Adam", "Ärla", "Zeke"]):
        device = uuid.UUID(int=index + 10)
        store.trust(IdentityStore(tmp_path / f"p{index}").ensure(device, name))
    assert [p.name for p in store.trusted()] == ["Adam", "Zeke", "Åsa", "Ärla", "Östen"]


def test_trust_refuses_other_keys_for_a_trusted_device(
    store: IdentityStore, peer: PublicIdentity, tmp_path: Path
) -> None:
    store.trust(peer)
    impostor = IdentityStore(tmp_path / "impostor").ensure(OTHER_DEVICE, "Bo Berg")
    with pytest.raises(TrustConflict) as raised:
        store.trust(impostor)
    assert raised.value.trusted_fingerprint == peer.fingerprint
    assert store.trusted()[0].identity == peer
    # After a revocation the new keys may be trusted, as a new decision.
    store.revoke(OTHER_DEVICE)
    assert store.trust(impostor).identity == impostor


def test_trust_refuses_this_installation_itself(store: IdentityStore) -> None:
    own = store.ensure(DEVICE, "Anna Andersson")
    with pytest.raises(IdentityIsOwn):
        store.trust(own)
    assert store.trusted() == ()


def test_a_damaged_trust_list_is_a_typed_error(store: IdentityStore, peer: PublicIdentity) -> None:
    store.trust(peer)
    store.trust_path.write_text('{"format": "kommunpolis-trust/1", "peers": [{"name": 1}]}')
    with pytest.raises(IdentityFileInvalid, match="damaged trust list"):
        store.trusted()
    store.trust_path.write_text("{not json")
    with pytest.raises(IdentityFileInvalid):
        store.trust(peer)


def test_trust_list_write_leaves_no_temporary_files(
    store: IdentityStore, peer: PublicIdentity
) -> None:
    store.ensure(DEVICE, "Anna Andersson")
    store.trust(peer)
    store.revoke(OTHER_DEVICE)
    assert not [path.name for path in store.keys_dir.iterdir() if path.name.startswith(".")]


# --- the stock tools ---------------------------------------------------------------------


@needs_minisign
def test_stock_minisign_verifies_our_signature(store: IdentityStore, tmp_path: Path) -> None:
    store.ensure(DEVICE, "Anna Andersson")
    message = tmp_path / "message.txt"
    message.write_bytes("Medborgarlöfte 2026\n".encode())
    signature = tmp_path / "message.txt.minisig"
    signature.write_bytes(store.sign(message.read_bytes(), trusted_comment="kommunpolis test"))
    verified = subprocess.run(
        ["minisign", "-Vm", str(message), "-p", str(store.signing_public_key_path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert verified.returncode == 0, verified.stderr
    assert "kommunpolis test" in verified.stdout

    message.write_bytes("Medborgarlöfte 2027\n".encode())
    tampered = subprocess.run(
        ["minisign", "-Vm", str(message), "-p", str(store.signing_public_key_path)],
        capture_output=True,
        timeout=30,
    )
    assert tampered.returncode != 0


@needs_age
def test_stock_age_encrypts_to_our_recipient(store: IdentityStore) -> None:
    public = store.ensure(DEVICE, "Anna Andersson")
    encrypted = subprocess.run(
        ["age", "-r", public.age_recipient],
        input=b"hemligt",
        capture_output=True,
        timeout=30,
        check=True,
    ).stdout
    assert pyrage.decrypt(encrypted, [store.age_identity()]) == b"hemligt"


@needs_age
def test_stock_age_decrypts_with_our_identity_file(
    store: IdentityStore, peer: PublicIdentity
) -> None:
    public = store.ensure(DEVICE, "Anna Andersson")
    encrypted = pyrage.encrypt(b"till Anna", [x25519.Recipient.from_str(public.age_recipient)])
    decrypted = subprocess.run(
        ["age", "-d", "-i", str(store.age_identity_path)],
        input=encrypted,
        capture_output=True,
        timeout=30,
    )
    assert decrypted.returncode == 0, decrypted.stderr
    assert decrypted.stdout == b"till Anna"
    # Encrypted to someone else: our identity cannot open it.
    for_bo = pyrage.encrypt(b"till Bo", [x25519.Recipient.from_str(peer.age_recipient)])
    refused = subprocess.run(
        ["age", "-d", "-i", str(store.age_identity_path)],
        input=for_bo,
        capture_output=True,
        timeout=30,
    )
    assert refused.returncode != 0


# --- the command line --------------------------------------------------------------------


def test_init_creates_the_identity(run_cli: Cli, bare_services: Services) -> None:
    result = run_cli("init", "--name", "Anna Andersson", "--role", "officer")
    assert result.code == 0, result.err
    public = bare_services.identity.public()
    assert f"Fingerprint: {public.fingerprint}" in result.out
    assert bare_services.paths.keys == bare_services.paths.data_dir / "keys"
    assert public.device_id == bare_services.profiles.current().device_id  # type: ignore[union-attr]


def test_keys_show(run_cli: Cli, services: Services) -> None:
    text = run_cli("keys", "show")
    assert text.code == 0, text.err
    data = run_cli("keys", "show", "--json")
    shown = json.loads(data.out)
    public = services.identity.public()
    assert shown == {
        "name": "Anna Andersson",
        "device_id": str(public.device_id),
        "fingerprint": public.fingerprint,
        "age_recipient": public.age_recipient,
        "minisign_public_key": public.signing_key,
    }
    for value in shown.values():
        assert value in text.out


def test_keys_show_without_a_profile_fails_cleanly(run_cli: Cli, bare_services: Services) -> None:
    result = run_cli("keys", "show")
    assert result.code == 1
    assert result.err.startswith("kommunpolis: no profile yet")
    assert not bare_services.paths.keys.exists()


def test_keys_export_trust_list_revoke(
    run_cli: Cli, services: Services, peer: PublicIdentity, tmp_path: Path
) -> None:
    exported = run_cli("keys", "export", str(tmp_path / "me.json"))
    assert exported.code == 0, exported.err
    assert load_public(tmp_path / "me.json") == services.identity.public()

    peer_file = tmp_path / "bo.json"
    peer_file.write_text(json.dumps(peer.to_json()))
    trusted = run_cli("keys", "trust", str(peer_file), "--name", "Bo")
    assert trusted.code == 0, trusted.err
    assert peer.fingerprint in trusted.out

    listed = run_cli("keys", "list")
    assert listed.out == f"{peer.fingerprint}  {OTHER_DEVICE}  Bo\n"
    as_json = json.loads(run_cli("keys", "list", "--json").out)
    assert [(p["name"], p["name_in_file"], p["revoked_at"]) for p in as_json] == [
        ("Bo", "Bo Berg", None)
    ]

    revoked = run_cli("keys", "revoke", str(OTHER_DEVICE))
    assert revoked.code == 0, revoked.err
    assert run_cli("keys", "list").out.endswith("Bo  (revoked)\n")
    assert services.identity.trusted() == ()


def test_keys_trust_refuses_its_own_file(run_cli: Cli, services: Services, tmp_path: Path) -> None:
    assert run_cli("keys", "export", str(tmp_path / "me.json")).code == 0
    result = run_cli("keys", "trust", str(tmp_path / "me.json"))
    assert result.code == 1
    assert "this installation itself" in result.err
    assert result.err.count("\n") == 1
    assert services.identity.trusted() == ()


def test_keys_error_paths(run_cli: Cli, services: Services, tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.txt"
    foreign.write_text("hello")
    bad = run_cli("keys", "trust", str(foreign))
    assert (bad.code, bad.err.count("\n")) == (1, 1)
    assert str(foreign) in bad.err

    missing = run_cli("keys", "trust", str(tmp_path / "missing.json"))
    assert missing.code == 1

    unknown = run_cli("keys", "revoke", str(OTHER_DEVICE))
    assert (unknown.code, unknown.err) == (
        1,
        f"kommunpolis: device {OTHER_DEVICE} is not on the trust list\n",
    )
    assert run_cli("keys", "revoke", "not-a-uuid").code == 2
    assert run_cli("keys").code == 2
    assert run_cli("keys", "list").out == "No trusted installations yet.\n"

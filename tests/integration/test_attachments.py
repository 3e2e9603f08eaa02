"""The content-addressed attachment store."""

import hashlib
from pathlib import Path

import pytest

from kommunpolis.storage.attachments import AttachmentStore


@pytest.fixture
def store(tmp_path: Path) -> AttachmentStore:
    return AttachmentStore(tmp_path / "attachments")


def _file(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def test_put_stores_under_the_sha256(store: AttachmentStore, tmp_path: Path) -> None:
    content = b"minnesanteckningar\n" * 1000
    sha256, size = store.put(_file(tmp_path, "notes.txt", content))
    assert sha256 == hashlib.sha256(content).hexdigest()
    assert size == len(content)
    stored = store.root / sha256[:2] / sha256
    assert store.path_for(sha256) == stored
    assert stored.read_bytes() == content
    assert store.has(sha256)
    assert store.verify(sha256)
    assert list(store) == [sha256]


def test_same_content_is_stored_once(store: AttachmentStore, tmp_path: Path) -> None:
    first = store.put(_file(tmp_path, "a.pdf", b"same bytes"))
    second = store.put(_file(tmp_path, "b.pdf", b"same bytes"))
    third = store.put(_file(tmp_path, "c.pdf", b"other bytes"))
    assert first == second != third
    assert sorted(store) == sorted({first[0], third[0]})
    blobs = [p for p in store.root.rglob("*") if p.is_file()]
    assert len(blobs) == 2
    assert not any(p.name.startswith(".incoming-") for p in blobs)


def test_verify_detects_tampering_and_absence(store: AttachmentStore, tmp_path: Path) -> None:
    sha256, _ = store.put(_file(tmp_path, "photo.jpg", b"original"))
    store.path_for(sha256).write_bytes(b"changed!")
    assert store.has(sha256)
    assert not store.verify(sha256)
    store.path_for(sha256).unlink()
    assert not store.has(sha256)
    assert not store.verify(sha256)


def test_an_empty_file_is_fine(store: AttachmentStore, tmp_path: Path) -> None:
    sha256, size = store.put(_file(tmp_path, "empty", b""))
    assert (sha256, size) == (hashlib.sha256(b"").hexdigest(), 0)
    assert store.verify(sha256)


@pytest.mark.parametrize("bad", ["", "abc", "../" + "a" * 61, "A" * 64, "g" * 64])
def test_only_hex_digests_are_paths(store: AttachmentStore, bad: str) -> None:
    with pytest.raises(ValueError, match="SHA-256"):
        store.path_for(bad)


def test_a_failed_put_leaves_nothing_behind(store: AttachmentStore, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        store.put(tmp_path / "missing.bin")
    assert list(store.root.iterdir()) == []
    assert list(store) == []

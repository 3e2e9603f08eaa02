"""I/O faults during export and import: a typed error, nothing partial left, a retry works.

Export: every write step of a bundle (temp file, write, flush, fsync, rename, folder
fsync, the read-back) fails in turn with ENOSPC and with EIO, by monkeypatching only
the OS call that fails and counting calls, so that the Nth step fails. Import: the
database write fails at every statement in turn, and once for real (SQLite's own
"database or disk is full" through ``PRAGMA max_page_count``).
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import pathlib
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from kommunpolis.composition import Services
from kommunpolis.domain.errors import (
    AttachmentWriteFailed,
    BundleWriteFailed,
    DatabaseFull,
    DatabaseReadOnly,
)
from kommunpolis.domain.vocabulary import DialogueFormat, DialogueKind, ParticipationLevel, Role
from kommunpolis.services.demo import DemoService
from kommunpolis.services.importing import ImportReport
from kommunpolis.storage import tables as t
from kommunpolis.storage.kinds import all_record_tables
from tests.integration.conftest import installation

KOMMUN = "0180"
ERRNOS = (errno.ENOSPC, errno.EIO)

# ---------------------------------------------------------------- installations


@dataclass
class Pair:
    """An officer (Anna) who exports to a coordinator (Carl); they trust each other."""

    anna: Services
    carl: Services
    outbox: Path


@pytest.fixture
def pair(tmp_path: Path, head_database: Path) -> Iterator[Pair]:
    anna = installation(tmp_path / "anna", head_database, "Anna Andersson", Role.OFFICER)
    carl = installation(tmp_path / "carl", head_database, "Carl Carlsson", Role.COORDINATOR)
    anna.identity.trust(carl.identity.public())
    carl.identity.trust(anna.identity.public())
    outbox = tmp_path / "stick"
    outbox.mkdir()
    try:
        yield Pair(anna, carl, outbox)
    finally:
        anna.close()
        carl.close()


def _demo(services: Services) -> None:
    """About a thousand records: the demo's reference data and one dialogue."""
    DemoService(database=services.database, clock=services.clock).generate(dialogues=1, seed=4)


def _carl(pair: Pair) -> list[uuid.UUID]:
    return [pair.carl.identity.public().device_id]


def _retitle(
    services: Services,
    count: int,
    title: str,
    model: type[Any] = t.Dialogue,
) -> None:
    with services.unit_of_work() as uow:
        records = uow.session.scalars(select(model).order_by(model.id).limit(count))
        for number, record in enumerate(records):
            record.title = f"{title} {number}"
        uow.commit()


def _bookkeeping(services: Services) -> tuple[object, ...]:
    """The export marks and the outbox sequence, as plain values."""
    with services.unit_of_work() as uow:
        state = uow.session.get(t.OutboxState, 1)
        sequence = state.next_sequence if state is not None else None
    return (services.exchange.marks(), sequence)


# ---------------------------------------------------------------- fault injection


@dataclass
class Faults:
    """Count the write steps of an export and make the Nth one (of a kind) fail."""

    error: int
    kind: str | None = None
    """Count only steps of this kind (None: every step)."""
    fail_at: int = 0
    """Fail the Nth counted step (0: never)."""
    seen: list[str] = field(default_factory=list)
    """Every step passed, in order (a clean run lists them all)."""
    failed: str | None = None

    def step(self, kind: str) -> None:
        """Count a step about to happen; raise the fault if it is the chosen one."""
        self.seen.append(kind)
        if self.kind is not None and kind != self.kind:
            return
        counted = sum(1 for name in self.seen if self.kind is None or name == self.kind)
        if counted == self.fail_at:
            self.failed = kind
            raise OSError(self.error, os.strerror(self.error))


def _install(monkeypatch: pytest.MonkeyPatch, faults: Faults, target: Path) -> None:
    """Route the OS calls the bundle writer makes through ``faults``."""
    real_mkstemp, real_fdopen = tempfile.mkstemp, os.fdopen
    real_fsync, real_replace = os.fsync, os.replace
    real_open, real_close = os.open, os.close
    real_path_open = pathlib.Path.open
    folder_fds: set[int] = set()
    file_fds: set[int] = set()

    class CountedFile(io.FileIO):
        def write(self, data: Any, /) -> int:
            faults.step("write")
            return super().write(data)

    class CountedBuffer(io.BufferedWriter):
        def flush(self) -> None:
            faults.step("flush")
            super().flush()

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        faults.step("create temp file")
        fd, name = real_mkstemp(*args, **kwargs)
        file_fds.add(fd)
        return fd, name

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if fd in file_fds and mode == "wb":
            return CountedBuffer(CountedFile(fd, "wb", closefd=True))
        return real_fdopen(fd, mode, *args, **kwargs)

    def fsync(fd: Any) -> None:
        number = fd if isinstance(fd, int) else fd.fileno()
        faults.step("fsync folder" if number in folder_fds else "fsync file")
        real_fsync(fd)

    def replace(source: Any, destination: Any, **kwargs: Any) -> None:
        faults.step("rename")
        real_replace(source, destination, **kwargs)

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        is_folder = Path(path) == target.parent and not flags & os.O_CREAT
        if is_folder:
            faults.step("open folder")
        fd = real_open(path, flags, *args, **kwargs)
        if is_folder:
            folder_fds.add(fd)
        return fd

    def close(fd: int) -> None:
        real_close(fd)
        if fd in folder_fds:
            folder_fds.discard(fd)
            faults.step("close folder")  # EIO from close(2) comes after the close

    class CountedReader(io.BufferedReader):
        def read(self, size: int | None = -1) -> bytes:
            faults.step("read back")
            return super().read(size)

    def path_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if Path(self) == target and mode == "rb":
            faults.step("open to read back")
            return CountedReader(io.FileIO(self, "rb"))
        return real_path_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(os, "fdopen", fdopen)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "close", close)
    monkeypatch.setattr(pathlib.Path, "open", path_open)


STEPS = (
    "create temp file",
    "write",
    "flush",
    "fsync file",
    "rename",
    "open folder",
    "fsync folder",
    "close folder",
    "open to read back",
    "read back",
)


def test_a_clean_export_passes_every_counted_step(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The injector sees every write step (so the tests below fail each of them)."""
    _demo(pair.anna)
    target = pair.outbox / "bundle.kpb"
    faults = Faults(errno.EIO)
    with monkeypatch.context() as patch:
        _install(patch, faults, target)
        pair.anna.exchange.export(target, _carl(pair))
    assert set(faults.seen) == set(STEPS), faults.seen
    assert faults.seen.index("fsync file") < faults.seen.index("rename")
    assert faults.seen.index("rename") < faults.seen.index("fsync folder")


def _leftovers(folder: Path, before: set[str]) -> set[str]:
    return {entry.name for entry in folder.iterdir()} - before


@pytest.mark.parametrize("error", ERRNOS, ids=errno.errorcode.get)
def test_every_export_write_step_failing_in_turn_leaves_nothing(
    pair: Pair, monkeypatch: pytest.MonkeyPatch, error: int
) -> None:
    # A first export to Carl, then edits: the bundle that fails is an incremental one.
    _demo(pair.anna)
    first = pair.anna.exchange.export(pair.outbox / "first.kpb", _carl(pair))
    pair.carl.importing.import_bundles([pair.outbox / "first.kpb"])
    _retitle(pair.anna, 2, "Ändrat problem", t.Problem)
    before_files = {entry.name for entry in pair.outbox.iterdir()}
    before = _bookkeeping(pair.anna)
    target = pair.outbox / "second.kpb"
    failed: list[str] = []
    for number in range(1, 1000):
        faults = Faults(error, fail_at=number)
        with monkeypatch.context() as patch:
            _install(patch, faults, target)
            try:
                summary = pair.anna.exchange.export(target, _carl(pair))
            except BundleWriteFailed as caught:
                assert faults.failed is not None
                message = str(caught)
                assert os.strerror(error) in message or "read-back" in message, message
                assert "Traceback" not in message and "\n" not in message
                failed.append(faults.failed)
            else:
                assert faults.failed is None, f"step {number} failed silently"
                break
        step = failed[-1]
        # Whether a failed step leaves a file at the target is checked step by step
        # below (three of them still do); here it must not hide the next round's.
        target.unlink(missing_ok=True)
        assert _leftovers(pair.outbox, before_files) == set(), f"{step}: a temp file is left"
        assert _bookkeeping(pair.anna) == before, f"{step}: the export marks moved"
    assert set(failed) == set(STEPS), failed
    # The next export sends the same: sequence 2, since the first bundle's mark.
    assert summary.sequence == first.sequence + 1
    assert summary.since_revision > 0 and summary.counts["problem"] == 2, summary
    assert pair.carl.importing.import_bundles([target]).bundles[0].counts["updated"] == 2


@pytest.mark.parametrize(
    "step",
    STEPS,
)
@pytest.mark.parametrize("error", ERRNOS, ids=errno.errorcode.get)
def test_a_failed_export_step_leaves_no_file_at_the_target(
    pair: Pair, monkeypatch: pytest.MonkeyPatch, step: str, error: int
) -> None:
    _dialogue(pair.anna, "Trygghetsvandring")
    before_files = {entry.name for entry in pair.outbox.iterdir()}
    before = _bookkeeping(pair.anna)
    target = pair.outbox / "bundle.kpb"
    faults = Faults(error, kind=step, fail_at=1)
    with monkeypatch.context() as patch:
        _install(patch, faults, target)
        with pytest.raises(BundleWriteFailed):
            pair.anna.exchange.export(target, _carl(pair))
    assert faults.failed == step
    assert _bookkeeping(pair.anna) == before
    assert _leftovers(pair.outbox, before_files) == set(), "a file is left at the target"


# ---------------------------------------------------------------- import


def _digest(services: Services) -> str:
    """A SHA-256 over every record table and the import bookkeeping, in id order."""
    digest = hashlib.sha256()
    connection = sqlite3.connect(services.paths.database)
    try:
        names = [model.__tablename__ for model in all_record_tables()]
        names += ["received_bundle", "pending_record", "sync_conflict", "local_counter"]
        for name in names:
            digest.update(name.encode())
            for row in connection.execute(f"SELECT * FROM {name} ORDER BY 1"):
                digest.update(repr(row).encode())
    finally:
        connection.close()
    return digest.hexdigest()


def _dialogue(services: Services, title: str) -> None:
    services.editing.new(
        "dialogues",
        {
            "title": title,
            "kind": DialogueKind.CITIZEN,
            "format": DialogueFormat.OPEN_MEETING,
            "participation_level": ParticipationLevel.CONSULTATION,
            "starts_at": datetime(2026, 10, 1, 18, tzinfo=UTC),
            "municipality_code": KOMMUN,
        },
    )


def _problem(services: Services, title: str) -> None:
    with services.unit_of_work() as uow:
        uow.session.add(t.Problem(title=title, municipality_code=KOMMUN))
        uow.commit()


@dataclass
class StatementFaults:
    """Make the Nth SQL statement on an engine fail as SQLite does when the disk is full."""

    fail_at: int
    message: str
    count: int = 0
    failed: str | None = None
    text: str = ""

    def __call__(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.count += 1
        if self.count == self.fail_at:
            self.failed = statement.split()[0]
            self.text = statement
            raise sqlite3.OperationalError(self.message)


def _fail_every_statement(
    services: Services, path: Path, message: str, expected: type[Exception]
) -> tuple[int, set[str], ImportReport]:
    """Import ``path`` failing at statement 1, 2, … until it succeeds; check each failure."""
    before = _digest(services)
    engine = services.database.engine
    kinds: set[str] = set()
    for number in range(1, 10_000):
        faults = StatementFaults(number, message)
        event.listen(engine, "before_cursor_execute", faults)
        try:
            report = services.importing.import_bundles([path])
        except expected as error:
            assert faults.failed is not None
            assert "\n" not in str(error)
            kinds.add(faults.failed)
        else:
            assert faults.failed is None, f"statement {number} failed silently"
            return number - 1, kinds, report
        finally:
            event.remove(engine, "before_cursor_execute", faults)
        assert _digest(services) == before, f"statement {number} ({faults.text}) left a change"
    raise AssertionError("the import never succeeded")


@pytest.mark.parametrize(
    ("message", "expected"),
    [("database or disk is full", DatabaseFull), ("disk I/O error", DatabaseReadOnly)],
)
def test_an_import_failing_at_every_statement_in_turn_changes_nothing(
    pair: Pair, message: str, expected: type[Exception]
) -> None:
    # Carl has a record of his own; Anna's first bundle brings hers (all new).
    _dialogue(pair.carl, "Carls egen dialog")
    for number in range(3):
        _dialogue(pair.anna, f"Dialog {number}")
        _problem(pair.anna, f"Problem {number}")
    first = pair.outbox / "first.kpb"
    pair.anna.exchange.export(first, _carl(pair))
    statements, kinds, report = _fail_every_statement(pair.carl, first, message, expected)
    assert statements > 10 and {"INSERT", "UPDATE", "SELECT"} <= kinds, (statements, kinds)
    assert report.bundles[0].counts["new"] == 6
    # The second brings edits, one of them concurrent with Carl's: a conflict.
    for services, title in ((pair.anna, "Annas ändring"), (pair.carl, "Carls ändring")):
        with services.unit_of_work() as uow:  # the same dialogue, on both: a conflict
            record = uow.session.scalars(select(t.Dialogue).filter_by(title="Dialog 0")).one()
            record.title = title
            uow.commit()
    _retitle(pair.anna, 2, "Ändrat problem", t.Problem)
    _dialogue(pair.anna, "Ny dialog")
    second = pair.outbox / "second.kpb"
    pair.anna.exchange.export(second, _carl(pair))
    statements, kinds, report = _fail_every_statement(pair.carl, second, message, expected)
    counts = report.bundles[0].counts
    assert (counts["new"], counts["updated"], counts["conflicting"]) == (1, 2, 1), counts
    assert len(pair.carl.importing.conflicts()) == 1


def test_a_really_full_database_refuses_the_import_and_a_later_one_succeeds(
    pair: Pair,
) -> None:
    """SQLite's own SQLITE_FULL: the file may not grow past its current size."""
    _demo(pair.anna)
    _dialogue(pair.carl, "Carls egen dialog")
    path = pair.outbox / "bundle.kpb"
    pair.anna.exchange.export(path, _carl(pair))
    before = _digest(pair.carl)
    engine = pair.carl.database.engine
    connection = sqlite3.connect(pair.carl.paths.database)
    (pages,) = connection.execute("PRAGMA page_count").fetchone()
    connection.close()

    def limit(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 1}")

    engine.dispose()
    event.listen(engine, "connect", limit)
    try:
        with pytest.raises(DatabaseFull, match="the disk is full"):
            pair.carl.importing.import_bundles([path])
    finally:
        event.remove(engine, "connect", limit)
        engine.dispose()
    assert _digest(pair.carl) == before
    report = pair.carl.importing.import_bundles([path])
    assert report.bundles[0].counts["new"] > 100


def test_the_faults_helper_fails_the_chosen_step_only() -> None:
    """The injector itself: counts per kind, fails exactly the Nth, and only once."""
    faults = Faults(errno.ENOSPC, kind="write", fail_at=2)
    faults.step("write")
    faults.step("fsync file")
    with pytest.raises(OSError, match=os.strerror(errno.ENOSPC)):
        faults.step("write")
    faults.step("write")
    assert faults.failed == "write"


@pytest.mark.parametrize("error", ERRNOS, ids=errno.errorcode.get)
def test_a_full_disk_while_storing_an_attachment_refuses_the_import_cleanly(
    pair: Pair, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, error: int
) -> None:
    source = tmp_path / "skiss.png"
    source.write_bytes(b"\x89PNG" + os.urandom(4096))
    sha256, size = pair.anna.attachments.put(source)
    _dialogue(pair.anna, "Med bilaga")
    with pair.anna.unit_of_work() as uow:
        dialogue = uow.session.scalars(select(t.Dialogue)).one()
        uow.session.add(
            t.Attachment(
                owner_kind="dialogues",
                owner_id=dialogue.id,
                sha256=sha256,
                filename="skiss.png",
                media_type="image/png",
                size=size,
            )
        )
        uow.commit()
    path = pair.outbox / "bundle.kpb"
    pair.anna.exchange.export(path, _carl(pair))
    before = _digest(pair.carl)
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        raise OSError(error, os.strerror(error))

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", fsync)
        with pytest.raises(AttachmentWriteFailed):
            pair.carl.importing.import_bundles([path])
    assert _digest(pair.carl) == before
    assert not pair.carl.attachments.has(sha256)
    assert real_fsync is os.fsync
    assert pair.carl.importing.import_bundles([path]).bundles[0].counts["files"] == 1

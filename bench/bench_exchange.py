"""Benchmark bundle exchange: export, import, re-import, crypto share, saves, GUI heartbeat.

A receiver holding the 100 000-dialogue demo database (``bench/demo_cache.py``, copied
afresh for every measured import) and, per size, a sender installation (its own
profile, device and keys, mutual trust) holding demo records of its own. Per size
(``--sizes``, records; medians of ``--repeats``):

- export of every record (``ExchangeService.export``, full, police-only included):
  time, records/s, and the share spent in age encryption and minisign signing (the
  calls timed where the bundle module makes them); the read-back check's decryption and
  signature verification are shown apart;
- import into a fresh copy of the receiver: time, records/s, and the ratio to a plain
  SQL upsert of the same stored rows (``INSERT … ON CONFLICT(id) DO UPDATE`` through
  ``sqlite3.executemany``, one transaction, same pragmas and triggers) into another
  fresh copy of the same database in the same run;
- re-import of the same bundle (already imported: changes nothing) as a share of the
  first import;
- the longest the GUI thread went without running a 10 ms heartbeat timer while the
  import ran on the app's DatabaseWorker (offscreen, ``gc.freeze()`` as the app does).

Once per run: an ordinary save through the unit of work (one dialogue's title) against a
plain ``UPDATE`` of the same row, and, if bundles carry attachments, the peak RSS of an
export and of an import carrying one attachment of each ``--attachment-mb`` size
(each in a child process, so peaks do not mix).

Prints a Markdown table and writes ``bench/out/exchange.md``.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from demo_cache import demo_paths

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kommunpolis.composition import Services, build_services
from kommunpolis.domain.vocabulary import Role
from kommunpolis.paths import AppPaths, resolve_paths
from kommunpolis.services.demo import DemoService
from kommunpolis.storage import tables as t
from kommunpolis.storage.database import open_database
from kommunpolis.sync import bundle as bundle_module

OUT = Path(__file__).parent / "out" / "exchange.md"
RECORDS_PER_DIALOGUE = 11.87
"""About how many records the demo makes per dialogue (see docs/performance.md)."""
IMPORT_TARGET = 5.0
REIMPORT_TARGET = 0.10
CRYPTO_TARGET = 0.10
SAVE_TARGET = 2.5
GAP_TARGET_MS = 50
SAVES = 41


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- installations


@dataclass
class Installation:
    """A data dir with a profile and an identity."""

    folder: Path
    device_id: uuid.UUID

    @property
    def paths(self) -> AppPaths:
        """The installation's paths."""
        return resolve_paths(self.folder)

    def open(self) -> Services:
        """Open the installation's services."""
        return build_services(self.paths)


def _head_database(work: Path) -> Path:
    """Return a new database migrated to head, made once per run, for copying."""
    path = work / "head" / "kommunpolis.sqlite"
    if not path.exists():
        path.parent.mkdir(parents=True)
        open_database(path, backup_dir=path.parent / "backups").close()
    return path


def _sender(work: Path, records: int, seed: int) -> Installation:
    """Return a new installation holding about ``records`` demo records of its own."""
    folder = work / f"sender-{records}"
    paths = resolve_paths(folder)
    paths.data_dir.mkdir(parents=True)
    shutil.copyfile(_head_database(work), paths.database)
    services = build_services(paths)
    try:
        profile = services.profiles.create(
            name=f"Sändare {records}", role=Role.OFFICER, municipality_codes=("1285",)
        )
        services.identity.ensure(profile.device_id, profile.name)
        dialogues = max(1, round(records / RECORDS_PER_DIALOGUE))
        DemoService(database=services.database, clock=services.clock).generate(
            dialogues=dialogues, seed=seed
        )
        return Installation(folder, profile.device_id)
    finally:
        services.close()


def _receiver_template(work: Path, dialogues: int) -> Installation:
    """Return a copy of the cached demo database with an identity (copied per import)."""
    source = demo_paths(dialogues)
    folder = work / "receiver"
    paths = resolve_paths(folder)
    paths.data_dir.mkdir(parents=True)
    _checkpoint(source.database)
    shutil.copyfile(source.database, paths.database)
    services = build_services(paths)
    try:
        profile = services.profiles.current()
        assert profile is not None
        services.identity.ensure(profile.device_id, profile.name)
        return Installation(folder, profile.device_id)
    finally:
        services.close()
        _checkpoint(paths.database)


def _trust(one: Installation, other: Installation) -> None:
    """Make ``one`` and ``other`` trust each other."""
    first, second = one.open(), other.open()
    try:
        first.identity.trust(second.identity.public())
        second.identity.trust(first.identity.public())
    finally:
        first.close()
        second.close()


def _checkpoint(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _copy(template: Installation, folder: Path) -> Installation:
    """Copy the database and keys of ``template`` into ``folder``."""
    shutil.rmtree(folder, ignore_errors=True)
    source, paths = template.paths, resolve_paths(folder)
    paths.data_dir.mkdir(parents=True)
    shutil.copyfile(source.database, paths.database)
    shutil.copytree(source.keys, paths.keys)
    return Installation(folder, template.device_id)


# ---------------------------------------------------------------- timing helpers


@contextmanager
def _timed_calls(target: Any, name: str, bucket: list[float]) -> Iterator[None]:
    """Add the seconds spent in every call of ``target.name`` to ``bucket``."""
    original = getattr(target, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            bucket.append(time.perf_counter() - start)

    setattr(target, name, timed)
    try:
        yield
    finally:
        setattr(target, name, original)


@dataclass
class Crypto:
    """Seconds spent in the crypto calls of one export."""

    encrypt: list[float] = field(default_factory=list)
    sign: list[float] = field(default_factory=list)
    decrypt: list[float] = field(default_factory=list)
    verify: list[float] = field(default_factory=list)

    @property
    def writing(self) -> float:
        """Encryption and signing (what making the bundle costs)."""
        return sum(self.encrypt) + sum(self.sign)

    @property
    def reading_back(self) -> float:
        """Decryption and signature check of the read-back verification."""
        return sum(self.decrypt) + sum(self.verify)


@contextmanager
def _crypto_timer(services: Services, crypto: Crypto) -> Iterator[None]:
    import minisign
    import pyrage

    public_key = minisign.PublicKey
    with ExitStack() as stack:
        # Whichever of the in-memory and streaming calls the bundle module uses.
        for name in ("encrypt", "encrypt_io"):
            if hasattr(pyrage, name):
                stack.enter_context(_timed_calls(pyrage, name, crypto.encrypt))
        for name in ("decrypt", "decrypt_io"):
            if hasattr(pyrage, name):
                stack.enter_context(_timed_calls(pyrage, name, crypto.decrypt))
        stack.enter_context(_timed_calls(pyrage.passphrase, "encrypt", crypto.encrypt))
        stack.enter_context(_timed_calls(services.identity, "sign", crypto.sign))
        stack.enter_context(_timed_calls(public_key, "verify", crypto.verify))
        yield


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


# ---------------------------------------------------------------- measurements


@dataclass
class SizeResult:
    """The medians for one bundle size."""

    records: int
    bundle_mb: float
    export_s: float
    encrypt_sign_s: float
    read_back_crypto_s: float
    import_s: float
    read_s: float
    upsert_s: float
    reimport_s: float
    gap_ms: int | None
    beats: int
    outcome: dict[str, int]

    @property
    def crypto_share(self) -> float:
        """Encryption and signing as a share of the export."""
        return self.encrypt_sign_s / self.export_s

    @property
    def import_ratio(self) -> float:
        """Import time over the plain upsert's."""
        return self.import_s / self.upsert_s

    @property
    def reimport_share(self) -> float:
        """Re-import time over the first import's."""
        return self.reimport_s / self.import_s


def _export(sender: Installation, receiver: Installation, path: Path) -> tuple[float, int, Crypto]:
    services = sender.open()
    try:
        crypto = Crypto()
        with _crypto_timer(services, crypto):
            start = time.perf_counter()
            summary = services.exchange.export(
                path, [receiver.device_id], full=True, include_police_only=True
            )
            seconds = time.perf_counter() - start
        return seconds, sum(summary.counts.values()), crypto
    finally:
        services.close()


def _import(receiver: Installation, path: Path) -> tuple[float, float, dict[str, int]]:
    """Import ``path`` and then again; return both times and the first outcome's counts."""
    services = receiver.open()
    try:
        start = time.perf_counter()
        report = services.importing.import_bundles([path])
        first = time.perf_counter() - start
        start = time.perf_counter()
        again = services.importing.import_bundles([path])
        second = time.perf_counter() - start
        assert again.bundles[0].already_imported is not None, "the re-import changed something"
        return first, second, dict(report.bundles[0].counts)
    finally:
        services.close()


def _read_only(receiver: Installation, path: Path) -> float:
    """Return the time to read and verify the bundle alone (no database work)."""
    services = receiver.open()
    try:
        start = time.perf_counter()
        services.exchange.verify(path)
        return time.perf_counter() - start
    finally:
        services.close()


StoredRows = list[tuple[str, list[str], list[tuple[Any, ...]]]]
"""Table name, column names and rows as stored, table by table."""


def _stored_rows(database: Path) -> StoredRows:
    """Return the rows the last transaction wrote (its local version), table by table."""
    from kommunpolis.services.importing import _record_tables

    connection = sqlite3.connect(database)
    try:
        (version,) = connection.execute("SELECT value FROM local_counter").fetchone()
        result = []
        for table in _record_tables():
            columns = [column.name for column in table.columns]
            rows = connection.execute(
                f"SELECT {', '.join(columns)} FROM {table.name} WHERE local_version = ?",
                (version,),
            ).fetchall()
            if rows:
                result.append((table.name, columns, rows))
        return result
    finally:
        connection.close()


def _plain_upsert(database: Path, rows: StoredRows) -> float:
    """Upsert ``rows`` with plain sqlite3 in one transaction; return the seconds."""
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA busy_timeout=5000")
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA temp_store=MEMORY")
        connection.execute("PRAGMA cache_size=-16000")
        start = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        for table, columns, values in rows:
            updates = ", ".join(f"{name} = excluded.{name}" for name in columns if name != "id")
            connection.executemany(
                f"INSERT INTO {table} ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})"
                f" ON CONFLICT(id) DO UPDATE SET {updates}",
                values,
            )
        connection.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        connection.close()


def _heartbeat_during_import(receiver: Installation, path: Path) -> tuple[int, int]:
    """Return the longest GUI-thread gap (ms) and beats while the worker imports ``path``."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from kommunpolis.ui.tasks import DatabaseWorker

    app = QApplication.instance() or QApplication([])
    services = receiver.open()
    worker = DatabaseWorker()
    try:
        done: list[object] = []
        worker.submit(lambda: services.profiles.current(), done.append)  # open a connection
        while not done:
            app.processEvents()
            time.sleep(0.001)
        done.clear()
        gc.collect()
        gc.freeze()  # as the app does once started (see docs/performance.md)
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]
        gaps = [0]

        def beat() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(10)
        heartbeat.timeout.connect(beat)
        heartbeat.start()
        worker.submit(lambda: services.importing.import_bundles([path]), done.append)
        while not done:
            app.processEvents()
            time.sleep(0.001)
        heartbeat.stop()
        gc.unfreeze()
        return max(gaps), len(gaps) - 1
    finally:
        worker.stop()
        services.close()


def measure_size(
    work: Path,
    template: Installation,
    sender: Installation,
    *,
    repeats: int,
    heartbeat: bool,
    profile: bool,
) -> SizeResult:
    """Measure export, import, upsert, re-import (and heartbeat) for one sender's bundle."""
    exports, writing, reading_back = [], [], []
    count = 0
    bundle = work / f"bundle-{sender.folder.name}.kpb"
    for run in range(repeats):
        path = work / f"export-{run}.kpb"
        seconds, count, crypto = _export(sender, template, path)
        exports.append(seconds)
        writing.append(crypto.writing)
        reading_back.append(crypto.reading_back)
        _log(
            f"  export {count:,} records: {seconds:.2f} s"
            f" (encrypt+sign {crypto.writing * 1000:.0f} ms)"
        )
        path.replace(bundle)
    imports, reads, upserts, reimports = [], [], [], []
    outcome: dict[str, int] = {}
    for _run in range(repeats):
        target = _copy(template, work / "import")
        first, second, outcome = _import(target, bundle)
        rows = _stored_rows(target.paths.database)
        reads.append(_read_only(target, bundle))
        shutil.rmtree(target.folder)
        plain = _copy(template, work / "upsert")
        upsert = _plain_upsert(plain.paths.database, rows)
        shutil.rmtree(plain.folder)
        imports.append(first)
        reimports.append(second)
        upserts.append(upsert)
        stored = sum(len(values) for _t, _c, values in rows)
        _log(
            f"  import {first:.2f} s, re-import {second * 1000:.0f} ms,"
            f" plain upsert of the {stored:,} stored rows {upsert:.2f} s"
        )
    if profile:
        target = _copy(template, work / "import")
        services = target.open()
        profiler = cProfile.Profile()
        profiler.enable()
        services.importing.import_bundles([bundle])
        profiler.disable()
        services.close()
        shutil.rmtree(target.folder)
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(45)
        _log(text.getvalue())
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(30)
        _log(text.getvalue())
    gap, beats = None, 0
    if heartbeat:
        target = _copy(template, work / "import")
        gap, beats = _heartbeat_during_import(target, bundle)
        shutil.rmtree(target.folder)
        _log(f"  GUI heartbeat during the import: longest gap {gap} ms ({beats} beats)")
    return SizeResult(
        records=count,
        bundle_mb=bundle.stat().st_size / 1e6,
        export_s=_median(exports),
        encrypt_sign_s=_median(writing),
        read_back_crypto_s=_median(reading_back),
        import_s=_median(imports),
        read_s=_median(reads),
        upsert_s=_median(upserts),
        reimport_s=_median(reimports),
        gap_ms=gap,
        beats=beats,
        outcome=outcome,
    )


@dataclass
class SaveResult:
    """Medians of one dialogue's title saved in three ways."""

    unit_of_work_ms: float
    bare_session_ms: float
    plain_update_ms: float

    @property
    def ratio(self) -> float:
        """The unit of work's save over the plain UPDATE."""
        return self.unit_of_work_ms / self.plain_update_ms


def measure_saves(template: Installation, work: Path) -> SaveResult:
    """Time a title edit through the unit of work, a bare session and a plain UPDATE."""
    from sqlalchemy import select

    target = _copy(template, work / "saves")
    services = target.open()
    try:
        with services.unit_of_work() as uow:
            dialogue_id = uow.session.scalars(
                select(t.Dialogue.id).order_by(t.Dialogue.id.desc()).limit(1)
            ).one()
        connection = sqlite3.connect(target.paths.database, isolation_level=None)
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA busy_timeout=5000")
        blob = dialogue_id.bytes
        through_uow, bare, plain = [], [], []
        for number in range(SAVES):
            start = time.perf_counter()
            with services.unit_of_work() as uow:
                record = uow.session.get(t.Dialogue, dialogue_id)
                assert record is not None
                record.title = f"Medborgardialog {number}"
                uow.commit()
            through_uow.append(time.perf_counter() - start)
            start = time.perf_counter()
            with services.database.session_factory() as session:
                record = session.get(t.Dialogue, dialogue_id)
                assert record is not None
                record.title = f"Medborgardialog b{number}"
                session.commit()
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            connection.execute("BEGIN")
            connection.execute(
                "UPDATE dialogue SET title = ? WHERE id = ?", (f"Medborgardialog p{number}", blob)
            )
            connection.execute("COMMIT")
            plain.append(time.perf_counter() - start)
        connection.close()
        # The first of each warms caches; medians of the rest.
        return SaveResult(
            unit_of_work_ms=_median(through_uow[1:]) * 1000,
            bare_session_ms=_median(bare[1:]) * 1000,
            plain_update_ms=_median(plain[1:]) * 1000,
        )
    finally:
        services.close()
        shutil.rmtree(target.folder)


# ---------------------------------------------------------------- attachments' memory


def _attachments_supported() -> bool:
    import inspect

    return "attachments" in inspect.signature(bundle_module.write_bundle).parameters


def _peak_rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _current_rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _reset_peak() -> int:
    """Reset the peak RSS to the current one (Linux); return the current RSS in kB."""
    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")
    return _current_rss_kb()


def memory_probe(megabytes: int) -> dict[str, float]:
    """Export and import one attachment of ``megabytes`` MB; return the peak RSS growth."""
    work = Path(tempfile.mkdtemp(prefix="kp-bench-memory-"))
    try:
        sender = _sender(work, 100, seed=5)
        receiver = _sender(work, 10, seed=6)
        _trust(sender, receiver)
        services = sender.open()
        source = work / "file.bin"
        with source.open("wb") as stream:  # incompressible, like a photo
            for _ in range(megabytes):
                stream.write(os.urandom(1024 * 1024))
        sha256, size = services.attachments.put(source)
        with services.unit_of_work() as uow:
            dialogue = uow.session.scalars(
                __import__("sqlalchemy").select(t.Dialogue).limit(1)
            ).one()
            uow.session.add(
                t.Attachment(
                    owner_kind="dialogues",
                    owner_id=dialogue.id,
                    sha256=sha256,
                    filename="foto.jpg",
                    media_type="image/jpeg",
                    size=size,
                )
            )
            uow.commit()
        source.unlink()
        path = work / "bundle.kpb"
        base = _reset_peak()
        summary = services.exchange.export(path, [receiver.device_id], full=True)
        export_kb = _peak_rss_kb() - base
        assert summary.attachments == 1, summary
        services.close()
        services = receiver.open()
        base = _reset_peak()
        report = services.importing.import_bundles([path])
        import_kb = _peak_rss_kb() - base
        assert report.bundles[0].counts.get("files") == 1
        services.close()
        return {"mb": megabytes, "export_mb": export_kb / 1024, "import_mb": import_kb / 1024}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure_memory(sizes: tuple[int, ...]) -> list[dict[str, float]]:
    """Run :func:`memory_probe` per size in a child process."""
    results = []
    for megabytes in sizes:
        child = subprocess.run(
            [sys.executable, __file__, "--memory-probe", str(megabytes)],
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(child.stdout.strip().splitlines()[-1])
        _log(
            f"  attachment {megabytes} MB: peak RSS +{result['export_mb']:.0f} MB (export),"
            f" +{result['import_mb']:.0f} MB (import)"
        )
        results.append(result)
    return results


# ---------------------------------------------------------------- report


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def render(
    results: list[SizeResult],
    saves: SaveResult,
    memory: list[dict[str, float]] | None,
    *,
    dialogues: int,
    repeats: int,
) -> str:
    """Return the Markdown report."""
    lines = [
        "# Exchange benchmark",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · Python {platform.python_version()}"
        f" · SQLite {sqlite3.sqlite_version} · {platform.system()} {platform.machine()},"
        f" {os.cpu_count()} cores · receiver: {dialogues:,} demo dialogues · medians of"
        f" {repeats}",
        "",
        "| records | bundle (MB) | export (s) | export rec/s | encrypt+sign | read-back"
        " decrypt+verify | import (s) | of which read+verify (s) | import rec/s"
        " | plain upsert (s) | import/upsert | re-import (ms) | re-import/import"
        " | GUI gap (ms) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        gap = "—" if r.gap_ms is None else f"{r.gap_ms} {_mark(r.gap_ms <= GAP_TARGET_MS)}"
        lines.append(
            f"| {r.records:,} | {r.bundle_mb:.1f} | {r.export_s:.2f} |"
            f" {r.records / r.export_s:,.0f} |"
            f" {r.encrypt_sign_s * 1000:.0f} ms = {r.crypto_share:.1%}"
            f" {_mark(r.crypto_share <= CRYPTO_TARGET)} |"
            f" {r.read_back_crypto_s * 1000:.0f} ms | {r.import_s:.2f} | {r.read_s:.2f} |"
            f" {r.records / r.import_s:,.0f} | {r.upsert_s:.2f} |"
            f" {r.import_ratio:.1f}× {_mark(r.import_ratio <= IMPORT_TARGET)} |"
            f" {r.reimport_s * 1000:.0f} | {r.reimport_share:.1%}"
            f" {_mark(r.reimport_share <= REIMPORT_TARGET)} | {gap} |"
        )
    lines += [
        "",
        f"Targets: import ≤ {IMPORT_TARGET:.0f}× the plain upsert; re-import ≤"
        f" {REIMPORT_TARGET:.0%} of the import; encryption + signing ≤ {CRYPTO_TARGET:.0%} of"
        f" the export; GUI-thread gap ≤ {GAP_TARGET_MS} ms (10 ms heartbeat while the import"
        " runs on the DatabaseWorker, gc.freeze() as in the app).",
        "",
        f"Outcome of the first import of the largest bundle: {results[-1].outcome}.",
        "",
        f"One dialogue's title saved ({SAVES - 1} saves each, medians, same database):"
        f" unit of work {saves.unit_of_work_ms:.2f} ms, bare SQLAlchemy session"
        f" {saves.bare_session_ms:.2f} ms, plain sqlite3 UPDATE {saves.plain_update_ms:.2f} ms"
        f" → {saves.ratio:.2f}× {_mark(saves.ratio <= SAVE_TARGET)} (target ≤ {SAVE_TARGET}×).",
        "",
    ]
    if memory:
        lines += [
            "| attachment (MB) | export: peak RSS growth (MB) | import: peak RSS growth (MB) |",
            "|---:|---:|---:|",
        ]
        for m in memory:
            lines.append(f"| {m['mb']:.0f} | {m['export_mb']:.0f} | {m['import_mb']:.0f} |")
        lines.append("")
    elif memory is None:
        lines += ["Bundles carry no attachments yet: no memory measurement.", ""]
    return "\n".join(lines)


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, default=(1000, 10000), help="records, e.g. 1000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--dialogues", type=int, default=100_000, help="the receiver's")
    parser.add_argument("--attachment-mb", type=_sizes, default=(1, 16, 64))
    parser.add_argument("--no-gui", action="store_true", help="skip the heartbeat")
    parser.add_argument("--profile", action="store_true", help="cProfile one import per size")
    parser.add_argument("--memory-probe", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_probe is not None:
        print(json.dumps(memory_probe(args.memory_probe)))
        return 0
    work = Path(tempfile.mkdtemp(prefix="kp-bench-exchange-"))
    try:
        _log(f"receiver: {args.dialogues:,} demo dialogues (cached) …")
        template = _receiver_template(work, args.dialogues)
        senders = []
        for number, records in enumerate(args.sizes):
            sender = _sender(work, records, seed=100 + number)
            _trust(sender, template)
            senders.append(sender)
        results = []
        for sender in senders:
            _log(f"{sender.folder.name}:")
            results.append(
                measure_size(
                    work,
                    template,
                    sender,
                    repeats=args.repeats,
                    heartbeat=not args.no_gui,
                    profile=args.profile,
                )
            )
        _log("saves:")
        saves = measure_saves(template, work)
        _log(f"  {saves}")
        memory = None
        if _attachments_supported():
            _log("attachments:")
            memory = measure_memory(args.attachment_mb)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = render(results, saves, memory, dialogues=args.dialogues, repeats=args.repeats)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

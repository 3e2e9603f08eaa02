"""Shared fixtures for integration tests: real SQLite files in tmp dirs, the app's wiring."""

from __future__ import annotations

import io
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kommunpolis.cli import main
from kommunpolis.composition import Services, build_services
from kommunpolis.domain.statuses import DialogueStatus, ProblemStatus, PromiseStatus
from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    DialogueKind,
    ParticipationLevel,
    Role,
)
from kommunpolis.paths import AppPaths, resolve_paths
from kommunpolis.storage import tables as t
from kommunpolis.storage.database import open_database

KOMMUN = "0180"  # Stockholm
NO_DIR = Path("<no --data-dir>")


def installation(
    folder: Path,
    head: Path,
    name: str,
    role: Role = Role.OFFICER,
    *,
    kommun: str = KOMMUN,
    busy_timeout_ms: int = 200,
) -> Services:
    """An installation in ``folder``: the database at head, a profile and a signing identity."""
    paths = resolve_paths(folder)
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(head, paths.database)
    services = build_services(paths, busy_timeout_ms=busy_timeout_ms)
    profile = services.profiles.create(name=name, role=role, municipality_codes=[kommun])
    services.identity.ensure(profile.device_id, profile.name)
    return services


@pytest.fixture(scope="session")
def head_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database file migrated to head once per run, for tests to copy (migrating is slow)."""
    folder = tmp_path_factory.mktemp("head")
    database = open_database(folder / "kommunpolis.sqlite", backup_dir=folder / "backups")
    database.close()
    return database.path


@pytest.fixture
def empty_paths(tmp_path: Path) -> AppPaths:
    """Paths for a data directory that does not exist yet."""
    return resolve_paths(tmp_path / "empty")


@pytest.fixture
def paths(tmp_path: Path, head_database: Path) -> AppPaths:
    """Paths for a data directory holding a new database at head (no profile, no records)."""
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir()
    shutil.copyfile(head_database, paths.database)
    return paths


@pytest.fixture
def bare_services(paths: AppPaths) -> Iterator[Services]:
    """Services on a new database without a profile; closed at teardown."""
    services = build_services(paths, busy_timeout_ms=200)
    try:
        yield services
    finally:
        services.close()


@pytest.fixture
def services(bare_services: Services) -> Services:
    """Services on a new database with an officer's profile."""
    bare_services.profiles.create(
        name="Anna Andersson", role=Role.OFFICER, municipality_codes=[KOMMUN]
    )
    return bare_services


@dataclass(frozen=True)
class SampleIds:
    """The ids of the records made by the ``sample`` fixture."""

    dialogue: uuid.UUID
    problem: uuid.UUID
    promise: uuid.UUID


def add_sample_records(services: Services) -> SampleIds:
    """Insert a dialogue, a problem and a promise through the unit of work."""
    with services.unit_of_work() as uow:
        dialogue = t.Dialogue(
            title="Trygghetsvandring Centrum",
            kind=DialogueKind.CITIZEN,
            format=DialogueFormat.SAFETY_WALK,
            participation_level=ParticipationLevel.CONSULTATION,
            starts_at=datetime(2026, 10, 1, 17, 0, tzinfo=UTC),
            municipality_code=KOMMUN,
        )
        problem = t.Problem(title="Oro vid busstorget", municipality_code=KOMMUN)
        promise = t.Promise(
            title="Tryggare torg",
            municipality_code=KOMMUN,
            period_start=date(2026, 1, 1),
            period_end=date(2026, 12, 31),
        )
        uow.session.add_all([dialogue, problem, promise])
        uow.commit()
    assert dialogue.status is DialogueStatus.PLANNED
    assert problem.status is ProblemStatus.IDENTIFIED
    assert promise.status is PromiseStatus.DRAFT
    return SampleIds(dialogue=dialogue.id, problem=problem.id, promise=promise.id)


@pytest.fixture
def sample(services: Services) -> SampleIds:
    """A dialogue, a problem and a promise in the ``services`` database."""
    return add_sample_records(services)


@dataclass(frozen=True)
class CliResult:
    """What one in-process run of the command line produced."""

    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(
    paths: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., CliResult]:
    """Run ``kommunpolis --data-dir <paths> ARGS`` in-process; return code, stdout, stderr."""
    monkeypatch.setenv("KOMMUNPOLIS_BUSY_TIMEOUT_MS", "200")

    def run(*args: str, data_dir: Path | None = None) -> CliResult:
        """Run with ``--data-dir`` first (``paths`` unless given); ``data_dir=NO_DIR`` omits it."""
        out = io.StringIO()
        folder = paths.data_dir if data_dir is None else data_dir
        argv = list(args) if folder == NO_DIR else ["--data-dir", str(folder), *args]
        capsys.readouterr()
        code = main(argv, out=out)
        captured = capsys.readouterr()
        return CliResult(code, out.getvalue() + captured.out, captured.err)

    return run

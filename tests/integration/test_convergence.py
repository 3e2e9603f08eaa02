"""Convergence with real databases and bundles: random edits, random delivery, same end.

Three installations make random creates, edits, deletes and restores and exchange
incremental bundles that arrive late, out of order or twice. Then everyone sends
everyone a full bundle. Every device must hold the same records, and every value ever
typed must be the final one, or have been overwritten by someone who had seen it, or be
listed in a conflict somewhere.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kommunpolis.composition import Services, build_services
from kommunpolis.domain.vocabulary import DialogueFormat, DialogueKind, ParticipationLevel
from kommunpolis.paths import resolve_paths
from kommunpolis.storage import tables as t
from tests.integration.conftest import installation

NAMES = ("anna", "bo", "carl")
FIELDS = ("title", "notes", "participant_count")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, head_database: Path) -> Path:
    """Three data dirs with profiles and identities that trust each other."""
    root = tmp_path_factory.mktemp("convergence")
    people = []
    for name in NAMES:
        services = installation(root / name, head_database, name.title(), busy_timeout_ms=5000)
        people.append(services)
    for one in people:
        for other in people:
            if one is not other:
                one.identity.trust(other.identity.public())
    for services in people:
        services.close()
    return root


@dataclass
class World:
    devices: list[Services]
    folder: Path
    in_flight: list[tuple[Path, int]] = field(default_factory=list)
    written: list[tuple[str, str, str]] = field(default_factory=list)
    """(record id, field, value as JSON) of every edit made."""
    overwritten: set[tuple[str, str, str]] = field(default_factory=set)
    """Values a device replaced while it held them (it had seen them)."""
    count: int = 0

    def ids(self, device: int) -> list[Any]:
        with self.devices[device].unit_of_work() as uow:
            return list(uow.session.scalars(select(t.Dialogue.id).order_by(t.Dialogue.id)))


@pytest.fixture
def world_factory(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    opened: list[Services] = []

    def make() -> World:
        folder = tmp_path_factory.mktemp("run")
        devices = []
        for name in NAMES:
            shutil.copytree(template / name, folder / name)
            devices.append(build_services(resolve_paths(folder / name)))
        opened.extend(devices)
        return World(devices, folder)

    yield make
    for services in opened:
        services.close()


def _value(name: str, number: int) -> Any:
    return number % 40 if name == "participant_count" else f"{name} {number} åäö"


def _create(world: World, device: int, number: int) -> None:
    with world.devices[device].unit_of_work() as uow:
        record = t.Dialogue(
            title=f"Dialog {device}-{number}",
            kind=DialogueKind.CITIZEN,
            format=DialogueFormat.OPEN_MEETING,
            participation_level=ParticipationLevel.CONSULTATION,
            starts_at=datetime(2026, 10, 1, 18, tzinfo=UTC),
            municipality_code="0180",
        )
        uow.session.add(record)
        uow.commit()
        world.written.append((str(record.id), "title", json.dumps(record.title)))


def _edit(world: World, device: int, pick: int, name: str, number: int) -> None:
    ids = world.ids(device)
    if not ids:
        return
    record_id = ids[pick % len(ids)]
    value = _value(name, number)
    with world.devices[device].unit_of_work() as uow:
        record = uow.session.get(t.Dialogue, record_id)
        assert record is not None
        old = getattr(record, name)
        if old == value:
            return
        setattr(record, name, value)
        uow.commit()
    world.overwritten.add((str(record_id), name, json.dumps(old)))
    world.written.append((str(record_id), name, json.dumps(value)))


def _toggle_delete(world: World, device: int, pick: int) -> None:
    ids = world.ids(device)
    if not ids:
        return
    record_id = ids[pick % len(ids)]
    with world.devices[device].unit_of_work() as uow:
        record = uow.session.get(t.Dialogue, record_id)
        assert record is not None
        record.deleted_at = None if record.deleted_at else datetime.now(UTC)
        uow.commit()


def _send(world: World, sender: int, receiver: int, *, full: bool = False) -> Path:
    world.count += 1
    path = world.folder / f"b{world.count}.kpb"
    target = world.devices[receiver].identity.public().device_id
    world.devices[sender].exchange.export(path, [target], full=full)
    return path


def _deliver(world: World, path: Path, receiver: int) -> None:
    world.devices[receiver].importing.import_bundles([path], allow_mass_delete=True)


def _state(services: Services) -> dict[str, tuple[Any, ...]]:
    table = t.Dialogue.__table__
    columns = [c for c in table.columns if c.name != "local_version"]
    with services.unit_of_work() as uow:
        rows = uow.session.execute(select(*columns)).all()
    return {str(row.id): tuple(row) for row in rows}


def _conflict_values(services: Services) -> set[tuple[str, str, str]]:
    with services.unit_of_work() as uow:
        rows = uow.session.scalars(select(t.SyncConflict)).all()
        found = set()
        for row in rows:
            for value in (row.local_value, row.incoming_value):
                found.add((str(row.record_id), row.field, json.dumps(json.loads(value))))
        return found


device = st.integers(0, 2)
edit = st.tuples(st.just("edit"), device, st.integers(0, 9), st.sampled_from(FIELDS))
send = st.tuples(st.just("send"), device, device)
deliver = st.tuples(st.just("deliver"), st.integers(0, 99), st.booleans())
# Edits and exchanges weigh more than the rest, so that devices often edit the same
# field of a shared record before they hear of each other's edits.
operation = st.one_of(
    st.tuples(st.just("create"), device),
    st.tuples(st.just("delete"), device, st.integers(0, 9)),
    *(edit, send, deliver) * 3,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(operation, min_size=4, max_size=20), st.randoms(use_true_random=False))
def test_random_exchanges_converge_and_lose_no_edit_silently(
    world_factory: Any, operations: list[tuple[Any, ...]], rng: Any
) -> None:
    world: World = world_factory()
    # Two records everyone has from the start.
    _create(world, 0, 1000)
    _create(world, 0, 1001)
    for receiver in (1, 2):
        _deliver(world, _send(world, 0, receiver), receiver)
    for number, op in enumerate(operations):
        if op[0] == "create":
            _create(world, op[1], number)
        elif op[0] == "edit":
            _edit(world, op[1], op[2], op[3], number)
        elif op[0] == "delete":
            _toggle_delete(world, op[1], op[2])
        elif op[0] == "send" and op[1] != op[2]:
            world.in_flight.append((_send(world, op[1], op[2]), op[2]))
        elif op[0] == "deliver" and world.in_flight:
            index = op[1] % len(world.in_flight)
            path, receiver = world.in_flight[index]
            if not op[2]:  # else it stays in flight: it may come again later
                world.in_flight.pop(index)
            _deliver(world, path, receiver)
    # The rest of what is in flight arrives in a random order, some of it twice.
    late = world.in_flight + rng.sample(world.in_flight, len(world.in_flight) // 2)
    rng.shuffle(late)
    for path, receiver in late:
        _deliver(world, path, receiver)
    # Everyone sends everyone everything; bundles cross, in a random order.
    finals = [
        (_send(world, sender, receiver, full=True), receiver)
        for sender in range(3)
        for receiver in range(3)
        if sender != receiver
    ]
    rng.shuffle(finals)
    for path, receiver in finals:
        _deliver(world, path, receiver)

    states = [_state(services) for services in world.devices]
    assert states[0] == states[1] == states[2], "devices that saw the same differ"
    conflicts = set().union(*(_conflict_values(services) for services in world.devices))
    for record_id, name, value in world.written:
        final = json.dumps(_final(states[0][record_id], name))
        assert (
            final == value
            or (record_id, name, value) in world.overwritten
            or (record_id, name, value) in conflicts
        ), f"{name}={value} of {record_id} vanished without a conflict"


def _final(row: tuple[Any, ...], name: str) -> Any:
    columns = [c.name for c in t.Dialogue.__table__.columns if c.name != "local_version"]
    return row[columns.index(name)]

"""Field-level merge: convergence in any order, and no edit lost without a conflict."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kommunpolis.sync.clock import HybridLogicalClock
from kommunpolis.sync.merge import (
    FieldClock,
    descends,
    dump_clocks,
    merge_record,
    parse_clocks,
    stamp_edit,
)

FIELDS = ("title", "notes", "count", "deleted_at")
DEVICES = [str(uuid.UUID(int=n << 64)) for n in (1, 2, 3)]


@dataclass
class Device:
    """A simulated installation: its records in bundle form and its clock."""

    name: str
    wall: list[int]
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.clock = HybridLogicalClock(wall_ms=lambda: self.wall[0])

    def create(self, record_id: str, title: str) -> None:
        revision = self.clock.tick()
        self.rows[record_id] = {
            "id": record_id,
            "author": self.name,
            "origin_device": self.name,
            "created_at": "2026-01-01T00:00:00+00:00",
            "updated_at": str(revision),
            "revision": revision,
            "revision_device": self.name,
            "field_clocks": None,
            "title": title,
            "notes": "",
            "count": 0,
            "deleted_at": None,
        }

    def edit(self, record_id: str, name: str, value: Any) -> Any:
        """Edit one field as the unit of work does; return the value it replaced."""
        row = self.rows[record_id]
        replaced = row[name]
        revision = self.clock.tick()
        clocks = stamp_edit(parse_clocks(row["field_clocks"]), [name], revision, self.name)
        row.update(
            {
                name: value,
                "field_clocks": dump_clocks(clocks),
                "revision": revision,
                "revision_device": self.name,
                "updated_at": str(revision),
            }
        )
        return replaced

    def receive(self, other: Device, conflicts: list[Any]) -> None:
        """Merge everything ``other`` has (a full bundle), as the importer does."""
        for record_id, incoming in other.rows.items():
            self.clock.observe(incoming["revision"])
            mine = self.rows.get(record_id)
            if mine is None:
                self.rows[record_id] = dict(incoming)
                continue
            result = merge_record(mine, incoming, FIELDS)
            conflicts.extend(result.conflicts)
            self.rows[record_id] = dict(result.row)


values = st.one_of(st.text("abcåäö", max_size=3), st.integers(0, 5))
operation = st.one_of(
    st.tuples(st.just("create"), st.integers(0, 2), st.integers(0, 3)),
    st.tuples(
        st.just("edit"), st.integers(0, 2), st.integers(0, 3), st.sampled_from(FIELDS), values
    ),
    st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.just("time"), st.integers(-5, 20)),
)


PAIRS = [(sender, receiver) for sender in range(3) for receiver in range(3) if sender != receiver]


def _gossip(devices: list[Device], order: list[tuple[int, int]], conflicts: list[Any]) -> None:
    """Deliver full states along ``order`` twice: afterwards everyone has seen everything."""
    for _ in range(2):
        for sender, receiver in order:
            devices[receiver].receive(devices[sender], conflicts)


def _copy(devices: list[Device]) -> list[Device]:
    copies = []
    for device in devices:
        copy = Device(device.name, device.wall, {k: dict(v) for k, v in device.rows.items()})
        copy.clock.observe(device.clock.last)
        copies.append(copy)
    return copies


@settings(max_examples=400, deadline=None)
@given(st.lists(operation, max_size=40), st.permutations(PAIRS), st.permutations(PAIRS))
def test_devices_that_saw_the_same_converge_and_no_edit_vanishes_unrecorded(
    operations: list[tuple[Any, ...]],
    one_order: list[tuple[int, int]],
    other_order: list[tuple[int, int]],
) -> None:
    wall = [1_700_000_000_000]
    devices = [Device(name, wall) for name in DEVICES]
    conflicts: list[Any] = []
    written: list[tuple[str, str, Any]] = []
    overwritten: set[tuple[str, str, str]] = set()
    for op in operations:
        if op[0] == "time":  # wall clocks step, even backwards
            wall[0] += op[1]
        elif op[0] == "create":
            device, number = devices[op[1]], op[2]
            record_id = f"r{op[1]}-{number}"
            if record_id not in device.rows:
                device.create(record_id, f"t{number}")
                written.append((record_id, "title", f"t{number}"))
        elif op[0] == "edit":
            device = devices[op[1]]
            ids = sorted(device.rows)
            if ids:
                record_id = ids[op[2] % len(ids)]
                name, value = op[3], op[4]
                if name == "deleted_at":
                    value = None if value in ("", 0) else f"2026-02-0{1 + len(written) % 9}"
                replaced = device.edit(record_id, name, value)
                overwritten.add((record_id, name, repr(replaced)))
                written.append((record_id, name, value))
        elif op[1] != op[2]:
            devices[op[2]].receive(devices[op[1]], conflicts)
    others = _copy(devices)
    _gossip(devices, one_order, conflicts)
    _gossip(others, other_order, conflicts)

    first = devices[0].rows
    for device in [*devices[1:], *others]:
        assert device.rows == first, "the order bundles arrive in changed the outcome"
    in_conflicts = {
        (conflict.field, repr(value))
        for conflict in conflicts
        for value in (conflict.local_value, conflict.incoming_value)
    }
    for record_id, name, value in written:
        final = first[record_id][name]
        assert (
            final == value
            or (record_id, name, repr(value)) in overwritten
            or (name, repr(value)) in in_conflicts
        ), f"{record_id}.{name}={value!r} vanished without a conflict"


def test_an_edit_descends_from_its_base_and_from_its_own_device() -> None:
    creation = FieldClock(0, DEVICES[0])
    first = FieldClock(10, DEVICES[0], 0)
    second = FieldClock(20, DEVICES[0], 0)
    elsewhere = FieldClock(15, DEVICES[1], 10)
    concurrent = FieldClock(16, DEVICES[2], 0)
    assert descends(first, creation) and not descends(creation, first)
    assert descends(second, first) and not descends(first, second)
    assert descends(elsewhere, first) and not descends(first, elsewhere)
    assert not descends(concurrent, first) and not descends(first, concurrent)


def test_concurrent_edits_of_one_field_conflict_with_the_same_winner_both_ways() -> None:
    wall = [1_700_000_000_000]
    anna, bo = Device(DEVICES[0], wall), Device(DEVICES[1], wall)
    anna.create("x", "Dialog")
    bo.receive(anna, [])
    anna.edit("x", "notes", "Annas")
    bo.edit("x", "notes", "Bos")
    at_anna: list[Any] = []
    at_bo: list[Any] = []
    anna_before = Device(DEVICES[0], wall, {k: dict(v) for k, v in anna.rows.items()})
    anna.receive(bo, at_anna)  # the bundles cross: each was written before the other came
    bo.receive(anna_before, at_bo)
    assert anna.rows == bo.rows
    assert len(at_anna) == len(at_bo) == 1
    assert at_anna[0].winner != at_bo[0].winner  # one side's local is the other's incoming
    assert {at_anna[0].local_value, at_anna[0].incoming_value} == {"Annas", "Bos"}

"""Merge two versions of one record field by field, by hybrid logical clocks.

Every field of a record has a clock: the revision (a hybrid-logical-clock value, see
:mod:`kommunpolis.sync.clock`) and device of the edit that last set it, and that
edit's *base*, the revision of the other device's edit it was made on top of. Clocks
of fields not edited since creation are not stored: they are the creation clock
(revision 0). A record's ``field_clocks`` column holds the others as JSON::

    {"title": [revision, "device-uuid", base], ...}

Merging keeps, per field, the value with the higher (revision, device): the same
answer whatever order versions arrive in, so devices that saw the same bundles agree.
Edits of different fields on two devices therefore both survive. When two devices
changed the *same* field and neither edit was made knowing the other (its base is
not the other's revision, and it is not a later edit by the same device), the loser
is not dropped silently: it is returned as a :class:`FieldConflict` for a person to
resolve. Two creations of one record (links have ids derived from what they link)
tie at revision 0; the smaller value wins, also a conflict when they differ.

Values here are in their bundle (JSON) form, so that comparing them is exact.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

META_COLUMNS = frozenset(
    {
        "id",
        "author",
        "origin_device",
        "created_at",
        "updated_at",
        "revision",
        "revision_device",
        "local_version",
        "field_clocks",
    }
)
"""Columns that describe a record rather than being part of it; never merged per field."""
LOCAL_COLUMNS = frozenset({"local_version"})
"""Columns that stay on this device (never in a bundle)."""
CLOCKS_COLUMN = "field_clocks"
_CREATION_FIELDS = ("author", "origin_device", "created_at")
LOCAL = "local"
INCOMING = "incoming"


@dataclass(frozen=True)
class FieldClock:
    """The clock of one field: who set it when, on top of which revision."""

    revision: int
    device: str
    """The device's canonical UUID text (its order is the UUID's byte order)."""
    base: int = 0

    @property
    def key(self) -> tuple[int, str]:
        """The order of edits: revision, then device as the tie-break."""
        return (self.revision, self.device)

    def to_json(self) -> list[Any]:
        """Return the clock as stored: ``[revision, device, base]``."""
        return [self.revision, self.device, self.base]

    def text(self) -> str:
        """Return the clock as compact JSON text (for conflict records)."""
        return json.dumps(self.to_json(), separators=(",", ":"))


def creation_clock(row: Mapping[str, Any]) -> FieldClock:
    """Return the clock of a field unedited since the record was created."""
    return FieldClock(0, str(row["origin_device"]), 0)


def parse_clocks(text: str | None) -> dict[str, FieldClock]:
    """Return the clocks stored in a ``field_clocks`` value (already validated)."""
    if not text:
        return {}
    return {
        name: FieldClock(int(entry[0]), str(entry[1]), int(entry[2]))
        for name, entry in json.loads(text).items()
    }


def dump_clocks(clocks: Mapping[str, FieldClock]) -> str | None:
    """Return clocks as canonical JSON (sorted, compact), or None when there are none."""
    kept = {name: clock.to_json() for name, clock in sorted(clocks.items()) if clock.revision}
    return json.dumps(kept, separators=(",", ":")) if kept else None


def clocks_problem(text: Any, fields: Iterable[str]) -> str | None:
    """Return what is wrong with a received ``field_clocks`` value, or None."""
    if text is None:
        return None
    if not isinstance(text, str):
        return "field_clocks must be text"
    try:
        document = json.loads(text)
    except ValueError:
        return "field_clocks is not JSON"
    if not isinstance(document, dict):
        return "field_clocks must be a JSON object"
    known = set(fields)
    for name, entry in document.items():
        if name not in known:
            return f"field_clocks names an unknown field '{name}'"
        if not (
            isinstance(entry, list)
            and len(entry) == 3
            and all(isinstance(part, int) and not isinstance(part, bool) for part in entry[::2])
            and isinstance(entry[1], str)
            and 0 < entry[0] < 1 << 63
            and 0 <= entry[2] < 1 << 63
        ):
            return f"field_clocks entry of '{name}' must be [revision, device, base]"
        try:
            uuid.UUID(entry[1])
        except ValueError:
            return f"field_clocks entry of '{name}' names no device"
    return None


def stamp_edit(
    clocks: Mapping[str, FieldClock], fields: Iterable[str], revision: int, device: str
) -> dict[str, FieldClock]:
    """Return ``clocks`` after a local edit of ``fields`` at ``revision`` on ``device``.

    The base is the revision of the last edit by another device: a device's own
    edits form one chain, so a receiver that knows an earlier one knows its base.
    """
    result = dict(clocks)
    for name in fields:
        old = clocks.get(name)
        if old is None:
            base = 0
        elif old.device == device:
            base = old.base
        else:
            base = old.revision
        result[name] = FieldClock(revision, device, base)
    return result


def descends(edit: FieldClock, other: FieldClock) -> bool:
    """Whether ``edit`` was made knowing ``other`` (so replacing it is no conflict)."""
    if edit.key == other.key:
        return True
    if other.revision == 0:
        return edit.revision > 0
    if edit.revision == 0:
        return False
    return edit.base == other.revision or (
        edit.device == other.device and edit.revision > other.revision
    )


@dataclass(frozen=True)
class FieldConflict:
    """One field changed concurrently on two devices: both values, and who won for now."""

    field: str
    local_value: Any
    incoming_value: Any
    local_clock: FieldClock
    incoming_clock: FieldClock
    winner: str
    """:data:`LOCAL` or :data:`INCOMING`."""


@dataclass(frozen=True)
class MergeResult:
    """The merged record (bundle form, all synced columns) and what merging found."""

    row: Mapping[str, Any]
    changed: bool
    """The merged record differs from the local one."""
    conflicts: tuple[FieldConflict, ...]


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def merge_record(
    local: Mapping[str, Any], incoming: Mapping[str, Any], fields: Iterable[str]
) -> MergeResult:
    """Merge ``incoming`` into ``local`` (both in bundle form) over the content ``fields``."""
    local_clocks = parse_clocks(local.get(CLOCKS_COLUMN))
    incoming_clocks = parse_clocks(incoming.get(CLOCKS_COLUMN))
    local_creation, incoming_creation = creation_clock(local), creation_clock(incoming)
    merged = dict(local)
    clocks: dict[str, FieldClock] = {}
    conflicts: list[FieldConflict] = []
    for name in fields:
        ours = local_clocks.get(name, local_creation)
        theirs = incoming_clocks.get(name, incoming_creation)
        # A column one side's app version does not have (sync.bundle.LATER_COLUMNS) is
        # not carried: the side that has it keeps its value and clock.
        if name not in incoming:
            if name in local_clocks:
                clocks[name] = ours
            continue
        if name not in local:
            merged[name] = incoming[name]
            if name in incoming_clocks:
                clocks[name] = theirs
            continue
        mine, other = local[name], incoming[name]
        if ours.revision == 0 and theirs.revision == 0:
            incoming_wins = mine != other and _canonical(other) < _canonical(mine)
        else:
            incoming_wins = theirs.key > ours.key
        winner = theirs if incoming_wins else ours
        if mine != other:
            loser = ours if incoming_wins else theirs
            if not descends(winner, loser):
                conflicts.append(
                    FieldConflict(
                        name, mine, other, ours, theirs, INCOMING if incoming_wins else LOCAL
                    )
                )
        if incoming_wins:
            merged[name] = other
        clocks[name] = winner
    if (incoming["revision"], incoming["revision_device"]) > (
        local["revision"],
        local["revision_device"],
    ):
        for name in ("revision", "revision_device", "updated_at"):
            merged[name] = incoming[name]
    # The same record created on two devices (a link): keep the earlier creation's
    # metadata on both, whatever order they meet in.
    if tuple(incoming[name] for name in _CREATION_FIELDS[::-1]) < tuple(
        local[name] for name in _CREATION_FIELDS[::-1]
    ):
        for name in _CREATION_FIELDS:
            merged[name] = incoming[name]
    merged[CLOCKS_COLUMN] = dump_clocks(clocks)
    changed = any(merged[name] != local.get(name) for name in merged)
    return MergeResult(row=merged, changed=changed, conflicts=tuple(conflicts))

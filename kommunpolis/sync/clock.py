"""A hybrid logical clock that stamps every write with a comparable revision.

A revision is one 64-bit integer: Unix milliseconds in the high 48 bits and a
counter in the low 16. It never runs backwards on one device, even when the
wall clock does, and after :meth:`HybridLogicalClock.observe` it is above every
revision seen from another device — so revisions from many devices can be
ordered, with the device id as the tie-break.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

COUNTER_BITS = 16
_COUNTER_MASK = (1 << COUNTER_BITS) - 1


def pack(unix_ms: int, counter: int = 0) -> int:
    """Return the revision for a wall time and counter."""
    return unix_ms << COUNTER_BITS | counter


def unpack(revision: int) -> tuple[int, int]:
    """Return the (Unix milliseconds, counter) of a revision."""
    return revision >> COUNTER_BITS, revision & _COUNTER_MASK


class HybridLogicalClock:
    """Issue strictly increasing revisions; thread-safe."""

    def __init__(
        self, *, last: int = 0, wall_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000
    ) -> None:
        self._last = last
        self._wall_ms = wall_ms
        self._lock = threading.Lock()

    def tick(self) -> int:
        """Return a new revision greater than any issued or observed before."""
        with self._lock:
            candidate = pack(self._wall_ms())
            # When the wall clock stands still or steps back, count on from the last.
            self._last = candidate if candidate > self._last else self._last + 1
            return self._last

    def observe(self, revision: int) -> None:
        """Move past a revision received from elsewhere."""
        with self._lock:
            self._last = max(self._last, revision)

    @property
    def last(self) -> int:
        """The highest revision issued or observed."""
        return self._last

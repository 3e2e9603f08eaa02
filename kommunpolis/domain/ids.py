"""Time-ordered record identifiers (UUID version 7, RFC 9562).

Python 3.11 has no ``uuid.uuid7``; the layout is small enough to build here:
48 bits of Unix milliseconds, the version and variant bits, and 74 random bits.
Ids sort by creation time, which keeps SQLite's primary-key B-trees append-mostly.
Fresh ids are also monotonic within the process (RFC 9562, section 6.2, method 2):
records made in the same millisecond, as in one save, keep the order they were made in.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_RANDOM_BITS = 74
_RANDOM_MASK = (1 << _RANDOM_BITS) - 1


class _Monotonic:
    """The last fresh id's time and random bits, so the next one sorts after it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.unix_ms = 0
        self.random_bits = 0

    def next(self) -> tuple[int, int]:
        now = time.time_ns() // 1_000_000
        with self.lock:
            if now > self.unix_ms:
                self.unix_ms = now
                self.random_bits = int.from_bytes(os.urandom(10)) & (_RANDOM_MASK >> 1)
            else:
                # Same (or an earlier) millisecond: count on with a random step, keeping
                # the rest unguessable; the top bit left free above leaves room to count.
                step = int.from_bytes(os.urandom(4)) + 1
                self.random_bits = (self.random_bits + step) & _RANDOM_MASK
            return self.unix_ms, self.random_bits


_fresh = _Monotonic()


def uuid7(unix_ms: int | None = None, random_bits: int | None = None) -> uuid.UUID:
    """Return a UUIDv7: fresh and monotonic if no arguments, else built from the given parts."""
    if unix_ms is None and random_bits is None:
        unix_ms, random_bits = _fresh.next()
    if unix_ms is None:
        unix_ms = time.time_ns() // 1_000_000
    if random_bits is None:
        random_bits = int.from_bytes(os.urandom(10)) & _RANDOM_MASK
    rand_a = (random_bits >> 62) & 0xFFF
    rand_b = random_bits & ((1 << 62) - 1)
    value = (unix_ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return uuid.UUID(int=value)


def uuid7_time_ms(value: uuid.UUID) -> int:
    """Return the Unix milliseconds a UUIDv7 was made at."""
    return value.int >> 80


_DEFAULT_THEMES_NAMESPACE = uuid.UUID("0b7d3c1e-2f54-4a8e-9c61-3e5d2a9f8b40")


def default_theme_id(name: str) -> uuid.UUID:
    """Return the id every installation gives the default theme ``name``.

    The same id everywhere makes the default themes one record across devices, so
    bundles from many officers do not fill the coordinator's list with duplicates.
    """
    return uuid.uuid5(_DEFAULT_THEMES_NAMESPACE, name)

"""Time-ordered record identifiers (UUID version 7, RFC 9562).

Python 3.11 has no ``uuid.uuid7``; the layout is small enough to build here:
48 bits of Unix milliseconds, the version and variant bits, and 74 random bits.
Ids sort by creation time, which keeps SQLite's primary-key B-trees append-mostly.
"""

from __future__ import annotations

import os
import time
import uuid

_RANDOM_BITS = 74
_RANDOM_MASK = (1 << _RANDOM_BITS) - 1


def uuid7(unix_ms: int | None = None, random_bits: int | None = None) -> uuid.UUID:
    """Return a UUIDv7 for ``unix_ms`` (now if omitted) with the given or fresh random bits."""
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

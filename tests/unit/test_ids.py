"""UUIDv7 record ids: layout, embedded time and ordering."""

import time
import uuid

from kommunpolis.domain.ids import uuid7, uuid7_time_ms


def test_version_and_variant_are_rfc_9562() -> None:
    value = uuid7()
    assert value.version == 7
    assert value.variant == uuid.RFC_4122


def test_embedded_time_is_the_given_milliseconds() -> None:
    assert uuid7_time_ms(uuid7(unix_ms=1_764_000_000_123)) == 1_764_000_000_123


def test_default_time_is_now() -> None:
    before = time.time_ns() // 1_000_000
    value = uuid7()
    after = time.time_ns() // 1_000_000
    assert before <= uuid7_time_ms(value) <= after


def test_random_bits_fill_the_rest_without_touching_version_or_variant() -> None:
    all_ones = uuid7(unix_ms=0, random_bits=(1 << 74) - 1)
    assert all_ones.version == 7
    assert all_ones.variant == uuid.RFC_4122
    assert uuid7(unix_ms=0, random_bits=1) != uuid7(unix_ms=0, random_bits=2)


def test_fresh_ids_differ_within_one_millisecond() -> None:
    assert len({uuid7(unix_ms=1000) for _ in range(100)}) == 100


def test_ids_sort_by_time_across_milliseconds_whatever_the_random_bits() -> None:
    earlier = uuid7(unix_ms=1_000, random_bits=(1 << 74) - 1)
    later = uuid7(unix_ms=1_001, random_bits=0)
    assert earlier < later
    assert str(earlier) < str(later)
    assert earlier.hex < later.hex
    # The database stores the 16 bytes (storage.types.UuidBlob); SQLite compares blobs
    # with memcmp, so stored ids sort in time order too.
    assert earlier.bytes < later.bytes


def test_fresh_ids_made_in_one_burst_keep_their_order() -> None:
    burst = [uuid7() for _ in range(20_000)]
    assert burst == sorted(burst)
    assert len(set(burst)) == len(burst)
    # The burst spans fewer milliseconds than ids, so ordering within one ms is exercised.
    assert len({uuid7_time_ms(value) for value in burst}) < len(burst)

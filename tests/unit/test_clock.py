"""The hybrid logical clock: strictly increasing revisions, whatever the wall clock does."""

from kommunpolis.sync.clock import HybridLogicalClock, pack, unpack


class FakeWall:
    """A wall clock a test can set."""

    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def test_pack_and_unpack_round_trip() -> None:
    assert unpack(pack(1_764_000_000_000, 7)) == (1_764_000_000_000, 7)


def test_tick_follows_the_wall_clock_when_it_moves_forward() -> None:
    wall = FakeWall(1000)
    clock = HybridLogicalClock(wall_ms=wall)
    assert clock.tick() == pack(1000)
    wall.ms = 2000
    assert clock.tick() == pack(2000)


def test_ticks_within_one_millisecond_count_up() -> None:
    clock = HybridLogicalClock(wall_ms=FakeWall(1000))
    assert [unpack(clock.tick()) for _ in range(3)] == [(1000, 0), (1000, 1), (1000, 2)]


def test_monotonic_when_the_wall_clock_goes_backwards() -> None:
    wall = FakeWall(5000)
    clock = HybridLogicalClock(wall_ms=wall)
    first = clock.tick()
    wall.ms = 1000
    second = clock.tick()
    third = clock.tick()
    assert first < second < third
    assert unpack(second)[0] == 5000


def test_starts_above_the_last_stored_revision() -> None:
    clock = HybridLogicalClock(last=pack(9000, 3), wall_ms=FakeWall(1000))
    assert clock.tick() == pack(9000, 4)


def test_observe_moves_past_a_remote_revision() -> None:
    clock = HybridLogicalClock(wall_ms=FakeWall(1000))
    remote = pack(50_000, 12)
    clock.observe(remote)
    assert clock.last == remote
    assert clock.tick() > remote


def test_observe_never_moves_backwards() -> None:
    clock = HybridLogicalClock(wall_ms=FakeWall(8000))
    issued = clock.tick()
    clock.observe(pack(10))
    assert clock.last == issued
    assert clock.tick() > issued


def test_counter_overflow_still_increases() -> None:
    clock = HybridLogicalClock(last=pack(1000, 0xFFFF), wall_ms=FakeWall(1000))
    assert clock.tick() > pack(1000, 0xFFFF)

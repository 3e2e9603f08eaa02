"""The lägesbild's monthly counts (migration 0007): recount what the triggers queued.

``situation_tally`` holds, per local month, kommun and breakdown, the weight, concerns
and distinct dialogues of the live concerns in live dialogues; the triggers on
``dialogue`` and ``concern`` only queue a kommun and a UTC month in
``situation_tally_pending``. ``refresh`` recounts every local month such a UTC month
overlaps, for the queued kommuner, from the concerns themselves, and empties the queue,
in the caller's transaction. Local months and days are the computer's time zone, as
everywhere else a lägesbild speaks of dates: the month bounds come from Python, the
day of a dialogue from SQLite's ``localtime``, which reads the same C library zone.
The zone's UTC offsets are kept beside the counts (``local_setting``); when they differ
(the computer moved to another zone, or its rules changed) every month is counted again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from kommunpolis.domain.calendar import local_midnight, next_month

_PENDING = "SELECT municipality_code, utc_month FROM situation_tally_pending"
_ZONE_KEY = "situation_tally.zone"
_STORED_ZONE = "SELECT value FROM local_setting WHERE key = ?"
_STORE_ZONE = "INSERT OR REPLACE INTO local_setting (key, value) VALUES (?, ?)"
_QUEUE_ALL = (
    "INSERT OR IGNORE INTO situation_tally_pending (municipality_code, utc_month) "
    "SELECT DISTINCT municipality_code, substr(starts_at, 1, 7) FROM dialogue"
)
_DONE = "DELETE FROM situation_tally_pending WHERE municipality_code = ? AND utc_month = ?"
_CLEAR = "DELETE FROM situation_tally WHERE month = ? AND municipality_code IN ({codes})"
# One statement per breakdown and local month, for all the month's queued kommuner.
_COUNT = (
    "INSERT INTO situation_tally"
    " (month, municipality_code, dimension, key1, key2, weight, concerns, dialogues)"
    " SELECT ?, d.municipality_code, '{dimension}', {key1}, {key2},"
    " sum(c.raised_count), count(*), count(DISTINCT d.id)"
    " FROM dialogue AS d JOIN concern AS c ON c.dialogue_id = d.id"
    " WHERE d.deleted_at IS NULL AND c.deleted_at IS NULL"
    " AND d.starts_at >= ? AND d.starts_at < ? AND +d.municipality_code IN ({codes})"
    " GROUP BY d.municipality_code, {key1}, {key2}"
)


class Breakdown(NamedTuple):
    """One dimension of the tally and the SQL of its keys."""

    dimension: str
    key1: str
    key2: str = "NULL"


BREAKDOWNS = (
    Breakdown("format", "d.format"),
    Breakdown("day", "date(d.starts_at, 'localtime')"),
    Breakdown("theme", "c.theme_id"),
    Breakdown("place", "c.place_id"),
    Breakdown("theme_place", "c.theme_id", "c.place_id"),
    Breakdown("pattern", "c.time_pattern"),
)


def month_start(month: str) -> date:
    """Return the first day of a ``YYYY-MM`` month."""
    return date(int(month[:4]), int(month[5:7]), 1)


def local_months(utc_month: str) -> set[str]:
    """Return the local months (``YYYY-MM``) that the UTC month ``YYYY-MM`` overlaps."""
    first = datetime.combine(month_start(utc_month), time(), UTC)
    last = datetime.combine(next_month(first.date()), time(), UTC) - timedelta(microseconds=1)
    return {moment.astimezone().strftime("%Y-%m") for moment in (first, last)}


def zone_fingerprint() -> list[int]:
    """Return the computer's UTC offsets, in minutes, on the 1st of every month of a few
    years: equal lists mean local months and days fall on the same UTC moments."""
    offsets = []
    for year in (2000, 2025, 2040):
        for month in range(1, 13):
            moment = datetime(year, month, 1, 12, tzinfo=UTC).astimezone()
            offset = moment.utcoffset()
            offsets.append(int(offset.total_seconds()) // 60 if offset is not None else 0)
    return offsets


def queue_everything(connection: sqlite3.Connection) -> None:
    """Queue every kommun and month that has a dialogue, so the next refresh counts all."""
    connection.execute(_QUEUE_ALL)


def refresh(connection: sqlite3.Connection, to_text: Callable[[datetime], str]) -> int:
    """Recount the months the triggers queued; return how many months were recounted.

    ``to_text`` turns a UTC moment into ``starts_at``'s stored form. Runs in the
    caller's transaction, which must commit it. Writes nothing when nothing is queued
    and the time zone is the one the counts were made in.
    """
    zone = json.dumps(zone_fingerprint())
    stored = connection.execute(_STORED_ZONE, (_ZONE_KEY,)).fetchone()
    if stored is None or stored[0] != zone:
        queue_everything(connection)
        connection.execute(_STORE_ZONE, (_ZONE_KEY, zone))
    queued = connection.execute(_PENDING).fetchall()
    if not queued:
        return 0
    months: dict[str, set[str]] = {}
    for code, utc_month in queued:
        for month in local_months(utc_month):
            months.setdefault(month, set()).add(code)
    for month, codes in sorted(months.items()):
        _recount(connection, month, sorted(codes), to_text)
    connection.executemany(_DONE, queued)
    return len(months)


def _recount(
    connection: sqlite3.Connection,
    month: str,
    codes: Iterable[str],
    to_text: Callable[[datetime], str],
) -> None:
    codes = tuple(codes)
    marks = ", ".join("?" * len(codes))
    start = month_start(month)
    low = to_text(local_midnight(start))
    high = to_text(local_midnight(next_month(start)))
    connection.execute(_CLEAR.format(codes=marks), (month, *codes))
    for breakdown in BREAKDOWNS:
        connection.execute(
            _COUNT.format(
                dimension=breakdown.dimension,
                key1=breakdown.key1,
                key2=breakdown.key2,
                codes=marks,
            ),
            (month, low, high, *codes),
        )

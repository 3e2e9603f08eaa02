"""The officer's calendar: local days and months, and the UTC moments they begin."""

from __future__ import annotations

from datetime import UTC, date, datetime, time


def local_midnight(day: date) -> datetime:
    """Return the UTC moment the local ``day`` begins (the computer's time zone).

    Periods, retention and the lägesbild all count the officer's calendar days;
    times are stored in UTC, so each day is compared from this moment.
    """
    return datetime.combine(day, time()).astimezone(UTC)


def next_month(day: date) -> date:
    """Return the first day of the month after ``day``'s."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)

"""The lägesbild's monthly counts (migration 0007) give exactly what reading every concern gives.

Every summary here is computed twice on the same real database: through the monthly
counts (whole months) plus the concerns at the ends of the period, and by reading every
concern (what the service does for a scope of places or a read-only database). The
counts are kept current by triggers; the edits below are the ones that move a concern
between months, kommuner, keys or life and death.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from kommunpolis.composition import Services
from kommunpolis.services import situation as situation_module
from kommunpolis.services.demo import DemoService
from kommunpolis.services.situation import Period, Scope, SituationSummary
from kommunpolis.storage import situation_tally
from kommunpolis.storage import tables as t

PERIODS = (
    Period(date(2025, 1, 1), date(2025, 12, 31)),  # whole months, previous year too
    Period(date(2025, 2, 14), date(2025, 9, 3)),  # both ends and whole months between
    Period(date(2025, 3, 1), date(2025, 3, 31)),  # one month, weekly series
    Period(date(2025, 2, 20), date(2025, 5, 10)),  # weekly series over whole months
    Period(date(2025, 3, 5), date(2025, 4, 20)),  # no whole month at all
    Period(date(2025, 6, 1), date(2025, 6, 1)),  # one day
)


@pytest.fixture(autouse=True)
def swedish_time() -> Iterator[None]:
    """Run in Swedish time, so local months and UTC months differ (and DST changes)."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Stockholm"
    time.tzset()
    yield
    if saved is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = saved
    time.tzset()


@pytest.fixture
def demo(services: Services) -> Services:
    """Three hundred demo dialogues, counted once by a first summary."""
    DemoService(database=services.database, clock=services.clock).generate(dialogues=300)
    return services


def _both(
    services: Services, scope: Scope, period: Period, monkeypatch: pytest.MonkeyPatch
) -> tuple[SituationSummary, SituationSummary]:
    by_month = services.situation.summarize(scope, period)
    with monkeypatch.context() as patch:
        patch.setattr(situation_module, "_refresh_tally", lambda _session: False)
        every_concern = services.situation.summarize(scope, period)
    return by_month, every_concern


def _scopes(services: Services) -> list[Scope]:
    with services.unit_of_work() as uow:
        busiest = uow.session.execute(
            select(t.Dialogue.municipality_code)
            .group_by(t.Dialogue.municipality_code)
            .order_by(func.count().desc())
            .limit(1)
        ).scalar_one()
        region = uow.session.execute(
            select(t.Municipality.police_region).where(t.Municipality.code == busiest)
        ).scalar_one()
    scopes = [
        Scope.everywhere(),
        Scope.municipalities([busiest]),
        Scope.municipalities(services.situation.municipality_codes_in_region(region)),
    ]
    scopes += [Scope.district(district.id) for district in services.situation.districts()[:1]]
    return scopes


def _pending(services: Services) -> int:
    with services.unit_of_work() as uow:
        return int(
            uow.session.execute(text("SELECT count(*) FROM situation_tally_pending")).scalar_one()
        )


def _assert_same(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    for scope in _scopes(services):
        for period in PERIODS:
            by_month, every_concern = _both(services, scope, period, monkeypatch)
            assert by_month == every_concern, (scope, period)
    assert _pending(services) == 0


def test_monthly_counts_equal_every_concern_for_every_scope_and_period(
    demo: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _pending(demo) > 0  # the demo's inserts queued their months
    year = demo.situation.summarize(Scope.everywhere(), PERIODS[0])
    assert year.totals.concerns > 100  # the comparison below is about real numbers
    assert _pending(demo) == 0
    _assert_same(demo, monkeypatch)


def test_edits_that_move_concerns_are_counted_again(
    demo: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo.situation.summarize(Scope.everywhere(), PERIODS[0])
    with demo.unit_of_work() as uow:
        session = uow.session
        dialogues = session.scalars(
            select(t.Dialogue)
            .where(t.Dialogue.starts_at >= datetime(2025, 1, 1, tzinfo=UTC))
            .order_by(t.Dialogue.starts_at)
        ).all()
        moved, other_kommun, tombstoned, midnight = (
            dialogues[0],
            dialogues[5],
            dialogues[9],
            dialogues[12],
        )
        moved.starts_at = datetime(2025, 6, 15, 9, tzinfo=UTC)
        other_kommun.municipality_code = (
            "0180" if other_kommun.municipality_code != "0180" else "0184"
        )
        tombstoned.deleted_at = datetime.now(UTC)
        # 22:30 UTC on 31 March is half past midnight on 1 April in Sweden.
        midnight.starts_at = datetime(2025, 3, 31, 22, 30, tzinfo=UTC)
        concerns = session.scalars(
            select(t.Concern).where(t.Concern.dialogue_id == dialogues[20].id)
        ).all()
        assert len(concerns) >= 2
        concerns[0].raised_count += 7
        concerns[1].deleted_at = datetime.now(UTC)
        themes = session.scalars(select(t.Theme.id)).all()
        concerns[0].theme_id = next(theme for theme in themes if theme != concerns[0].theme_id)
        uow.commit()
    assert _pending(demo) > 0
    _assert_same(demo, monkeypatch)

    with demo.unit_of_work() as uow:
        session = uow.session
        dialogue = session.get(t.Dialogue, dialogues[30].id)
        assert dialogue is not None
        extra = t.Concern(
            dialogue_id=dialogue.id, theme_id=themes[0], text="Ny oro", raised_count=40
        )
        session.add(extra)
        uow.commit()
    _assert_same(demo, monkeypatch)
    with demo.unit_of_work() as uow:
        session = uow.session
        session.delete(session.get(t.Concern, extra.id))
        uow.commit()
    _assert_same(demo, monkeypatch)


def test_a_text_only_edit_queues_nothing(demo: Services) -> None:
    demo.situation.summarize(Scope.everywhere(), PERIODS[0])
    with demo.unit_of_work() as uow:
        concern = uow.session.scalars(select(t.Concern).limit(1)).one()
        concern.text = "Rensad"
        dialogue = uow.session.get(t.Dialogue, concern.dialogue_id)
        assert dialogue is not None
        dialogue.notes = "Rensad"
        uow.commit()
    assert _pending(demo) == 0


def test_a_read_only_database_reads_every_concern(
    demo: Services, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counts that cannot be written are not used, and the summary is still right."""
    assert _pending(demo) > 0
    period = PERIODS[1]
    expected = _both(demo, Scope.everywhere(), period, monkeypatch)[1]
    # Queue again, then make every write fail the way a read-only file does.
    with demo.unit_of_work() as uow:
        driver = uow.session.connection().connection.driver_connection
        assert driver is not None
        situation_tally.queue_everything(driver)
        uow.commit()
    with demo.unit_of_work() as uow:
        uow.session.execute(text("PRAGMA query_only = ON"))
        assert situation_module._refresh_tally(uow.session) is False
        uow.session.execute(text("PRAGMA query_only = OFF"))
    assert _pending(demo) > 0  # nothing half-done was kept
    assert demo.situation.summarize(Scope.everywhere(), period) == expected


def test_the_split_into_whole_months() -> None:
    split = situation_module._split_by_month
    assert split(Period(date(2025, 1, 1), date(2025, 12, 31))) == (
        [],
        [f"2025-{month:02}" for month in range(1, 13)],
    )
    assert split(Period(date(2025, 2, 14), date(2025, 4, 3))) == (
        [Period(date(2025, 2, 14), date(2025, 2, 28)), Period(date(2025, 4, 1), date(2025, 4, 3))],
        ["2025-03"],
    )
    short = Period(date(2025, 3, 5), date(2025, 4, 20))
    assert split(short) == ([short], [])
    december = Period(date(2024, 12, 1), date(2025, 1, 31) - timedelta(days=1))
    assert split(december) == ([Period(date(2025, 1, 1), date(2025, 1, 30))], ["2024-12"])


def test_a_new_time_zone_counts_every_month_again(
    demo: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counts made in Swedish time are not used for a computer now in New York time."""
    with demo.unit_of_work() as uow:
        dialogue = uow.session.scalars(select(t.Dialogue).order_by(t.Dialogue.id)).first()
        assert dialogue is not None
        # Half past midnight on 1 April in Sweden; 31 March, evening, in New York.
        dialogue.starts_at = datetime(2025, 3, 31, 22, 30, tzinfo=UTC)
        uow.commit()
    march = Period(date(2025, 3, 1), date(2025, 3, 31))
    in_sweden = demo.situation.summarize(Scope.everywhere(), march)
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    by_month, every_concern = _both(demo, Scope.everywhere(), march, monkeypatch)
    assert by_month == every_concern
    assert by_month.totals.dialogues == in_sweden.totals.dialogues + 1
    _assert_same(demo, monkeypatch)

"""The unit of work stamps every record's metadata, needs a profile and rolls back."""

import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from kommunpolis.composition import Services
from kommunpolis.domain.errors import ProfileMissing
from kommunpolis.domain.ids import uuid7_time_ms
from kommunpolis.domain.vocabulary import PlaceKind, Sensitivity
from kommunpolis.storage import tables as t

KOMMUN = "0180"


def _place(name: str) -> t.Place:
    return t.Place(name=name, kind=PlaceKind.SQUARE, municipality_code=KOMMUN)


def test_new_records_are_stamped_from_the_profile(services: Services) -> None:
    profile = services.profiles.current()
    assert profile is not None
    before = datetime.now(UTC)
    with services.unit_of_work() as uow:
        place = _place("Torget")
        uow.session.add(place)
        uow.commit()
    with services.unit_of_work() as uow:
        stored = uow.session.get(t.Place, place.id)
        assert stored is not None
        assert stored.id.version == 7
        assert stored.author == "Anna Andersson"
        assert stored.origin_device == profile.device_id
        assert stored.revision_device == profile.device_id
        assert before <= stored.created_at == stored.updated_at <= datetime.now(UTC)
        assert stored.created_at.tzinfo is UTC
        assert stored.revision > 0
        assert stored.deleted_at is None
        assert stored.sensitivity is Sensitivity.OPEN


def test_ids_are_time_ordered(services: Services) -> None:
    ids = []
    for index in range(3):
        with services.unit_of_work() as uow:
            place = _place(f"Plats {index}")
            uow.session.add(place)
            uow.commit()
        ids.append(place.id)
        time.sleep(0.002)
    assert ids == sorted(ids)
    times = [uuid7_time_ms(value) for value in ids]
    assert times == sorted(times)
    assert len(set(times)) == 3


def test_update_moves_updated_at_and_revision_but_keeps_creation(services: Services) -> None:
    with services.unit_of_work() as uow:
        place = _place("Torget")
        uow.session.add(place)
        uow.commit()
    created_at, updated_at, revision = place.created_at, place.updated_at, place.revision
    time.sleep(0.002)
    with services.unit_of_work() as uow:
        stored = uow.session.get(t.Place, place.id)
        assert stored is not None
        stored.name = "Stortorget"
        uow.commit()
    with services.unit_of_work() as uow:
        stored = uow.session.get(t.Place, place.id)
        assert stored is not None
        assert stored.name == "Stortorget"
        assert stored.created_at == created_at
        assert stored.updated_at > updated_at
        assert stored.revision > revision


def test_revisions_strictly_increase_across_records_in_one_flush(services: Services) -> None:
    with services.unit_of_work() as uow:
        places = [_place(f"Plats {i}") for i in range(5)]
        uow.session.add_all(places)
        uow.commit()
    revisions = [place.revision for place in places]
    assert len(set(revisions)) == 5
    assert all(revision > 0 for revision in revisions)
    # A later write is above every earlier one.
    with services.unit_of_work() as uow:
        later = _place("Senare")
        uow.session.add(later)
        uow.commit()
    assert later.revision > max(revisions)


def test_an_unchanged_record_keeps_its_revision(services: Services) -> None:
    with services.unit_of_work() as uow:
        place = _place("Torget")
        uow.session.add(place)
        uow.commit()
    with services.unit_of_work() as uow:
        stored = uow.session.get(t.Place, place.id)
        assert stored is not None
        stored.name = "Torget"  # the same value: not a change
        uow.commit()
        assert stored.revision == place.revision


def test_clock_of_a_reopened_database_continues_above_stored_revisions(
    services: Services,
) -> None:
    with services.unit_of_work() as uow:
        place = _place("Torget")
        uow.session.add(place)
        uow.commit()
    from kommunpolis.composition import build_services
    from kommunpolis.sync.clock import pack

    # A far-future revision stored (e.g. from a device with a fast clock) must not be undercut.
    with services.unit_of_work() as uow:
        stored = uow.session.get(t.Place, place.id)
        assert stored is not None
        uow.session.execute(
            t.Place.__table__.update().values(revision=pack(2**40)).where(t.Place.id == place.id)
        )
        uow.commit()
    reopened = build_services(services.paths, busy_timeout_ms=200)
    try:
        assert reopened.clock.tick() > pack(2**40)
    finally:
        reopened.close()


def test_writing_a_record_without_a_profile_raises_profile_missing(
    bare_services: Services,
) -> None:
    with pytest.raises(ProfileMissing), bare_services.unit_of_work() as uow:
        uow.session.add(_place("Torget"))
        uow.commit()
    with bare_services.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(t.Place)) == 0


def test_leaving_without_commit_rolls_back(services: Services) -> None:
    with services.unit_of_work() as uow:
        uow.session.add(_place("Aldrig sparad"))
        uow.flush()
        assert uow.session.scalar(select(func.count()).select_from(t.Place)) == 1
    with services.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(t.Place)) == 0


def test_an_exception_in_the_block_rolls_back_and_propagates(services: Services) -> None:
    with pytest.raises(KeyError), services.unit_of_work() as uow:
        uow.session.add(_place("Aldrig sparad"))
        uow.flush()
        raise KeyError("boom")
    with services.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(t.Place)) == 0


def test_session_outside_the_block_is_a_bug(services: Services) -> None:
    uow = services.unit_of_work()
    with pytest.raises(RuntimeError, match="outside"):
        _ = uow.session

"""The profile: validation, default themes, replacement keeping the device."""

import pytest

from kommunpolis.composition import Services
from kommunpolis.domain.collation import swedish_key
from kommunpolis.domain.errors import InvalidInput, ProfileExists
from kommunpolis.domain.vocabulary import DEFAULT_THEMES, Role


def test_no_profile_before_the_first_run(bare_services: Services) -> None:
    assert bare_services.profiles.current() is None


def test_create_adds_the_default_themes_once(bare_services: Services) -> None:
    profile = bare_services.profiles.create(name="  Anna  ", role="officer")
    assert profile.name == "Anna"
    assert profile.role is Role.OFFICER
    assert profile.device_id.version == 7
    themes = [row.title for row in bare_services.records.list("themes")]
    assert sorted(themes) == sorted(DEFAULT_THEMES)

    replaced = bare_services.profiles.create(
        name="Bo", role="coordinator", municipality_codes=["0180", "1480", "0180"], replace=True
    )
    assert replaced.device_id == profile.device_id
    assert replaced.municipality_codes == ("0180", "1480")
    assert len(bare_services.records.list("themes")) == len(DEFAULT_THEMES)


def test_themes_are_authored_by_the_profile(bare_services: Services) -> None:
    bare_services.profiles.create(name="Anna", role="officer")
    from kommunpolis.storage import tables as t

    with bare_services.unit_of_work() as uow:
        authors = set(
            uow.session.scalars(t.Theme.__table__.select().with_only_columns(t.Theme.author))
        )
    assert authors == {"Anna"}


def test_create_refuses_a_second_profile(services: Services) -> None:
    with pytest.raises(ProfileExists) as caught:
        services.profiles.create(name="Bo", role="officer")
    assert caught.value.name == "Anna Andersson"
    assert services.profiles.current().name == "Anna Andersson"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": "", "role": "officer"}, "name"),
        ({"name": "x" * 201, "role": "officer"}, "name"),
        ({"name": "A", "role": "chief"}, "role"),
        ({"name": "A", "role": "officer", "municipality_codes": ["0180", "9999"]}, "kommun"),
    ],
)
def test_invalid_profiles_are_refused(bare_services: Services, kwargs, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        bare_services.profiles.create(**kwargs)
    assert caught.value.field == field
    assert bare_services.profiles.current() is None


def test_municipalities_are_the_290_kommuner(bare_services: Services) -> None:
    kommuner = bare_services.profiles.municipalities()
    assert len(kommuner) == 290
    by_code = {m.code: m for m in kommuner}
    assert by_code["0180"].name == "Stockholm"
    names = [m.name for m in kommuner]
    # Swedish order: Å, Ä, Ö come after Z (byte order would put Å first).
    assert names == sorted(names, key=swedish_key)
    assert names[-1] == "Övertorneå"
    assert names.index("Åre") > names.index("Ystad")

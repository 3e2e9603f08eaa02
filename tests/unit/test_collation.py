"""Swedish sort order."""

from kommunpolis.domain.collation import swedish_key


def test_a_ring_a_umlaut_o_umlaut_come_after_z_in_that_order() -> None:
    names = ["Örebro", "Älmhult", "Åre", "Zinkgruvan", "Arboga", "Östersund", "Ängelholm"]
    assert sorted(names, key=swedish_key) == [
        "Arboga",
        "Zinkgruvan",
        "Åre",
        "Älmhult",
        "Ängelholm",
        "Örebro",
        "Östersund",
    ]


def test_case_and_other_accents_do_not_split_neighbours() -> None:
    assert sorted(["ekerö", "Eda", "Élan"], key=swedish_key) == ["Eda", "ekerö", "Élan"]

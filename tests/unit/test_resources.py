"""The data files in resources/ are reachable as the package kommunpolis.resources."""

import csv
import io
from importlib.resources import files


def test_kommuner_csv_lists_all_290_municipalities() -> None:
    """The municipality list ships with the package and is complete."""
    text = (files("kommunpolis.resources") / "kommuner.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 290
    assert {"kommunkod", "kommun", "lanskod", "lan", "polisregion"} <= set(rows[0])
    assert len({row["polisregion"] for row in rows}) == 7


def test_application_icon_is_shipped() -> None:
    """The application icon is an SVG inside the package."""
    icon = files("kommunpolis.resources") / "icons" / "kommunpolis.svg"
    assert icon.read_text(encoding="utf-8").lstrip().startswith("<?xml")

"""`kommunpolis screenshots DIR` renders real windows with demo data."""

from pathlib import Path

from PySide6.QtGui import QImage

from kommunpolis.ui.screenshots import render_screenshots
from kommunpolis.ui.sections import SECTIONS


def test_screenshots_are_real_pictures_of_the_windows(qapp: object, tmp_path: Path) -> None:
    written = render_screenshots(tmp_path / "shots")
    names = [path.name for path in written]
    assert names[0] == "first_run.png" and names[-1] == "search.png"
    assert {f"section_{section.key}.png" for section in SECTIONS} <= set(names)
    for path in written:
        image = QImage(str(path))
        assert not image.isNull(), path
        assert image.width() >= 500 and image.height() >= 400
        # A blank grab is one colour; a rendered window has many.
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 200, 7)}
        assert len(colours) > 20

"""`kommunpolis screenshots DIR` renders real windows with demo data."""

from pathlib import Path

from PySide6.QtGui import QImage

from kommunpolis.ui.screenshots import render_screenshots


def test_screenshots_are_real_pictures_of_the_windows(qapp: object, tmp_path: Path) -> None:
    written = render_screenshots(tmp_path / "shots")
    assert [path.name for path in written] == ["first_run.png", "main_window.png"]
    for path in written:
        image = QImage(str(path))
        assert not image.isNull(), path
        assert image.width() >= 500 and image.height() >= 400
        # A blank grab is one colour; a rendered window has many.
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 200, 7)}
        assert len(colours) > 20

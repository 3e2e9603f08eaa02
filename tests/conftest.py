"""Shared pytest configuration: headless Qt and automatic markers."""

import os
from pathlib import Path

import pytest

# Qt reads this when the QApplication is created; set it before anything imports Qt
# so that tests never need a display or the xcb system libraries.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

UI_TESTS = Path(__file__).parent / "ui"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/ui/ with ``gui``."""
    for item in items:
        if item.path.is_relative_to(UI_TESTS):
            item.add_marker(pytest.mark.gui)

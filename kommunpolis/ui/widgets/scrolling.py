"""A page whose content scrolls instead of squeezing below its minimum size."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scrolling_page(page: QWidget) -> QVBoxLayout:
    """Give ``page`` a frameless scroll area and return the layout to build its content in.

    In a small window, or with large text (150 % scaling), the content keeps every
    part's minimum size and scrolls, where a plain layout would squeeze fields until
    they are clipped.
    """
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    outer.addWidget(scroll)
    content = QWidget(scroll)
    scroll.setWidget(content)
    layout = QVBoxLayout(content)
    layout.setContentsMargins(8, 8, 8, 8)
    return layout

"""Render a document model (``services.documents``) to an A4 PDF with Qt's own writer.

The model becomes HTML for a :class:`QTextDocument`, laid out at the PDF writer's
resolution and painted page by page onto a :class:`QPdfWriter`, with a footer and
"Sida N av M" on every page. The PDF is made in memory and then written atomically:
a temporary file beside the target, fsync, rename — so a target that cannot be written
gives :class:`DocumentWriteFailed` and never leaves a half-written PDF.

Rendering needs a ``QGuiApplication``; :func:`ensure_gui_application` makes one on the
offscreen platform when there is none (the command line has no window). A lägesbild's
:class:`~kommunpolis.services.documents.ChartRequest` is drawn here, with the builder's
own charts (``render_charts``), so rendering runs on the GUI thread.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication

from kommunpolis.domain.errors import DocumentWriteFailed
from kommunpolis.domain.vocabulary import FollowUpMark
from kommunpolis.services.documents import (
    Block,
    BulletList,
    ChartRequest,
    Document,
    Facts,
    Image,
    Paragraph,
    Subheading,
    Table,
    TextStyle,
)

RESOLUTION = 300  # dots per inch of the PDF's layout; fonts are set in points
CSS_DPI = 96  # what an HTML pixel is in Qt's rich text
MARGIN_MM = (20.0, 18.0, 20.0, 22.0)  # left, top, right, bottom (the footer sits in it)
FOOTER_GAP_MM = 9.0  # from the text's bottom to the footer's baseline area
# Qt embeds TrueType fonts with their Unicode maps (so the text can be copied and
# searched); the first family that exists on the machine is used.
FONT_FAMILIES = ("Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans", "DejaVu Sans")
BODY_PT = 10.0
KEEP_WITH_NEXT_PT = 54.0  # room a heading needs below it on its page (about 3 lines)
# The charts' size in pixels: narrower than the builder's, so that their labels stay
# readable at the width of an A4 page's text.
CHART_PIXELS = (1000, 440)

INK = "#1c2430"
MUTED = "#5b6675"
ACCENT = "#0b3d6e"  # a sober police blue
RULE = "#c9d1db"
HEADER_FILL = "#e9eef4"
GAP_FILL = "#fff4e0"
GAP_RULE = "#e0a63a"
MARK_FILL = {
    FollowUpMark.GREEN: "#d6efd9",
    FollowUpMark.YELLOW: "#fbefc4",
    FollowUpMark.RED: "#f6d3d3",
}


@dataclass(frozen=True)
class WrittenPdf:
    """A PDF that was written: where, how many pages, how many bytes."""

    path: Path
    pages: int
    size: int


def ensure_gui_application() -> QGuiApplication:
    """Return the running QGuiApplication, or create one on the offscreen platform.

    A QApplication (a QGuiApplication that also allows widgets) is created so that a
    later part of the same process — a test, the GUI — can still use widgets.
    """
    app = QGuiApplication.instance()
    if app is None:
        return QApplication(["kommunpolis", "-platform", "offscreen"])
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("a QCoreApplication runs; PDF rendering needs a QGuiApplication")
    return app


def write_pdf(document: Document, target: Path) -> WrittenPdf:
    """Render ``document`` and write it to ``target`` atomically; return what was written."""
    data, pages = render_pdf(document)
    _write_atomically(target, data)
    return WrittenPdf(path=target, pages=pages, size=len(data))


def render_pdf(document: Document) -> tuple[bytes, int]:
    """Return the PDF's bytes and its page count (needs a QGuiApplication)."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(
        f"{document.title} – {document.subtitle}" if document.subtitle else document.title
    )
    writer.setCreator("Kommunpolis")
    orientation = (
        QPageLayout.Orientation.Landscape
        if document.landscape
        else QPageLayout.Orientation.Portrait
    )
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    page = writer.pageLayout().fullRectPixels(RESOLUTION)
    left, top, right, bottom = (_px(mm) for mm in MARGIN_MM)
    body = QRectF(left, top, page.width() - left - right, page.height() - top - bottom)

    text = QTextDocument()
    text.documentLayout().setPaintDevice(writer)
    text.setDefaultFont(_font(BODY_PT))
    text.setDocumentMargin(0)
    text.setPageSize(QSizeF(body.width(), body.height()))
    for number, image in enumerate(_images(document)):
        text.addResource(QTextDocument.ResourceType.ImageResource, _image_url(number), image)
    text.setHtml(to_html(document, body.width()))
    _keep_headings_with_next(text, body.height())
    pages = text.pageCount()

    painter = QPainter(writer)
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(body.left(), body.top() - index * body.height())
            text.drawContents(
                painter, QRectF(0, index * body.height(), body.width(), body.height())
            )
            painter.restore()
            _draw_footer(painter, document, page.width(), page.height(), index + 1, pages)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data()), pages


def _keep_headings_with_next(text: QTextDocument, page_height: float) -> None:
    """Move a heading that would end a page, with too little room below it, to the next.

    Qt's rich text knows page breaks but not "keep with next", so each heading's place
    is checked after layout, top to bottom (an earlier move shifts the later ones). The
    headings right above a moved one ("Fokusområde …", "Polisen lovar att") move with it.
    """
    room = KEEP_WITH_NEXT_PT / 72 * RESOLUTION
    layout = text.documentLayout()
    # Lay out the whole document first. Qt lays out lazily, only up to the block asked
    # about; a page break merged into a half laid-out document left the blocks after it
    # unplaced, and pageCount() then missed them: the end of a long document was lost.
    layout.documentSize()
    block = text.begin()
    run_start: QTextBlock | None = None  # the first of the headings right above ``block``
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            rect = layout.blockBoundingRect(block)
            page = rect.top() // page_height
            page_end = (page + 1) * page_height
            if page_end - rect.bottom() < room and rect.top() % page_height > 1:
                first = block
                if run_start is not None:
                    above = layout.blockBoundingRect(run_start).top()
                    if above // page_height == page and above % page_height > 1:
                        first = run_start
                policy = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
                block_format = QTextBlockFormat()
                block_format.setPageBreakPolicy(policy)
                QTextCursor(first).mergeBlockFormat(block_format)
            if run_start is None:
                run_start = block
        elif block.text().strip():
            run_start = None
        block = block.next()


def _px(mm: float) -> float:
    return mm / 25.4 * RESOLUTION


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _draw_footer(
    painter: QPainter, document: Document, width: float, height: float, page: int, pages: int
) -> None:
    left, _top, right, bottom = (_px(mm) for mm in MARGIN_MM)
    y = height - bottom + _px(FOOTER_GAP_MM)
    painter.save()
    painter.setPen(QPen(QColor(RULE), _px(0.25)))
    painter.drawLine(QPointF(left, y - _px(4)), QPointF(width - right, y - _px(4)))
    painter.setPen(QColor(MUTED))
    painter.setFont(_font(7.5))
    box = QRectF(left, y - _px(3), width - left - right, _px(6))
    number = document.page_label.format(page=page, pages=pages)
    metrics = painter.fontMetrics()
    room = box.width() - metrics.horizontalAdvance(number) - _px(8)
    footer = metrics.elidedText(document.footer, Qt.TextElideMode.ElideRight, int(room))
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), footer)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), number)
    painter.restore()


# --- HTML -----------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text).replace("\n", "<br/>")


# The last parts of the long compounds that name Swedish authorities and teams; a
# narrow table column may break a word before them (a soft hyphen) instead of anywhere.
_COMPOUND_ENDS = re.compile(
    r"(?<=\w{4})(förvaltning(?:en)?|nämnd(?:en)?|kontor(?:et)?|bolag(?:et)?|enhet(?:en)?|"
    r"samordnare|polisen|avdelning(?:en)?|tjänst(?:en)?)",
    re.IGNORECASE,
)


def _cell_text(text: str) -> str:
    """Escape a table cell, letting long compounds break where Swedish does."""
    return _COMPOUND_ENDS.sub("\u00ad\\1", _e(text))


def _image_url(number: int) -> str:
    return f"kommunpolis-image-{number}"


def _images(document: Document) -> list[QImage]:
    images = []
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, Image):
                image = QImage()
                image.loadFromData(block.data)
                images.append(image)
            elif isinstance(block, ChartRequest):
                images.append(_chart_image(block))
    return images


def _chart_image(request: ChartRequest) -> QImage:
    """Draw a lägesbild's charts (Qt Charts needs a QApplication and the GUI thread)."""
    # Imported here: Qt Charts is only needed by the documents that have charts.
    from kommunpolis.ui.pages.situation_builder import render_charts

    return render_charts(request.summary, QSize(*CHART_PIXELS))


def to_html(document: Document, text_width: float) -> str:
    """Return the HTML that :func:`render_pdf` lays out (``text_width`` in device pixels)."""
    parts = [
        f'<p style="color:{ACCENT}; font-size:8.5pt; font-weight:600; margin-bottom:5px;">'
        f"{_e(document.issuer.upper())}</p>",
        f'<p style="color:{INK}; font-size:24pt; font-weight:700; margin-top:0; '
        f'margin-bottom:3px;">{_e(document.title)}</p>',
    ]
    if document.subtitle:
        parts.append(
            f'<p style="color:{MUTED}; font-size:12pt; margin-top:0; margin-bottom:5px;">'
            f"{_e(document.subtitle)}</p>"
        )
    parts.append(
        f'<table width="100%" cellspacing="0" cellpadding="0" style="margin-bottom:16px;">'
        f'<tr><td style="background-color:{ACCENT}; font-size:2pt;">&nbsp;</td></tr></table>'
    )
    if document.gaps:
        items = "".join(f"<li>{_e(gap.text)}</li>" for gap in document.gaps)
        parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="8" '
            f'style="margin-bottom:13px; border-collapse:collapse;">'
            f'<tr><td style="background-color:{GAP_FILL}; border-left:3px solid {GAP_RULE};">'
            f'<p style="font-weight:700; color:{INK}; margin:0;">{_e(document.gaps_heading)}</p>'
            f'<ul style="margin-top:4px; margin-bottom:0;">{items}</ul></td></tr></table>'
        )
    image_number = 0
    for index, section in enumerate(document.sections):
        if section.heading:
            size, space = ("15pt", "24px") if section.level == 1 else ("12.5pt", "16px")
            tag = "h2" if section.level == 1 else "h3"
            parts.append(
                f'<{tag} style="color:{ACCENT}; font-size:{size}; font-weight:700; '
                f'margin-top:{space}; margin-bottom:7px;">{_e(section.heading)}</{tag}>'
            )
        elif index:
            parts.append('<p style="font-size:4pt; margin-top:8px; margin-bottom:0;">&nbsp;</p>')
        for block in section.blocks:
            if isinstance(block, Image | ChartRequest):
                parts.append(_image_html(block, image_number, text_width))
                image_number += 1
            else:
                parts.append(_block_html(block))
    return f'<html><body style="color:{INK}; font-size:{BODY_PT}pt;">{"".join(parts)}</body></html>'


def _block_html(block: Block) -> str:
    if isinstance(block, Paragraph):
        style = {
            TextStyle.BODY: "margin-top:0; margin-bottom:8px; line-height:130%;",
            TextStyle.LEAD: "font-size:12pt; margin-top:0; margin-bottom:11px; line-height:135%;",
            TextStyle.NOTE: f"font-size:8pt; color:{MUTED}; margin-bottom:5px;",
            TextStyle.SIGNATURE: "margin-top:19px; margin-bottom:0; line-height:130%;",
        }[block.style]
        return f'<p style="{style}">{_e(block.text)}</p>'
    if isinstance(block, Subheading):
        return (
            f'<h4 style="font-size:11pt; font-weight:700; margin-top:12px; margin-bottom:4px;">'
            f"{_e(block.text)}</h4>"
        )
    if isinstance(block, BulletList):
        items = "".join(
            f'<li style="margin-bottom:4px; line-height:130%;">{_e(item)}</li>'
            for item in block.items
        )
        return f'<ul style="margin-top:3px; margin-bottom:11px; -qt-list-indent:1;">{items}</ul>'
    if isinstance(block, Facts):
        rows = "".join(
            f'<tr><td style="color:{MUTED}; padding:1px 16px 1px 0;">{_e(label)}</td>'
            f'<td style="padding:1px 0;">{_e(value)}</td></tr>'
            for label, value in block.rows
        )
        return f'<table cellspacing="0" style="margin-bottom:11px;">{rows}</table>'
    if isinstance(block, Table):
        return _table_html(block)
    raise TypeError(f"unknown block {block!r}")


def _table_html(table: Table) -> str:
    total = sum(column.width for column in table.columns) or 1
    head = "".join(
        f'<th width="{column.width * 100 // total}%" align="left" '
        f'style="background-color:{HEADER_FILL}; font-size:8.5pt; font-weight:700; '
        f'border-bottom:1px solid {RULE};">{_e(column.title)}</th>'
        for column in table.columns
    )
    rows = []
    for row in table.rows:
        cells = []
        for cell in row:
            fill = f"background-color:{MARK_FILL[cell.mark]};" if cell.mark else ""
            cells.append(
                f'<td style="{fill} font-size:8.5pt; border-bottom:1px solid {RULE};">'
                f"{_cell_text(cell.text)}</td>"
            )
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<table width="100%" cellspacing="0" cellpadding="4" '
        f'style="border-collapse:collapse; margin-bottom:13px;">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _image_html(image: Image | ChartRequest, number: int, text_width: float) -> str:
    # An <img> width is in CSS pixels (1/96 inch), which the layout scales to the PDF
    # writer's resolution; ``text_width`` is in the writer's device pixels.
    width = int(text_width * max(0.1, min(1.0, image.width_share)) * CSS_DPI / RESOLUTION)
    caption = (
        f'<p style="font-size:8.5pt; color:{MUTED}; margin-top:3px;">{_e(image.caption)}</p>'
        if image.caption
        else ""
    )
    picture = f'<img src="{_image_url(number)}" width="{width}"/>'
    return f'<p style="margin-bottom:0;">{picture}</p>{caption}'


# --- writing ----------------------------------------------------------------------------


def _write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, fsync, then rename it."""
    folder = target.parent
    temporary: str | None = None
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{target.name}.", suffix=".part"
        )
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
        temporary = None
        _fsync_folder(folder)
    except OSError as error:
        raise DocumentWriteFailed(target, error.strerror or str(error)) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the system allows opening a folder (not Windows)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)

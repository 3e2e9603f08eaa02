"""Write any record list as a CSV file that Swedish Excel opens as it is.

The rows and columns are exactly those of the list a person sees (the column spec and
order of :mod:`kommunpolis.services.listing`, the same filters and sort).

The file format, and why:

- **UTF-8 with a byte-order mark.** Excel takes a CSV file without a BOM to be in the
  Windows code page (cp1252) and turns å, ä and ö into mojibake; the BOM makes it read
  UTF-8. LibreOffice, Numbers and Python (``encoding="utf-8-sig"``) all accept it.
- **Semicolon separators.** Excel splits a CSV file on the list separator of the
  computer's region, which is ``;`` in Swedish settings because ``,`` is the decimal
  comma; a comma-separated file would open as one column.
- **Decimal comma, ISO dates.** Numbers are written ``12,5`` and dates ``2026-03-01``
  (times ``2026-03-01 18:30``, in local time), which Swedish Excel reads as numbers and
  dates, not text. Lines end in CRLF and fields are quoted only when needed (RFC 4180).

Sensitivity: records marked *sekretess* — police-only material such as police-only
sources and intelligence-based records — are left out unless ``include_secret`` is
given, since the file is meant for the coordinators' spreadsheets; *intern* and
*öppen* records are written. The file is written to a temporary name beside the target
and renamed when complete, so a failure never leaves a half-written file.

This module does not know Qt: the interface passes its own translated ``header`` and
``code_label`` functions (the command line and the GUI pass the list's own Swedish
headers and labels); without them the column keys and code values are written.
"""

from __future__ import annotations

import csv
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kommunpolis.domain.errors import CsvWriteFailed
from kommunpolis.domain.vocabulary import Sensitivity
from kommunpolis.services.listing import (
    MAX_ROWS_PER_CALL,
    ListingService,
    ListQuery,
    columns,
)
from kommunpolis.storage.kinds import KINDS_BY_NAME
from kommunpolis.storage.unit_of_work import UnitOfWork

DELIMITER = ";"
ENCODING = "utf-8-sig"  # UTF-8 with the byte-order mark Excel needs

HeaderLabel = Callable[[str], str]
CodeLabel = Callable[[StrEnum], str]


@dataclass(frozen=True)
class CsvExportResult:
    """What an export wrote."""

    path: Path
    kind: str
    rows: int
    left_out_secret: int
    """Records marked sekretess that were left out."""


def format_value(value: Any, code_label: CodeLabel = str) -> str:
    """Return the text a CSV cell holds for ``value`` (see the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return code_label(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format(value, "g").replace(".", ",")
    return str(value)


class CsvExporter:
    """Write the rows of any listable kind to a CSV file for spreadsheets."""

    def __init__(self, *, uow: Callable[[], UnitOfWork]) -> None:
        self._uow = uow
        self._listing = ListingService(uow=uow)

    @staticmethod
    def kinds() -> tuple[str, ...]:
        """Return the kinds that can be exported (those with a list)."""
        return ListingService.kinds()

    def export(
        self,
        kind: str,
        path: Path,
        *,
        query: ListQuery | None = None,
        include_secret: bool = False,
        header: HeaderLabel = str,
        code_label: CodeLabel = str,
    ) -> CsvExportResult:
        """Write the list of ``kind`` (filtered and sorted by ``query``) to ``path``."""
        spec_columns = columns(kind)
        ids = self._listing.ids(kind, query)
        secret = self._secret_ids(kind) if not include_secret else set()
        kept = [record_id for record_id in ids if record_id not in secret]
        partial = path.with_name(f".{path.name}.partial")
        try:
            with partial.open("w", encoding=ENCODING, newline="") as stream:
                writer = csv.writer(stream, delimiter=DELIMITER, lineterminator="\r\n")
                writer.writerow([header(column.key) for column in spec_columns])
                for start in range(0, len(kept), MAX_ROWS_PER_CALL):
                    page = kept[start : start + MAX_ROWS_PER_CALL]
                    writer.writerows(
                        [format_value(value, code_label) for value in row.values]
                        for row in self._listing.rows(kind, page)
                    )
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(partial, path)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise CsvWriteFailed(path, error.strerror or str(error)) from error
        return CsvExportResult(
            path=path, kind=kind, rows=len(kept), left_out_secret=len(ids) - len(kept)
        )

    def _secret_ids(self, kind: str) -> set[uuid.UUID]:
        model = KINDS_BY_NAME[kind].model
        with self._uow() as uow:
            return set(
                uow.session.scalars(select(model.id).where(model.sensitivity == Sensitivity.SECRET))
            )

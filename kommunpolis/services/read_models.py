"""Frozen read models: what services hand to the command line and the UI."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kommunpolis.domain.vocabulary import Role, Sensitivity, SourceType


@dataclass(frozen=True)
class ProfileView:
    """The officer or coordinator using this installation."""

    name: str
    role: Role
    district_name: str | None
    device_id: uuid.UUID
    municipality_codes: tuple[str, ...]
    created_at: datetime


@dataclass(frozen=True)
class MunicipalityView:
    """A kommun with its county and police region."""

    code: str
    name: str
    county_name: str
    police_region: str


@dataclass(frozen=True)
class KindCount:
    """How many records of one kind are live and how many are tombstoned."""

    kind: str
    live: int
    tombstoned: int


@dataclass(frozen=True)
class RecordSummary:
    """One record in a list: id, a title and its status (if it has one)."""

    kind: str
    id: uuid.UUID
    title: str
    status: str | None
    updated_at: datetime
    deleted: bool


@dataclass(frozen=True)
class CheckReport:
    """The result of a database health check."""

    database: Path
    integrity: tuple[str, ...]
    foreign_key_violations: tuple[str, ...]
    attachment_problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Whether nothing was found wrong."""
        return not (self.integrity or self.foreign_key_violations or self.attachment_problems)


@dataclass(frozen=True)
class BackupView:
    """A backup copy of the database."""

    path: Path
    size: int
    modified_at: datetime


@dataclass(frozen=True)
class SourceView:
    """A source of a situation picture, and so of the problems it supports; police-only
    ones never reach citizens."""

    id: uuid.UUID
    source_type: SourceType
    description: str
    police_only: bool
    sensitivity: Sensitivity

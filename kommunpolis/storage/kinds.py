"""The record kinds a person can list, count and address by name."""

from __future__ import annotations

from dataclasses import dataclass

from kommunpolis.storage import tables as t


@dataclass(frozen=True)
class RecordKind:
    """A listable kind of record: its command-line name, table, title and status columns."""

    name: str
    model: type[t.Record]
    title_column: str
    status_column: str | None = None


KINDS: tuple[RecordKind, ...] = (
    RecordKind("districts", t.District, "name"),
    RecordKind("places", t.Place, "name"),
    RecordKind("organisations", t.Organisation, "name"),
    RecordKind("contacts", t.Contact, "name"),
    RecordKind("themes", t.Theme, "name"),
    RecordKind("dialogues", t.Dialogue, "title", "status"),
    RecordKind("concerns", t.Concern, "text"),
    RecordKind("meetings", t.Meeting, "title", "minutes_status"),
    RecordKind("decisions", t.Decision, "text"),
    RecordKind("action-items", t.ActionItem, "what", "status"),
    RecordKind("situation-pictures", t.SituationPicture, "title"),
    RecordKind("sources", t.Source, "description"),
    RecordKind("problems", t.Problem, "title", "status"),
    RecordKind("analyses", t.RootCauseAnalysis, "scanning"),
    RecordKind("causes", t.Cause, "text"),
    RecordKind("agreements", t.Agreement, "title", "status"),
    RecordKind("agreement-parties", t.AgreementParty, "signatory_name"),
    RecordKind("promises", t.Promise, "title", "status"),
    RecordKind("commitments", t.Commitment, "text"),
    RecordKind("measures", t.Measure, "title", "status"),
    RecordKind("indicators", t.Indicator, "name"),
    RecordKind("indicator-values", t.IndicatorValue, "note"),
    RecordKind("followups", t.FollowUp, "narrative"),
    RecordKind("followup-measures", t.FollowUpMeasure, "note", "status"),
    RecordKind("attachments", t.Attachment, "filename"),
)

KINDS_BY_NAME = {kind.name: kind for kind in KINDS}


def all_record_tables() -> list[type[t.Record]]:
    """Return every synced record class, links included, in table-name order."""
    return sorted(
        (
            mapper.class_
            for mapper in t.Base.registry.mappers
            if issubclass(mapper.class_, t.Record)
        ),
        key=lambda cls: cls.__tablename__,
    )

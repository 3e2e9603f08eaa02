"""Import: two officers and a coordinator exchange bundles; merges, conflicts, gaps, guards."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kommunpolis.composition import Services
from kommunpolis.domain.errors import BundleUnknownSender, MassDeleteRefused
from kommunpolis.domain.vocabulary import DialogueFormat, DialogueKind, ParticipationLevel, Role
from kommunpolis.services.demo import DemoService
from kommunpolis.services.importing import ImportReport
from kommunpolis.storage import tables as t
from kommunpolis.storage.kinds import all_record_tables
from tests.integration.conftest import installation

KOMMUN = "0180"


@dataclass
class Region:
    """Anna and Bo (officers) and Carl (coordinator), each with an own data dir."""

    anna: Services
    bo: Services
    carl: Services
    folder: Path
    count: int = 0

    def send(self, sender: Services, *to: Services, full: bool = False) -> Path:
        """Export from ``sender`` to the others; return the bundle's path."""
        self.count += 1
        path = self.folder / f"bundle-{self.count}.kpb"
        targets = [services.identity.public().device_id for services in to]
        sender.exchange.export(path, targets, full=full)
        return path

    def deliver(self, sender: Services, receiver: Services, **options: bool) -> ImportReport:
        """Export from ``sender`` to ``receiver`` and import it there."""
        return receiver.importing.import_bundles([self.send(sender, receiver)], **options)


@pytest.fixture
def region(tmp_path: Path, head_database: Path) -> Iterator[Region]:
    people = [
        installation(tmp_path / "anna", head_database, "Anna Andersson", Role.OFFICER),
        installation(tmp_path / "bo", head_database, "Bo Berg", Role.OFFICER),
        installation(tmp_path / "carl", head_database, "Carl Carlsson", Role.COORDINATOR),
    ]
    for one in people:
        for other in people:
            if one is not other:
                one.identity.trust(other.identity.public())
    try:
        yield Region(*people, folder=tmp_path)
    finally:
        for services in people:
            services.close()


def _state(services: Services) -> dict[str, dict[uuid.UUID, tuple[object, ...]]]:
    """Every synced record's columns except the local ones, by table and id."""
    state: dict[str, dict[uuid.UUID, tuple[object, ...]]] = {}
    with services.unit_of_work() as uow:
        for model in all_record_tables():
            table = model.__table__
            columns = [c for c in table.columns if c.name != "local_version"]
            rows = uow.session.execute(select(*columns)).all()
            state[table.name] = {row.id: tuple(row) for row in rows}
    return state


def _dialogue(services: Services, title: str) -> uuid.UUID:
    detail = services.editing.new(
        "dialogues",
        {
            "title": title,
            "kind": DialogueKind.CITIZEN,
            "format": DialogueFormat.OPEN_MEETING,
            "participation_level": ParticipationLevel.CONSULTATION,
            "starts_at": datetime(2026, 10, 1, 18, tzinfo=UTC),
            "municipality_code": KOMMUN,
        },
    )
    return detail.id


def _edit(services: Services, record_id: uuid.UUID, **values: object) -> None:
    with services.unit_of_work() as uow:
        record = uow.session.get(t.Dialogue, record_id)
        assert record is not None
        for name, value in values.items():
            setattr(record, name, value)
        uow.commit()


def _get(services: Services, record_id: uuid.UUID) -> t.Dialogue:
    with services.unit_of_work() as uow:
        record = uow.session.get(t.Dialogue, record_id)
        assert record is not None
        uow.session.expunge(record)
        return record


def test_a_bundle_is_imported_once_and_again_changes_nothing(region: Region) -> None:
    DemoService(database=region.anna.database, clock=region.anna.clock).generate(
        dialogues=5, seed=3
    )
    path = region.send(region.anna, region.carl)
    preview = region.carl.importing.import_bundles([path], dry_run=True)
    assert not preview.applied
    assert _state(region.carl)["dialogue"] == {}, "a dry run writes nothing"

    report = region.carl.importing.import_bundles([path])
    outcome = report.bundles[0]
    assert outcome.counts == preview.bundles[0].counts, "the preview is what the import did"
    assert outcome.counts["new"] > 50 and outcome.counts["conflicting"] == 0
    assert outcome.changed and outcome.already_imported is None
    anna, carl = _state(region.anna), _state(region.carl)
    for table in anna:
        if table in ("source", "problem_source"):  # police-only ones stay with Anna
            assert carl[table].items() < anna[table].items(), table
        elif table == "theme":  # Carl's own are newer: Anna gets them when Carl sends
            assert set(carl[table]) == set(anna[table])
        else:
            assert carl[table] == anna[table], table
    # The default themes have the same ids everywhere: one list, no duplicates.
    assert set(carl["theme"]) == set(anna["theme"])

    again = region.carl.importing.import_bundles([path]).bundles[0]
    assert again.already_imported is not None and not again.changed
    assert _state(region.carl) == carl


def test_edits_of_different_fields_on_two_devices_both_survive(region: Region) -> None:
    dialogue = _dialogue(region.anna, "Trygghetsvandring i Rinkeby")
    region.deliver(region.anna, region.carl)
    _edit(region.anna, dialogue, title="Trygghetsvandring i Rinkeby centrum")
    _edit(region.carl, dialogue, participant_count=14)
    to_carl = region.deliver(region.anna, region.carl)
    to_anna = region.deliver(region.carl, region.anna)
    assert to_carl.bundles[0].conflicts == () and to_anna.bundles[0].conflicts == ()
    for services in (region.anna, region.carl):
        record = _get(services, dialogue)
        assert (record.title, record.participant_count) == (
            "Trygghetsvandring i Rinkeby centrum",
            14,
        )
    assert _state(region.anna)["dialogue"] == _state(region.carl)["dialogue"]


def test_a_concurrent_edit_of_one_field_is_a_conflict_with_the_same_winner_everywhere(
    region: Region,
) -> None:
    dialogue = _dialogue(region.anna, "Medborgardialog")
    region.deliver(region.anna, region.carl)
    _edit(region.anna, dialogue, notes="Anna: oro för buskörning vid skolan")
    _edit(region.carl, dialogue, notes="Carl: oro för mopeder på torget")
    at_carl = region.deliver(region.anna, region.carl).bundles[0]
    at_anna = region.deliver(region.carl, region.anna).bundles[0]
    assert at_carl.counts["conflicting"] == 1 and at_anna.counts["conflicting"] == 1
    carl_conflict, anna_conflict = at_carl.conflicts[0], at_anna.conflicts[0]
    assert carl_conflict.field == anna_conflict.field == "notes"
    assert {carl_conflict.local_value, carl_conflict.incoming_value} == {
        "Anna: oro för buskörning vid skolan",
        "Carl: oro för mopeder på torget",
    }
    assert _get(region.anna, dialogue).notes == _get(region.carl, dialogue).notes
    assert len(region.carl.importing.conflicts()) == 1

    # Resolve on Carl's side by keeping the value that lost: a new edit, no new conflict.
    loser = (
        carl_conflict.local_value
        if carl_conflict.winner == "incoming"
        else carl_conflict.incoming_value
    )
    region.carl.importing.resolve(carl_conflict.id, keep="other")
    assert region.carl.importing.conflicts() == ()
    assert _get(region.carl, dialogue).notes == loser
    back = region.deliver(region.carl, region.anna).bundles[0]
    assert back.counts["conflicting"] == 0 and back.counts["updated"] == 1
    assert _get(region.anna, dialogue).notes == loser


def test_an_edit_made_after_receiving_is_no_conflict(region: Region) -> None:
    dialogue = _dialogue(region.anna, "Skoldialog")
    _edit(region.anna, dialogue, notes="första")
    region.deliver(region.anna, region.carl)
    _edit(region.carl, dialogue, notes="andra, efter Annas")
    _edit(region.carl, dialogue, notes="tredje, efter Annas")
    outcome = region.deliver(region.carl, region.anna).bundles[0]
    assert outcome.counts["conflicting"] == 0 and outcome.counts["updated"] == 1
    assert _get(region.anna, dialogue).notes == "tredje, efter Annas"
    # And back again: Anna's older version is stale there, not a conflict.
    stale = region.deliver(region.anna, region.carl).bundles[0]
    assert stale.counts["conflicting"] == 0


def test_records_travel_on_through_the_coordinator(region: Region) -> None:
    dialogue = _dialogue(region.anna, "Dialog i Tensta")
    region.deliver(region.anna, region.carl)
    # Carl had already exported to Bo before; Anna's record must still reach Bo.
    region.deliver(region.carl, region.bo)
    region.deliver(region.anna, region.carl)
    assert _get(region.bo, dialogue).title == "Dialog i Tensta"
    _edit(region.anna, dialogue, title="Dialog i Tensta centrum")
    region.deliver(region.anna, region.carl)
    region.deliver(region.carl, region.bo)
    assert _get(region.bo, dialogue).title == "Dialog i Tensta centrum"


def test_bundles_in_any_order_end_the_same_and_gaps_are_named(region: Region) -> None:
    dialogue = _dialogue(region.anna, "Dialog på torget")
    first = region.send(region.anna, region.carl)
    concern = region.anna.editing.new(
        "concerns",
        {
            "dialogue_id": dialogue,
            "theme_id": region.anna.editing.frequent_themes()[0].id,
            "text": "Mopeder på gångbanan",
        },
    ).id
    second = region.send(region.anna, region.carl)
    _edit(region.anna, dialogue, title="Dialog på Järva torg")
    third = region.send(region.anna, region.carl)

    report = region.carl.importing.import_bundles([third])
    assert report.bundles[0].counts["waiting"] == 0  # the dialogue itself travels again
    assert [(gap.first, gap.last) for gap in report.gaps] == [(1, 2)]
    assert report.gaps[0].sender_name == "Anna Andersson"
    report = region.carl.importing.import_bundles([second])
    assert [(gap.first, gap.last) for gap in report.gaps] == [(1, 1)]
    report = region.carl.importing.import_bundles([first])
    assert report.gaps == ()

    with region.carl.unit_of_work() as uow:
        assert uow.session.get(t.Concern, concern) is not None
        assert uow.session.scalar(select(func.count()).select_from(t.PendingRecord)) == 0
    assert _get(region.carl, dialogue).title == "Dialog på Järva torg"
    anna, carl = _state(region.anna), _state(region.carl)
    assert carl["dialogue"] == anna["dialogue"] and carl["concern"] == anna["concern"]


def test_a_record_whose_parent_has_not_arrived_waits_and_is_let_in_later(region: Region) -> None:
    dialogue = _dialogue(region.anna, "Dialog med föräldrar")
    region.send(region.anna, region.carl)  # lost on the way
    themes = region.anna.editing.frequent_themes()
    region.anna.editing.new(
        "concerns", {"dialogue_id": dialogue, "theme_id": themes[0].id, "text": "Belysning"}
    )
    later = region.send(region.anna, region.carl)
    outcome = region.carl.importing.import_bundles([later]).bundles[0]
    assert outcome.counts["waiting"] == 1 and outcome.counts["new"] == 0
    # A full export brings the dialogue; the waiting concern comes in with it.
    full = region.send(region.anna, region.carl, full=True)
    outcome = region.carl.importing.import_bundles([full]).bundles[0]
    assert outcome.counts["released"] == 0 or outcome.counts["new"] >= 2
    with region.carl.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(t.PendingRecord)) == 0
        assert uow.session.scalar(select(func.count()).select_from(t.Concern)) == 1


def test_tombstones_delete_and_a_mass_delete_stops_and_asks(region: Region) -> None:
    ids = [_dialogue(region.anna, f"Dialog {number}") for number in range(30)]
    region.deliver(region.anna, region.carl)
    region.anna.records.delete("dialogues", ids[0])
    outcome = region.deliver(region.anna, region.carl).bundles[0]
    assert outcome.counts["deleted"] == 1
    assert _get(region.carl, ids[0]).deleted_at is not None

    for record_id in ids[1:]:
        region.anna.records.delete("dialogues", record_id)
    path = region.send(region.anna, region.carl)
    before = _state(region.carl)
    with pytest.raises(MassDeleteRefused) as refused:
        region.carl.importing.import_bundles([path])
    assert refused.value.deleting == 29
    assert _state(region.carl) == before, "a refused import changes nothing"
    outcome = region.carl.importing.import_bundles([path], allow_mass_delete=True).bundles[0]
    assert outcome.counts["deleted"] == 29


def test_an_unknown_sender_is_refused_with_its_fingerprint(
    region: Region, tmp_path: Path, head_database: Path
) -> None:
    stranger = installation(tmp_path / "stranger", head_database, "Okänd", Role.OFFICER)
    try:
        stranger.identity.trust(region.carl.identity.public())
        _dialogue(stranger, "Okänd dialog")
        path = region.send(stranger, region.carl)
        before = _state(region.carl)
        with pytest.raises(BundleUnknownSender) as refused:
            region.carl.importing.import_bundles([path])
        assert refused.value.fingerprint == stranger.identity.public().fingerprint
        assert _state(region.carl) == before
    finally:
        stranger.close()


def test_attachment_files_travel_with_their_records(region: Region, tmp_path: Path) -> None:
    dialogue = _dialogue(region.anna, "Dialog med bilder")
    photo = tmp_path / "skiss.png"
    photo.write_bytes(b"\x89PNG fictional sketch of the square " * 2000)
    sha256, size = region.anna.attachments.put(photo)
    with region.anna.unit_of_work() as uow:
        uow.session.add(
            t.Attachment(
                owner_kind="dialogues",
                owner_id=dialogue,
                sha256=sha256,
                filename="skiss.png",
                media_type="image/png",
                size=size,
            )
        )
        uow.commit()
    outcome = region.deliver(region.anna, region.carl).bundles[0]
    assert outcome.counts["files"] == 1
    assert region.carl.attachments.verify(sha256)
    assert not region.carl.maintenance.check().attachment_problems
    # A later bundle without changes to the attachment carries no file again.
    _edit(region.anna, dialogue, title="Dialog med skisser")
    assert region.deliver(region.anna, region.carl).bundles[0].counts["files"] == 0


def test_an_export_clears_the_temporary_file_a_killed_export_left(region: Region) -> None:
    target = region.folder / "till-carl.kpb"
    stale = region.folder / ".till-carl.kpb.abc123.tmp"
    stale.write_bytes(b"half a bundle")
    other = region.folder / ".another.kpb.abc123.tmp"
    other.write_bytes(b"someone else's")
    region.anna.exchange.export(target, [region.carl.identity.public().device_id])
    assert target.exists() and not stale.exists() and other.exists()


@pytest.mark.parametrize("failing", ["mkdtemp", "encrypt_io"])
def test_a_full_data_disk_while_building_the_payload_fails_the_export_cleanly(
    region: Region, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    import errno
    import tempfile

    import pyrage

    from kommunpolis.domain.errors import BundleWriteFailed

    _dialogue(region.anna, "Dialog")
    target = region.folder / "till-carl.kpb"

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    module = tempfile if failing == "mkdtemp" else pyrage
    with monkeypatch.context() as patch:
        patch.setattr(module, failing, full)
        with pytest.raises(BundleWriteFailed) as failed:
            region.anna.exchange.export(target, [region.carl.identity.public().device_id])
    assert "No space left" in str(failed.value)
    assert not target.exists()
    scratch = region.anna.paths.data_dir / "scratch"
    assert not scratch.exists() or not any(scratch.iterdir())
    assert region.anna.exchange.marks() == ()

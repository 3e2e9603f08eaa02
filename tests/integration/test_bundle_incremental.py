"""Incremental export: per-recipient marks, this device's bundle sequence, failures resend."""

from __future__ import annotations

import io
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from kommunpolis.cli import main
from kommunpolis.composition import Services, build_services
from kommunpolis.domain.errors import BundleInvalid, BundleWriteFailed
from kommunpolis.domain.vocabulary import Role
from kommunpolis.paths import resolve_paths
from kommunpolis.services.demo import DemoService
from kommunpolis.services.exchange import ExportSummary
from kommunpolis.storage import tables as t
from kommunpolis.sync import bundle as bundle_module
from kommunpolis.sync.bundle import VerifiedBundle
from kommunpolis.sync.identity import IdentityStore


@dataclass
class Office:
    """Anna exports to Bo and Carl, who trust her (only their identities are needed)."""

    anna: Services
    bo: uuid.UUID
    carl: uuid.UUID
    folder: Path

    def export(self, name: str, *to: uuid.UUID, full: bool = False) -> ExportSummary:
        return self.anna.exchange.export(self.folder / name, list(to), full=full)

    def read(self, summary: ExportSummary) -> VerifiedBundle:
        return self.anna.exchange.verify(summary.path)


def _peer(folder: Path, name: str, anna: Services) -> uuid.UUID:
    store = IdentityStore(folder / "keys")
    device_id = uuid.uuid4()
    store.ensure(device_id, name)
    store.trust(anna.identity.public())
    anna.identity.trust(store.public())
    return device_id


@pytest.fixture
def office(tmp_path: Path, head_database: Path) -> Iterator[Office]:
    paths = resolve_paths(tmp_path / "anna")
    paths.data_dir.mkdir(parents=True)
    shutil.copyfile(head_database, paths.database)
    anna = build_services(paths, busy_timeout_ms=200)
    profile = anna.profiles.create(
        name="Anna Andersson", role=Role.OFFICER, municipality_codes=["0180"]
    )
    anna.identity.ensure(profile.device_id, profile.name)
    DemoService(database=anna.database, clock=anna.clock).generate(dialogues=4, seed=5)
    try:
        yield Office(
            anna=anna,
            bo=_peer(tmp_path / "bo", "Bo Berg", anna),
            carl=_peer(tmp_path / "carl", "Carl Carlsson", anna),
            folder=tmp_path,
        )
    finally:
        anna.close()


def _ids(bundle: VerifiedBundle) -> dict[str, set[str]]:
    """The records of a bundle, by table, leaving out empty tables."""
    return {
        table: {str(record["id"]) for record in records}
        for table, records in bundle.records.items()
        if records
    }


def _rename_theme(services: Services, name: str) -> uuid.UUID:
    """Edit one record through the unit of work; return its id."""
    with services.unit_of_work() as uow:
        theme = uow.session.scalars(select(t.Theme).order_by(t.Theme.id)).first()
        assert theme is not None
        theme.name = name
        uow.commit()
        return theme.id


def _tombstone_concern(services: Services) -> uuid.UUID:
    concern = services.records.list("concerns", limit=1)[0]
    services.records.delete("concerns", concern.id)
    return concern.id


def test_first_export_is_everything_then_only_what_changed(office: Office) -> None:
    everything = office.read(office.export("full.kpb", office.bo, full=True))
    first = office.export("1.kpb", office.carl)
    assert (first.kind, first.since_revision, first.first_export) == ("incremental", 0, True)
    assert _ids(office.read(first)) == _ids(everything)
    assert sum(first.counts.values()) > 50

    theme = _rename_theme(office.anna, "Buskörning")
    concern = _tombstone_concern(office.anna)
    second = office.export("2.kpb", office.carl)
    assert (second.kind, second.first_export) == ("incremental", False)
    assert second.since_revision > 0
    bundle = office.read(second)
    assert _ids(bundle) == {"theme": {str(theme)}, "concern": {str(concern)}}
    assert bundle.records["theme"][0]["name"] == "Buskörning"
    assert bundle.records["concern"][0]["deleted_at"] is not None
    manifest = bundle.manifest
    assert (manifest.kind, manifest.sequence) == ("incremental", second.sequence)
    assert manifest.since_revision == second.since_revision
    assert manifest.to_json()["since_revision"] == second.since_revision

    # Nothing changed: still a bundle, carrying its sequence number.
    third = office.export("3.kpb", office.carl)
    assert sum(third.counts.values()) == 0
    assert office.read(third).manifest.sequence == third.sequence

    again = office.export("all-again.kpb", office.carl, full=True)
    assert (again.kind, again.since_revision) == ("full", 0)
    assert _ids(office.read(again)) == _ids(everything)
    assert sum(again.counts.values()) == sum(everything.manifest.counts.values())

    assert everything.manifest.sequence == 1
    assert [s.sequence for s in (first, second, third, again)] == [2, 3, 4, 5]


def test_sequence_is_one_per_bundle_across_recipients(office: Office) -> None:
    numbers = [
        office.export("a.kpb", office.bo).sequence,
        office.export("b.kpb", office.carl).sequence,
        office.export("c.kpb", office.bo, office.carl).sequence,
    ]
    assert numbers == [1, 2, 3]
    marks = {mark.recipient: mark for mark in office.anna.exchange.marks()}
    assert (marks[str(office.bo)].sequence, marks[str(office.carl)].sequence) == (3, 3)


def test_a_failed_write_changes_no_mark_and_the_next_export_resends(office: Office) -> None:
    office.export("1.kpb", office.bo)
    before = office.anna.exchange.marks()
    theme = _rename_theme(office.anna, "Klotter")

    with pytest.raises(BundleWriteFailed):
        office.anna.exchange.export(office.folder / "no-such-folder" / "x.kpb", [office.bo])
    assert office.anna.exchange.marks() == before

    retry = office.export("2.kpb", office.bo)
    assert retry.sequence == 2
    assert _ids(office.read(retry)) == {"theme": {str(theme)}}


def test_a_failed_read_back_changes_no_mark_and_the_next_export_resends(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    office.export("1.kpb", office.bo)
    before = office.anna.exchange.marks()
    theme = _rename_theme(office.anna, "Klotter")

    def unreadable(path: Path, *_args: object, **_kwargs: object) -> VerifiedBundle:
        raise BundleInvalid(path, "simulated: the stick returned other bytes")

    with monkeypatch.context() as patch:
        patch.setattr(bundle_module, "read_bundle", unreadable)
        with pytest.raises(BundleWriteFailed, match="read-back"):
            office.export("2.kpb", office.bo)
    assert not (office.folder / "2.kpb").exists()
    assert office.anna.exchange.marks() == before

    retry = office.export("2.kpb", office.bo)
    assert retry.sequence == 2
    assert _ids(office.read(retry)) == {"theme": {str(theme)}}


def test_two_recipients_get_what_the_one_further_behind_lacks(office: Office) -> None:
    office.export("both.kpb", office.bo, office.carl)
    theme = _rename_theme(office.anna, "Nedskräpning i parken")
    office.export("bo-only.kpb", office.bo)
    concern = _tombstone_concern(office.anna)

    to_bo = office.read(office.export("bo.kpb", office.bo))
    assert _ids(to_bo) == {"concern": {str(concern)}}
    to_both = office.read(office.export("both-again.kpb", office.bo, office.carl))
    assert _ids(to_both) == {"theme": {str(theme)}, "concern": {str(concern)}}
    # Both are now level: the next bundle to both is empty.
    assert sum(office.export("level.kpb", office.bo, office.carl).counts.values()) == 0


def test_cli_export_is_incremental_by_default(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    def export(name: str, *extra: str) -> str:
        out = io.StringIO()
        target = str(office.folder / name)
        argv = ["--data-dir", str(office.anna.paths.data_dir), "export", target]
        code = main([*argv, "--to", str(office.bo), *extra], out=out)
        assert code == 0, capsys.readouterr().err
        return out.getvalue()

    assert "First export to Bo Berg:" in export("1.kpb")
    _rename_theme(office.anna, "Buskörning")
    changed = export("2.kpb")
    assert "1 record changed since the last export to Bo Berg" in changed
    assert "(number 2 from this device)" in changed
    assert "Nothing changed since the last export to Bo Berg" in export("3.kpb")
    assert "Full export to Bo Berg:" in export("4.kpb", "--full")

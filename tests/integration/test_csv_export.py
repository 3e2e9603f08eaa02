"""CSV export of the lists: the Swedish Excel format, sensitivity, atomic writing."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from kommunpolis.composition import Services
from kommunpolis.domain.errors import CsvWriteFailed, InvalidInput
from kommunpolis.domain.statuses import PromiseStatus
from kommunpolis.domain.vocabulary import FollowUpKind, Sensitivity
from kommunpolis.services.csv_export import CsvExporter, format_value
from kommunpolis.services.listing import ListQuery
from kommunpolis.storage import tables as t

GOLDEN = Path(__file__).parents[1] / "fixtures" / "golden" / "promises.csv"
BOM = b"\xef\xbb\xbf"


def _promises(services: Services) -> None:
    """Three promises in Örebro and Malmö (one marked sekretess), two measures."""
    with services.unit_of_work() as uow:
        s = uow.session
        open_promise = t.Promise(
            title="Tryggare torg på Öster – ”vi lovar”; del 1",
            municipality_code="1880",
            period_start=date(2026, 1, 1),
            period_end=date(2027, 12, 31),
            status=PromiseStatus.PUBLISHED,
        )
        internal = t.Promise(
            title="Säkrare skolvägar i Malmö",
            municipality_code="1280",
            period_start=date(2025, 1, 1),
            period_end=date(2025, 12, 31),
            status=PromiseStatus.CLOSED,
            sensitivity=Sensitivity.INTERNAL,
        )
        secret = t.Promise(
            title="Spaning mot langning",
            municipality_code="1880",
            period_start=date(2024, 1, 1),
            period_end=date(2024, 12, 31),
            sensitivity=Sensitivity.SECRET,
        )
        s.add_all([open_promise, internal, secret])
        s.flush()
        s.add_all(
            [
                t.Measure(promise_id=open_promise.id, title="Belysning vid ån"),
                t.Measure(promise_id=open_promise.id, title="Kvällsvandringar"),
            ]
        )
        uow.commit()


def test_list_csv_matches_the_golden_file(services: Services, run_cli, tmp_path: Path) -> None:
    _promises(services)
    services.close()
    target = tmp_path / "löften.csv"
    result = run_cli("list", "promises", "--csv", str(target))
    assert result.code == 0, result.err
    assert result.out == (
        f"CSV written: {target} (2 rows)\n"
        "1 records marked sekretess left out (--include-secret to include them)\n"
    )
    assert target.read_bytes() == GOLDEN.read_bytes()


def test_the_file_opens_as_swedish_excel_expects(
    services: Services, run_cli, tmp_path: Path
) -> None:
    _promises(services)
    services.close()
    target = tmp_path / "löften.csv"
    assert run_cli("list", "promises", "--csv", str(target)).code == 0
    raw = target.read_bytes()
    assert raw.startswith(BOM)
    assert b"\r\n" in raw
    assert "Örebro".encode() in raw  # UTF-8, not cp1252
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[0] == ["Titel", "Kommun", "Från", "Till", "Status", "Åtgärder"]
    assert rows[1] == [
        "Tryggare torg på Öster – ”vi lovar”; del 1",
        "Örebro",
        "2026-01-01",
        "2027-12-31",
        "Publicerat",
        "2",
    ]
    assert [row[0] for row in rows[1:]] == [
        "Tryggare torg på Öster – ”vi lovar”; del 1",
        "Säkrare skolvägar i Malmö",
    ]


def test_secret_records_only_when_asked(services: Services, run_cli, tmp_path: Path) -> None:
    _promises(services)
    exporter = CsvExporter(uow=services.unit_of_work)
    without = exporter.export("promises", tmp_path / "a.csv")
    assert (without.rows, without.left_out_secret) == (2, 1)
    assert "Spaning" not in (tmp_path / "a.csv").read_text(encoding="utf-8-sig")
    services.close()
    target = tmp_path / "b.csv"
    result = run_cli("list", "promises", "--csv", str(target), "--include-secret")
    assert result.code == 0 and "left out" not in result.out
    assert "Spaning mot langning" in target.read_text(encoding="utf-8-sig")


def test_the_service_writes_keys_and_codes_without_an_interface(
    services: Services, tmp_path: Path
) -> None:
    _promises(services)
    with services.unit_of_work() as uow:
        uow.session.add(t.FollowUp(held_on=date(2026, 3, 1), kind=FollowUpKind.PROCESS, hours=12.5))
        uow.commit()
    exporter = CsvExporter(uow=services.unit_of_work)
    target = tmp_path / "f.csv"
    exporter.export("followups", target)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "held_on;kind;promise;municipality;hours;reported_to"
    assert lines[1] == "2026-03-01;process;;;12,5;"
    query = ListQuery(statuses=("closed",))
    assert exporter.export("promises", target, query=query).rows == 1


def test_a_target_that_cannot_be_written_leaves_no_file(
    services: Services, run_cli, tmp_path: Path
) -> None:
    _promises(services)
    exporter = CsvExporter(uow=services.unit_of_work)
    missing = tmp_path / "no-such-folder" / "x.csv"
    with pytest.raises(CsvWriteFailed):
        exporter.export("promises", missing)
    assert not missing.parent.exists()
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    with pytest.raises(CsvWriteFailed):
        exporter.export("promises", folder)
    assert list(tmp_path.glob(".*partial")) == []
    with pytest.raises(InvalidInput):
        exporter.export("sources", tmp_path / "s.csv")
    services.close()
    result = run_cli("list", "promises", "--csv", str(missing))
    assert result.code == 1
    assert (
        result.err
        == f"kommunpolis: {missing}: the CSV file cannot be written (No such file or directory)\n"
    )


def test_format_value() -> None:
    assert format_value(None) == ""
    assert format_value(3) == "3"
    assert format_value(0.25) == "0,25"
    assert format_value(date(2026, 2, 1)) == "2026-02-01"
    assert format_value(PromiseStatus.DRAFT) == "draft"

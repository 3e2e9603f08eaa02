"""Documents as PDF: every kind from demo data and from records with missing parts.

The PDFs are read back with ``pdftotext`` (poppler-utils) to check the Swedish text, and
that nothing marked police-only, internal or secret reaches a document for citizens.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kommunpolis.cli import main
from kommunpolis.composition import Services, build_services
from kommunpolis.domain.errors import DocumentWriteFailed, NotForCitizens
from kommunpolis.domain.statuses import DialogueStatus, PromiseStatus
from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    DialogueKind,
    ParticipationLevel,
    Role,
    Sensitivity,
    SourceType,
)
from kommunpolis.paths import resolve_paths
from kommunpolis.services.demo import DemoService
from kommunpolis.services.documents import (
    Audience,
    Block,
    BulletList,
    Document,
    DocumentKind,
    DocumentService,
    GapCode,
    Image,
    Paragraph,
    Section,
    Subheading,
)
from kommunpolis.storage import tables as t
from kommunpolis.storage.database import open_database
from kommunpolis.ui.documents import write_pdf
from kommunpolis.ui.errors import describe

KOMMUN = "0180"
TODAY = date(2026, 1, 12)  # shortly after the demo dataset's "now"
PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(
    PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed"
)
SECRET_SOURCE = "Underrättelse om säljare vid busstorget XQ17"
OPEN_SOURCE = "Trygghetsmätning i Centrum 2025"
SECRET_CONCERN = "Namngiven granne langar ZR42"


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with a profile and 150 demo dialogues, built once per run, to copy."""
    folder = tmp_path_factory.mktemp("documents-demo")
    open_database(folder / "kommunpolis.sqlite", backup_dir=folder / "backups").close()
    services = build_services(resolve_paths(folder))
    try:
        services.profiles.create(
            name="Anna Andersson",
            role=Role.OFFICER,
            district_name="LPO Norrort",
            municipality_codes=[KOMMUN],
        )
        DemoService(database=services.database, clock=services.clock).generate(dialogues=150)
    finally:
        services.close()
    return folder / "kommunpolis.sqlite"


@pytest.fixture
def services(tmp_path: Path, demo_database: Path) -> Iterator[Services]:
    """Services on a fresh copy of the demo database."""
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir()
    shutil.copyfile(demo_database, paths.database)
    services = build_services(paths, busy_timeout_ms=200)
    try:
        yield services
    finally:
        services.close()


@pytest.fixture
def documents(services: Services) -> DocumentService:
    return DocumentService(uow=services.unit_of_work, today=lambda: TODAY)


def _add(services: Services, *records: t.Record) -> None:
    with services.unit_of_work() as uow:
        uow.session.add_all(records)
        uow.commit()


def _pdf_text(path: Path) -> str:
    assert PDFTOTEXT is not None
    result = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=30
    )
    return " ".join(result.stdout.decode("utf-8").split())


def _promise(services: Services, *statuses: PromiseStatus) -> uuid.UUID:
    with services.unit_of_work() as uow:
        return uow.session.scalars(
            select(t.Promise.id)
            .where(t.Promise.status.in_(statuses), t.Promise.deleted_at.is_(None))
            .order_by(t.Promise.id)
        ).first()  # type: ignore[return-value]


def _fed_back_dialogue(services: Services) -> uuid.UUID:
    """A citizen dialogue (open) with concerns linked to a problem with measures."""
    with services.unit_of_work() as uow:
        return uow.session.scalars(
            select(t.Dialogue.id)
            .join(t.Concern, t.Concern.dialogue_id == t.Dialogue.id)
            .join(t.ProblemConcern, t.ProblemConcern.concern_id == t.Concern.id)
            .join(t.Measure, t.Measure.problem_id == t.ProblemConcern.problem_id)
            .where(
                t.Dialogue.kind == DialogueKind.CITIZEN,
                t.Dialogue.status == DialogueStatus.FED_BACK,
                t.Dialogue.sensitivity == Sensitivity.OPEN,
            )
            .order_by(t.Dialogue.id)
        ).first()  # type: ignore[return-value]


def _focus_problem(services: Services, promise_id: uuid.UUID) -> uuid.UUID:
    with services.unit_of_work() as uow:
        return uow.session.scalars(
            select(t.PromiseProblem.problem_id).where(t.PromiseProblem.promise_id == promise_id)
        ).first()  # type: ignore[return-value]


def _add_sources(services: Services, promise_id: uuid.UUID) -> None:
    """Link a police-only source and an open one to one of the promise's focus areas."""
    problem_id = _focus_problem(services, promise_id)
    picture = t.SituationPicture(
        title="Lägesbild",
        scope="municipality",
        owner="joint",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
    )
    _add(services, picture)
    secret = t.Source(
        situation_picture_id=picture.id,
        source_type=SourceType.POLICE_INTELLIGENCE,
        description=SECRET_SOURCE,
        police_only=True,
    )
    public = t.Source(
        situation_picture_id=picture.id,
        source_type=SourceType.SAFETY_SURVEY,
        description=OPEN_SOURCE,
    )
    _add(services, secret, public)
    _add(
        services,
        t.ProblemSource(problem_id=problem_id, source_id=secret.id),
        t.ProblemSource(problem_id=problem_id, source_id=public.id),
    )


@needs_pdftotext
def test_every_document_from_demo_data(
    qtbot: QtBot, services: Services, documents: DocumentService, tmp_path: Path
) -> None:
    promise = _promise(services, PromiseStatus.FOLLOWED_UP, PromiseStatus.CLOSED)
    dialogue = _fed_back_dialogue(services)
    assert promise is not None and dialogue is not None
    _add_sources(services, promise)
    expected = {
        "lofte": (
            promise,
            [
                "Det här lovar vi",
                "Fokusområde 1: ",
                "Polisen lovar att",
                "Kommunen lovar att",
                "Gäller hela löftet",
                "Därför har vi valt",
                "Det här har ni berättat för oss",
                OPEN_SOURCE,
                "Sida 1 av",
            ],
        ),
        "atgardsplan": (
            promise,
            [
                "Åtgärdsplan",
                "Orsak",
                "Operativt mål",
                "Uppföljning",
                "Fokusområde:",
                "Polisen lovar att",
                "Hela löftet",
                "Intern",
            ],
        ),
        "uppfoljning": (
            promise,
            [
                "Uppföljning",
                "Sammanfattning",
                "Uppföljningstillfällen",
                "Samlad markering",
                "Indikatorer",
            ],
        ),
        "aterkoppling": (
            dialogue,
            [
                "Återkoppling",
                "Tack för att du deltog",
                "Det här berättade ni för oss",
                "Det här har vi gjort",
                "Med vänliga hälsningar",
                "Anna Andersson",
            ],
        ),
    }
    for kind, (record_id, phrases) in expected.items():
        document = documents.build(kind, record_id)
        written = write_pdf(document, tmp_path / f"{kind}.pdf")
        assert written.pages >= 1 and written.size == written.path.stat().st_size
        text = _pdf_text(written.path)
        for phrase in phrases:
            assert phrase in text, (kind, phrase)
        assert document.title in text
        assert SECRET_SOURCE not in text or kind in ("atgardsplan", "uppfoljning")
    assert SECRET_SOURCE not in _pdf_text(tmp_path / "lofte.pdf")
    assert not list(tmp_path.glob(".*.part"))


@needs_pdftotext
def test_nothing_marked_reaches_a_letter_to_citizens(
    qtbot: QtBot, services: Services, documents: DocumentService, tmp_path: Path
) -> None:
    dialogue = _fed_back_dialogue(services)
    with services.unit_of_work() as uow:
        theme_id = uow.session.scalars(select(t.Theme.id)).first()
    _add(
        services,
        t.Concern(
            dialogue_id=dialogue,
            theme_id=theme_id,
            text=SECRET_CONCERN,
            sensitivity=Sensitivity.SECRET,
        ),
        t.Concern(dialogue_id=dialogue, theme_id=theme_id, text="Öppen synpunkt KV93"),
    )
    document = documents.build("aterkoppling", dialogue)
    text = _pdf_text(write_pdf(document, tmp_path / "brev.pdf").path)
    assert "Öppen synpunkt KV93" in text
    assert SECRET_CONCERN not in text
    assert GapCode.WITHHELD in {gap.code for gap in document.gaps}


@needs_pdftotext
def test_a_focus_area_not_marked_open_is_never_named_in_the_published_promise(
    qtbot: QtBot, services: Services, documents: DocumentService, tmp_path: Path
) -> None:
    promise = _promise(services, PromiseStatus.SIGNED)
    problem_id = _focus_problem(services, promise)
    with services.unit_of_work() as uow:
        problem = uow.session.get(t.Problem, problem_id)
        assert problem is not None
        problem.title = "Internt fokusområde ZK31"
        problem.sensitivity = Sensitivity.INTERNAL
        uow.commit()
    document = documents.build("lofte", promise)
    # Its open commitments are published under a heading that does not name it.
    unnamed = [
        s.heading
        for s in document.sections
        if s.level == 2 and s.heading.startswith("Fokusområde") and ":" not in s.heading
    ]
    assert len(unnamed) == 1
    text = _pdf_text(write_pdf(document, tmp_path / "lofte.pdf").path)
    assert f"{unnamed[0]} Polisen lovar att" in text
    assert "ZK31" not in text
    # The internal action plan names it.
    plan = _pdf_text(write_pdf(documents.build("atgardsplan", promise), tmp_path / "plan.pdf").path)
    assert "Fokusområde: Internt fokusområde ZK31" in plan


def test_a_record_marked_internal_gives_no_document_for_citizens(
    services: Services, documents: DocumentService
) -> None:
    promise = t.Promise(
        title="Internt löfte",
        municipality_code=KOMMUN,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        sensitivity=Sensitivity.INTERNAL,
    )
    _add(services, promise)
    with pytest.raises(NotForCitizens):
        documents.build("lofte", promise.id)
    assert documents.build("atgardsplan", promise.id).internal  # internal documents may


@needs_pdftotext
def test_records_with_missing_parts_still_render_with_the_gaps_named(
    qtbot: QtBot, services: Services, documents: DocumentService, tmp_path: Path
) -> None:
    promise = t.Promise(
        title="Tomt löfte",
        municipality_code=KOMMUN,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    dialogue = t.Dialogue(
        title="Dialog utan synpunkter",
        kind=DialogueKind.CITIZEN,
        format=DialogueFormat.OPEN_MEETING,
        participation_level=ParticipationLevel.INFORMATION,
        starts_at=datetime(2026, 1, 5, 18, tzinfo=UTC),
        municipality_code=KOMMUN,
        status=DialogueStatus.HELD,
    )
    _add(services, promise, dialogue)
    expected = {
        "lofte": (
            promise.id,
            [
                "Löftet saknar åtgärder.",
                "Löftet saknar fokusområden.",
                "Löftet saknar en text till medborgarna.",
            ],
        ),
        "atgardsplan": (promise.id, ["Löftet saknar åtgärder.", "Luckor i kedjan"]),
        "uppfoljning": (promise.id, ["Ingen uppföljning under perioden."]),
        "aterkoppling": (dialogue.id, ["Dialogen saknar synpunkter."]),
    }
    for kind, (record_id, phrases) in expected.items():
        text = _pdf_text(write_pdf(documents.build(kind, record_id), tmp_path / f"{kind}.pdf").path)
        for phrase in phrases:
            assert phrase in text, (kind, phrase)


def test_an_unwritable_target_leaves_nothing(
    qtbot: QtBot, services: Services, documents: DocumentService, tmp_path: Path
) -> None:
    document = documents.build("lofte", _promise(services, PromiseStatus.SIGNED))
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(DocumentWriteFailed) as missing_folder:
        write_pdf(document, folder / "no-such-folder" / "lofte.pdf")
    # A folder where the file should go: the temporary file is written, the rename fails.
    (folder / "taken.pdf").mkdir()
    with pytest.raises(DocumentWriteFailed):
        write_pdf(document, folder / "taken.pdf")
    assert [p.name for p in folder.iterdir()] == ["taken.pdf"]
    title, message = describe(missing_folder.value)
    assert title and "lofte.pdf" in message


def test_an_image_block_is_placed_in_the_document(qtbot: QtBot, tmp_path: Path) -> None:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#0b3d6e"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    document = Document(
        kind="lofte",  # type: ignore[arg-type]
        audience="citizens",  # type: ignore[arg-type]
        issuer="Polisen",
        title="Diagram",
        subtitle="",
        sections=(
            Section("Teman", (Image(bytes(data.data()), "Figur 1", 0.5), Paragraph("Slut"))),
        ),
        gaps=(),
        issued_on=TODAY,
        footer="Test",
    )
    written = write_pdf(document, tmp_path / "bild.pdf")
    assert written.pages == 1
    assert written.size > 1000


@needs_pdftotext
def test_a_long_document_keeps_its_end_and_no_page_ends_in_a_heading(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Headings moved to the next page once lost the end of a long document; a heading
    right above a moved one ("Löften" above "Polisen lovar att") was left behind."""
    headings = {"Löften"}
    sections: list[Section] = []
    for n in range(1, 13):
        sections.append(Section(f"Fokusområde {n}", (Paragraph("Beskrivning " * 20),)))
        blocks: list[Block] = []
        for who in ("Polisen", "Kommunen", "Föreningen"):
            headings |= {f"Fokusområde {n}", f"{who} lovar att"}
            blocks += [Subheading(f"{who} lovar att"), BulletList((f"göra sak {n} " * 6,) * 2)]
        sections.append(Section("Löften", tuple(blocks), level=2))
    sections.append(Section("Sist", (Paragraph("Slutord QX77"),)))
    document = Document(
        kind=DocumentKind.ACTION_PLAN,
        audience=Audience.INTERNAL,
        issuer="Polisen",
        title="Lång plan",
        subtitle="",
        sections=tuple(sections),
        gaps=(),
        issued_on=TODAY,
        footer="Test",
        landscape=True,
    )
    written = write_pdf(document, tmp_path / "lang.pdf")
    text = _pdf_text(written.path)
    assert "Slutord QX77" in text
    assert all(f"Fokusområde {n} " in text for n in range(1, 13))
    assert PDFTOTEXT is not None
    for page in range(1, written.pages + 1):
        pages = ["-f", str(page), "-l", str(page)]
        lines = subprocess.run(
            [PDFTOTEXT, "-enc", "UTF-8", "-layout", *pages, str(written.path), "-"],
            capture_output=True,
            check=True,
            timeout=30,
        ).stdout.decode("utf-8")
        *body, _footer = [line.strip() for line in lines.splitlines() if line.strip()]
        assert body[-1] not in headings, (page, body[-1])


def test_report_on_the_command_line(
    qtbot: QtBot, services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    promise = _promise(services, PromiseStatus.FOLLOWED_UP, PromiseStatus.CLOSED)
    data_dir = str(services.paths.data_dir)
    services.close()

    def run(*args: str) -> tuple[int, str, str]:
        out = io.StringIO()
        capsys.readouterr()
        code = main(["--data-dir", data_dir, *args], out=out)
        captured = capsys.readouterr()
        return code, out.getvalue() + captured.out, captured.err

    target = tmp_path / "uppfoljning.pdf"
    code, out, err = run(
        "report",
        "uppfoljning",
        str(promise),
        "-o",
        str(target),
        "--from",
        "2024-01-01",
        "--to",
        "2025-12-31",
    )
    assert (code, err) == (0, "")
    assert re.search(rf"Report written: {re.escape(str(target))} \(\d+ pages?\)", out)
    assert target.read_bytes().startswith(b"%PDF")

    code, out, err = run("report", "lofte", str(uuid.uuid4()), "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and err.count("\n") == 1 and "no promises with id" in err
    code, _, err = run("report", "lofte", str(promise), "-o", str(tmp_path / "nix" / "x.pdf"))
    assert code == 1 and "cannot be written" in err
    code, _, err = run(
        "report", "lofte", str(promise), "-o", str(tmp_path / "y.pdf"), "--from", "2025-01-01"
    )
    assert code == 1 and "period" in err
    code, _, _ = run("report", "plan", str(promise), "-o", str(tmp_path / "z.pdf"))
    assert code == 2
    # A promise's id is no situation picture's: a one-line error, no file.
    code, _, err = run("report", "lagesbild", str(promise), "-o", str(tmp_path / "z.pdf"))
    assert code == 1 and err.count("\n") == 1 and not (tmp_path / "z.pdf").exists()
    code, _, _ = run("report", "uppfoljning", str(promise), "-o", str(target), "--to", "31/12")
    assert code == 2
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()


def test_long_compounds_in_table_cells_break_before_their_last_part() -> None:
    """A narrow column breaks 'Samhällsbyggnads·förvaltningen', not 'Kommunledningsfö·rv…'."""
    from kommunpolis.ui.documents import _cell_text

    assert _cell_text("Kommunledningsförvaltningen") == "Kommunlednings\u00adförvaltningen"
    assert _cell_text("Polisen och kommunen") == "Polisen och kommunen"
    assert _cell_text("Kommunens tillståndsenhet <ny>") == (
        "Kommunens tillstånds\u00adenhet &lt;ny&gt;"
    )

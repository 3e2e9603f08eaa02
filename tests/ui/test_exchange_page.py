"""Utbyte: export through the wizard, import through the page, conflicts, trust, coordination.

Real installations in tmp_path (each its own data dir, keys and database) that trust each
other, real widgets offscreen, the app's DB worker. Set KOMMUNPOLIS_SHOTS=DIR to save a
picture of every state.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from kommunpolis.composition import Services, build_services
from kommunpolis.domain.vocabulary import DialogueFormat, DialogueKind, ParticipationLevel, Role
from kommunpolis.paths import resolve_paths
from kommunpolis.services.demo import DemoService
from kommunpolis.storage import tables as t
from kommunpolis.storage.database import open_database
from kommunpolis.storage.kinds import KINDS
from kommunpolis.ui.context import RecordEvents, UiContext
from kommunpolis.ui.exchange.importing import ImportPreviewModel
from kommunpolis.ui.pages.exchange import ExchangePage
from kommunpolis.ui.tasks import DatabaseWorker

KOMMUN = "0180"
WAIT_MS = 20_000


@pytest.fixture(scope="session")
def head_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database at head, made once per run, for each installation to copy."""
    folder = tmp_path_factory.mktemp("exchange-head")
    open_database(folder / "kommunpolis.sqlite", backup_dir=folder / "backups").close()
    return folder / "kommunpolis.sqlite"


@dataclass
class Installation:
    """One person's installation: services, and the UiContext a window would get."""

    services: Services
    context: UiContext
    worker: DatabaseWorker

    @property
    def device(self) -> uuid.UUID:
        return self.services.identity.public().device_id


def _installation(tmp_path: Path, head: Path, name: str, role: Role) -> Installation:
    folder = tmp_path / name.split()[0].lower()
    paths = resolve_paths(folder)
    paths.data_dir.mkdir(parents=True)
    shutil.copyfile(head, paths.database)
    services = build_services(paths, busy_timeout_ms=200)
    profile = services.profiles.create(name=name, role=role, municipality_codes=[KOMMUN])
    services.identity.ensure(profile.device_id, profile.name)
    worker = DatabaseWorker()
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    context = UiContext(paths, services, worker, settings, RecordEvents())
    return Installation(services, context, worker)


@pytest.fixture
def people(tmp_path: Path, head_database: Path) -> Iterator[dict[str, Installation]]:
    """Anna (officer, with demo data) and Carl (coordinator) trust each other; Dora is new."""
    anna = _installation(tmp_path, head_database, "Anna Andersson", Role.OFFICER)
    carl = _installation(tmp_path, head_database, "Carl Carlsson", Role.COORDINATOR)
    dora = _installation(tmp_path, head_database, "Dora Dahl", Role.OFFICER)
    anna.services.identity.trust(carl.services.identity.public())
    carl.services.identity.trust(anna.services.identity.public())
    dora.services.identity.trust(carl.services.identity.public())  # Carl does not trust Dora
    DemoService(database=anna.services.database, clock=anna.services.clock).generate(
        dialogues=6, seed=5
    )
    everyone = {"anna": anna, "carl": carl, "dora": dora}
    try:
        yield everyone
    finally:
        for one in everyone.values():
            one.worker.stop()
            one.services.close()


def _page(qtbot: QtBot, installation: Installation) -> ExchangePage:
    page = ExchangePage(installation.context)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    _idle(qtbot, installation)
    return page


def _idle(qtbot: QtBot, installation: Installation) -> None:
    qtbot.waitUntil(lambda: installation.worker.pending == 0, timeout=WAIT_MS)


def _shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("KOMMUNPOLIS_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _dialogue(services: Services, title: str) -> uuid.UUID:
    return services.editing.new(
        "dialogues",
        {
            "title": title,
            "kind": DialogueKind.CITIZEN,
            "format": DialogueFormat.OPEN_MEETING,
            "participation_level": ParticipationLevel.CONSULTATION,
            "starts_at": datetime(2026, 10, 1, 18, tzinfo=UTC),
            "municipality_code": KOMMUN,
        },
    ).id


def _set_notes(services: Services, record_id: uuid.UUID, notes: str) -> None:
    with services.unit_of_work() as uow:
        record = uow.session.get(t.Dialogue, record_id)
        assert record is not None
        record.notes = notes
        uow.commit()


def _titles(services: Services) -> set[str]:
    return {summary.title for summary in services.records.list("dialogues")}


def _cell(model: ImportPreviewModel, row: int, column: int, parent: object = None) -> str:
    from PySide6.QtCore import QModelIndex

    index = model.index(row, column, parent if parent is not None else QModelIndex())
    return str(model.data(index))


def test_export_through_the_wizard_then_preview_and_import_on_the_other_side(
    qtbot: QtBot, people: dict[str, Installation], tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    anna, carl = people["anna"], people["carl"]
    page = _page(qtbot, anna)
    assert page.tabs.tabText(0) == "Exportera", "an officer starts with export"
    _shot(page, "export_tab")

    wizard = page.exporter.open_wizard()
    _idle(qtbot, anna)
    recipients = wizard.recipients
    assert recipients.peers.count() == 1 and recipients.chosen_devices() == [carl.device]
    assert recipients.isComplete()
    wizard.resize(720, 560)
    _shot(wizard, "wizard_1_recipients")
    # A passphrase must be given twice, alike, and long enough.
    recipients.to_passphrase.setChecked(True)
    recipients.passphrase.setText("kort")
    assert not recipients.isComplete() and recipients.passphrase_hint.isVisible()
    recipients.passphrase.setText("en lång lösenfras")
    recipients.repeat.setText("en annan lösenfras")
    assert not recipients.isComplete()
    _shot(wizard, "wizard_1b_passphrase")
    recipients.to_peers.setChecked(True)
    wizard.next()
    content = wizard.content
    assert content.incremental.isChecked() and not content.police_only.isChecked()
    content.police_only.setChecked(True)
    assert content.police_warning.isVisibleTo(content)
    _shot(wizard, "wizard_2_content")
    content.police_only.setChecked(False)
    wizard.next()
    proposed = wizard.file.path.text()
    assert Path(proposed).name.startswith("kommunpolis-carl-carlsson-")
    assert proposed.endswith(".kpb")
    bundle = tmp_path / "usb" / "till-carl"
    bundle.parent.mkdir()
    wizard.file.path.setText(str(bundle))
    _shot(wizard, "wizard_3_file")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run.summary is not None, timeout=WAIT_MS)
    summary = wizard.run.summary
    assert summary is not None and summary.path == bundle.with_suffix(".kpb")
    assert summary.path.is_file() and not summary.police_only_included
    banner = wizard.run.banner
    assert "tryggt ta ut USB-minnet" in banner.text.text()
    assert "kontrollerades" in banner.text.text()
    assert "Dialoger 6" in wizard.run.counts.text()
    _shot(wizard, "wizard_4_done")
    wizard.accept()
    _idle(qtbot, anna)
    assert "Carl Carlsson" in page.exporter.marks.text()

    # Carl previews the bundle: nothing changes until Importera.
    before = _titles(carl.services)
    carl_page = _page(qtbot, carl)
    assert carl_page.tabs.tabText(0) == "Samordning", "a coordinator starts with coordination"
    assert carl_page.tabs.currentWidget() is carl_page.coordination
    _shot(carl_page, "coordinator_empty")
    carl_page.tabs.setCurrentWidget(carl_page.importer)
    importer = carl_page.importer
    _drop(carl_page, [summary.path, tmp_path / "not-a-bundle.txt"])
    _idle(qtbot, carl)
    assert importer.paths == [summary.path]
    report = importer.report
    assert report is not None and not report.applied
    outcome = report.bundles[0]
    assert outcome.sender_name == "Anna Andersson"
    assert _titles(carl.services) == before, "a preview changes nothing"
    model = importer.model
    qtmodeltester.check(model)
    columns = ImportPreviewModel.Column
    assert _cell(model, 0, columns.NEW) == str(outcome.counts["new"])
    assert int(_cell(model, 0, columns.NEW)) > 0
    assert _cell(model, 0, columns.STATE) == "Nytt paket"
    moved = sum(outcome.counts[n] for n in ("new", "updated", "unchanged", "waiting"))
    assert moved == sum(summary.counts.values())
    top = model.index(0, 0)
    kinds = {_cell(model, row, 0, top): row for row in range(model.rowCount(top))}
    assert _cell(model, kinds["Dialoger"], columns.NEW, top) == "6"
    assert importer.import_button.isEnabled()
    _shot(carl_page, "import_preview")

    # The other sections' lists are told to reload.
    with qtbot.waitSignal(carl.context.events.records_imported, timeout=10_000):
        qtbot.mouseClick(importer.import_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, carl)
    assert importer.report is not None and importer.report.applied
    assert importer.banner.title.text() == "Importen är klar"
    assert not importer.import_button.isEnabled()
    assert _titles(carl.services) == before | _titles(anna.services)
    # The lägesbild's monthly counts were brought up to date behind the import.
    with carl.services.unit_of_work() as uow:
        queued = uow.session.execute(text("SELECT count(*) FROM situation_tally_pending"))
        assert queued.scalar_one() == 0
    _shot(carl_page, "import_done")

    # A receipt goes back to Anna; her Utbyte shows it arrived.
    assert importer.receipt_button.isEnabled()
    receipt = tmp_path / "kvitto.kpb"
    with qtbot.waitSignal(importer.receipt_saved, timeout=10_000):
        importer.write_receipt(receipt)
    assert importer.banner.title.text() == "Kvittot är sparat"
    anna_importer = page.importer
    anna_importer.preview_paths([receipt])
    _idle(qtbot, anna)
    assert _cell(anna_importer.model, 0, columns.STATE) == "Kvitto: 1 av dina paket kom fram"
    anna_importer.apply()
    _idle(qtbot, anna)
    delivered = anna.services.exchange.deliveries()
    assert [(d.receiver_name, d.sequence) for d in delivered] == [("Carl Carlsson", 1)]

    # Again: already imported, nothing to do.
    importer.preview_paths([summary.path])
    _idle(qtbot, carl)
    assert _cell(model, 0, columns.STATE).startswith("Redan importerat")
    assert not importer.import_button.isEnabled()
    assert importer.banner.title.text() == "Redan importerat"

    # The coordinator's view lists Anna with what she brought.
    coordination = carl_page.coordination
    senders = coordination.senders_model
    qtmodeltester.check(senders)
    qtmodeltester.check(coordination.work_model)
    assert senders.rowCount() == 1
    assert senders.data(senders.index(0, 0)) == "Anna Andersson"
    assert senders.data(senders.index(0, senders.Column.BUNDLES)) == "1"
    work = coordination.work_model
    officers = {
        str(work.data(work.index(row, work.Column.OFFICER))) for row in range(work.rowCount())
    }
    assert "Anna Andersson" in officers
    carl_page.tabs.setCurrentWidget(coordination)
    _shot(carl_page, "coordinator")


def _drop(page: ExchangePage, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dropEvent(event)


def test_a_conflict_is_resolved_side_by_side(
    qtbot: QtBot, people: dict[str, Installation], tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    anna, carl = people["anna"], people["carl"]
    dialogue = _dialogue(anna.services, "Medborgardialog i Husby")
    first = tmp_path / "1.kpb"
    anna.services.exchange.export(first, [carl.device])
    carl.services.importing.import_bundles([first])
    _set_notes(anna.services, dialogue, "Annas anteckning")
    _set_notes(carl.services, dialogue, "Carls anteckning")
    second = tmp_path / "2.kpb"
    anna.services.exchange.export(second, [carl.device])

    page = _page(qtbot, carl)
    page.tabs.setCurrentWidget(page.importer)
    page.importer.preview_paths([second])
    _idle(qtbot, carl)
    assert _cell(page.importer.model, 0, ImportPreviewModel.Column.CONFLICTING) == "1"
    page.importer.apply()
    _idle(qtbot, carl)
    assert "konflikt" in page.importer.banner.text.text()

    conflicts = page.conflicts
    qtmodeltester.check(conflicts.model)
    assert conflicts.model.rowCount() == 1
    assert page.tabs.tabText(page.tabs.indexOf(conflicts)) == "Konflikter (1)"
    assert conflicts.model.data(conflicts.model.index(0, 0)) == "Dialog"
    assert conflicts.model.data(conflicts.model.index(0, 1)) == "Medborgardialog i Husby"
    assert conflicts.model.data(conflicts.model.index(0, 2)) == "Anteckningar"
    values = {conflicts.current_value.toPlainText(), conflicts.other_value.toPlainText()}
    assert values == {"Annas anteckning", "Carls anteckning"}
    other = conflicts.other_value.toPlainText()
    page.tabs.setCurrentWidget(conflicts)
    _shot(page, "conflicts")

    opened: list[tuple[str, object]] = []
    carl.context.events.open_record_requested.connect(lambda k, i: opened.append((k, i)))
    qtbot.mouseClick(conflicts.open_button, Qt.MouseButton.LeftButton)
    assert opened == [("dialogues", dialogue)]

    qtbot.mouseClick(conflicts.keep_other, Qt.MouseButton.LeftButton)
    _idle(qtbot, carl)
    assert conflicts.model.rowCount() == 0 and conflicts.empty.isVisible()
    assert page.tabs.tabText(page.tabs.indexOf(conflicts)) == "Konflikter"
    with carl.services.unit_of_work() as uow:
        record = uow.session.get(t.Dialogue, dialogue)
        assert record is not None and record.notes == other
    assert carl.services.importing.conflicts() == ()
    _shot(page, "conflicts_resolved")


def test_an_unknown_sender_is_refused_with_its_fingerprint_then_trusted(
    qtbot: QtBot, people: dict[str, Installation], tmp_path: Path
) -> None:
    carl, dora = people["carl"], people["dora"]
    _dialogue(dora.services, "Doras dialog")
    bundle = tmp_path / "fran-dora.kpb"
    dora.services.exchange.export(bundle, [carl.device])
    before = _titles(carl.services)

    page = _page(qtbot, carl)
    importer = page.importer
    page.tabs.setCurrentWidget(importer)
    importer.preview_paths([bundle])
    _idle(qtbot, carl)
    fingerprint = dora.services.identity.public().fingerprint
    assert importer.report is None and not importer.import_button.isEnabled()
    assert importer.sender_box.isVisible()
    assert importer.sender_fingerprint.text() == fingerprint
    assert importer.banner.title.text() == "Okänd avsändare"
    assert fingerprint in importer.banner.text.text()
    assert _titles(carl.services) == before
    _shot(page, "import_unknown_sender")

    # A file whose fingerprint is not the bundle's is not offered for trust.
    wrong = tmp_path / "anna.json"
    people["anna"].services.identity.export(wrong)
    importer.trust_file_chosen.emit(wrong, fingerprint)
    _idle(qtbot, carl)
    assert page.identities.confirm_box is None
    assert page.identities.banner.title.text() == "Fel identitetsfil"

    # Dora's own file, after comparing: trusted, and the preview runs again.
    identity_file = tmp_path / "dora.json"
    dora.services.identity.export(identity_file)
    importer.trust_file_chosen.emit(identity_file, fingerprint)
    _idle(qtbot, carl)
    box = page.identities.confirm_box
    assert isinstance(box, QMessageBox) and fingerprint in box.text()
    _shot(box, "trust_confirm")
    accept = next(b for b in box.buttons() if b.text() == "Samma – lita på")
    accept.click()
    _idle(qtbot, carl)
    qtbot.waitUntil(lambda: importer.report is not None, timeout=WAIT_MS)
    _idle(qtbot, carl)
    assert not importer.sender_box.isVisible()
    assert importer.import_button.isEnabled()
    peers = page.identities.model
    assert [peers.item(row).name for row in range(peers.rowCount())] == [  # type: ignore[union-attr]
        "Anna Andersson",
        "Dora Dahl",
    ]


def test_identities_show_the_fingerprint_export_and_revoke(
    qtbot: QtBot, people: dict[str, Installation], tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    anna, carl = people["anna"], people["carl"]
    page = _page(qtbot, anna)
    panel = page.identities
    page.tabs.setCurrentWidget(panel)
    own = anna.services.identity.public()
    assert panel.fingerprint.text() == own.fingerprint
    assert panel.own_name.text() == "Anna Andersson"
    qtmodeltester.check(panel.model)
    assert panel.model.rowCount() == 1
    _shot(page, "identities")

    target = tmp_path / "anna-id.json"
    panel.export_identity(target)
    _idle(qtbot, anna)
    assert target.is_file() and own.fingerprint in target.read_text(encoding="utf-8")

    panel.table.selectRow(0)
    assert panel.revoke_button.isEnabled()
    qtbot.mouseClick(panel.revoke_button, Qt.MouseButton.LeftButton)
    box = panel.confirm_box
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text() == "Återkalla").click()
    _idle(qtbot, anna)
    assert anna.services.identity.trusted() == ()
    peer = panel.model.item(0)
    assert peer is not None and peer.revoked and peer.device_id == carl.device
    assert "Återkallad" in str(panel.model.data(panel.model.index(0, 4)))
    _shot(page, "identities_revoked")

    # With nobody trusted, the wizard says so and only a passphrase can go on.
    wizard = page.exporter.open_wizard()
    _idle(qtbot, anna)
    assert wizard.recipients.peers.count() == 0
    assert wizard.recipients.no_peers.isVisibleTo(wizard.recipients)
    assert not wizard.recipients.isComplete()
    wizard.reject()


def test_a_mass_deletion_is_asked_about_and_allowed_explicitly(
    qtbot: QtBot, people: dict[str, Installation], tmp_path: Path
) -> None:
    anna, carl = people["anna"], people["carl"]
    first = tmp_path / "alla.kpb"
    anna.services.exchange.export(first, [carl.device])
    carl.services.importing.import_bundles([first])
    for kind in KINDS:
        if kind.name != "themes":
            for summary in anna.services.records.list(kind.name):
                anna.services.records.delete(kind.name, summary.id)
    deleting = tmp_path / "raderar.kpb"
    anna.services.exchange.export(deleting, [carl.device])
    before = _titles(carl.services)

    page = _page(qtbot, carl)
    importer = page.importer
    page.tabs.setCurrentWidget(importer)
    importer.preview_paths([deleting])
    _idle(qtbot, carl)
    assert importer.delete_box.isVisible() and importer.report is None
    assert importer.banner.title.text() == "Importen skulle radera mycket"
    _shot(page, "import_mass_delete")
    qtbot.mouseClick(importer.allow_delete_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, carl)
    assert importer.report is not None and importer.allow_mass_delete
    assert _titles(carl.services) == before, "still only a preview"
    importer.apply()
    _idle(qtbot, carl)
    assert importer.report is not None and importer.report.applied
    assert _titles(carl.services) == set()

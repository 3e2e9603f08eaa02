"""The export wizard: recipients, what to send, the file, then writing and verifying it."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDir, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kommunpolis.domain.errors import KnownError
from kommunpolis.services.exchange import ExportMarkInfo, ExportSummary
from kommunpolis.sync.bundle import PASSPHRASE_MINIMUM, SUFFIX, Passphrase
from kommunpolis.sync.identity import TrustedPeer
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.exchange.common import (
    MessageBanner,
    busy_bar,
    grouped_counts,
    local_time,
)

_FOLDER_KEY = "exchange/export_folder"
DEVICE_ROLE = Qt.ItemDataRole.UserRole + 1


def file_slug(text: str) -> str:
    """Return ``text`` as a short, safe part of a file name."""
    keep = "".join(c if c.isalnum() else "-" for c in text.strip().lower())
    slug = "-".join(part for part in keep.split("-") if part)
    return slug[:40] or "paket"


class RecipientsPage(QWizardPage):
    """Choose trusted installations, or a passphrase for a partner without keys."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Mottagare"))
        self.setSubTitle(self.tr("Paketet krypteras så att bara mottagarna kan öppna det."))
        layout = QVBoxLayout(self)
        self.to_peers = QRadioButton(self.tr("Till betrodda installationer"), self)
        self.to_passphrase = QRadioButton(
            self.tr("Med en lösenfras (en kommunal samverkanspart utan nycklar)"), self
        )
        group = QButtonGroup(self)
        group.addButton(self.to_peers)
        group.addButton(self.to_passphrase)
        self.to_peers.setChecked(True)
        self.peers = QListWidget(self)
        self.peers.setAccessibleName(self.tr("Betrodda mottagare"))
        self.peers.setMinimumHeight(120)
        self.no_peers = QLabel(
            self.tr(
                "Inga betrodda installationer ännu. Lita på mottagarens identitetsfil under "
                "Identiteter, eller välj en lösenfras."
            ),
            self,
        )
        self.no_peers.setWordWrap(True)
        self.no_peers.hide()
        form = QFormLayout()
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Lösenfras:"), self.passphrase)
        form.addRow(self.tr("&Upprepa lösenfrasen:"), self.repeat)
        self.passphrase_hint = QLabel(self)
        self.passphrase_hint.setWordWrap(True)
        layout.addWidget(self.to_peers)
        layout.addWidget(self.peers, 1)
        layout.addWidget(self.no_peers)
        layout.addWidget(self.to_passphrase)
        layout.addLayout(form)
        layout.addWidget(self.passphrase_hint)
        self.banner = MessageBanner(self)
        layout.addWidget(self.banner)
        for signal in (
            self.to_peers.toggled,
            self.peers.itemChanged,
            self.passphrase.textChanged,
            self.repeat.textChanged,
        ):
            signal.connect(self._changed)
        self._changed()

    def set_peers(self, peers: Sequence[TrustedPeer], marks: Sequence[ExportMarkInfo]) -> None:
        """List the trusted peers, each with when it last got a bundle."""
        last = {mark.recipient: mark for mark in marks}
        self.peers.clear()
        for peer in peers:
            mark = last.get(str(peer.device_id))
            if mark is None:
                note = self.tr("aldrig exporterat till")
            else:
                note = self.tr("senast {when}, paket {number}").format(
                    when=local_time(mark.exported_at), number=mark.bundles
                )
            item = QListWidgetItem(f"{peer.name}  ·  {peer.fingerprint}  ·  {note}")
            item.setData(DEVICE_ROLE, peer.device_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if len(peers) == 1 else Qt.CheckState.Unchecked
            )
            self.peers.addItem(item)
        self.no_peers.setVisible(not peers)
        self._changed()

    def chosen_devices(self) -> list[uuid.UUID]:
        """Return the checked peers' device ids."""
        chosen = []
        for row in range(self.peers.count()):
            item = self.peers.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(item.data(DEVICE_ROLE))
        return chosen

    def chosen_names(self) -> list[str]:
        """Return the checked peers' names."""
        names = []
        for row in range(self.peers.count()):
            item = self.peers.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                names.append(item.text().split("  ·  ")[0])
        return names

    def _changed(self) -> None:
        by_passphrase = self.to_passphrase.isChecked()
        self.peers.setEnabled(not by_passphrase)
        self.passphrase.setEnabled(by_passphrase)
        self.repeat.setEnabled(by_passphrase)
        hint = ""
        if by_passphrase:
            if len(self.passphrase.text()) < PASSPHRASE_MINIMUM:
                hint = self.tr(
                    "Minst {n} tecken. Lämna lösenfrasen på ett annat sätt än paketet, "
                    "till exempel i telefon."
                ).format(n=PASSPHRASE_MINIMUM)
            elif self.passphrase.text() != self.repeat.text():
                hint = self.tr("Lösenfraserna är inte lika.")
        self.passphrase_hint.setText(hint)
        self.passphrase_hint.setVisible(bool(hint))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt override
        """Return whether a recipient is chosen (or a usable passphrase given twice)."""
        if self.to_passphrase.isChecked():
            text = self.passphrase.text()
            return len(text) >= PASSPHRASE_MINIMUM and text == self.repeat.text()
        return bool(self.chosen_devices())


class ContentPage(QWizardPage):
    """Incremental or full; police-only sources only when explicitly included."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Innehåll"))
        self.setSubTitle(self.tr("Vad ska paketet innehålla?"))
        layout = QVBoxLayout(self)
        self.incremental = QRadioButton(self.tr("Ändringar (rekommenderas)"), self)
        incremental_note = QLabel(
            self.tr(
                "Allt som ändrats sedan förra exporten till mottagaren, även borttagningar. "
                "Första gången till en mottagare blir det allt."
            ),
            self,
        )
        self.full = QRadioButton(self.tr("Allt (fullständig export)"), self)
        full_note = QLabel(
            self.tr("Alla poster, även borttagna. Använd om mottagaren har tappat bort paket."),
            self,
        )
        for note in (incremental_note, full_note):
            note.setWordWrap(True)
            note.setIndent(24)
        group = QButtonGroup(self)
        group.addButton(self.incremental)
        group.addButton(self.full)
        self.incremental.setChecked(True)
        self.police_only = QCheckBox(self.tr("Ta med källor som bara är för polisen"), self)
        self.police_warning = QLabel(
            self.tr(
                "Varning: polisiära underrättelser och andra källor markerade ”endast polis” "
                "kommer med i paketet. Skicka det bara till polisens egna installationer."
            ),
            self,
        )
        self.police_warning.setWordWrap(True)
        self.police_warning.setStyleSheet("color: #8a1c12; font-weight: bold;")
        self.police_warning.hide()
        self.police_only.toggled.connect(self.police_warning.setVisible)
        layout.addWidget(self.incremental)
        layout.addWidget(incremental_note)
        layout.addSpacing(6)
        layout.addWidget(self.full)
        layout.addWidget(full_note)
        layout.addSpacing(16)
        layout.addWidget(self.police_only)
        layout.addWidget(self.police_warning)
        layout.addStretch(1)


class FilePage(QWizardPage):
    """Choose where the bundle is written."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Fil"))
        self.setSubTitle(
            self.tr("Spara paketet på USB-minnet eller i en mapp du skickar det från.")
        )
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Spara som:"), self)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        label.setBuddy(self.path)
        self.browse = QPushButton(self.tr("Välj…"), self)
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.path.textChanged.connect(self.completeChanged)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Exportera"))

    def initializePage(self) -> None:  # Qt override
        """Propose a file name from the recipient and today's date."""
        wizard = self._wizard
        if not self.path.text():
            self.path.setText(str(wizard.default_path()))
        self.summary.setText(wizard.describe_choice())

    def isComplete(self) -> bool:  # Qt override
        """Return whether a file name is given."""
        return bool(self.path.text().strip())

    def chosen_path(self) -> Path:
        """Return the file to write, with the .kpb suffix."""
        path = Path(self.path.text().strip()).expanduser()
        return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara paketet"),
            self.path.text(),
            self.tr("Kommunpolis-paket (*.kpb)"),
        )
        if path:
            self.path.setText(path)


class RunPage(QWizardPage):
    """Write the bundle on the worker; say it was verified and safe to unplug."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Export"))
        layout = QVBoxLayout(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.busy = busy_bar(self)
        self.banner = MessageBanner(self)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restart = QPushButton(self.tr("Börja om"), self)
        self.restart.hide()
        self.restart.clicked.connect(wizard.restart)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.banner)
        layout.addWidget(self.counts)
        row = QHBoxLayout()
        row.addWidget(self.restart)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.summary: ExportSummary | None = None
        self.error: KnownError | None = None
        self._running = False

    def initializePage(self) -> None:  # Qt override
        """Start the export."""
        self.summary = None
        self.error = None
        self.banner.clear()
        self.counts.clear()
        self.restart.hide()
        self.status.setText(
            self.tr("Paketet skrivs och läses sedan tillbaka för kontroll. Ta inte ut USB-minnet.")
        )
        self.busy.show()
        self._running = True
        self._wizard.start_export(self._finished, self._failed)

    def isComplete(self) -> bool:  # Qt override
        """Return whether the export has finished (well)."""
        return self.summary is not None

    def _finished(self, summary: ExportSummary) -> None:
        self._running = False
        self.summary = summary
        self.busy.hide()
        self.status.clear()
        self.setTitle(self.tr("Klart"))
        self.banner.show_success(
            self.tr("Paketet är skrivet och kontrollerat"),
            self.tr("Paketet lästes tillbaka och kontrollerades. Du kan tryggt ta ut USB-minnet."),
        )
        total = sum(summary.counts.values())
        lines = [
            self.tr("Fil: {path}").format(path=summary.path),
            self.tr("Paket nummer {sequence} från den här installationen, {size} kB").format(
                sequence=summary.sequence, size=max(1, round(summary.size / 1024))
            ),
        ]
        if summary.kind == "full":
            lines.append(self.tr("Fullständig export: %n poster", "", total))
        elif summary.first_export:
            lines.append(self.tr("Första exporten till mottagaren: %n poster", "", total))
        elif total:
            lines.append(self.tr("%n poster har ändrats sedan förra exporten", "", total))
        else:
            lines.append(
                self.tr(
                    "Inget har ändrats sedan förra exporten. Paketet bär bara sitt nummer, "
                    "så att mottagaren ser att inget saknas."
                )
            )
        listed = grouped_counts(summary.counts)
        if listed:
            lines.append("")
            lines.append(" · ".join(f"{name} {count}" for name, count in listed))
        if summary.police_only_included:
            lines.append(self.tr("Källor som bara är för polisen är MED i paketet."))
        self.counts.setText("\n".join(lines))
        self.completeChanged.emit()

    def _failed(self, error: KnownError) -> None:
        self._running = False
        self.error = error
        self.busy.hide()
        self.status.setText(self.tr("Inget paket skrevs, och inget har ändrats."))
        self.banner.show_error(error)
        self.restart.show()
        self.completeChanged.emit()


class ExportWizard(QWizard):
    """Export a bundle in four steps; the export runs on the database worker."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(self.tr("Exportera paket"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(640, 500)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Nästa >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Tillbaka"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Klar"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Avbryt"))
        self.recipients = RecipientsPage(self)
        self.content = ContentPage(self)
        self.file = FilePage(self)
        self.run = RunPage(self)
        for page in (self.recipients, self.content, self.file, self.run):
            self.addPage(page)
        self.owner_name = ""
        self.load()

    def load(self) -> None:
        """Read the trust list, the last exports and the own name on the worker."""
        services = self._context.services

        def read() -> tuple[tuple[TrustedPeer, ...], tuple[ExportMarkInfo, ...], str]:
            return (
                services.identity.trusted(),
                services.exchange.marks(),
                (services.identity.public().name),
            )

        def loaded(
            result: tuple[tuple[TrustedPeer, ...], tuple[ExportMarkInfo, ...], str],
        ) -> None:
            peers, marks, name = result
            self.owner_name = name
            self.recipients.set_peers(peers, marks)

        self._context.worker.submit(read, loaded, self._load_failed, owner=self)

    def _load_failed(self, error: KnownError) -> None:
        self.recipients.no_peers.setText(self.tr("Listan kunde inte läsas."))
        self.recipients.no_peers.show()
        self.recipients.banner.show_error(error)

    def default_path(self) -> Path:
        """Return kommunpolis-<recipient>-<date>.kpb in the folder used last."""
        folder = self._context.settings.value(_FOLDER_KEY, "")
        if not folder or not Path(str(folder)).is_dir():
            folder = (
                QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                or QDir.homePath()
            )
        if self.recipients.to_passphrase.isChecked():
            who = self.tr("losenfras")
        else:
            names = self.recipients.chosen_names()
            who = names[0] if len(names) == 1 else self.tr("flera")
        return (
            Path(str(folder)) / f"kommunpolis-{file_slug(who)}-{date.today().isoformat()}{SUFFIX}"
        )

    def describe_choice(self) -> str:
        """Return the choices so far in one paragraph."""
        if self.recipients.to_passphrase.isChecked():
            to = self.tr("med lösenfras")
        else:
            to = self.tr("till {names}").format(names=", ".join(self.recipients.chosen_names()))
        what = (
            self.tr("allt")
            if self.content.full.isChecked()
            else self.tr("ändringar sedan förra exporten")
        )
        text = self.tr("Paketet krypteras {to} och innehåller {what}.").format(to=to, what=what)
        if self.content.police_only.isChecked():
            text += " " + self.tr("Källor endast för polisen är MED.")
        return text

    def start_export(
        self,
        on_success: Callable[[ExportSummary], None],
        on_failure: Callable[[KnownError], None],
    ) -> None:
        """Run the export with the choices made, on the worker."""
        recipients: Sequence[uuid.UUID] | Passphrase
        if self.recipients.to_passphrase.isChecked():
            recipients = Passphrase(self.recipients.passphrase.text())
        else:
            recipients = self.recipients.chosen_devices()
        path = self.file.chosen_path()
        full = self.content.full.isChecked()
        police_only = self.content.police_only.isChecked()
        exchange = self._context.services.exchange
        self._context.settings.setValue(_FOLDER_KEY, str(path.parent))
        self._context.worker.submit(
            lambda: exchange.export(path, recipients, full=full, include_police_only=police_only),
            on_success,
            on_failure,
            owner=self,
        )

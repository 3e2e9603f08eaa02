"""Utbyte: export and import bundles, resolve conflicts, manage identities, coordinate.

Each tab is a panel of :mod:`kommunpolis.ui.exchange`; every read and write runs on the
database worker. With the coordinator role the coordinator's view comes first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.vocabulary import Role
from kommunpolis.services.exchange import ExportMarkInfo
from kommunpolis.services.read_models import ProfileView
from kommunpolis.sync.bundle import PASSPHRASE_RECIPIENT
from kommunpolis.sync.identity import TrustedPeer
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.exchange.common import MessageBanner, local_time
from kommunpolis.ui.exchange.conflicts import ConflictsPanel
from kommunpolis.ui.exchange.coordination import CoordinatorPanel
from kommunpolis.ui.exchange.export_wizard import ExportWizard
from kommunpolis.ui.exchange.identities import IdentitiesPanel
from kommunpolis.ui.exchange.importing import ImportPanel


class ExportPanel(QWidget):
    """Start the export wizard; list the last export to each recipient."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.wizard: ExportWizard | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        text = QLabel(
            self.tr(
                "Exportera dina poster som en signerad och krypterad paketfil (.kpb) till "
                "regionkontoret eller en annan installation du litar på. Paketet kan bara "
                "öppnas av mottagarna; ett borttappat USB-minne avslöjar ingenting."
            ),
            self,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Exportera paket…"), self)
        self.start_button.clicked.connect(self.open_wizard)
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.marks_heading = QLabel(self.tr("Senaste exporterna"), self)
        font = self.marks_heading.font()
        font.setBold(True)
        self.marks_heading.setFont(font)
        self.marks = QLabel(self)
        self.marks.setWordWrap(True)
        layout.addSpacing(12)
        layout.addWidget(self.marks_heading)
        layout.addWidget(self.marks)
        layout.addStretch(1)
        self.banner = MessageBanner(self)
        layout.addWidget(self.banner)

    def open_wizard(self) -> ExportWizard:
        """Open the export wizard (not modal: the rest of the window stays usable)."""
        wizard = ExportWizard(self._context, self)
        wizard.finished.connect(lambda _result: self._wizard_closed(wizard))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _wizard_closed(self, wizard: ExportWizard) -> None:
        if self.wizard is wizard:
            self.wizard = None
        wizard.deleteLater()
        self.reload()

    def reload(self) -> None:
        """Read the last exports on the worker."""
        services = self._context.services

        def read() -> tuple[tuple[ExportMarkInfo, ...], dict[str, str]]:
            peers: tuple[TrustedPeer, ...] = (
                *services.identity.trusted(),
                *services.identity.revoked(),
            )
            return services.exchange.marks(), {str(p.device_id): p.name for p in peers}

        self._context.worker.submit(read, self._loaded, self.banner.show_error, owner=self)

    def _loaded(self, result: tuple[tuple[ExportMarkInfo, ...], dict[str, str]]) -> None:
        marks, names = result
        if not marks:
            self.marks.setText(self.tr("Inget har exporterats från den här installationen ännu."))
            return
        lines = []
        for mark in marks:
            if mark.recipient == PASSPHRASE_RECIPIENT:
                who = self.tr("Med lösenfras")
            else:
                who = names.get(mark.recipient, mark.recipient)
            lines.append(
                self.tr(
                    "{who}: {when}, paket nummer {number} (%n paket totalt)", "", mark.bundles
                ).format(who=who, when=local_time(mark.exported_at), number=mark.sequence)
            )
        self.marks.setText("\n".join(lines))


class ExchangePage(QWidget):
    """The Utbyte section: tabs for export, import, conflicts, identities and coordination."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.role: Role | None = None
        self._loaded_once = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        heading = QLabel(self.tr("Utbyte"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.tabs = QTabWidget(self)
        self.exporter = ExportPanel(context, self.tabs)
        self.importer = ImportPanel(context, self.tabs)
        self.conflicts = ConflictsPanel(context, self.tabs)
        self.identities = IdentitiesPanel(context, self.tabs)
        self.coordination = CoordinatorPanel(context, self.tabs)
        self.tabs.addTab(self.exporter, self.tr("Exportera"))
        self.tabs.addTab(self.importer, self.tr("Importera"))
        self.tabs.addTab(self.conflicts, self.tr("Konflikter"))
        self.tabs.addTab(self.identities, self.tr("Identiteter"))
        self.tabs.addTab(self.coordination, self.tr("Mottaget"))
        layout.addWidget(self.tabs, 1)

        self.importer.imported.connect(self._imported)
        self.importer.trust_file_chosen.connect(self._trust_sender)
        self.identities.trust_changed.connect(self._trust_changed)
        self.conflicts.count_changed.connect(self._conflict_count)
        self.conflicts.resolved.connect(lambda _info: self.coordination.reload())
        self.setAcceptDrops(True)
        self._load_role()

    def _load_role(self) -> None:
        profiles = self._context.services.profiles
        self._context.worker.submit(profiles.current, self._role_loaded, owner=self)

    def _role_loaded(self, profile: ProfileView | None) -> None:
        self.role = profile.role if profile is not None else None
        if self.role == Role.COORDINATOR:
            # The coordinator's view first and chosen: that is what a coordinator opens Utbyte for.
            self.coordination.set_prominent(True)
            self.tabs.tabBar().moveTab(self.tabs.indexOf(self.coordination), 0)
            self.tabs.setTabText(0, self.tr("Samordning"))
            self.tabs.setCurrentIndex(0)

    def reload(self) -> None:
        """Read every panel's data again (on the worker)."""
        self._loaded_once = True
        self.exporter.reload()
        self.identities.reload()
        self.conflicts.reload()
        self.coordination.reload()

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        """Load the panels the first time the page is shown."""
        super().showEvent(event)
        if not self._loaded_once:
            self.reload()

    def _imported(self, _report: object) -> None:
        self.conflicts.reload()
        self.coordination.reload()

    def _trust_sender(self, path: Path, fingerprint: str) -> None:
        self.identities.read_identity_file(path, expected_fingerprint=fingerprint)

    def _trust_changed(self) -> None:
        self.exporter.reload()
        if self.importer.paths and self.importer.report is None:
            self.importer.run_preview()

    def _conflict_count(self, count: int) -> None:
        index = self.tabs.indexOf(self.conflicts)
        title = self.tr("Konflikter ({n})").format(n=count) if count else self.tr("Konflikter")
        self.tabs.setTabText(index, title)

    # ---------------------------------------------------------------- dropping files

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt override
        """Accept dragged bundle files."""
        if ImportPanel.bundle_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override
        """Preview importing the dropped bundle files."""
        paths = ImportPanel.bundle_paths(event.mimeData().urls())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.tabs.setCurrentWidget(self.importer)
        self.importer.preview_paths(paths)

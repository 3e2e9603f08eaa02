"""Identiteter: this installation's identity and fingerprint, and the trust list."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import KnownError
from kommunpolis.sync.identity import PublicIdentity, TrustedPeer, load_public
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.exchange.common import (
    ITEM_ROLE,
    BatchedTableModel,
    MessageBanner,
    local_time,
    monospace_font,
)

# Room for the fingerprint and the advice; only the message's text labels, not the icon.
_WIDE_TEXT = "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 380px; }"


class TrustListModel(BatchedTableModel[TrustedPeer]):
    """The installations this one trusts (and those it revoked)."""

    class Column(IntEnum):
        """The model's columns."""

        NAME = 0
        FINGERPRINT = 1
        DEVICE = 2
        TRUSTED = 3
        STATE = 4

    COLUMN_COUNT = len(Column)

    def header(self, column: int) -> str:
        """Return a column's header."""
        return {
            self.Column.NAME: self.tr("Namn"),
            self.Column.FINGERPRINT: self.tr("Fingeravtryck"),
            self.Column.DEVICE: self.tr("Enhet"),
            self.Column.TRUSTED: self.tr("Betrodd sedan"),
            self.Column.STATE: self.tr("Status"),
        }[self.Column(column)]

    def cell(self, item: TrustedPeer, column: int) -> object:
        """Return what a cell shows."""
        match self.Column(column):
            case self.Column.NAME:
                return item.name
            case self.Column.FINGERPRINT:
                return item.fingerprint
            case self.Column.DEVICE:
                return str(item.device_id)
            case self.Column.TRUSTED:
                return local_time(item.trusted_at)
            case self.Column.STATE:
                if item.revoked:
                    return self.tr("Återkallad {when}").format(when=local_time(item.revoked_at))
                return self.tr("Betrodd")


class IdentitiesPanel(QWidget):
    """Show the own identity; hand it over; trust others' identity files; revoke."""

    trust_changed = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.own: PublicIdentity | None = None
        self.pending_identity: PublicIdentity | None = None
        self.confirm_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        own_box = QGroupBox(self.tr("Den här installationen"), self)
        own_layout = QVBoxLayout(own_box)
        self.own_name = QLabel(own_box)
        name_font = self.own_name.font()
        name_font.setBold(True)
        name_font.setPointSizeF(name_font.pointSizeF() * 1.2)
        self.own_name.setFont(name_font)
        self.fingerprint_caption = QLabel(self.tr("Fingeravtryck (läs upp det för mottagaren):"))
        self.fingerprint = QLabel(own_box)
        self.fingerprint.setFont(monospace_font(1.8))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAccessibleName(self.tr("Ditt fingeravtryck"))
        self.device = QLabel(own_box)
        self.device.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("Spara min identitetsfil…"), own_box)
        self.export_button.clicked.connect(self._choose_export_path)
        own_layout.addWidget(self.own_name)
        own_layout.addWidget(self.fingerprint_caption)
        own_layout.addWidget(self.fingerprint)
        own_layout.addWidget(self.device)
        explain = QLabel(
            self.tr(
                "Ge identitetsfilen till dem som ska ta emot dina paket eller skicka paket "
                "till dig. Jämför fingeravtrycket muntligt, till exempel i telefon."
            ),
            own_box,
        )
        explain.setWordWrap(True)
        own_layout.addWidget(explain)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        own_layout.addLayout(row)
        layout.addWidget(own_box)

        trust_box = QGroupBox(self.tr("Betrodda installationer"), self)
        trust_layout = QVBoxLayout(trust_box)
        self.model = TrustListModel(self)
        self.table = QTableView(trust_box)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Betrodda installationer"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TrustListModel.Column.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        trust_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.trust_button = QPushButton(self.tr("Lita på en identitetsfil…"), trust_box)
        self.trust_button.clicked.connect(self._choose_identity_file)
        self.revoke_button = QPushButton(self.tr("Återkalla…"), trust_box)
        self.revoke_button.setEnabled(False)
        self.revoke_button.clicked.connect(self._ask_revoke)
        buttons.addWidget(self.trust_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        trust_layout.addLayout(buttons)
        layout.addWidget(trust_box, 1)

        self.banner = MessageBanner(self)
        layout.addWidget(self.banner)
        self.setTabOrder(self.export_button, self.table)
        self.setTabOrder(self.table, self.trust_button)
        self.setTabOrder(self.trust_button, self.revoke_button)

    # ---------------------------------------------------------------- loading

    def reload(self) -> None:
        """Read the own identity and the trust list on the worker."""
        identity = self._context.services.identity

        def read() -> tuple[PublicIdentity, tuple[TrustedPeer, ...]]:
            return identity.public(), (*identity.trusted(), *identity.revoked())

        self._context.worker.submit(read, self._loaded, self.banner.show_error, owner=self)

    def _loaded(self, result: tuple[PublicIdentity, tuple[TrustedPeer, ...]]) -> None:
        own, peers = result
        self.own = own
        self.own_name.setText(own.name)
        self.fingerprint.setText(own.fingerprint)
        self.device.setText(self.tr("Enhet: {device}").format(device=own.device_id))
        self.model.set_items(peers)
        self._selection_changed()

    def _selection_changed(self) -> None:
        peer = self.selected_peer()
        self.revoke_button.setEnabled(peer is not None and not peer.revoked)

    def selected_peer(self) -> TrustedPeer | None:
        """Return the peer selected in the trust list."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = rows[0].data(ITEM_ROLE)
        return item if isinstance(item, TrustedPeer) else None

    # ---------------------------------------------------------------- export

    def _choose_export_path(self) -> None:
        name = "kommunpolis-identitet.json"
        if self.own is not None:
            slug = "-".join(self.own.name.lower().split())
            name = f"kommunpolis-identitet-{slug}.json"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara min identitetsfil"),
            str(Path(QDir.homePath()) / name),
            self.tr("Identitetsfiler (*.json)"),
        )
        if path:
            self.export_identity(Path(path))

    def export_identity(self, path: Path) -> None:
        """Write the own identity file to ``path`` (on the worker)."""
        identity = self._context.services.identity
        self._context.worker.submit(
            lambda: identity.export(path),
            lambda public: self.banner.show_success(
                self.tr("Identitetsfilen är sparad"),
                self.tr("{path}\nFingeravtryck: {fingerprint}").format(
                    path=path, fingerprint=public.fingerprint
                ),
            ),
            self.banner.show_error,
            owner=self,
        )

    # ---------------------------------------------------------------- trust

    def _choose_identity_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Lita på en identitetsfil"),
            QDir.homePath(),
            self.tr("Identitetsfiler (*.json);;Alla filer (*)"),
        )
        if path:
            self.read_identity_file(Path(path))

    def read_identity_file(self, path: Path, *, expected_fingerprint: str | None = None) -> None:
        """Read an identity file (on the worker), then ask whether to trust it."""
        self._context.worker.submit(
            lambda: load_public(path),
            lambda public: self._ask_trust(public, expected_fingerprint),
            self.banner.show_error,
            owner=self,
        )

    def _ask_trust(self, public: PublicIdentity, expected_fingerprint: str | None) -> None:
        if expected_fingerprint is not None and public.fingerprint != expected_fingerprint:
            self.banner.show_notice(
                self.tr("Fel identitetsfil"),
                self.tr(
                    "Filen har fingeravtrycket {found}, men paketet kommer från "
                    "{expected}. Ingenting har ändrats."
                ).format(found=public.fingerprint, expected=expected_fingerprint),
            )
            return
        self.pending_identity = public
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Lita på {name}?").format(name=public.name))
        box.setText(
            self.tr(
                "<b>{name}</b><br>Fingeravtryck:<br><tt style='font-size:large'>{fp}</tt>"
            ).format(name=_escape(public.name), fp=public.fingerprint)
        )
        box.setInformativeText(
            self.tr(
                "Be {name} läsa upp sitt fingeravtryck (det står under Utbyte → Identiteter). "
                "Lita bara på filen om det är exakt samma."
            ).format(name=_escape(public.name))
        )
        trust = box.addButton(self.tr("Samma – lita på"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton)
        box.setStyleSheet(_WIDE_TEXT)
        box.finished.connect(
            lambda _result: self._trust_answered(box, box.clickedButton() is trust)
        )
        self.confirm_box = box
        box.open()

    def _trust_answered(self, box: QMessageBox, accepted: bool) -> None:
        public = self.pending_identity
        self.confirm_box = None
        self.pending_identity = None
        box.deleteLater()
        if accepted and public is not None:
            self.trust(public)

    def trust(self, public: PublicIdentity) -> None:
        """Add ``public`` to the trust list (on the worker), then reload."""
        identity = self._context.services.identity

        def done(peer: TrustedPeer) -> None:
            self.banner.show_success(
                self.tr("{name} är betrodd").format(name=peer.name),
                self.tr("Fingeravtryck {fingerprint}").format(fingerprint=peer.fingerprint),
            )
            self.reload()
            self.trust_changed.emit()

        self._context.worker.submit(
            lambda: identity.trust(public), done, self.banner.show_error, owner=self
        )

    # ---------------------------------------------------------------- revoke

    def _ask_revoke(self) -> None:
        peer = self.selected_peer()
        if peer is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setStyleSheet(_WIDE_TEXT)
        box.setWindowTitle(self.tr("Återkalla {name}?").format(name=peer.name))
        box.setText(
            self.tr(
                "Paket från {name} godtas inte längre, och du kan inte exportera till "
                "installationen. Posterna som redan kommit in finns kvar."
            ).format(name=_escape(peer.name))
        )
        revoke = box.addButton(self.tr("Återkalla"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.finished.connect(
            lambda _result: self._revoke_answered(box, peer, box.clickedButton() is revoke)
        )
        self.confirm_box = box
        box.open()

    def _revoke_answered(self, box: QMessageBox, peer: TrustedPeer, accepted: bool) -> None:
        self.confirm_box = None
        box.deleteLater()
        if accepted:
            self.revoke(peer)

    def revoke(self, peer: TrustedPeer) -> None:
        """Revoke ``peer`` (on the worker), then reload."""
        identity = self._context.services.identity

        def done(revoked: TrustedPeer) -> None:
            self.banner.show_notice(self.tr("{name} är återkallad").format(name=revoked.name))
            self.reload()
            self.trust_changed.emit()

        def failed(error: KnownError) -> None:
            self.banner.show_error(error)

        self._context.worker.submit(
            lambda: identity.revoke(peer.device_id), done, failed, owner=self
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

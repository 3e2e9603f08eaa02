"""Turn known errors into Swedish messages; report bugs with a crash dialog and a log."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kommunpolis.domain.errors import (
    AttachmentWriteFailed,
    BackupFailed,
    BundleInvalid,
    BundleNotForUs,
    BundleRevokedSender,
    BundleTooNew,
    BundleUnknownSender,
    BundleWriteFailed,
    ConflictNotFound,
    CsvWriteFailed,
    DatabaseCorrupt,
    DatabaseError,
    DatabaseFull,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
    DemoRefused,
    DocumentWriteFailed,
    FieldErrors,
    IdentityFileInvalid,
    IdentityIsOwn,
    IdentityMissing,
    IdentityStoreFailed,
    InvalidInput,
    InvalidTransition,
    KnownError,
    MassDeleteRefused,
    NotForCitizens,
    PeerNotTrusted,
    ProfileExists,
    ProfileMissing,
    PurgePreviewStale,
    RecordNotFound,
    TrustConflict,
)

log = logging.getLogger(__name__)

LOG_FILE_NAME = "kommunpolis.log"
LOG_FILE_BYTES = 1_000_000
LOG_FILE_COUNT = 5

# A plain name, so that lupdate sees each translate("errors", "…") call.
translate = QCoreApplication.translate


def _status_label(kind: str, value: str) -> str:
    """Return the Swedish name of a status code of ``kind`` (the code if unknown)."""
    # Here, not at the top: the app imports this module before its window has painted.
    from kommunpolis.domain.record_fields import SPECS_BY_KIND
    from kommunpolis.ui.labels import label

    status_type = SPECS_BY_KIND[kind].status_type if kind in SPECS_BY_KIND else None
    try:
        return label(status_type(value)) if status_type is not None else value
    except ValueError:
        return value


def describe(error: KnownError) -> tuple[str, str]:
    """Return a translated title and message that tell the user what happened and what to do."""
    if isinstance(error, DatabaseError):
        return _describe_database(error)
    if isinstance(error, InvalidInput):
        return translate("errors", "Ogiltigt värde"), field_message(error)
    if isinstance(error, FieldErrors):
        return translate("errors", "Några fält behöver rättas"), translate(
            "errors", "Rätta de markerade fälten. Inget av det du skrivit har försvunnit."
        )
    if isinstance(error, InvalidTransition):
        return translate("errors", "Statusen kan inte ändras"), translate(
            "errors", "En post kan inte gå från ”{current}” till ”{target}”."
        ).format(
            current=_status_label(error.kind, error.current),
            target=_status_label(error.kind, error.target),
        )
    if isinstance(error, RecordNotFound):
        return translate("errors", "Posten finns inte"), translate(
            "errors", "Posten finns inte längre. Den kan ha tagits bort."
        )
    if isinstance(error, ProfileMissing):
        return translate("errors", "Ingen profil"), translate(
            "errors", "Skapa din profil innan du börjar registrera."
        )
    if isinstance(error, ProfileExists):
        return translate("errors", "Profilen finns redan"), translate(
            "errors", "Det finns redan en profil för {name} på den här datorn."
        ).format(name=error.name)
    if isinstance(error, DemoRefused):
        return translate("errors", "Demodata läggs inte till"), translate(
            "errors", "Databasen innehåller redan {count} riktiga poster."
        ).format(count=error.record_count)
    if isinstance(error, IdentityFileInvalid):
        return translate("errors", "Filen är ingen giltig identitet"), translate(
            "errors", "{path} kunde inte läsas som en Kommunpolis-identitet: {detail}"
        ).format(path=error.path, detail=error.detail)
    if isinstance(error, IdentityStoreFailed):
        return translate("errors", "Nycklarna kunde inte sparas"), translate(
            "errors", "Nycklarna i {path} kunde inte sparas: {detail}"
        ).format(path=error.path, detail=error.detail)
    if isinstance(error, IdentityMissing):
        return translate("errors", "Nycklar saknas"), translate(
            "errors", "Den här installationen har inga nycklar ännu ({path}). Skapa profilen först."
        ).format(path=error.keys_dir)
    if isinstance(error, IdentityIsOwn):
        return translate("errors", "Det är din egen identitet"), translate(
            "errors",
            "Filen beskriver den här datorn. Lita på identiteter från andra installationer.",
        )
    if isinstance(error, TrustConflict):
        return translate("errors", "Nycklarna stämmer inte"), translate(
            "errors",
            "Enheten {device} är betrodd med fingeravtrycket {trusted}, men filen har "
            "{offered}. Kontrollera med avsändaren och återkalla den gamla posten först.",
        ).format(
            device=error.device_id,
            trusted=error.trusted_fingerprint,
            offered=error.offered_fingerprint,
        )
    if isinstance(error, PeerNotTrusted):
        return translate("errors", "Okänd avsändare"), translate(
            "errors", "Enheten {device} finns inte bland de betrodda."
        ).format(device=error.device_id)
    if isinstance(error, BundleUnknownSender | BundleRevokedSender):
        revoked = isinstance(error, BundleRevokedSender)
        title = (
            translate("errors", "Avsändaren är återkallad")
            if revoked
            else translate("errors", "Okänd avsändare")
        )
        return title, translate(
            "errors",
            "{path} kommer från {name} (fingeravtryck {fingerprint}), som inte är betrodd. "
            "Jämför fingeravtrycket med avsändaren innan du litar på den.",
        ).format(path=error.path, name=error.name, fingerprint=error.fingerprint)
    if isinstance(error, BundleNotForUs):
        return translate("errors", "Paketet är inte till dig"), translate(
            "errors", "{path} kan inte öppnas med den här installationens nycklar: {reason}"
        ).format(path=error.path, reason=error.reason)
    if isinstance(error, BundleTooNew):
        return translate("errors", "Paketet kommer från en nyare version"), translate(
            "errors", "{path} har paketformat {version}. Uppdatera Kommunpolis för att läsa det."
        ).format(path=error.path, version=error.version)
    if isinstance(error, BundleInvalid):
        return translate("errors", "Paketet är skadat eller inget paket"), translate(
            "errors", "{path} godtas inte: {reason}. Inget har ändrats."
        ).format(path=error.path, reason=error.reason)
    if isinstance(error, AttachmentWriteFailed):
        return translate("errors", "En bilaga kunde inte sparas"), translate(
            "errors", "En bilaga i {path} kunde inte sparas: {detail}. Inget har importerats."
        ).format(path=error.path, detail=error.detail)
    if isinstance(error, MassDeleteRefused):
        return translate("errors", "Importen skulle radera mycket"), translate(
            "errors",
            "{path} skulle radera {deleting} av de {live} posterna här. Inget har importerats."
            " Kontrollera med avsändaren; är det avsiktligt, importera igen och tillåt"
            " raderingarna.",
        ).format(path=error.path, deleting=error.deleting, live=error.live)
    if isinstance(error, ConflictNotFound):
        return translate("errors", "Konflikten finns inte"), translate(
            "errors", "Ingen öppen konflikt har id {id}. Den kan redan vara löst."
        ).format(id=error.conflict_id)
    if isinstance(error, BundleWriteFailed):
        return translate("errors", "Paketet kunde inte skrivas"), translate(
            "errors", "{path} kunde inte skrivas: {detail}. Ingen halvfärdig fil finns kvar."
        ).format(path=error.path, detail=error.detail)
    if isinstance(error, DocumentWriteFailed):
        return translate("errors", "Dokumentet kunde inte sparas"), translate(
            "errors", "{path} kunde inte skrivas: {detail}. Ingen halvfärdig fil finns kvar."
        ).format(path=error.path, detail=error.detail)
    if isinstance(error, NotForCitizens):
        return translate("errors", "Inte för medborgare"), translate(
            "errors",
            "Posten är markerad som intern eller sekretess. Ett dokument till medborgare "
            "kan inte göras av den förrän den är markerad som öppen.",
        )
    if isinstance(error, BackupFailed):
        return translate("errors", "Säkerhetskopian misslyckades"), translate(
            "errors", "Säkerhetskopian kunde inte sparas i {target}.\n\n{detail}"
        ).format(target=error.target, detail=error.detail)
    if isinstance(error, PurgePreviewStale):
        return translate("errors", "Förhandsgranska igen"), translate(
            "errors",
            "Gallringstiderna har ändrats sedan förhandsgranskningen. Förhandsgranska "
            "igen innan du gallrar. Inget har tömts.",
        )
    if isinstance(error, CsvWriteFailed):
        return translate("errors", "CSV-filen kunde inte sparas"), translate(
            "errors", "{path} kunde inte skrivas: {detail}. Ingen halvfärdig fil finns kvar."
        ).format(path=error.path, detail=error.detail)
    return translate("errors", "Något gick fel"), str(error)


def _describe_database(error: DatabaseError) -> tuple[str, str]:
    path = str(error.path)
    if isinstance(error, DatabaseCorrupt):
        return translate("errors", "Databasen är skadad"), translate(
            "errors",
            "Filen {path} är skadad eller är inte en Kommunpolis-databas.\n\n"
            "Återställ en säkerhetskopia från mappen backups bredvid filen, eller flytta "
            "filen till en annan mapp och starta Kommunpolis igen. Filen har inte ändrats.",
        ).format(path=path)
    if isinstance(error, DatabaseLocked):
        return translate("errors", "Databasen är låst"), translate(
            "errors",
            "Ett annat program använder {path}.\n\n"
            "Stäng andra Kommunpolis-fönster eller kommandon och försök igen.",
        ).format(path=path)
    if isinstance(error, DatabaseReadOnly):
        return translate("errors", "Databasen kan inte sparas"), translate(
            "errors",
            "Kommunpolis får inte skriva till {path}.\n\n"
            "Kontrollera behörigheterna för filen och mappen, eller starta Kommunpolis "
            "med --data-dir och en annan mapp.",
        ).format(path=path)
    if isinstance(error, DatabaseFull):
        return translate("errors", "Disken är full"), translate(
            "errors",
            "Det finns inte plats att spara i {path}.\n\nFrigör utrymme på disken och försök igen.",
        ).format(path=path)
    if isinstance(error, DatabaseTooNew):
        return translate("errors", "Databasen kommer från en nyare version"), translate(
            "errors",
            "Filen {path} har skapats av en nyare version av Kommunpolis (schema {revision}).\n\n"
            "Uppdatera Kommunpolis för att öppna den. Filen har inte ändrats.",
        ).format(path=path, revision=error.revision)
    return translate("errors", "Databasen kan inte användas"), translate(
        "errors", "Filen {path} kan inte användas."
    ).format(path=path)


def field_message(error: InvalidInput) -> str:
    """Return a plain Swedish message for a rejected field value, shown next to the field."""
    if error.field == "name":
        if "required" in error.reason:
            return translate("errors", "Ange ditt namn.")
        return translate("errors", "Namnet är för långt.")
    if error.field == "role":
        return translate("errors", "Välj en roll.")
    if error.field == "kommun":
        return translate("errors", "Någon av de valda kommunerna finns inte i listan.")
    return translate("errors", "Värdet godtas inte ({field}).").format(field=error.field)


def configure_logging(log_dir: Path) -> Path:
    """Send Python logging to a rotating ``kommunpolis.log`` in ``log_dir``; return its path."""
    import logging.handlers  # only here: it pulls in socket and pickle

    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_COUNT, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    # Alembic announces every plugin it loads; keep its migration lines only.
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    return path


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class CrashReporter:
    """An excepthook: write the traceback to a crash log and show it in a dialog."""

    def __init__(self, log_dir: Path, *, parent: Callable[[], QWidget | None] = lambda: None):
        self._log_dir = log_dir
        self._parent = parent
        self._reporting = False
        self.dialogs: list[QMessageBox] = []

    def __call__(
        self,
        error_type: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """Report one unexpected exception."""
        details = "".join(traceback.format_exception(error_type, error, tb))
        log.critical("unexpected error\n%s", details)
        crash_log = self.write_log(details)
        app = QApplication.instance()
        on_gui_thread = app is not None and QThread.currentThread() is app.thread()
        if self._reporting or not on_gui_thread:
            # A failure inside the report itself, or no GUI to show it in.
            sys.__excepthook__(error_type, error, tb)
            return
        self._reporting = True
        try:
            self.dialogs.append(self._show(details, crash_log))
        finally:
            self._reporting = False

    def write_log(self, details: str) -> Path | None:
        """Write ``details`` to a new crash-<timestamp>.log; return it, or None if impossible."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = self._log_dir / f"crash-{stamp}.log"
        try:
            self._log_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(details, encoding="utf-8")
        except OSError:
            log.exception("could not write the crash log %s", path)
            return None
        return path

    def _show(self, details: str, crash_log: Path | None) -> QMessageBox:
        box = QMessageBox(self._parent())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(translate("errors", "Kommunpolis – oväntat fel"))
        box.setText(translate("errors", "Ett oväntat fel inträffade i Kommunpolis."))
        if crash_log is not None:
            where = translate("errors", "Detaljerna har sparats i {path}.").format(path=crash_log)
        else:
            where = translate("errors", "Detaljerna kunde inte sparas i en fil.")
        box.setInformativeText(
            where
            + "\n\n"
            + translate(
                "errors",
                "Det du redan har sparat finns kvar. Starta om Kommunpolis om något inte "
                "fungerar, och skicka gärna detaljerna till den som förvaltar programmet.",
            )
        )
        box.setDetailedText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.finished.connect(lambda _result, b=box: self._forget(b))
        # Non-blocking: a nested event loop inside an excepthook invites re-entrancy.
        box.open()
        return box

    def _forget(self, box: QMessageBox) -> None:
        if box in self.dialogs:
            self.dialogs.remove(box)
        box.deleteLater()


def install_excepthook(
    log_dir: Path, *, parent: Callable[[], QWidget | None] = lambda: None
) -> CrashReporter:
    """Make unexpected exceptions write a crash log and show the crash dialog."""
    reporter = CrashReporter(log_dir, parent=parent)
    sys.excepthook = reporter
    return reporter

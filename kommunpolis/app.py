"""The Qt composition root: paths → window → database on the worker → services → profile.

The window is shown before anything heavy is imported or opened: this module imports
only what the window's shell needs (``ui/main_window.py`` says what that is), the window
adds its menus' actions right after its first paint, and only then does the opening
begin. On the serial database worker, the first page of the list the window shows first
is read with plain sqlite3 (a few ms) and shown as a preview; once that has painted, the
same worker goes on to import SQLAlchemy and open the database. Everything after that
flows back to the GUI thread through the worker's callbacks, and the preview becomes the
full list in place.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox

from kommunpolis.paths import AppPaths
from kommunpolis.ui.context import RecordEvents, UiContext
from kommunpolis.ui.icons import icon_file
from kommunpolis.ui.main_window import MainWindow
from kommunpolis.ui.tasks import DatabaseWorker

# The error messages (ui.errors), the languages (ui.i18n) and Qt's namespace are imported
# where they are used, after the first paint.
if TYPE_CHECKING:
    from kommunpolis.composition import Services
    from kommunpolis.domain.errors import KnownError
    from kommunpolis.services.read_models import BackupView, MunicipalityView, ProfileView
    from kommunpolis.services.recovery import Draft
    from kommunpolis.storage.first_page import FirstPage
    from kommunpolis.ui.first_run import FirstRunDialog
    from kommunpolis.ui.search import SearchDialog

log = logging.getLogger(__name__)

APP_NAME = "Kommunpolis"
SETTINGS_FILE_NAME = "settings.ini"
# How long the opening waits for the window's first paint (a window started minimised
# may not paint until it is restored).
PAINT_WAIT_MS = 500
# How long the opening waits for the first page's preview to be painted.
PREVIEW_WAIT_S = 0.5


def read_first_page(paths: AppPaths, kind: str) -> FirstPage | None:
    """Read the first page of ``kind``'s list with plain sqlite3 (runs on the worker)."""
    from kommunpolis.storage.first_page import read_first_page as read

    return read(paths.database, kind)


def open_services(paths: AppPaths) -> Services:
    """Open the database and wire the services (runs on the database worker)."""
    # Imported here so that SQLAlchemy and Alembic load after the window is painted.
    from kommunpolis.composition import build_services

    return build_services(paths)


@dataclass(frozen=True)
class StartState:
    """What the window needs once the database is open."""

    profile: ProfileView | None
    municipalities: tuple[MunicipalityView, ...]


def load_start_state(services: Services) -> StartState:
    """Read the profile and the kommuner (runs on the worker)."""
    return StartState(
        profile=services.profiles.current(),
        municipalities=services.profiles.municipalities(),
    )


def take_daily_backup(services: Services) -> BackupView | None:
    """Take today's backup if not yet taken; return the newest backup (a background thread)."""
    created = services.maintenance.daily_backup()
    if created is not None:
        return created
    return next(iter(services.maintenance.backups()), None)


def build_settings(paths: AppPaths) -> QSettings:
    """Return the settings file inside the data directory, so --data-dir keeps it apart."""
    return QSettings(str(paths.data_dir / SETTINGS_FILE_NAME), QSettings.Format.IniFormat)


def build_main_window(paths: AppPaths) -> MainWindow:
    """Build the main window for one data directory."""
    return MainWindow(settings=build_settings(paths), database_path=paths.database)


class AppController(QObject):
    """Drive start-up: open the database, show the profile or ask for one, back up."""

    exit_requested = Signal(int)
    profile_shown = Signal(object)
    backup_shown = Signal(object)

    def __init__(
        self,
        *,
        paths: AppPaths,
        worker: DatabaseWorker,
        window: MainWindow,
        open_services: Callable[[AppPaths], Services] = open_services,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.worker = worker
        self.window = window
        self._open_services = open_services
        self.services: Services | None = None
        self.municipalities: tuple[MunicipalityView, ...] = ()
        self.first_run_dialog: FirstRunDialog | None = None
        self.message_box: QMessageBox | None = None
        self.events = RecordEvents(self)
        self.backup_worker = DatabaseWorker(parent=self)
        self.context: UiContext | None = None
        self.search_dialog: SearchDialog | None = None
        self.recovered: tuple[Draft, ...] = ()
        self._opening = False
        self._preview_shown = threading.Event()
        window.profile_requested.connect(self.open_first_run)
        window.preview_painted.connect(self._preview_shown.set)
        window.search_requested.connect(self.open_search)

    def start(self) -> None:
        """Open the database on the worker once the window has painted; the rest follows."""
        self.window.show_opening()
        if self.window.painted or not self.window.isVisible():
            self._open()
            return
        # Paint first: the worker's imports would hold the GIL that the paint needs.
        self.window.first_painted.connect(self._open)
        QTimer.singleShot(PAINT_WAIT_MS, self, self._open)

    def _open(self) -> None:
        if self._opening or not self.worker.running:
            return
        self._opening = True
        paths, opener, preview_shown = self.paths, self._open_services, self._preview_shown
        kind = self.window.first_page_kind()
        if kind is None:
            preview_shown.set()
        else:
            # Read before SQLAlchemy loads: the list shows while the rest opens.
            self.worker.submit(lambda: read_first_page(paths, kind), self._first_page_read)

        def open_after_preview() -> Services:
            # Both threads run Python under one GIL: importing SQLAlchemy while the GUI
            # thread builds the preview would slow that down to half its speed.
            preview_shown.wait(PREVIEW_WAIT_S)
            return opener(paths)

        self.worker.submit(open_after_preview, self._opened, self._open_failed)

    def shutdown(self) -> None:
        """Finish queued database work, close the database and stop the worker."""
        services, self.services = self.services, None
        self._preview_shown.set()
        self.backup_worker.stop()
        if services is not None and self.worker.running:
            self.worker.submit(services.close)
        self.worker.stop()

    # ---------------------------------------------------------------- start-up steps

    def _first_page_read(self, first_page: FirstPage | None) -> None:
        showing = self.services is None and self.message_box is None
        if not (showing and self.window.show_first_page(first_page, worker=self.worker)):
            self._preview_shown.set()

    def _opened(self, services: Services) -> None:
        log.info("database open: %s", services.database.path)
        self.services = services
        self.worker.submit(lambda: load_start_state(services), self._state_loaded, self._failed)
        # The copy reads the file through its own connection; on a thread of its own it
        # never holds up the officer's saves and lists queued on the database worker.
        self.backup_worker.submit(
            lambda: take_daily_backup(services), self._backup_taken, self._backup_failed
        )

    def _open_failed(self, error: KnownError) -> None:
        from kommunpolis.ui.errors import describe

        log.error("database could not be opened: %s", error)
        title, message = describe(error)
        box = self._message_box(QMessageBox.Icon.Critical, title, message)
        box.finished.connect(lambda _result: self.exit_requested.emit(1))
        self.message_box = box
        self.window.name_label.setText(title)
        # open(), not exec(): no nested event loop, and tests can answer it.
        box.open()

    def _state_loaded(self, state: StartState) -> None:
        self.municipalities = state.municipalities
        if state.profile is None:
            self.window.show_no_profile()
            self.open_first_run()
        else:
            self._show_profile(state.profile)

    def _backup_taken(self, backup: BackupView | None) -> None:
        self.window.show_backup(backup)
        self.backup_shown.emit(backup)

    def _backup_failed(self, error: KnownError) -> None:
        from kommunpolis.ui.errors import describe

        log.warning("daily backup failed: %s", error)
        self.window.show_backup_failed(describe(error)[1])

    def _failed(self, error: KnownError) -> None:
        from PySide6.QtCore import Qt

        from kommunpolis.ui.errors import describe

        title, message = describe(error)
        box = self._message_box(QMessageBox.Icon.Warning, title, message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()

    def _message_box(self, icon: QMessageBox.Icon, title: str, message: str) -> QMessageBox:
        box = QMessageBox(icon, self.tr("Kommunpolis"), title, QMessageBox.StandardButton.Close)
        box.setParent(self.window, box.windowFlags())
        box.setInformativeText(message)
        return box

    # ---------------------------------------------------------------- profile

    def open_first_run(self) -> None:
        """Show the first-run dialog (the same one again, with its draft, if reopened)."""
        if self.services is None:
            return
        if self.first_run_dialog is None:
            from kommunpolis.ui.first_run import FirstRunDialog

            dialog = FirstRunDialog(
                worker=self.worker,
                profiles=self.services.profiles,
                municipalities=self.municipalities,
                parent=self.window,
            )
            dialog.profile_created.connect(self._profile_created)
            self.first_run_dialog = dialog
        self.first_run_dialog.open()

    def _profile_created(self, profile: ProfileView) -> None:
        self._show_profile(profile)

    def _show_profile(self, profile: ProfileView) -> None:
        names = {m.code: m.name for m in self.municipalities}
        self.window.show_profile(profile, names)
        if self.context is None and self.services is not None:
            # The keys for exchanging bundles: made once (also for a profile from before
            # they existed), kept when the profile is renamed.
            identity = self.services.identity
            self.worker.submit(
                lambda: identity.ensure(profile.device_id, profile.name), None, self._failed
            )
            self.context = UiContext(
                paths=self.paths,
                services=self.services,
                worker=self.worker,
                settings=self.window.settings,
                events=self.events,
            )
            self.window.attach(self.context)
            self._offer_recoveries(self.context)
        self.profile_shown.emit(profile)

    def _offer_recoveries(self, context: UiContext) -> None:
        """Offer text typed in an earlier session that never reached the database."""
        from kommunpolis.ui.editors import RecordEditor

        self.worker.submit(
            lambda: RecordEditor.pending_recoveries(context), self._recoveries_found, self._failed
        )

    def _recoveries_found(self, drafts: tuple[Draft, ...]) -> None:
        if not drafts:
            return
        self.recovered = drafts
        box = self._message_box(
            QMessageBox.Icon.Question,
            self.tr("Osparad text hittades"),
            self.tr(
                "Det finns %n utkast som inte hann sparas förra gången. "
                "Det senaste öppnas när du väljer Återställ; resten erbjuds vid nästa start.",
                "",
                len(drafts),
            ),
        )
        box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close)
        open_button = box.button(QMessageBox.StandardButton.Open)
        if open_button is not None:
            open_button.setText(self.tr("Återställ"))
        box.accepted.connect(lambda: self.window.restore_draft(drafts[-1]))
        self.message_box = box
        box.open()

    def open_search(self) -> None:
        """Show the search dialog (one, reused, so it keeps the last query)."""
        if self.context is None:
            return
        if self.search_dialog is None:
            from kommunpolis.ui.search import SearchDialog

            self.search_dialog = SearchDialog(self.context, self.window)
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.activateWindow()


def build_app(
    paths: AppPaths,
    *,
    worker: DatabaseWorker,
    open_services: Callable[[AppPaths], Services] = open_services,
) -> AppController:
    """Build the window and the controller that drives it (as ``run_gui`` and tests do)."""
    window = build_main_window(paths)
    return AppController(paths=paths, worker=worker, window=window, open_services=open_services)


def app_icon() -> QIcon:
    """Return the application icon from the package resources."""
    path = icon_file("kommunpolis")
    if path is not None:
        return QIcon(str(path))
    from importlib.resources import files

    resource = files("kommunpolis.resources") / "icons" / "kommunpolis.svg"
    if isinstance(resource, Path):
        return QIcon(str(resource))
    # Inside a zip there is no file for the SVG icon engine to read lazily.
    pixmap = QPixmap()
    pixmap.loadFromData(resource.read_bytes(), "SVG")
    return QIcon(pixmap)


def quit_on_signals(app: QApplication) -> QTimer:
    """Quit cleanly (closing the database) on Ctrl+C in a terminal or SIGTERM at logout."""
    import signal

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda _number, _frame: app.quit())
    # Python runs signal handlers only when it gets control; an idle timer gives it that.
    timer = QTimer(app)
    timer.start(250)
    timer.timeout.connect(lambda: None)
    return timer


def freeze_startup_objects() -> None:
    """Exempt what start-up built (modules, widgets) from the collector's full sweeps.

    Those objects live as long as the app; sweeping them again and again cost ~100 ms
    pauses on the GUI thread while scrolling a 100 000-row list (measured in the bench).
    """
    gc.collect()
    gc.freeze()


def run_gui(paths: AppPaths, *, argv: Sequence[str] | None = None) -> int:
    """Start the desktop app on ``paths``; return the process exit code."""
    from kommunpolis.ui.errors import configure_logging, install_excepthook
    from kommunpolis.ui.i18n import chosen_language, install_translations

    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(list(argv) if argv is not None else sys.argv[:1])
    )
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(app_icon())
    translators = install_translations(app, chosen_language(build_settings(paths)))
    install_excepthook(paths.logs, parent=QApplication.activeWindow)

    worker = DatabaseWorker()
    controller = build_app(paths, worker=worker)
    # The log file opens after the first paint (~6 ms of the start otherwise); nothing
    # is logged before: the database opens after the paint too.
    logging_started: list[Path] = []

    def start_logging() -> None:
        if not logging_started:
            logging_started.append(configure_logging(paths.logs))
            log.info("starting with data directory %s", paths.data_dir)

    controller.window.first_painted.connect(start_logging)
    QTimer.singleShot(PAINT_WAIT_MS, start_logging)  # a window that never paints
    controller.exit_requested.connect(app.exit)
    quit_on_signals(app)
    app.aboutToQuit.connect(controller.shutdown)
    controller.window.show()
    # Start after the event loop has painted the window.
    QTimer.singleShot(0, controller.start)
    controller.profile_shown.connect(freeze_startup_objects)
    code = app.exec()
    controller.shutdown()
    del translators
    return code

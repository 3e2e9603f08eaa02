"""Known errors read as Swedish messages; bugs leave a crash log and a dialog."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kommunpolis.domain.errors import (
    BackupFailed,
    BundleInvalid,
    BundleNotForUs,
    BundleRevokedSender,
    BundleTooNew,
    BundleUnknownSender,
    BundleWriteFailed,
    DatabaseCorrupt,
    DatabaseError,
    DatabaseFull,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
    IdentityFileInvalid,
    IdentityIsOwn,
    IdentityMissing,
    IdentityStoreFailed,
    InvalidInput,
    InvalidTransition,
    KnownError,
    PeerNotTrusted,
    ProfileExists,
    TrustConflict,
)
from kommunpolis.ui.errors import CrashReporter, configure_logging, describe, field_message

DB = Path("/data/kommunpolis.sqlite")


@pytest.mark.parametrize(
    ("error", "title"),
    [
        (DatabaseCorrupt(DB), "Databasen är skadad"),
        (DatabaseLocked(DB), "Databasen är låst"),
        (DatabaseReadOnly(DB), "Databasen kan inte sparas"),
        (DatabaseFull(DB), "Disken är full"),
        (DatabaseTooNew(DB, "9999"), "Databasen kommer från en nyare version"),
        (DatabaseError(DB, "odd"), "Databasen kan inte användas"),
    ],
)
def test_database_errors_name_the_file(error: DatabaseError, title: str) -> None:
    """Every database failure has its own Swedish title and names the file."""
    assert describe(error)[0] == title
    assert str(DB) in describe(error)[1]


def test_other_known_errors_are_described_in_swedish() -> None:
    """Profile, input and backup errors read as Swedish sentences."""
    assert (
        describe(ProfileExists("Eva"))[1] == "Det finns redan en profil för Eva på den här datorn."
    )
    assert describe(InvalidInput("name", "a name is required"))[1] == "Ange ditt namn."
    assert "/usb" in describe(BackupFailed(Path("/usb"), "no space"))[1]


def test_unknown_known_error_falls_back_to_its_text() -> None:
    """A KnownError subclass without its own text still says something true."""

    class Strange(KnownError):
        pass

    assert describe(Strange("the reason"))[1] == "the reason"


def test_field_messages() -> None:
    """Field errors are short instructions."""
    assert field_message(InvalidInput("name", "at most 200 characters")) == "Namnet är för långt."
    assert field_message(InvalidInput("role", "x")) == "Välj en roll."


def test_crash_reporter_writes_a_log_and_shows_the_details(qtbot: QtBot, tmp_path: Path) -> None:
    """A bug leaves crash-<time>.log and a dialog whose details hold the traceback."""
    reporter = CrashReporter(tmp_path / "logs")
    try:
        raise ValueError("unexpected state")
    except ValueError as error:
        reporter(type(error), error, error.__traceback__)

    (log_file,) = (tmp_path / "logs").glob("crash-*.log")
    assert "ValueError: unexpected state" in log_file.read_text(encoding="utf-8")
    (box,) = reporter.dialogs
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "Ett oväntat fel inträffade i Kommunpolis."
    assert str(log_file) in box.informativeText()
    assert "ValueError: unexpected state" in box.detailedText()
    box.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: reporter.dialogs == [])


def test_configure_logging_writes_to_the_log_dir(tmp_path: Path) -> None:
    """Python logging goes to kommunpolis.log in the log directory."""
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    try:
        path = configure_logging(tmp_path / "logs")
        logging.getLogger("kommunpolis.test").info("hej")
        for handler in root.handlers:
            handler.flush()
        assert "hej" in path.read_text(encoding="utf-8")
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


@pytest.mark.parametrize(
    ("error", "expected_title", "expected_fact"),
    [
        (
            IdentityFileInvalid(Path("/usb/eva.kpid"), "bad"),
            "Filen är ingen giltig identitet",
            "/usb/eva.kpid",
        ),
        (IdentityStoreFailed(Path("/k"), "disk full"), "Nycklarna kunde inte sparas", "disk full"),
        (IdentityMissing(Path("/k")), "Nycklar saknas", "/k"),
        (IdentityIsOwn("dev-1"), "Det är din egen identitet", "den här datorn"),
        (TrustConflict("dev-2", "AAAA-BBBB", "CCCC-DDDD"), "Nycklarna stämmer inte", "CCCC-DDDD"),
        (PeerNotTrusted("dev-3"), "Okänd avsändare", "dev-3"),
    ],
)
def test_identity_errors_are_described_in_swedish(
    error: KnownError, expected_title: str, expected_fact: str
) -> None:
    title, message = describe(error)
    assert title == expected_title
    assert expected_fact in message


def test_an_invalid_step_names_the_statuses_in_swedish() -> None:
    _title, message = describe(InvalidTransition("promises", "draft", "published", ("signed",)))
    assert message == "En post kan inte gå från ”Utkast” till ”Publicerat”."


BUNDLE = Path("/usb/a.kpb")


@pytest.mark.parametrize(
    ("error", "expected_title", "expected_fact"),
    [
        (
            BundleUnknownSender(Path("/usb/a.kpb"), "Eva", "dev-1", "ABCD-EFGH"),
            "Okänd avsändare",
            "ABCD-EFGH",
        ),
        (
            BundleRevokedSender(Path("/usb/a.kpb"), "Eva", "dev-1", "ABCD-EFGH"),
            "Avsändaren är återkallad",
            "Eva",
        ),
        (
            BundleNotForUs(Path("/usb/a.kpb"), "no identity matched"),
            "Paketet är inte till dig",
            "/usb/a.kpb",
        ),
        (BundleTooNew(Path("/usb/a.kpb"), 2), "Paketet kommer från en nyare version", "2"),
        (
            BundleInvalid(Path("/usb/a.kpb"), "truncated"),
            "Paketet är skadat eller inget paket",
            "truncated",
        ),
        (
            BundleWriteFailed(Path("/usb/a.kpb"), "disk full"),
            "Paketet kunde inte skrivas",
            "disk full",
        ),
    ],
)
def test_bundle_errors_are_described_in_swedish(
    error: KnownError, expected_title: str, expected_fact: str
) -> None:
    title, message = describe(error)
    assert title == expected_title
    assert expected_fact in message

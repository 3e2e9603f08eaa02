"""The editors with real widgets and a real database: autosave, recovery, validation, statuses."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from kommunpolis.composition import Services, build_services
from kommunpolis.domain.vocabulary import Role
from kommunpolis.paths import AppPaths, resolve_paths
from kommunpolis.services.editing import EditingService, RecordRef
from kommunpolis.services.recovery import RecoveryStore
from kommunpolis.storage.database import open_database
from kommunpolis.ui.context import RecordEvents, UiContext
from kommunpolis.ui.editors import RecordEditor
from kommunpolis.ui.editors.dialogue_editor import DialogueEditor
from kommunpolis.ui.editors.inputs import LineInput, NumberInput, PickerInput, TextInput
from kommunpolis.ui.tasks import DatabaseWorker

KOMMUN = "0180"
SHOTS = Path(os.environ.get("KOMMUNPOLIS_SHOTS", "/tmp/shots"))
WAIT_MS = 5000
FAST_MS = 200
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(scope="session")
def head_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to head once per run, to copy."""
    folder = tmp_path_factory.mktemp("head-ui")
    database = open_database(folder / "kommunpolis.sqlite", backup_dir=folder / "backups")
    database.close()
    return database.path


@pytest.fixture
def paths(tmp_path: Path, head_database: Path) -> AppPaths:
    """A data directory with a database at head and an officer's profile."""
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir()
    shutil.copyfile(head_database, paths.database)
    services = build_services(paths)
    services.profiles.create(name="Anna Andersson", role=Role.OFFICER, municipality_codes=[KOMMUN])
    services.close()
    return paths


@pytest.fixture
def make_context(
    qtbot: QtBot, paths: AppPaths, tmp_path: Path
) -> Iterator[Callable[[], UiContext]]:
    """Build a UiContext the way the app does (fresh services each time); close at the end."""
    opened: list[tuple[Services, DatabaseWorker]] = []

    def make() -> UiContext:
        services = build_services(paths, busy_timeout_ms=200)
        worker = DatabaseWorker()
        opened.append((services, worker))
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        return UiContext(paths, services, worker, settings, RecordEvents())

    yield make
    for services, worker in opened:
        worker.stop()
        services.close()


def editing(context: UiContext) -> EditingService:
    """The editing service on the context's database."""
    return EditingService(uow=context.services.unit_of_work)


def open_editor(qtbot: QtBot, context: UiContext, *, owned: bool = True) -> RecordEditor:
    """A shown RecordEditor (saving 0.2 s after typing stops, to keep tests quick)."""
    editor = RecordEditor(context)
    editor.saver.set_delay(FAST_MS)
    if owned:
        qtbot.addWidget(editor)
    editor.resize(640, 900)
    editor.show()
    return editor


def wait_idle(qtbot: QtBot, context: UiContext) -> None:
    """Wait until the database worker has delivered everything."""
    qtbot.waitUntil(lambda: context.worker.pending == 0, timeout=WAIT_MS)


def wait_saved(qtbot: QtBot, editor: RecordEditor) -> None:
    """Wait for the debounce and the save."""
    with qtbot.waitSignal(editor.record_saved, timeout=WAIT_MS):
        pass


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key (QTest cannot click keys for å, ä, ö: send their events)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for event_type in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(event_type, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def shoot(widget: RecordEditor, name: str) -> None:
    """Save a picture of ``widget`` for people to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_a_new_problem_saves_itself_and_shows_when_it_did(
    qtbot: QtBot, make_context: Callable[[], UiContext]
) -> None:
    context = make_context()
    editor = open_editor(qtbot, context)
    editor.new_record("problems")
    wait_idle(qtbot, context)
    title = editor.rows["title"].widget
    assert isinstance(title, LineInput)
    title.setFocus()
    with qtbot.waitSignal(context.events.record_saved, timeout=WAIT_MS):
        type_text(qtbot, title, "Buskörning på torget")
    assert editor.record_id is not None
    assert editor.saved_label.text().startswith("Sparat ")
    # Who recorded it (in a coordinator's merged data, often someone else).
    author = context.services.profiles.current()
    assert author is not None
    assert editor.recorded_label.text().startswith(f"Registrerad av {author.name} · ")
    description = editor.rows["description"].widget
    assert isinstance(description, TextInput)
    type_text(qtbot, description, "Mopeder kvällstid, främst fredagar.")
    wait_saved(qtbot, editor)
    wait_idle(qtbot, context)
    saved = editing(context).load("problems", editor.record_id)
    assert saved.values["title"] == "Buskörning på torget"
    assert saved.values["description"] == "Mopeder kvällstid, främst fredagar."
    assert saved.values["municipality_code"] == KOMMUN
    assert RecoveryStore(context.paths.data_dir / "recovery").pending() == ()
    reminder = editor.findChild(object, "reminder-description")
    assert reminder is not None and reminder.text() == "Skriv inte personuppgifter om medborgare."
    shoot(editor, "editor-problem.png")


def test_invalid_values_are_marked_at_the_field_and_kept(
    qtbot: QtBot, make_context: Callable[[], UiContext]
) -> None:
    context = make_context()
    dialogue = editing(context).new("dialogues", {"title": "Öppet möte", "participant_count": 5})
    editor = open_editor(qtbot, context)
    editor.show_record("dialogues", dialogue.id)
    wait_idle(qtbot, context)
    count = editor.rows["participant_count"].widget
    assert isinstance(count, NumberInput)
    assert count.text() == "5"
    count.setFocus()
    count.selectAll()
    type_text(qtbot, count, "-3")
    title = editor.rows["title"].widget
    assert isinstance(title, LineInput)
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    target = editor.rows["target_group"].widget
    assert isinstance(target, LineInput)
    type_text(qtbot, target, "x" * 201)
    qtbot.waitUntil(lambda: editor.field_error("title") != "", timeout=WAIT_MS)
    wait_idle(qtbot, context)
    assert editor.field_error("participant_count") == "Värdet kan inte vara negativt."
    assert editor.field_error("title") == "Fältet måste fyllas i."
    assert editor.field_error("target_group") == ("Texten är för lång: högst 200 tecken (nu 201).")
    # The draft is kept in the fields and in the recovery file; the database is unchanged.
    assert count.text() == "-3"
    stored = editing(context).load("dialogues", dialogue.id)
    assert stored.values["participant_count"] == 5
    assert stored.values["title"] == "Öppet möte"
    (draft,) = RecoveryStore(context.paths.data_dir / "recovery").pending()
    assert draft.values["participant_count"] == "-3"
    # Fixing the field clears its mark and saves.
    count.selectAll()
    type_text(qtbot, count, "12")
    title.setText("")
    type_text(qtbot, title, "Öppet möte i Husby")
    target.clear()
    type_text(qtbot, target, "Boende")
    qtbot.waitUntil(
        lambda: editing(context).load("dialogues", dialogue.id).values["participant_count"] == 12,
        timeout=WAIT_MS,
    )
    wait_idle(qtbot, context)
    assert editor.field_error("participant_count") == ""
    assert editor.field_error("title") == ""


def test_a_bad_date_in_a_recovered_draft_is_marked(
    qtbot: QtBot, make_context: Callable[[], UiContext]
) -> None:
    context = make_context()
    promise = editing(context).new("promises", {"title": "Tryggare torg"})
    store = RecoveryStore(context.paths.data_dir / "recovery")
    from kommunpolis.services.recovery import Draft

    store.write(Draft("promises", promise.id, {"period_end": "2026-02-30"}))
    editor = open_editor(qtbot, context)
    (draft,) = RecordEditor.pending_recoveries(context)
    editor.restore_draft(draft)
    qtbot.waitUntil(lambda: editor.field_error("period_end") != "", timeout=WAIT_MS)
    assert editor.field_error("period_end") == "Datumet finns inte. Skriv det som ÅÅÅÅ-MM-DD."
    assert store.pending() != ()  # kept until it can be saved


def test_a_promise_moves_through_its_statuses_by_the_actions(
    qtbot: QtBot, make_context: Callable[[], UiContext]
) -> None:
    context = make_context()
    service = editing(context)
    promise = service.new("promises", {"title": "Tryggare torg", "public_text": "Polisen lovar…"})
    editor = open_editor(qtbot, context)
    editor.show_record("promises", promise.id)
    wait_idle(qtbot, context)
    assert list(editor.status_actions()) == ["signed"]
    assert editor.status_label.text() == "Status: Utkast"
    assert editor.status_actions()["signed"].text() == "Markera som undertecknat"
    qtbot.mouseClick(editor.status_actions()["signed"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "published" in editor.status_actions(), timeout=WAIT_MS)
    assert set(editor.status_actions()) == {"draft", "published"}
    assert editor.status_actions()["draft"].text() == "Återgå till utkast"
    shoot(editor, "editor-promise.png")
    editor.status_actions()["published"].click()
    qtbot.waitUntil(lambda: "followed_up" in editor.status_actions(), timeout=WAIT_MS)
    assert service.load("promises", promise.id).status == "published"
    # "closed" is never offered from "published": the jump is impossible from here.
    assert list(editor.status_actions()) == ["followed_up"]


def test_autosave_survives_a_restart_of_the_window(
    qtbot: QtBot, make_context: Callable[[], UiContext]
) -> None:
    context = make_context()
    problem = editing(context).new("problems", {"title": "Inbrott i förråd"})
    editor = open_editor(qtbot, context)
    editor.saver.set_delay(1000)  # the real pause
    editor.show_record("problems", problem.id)
    wait_idle(qtbot, context)
    affected = editor.rows["affected"].widget
    assert isinstance(affected, TextInput)
    type_text(qtbot, affected, "Boende i området")
    wait_saved(qtbot, editor)
    wait_idle(qtbot, context)
    editor.close()
    editor.deleteLater()
    context.worker.stop()
    context.services.close()

    again = make_context()
    reopened = open_editor(qtbot, again)
    reopened.show_record("problems", problem.id)
    wait_idle(qtbot, again)
    assert reopened.value_of("affected") == "Boende i området"


def test_a_killed_editor_leaves_a_recovery_file_that_brings_the_text_back(
    qtbot: QtBot, make_context: Callable[[], UiContext]
) -> None:
    context = make_context()
    problem = editing(context).new("problems", {"title": "Klotter"})
    editor = open_editor(qtbot, context, owned=False)
    editor.show_record("problems", problem.id)
    wait_idle(qtbot, context)
    description = editor.rows["description"].widget
    assert isinstance(description, TextInput)
    type_text(qtbot, description, "Klotter på skolans gavel")
    # Gone at once, before the pause ends (as if the app were killed): nothing was saved.
    Shiboken.delete(editor)
    qtbot.wait(FAST_MS * 2)
    assert editing(context).load("problems", problem.id).values["description"] == ""
    recovery = context.paths.data_dir / "recovery" / f"problems-{problem.id}.json"
    assert recovery.exists()

    fresh = open_editor(qtbot, context)
    (draft,) = RecordEditor.pending_recoveries(context)
    fresh.restore_draft(draft)
    qtbot.waitUntil(
        lambda: fresh.rows["description"].widget.value() == "Klotter på skolans gavel",
        timeout=WAIT_MS,
    )
    wait_saved(qtbot, fresh)
    wait_idle(qtbot, context)
    assert editing(context).load("problems", problem.id).values["description"] == (
        "Klotter på skolans gavel"
    )
    assert not recovery.exists()


def test_delete_offers_undo_and_restore_brings_it_back(
    qtbot: QtBot, make_context: Callable[[], UiContext]
) -> None:
    context = make_context()
    problem = editing(context).new("problems", {"title": "Nedskräpning"})
    editor = open_editor(qtbot, context)
    editor.show_record("problems", problem.id)
    wait_idle(qtbot, context)
    deleted: list[tuple[str, object]] = []
    context.events.record_deleted.connect(lambda kind, record: deleted.append((kind, record)))
    with qtbot.waitSignal(context.events.undo_offered, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert blocker.args is not None
    message, kind, record_id = blocker.args
    assert deleted == [("problems", problem.id)]
    assert (message, kind, record_id) == ("Problem togs bort", "problems", problem.id)
    assert editing(context).load("problems", problem.id).deleted
    context.services.records.restore(kind, record_id)
    assert not editing(context).load("problems", problem.id).deleted


def test_links_are_added_and_removed_from_the_editor(
    qtbot: QtBot, make_context: Callable[[], UiContext]
) -> None:
    context = make_context()
    service = editing(context)
    promise = service.new("promises", {"title": "Tryggare torg"})
    problem = service.new("problems", {"title": "Buskörning"})
    editor = open_editor(qtbot, context)
    editor.show_record("promises", promise.id)
    wait_idle(qtbot, context)
    picker = editor.link_pickers["problems"]
    picker.set_value(problem.id)
    add = editor.findChild(QPushButton, "link-add-problems")
    assert add is not None and add.text() == "Lägg till…"
    add.click()
    qtbot.waitUntil(lambda: editor.link_lists["problems"].count() == 1, timeout=WAIT_MS)
    assert [item.id for item in service.links("promises", promise.id, "problems")] == [problem.id]
    editor.link_lists["problems"].setCurrentRow(0)
    remove = editor.findChild(QPushButton, "link-remove-problems")
    assert remove is not None
    remove.click()
    qtbot.waitUntil(lambda: editor.link_lists["problems"].count() == 0, timeout=WAIT_MS)
    assert service.links("promises", promise.id, "problems") == ()


def test_a_commitments_focus_area_is_one_of_its_promises(
    qtbot: QtBot, make_context: Callable[[], UiContext]
) -> None:
    context = make_context()
    service = editing(context)
    promise = service.new("promises", {"title": "Tryggare torg"})
    focus = service.new("problems", {"title": "Buskörning"})
    other = service.new("problems", {"title": "Inbrott i förråd"})
    service.link("promises", promise.id, "problems", focus.id)
    words = service.new(
        "commitments",
        {"text": "Polisen lovar att mäta hastigheter."},
        parent=RecordRef("promises", promise.id),
    )
    editor = open_editor(qtbot, context)
    editor.show_record("commitments", words.id)
    wait_idle(qtbot, context)
    row = editor.rows["problem_id"]
    assert row.caption.text().replace("&", "") == "Fokusområde"
    picker = row.widget
    assert isinstance(picker, PickerInput)
    assert row.caption.buddy() is picker
    # The promise's picker shows it (a UUID is found by value, not identity).
    promise_picker = editor.rows["promise_id"].widget
    assert isinstance(promise_picker, PickerInput)
    assert promise_picker.currentText().startswith("Tryggare torg")
    assert picker.currentText() == ""

    def pick(problem_id: uuid.UUID) -> None:
        picker.setCurrentIndex(
            next(n for n in range(picker.count()) if picker.itemData(n) == problem_id)
        )

    # Only the promise's focus areas are offered (the service refuses any other:
    # test_editing); the empty entry means the whole promise.
    offered = {picker.itemData(n) for n in range(picker.count())} - {None}
    assert offered == {focus.id}
    assert other.id not in offered
    assert service.load("commitments", words.id).values["problem_id"] is None
    shoot(editor, "editor-commitment-focus-area.png")
    # One of its focus areas is saved, and shown when the words are opened again.
    pick(focus.id)
    qtbot.waitUntil(
        lambda: service.load("commitments", words.id).values["problem_id"] == focus.id,
        timeout=WAIT_MS,
    )
    wait_idle(qtbot, context)
    assert editor.field_error("problem_id") == ""
    editor.show_record("promises", promise.id)
    wait_idle(qtbot, context)
    editor.show_record("commitments", words.id)
    wait_idle(qtbot, context)
    assert editor.rows["problem_id"].widget.currentText().startswith("Buskörning")


def test_a_dialogue_with_three_concerns_by_keyboard_only(
    qtbot: QtBot, make_context: Callable[[], UiContext]
) -> None:
    context = make_context()
    service = editing(context)
    service.new("places", {"name": "Stortorget", "municipality_code": KOMMUN})
    service.new("places", {"name": "Skolgården", "municipality_code": KOMMUN})
    editor = DialogueEditor(context)
    qtbot.addWidget(editor)
    editor.set_autosave_delay(FAST_MS)
    editor.resize(900, 760)
    editor.show()
    editor.activateWindow()
    editor.new_dialogue()
    wait_idle(qtbot, context)
    assert QApplication.focusWidget() is editor.rows["title"].widget
    type_text(qtbot, QApplication.focusWidget(), "Trygghetsvandring i centrum")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    table = editor.table
    assert table is not None
    hint = editor.findChild(QLabel, "themeHint")
    assert hint is not None and hint.text().startswith("Ctrl+1\u00a0Narkotika")

    def keys(text: str, *then: Qt.Key) -> None:
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=WAIT_MS)
        if text:
            type_text(qtbot, QApplication.focusWidget(), text)
        for key in then:
            qtbot.keyClick(QApplication.focusWidget(), key)
            qtbot.wait(10)  # the table closes its editor with a queued call

    # Row 1: theme by type-ahead, place, count, text; Tab between cells, Enter at the end.
    keys("Traf", Qt.Key.Key_Tab)
    keys("Stor", Qt.Key.Key_Tab)
    keys("4", Qt.Key.Key_Tab)
    keys("Mopeder på gångbanan kvällstid", Qt.Key.Key_Return)
    # Row 2: Ctrl+3 picks the third theme of the hint; Enter moves cell by cell.
    qtbot.waitUntil(lambda: table.currentIndex().row() == 1, timeout=WAIT_MS)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    keys("skol", Qt.Key.Key_Return)
    keys("", Qt.Key.Key_Return)
    keys("Krossade rutor", Qt.Key.Key_Return)
    # Row 3, then Ctrl+Enter leaves an empty fourth row that is never saved.
    keys("ordn", Qt.Key.Key_Tab, Qt.Key.Key_Tab)
    keys("2", Qt.Key.Key_Tab)
    keys("Fyrverkerier")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert editor.concerns.rowCount() == 4

    qtbot.waitUntil(
        lambda: (
            editor.record_id is not None
            and len(service.children("dialogues", editor.record_id, "concerns")) == 3
            and not any(row.unsaved for row in editor.concerns.rows)
        ),
        timeout=WAIT_MS,
    )
    wait_idle(qtbot, context)
    assert editor.record_id is not None
    dialogue = service.load("dialogues", editor.record_id)
    assert dialogue.values["title"] == "Trygghetsvandring i centrum"
    themes = {c.id: c.title for c in service.choices("themes")}
    places = {c.id: c.title for c in service.choices("places")}
    saved = [
        (
            themes[c.values["theme_id"]],
            places.get(c.values["place_id"]),
            c.values["raised_count"],
            c.values["text"],
        )
        for c in service.children("dialogues", editor.record_id, "concerns")
    ]
    third_theme = editor.frequent[2].title
    assert saved == [
        ("Trafik/buskörning", "Stortorget", 4, "Mopeder på gångbanan kvällstid"),
        (third_theme, "Skolgården", 1, "Krossade rutor"),
        ("Ordningsstörning", None, 2, "Fyrverkerier"),
    ]
    assert RecoveryStore(context.paths.data_dir / "recovery").pending() == ()
    shoot(editor, "dialogue-editor.png")


def test_delete_on_an_empty_row_removes_it_and_the_model_is_sound(
    qtbot: QtBot, qtmodeltester: ModelTester, make_context: Callable[[], UiContext]
) -> None:
    context = make_context()
    editor = DialogueEditor(context)
    qtbot.addWidget(editor)
    editor.show()
    editor.new_dialogue()
    wait_idle(qtbot, context)
    editor.add_concern()
    editor.concerns.add_row()
    assert editor.concerns.rowCount() == 2
    table = editor.table
    assert table is not None
    table.setCurrentIndex(editor.concerns.index(1, 0))
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=WAIT_MS)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    assert editor.concerns.rowCount() == 1
    qtmodeltester.check(editor.concerns)


def test_concern_rows_survive_a_kill_through_the_recovery_file(
    qtbot: QtBot, make_context: Callable[[], UiContext]
) -> None:
    context = make_context()
    service = editing(context)
    dialogue = service.new("dialogues", {"title": "Dialogstand på torget"})
    editor = DialogueEditor(context)
    editor.set_autosave_delay(60_000)  # never reached: the editor is killed first
    editor.show()
    editor.show_record("dialogues", dialogue.id)
    wait_idle(qtbot, context)
    assert editor.table is not None
    editor.table.setCurrentIndex(editor.concerns.index(0, 3))
    keys_target = editor.table
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=WAIT_MS)
    type_text(qtbot, QApplication.focusWidget(), "Otrygg busshållplats")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    del keys_target
    Shiboken.delete(editor)
    assert service.children("dialogues", dialogue.id, "concerns") == ()
    (draft,) = RecordEditor.pending_recoveries(context)
    fresh = DialogueEditor(context)
    qtbot.addWidget(fresh)
    fresh.set_autosave_delay(FAST_MS)
    fresh.restore_draft(draft)
    qtbot.waitUntil(
        lambda: [row.text for row in fresh.concerns.rows] == ["Otrygg busshållplats"],
        timeout=WAIT_MS,
    )
    # Without a theme the row cannot be saved: it is marked and stays in the draft.
    qtbot.waitUntil(lambda: fresh.concerns.rows[0].problem != "", timeout=WAIT_MS)
    assert fresh.concerns.rows[0].problem == "Fältet måste fyllas i."
    assert RecordEditor.pending_recoveries(context) != ()

"""The generic editor: a form built from the field spec of any kind of record.

Edits save themselves a second after typing stops (see :mod:`.autosave`); statuses
move only through buttons that offer the allowed next statuses; deleting leaves a
tombstone and offers Ångra through ``context.events.undo_offered``.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import (
    DatabaseError,
    FieldErrors,
    InvalidTransition,
    KnownError,
    RecordNotFound,
)
from kommunpolis.domain.record_fields import FieldSpec, FieldType, KindSpec, spec_of
from kommunpolis.services.editing import (
    Choice,
    EditingService,
    LinkedRecord,
    RecordDetail,
    RecordRef,
)
from kommunpolis.services.profiles import ProfileService
from kommunpolis.services.recovery import Draft
from kommunpolis.ui.context import UiContext
from kommunpolis.ui.editors.autosave import DraftSaver, recovery_store
from kommunpolis.ui.editors.field_text import (
    field_label,
    link_set_label,
    problem_message,
    status_action,
)
from kommunpolis.ui.editors.inputs import Input, PickerInput, as_uuid, make_input
from kommunpolis.ui.errors import describe
from kommunpolis.ui.labels import kind_label, label
from kommunpolis.ui.list_cells import cell_text
from kommunpolis.ui.trace_view import TRACE_KINDS, TraceDialog, show_trace, trace_shortcut

CHOICE_LIMIT = 300
ERROR_STYLE = "color: #b00020;"


@dataclass
class Loaded:
    """What an editor needs to show one record, read in one worker job."""

    kind: str
    detail: RecordDetail | None
    values: Mapping[str, object]
    choices: dict[str, tuple[Choice, ...]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    municipalities: tuple[tuple[str, str], ...] = ()
    links: dict[str, tuple[LinkedRecord, ...]] = field(default_factory=dict)
    link_choices: dict[str, tuple[Choice, ...]] = field(default_factory=dict)
    children: dict[str, tuple[RecordDetail, ...]] = field(default_factory=dict)
    extra: dict[str, object] = field(default_factory=dict)


def municipality_choices(profiles: ProfileService) -> tuple[tuple[str, str], ...]:
    """Return (code, name) of every kommun, the profile's own kommuner first."""
    profile = profiles.current()
    own = set(profile.municipality_codes) if profile else set()
    everything = profiles.municipalities()
    first = [(m.code, m.name) for m in everything if m.code in own]
    rest = [(m.code, m.name) for m in everything if m.code not in own]
    return tuple(first + rest)


def load_record(
    editing: EditingService,
    profiles: ProfileService,
    kind: str,
    record_id: uuid.UUID | None,
    parent: RecordRef | None,
) -> Loaded:
    """Read a record (or a new one's defaults) with its pickers, links and children."""
    spec = spec_of(kind)
    detail = editing.load(kind, record_id) if record_id is not None else None
    values = dict(detail.values if detail else editing.blank(kind))
    if parent is not None and detail is None:
        values[spec_of(parent.kind).child_list(kind).parent_field] = parent.id
    loaded = Loaded(kind=kind, detail=detail, values=values)
    for spec_field in spec.fields:
        if spec_field.field_type is FieldType.MUNICIPALITY and not loaded.municipalities:
            loaded.municipalities = municipality_choices(profiles)
        if spec_field.field_type is FieldType.REFERENCE and spec_field.reference:
            choices = _reference_choices(editing, spec, spec_field, values)
            loaded.choices[spec_field.name] = choices
            current = values.get(spec_field.name)
            if isinstance(current, uuid.UUID) and all(c.id != current for c in choices):
                with contextlib.suppress(RecordNotFound):
                    loaded.titles[spec_field.name] = editing.load(
                        spec_field.reference, current
                    ).title
    if detail is not None:
        for link_set in spec.links:
            loaded.links[link_set.name] = editing.links(kind, detail.id, link_set.name)
            loaded.link_choices[link_set.name] = editing.choices(
                link_set.other_kind, limit=CHOICE_LIMIT
            )
        for child in spec.children:
            loaded.children[child.kind] = editing.children(kind, detail.id, child.kind)
    return loaded


def _reference_choices(
    editing: EditingService, spec: KindSpec, spec_field: FieldSpec, values: Mapping[str, object]
) -> tuple[Choice, ...]:
    """Return a picker's records: those linked to the owner a ``within`` rule names
    (a commitment's focus areas are its promise's problems), else any live record."""
    assert spec_field.reference is not None
    if spec_field.within is not None:
        owner_field, link_set = spec_field.within
        owner_id = values.get(owner_field)
        owner_kind = next(f.reference for f in spec.fields if f.name == owner_field)
        if isinstance(owner_id, uuid.UUID) and owner_kind is not None:
            with contextlib.suppress(RecordNotFound):
                return tuple(
                    Choice(linked.id, linked.title)
                    for linked in editing.links(owner_kind, owner_id, link_set)
                )
    return editing.choices(spec_field.reference, limit=CHOICE_LIMIT)


def plain_value(spec_field: FieldSpec, raw: object) -> object:
    """Turn a draft's stored text back into the field's type where possible."""
    if not isinstance(raw, str) or spec_field.field_type in (FieldType.LINE, FieldType.TEXT):
        return raw
    try:
        if spec_field.field_type is FieldType.DATE:
            return date.fromisoformat(raw)
        if spec_field.field_type is FieldType.DATETIME:
            return datetime.fromisoformat(raw)
        if spec_field.field_type is FieldType.REFERENCE:
            return uuid.UUID(raw)
        if spec_field.field_type is FieldType.CHOICE and spec_field.choices is not None:
            return spec_field.choices(raw)
    except ValueError:
        return raw
    return raw


class Banner(QFrame):
    """A strip at the top of an editor saying why saving is not possible now."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#saveBanner { background: #fff4e5; border: 1px solid #f0b429; }")
        layout = QHBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Försök igen"), self)
        self.retry_button.clicked.connect(self.retry_requested)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry_button)
        self.hide()

    def show_error(self, error: KnownError) -> None:
        """Say what went wrong and that nothing typed is lost."""
        title, message = describe(error)
        self.message.setText(
            f"<b>{title}</b><br>{message}<br>"
            + self.tr("Det du har skrivit finns kvar och sparas när det går.")
        )
        self.show()


class FieldRow:
    """One field's input, its label and the line for its problem."""

    def __init__(self, spec_field: FieldSpec, widget: Input, caption: QLabel, error: QLabel):
        self.spec = spec_field
        self.widget = widget
        self.caption = caption
        self.error = error


class RecordEditor(QWidget):
    """Edit any kind of record; saves by itself."""

    # (kind, record id) after every successful save.
    record_saved = Signal(str, object)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.saver = DraftSaver(context, parent=self)
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(self._failed)
        self._editing = self.saver.editing
        self.kind = ""
        self.detail: RecordDetail | None = None
        self.parent_ref: RecordRef | None = None
        self.rows: dict[str, FieldRow] = {}
        self.link_lists: dict[str, QListWidget] = {}
        self.link_pickers: dict[str, PickerInput] = {}
        self.child_lists: dict[str, QListWidget] = {}
        self._draft: Draft | None = None
        self._municipalities: tuple[tuple[str, str], ...] = ()
        self._generation = 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.banner = Banner(self)
        self.banner.retry_requested.connect(self.retry)
        layout.addWidget(self.banner)

        header = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.status_label = QLabel(self)
        self.saved_label = QLabel(self)
        self.saved_label.setStyleSheet("color: palette(mid);")
        self.saved_label.setAccessibleName(self.tr("Sparstatus"))
        header.addWidget(self.heading)
        header.addStretch(1)
        header.addWidget(self.saved_label)
        layout.addLayout(header)
        # Who recorded it: in merged data (a coordinator's) it may be someone else.
        self.recorded_label = QLabel(self)
        self.recorded_label.setStyleSheet("color: palette(mid);")
        self.recorded_label.setAccessibleName(self.tr("Registrerad av"))
        layout.addWidget(self.recorded_label)

        actions = QHBoxLayout()
        actions.addWidget(self.status_label)
        self.status_buttons = QHBoxLayout()
        actions.addLayout(self.status_buttons)
        actions.addStretch(1)
        # Promises and dialogues: the chain they belong to, in a window of its own.
        self.trace_button = QPushButton(self.tr("Visa kedjan"), self)
        self.trace_button.setObjectName("show-trace")
        self.trace_button.setShortcut(trace_shortcut())
        self.trace_button.setToolTip(
            self.tr("Visa hela kedjan och var den är bruten (%1)").replace(
                "%1", trace_shortcut().toString()
            )
        )
        self.trace_button.clicked.connect(self.show_trace)
        self.trace_dialog: TraceDialog | None = None
        actions.addWidget(self.trace_button)
        self.delete_button = QPushButton(self.tr("Ta bort"), self)
        self.delete_button.clicked.connect(self.delete_record)
        actions.addWidget(self.delete_button)
        layout.addLayout(actions)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.scroll_area, 1)
        self.placeholder = QLabel(
            self.tr("Välj en post i listan, eller skapa en ny med Ctrl+N."), self
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setWidget(self.placeholder)
        self._set_actions_visible(False)

    # ---------------------------------------------------------------- public

    @property
    def record_id(self) -> uuid.UUID | None:
        """The id of the record shown (None for a new record not saved yet)."""
        return self.saver.record_id

    def show_record(self, kind: str, record_id: uuid.UUID) -> None:
        """Show one record for editing (saving what is pending for the previous one)."""
        self._open(kind, record_id, None)

    def new_record(self, kind: str, parent: RecordRef | None = None) -> None:
        """Start a new record of ``kind`` (child of ``parent`` if given), cursor in field one."""
        self._open(kind, None, parent)
        first = next(iter(self.rows.values()), None)
        if first is not None:
            first.widget.setFocus()

    def restore_draft(self, draft: Draft) -> None:
        """Open the draft's record and put the recovered values back in its fields."""
        parent = (
            RecordRef(draft.parent_kind, draft.parent_id)
            if draft.parent_kind and draft.parent_id
            else None
        )
        self._open(draft.kind, draft.record_id, parent, draft)

    @staticmethod
    def pending_recoveries(context: UiContext) -> tuple[Draft, ...]:
        """Return the drafts left over from an earlier session (to offer on start)."""
        return recovery_store(context).pending()

    def flush(self) -> None:
        """Save what is pending now instead of after the pause."""
        self.saver.flush()

    def retry(self) -> None:
        """Try again to save (after the database refused)."""
        self.banner.hide()
        self.saver.flush()

    def value_of(self, name: str) -> object:
        """Return what the field ``name`` shows (for tests and the shell)."""
        return self.rows[name].widget.value()

    def field_error(self, name: str) -> str:
        """Return the problem shown under field ``name`` ('' if none)."""
        row = self.rows[name]
        return row.error.text() if not row.error.isHidden() else ""

    def change_status(self, target: str) -> None:
        """Move the record to ``target`` (only offered when allowed)."""
        record_id = self.record_id
        if record_id is None:
            return
        self.saver.flush()
        kind, records, editing = self.kind, self._context.services.records, self._editing

        def job() -> RecordDetail:
            records.change_status(kind, record_id, target)
            return editing.load(kind, record_id)

        self._context.worker.submit(job, self._status_changed, self._action_failed)

    def show_trace(self) -> None:
        """Open the chain of the promise or dialogue shown (Visa kedjan)."""
        record_id = self.record_id
        if record_id is not None and self.kind in TRACE_KINDS:
            self.saver.flush()
            self.trace_dialog = show_trace(self._context, self.kind, record_id, self.window())

    def delete_record(self) -> None:
        """Tombstone the record and offer Ångra."""
        record_id = self.record_id
        if record_id is None:
            return
        self.saver.flush()
        kind, records = self.kind, self._context.services.records
        self._context.worker.submit(
            lambda: records.delete(kind, record_id),
            lambda _summary: self._deleted(kind, record_id),
            self._action_failed,
        )

    # ---------------------------------------------------------------- loading

    def _open(
        self,
        kind: str,
        record_id: uuid.UUID | None,
        parent: RecordRef | None,
        draft: Draft | None = None,
    ) -> None:
        self.saver.begin(kind, record_id, parent)
        self.parent_ref = parent
        self.detail = None
        self.recorded_label.clear()
        self._draft = draft
        self._generation += 1
        generation = self._generation
        if kind != self.kind or not self.rows:
            self._build(spec_of(kind))
        self.heading.setText(
            kind_label(kind) if record_id else self.tr("Ny: %1").replace("%1", kind_label(kind))
        )
        self.saved_label.clear()
        self.banner.hide()
        for row in self.rows.values():
            self._show_problem(row, "")
        editing, profiles = self._editing, self._context.services.profiles
        self._context.worker.submit(
            self._load_job(editing, profiles, kind, record_id, parent),
            lambda loaded: self._loaded(generation, loaded),
            self._action_failed,
        )

    # Fields shown first, compactly, above everything else (the dialogue editor's header).
    leading_fields: tuple[str, ...] = ()

    def _load_job(
        self,
        editing: EditingService,
        profiles: ProfileService,
        kind: str,
        record_id: uuid.UUID | None,
        parent: RecordRef | None,
    ) -> Callable[[], Loaded]:
        """Return the worker job that reads what the editor shows."""
        return lambda: load_record(editing, profiles, kind, record_id, parent)

    def _build(self, spec: KindSpec) -> None:
        self.kind = spec.kind
        self.rows, self.link_lists, self.link_pickers, self.child_lists = {}, {}, {}, {}
        page = QWidget()
        page.setObjectName("editorPage")
        column = QVBoxLayout(page)
        leading = [f for f in spec.fields if f.name in self.leading_fields]
        rest = [f for f in spec.fields if f.name not in self.leading_fields]
        if leading:
            grid = QGridLayout()
            grid.setHorizontalSpacing(8)
            for index, spec_field in enumerate(leading):
                caption, holder = self._field_row(spec, spec_field, page)
                # The first field (the title) spans the row; the rest go two by two.
                if index == 0:
                    grid.addWidget(caption, 0, 0)
                    grid.addWidget(holder, 0, 1, 1, 3)
                else:
                    row, pair = (index + 1) // 2, (index + 1) % 2
                    grid.addWidget(caption, row, pair * 2)
                    grid.addWidget(holder, row, pair * 2 + 1)
            grid.setColumnStretch(1, 1)
            grid.setColumnStretch(3, 1)
            column.addLayout(grid)
            self._after_leading(spec, page, column)
        target: QWidget = page
        target_layout: QVBoxLayout = column
        if leading:
            more = QGroupBox(self.tr("Fler uppgifter"), page)
            more.setObjectName("moreDetails")
            target, target_layout = more, QVBoxLayout(more)
            column.addWidget(more)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for spec_field in rest:
            form.addRow(*self._field_row(spec, spec_field, target))
        target_layout.addLayout(form)
        for link_set in spec.links:
            target_layout.addWidget(
                self._link_box(spec, link_set.name, link_set.other_kind, target)
            )
        for child in spec.children:
            if child.kind not in self.custom_children:
                column.addWidget(self._child_box(child.kind, page))
        column.addStretch(1)
        self.scroll_area.takeWidget()
        self.scroll_area.setWidget(page)
        self._set_actions_visible(True)

    # Child kinds a subclass shows its own way (placed by _after_leading).
    custom_children: tuple[str, ...] = ()

    def _after_leading(self, spec: KindSpec, page: QWidget, column: QVBoxLayout) -> None:
        """Add what comes right after the leading fields (for subclasses)."""

    def _field_row(
        self, spec: KindSpec, spec_field: FieldSpec, page: QWidget
    ) -> tuple[QLabel, QWidget]:
        widget = make_input(spec_field, page)
        text = field_label(spec.kind, spec_field.name)
        # Choices always hold a value; the star marks what a person must fill in.
        starred = spec_field.required and spec_field.field_type is not FieldType.CHOICE
        caption = QLabel(text + (" *" if starred else ""), page)
        caption.setBuddy(widget)
        widget.setAccessibleName(text)
        widget.setObjectName(f"field-{spec_field.name}")
        error = QLabel(page)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setObjectName(f"error-{spec_field.name}")
        error.hide()
        holder = QWidget(page)
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.setSpacing(2)
        holder_layout.addWidget(widget)
        holder_layout.addWidget(error)
        if spec_field.personal_data_warning:
            reminder = QLabel(self.tr("Skriv inte personuppgifter om medborgare."), holder)
            reminder.setStyleSheet("color: palette(mid); font-size: 11px;")
            reminder.setObjectName(f"reminder-{spec_field.name}")
            holder_layout.addWidget(reminder)
        self.rows[spec_field.name] = FieldRow(spec_field, widget, caption, error)
        widget.edited.connect(lambda value, name=spec_field.name: self._edited(name, value))
        return caption, holder

    def _link_box(self, spec: KindSpec, name: str, other_kind: str, page: QWidget) -> QGroupBox:
        box = QGroupBox(link_set_label(spec.kind, name), page)
        layout = QVBoxLayout(box)
        listing = QListWidget(box)
        listing.setAccessibleName(link_set_label(spec.kind, name))
        listing.setMaximumHeight(84)
        layout.addWidget(listing)
        row = QHBoxLayout()
        picker = PickerInput(False, box)
        picker.setAccessibleName(self.tr("Välj %1").replace("%1", kind_label(other_kind).lower()))
        picker.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        add = QPushButton(self.tr("Lägg till…"), box)
        add.setObjectName(f"link-add-{name}")
        remove = QPushButton(self.tr("Ta bort"), box)
        remove.setObjectName(f"link-remove-{name}")
        add.clicked.connect(lambda: self.link(name, as_uuid(picker.value())))
        remove.clicked.connect(lambda: self._unlink_selected(name))
        row.addWidget(picker, 1)
        row.addWidget(add)
        row.addWidget(remove)
        layout.addLayout(row)
        self.link_lists[name] = listing
        self.link_pickers[name] = picker
        return box

    def _child_box(self, child_kind: str, page: QWidget) -> QGroupBox:
        box = QGroupBox(kind_label(child_kind, plural=True), page)
        layout = QVBoxLayout(box)
        listing = QListWidget(box)
        listing.setAccessibleName(kind_label(child_kind, plural=True))
        listing.setMaximumHeight(84)
        listing.itemActivated.connect(
            lambda item: self._context.events.open_record_requested.emit(
                child_kind, item.data(Qt.ItemDataRole.UserRole)
            )
        )
        layout.addWidget(listing)
        add = QPushButton(
            self.tr("Lägg till %1").replace("%1", kind_label(child_kind).lower()), box
        )
        add.setObjectName(f"child-new-{child_kind}")
        add.clicked.connect(lambda: self._new_child(child_kind))
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.child_lists[child_kind] = listing
        return box

    def _loaded(self, generation: int, loaded: Loaded) -> None:
        if generation != self._generation or loaded.kind != self.kind:
            return
        self.detail = loaded.detail
        self._show_recorded(loaded.detail)
        if loaded.municipalities:
            self._municipalities = loaded.municipalities
        for name, row in self.rows.items():
            widget = row.widget
            if isinstance(widget, PickerInput):
                if row.spec.field_type is FieldType.MUNICIPALITY:
                    widget.set_value(loaded.values.get(name))
                    widget.set_choices(
                        [(code, f"{title} ({code})") for code, title in self._municipalities]
                    )
                else:
                    widget.set_value(loaded.values.get(name))
                    widget.set_record_choices(loaded.choices.get(name, ()))
                    if name in loaded.titles:
                        widget.ensure_choice(loaded.values.get(name), loaded.titles[name])
            else:
                widget.set_value(loaded.values.get(name))
        for name in self.link_lists:
            self._fill_links(name, loaded.links.get(name, ()))
            self.link_pickers[name].set_record_choices(loaded.link_choices.get(name, ()))
        for child_kind, listing in self.child_lists.items():
            listing.clear()
            for child in loaded.children.get(child_kind, ()):
                item = QListWidgetItem(child.title or self.tr("(utan text)"), listing)
                item.setData(Qt.ItemDataRole.UserRole, child.id)
        self._show_status(loaded.detail)
        self._enable_relations(loaded.detail is not None)
        if self._draft is not None:
            self._apply_draft(self._draft)
            self._draft = None
        if loaded.detail is not None and loaded.detail.deleted:
            self.saved_label.setText(self.tr("Borttagen"))

    def _apply_draft(self, draft: Draft) -> None:
        for name, raw in draft.values.items():
            row = self.rows.get(name)
            if row is None:
                continue
            row.widget.set_value(plain_value(row.spec, raw))
            self.saver.change(name, raw)

    def _enable_relations(self, enabled: bool) -> None:
        for listing in (*self.link_lists.values(), *self.child_lists.values()):
            box = listing.parentWidget()
            if box is not None:
                box.setEnabled(enabled)

    # ---------------------------------------------------------------- saving

    def _edited(self, name: str, value: object) -> None:
        self._show_problem(self.rows[name], "")
        self.saved_label.setText(self.tr("Ändrat – sparas strax"))
        self.saver.change(name, value)

    def _saved(self, detail: RecordDetail) -> None:
        if detail.kind != self.kind:
            self._announce(detail)
            return
        was_new = self.detail is None
        self.detail = detail
        self._show_recorded(detail)
        self.banner.hide()
        self._show_saved_now()
        if was_new:
            self.heading.setText(kind_label(self.kind))
            self._show_status(detail)
            self._enable_relations(True)
        self._announce(detail)

    def _show_recorded(self, detail: RecordDetail | None) -> None:
        if detail is None or not detail.author:
            self.recorded_label.clear()
            return
        text = self.tr("Registrerad av %1").replace("%1", detail.author)
        if detail.created_at is not None:
            text += " · " + cell_text(QLocale(), detail.created_at.astimezone().date())
        self.recorded_label.setText(text)

    def _show_saved_now(self) -> None:
        self.saved_label.setText(
            self.tr("Sparat %1").replace("%1", datetime.now().strftime("%H:%M"))
        )

    def _announce(self, detail: RecordDetail) -> None:
        self.record_saved.emit(detail.kind, detail.id)
        self._context.events.announce_saved(detail.kind, detail.id)

    def _failed(self, error: KnownError) -> None:
        if isinstance(error, FieldErrors):
            for name, (code, params) in error.problems.items():
                row = self.rows.get(name)
                if row is not None:
                    self._show_problem(row, problem_message(self.kind, code, params))
            self.saved_label.setText(self.tr("Inte sparat – rätta de markerade fälten"))
            return
        self.saved_label.setText(self.tr("Inte sparat"))
        self.banner.show_error(error)

    def _show_problem(self, row: FieldRow, message: str) -> None:
        row.error.setText(message)
        row.error.setVisible(bool(message))
        row.widget.setProperty("invalid", bool(message))
        row.widget.setToolTip(message)
        if message:
            row.widget.setAccessibleDescription(message)
        else:
            row.widget.setAccessibleDescription("")

    # ---------------------------------------------------------------- status, delete, links

    def _set_actions_visible(self, visible: bool) -> None:
        self.delete_button.setVisible(visible)
        self.status_label.setVisible(visible)
        self.trace_button.setVisible(visible and self.kind in TRACE_KINDS)

    def _show_status(self, detail: RecordDetail | None) -> None:
        while self.status_buttons.count():
            item = self.status_buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        spec = spec_of(self.kind)
        self.delete_button.setEnabled(detail is not None and not detail.deleted)
        self.trace_button.setVisible(self.kind in TRACE_KINDS)
        self.trace_button.setEnabled(detail is not None and not detail.deleted)
        if spec.status_type is None or detail is None or detail.status is None:
            self.status_label.setText("")
            return
        current = spec.status_type(detail.status)
        self.status_label.setText(self.tr("Status: %1").replace("%1", label(current)))
        for target in detail.allowed_next:
            status: StrEnum = spec.status_type(target)
            button = QPushButton(status_action(self.kind, current, status), self)
            button.setObjectName(f"status-{target}")
            button.clicked.connect(lambda _checked=False, t=target: self.change_status(t))
            button.setEnabled(not detail.deleted)
            self.status_buttons.addWidget(button)

    def status_actions(self) -> dict[str, QPushButton]:
        """Return the status buttons offered now, by target status."""
        found: dict[str, QPushButton] = {}
        for index in range(self.status_buttons.count()):
            item = self.status_buttons.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QPushButton):
                found[widget.objectName().removeprefix("status-")] = widget
        return found

    def _status_changed(self, detail: RecordDetail) -> None:
        if detail.kind == self.kind and detail.id == self.record_id:
            self.detail = detail
            self._show_status(detail)
        self._announce(detail)

    def _deleted(self, kind: str, record_id: uuid.UUID) -> None:
        events = self._context.events
        events.record_deleted.emit(kind, record_id)
        events.undo_offered.emit(
            self.tr("%1 togs bort").replace("%1", kind_label(kind)), kind, record_id
        )
        if kind == self.kind and record_id == self.record_id:
            self.saved_label.setText(self.tr("Borttagen"))
            self.delete_button.setEnabled(False)
            page = self.scroll_area.widget()
            if page is not None:
                page.setEnabled(False)
            for button in self.status_actions().values():
                button.setEnabled(False)

    def _action_failed(self, error: KnownError) -> None:
        if isinstance(error, InvalidTransition | RecordNotFound | DatabaseError):
            self.banner.show_error(error)
            if self.detail is not None:
                self._show_status(self.detail)
            return
        self.banner.show_error(error)

    def link(self, link_set: str, other_id: uuid.UUID | None) -> None:
        """Link the record to ``other_id`` through ``link_set``."""
        record_id = self.record_id
        if record_id is None or other_id is None:
            return
        kind, editing = self.kind, self._editing

        def job() -> tuple[LinkedRecord, ...]:
            editing.link(kind, record_id, link_set, other_id)
            return editing.links(kind, record_id, link_set)

        self._context.worker.submit(
            job, lambda links: self._links_changed(link_set, links), self._action_failed
        )

    def unlink(self, link_set: str, other_id: uuid.UUID) -> None:
        """Remove the link to ``other_id``."""
        record_id = self.record_id
        if record_id is None:
            return
        kind, editing = self.kind, self._editing

        def job() -> tuple[LinkedRecord, ...]:
            editing.unlink(kind, record_id, link_set, other_id)
            return editing.links(kind, record_id, link_set)

        self._context.worker.submit(
            job, lambda links: self._links_changed(link_set, links), self._action_failed
        )

    def _unlink_selected(self, link_set: str) -> None:
        item = self.link_lists[link_set].currentItem()
        if item is not None:
            self.unlink(link_set, item.data(Qt.ItemDataRole.UserRole))

    def _links_changed(self, link_set: str, links: tuple[LinkedRecord, ...]) -> None:
        self._fill_links(link_set, links)
        if self.record_id is not None:
            self._context.events.announce_saved(self.kind, self.record_id)

    def _fill_links(self, link_set: str, links: tuple[LinkedRecord, ...]) -> None:
        listing = self.link_lists.get(link_set)
        if listing is None:
            return
        listing.clear()
        for linked in links:
            text = f"{linked.rank}. {linked.title}" if linked.rank else linked.title
            item = QListWidgetItem(text or self.tr("(utan text)"), listing)
            item.setData(Qt.ItemDataRole.UserRole, linked.id)

    def _new_child(self, child_kind: str) -> None:
        if self.record_id is not None:
            self.new_record(child_kind, RecordRef(self.kind, self.record_id))

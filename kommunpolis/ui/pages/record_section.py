"""A section of record lists with an editor beside them (Dialoger, Möten, …).

Its tab bar has a tab per record kind (the list and its editor) and then a tab per extra
page the section names (``Section.pages``, e.g. Lägesbildsbyggaren), each page imported
and built on its first visit. Ctrl+PgDown and Ctrl+PgUp step through the tabs.

At start-up the section shown first may be built as a preview, before the database
is open: its first list shows the first page (see ``RecordListView``), the other tabs
and the editor wait. :meth:`RecordSection.attach` makes it whole, in place.
"""

from __future__ import annotations

import importlib
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabBar, QVBoxLayout, QWidget

from kommunpolis.ui.context import UiContext
from kommunpolis.ui.labels import kind_label
from kommunpolis.ui.sections import CONTEXT as SECTIONS_CONTEXT
from kommunpolis.ui.sections import Section

if TYPE_CHECKING:
    from kommunpolis.services.recovery import Draft
    from kommunpolis.ui.editors import RecordEditor

    # Built after the window has painted (the editors pull in SQLAlchemy).
    from kommunpolis.ui.widgets.record_list import ListPreview, RecordListView

_SPLITTER_KEY = "sections/{key}/splitter"
EDITOR_MIN_WIDTH = 420


def build_page(target: str, context: UiContext, parent: QWidget) -> QWidget:
    """Import ``"module:Class"`` and build the page with ``(context, parent)``."""
    module_name, _, class_name = target.partition(":")
    page_class = getattr(importlib.import_module(module_name), class_name)
    page = page_class(context, parent)
    if not isinstance(page, QWidget):
        raise TypeError(f"{target} is not a QWidget")
    return page


class RecordSection(QWidget):
    """Tabs for the section's kinds (a lazy list and an editor each) and its extra pages."""

    def __init__(
        self,
        context: UiContext | None,
        section: Section,
        parent: QWidget | None = None,
        *,
        preview: ListPreview | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._preview = preview
        # A record chosen in the preview's list: opened in the editor once attached.
        self._pending_edit: tuple[str, uuid.UUID] | None = None
        self.section = section
        self.setObjectName(f"section-{section.key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.tabs = QTabBar(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Vad som visas"))
        for kind in section.kinds:
            self.tabs.addTab(kind_label(kind, plural=True))
        for page_label, _target in section.pages:
            self.tabs.addTab(QCoreApplication.translate(SECTIONS_CONTEXT, page_label))
        self.tabs.setVisible(self.tabs.count() > 1)
        layout.addWidget(self.tabs)
        self._tab_shortcut(self.tr("Ctrl+PgDown"), 1)
        self._tab_shortcut(self.tr("Ctrl+PgUp"), -1)

        # The lists and editors (one splitter), or one of the extra pages.
        self.body = QStackedWidget(self)
        layout.addWidget(self.body, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.body)
        self.lists = QStackedWidget(self.splitter)
        self.editors = QStackedWidget(self.splitter)
        self.splitter.addWidget(self.lists)
        self.splitter.addWidget(self.editors)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.body.addWidget(self.splitter)
        self.editors.setMinimumWidth(EDITOR_MIN_WIDTH)
        settings = (
            context.settings if context is not None else preview.settings if preview else None
        )
        if settings is None:
            raise ValueError("a section needs its context or a preview")
        self._settings = settings
        state = settings.value(_SPLITTER_KEY.format(key=section.key))
        if state is None or not self.splitter.restoreState(state):
            # First visit: about half each, the list a little wider.
            self.splitter.setSizes([560, 460])

        self._views: dict[str, RecordListView] = {}
        self._editor_widgets: dict[str, RecordEditor] = {}
        self._pages: dict[int, QWidget] = {}
        self._kind_index = 0  # the kind tab shown last (the kind while a page is shown)
        self.tabs.currentChanged.connect(self._show_tab)
        # The other tabs wait for the database (the tab bar is off until then).
        self.tabs.setEnabled(context is not None)
        self._show_tab(0)

    @property
    def attached(self) -> bool:
        """Whether the section has its context (a preview has not, yet)."""
        return self._context is not None

    def attach(self, context: UiContext) -> None:
        """Make a preview whole: its list loads everything, the editor appears."""
        if self._context is not None:
            return
        self._context = context
        for view in self._views.values():
            view.attach(context)
        self.tabs.setEnabled(True)
        self._show_tab(self.tabs.currentIndex())
        pending, self._pending_edit = self._pending_edit, None
        if pending is not None:
            self._edit(*pending)

    # ---------------------------------------------------------------- public

    @property
    def current_kind(self) -> str:
        """The kind whose list is shown (or was, when an extra page is shown)."""
        return self.section.kinds[self._kind_index]

    def current_record(self) -> tuple[str, uuid.UUID] | None:
        """Return the kind and id of the record chosen in the list shown, if any."""
        if self.current_page() is not None or self.current_kind not in self._views:
            return None
        record_id = self._views[self.current_kind].current_id()
        return (self.current_kind, record_id) if record_id is not None else None

    def current_page(self) -> QWidget | None:
        """Return the extra page shown, or None when a list and its editor are."""
        index = self.tabs.currentIndex() - len(self.section.kinds)
        return self._pages.get(index) if index >= 0 else None

    def page(self, index: int) -> QWidget:
        """Return the extra page ``index`` (of ``Section.pages``), building it on first use."""
        page = self._pages.get(index)
        if page is None:
            assert self._context is not None, "pages are built once attached"
            page = build_page(self.section.pages[index][1], self._context, self.body)
            self.body.addWidget(page)
            self._pages[index] = page
        return page

    def show_page(self, index: int) -> QWidget:
        """Show the extra page ``index`` (of ``Section.pages``) and return it."""
        self.tabs.setCurrentIndex(len(self.section.kinds) + index)
        return self.page(index)

    def new_record(self) -> None:
        """Start a new record of the shown kind in the editor, the cursor in its first field."""
        if self.tabs.currentIndex() != self._kind_index:
            self.tabs.setCurrentIndex(self._kind_index)
        editor = self._editor(self.current_kind)
        if self.current_kind == "dialogues":
            from kommunpolis.ui.editors.dialogue_editor import DialogueEditor

            assert isinstance(editor, DialogueEditor)
            editor.new_dialogue()
        else:
            editor.new_record(self.current_kind)

    def open_record(self, kind: str, record_id: uuid.UUID) -> None:
        """Show ``kind``'s tab, select the record in its list and open it in the editor."""
        if kind not in self.section.kinds:
            return
        self.tabs.setCurrentIndex(self.section.kinds.index(kind))
        self._view(kind).select_record(record_id)
        self._edit(kind, record_id)

    def restore_draft(self, draft: Draft) -> None:
        """Show the draft's kind and put its recovered text back in the editor."""
        if draft.kind not in self.section.kinds:
            return
        self.tabs.setCurrentIndex(self.section.kinds.index(draft.kind))
        self._editor(draft.kind).restore_draft(draft)

    def list_view(self, kind: str) -> RecordListView:
        """Return the list of ``kind`` (built on first use)."""
        return self._view(kind)

    def save_state(self) -> None:
        """Remember the splitter's position."""
        self._settings.setValue(
            _SPLITTER_KEY.format(key=self.section.key), self.splitter.saveState()
        )

    # ---------------------------------------------------------------- internals

    def _tab_shortcut(self, keys: str, step: int) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self._step_tab(step))

    def _step_tab(self, step: int) -> None:
        count = self.tabs.count()
        if count > 1 and self.tabs.isEnabled():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    def _show_tab(self, index: int) -> None:
        index = max(index, 0)
        if index >= len(self.section.kinds):
            if self._context is not None:
                self.body.setCurrentWidget(self.page(index - len(self.section.kinds)))
            return
        self._kind_index = index
        kind = self.section.kinds[index]
        self.body.setCurrentWidget(self.splitter)
        self.lists.setCurrentWidget(self._view(kind))
        if self._context is not None:
            self.editors.setCurrentWidget(self._editor(kind))

    def _view(self, kind: str) -> RecordListView:
        view = self._views.get(kind)
        if view is None:
            from kommunpolis.ui.widgets.record_list import RecordListView

            view = RecordListView(self._context, kind, self.lists, preview=self._preview)
            view.record_selected.connect(self._edit)
            view.record_activated.connect(self._edit_and_focus)
            self.lists.addWidget(view)
            self._views[kind] = view
        return view

    def _editor(self, kind: str) -> RecordEditor:
        editor = self._editor_widgets.get(kind)
        if editor is None:
            assert self._context is not None, "editors are built once attached"
            if kind == "dialogues":
                from kommunpolis.ui.editors.dialogue_editor import DialogueEditor

                editor = DialogueEditor(self._context, self.editors)
            else:
                from kommunpolis.ui.editors import RecordEditor

                editor = RecordEditor(self._context, self.editors)
            self.editors.addWidget(editor)
            self._editor_widgets[kind] = editor
        return editor

    def _edit(self, kind: str, record_id: uuid.UUID) -> None:
        if self._context is None:
            self._pending_edit = (kind, record_id)
            return
        self._editor(kind).show_record(kind, record_id)

    def _edit_and_focus(self, kind: str, record_id: uuid.UUID) -> None:
        self._edit(kind, record_id)
        if self._context is not None:
            self._editor(kind).setFocus()

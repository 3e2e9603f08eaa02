"""The first-run dialog: create the officer's or coordinator's profile."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from kommunpolis.domain.errors import InvalidInput, KnownError
from kommunpolis.domain.vocabulary import Role
from kommunpolis.services.profiles import NAME_LIMIT, ProfileService
from kommunpolis.services.read_models import MunicipalityView, ProfileView
from kommunpolis.ui.errors import describe, field_message
from kommunpolis.ui.main_window import role_label
from kommunpolis.ui.tasks import DatabaseWorker

# The invalid index that stands for the root (the default 'parent' of Qt's API).
_NO_PARENT = QModelIndex()
_ERROR_STYLE = "color: #b3261e;"


class MunicipalityListModel(QAbstractListModel):
    """The kommuner as a checkable list, shown as "Namn (län)"."""

    CODE_ROLE = Qt.ItemDataRole.UserRole + 1

    checked_changed = Signal()

    def __init__(
        self, municipalities: Sequence[MunicipalityView], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._municipalities = tuple(municipalities)
        self._checked: set[str] = set()

    def checked_codes(self) -> tuple[str, ...]:
        """Return the SCB codes of the checked kommuner, in list order."""
        return tuple(m.code for m in self._municipalities if m.code in self._checked)

    def checked_names(self) -> tuple[str, ...]:
        """Return the names of the checked kommuner, in list order."""
        return tuple(m.name for m in self._municipalities if m.code in self._checked)

    def set_checked(self, code: str, checked: bool) -> None:
        """Check or uncheck the kommun with ``code``."""
        for row, municipality in enumerate(self._municipalities):
            if municipality.code == code:
                self._set_row_checked(row, checked)
                return
        raise KeyError(code)

    def _set_row_checked(self, row: int, checked: bool) -> None:
        code = self._municipalities[row].code
        if (code in self._checked) == checked:
            return
        if checked:
            self._checked.add(code)
        else:
            self._checked.discard(code)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()

    def rowCount(
        self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> int:  # Qt override
        """Return the number of kommuner (a list has no children)."""
        return 0 if parent.isValid() else len(self._municipalities)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # Qt override
        """Return the label, check state or code of one kommun."""
        if not index.isValid() or not 0 <= index.row() < len(self._municipalities):
            return None
        municipality = self._municipalities[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("{name} ({county})").format(
                name=municipality.name, county=municipality.county_name
            )
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = municipality.code in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == self.CODE_ROLE:
            return municipality.code
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: object,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:  # Qt override
        """Check or uncheck a kommun."""
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))  # type: ignore[call-overload]
        self._set_row_checked(index.row(), state == Qt.CheckState.Checked)
        return True

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:  # Qt override
        """Every kommun can be selected and checked."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class MunicipalityFilterModel(QSortFilterProxyModel):
    """Filter the kommuner by typed text and, on request, to the checked ones."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._only_checked = False
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_only_checked(self, only_checked: bool) -> None:
        """Show only the checked kommuner, or all that match the text."""
        # beginFilterChange() replaces the deprecated invalidateFilter() from Qt 6.9.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self._only_checked = only_checked
            self.endFilterChange()
        else:  # pragma: no cover - Qt < 6.9
            self._only_checked = only_checked
            self.invalidateFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:  # Qt override
        """Accept a kommun that matches the text (and is checked, if asked)."""
        if self._only_checked:
            index = self.sourceModel().index(source_row, 0, source_parent)
            if index.data(Qt.ItemDataRole.CheckStateRole) != Qt.CheckState.Checked:
                return False
        return super().filterAcceptsRow(source_row, source_parent)


class _RoomyDelegate(QStyledItemDelegate):
    """Give each row some air: rows exactly one font high clip the dots of Å, Ä and Ö."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:  # Qt override
        """Return the style's size plus a little vertical padding."""
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 6))


class FirstRunDialog(QDialog):
    """Ask for name, role, LPO and kommuner, and create the profile."""

    profile_created = Signal(object)

    def __init__(
        self,
        *,
        worker: DatabaseWorker,
        profiles: ProfileService,
        municipalities: Sequence[MunicipalityView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._profiles = profiles
        self._saving = False
        self.setWindowTitle(self.tr("Välkommen till Kommunpolis"))
        self.setMinimumWidth(560)
        self.municipality_model = MunicipalityListModel(municipalities, self)
        self.filter_model = MunicipalityFilterModel(self)
        self.filter_model.setSourceModel(self.municipality_model)
        self._build()
        self._update_selected_label()
        # Start taller than the minimum: the list gives way when messages appear.
        hint = self.sizeHint()
        self.resize(max(hint.width(), 600), hint.height() + 160)

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)

        heading = QLabel(self.tr("Välkommen till Kommunpolis"), self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        intro = QLabel(
            self.tr(
                "Börja med att berätta vem du är. Uppgifterna står som upphov på det du "
                "registrerar och kan ändras senare."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(10)
        layout.addLayout(form, 1)

        # Name, with its error message right under the field.
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(NAME_LIMIT)
        self.name_edit.setPlaceholderText(self.tr("För- och efternamn"))
        self.name_edit.setAccessibleName(self.tr("Namn"))
        self.name_edit.textEdited.connect(lambda _text: self._clear_name_error())
        self.name_error = QLabel(self)
        self.name_error.setStyleSheet(_ERROR_STYLE)
        self.name_error.setWordWrap(True)
        self.name_error.hide()
        name_box = QVBoxLayout()
        name_box.setSpacing(4)
        name_box.addWidget(self.name_edit)
        name_box.addWidget(self.name_error)
        name_label = QLabel(self.tr("&Namn:"), self)
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, name_box)

        # Role.
        self.officer_radio = QRadioButton(role_label(Role.OFFICER), self)
        self.coordinator_radio = QRadioButton(role_label(Role.COORDINATOR), self)
        self.officer_radio.setChecked(True)
        self.role_group = QButtonGroup(self)
        self.role_group.addButton(self.officer_radio)
        self.role_group.addButton(self.coordinator_radio)
        self.officer_radio.setAccessibleName(self.tr("Roll: Kommunpolis"))
        self.coordinator_radio.setAccessibleName(self.tr("Roll: Samordnare"))
        role_box = QHBoxLayout()
        role_box.setSpacing(20)
        role_box.addWidget(self.officer_radio)
        role_box.addWidget(self.coordinator_radio)
        role_box.addStretch(1)
        role_label_widget = QLabel(self.tr("&Roll:"), self)
        role_label_widget.setBuddy(self.officer_radio)
        form.addRow(role_label_widget, role_box)

        # Local police district.
        self.district_edit = QLineEdit(self)
        self.district_edit.setMaxLength(NAME_LIMIT)
        self.district_edit.setPlaceholderText(self.tr("Valfritt, t.ex. LPO Norrort"))
        self.district_edit.setAccessibleName(self.tr("Lokalpolisområde"))
        district_label = QLabel(self.tr("&Lokalpolisområde:"), self)
        district_label.setBuddy(self.district_edit)
        form.addRow(district_label, self.district_edit)

        # Kommuner: a filter field over a checkable list.
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Sök kommun eller län"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Sök kommun"))
        self.filter_edit.textChanged.connect(self.filter_model.setFilterFixedString)
        self.filter_edit.installEventFilter(self)
        self.municipality_view = QListView(self)
        self.municipality_view.setModel(self.filter_model)
        self.municipality_view.setUniformItemSizes(True)
        self.municipality_view.setItemDelegate(_RoomyDelegate(self.municipality_view))
        self.municipality_view.setMinimumHeight(140)
        self.municipality_view.setAccessibleName(self.tr("Kommuner"))
        self.municipality_view.installEventFilter(self)
        self.selected_label = QLabel(self)
        self.municipality_model.checked_changed.connect(self._update_selected_label)
        self.only_checked_box = QCheckBox(self.tr("&Visa bara valda"), self)
        self.only_checked_box.toggled.connect(self.filter_model.set_only_checked)
        selected_row = QHBoxLayout()
        selected_row.addWidget(self.selected_label, 1)
        selected_row.addWidget(self.only_checked_box)
        municipalities_box = QVBoxLayout()
        municipalities_box.setSpacing(6)
        municipalities_box.addWidget(self.filter_edit)
        municipalities_box.addWidget(self.municipality_view, 1)
        municipalities_box.addLayout(selected_row)
        municipalities_label = QLabel(self.tr("&Kommuner:"), self)
        municipalities_label.setBuddy(self.filter_edit)
        form.addRow(municipalities_label, municipalities_box)

        privacy = QLabel(
            self.tr(
                "Profilen sparas bara på den här datorn. Ditt namn följer med när du delar "
                "en fil med andra. Registrera aldrig uppgifter om enskilda medborgare."
            ),
            self,
        )
        privacy.setWordWrap(True)
        small = QFont(privacy.font())
        small.setPointSizeF(small.pointSizeF() * 0.92)
        privacy.setFont(small)
        layout.addWidget(privacy)

        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(self)
        self.create_button = QPushButton(self.tr("&Skapa profil"), self)
        self.create_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Avbryt"), self)
        self.cancel_button.setAutoDefault(False)
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

        order: list[QWidget] = [
            self.name_edit,
            self.officer_radio,
            self.coordinator_radio,
            self.district_edit,
            self.filter_edit,
            self.municipality_view,
            self.only_checked_box,
            self.create_button,
            self.cancel_button,
        ]
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)
        self.name_edit.setFocus()

    # ---------------------------------------------------------------- input

    def role(self) -> Role:
        """Return the chosen role."""
        return Role.COORDINATOR if self.coordinator_radio.isChecked() else Role.OFFICER

    def submit(self) -> None:
        """Check the input and create the profile on the database worker."""
        if self._saving:
            return
        self.error_label.hide()
        name = self.name_edit.text().strip()
        if not name:
            self._show_name_error(self.tr("Ange ditt namn."))
            return
        self._clear_name_error()
        create = self._profiles.create
        role = self.role()
        district = self.district_edit.text().strip() or None
        codes = self.municipality_model.checked_codes()
        self._set_saving(True)
        self._worker.submit(
            lambda: create(name=name, role=role, district_name=district, municipality_codes=codes),
            self._created,
            self._failed,
        )

    def _created(self, profile: ProfileView) -> None:
        self._set_saving(False)
        self.profile_created.emit(profile)
        self.accept()

    def _failed(self, error: KnownError) -> None:
        self._set_saving(False)
        if isinstance(error, InvalidInput) and error.field == "name":
            self._show_name_error(field_message(error))
            return
        if isinstance(error, InvalidInput):
            message = field_message(error)
        else:
            title, text = describe(error)
            message = f"{title}. {text}"
        self.error_label.setText(message)
        self.error_label.show()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for widget in (
            self.name_edit,
            self.officer_radio,
            self.coordinator_radio,
            self.district_edit,
            self.filter_edit,
            self.municipality_view,
            self.only_checked_box,
            self.create_button,
            self.cancel_button,
        ):
            widget.setEnabled(not saving)
        self.create_button.setText(self.tr("Sparar…") if saving else self.tr("&Skapa profil"))

    def _show_name_error(self, message: str) -> None:
        self.name_error.setText(message)
        self.name_error.show()
        self.name_edit.setAccessibleDescription(message)
        self.name_edit.setFocus()

    def _clear_name_error(self) -> None:
        self.name_error.hide()
        self.name_error.clear()
        self.name_edit.setAccessibleDescription("")

    def _update_selected_label(self) -> None:
        names = self.municipality_model.checked_names()
        self.selected_label.setText(self.tr("Valda kommuner: %n", "", len(names)))
        self.selected_label.setToolTip(", ".join(names))

    def _toggle(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        source = self.filter_model.mapToSource(index)
        self.municipality_model.setData(
            source,
            Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked,
            Qt.ItemDataRole.CheckStateRole,
        )

    # ---------------------------------------------------------------- Qt overrides

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """Let the keyboard move from the filter to the list, and Enter check a kommun."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.filter_edit:
            if key == Qt.Key.Key_Down or (enter and self.filter_model.rowCount() != 1):
                self._focus_list()
                return True
            if enter:
                # One match: Enter checks it instead of submitting the whole dialog.
                self._toggle(self.filter_model.index(0, 0))
                self.filter_edit.selectAll()
                return True
        elif watched is self.municipality_view and enter:
            self._toggle(self.municipality_view.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def reject(self) -> None:  # Qt override
        """Close without saving, unless a save is under way; the draft is kept."""
        if not self._saving:
            super().reject()

    def _focus_list(self) -> None:
        self.municipality_view.setFocus()
        if not self.municipality_view.currentIndex().isValid() and self.filter_model.rowCount():
            self.municipality_view.setCurrentIndex(self.filter_model.index(0, 0))

"""The sections of the main window's sidebar: their order, names, icons and record kinds."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Sections"


@dataclass(frozen=True)
class Section:
    """One entry of the sidebar."""

    key: str
    source_label: str
    icon: str
    # The record kinds (storage.kinds names) its lists and editors show, first the main one.
    kinds: tuple[str, ...] = ()
    # Pages shown as extra tabs after the record lists: (tab label, "module:Class").
    pages: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        """The translated name shown in the sidebar."""
        return QCoreApplication.translate(CONTEXT, self.source_label)


SECTIONS: tuple[Section, ...] = (
    Section("overview", str(QT_TRANSLATE_NOOP(CONTEXT, "Översikt")), "overview"),
    Section(
        "dialogues",
        str(QT_TRANSLATE_NOOP(CONTEXT, "Dialoger")),
        "dialogues",
        ("dialogues", "concerns"),
    ),
    Section(
        "meetings",
        str(QT_TRANSLATE_NOOP(CONTEXT, "Möten")),
        "meetings",
        ("meetings", "action-items"),
    ),
    Section(
        "situation",
        str(QT_TRANSLATE_NOOP(CONTEXT, "Lägesbild & problem")),
        "situation",
        ("situation-pictures", "problems"),
        (
            (
                str(QT_TRANSLATE_NOOP(CONTEXT, "Lägesbildsbyggare")),
                "kommunpolis.ui.pages.situation_builder:SituationBuilderPage",
            ),
            (
                str(QT_TRANSLATE_NOOP("Sections", "Analys")),
                "kommunpolis.ui.pages.analysis:AnalysisPage",
            ),
        ),
    ),
    Section(
        "promises",
        str(QT_TRANSLATE_NOOP(CONTEXT, "Löften & åtgärder")),
        "promises",
        ("promises", "measures", "followups", "indicators"),
        (
            (
                str(QT_TRANSLATE_NOOP("Sections", "Handlingsplan")),
                "kommunpolis.ui.pages.action_plan:ActionPlanPage",
            ),
        ),
    ),
    Section(
        "agreements",
        str(QT_TRANSLATE_NOOP(CONTEXT, "Överenskommelser")),
        "agreements",
        ("agreements",),
    ),
    Section(
        "places",
        str(QT_TRANSLATE_NOOP(CONTEXT, "Platser & kontakter")),
        "places",
        ("places", "organisations", "contacts", "themes"),
    ),
    Section("exchange", str(QT_TRANSLATE_NOOP(CONTEXT, "Utbyte")), "exchange"),
    Section("settings", str(QT_TRANSLATE_NOOP(CONTEXT, "Inställningar")), "settings"),
)

SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}


def section_for_kind(kind: str) -> Section | None:
    """Return the section whose lists show ``kind``."""
    return next((section for section in SECTIONS if kind in section.kinds), None)

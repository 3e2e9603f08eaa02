"""Editors for every kind of record: a generic form, and the dialogue editor for live capture."""

from kommunpolis.ui.editors.record_editor import RecordEditor

__all__ = ["RecordEditor"]

"""Reusable widgets the workbench's pages are built from."""

from kommunpolis.ui.widgets.record_list import RecordListView

__all__ = ["RecordListView"]

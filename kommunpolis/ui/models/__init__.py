"""Qt item models: thin adapters over the services' read models."""

from kommunpolis.ui.models.record_list_model import (
    DELETED_ROLE,
    ID_ROLE,
    KIND_ROLE,
    SORT_KEY_ROLE,
    STATUS_ROLE,
    RecordListModel,
)

__all__ = [
    "DELETED_ROLE",
    "ID_ROLE",
    "KIND_ROLE",
    "SORT_KEY_ROLE",
    "STATUS_ROLE",
    "RecordListModel",
]

"""Alembic environment: run on the connection the app hands over, in batch mode."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from sqlalchemy.types import TypeDecorator

from kommunpolis.storage.migrate import is_modelled

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Kommunpolis migrations run only through kommunpolis.storage.migrate")

# Migrations carry their own table snapshots, so no live metadata is needed here;
# the metadata is only given to autogenerate when writing a new revision.


def render_type_decorators(kind: str, obj: Any, _context: Any) -> str | Literal[False]:
    """Write the app's column types as the plain types they store (no app imports)."""
    if kind == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl!r}"
    return False


context.configure(
    connection=connection,
    target_metadata=context.config.attributes.get("target_metadata"),
    render_as_batch=True,
    compare_type=True,
    render_item=render_type_decorators,
    # Autogenerate must not propose dropping the hand-made search tables.
    include_name=is_modelled,
)
with context.begin_transaction():
    context.run_migrations()

"""Alembic environment: run on the connection the app hands over, in batch mode."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Kommunpolis migrations run only through kommunpolis.storage.migrate")

# Migrations carry their own table snapshots, so no live metadata is needed here;
# the metadata is only given to autogenerate when writing a new revision.
context.configure(
    connection=connection,
    target_metadata=context.config.attributes.get("target_metadata"),
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

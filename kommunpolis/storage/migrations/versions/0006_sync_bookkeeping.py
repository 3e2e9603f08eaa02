"""Sync bookkeeping: local write versions, per-field clocks, imports, conflicts, settings.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 16:05:00

Every synced table gains two columns, added in place (``ALTER TABLE ADD COLUMN``, no
rebuild, so 0003's search triggers stay): ``local_version``, the number of the local
write transaction that last stored the row (exports select on it, so records that
arrived by import travel onwards too), backfilled from ``revision``, which the export
marks of 0005 were counted in; and ``field_clocks``, the per-field hybrid clocks of
later edits (NULL: unedited since creation). New local tables: ``local_counter`` (the
last write number, starting above every revision), ``received_bundle``,
``sync_conflict``, ``pending_record`` and ``local_setting``; ``export_mark`` counts the
bundles sent to each recipient.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The synced tables at this revision (never the current models: they move on).
RECORD_TABLES = (
    "action_item",
    "agreement",
    "agreement_party",
    "agreement_problem",
    "attachment",
    "cause",
    "commitment",
    "concern",
    "contact",
    "decision",
    "dialogue",
    "dialogue_organiser",
    "dialogue_place",
    "district",
    "district_municipality",
    "follow_up",
    "follow_up_measure",
    "indicator",
    "indicator_value",
    "measure",
    "meeting",
    "meeting_attendee",
    "organisation",
    "place",
    "problem",
    "problem_concern",
    "problem_source",
    "promise",
    "promise_problem",
    "root_cause_analysis",
    "situation_picture",
    "situation_problem",
    "source",
    "theme",
)


def upgrade() -> None:
    """Add the columns (backfilled), the indexes and the local tables."""
    tops = []
    for table in RECORD_TABLES:
        op.add_column(
            table,
            sa.Column(
                "local_version", sa.BigInteger(), server_default=sa.text("0"), nullable=False
            ),
        )
        op.add_column(table, sa.Column("field_clocks", sa.Text(), nullable=True))
        op.execute(f"UPDATE {table} SET local_version = revision")
        op.create_index(op.f(f"ix_{table}_local_version"), table, ["local_version"])
        tops.append(f"SELECT max(revision) AS top FROM {table}")
    op.create_table(
        "local_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_local_counter")),
    )
    op.execute(
        "INSERT INTO local_counter (id, value) "
        f"SELECT 1, coalesce(max(top), 0) FROM ({' UNION ALL '.join(tops)})"
    )
    op.add_column(
        "export_mark",
        sa.Column("bundles", sa.Integer(), server_default=sa.text("0"), nullable=False),
    )
    op.create_table(
        "received_bundle",
        sa.Column("bundle_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("sender_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("sender_name", sa.String(length=200), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("recipient_sequence", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.String(length=400), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_received_bundle")),
    )
    op.create_index(op.f("ix_received_bundle_sender_device"), "received_bundle", ["sender_device"])
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("record_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("local_value", sa.Text(), nullable=False),
        sa.Column("incoming_value", sa.Text(), nullable=False),
        sa.Column("local_clock", sa.String(length=120), nullable=False),
        sa.Column("incoming_clock", sa.String(length=120), nullable=False),
        sa.Column("winner", sa.String(length=10), nullable=False),
        sa.Column("bundle_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("sender_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
        sa.UniqueConstraint(
            "table_name",
            "record_id",
            "field",
            "local_clock",
            "incoming_clock",
            name=op.f("uq_sync_conflict_table_name_record_id_field_local_clock_incoming_clock"),
        ),
    )
    op.create_index(op.f("ix_sync_conflict_record_id"), "sync_conflict", ["record_id"])
    op.create_table(
        "pending_record",
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("record_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("missing", sa.String(length=200), nullable=False),
        sa.Column("bundle_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "record_id", name=op.f("pk_pending_record")),
    )
    op.create_table(
        "local_setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_local_setting")),
    )


def downgrade() -> None:
    """Drop the tables, the indexes and the columns again."""
    for name in ("local_setting", "pending_record", "sync_conflict", "received_bundle"):
        op.drop_table(name)
    op.drop_table("local_counter")
    with op.batch_alter_table("export_mark") as batch:
        batch.drop_column("bundles")
    for table in RECORD_TABLES:
        op.drop_index(op.f(f"ix_{table}_local_version"), table_name=table)
        op.drop_column(table, "field_clocks")
        op.drop_column(table, "local_version")

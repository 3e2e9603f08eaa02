"""Export bookkeeping: this device's bundle sequence and the last export to each recipient.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 15:20:47

Two local tables, never synced: ``outbox_state`` (one row, the sequence number of the
next bundle written here) and ``export_mark`` (per recipient device id, or
``passphrase``, the highest revision the last export to it held, with that bundle's
id, sequence and time). Incremental exports send what changed above the mark. New
tables only, so no existing table is rebuilt and 0003's triggers stay in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the two tables (empty: nothing has been exported yet)."""
    op.create_table(
        "export_mark",
        sa.Column("recipient", sa.String(length=40), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("bundle_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("recipient", name=op.f("pk_export_mark")),
    )
    op.create_table(
        "outbox_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("next_sequence", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_state")),
    )


def downgrade() -> None:
    """Drop them again."""
    op.drop_table("outbox_state")
    op.drop_table("export_mark")

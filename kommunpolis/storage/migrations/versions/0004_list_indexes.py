"""Partial indexes over live rows for the workbench's lists.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 10:00:00

Measured on the 100 000-dialogue demo database (bench/bench_lists.py): the default
dialogue list (newest first, live only) read every row of the wide dialogue table to
check its tombstone; counting a dialogue's, place's or problem's live concerns looked up
every concern row for the same reason. Indexes restricted to ``deleted_at IS NULL`` and
holding the sort or join columns answer those queries from the index alone
(dialogue ids 97 → 34 ms, sort by concern count 358 → 163 ms, places' counts 505 → 30 ms).
Creating indexes rebuilds no table, so 0003's triggers stay in place. The link table's
index holds both columns, like its unique constraint, but only live rows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# (index name, table, columns): frozen here, not read from the live models.
LIVE_INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ix_dialogue_live_starts_at", "dialogue", ("starts_at", "id")),
    ("ix_concern_live_dialogue_id", "concern", ("dialogue_id",)),
    ("ix_concern_live_theme_id", "concern", ("theme_id", "dialogue_id")),
    ("ix_concern_live_place_id", "concern", ("place_id",)),
    ("ix_problem_concern_live_problem_id", "problem_concern", ("problem_id", "concern_id")),
)


def upgrade() -> None:
    """Create the partial indexes."""
    for name, table, columns in LIVE_INDEXES:
        op.create_index(name, table, list(columns), sqlite_where=sa.text("deleted_at IS NULL"))


def downgrade() -> None:
    """Drop them again."""
    for name, table, _columns in reversed(LIVE_INDEXES):
        op.drop_index(name, table_name=table)

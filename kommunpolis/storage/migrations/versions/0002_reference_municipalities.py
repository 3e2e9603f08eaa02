"""Reference data: the 290 kommuner with county and police region.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 13:30:00
"""

from __future__ import annotations

import csv
import io
from importlib.resources import files

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Load the kommuner shipped in resources/kommuner.csv."""
    # The list as shipped with this revision; later changes come as new revisions.
    municipality = sa.table(
        "municipality",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("county_code", sa.String),
        sa.column("county_name", sa.String),
        sa.column("police_region", sa.String),
    )
    text = (files("kommunpolis.resources") / "kommuner.csv").read_text(encoding="utf-8")
    op.bulk_insert(
        municipality,
        [
            {
                "code": row["kommunkod"],
                "name": row["kommun"],
                "county_code": row["lanskod"],
                "county_name": row["lan"],
                "police_region": row["polisregion"],
            }
            for row in csv.DictReader(io.StringIO(text))
        ],
    )


def downgrade() -> None:
    """Remove the reference data."""
    op.execute("DELETE FROM municipality")

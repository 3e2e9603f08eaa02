"""Initial schema: every record of DOMAIN.md.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 13:45:43.677373
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""

    op.create_table(
        "attachment",
        sa.Column("owner_kind", sa.String(length=40), nullable=False),
        sa.Column("owner_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=200), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_revision"), ["revision"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_sha256"), ["sha256"], unique=False)

    op.create_table(
        "district",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("police_region", sa.String(length=40), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_district")),
    )
    with op.batch_alter_table("district", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_district_revision"), ["revision"], unique=False)

    op.create_table(
        "municipality",
        sa.Column("code", sa.String(length=4), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("county_code", sa.String(length=2), nullable=False),
        sa.Column("county_name", sa.String(length=200), nullable=False),
        sa.Column("police_region", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_municipality")),
    )
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "officer",
                "coordinator",
                name="role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("district_name", sa.String(length=200), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile")),
    )
    op.create_table(
        "theme",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme")),
    )
    with op.batch_alter_table("theme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_theme_revision"), ["revision"], unique=False)

    op.create_table(
        "agreement",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("municipality_code", sa.String(length=4), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.Column("documentation", sa.Text(), nullable=False),
        sa.Column("follow_up_plan", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "signed",
                "in_force",
                "expired",
                name="agreementstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
            name=op.f("fk_agreement_municipality_code_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
    )
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_municipality_code"), ["municipality_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agreement_revision"), ["revision"], unique=False)

    op.create_table(
        "dialogue",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "citizen",
                "employee",
                name="dialoguekind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "format",
            sa.Enum(
                "open_meeting",
                "safety_walk",
                "survey",
                "focus_group",
                "interview",
                "deliberation",
                "stand",
                "school_visit",
                "digital",
                "other",
                name="dialogueformat",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "participation_level",
            sa.Enum(
                "information",
                "consultation",
                "involvement",
                "codetermination",
                name="participationlevel",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("municipality_code", sa.String(length=4), nullable=False),
        sa.Column("target_group", sa.String(length=200), nullable=False),
        sa.Column("participant_count", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "held",
                "compiled",
                "fed_back",
                name="dialoguestatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("fed_back_on", sa.Date(), nullable=True),
        sa.Column("feedback_channel", sa.String(length=200), nullable=False),
        sa.Column("feedback_text", sa.Text(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
            name=op.f("fk_dialogue_municipality_code_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dialogue")),
    )
    with op.batch_alter_table("dialogue", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dialogue_municipality_code"), ["municipality_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_dialogue_revision"), ["revision"], unique=False)
        batch_op.create_index(batch_op.f("ix_dialogue_starts_at"), ["starts_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_dialogue_status"), ["status"], unique=False)

    op.create_table(
        "district_municipality",
        sa.Column("district_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("municipality_code", sa.String(length=4), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["district_id"],
            ["district.id"],
            name=op.f("fk_district_municipality_district_id_district"),
        ),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
            name=op.f("fk_district_municipality_municipality_code_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_district_municipality")),
        sa.UniqueConstraint(
            "district_id",
            "municipality_code",
            name=op.f("uq_district_municipality_district_id_municipality_code"),
        ),
    )
    with op.batch_alter_table("district_municipality", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_district_municipality_municipality_code"),
            ["municipality_code"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_district_municipality_revision"), ["revision"], unique=False
        )

    op.create_table(
        "meeting",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column(
            "meeting_type",
            sa.Enum(
                "collaboration",
                "steering_group",
                "working_group",
                "local_crime_prevention_council",
                "est",
                "other",
                name="meetingtype",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("municipality_code", sa.String(length=4), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.Column(
            "minutes_status",
            sa.Enum(
                "draft",
                "approved",
                name="minutesstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
            name=op.f("fk_meeting_municipality_code_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_municipality_code"), ["municipality_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_meeting_revision"), ["revision"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "organisation",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "municipal_department",
                "housing_company",
                "school",
                "association",
                "business",
                "rescue_service",
                "county_board",
                "police",
                "other",
                name="organisationkind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("municipality_code", sa.String(length=4), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
            name=op.f("fk_organisation_municipality_code_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organisation_municipality_code"), ["municipality_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_organisation_revision"), ["revision"], unique=False)

    op.create_table(
        "place",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "square",
                "school",
                "road",
                "park",
                "station",
                "area",
                "other",
                name="placekind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("municipality_code", sa.String(length=4), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
            name=op.f("fk_place_municipality_code_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place")),
    )
    with op.batch_alter_table("place", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_place_municipality_code"), ["municipality_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_place_revision"), ["revision"], unique=False)

    op.create_table(
        "problem",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("timing", sa.Text(), nullable=False),
        sa.Column("affected", sa.Text(), nullable=False),
        sa.Column("municipality_code", sa.String(length=4), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "identified",
                "prioritised",
                "analysed",
                "addressed",
                "closed",
                name="problemstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
            name=op.f("fk_problem_municipality_code_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_problem")),
    )
    with op.batch_alter_table("problem", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_problem_municipality_code"), ["municipality_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_problem_revision"), ["revision"], unique=False)
        batch_op.create_index(batch_op.f("ix_problem_status"), ["status"], unique=False)

    op.create_table(
        "profile_municipality",
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("municipality_code", sa.String(length=4), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
            name=op.f("fk_profile_municipality_municipality_code_municipality"),
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"], ["profile.id"], name=op.f("fk_profile_municipality_profile_id_profile")
        ),
        sa.PrimaryKeyConstraint(
            "profile_id", "municipality_code", name=op.f("pk_profile_municipality")
        ),
    )
    op.create_table(
        "situation_picture",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column(
            "scope",
            sa.Enum(
                "municipality",
                "district",
                "area",
                name="situationscope",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("municipality_code", sa.String(length=4), nullable=True),
        sa.Column("district_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("area", sa.String(length=200), nullable=False),
        sa.Column(
            "owner",
            sa.Enum(
                "police",
                "municipality",
                "joint",
                name="situationowner",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("trends", sa.Text(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_situation_picture_district_id_district")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
            name=op.f("fk_situation_picture_municipality_code_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_situation_picture")),
    )
    with op.batch_alter_table("situation_picture", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_situation_picture_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_situation_picture_municipality_code"),
            ["municipality_code"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_situation_picture_revision"), ["revision"], unique=False
        )

    op.create_table(
        "action_item",
        sa.Column("meeting_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("responsible", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "done",
                "cancelled",
                name="actionitemstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_action_item_meeting_id_meeting")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_item")),
    )
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_item_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_item_revision"), ["revision"], unique=False)

    op.create_table(
        "agreement_party",
        sa.Column("agreement_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("organisation_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("signatory_name", sa.String(length=200), nullable=False),
        sa.Column("signatory_title", sa.String(length=200), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_party_agreement_id_agreement"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_agreement_party_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_party")),
    )
    with op.batch_alter_table("agreement_party", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_party_agreement_id"), ["agreement_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agreement_party_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agreement_party_revision"), ["revision"], unique=False)

    op.create_table(
        "agreement_problem",
        sa.Column("agreement_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("problem_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_problem_agreement_id_agreement"),
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"], ["problem.id"], name=op.f("fk_agreement_problem_problem_id_problem")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_problem")),
        sa.UniqueConstraint(
            "agreement_id", "problem_id", name=op.f("uq_agreement_problem_agreement_id_problem_id")
        ),
    )
    with op.batch_alter_table("agreement_problem", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_problem_problem_id"), ["problem_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agreement_problem_revision"), ["revision"], unique=False
        )

    op.create_table(
        "concern",
        sa.Column("dialogue_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("theme_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("place_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column(
            "time_pattern",
            sa.Enum(
                "any",
                "daytime",
                "evening",
                "night",
                "weekend",
                "school_hours",
                "seasonal",
                name="timepattern",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("raised_count", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["dialogue_id"], ["dialogue.id"], name=op.f("fk_concern_dialogue_id_dialogue")
        ),
        sa.ForeignKeyConstraint(["place_id"], ["place.id"], name=op.f("fk_concern_place_id_place")),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"], name=op.f("fk_concern_theme_id_theme")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concern")),
    )
    with op.batch_alter_table("concern", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_concern_dialogue_id"), ["dialogue_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_concern_place_id"), ["place_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_concern_revision"), ["revision"], unique=False)
        batch_op.create_index(batch_op.f("ix_concern_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "contact",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("organisation_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_contact_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contact_revision"), ["revision"], unique=False)

    op.create_table(
        "decision",
        sa.Column("meeting_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_decision_meeting_id_meeting")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decision_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_decision_revision"), ["revision"], unique=False)

    op.create_table(
        "dialogue_organiser",
        sa.Column("dialogue_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("organisation_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["dialogue_id"],
            ["dialogue.id"],
            name=op.f("fk_dialogue_organiser_dialogue_id_dialogue"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_dialogue_organiser_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dialogue_organiser")),
        sa.UniqueConstraint(
            "dialogue_id",
            "organisation_id",
            name=op.f("uq_dialogue_organiser_dialogue_id_organisation_id"),
        ),
    )
    with op.batch_alter_table("dialogue_organiser", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dialogue_organiser_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_dialogue_organiser_revision"), ["revision"], unique=False
        )

    op.create_table(
        "dialogue_place",
        sa.Column("dialogue_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("place_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["dialogue_id"], ["dialogue.id"], name=op.f("fk_dialogue_place_dialogue_id_dialogue")
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["place.id"], name=op.f("fk_dialogue_place_place_id_place")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dialogue_place")),
        sa.UniqueConstraint(
            "dialogue_id", "place_id", name=op.f("uq_dialogue_place_dialogue_id_place_id")
        ),
    )
    with op.batch_alter_table("dialogue_place", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dialogue_place_place_id"), ["place_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dialogue_place_revision"), ["revision"], unique=False)

    op.create_table(
        "promise",
        sa.Column("agreement_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("public_text", sa.Text(), nullable=False),
        sa.Column("municipality_code", sa.String(length=4), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "signed",
                "published",
                "followed_up",
                "closed",
                name="promisestatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_promise_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
            name=op.f("fk_promise_municipality_code_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promise")),
    )
    with op.batch_alter_table("promise", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_promise_agreement_id"), ["agreement_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_promise_municipality_code"), ["municipality_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_promise_revision"), ["revision"], unique=False)
        batch_op.create_index(batch_op.f("ix_promise_status"), ["status"], unique=False)

    op.create_table(
        "root_cause_analysis",
        sa.Column("problem_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("scanning", sa.Text(), nullable=False),
        sa.Column("analysis", sa.Text(), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("assessment", sa.Text(), nullable=False),
        sa.Column("offender", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("offender_handler", sa.Text(), nullable=False),
        sa.Column("target_guardian", sa.Text(), nullable=False),
        sa.Column("place_manager", sa.Text(), nullable=False),
        sa.Column("event_chain", sa.Text(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"], ["problem.id"], name=op.f("fk_root_cause_analysis_problem_id_problem")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_root_cause_analysis")),
        sa.UniqueConstraint("problem_id", name=op.f("uq_root_cause_analysis_problem_id")),
    )
    with op.batch_alter_table("root_cause_analysis", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_root_cause_analysis_revision"), ["revision"], unique=False
        )

    op.create_table(
        "situation_problem",
        sa.Column("situation_picture_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("problem_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"], ["problem.id"], name=op.f("fk_situation_problem_problem_id_problem")
        ),
        sa.ForeignKeyConstraint(
            ["situation_picture_id"],
            ["situation_picture.id"],
            name=op.f("fk_situation_problem_situation_picture_id_situation_picture"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_situation_problem")),
        sa.UniqueConstraint(
            "situation_picture_id",
            "problem_id",
            name=op.f("uq_situation_problem_situation_picture_id_problem_id"),
        ),
    )
    with op.batch_alter_table("situation_problem", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_situation_problem_problem_id"), ["problem_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_situation_problem_revision"), ["revision"], unique=False
        )

    op.create_table(
        "source",
        sa.Column("situation_picture_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column(
            "source_type",
            sa.Enum(
                "crime_statistics",
                "safety_survey",
                "dialogues",
                "police_intelligence",
                "municipal_data",
                "partner_report",
                "other",
                name="sourcetype",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("police_only", sa.Boolean(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["situation_picture_id"],
            ["situation_picture.id"],
            name=op.f("fk_source_situation_picture_id_situation_picture"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
    )
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_revision"), ["revision"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_source_situation_picture_id"), ["situation_picture_id"], unique=False
        )

    op.create_table(
        "cause",
        sa.Column("analysis_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["analysis_id"],
            ["root_cause_analysis.id"],
            name=op.f("fk_cause_analysis_id_root_cause_analysis"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cause")),
    )
    with op.batch_alter_table("cause", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cause_analysis_id"), ["analysis_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cause_revision"), ["revision"], unique=False)

    op.create_table(
        "commitment",
        sa.Column("promise_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column(
            "party",
            sa.Enum(
                "police",
                "municipality",
                "partner",
                name="party",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("organisation_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_commitment_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["promise_id"], ["promise.id"], name=op.f("fk_commitment_promise_id_promise")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment")),
    )
    with op.batch_alter_table("commitment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_commitment_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_commitment_promise_id"), ["promise_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_commitment_revision"), ["revision"], unique=False)

    op.create_table(
        "follow_up",
        sa.Column("promise_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "process",
                "outcome",
                name="followupkind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=True),
        sa.Column("reported_to", sa.String(length=200), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["promise_id"], ["promise.id"], name=op.f("fk_follow_up_promise_id_promise")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_up_held_on"), ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_follow_up_promise_id"), ["promise_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_follow_up_revision"), ["revision"], unique=False)

    op.create_table(
        "meeting_attendee",
        sa.Column("meeting_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("contact_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contact.id"], name=op.f("fk_meeting_attendee_contact_id_contact")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_meeting_attendee_meeting_id_meeting")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attendee")),
        sa.UniqueConstraint(
            "meeting_id", "contact_id", name=op.f("uq_meeting_attendee_meeting_id_contact_id")
        ),
    )
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_attendee_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_meeting_attendee_revision"), ["revision"], unique=False
        )

    op.create_table(
        "problem_concern",
        sa.Column("problem_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("concern_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["concern_id"], ["concern.id"], name=op.f("fk_problem_concern_concern_id_concern")
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"], ["problem.id"], name=op.f("fk_problem_concern_problem_id_problem")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_problem_concern")),
        sa.UniqueConstraint(
            "problem_id", "concern_id", name=op.f("uq_problem_concern_problem_id_concern_id")
        ),
    )
    with op.batch_alter_table("problem_concern", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_problem_concern_concern_id"), ["concern_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_problem_concern_revision"), ["revision"], unique=False)

    op.create_table(
        "problem_source",
        sa.Column("problem_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("source_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"], ["problem.id"], name=op.f("fk_problem_source_problem_id_problem")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_problem_source_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_problem_source")),
        sa.UniqueConstraint(
            "problem_id", "source_id", name=op.f("uq_problem_source_problem_id_source_id")
        ),
    )
    with op.batch_alter_table("problem_source", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_problem_source_revision"), ["revision"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_problem_source_source_id"), ["source_id"], unique=False
        )

    op.create_table(
        "promise_problem",
        sa.Column("promise_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("problem_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"], ["problem.id"], name=op.f("fk_promise_problem_problem_id_problem")
        ),
        sa.ForeignKeyConstraint(
            ["promise_id"], ["promise.id"], name=op.f("fk_promise_problem_promise_id_promise")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promise_problem")),
        sa.UniqueConstraint(
            "promise_id", "problem_id", name=op.f("uq_promise_problem_promise_id_problem_id")
        ),
    )
    with op.batch_alter_table("promise_problem", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_promise_problem_problem_id"), ["problem_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_promise_problem_revision"), ["revision"], unique=False)

    op.create_table(
        "measure",
        sa.Column("promise_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("problem_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("cause_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("operational_goal", sa.Text(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("responsible", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "not_started",
                "in_progress",
                "done",
                "cancelled",
                name="measurestatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "mark",
            sa.Enum(
                "green",
                "yellow",
                "red",
                name="followupmark",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["cause_id"], ["cause.id"], name=op.f("fk_measure_cause_id_cause")),
        sa.ForeignKeyConstraint(
            ["problem_id"], ["problem.id"], name=op.f("fk_measure_problem_id_problem")
        ),
        sa.ForeignKeyConstraint(
            ["promise_id"], ["promise.id"], name=op.f("fk_measure_promise_id_promise")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure")),
    )
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_measure_cause_id"), ["cause_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_measure_ends_on"), ["ends_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_measure_problem_id"), ["problem_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_measure_promise_id"), ["promise_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_measure_revision"), ["revision"], unique=False)
        batch_op.create_index(batch_op.f("ix_measure_status"), ["status"], unique=False)

    op.create_table(
        "follow_up_measure",
        sa.Column("follow_up_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("measure_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "not_started",
                "in_progress",
                "done",
                "cancelled",
                name="measurestatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "mark",
            sa.Enum(
                "green",
                "yellow",
                "red",
                name="followupmark",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["follow_up_id"],
            ["follow_up.id"],
            name=op.f("fk_follow_up_measure_follow_up_id_follow_up"),
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"], ["measure.id"], name=op.f("fk_follow_up_measure_measure_id_measure")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_measure")),
        sa.UniqueConstraint(
            "follow_up_id", "measure_id", name=op.f("uq_follow_up_measure_follow_up_id_measure_id")
        ),
    )
    with op.batch_alter_table("follow_up_measure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_follow_up_measure_measure_id"), ["measure_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_follow_up_measure_revision"), ["revision"], unique=False
        )

    op.create_table(
        "indicator",
        sa.Column("promise_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("measure_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "source_kind",
            sa.Enum(
                "survey_item",
                "crime_category",
                "activity_count",
                "other",
                name="indicatorsource",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"], ["measure.id"], name=op.f("fk_indicator_measure_id_measure")
        ),
        sa.ForeignKeyConstraint(
            ["promise_id"], ["promise.id"], name=op.f("fk_indicator_promise_id_promise")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator")),
    )
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicator_measure_id"), ["measure_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_indicator_promise_id"), ["promise_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_indicator_revision"), ["revision"], unique=False)

    op.create_table(
        "indicator_value",
        sa.Column("indicator_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("revision_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "open",
                "internal",
                "secret",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_indicator_value_indicator_id_indicator"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_value")),
    )
    with op.batch_alter_table("indicator_value", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_indicator_value_indicator_id"), ["indicator_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_indicator_value_revision"), ["revision"], unique=False)


def downgrade() -> None:
    """Revert this revision."""

    with op.batch_alter_table("indicator_value", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_value_revision"))
        batch_op.drop_index(batch_op.f("ix_indicator_value_indicator_id"))

    op.drop_table("indicator_value")
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_revision"))
        batch_op.drop_index(batch_op.f("ix_indicator_promise_id"))
        batch_op.drop_index(batch_op.f("ix_indicator_measure_id"))

    op.drop_table("indicator")
    with op.batch_alter_table("follow_up_measure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_measure_revision"))
        batch_op.drop_index(batch_op.f("ix_follow_up_measure_measure_id"))

    op.drop_table("follow_up_measure")
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_status"))
        batch_op.drop_index(batch_op.f("ix_measure_revision"))
        batch_op.drop_index(batch_op.f("ix_measure_promise_id"))
        batch_op.drop_index(batch_op.f("ix_measure_problem_id"))
        batch_op.drop_index(batch_op.f("ix_measure_ends_on"))
        batch_op.drop_index(batch_op.f("ix_measure_cause_id"))

    op.drop_table("measure")
    with op.batch_alter_table("promise_problem", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_promise_problem_revision"))
        batch_op.drop_index(batch_op.f("ix_promise_problem_problem_id"))

    op.drop_table("promise_problem")
    with op.batch_alter_table("problem_source", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_problem_source_source_id"))
        batch_op.drop_index(batch_op.f("ix_problem_source_revision"))

    op.drop_table("problem_source")
    with op.batch_alter_table("problem_concern", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_problem_concern_revision"))
        batch_op.drop_index(batch_op.f("ix_problem_concern_concern_id"))

    op.drop_table("problem_concern")
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_attendee_revision"))
        batch_op.drop_index(batch_op.f("ix_meeting_attendee_contact_id"))

    op.drop_table("meeting_attendee")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_revision"))
        batch_op.drop_index(batch_op.f("ix_follow_up_promise_id"))
        batch_op.drop_index(batch_op.f("ix_follow_up_held_on"))

    op.drop_table("follow_up")
    with op.batch_alter_table("commitment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commitment_revision"))
        batch_op.drop_index(batch_op.f("ix_commitment_promise_id"))
        batch_op.drop_index(batch_op.f("ix_commitment_organisation_id"))

    op.drop_table("commitment")
    with op.batch_alter_table("cause", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cause_revision"))
        batch_op.drop_index(batch_op.f("ix_cause_analysis_id"))

    op.drop_table("cause")
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_situation_picture_id"))
        batch_op.drop_index(batch_op.f("ix_source_revision"))

    op.drop_table("source")
    with op.batch_alter_table("situation_problem", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_situation_problem_revision"))
        batch_op.drop_index(batch_op.f("ix_situation_problem_problem_id"))

    op.drop_table("situation_problem")
    with op.batch_alter_table("root_cause_analysis", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_root_cause_analysis_revision"))

    op.drop_table("root_cause_analysis")
    with op.batch_alter_table("promise", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_promise_status"))
        batch_op.drop_index(batch_op.f("ix_promise_revision"))
        batch_op.drop_index(batch_op.f("ix_promise_municipality_code"))
        batch_op.drop_index(batch_op.f("ix_promise_agreement_id"))

    op.drop_table("promise")
    with op.batch_alter_table("dialogue_place", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dialogue_place_revision"))
        batch_op.drop_index(batch_op.f("ix_dialogue_place_place_id"))

    op.drop_table("dialogue_place")
    with op.batch_alter_table("dialogue_organiser", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dialogue_organiser_revision"))
        batch_op.drop_index(batch_op.f("ix_dialogue_organiser_organisation_id"))

    op.drop_table("dialogue_organiser")
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decision_revision"))
        batch_op.drop_index(batch_op.f("ix_decision_meeting_id"))

    op.drop_table("decision")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_revision"))
        batch_op.drop_index(batch_op.f("ix_contact_organisation_id"))

    op.drop_table("contact")
    with op.batch_alter_table("concern", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_concern_theme_id"))
        batch_op.drop_index(batch_op.f("ix_concern_revision"))
        batch_op.drop_index(batch_op.f("ix_concern_place_id"))
        batch_op.drop_index(batch_op.f("ix_concern_dialogue_id"))

    op.drop_table("concern")
    with op.batch_alter_table("agreement_problem", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_problem_revision"))
        batch_op.drop_index(batch_op.f("ix_agreement_problem_problem_id"))

    op.drop_table("agreement_problem")
    with op.batch_alter_table("agreement_party", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_party_revision"))
        batch_op.drop_index(batch_op.f("ix_agreement_party_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_agreement_party_agreement_id"))

    op.drop_table("agreement_party")
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_item_revision"))
        batch_op.drop_index(batch_op.f("ix_action_item_meeting_id"))

    op.drop_table("action_item")
    with op.batch_alter_table("situation_picture", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_situation_picture_revision"))
        batch_op.drop_index(batch_op.f("ix_situation_picture_municipality_code"))
        batch_op.drop_index(batch_op.f("ix_situation_picture_district_id"))

    op.drop_table("situation_picture")
    op.drop_table("profile_municipality")
    with op.batch_alter_table("problem", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_problem_status"))
        batch_op.drop_index(batch_op.f("ix_problem_revision"))
        batch_op.drop_index(batch_op.f("ix_problem_municipality_code"))

    op.drop_table("problem")
    with op.batch_alter_table("place", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_revision"))
        batch_op.drop_index(batch_op.f("ix_place_municipality_code"))

    op.drop_table("place")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_revision"))
        batch_op.drop_index(batch_op.f("ix_organisation_municipality_code"))

    op.drop_table("organisation")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_starts_at"))
        batch_op.drop_index(batch_op.f("ix_meeting_revision"))
        batch_op.drop_index(batch_op.f("ix_meeting_municipality_code"))

    op.drop_table("meeting")
    with op.batch_alter_table("district_municipality", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_district_municipality_revision"))
        batch_op.drop_index(batch_op.f("ix_district_municipality_municipality_code"))

    op.drop_table("district_municipality")
    with op.batch_alter_table("dialogue", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dialogue_status"))
        batch_op.drop_index(batch_op.f("ix_dialogue_starts_at"))
        batch_op.drop_index(batch_op.f("ix_dialogue_revision"))
        batch_op.drop_index(batch_op.f("ix_dialogue_municipality_code"))

    op.drop_table("dialogue")
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_revision"))
        batch_op.drop_index(batch_op.f("ix_agreement_municipality_code"))

    op.drop_table("agreement")
    with op.batch_alter_table("theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_theme_revision"))

    op.drop_table("theme")
    op.drop_table("profile")
    op.drop_table("municipality")
    with op.batch_alter_table("district", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_district_revision"))

    op.drop_table("district")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_sha256"))
        batch_op.drop_index(batch_op.f("ix_attachment_revision"))
        batch_op.drop_index(batch_op.f("ix_attachment_owner_id"))

    op.drop_table("attachment")

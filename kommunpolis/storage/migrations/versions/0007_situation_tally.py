"""Monthly concern counts for the lägesbild, kept current by triggers; commitments per focus area.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 18:00:00

``situation_tally`` holds, per local calendar month (``month``, ``YYYY-MM``) and kommun,
the weight (sum of ``raised_count``), the number of concerns and the number of distinct
dialogues of the live concerns in live dialogues, broken down by ``dimension``:
``format`` (key1: the dialogue format), ``day`` (key1: the local date, ``YYYY-MM-DD``),
``theme`` (key1: theme id), ``place`` (key1: place id or NULL), ``theme_place`` (key1:
theme, key2: place) and ``pattern`` (key1: time pattern). A dialogue starts on one day
in one kommun, so the counts of different months and kommuner add up, distinct
dialogues included. The lägesbild reads whole months from here and only the days at
the ends of a period from the concerns (services/situation.py).

The triggers never compute counts: they queue the kommun and the UTC month
(``substr(starts_at, 1, 7)``) of every dialogue whose concerns may have changed in
``situation_tally_pending``; ``storage/situation_tally.py`` recounts the local months
those overlap before the next lägesbild. A purge that only clears text fires nothing.
Everything is marked pending here, so the first lägesbild after the upgrade counts once.

``commitment.problem_id`` (nullable) says which focus area of the promise the words
belong to; NULL means the promise as a whole. Added in place (no table rebuild).

Later migrations that rebuild ``dialogue`` or ``concern`` in batch mode drop these
triggers with the table and must create them again (with a frozen copy of the SQL).
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_MARK_DIALOGUE = (
    "INSERT OR IGNORE INTO situation_tally_pending (municipality_code, utc_month) "
    "VALUES ({row}.municipality_code, substr({row}.starts_at, 1, 7));"
)
_MARK_CONCERN = (
    "INSERT OR IGNORE INTO situation_tally_pending (municipality_code, utc_month) "
    "SELECT d.municipality_code, substr(d.starts_at, 1, 7) FROM dialogue AS d "
    "WHERE d.id = {row}.dialogue_id;"
)
_TRIGGERS = (
    (
        "situation_tally_dialogue_insert",
        "AFTER INSERT ON dialogue",
        _MARK_DIALOGUE.format(row="NEW"),
    ),
    (
        "situation_tally_dialogue_update",
        "AFTER UPDATE OF starts_at, municipality_code, format, deleted_at ON dialogue",
        _MARK_DIALOGUE.format(row="OLD") + "\n" + _MARK_DIALOGUE.format(row="NEW"),
    ),
    (
        "situation_tally_dialogue_delete",
        "AFTER DELETE ON dialogue",
        _MARK_DIALOGUE.format(row="OLD"),
    ),
    (
        "situation_tally_concern_insert",
        "AFTER INSERT ON concern",
        _MARK_CONCERN.format(row="NEW"),
    ),
    (
        "situation_tally_concern_update",
        "AFTER UPDATE OF dialogue_id, theme_id, place_id, time_pattern, raised_count, "
        "deleted_at ON concern",
        _MARK_CONCERN.format(row="OLD") + "\n" + _MARK_CONCERN.format(row="NEW"),
    ),
    (
        "situation_tally_concern_delete",
        "AFTER DELETE ON concern",
        _MARK_CONCERN.format(row="OLD"),
    ),
)


def upgrade() -> None:
    """Create the tally, its queue and triggers; queue everything; add the focus area."""
    op.execute(
        "CREATE TABLE situation_tally ("
        " month TEXT NOT NULL,"
        " municipality_code TEXT NOT NULL,"
        " dimension TEXT NOT NULL,"
        " key1,"
        " key2,"
        " weight INTEGER NOT NULL,"
        " concerns INTEGER NOT NULL,"
        " dialogues INTEGER NOT NULL)"
    )
    op.execute("CREATE INDEX situation_tally_month ON situation_tally (month, municipality_code)")
    op.execute(
        "CREATE TABLE situation_tally_pending ("
        " municipality_code TEXT NOT NULL,"
        " utc_month TEXT NOT NULL,"
        " PRIMARY KEY (municipality_code, utc_month)) WITHOUT ROWID"
    )
    for name, when, body in _TRIGGERS:
        op.execute(f"CREATE TRIGGER {name} {when}\nBEGIN\n{body}\nEND")
    op.execute(
        "INSERT OR IGNORE INTO situation_tally_pending (municipality_code, utc_month) "
        "SELECT DISTINCT municipality_code, substr(starts_at, 1, 7) FROM dialogue"
    )
    # Plain SQL: Alembic adds a column with a foreign key on SQLite only by rebuilding
    # the table, which ALTER TABLE … ADD COLUMN … REFERENCES does in place.
    op.execute(
        "ALTER TABLE commitment ADD COLUMN problem_id BLOB "
        "CONSTRAINT fk_commitment_problem_id_problem REFERENCES problem (id)"
    )
    op.create_index(op.f("ix_commitment_problem_id"), "commitment", ["problem_id"])


def downgrade() -> None:
    """Drop the focus area, the triggers and the tally."""
    op.drop_index(op.f("ix_commitment_problem_id"), table_name="commitment")
    with op.batch_alter_table("commitment") as batch:
        batch.drop_column("problem_id")
    for name, _, _ in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS situation_tally_pending")
    op.execute("DROP INDEX IF EXISTS situation_tally_month")
    op.execute("DROP TABLE IF EXISTS situation_tally")

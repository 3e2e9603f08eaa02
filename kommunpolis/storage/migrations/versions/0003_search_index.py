"""Full-text search: an FTS5 index over six record kinds, kept current by triggers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 09:00:00

``search_index`` holds one row per live dialogue, concern, meeting, problem, promise
and measure: ``kind``, ``record_id`` (the 16-byte id) and ``happened_at`` (the record's
own date) unindexed, and the searchable ``title`` and ``body``. Tokens are unicode61
with diacritics kept, so å, ä and ö stay letters of their own (case is folded), and
prefixes of 2–4 letters are indexed.

The FTS rowid is laid out so that "newest first per kind" is a backwards walk that stops
after a page, however common the word (see services/search.py, which reads the layout)::

    bit 63: 0 | bits 60–62: kind code | bits 28–59: happened_at in Unix seconds | 0–27: slot

Records of one kind and second share a "slot" range; a new entry takes the next free
number in it. ``search_entry`` maps each record id to its FTS rowid and allocates them, so
that nothing ever reads ``search_index`` to write it. ``search_index_terms`` (fts5vocab)
lists the indexed words.

Triggers on the six tables (and on theme names, which concerns carry) do not write the
index: they queue the changed record in ``search_pending``. Inserting into the view
``search_sync`` works the queue off — drops the queued records' entries and adds the live
ones again — as one ordered batch per kind; it runs by itself whenever the queue reaches
``SYNC_EVERY`` rows, and the search service runs it before searching. On SQLite 3.40
every statement that has triggers opens a statement savepoint, and FTS5 flushes its
pending terms to a new segment at each savepoint; an index written by the triggers
themselves therefore got one segment per row (5× slower bulk inserts, twice the file).
A tombstoned record (``deleted_at`` set) leaves the index and a restored one returns.

Later migrations that rebuild one of these tables in batch mode drop its triggers with
it and must create them again (with a frozen copy of the SQL below).
"""

from __future__ import annotations

from typing import NamedTuple

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SLOT_BITS = 28
SLOT_MASK = (1 << SLOT_BITS) - 1
MAX_SECONDS = (1 << 32) - 1
KIND_SHIFT = 60


# A NamedTuple, not a dataclass: Alembic loads this file outside sys.modules.
class _Indexed(NamedTuple):
    """How one table's rows become index entries, as SQL over a row alias."""

    code: int
    kind: str
    table: str
    happened_at: str
    title: str
    body: tuple[str, ...]
    # An update of any of these re-indexes the row (status changes etc. do not).
    watched: tuple[str, ...]

    def body_sql(self, row: str) -> str:
        return " || char(10) || ".join(part.format(r=row) for part in self.body)

    def base_sql(self, row: str) -> str:
        """The first rowid of the row's slot."""
        seconds = f"CAST(strftime('%s', {row}.{self.happened_at}) AS INTEGER)"
        clamped = f"min(max(coalesce({seconds}, 0), 0), {MAX_SECONDS})"
        return f"(({self.code} << {KIND_SHIFT}) | ({clamped} << {SLOT_BITS}))"


_INDEXED: tuple[_Indexed, ...] = (
    _Indexed(
        1,
        "dialogues",
        "dialogue",
        "starts_at",
        "title",
        ("{r}.notes", "{r}.target_group", "{r}.feedback_text"),
        ("title", "notes", "target_group", "feedback_text", "starts_at", "deleted_at"),
    ),
    _Indexed(
        2,
        "concerns",
        "concern",
        "created_at",
        "text",
        ("{r}.answer", "coalesce((SELECT name FROM theme WHERE theme.id = {r}.theme_id), '')"),
        ("text", "answer", "theme_id", "created_at", "deleted_at"),
    ),
    _Indexed(
        3,
        "meetings",
        "meeting",
        "starts_at",
        "title",
        ("{r}.agenda", "{r}.minutes"),
        ("title", "agenda", "minutes", "starts_at", "deleted_at"),
    ),
    _Indexed(
        4,
        "problems",
        "problem",
        "created_at",
        "title",
        ("{r}.description", "{r}.location", "{r}.timing", "{r}.affected"),
        ("title", "description", "location", "timing", "affected", "created_at", "deleted_at"),
    ),
    _Indexed(
        5,
        "promises",
        "promise",
        "created_at",
        "title",
        ("{r}.public_text",),
        ("title", "public_text", "created_at", "deleted_at"),
    ),
    _Indexed(
        6,
        "measures",
        "measure",
        "created_at",
        "title",
        ("{r}.operational_goal", "{r}.responsible"),
        ("title", "operational_goal", "responsible", "created_at", "deleted_at"),
    ),
)

CREATE_INDEX = """
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED,
    record_id UNINDEXED,
    happened_at UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3 4'
)
"""

# Merging 8 level segments at a time instead of 4: fewer rewrites of the same entries.
CONFIGURE_INDEX = "INSERT INTO search_index (search_index, rank) VALUES ('automerge', 8)"

# The index's terms, for expanding a typed prefix longer than the indexed ones into words.
CREATE_TERMS = "CREATE VIRTUAL TABLE search_index_terms USING fts5vocab(search_index, row)"

# Which FTS rowid holds which record's entry. Rowids are allocated here, from the
# UNIQUE index over the slot's range, so nothing ever reads search_index to write it.
CREATE_ENTRIES = """
CREATE TABLE search_entry (
    record_id BLOB NOT NULL PRIMARY KEY,
    fts_rowid INTEGER NOT NULL UNIQUE
) WITHOUT ROWID
"""

# Records whose entry is out of date (added, changed, tombstoned, restored or deleted).
CREATE_PENDING = """
CREATE TABLE search_pending (
    seq INTEGER NOT NULL PRIMARY KEY,
    kind INTEGER NOT NULL,
    record_id BLOB NOT NULL
)
"""

# Inserting a row into this view brings the index up to date (search_index_sync below).
CREATE_SYNC = "CREATE VIEW search_sync (now) AS SELECT NULL WHERE 0"

# The pending queue is worked off by itself once it holds this many rows, so a bulk
# insert writes the index in batches.
SYNC_EVERY = 2000


def _allocate(spec: _Indexed) -> str:
    """Give every pending live record of the kind the next free rowids of its slot."""
    return f"""
    INSERT INTO search_entry (record_id, fts_rowid)
    SELECT id, base + row_number() OVER (PARTITION BY base ORDER BY id) - 1 + coalesce(
            (SELECT used.fts_rowid FROM search_entry AS used
             WHERE used.fts_rowid BETWEEN base AND base + {SLOT_MASK}
             ORDER BY used.fts_rowid DESC LIMIT 1) - base + 1,
            0)
    FROM (
        SELECT r.id AS id, {spec.base_sql("r")} AS base
        FROM {spec.table} AS r
        WHERE r.id IN (SELECT record_id FROM search_pending WHERE kind = {spec.code})
          AND r.deleted_at IS NULL
    );"""


def _write(spec: _Indexed) -> str:
    """Write the newly allocated entries of the kind, in rowid order."""
    return f"""
    INSERT INTO search_index (rowid, kind, record_id, happened_at, title, body)
    SELECT e.fts_rowid, '{spec.kind}', r.id, r.{spec.happened_at}, r.{spec.title},
           {spec.body_sql("r")}
    FROM search_entry AS e JOIN {spec.table} AS r ON r.id = e.record_id
    WHERE e.record_id IN (SELECT record_id FROM search_pending WHERE kind = {spec.code})
    ORDER BY e.fts_rowid;"""


def _sync_trigger() -> str:
    """Drop the pending records' entries, add the live ones again and empty the queue.

    FTS5 writes each kind's entries in ascending rowid order, so they collect in its
    in-memory pending terms and reach the disk as one segment (not one per row).
    """
    pending = "SELECT record_id FROM search_pending"
    return (
        "CREATE TRIGGER search_index_sync INSTEAD OF INSERT ON search_sync\nBEGIN"
        f"""
    DELETE FROM search_index WHERE rowid IN
        (SELECT fts_rowid FROM search_entry WHERE record_id IN ({pending}));
    DELETE FROM search_entry WHERE record_id IN ({pending});"""
        + "".join(_allocate(spec) for spec in _INDEXED)
        + "".join(_write(spec) for spec in _INDEXED)
        + "\n    DELETE FROM search_pending;\nEND"
    )


SYNC_WHEN_FULL = (
    "search_pending_full",
    f"""CREATE TRIGGER search_pending_full AFTER INSERT ON search_pending
    WHEN NEW.seq >= {SYNC_EVERY}
    BEGIN
    INSERT INTO search_sync (now) VALUES (NULL);
END""",
)


def _triggers(spec: _Indexed) -> list[tuple[str, str]]:
    """Queue a record of the table whenever its entry may have to change."""
    name = f"search_index_{spec.table}"
    watched = ", ".join(spec.watched)
    queue = f"INSERT INTO search_pending (kind, record_id) VALUES ({spec.code}, {{row}}.id);"
    return [
        (
            f"{name}_insert",
            f"CREATE TRIGGER {name}_insert AFTER INSERT ON {spec.table} "
            f"WHEN NEW.deleted_at IS NULL\nBEGIN\n    {queue.format(row='NEW')}\nEND",
        ),
        (
            f"{name}_update",
            f"CREATE TRIGGER {name}_update AFTER UPDATE OF {watched} ON {spec.table}\n"
            f"BEGIN\n    {queue.format(row='NEW')}\nEND",
        ),
        (
            f"{name}_delete",
            f"CREATE TRIGGER {name}_delete AFTER DELETE ON {spec.table} "
            f"WHEN OLD.deleted_at IS NULL\nBEGIN\n    {queue.format(row='OLD')}\nEND",
        ),
    ]


# Concerns carry their theme's name: renaming a theme queues its live concerns.
THEME_TRIGGER = (
    "search_index_theme_rename",
    """CREATE TRIGGER search_index_theme_rename AFTER UPDATE OF name ON theme
    WHEN NEW.name IS NOT OLD.name
    BEGIN
    INSERT INTO search_pending (kind, record_id)
    SELECT 2, id FROM concern WHERE theme_id = NEW.id AND deleted_at IS NULL;
END""",
)


def _fill(spec: _Indexed) -> str:
    """Queue the existing live rows of the table."""
    return (
        f"INSERT INTO search_pending (kind, record_id) "
        f"SELECT {spec.code}, id FROM {spec.table} WHERE deleted_at IS NULL"
    )


def upgrade() -> None:
    """Create the index and its tables, index the live records and add the triggers."""
    op.execute(CREATE_INDEX)
    op.execute(CONFIGURE_INDEX)
    op.execute(CREATE_TERMS)
    op.execute(CREATE_ENTRIES)
    op.execute(CREATE_PENDING)
    op.execute(CREATE_SYNC)
    op.execute(_sync_trigger())
    for spec in _INDEXED:
        op.execute(_fill(spec))
    op.execute("INSERT INTO search_sync (now) VALUES (NULL)")
    op.execute(SYNC_WHEN_FULL[1])
    for spec in _INDEXED:
        for _, sql in _triggers(spec):
            op.execute(sql)
    op.execute(THEME_TRIGGER[1])


def downgrade() -> None:
    """Drop the triggers, the index and its tables."""
    op.execute(f"DROP TRIGGER IF EXISTS {THEME_TRIGGER[0]}")
    for spec in _INDEXED:
        for name, _ in _triggers(spec):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"DROP TRIGGER IF EXISTS {SYNC_WHEN_FULL[0]}")
    op.execute("DROP TRIGGER IF EXISTS search_index_sync")
    op.execute("DROP VIEW IF EXISTS search_sync")
    op.execute("DROP TABLE IF EXISTS search_pending")
    op.execute("DROP TABLE IF EXISTS search_entry")
    op.execute("DROP TABLE IF EXISTS search_index_terms")
    op.execute("DROP TABLE IF EXISTS search_index")

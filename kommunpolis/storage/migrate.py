"""Run the bundled Alembic migrations (only when the schema is behind)."""

from __future__ import annotations

from importlib.resources import files

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

# Tables written by hand-made migrations, not modelled in storage/tables.py: the FTS5
# search index with its shadow tables and its bookkeeping (migration 0003), and the
# lägesbild's monthly counts with their queue (migration 0007).
UNMODELLED_TABLE_PREFIXES = (
    "search_index",
    "search_entry",
    "search_pending",
    "situation_tally",
)


def is_modelled(name: str | None, type_: str, _parent_names: object) -> bool:
    """Tell Alembic's comparison which database objects the models describe."""
    return not (
        type_ == "table" and name is not None and name.startswith(UNMODELLED_TABLE_PREFIXES)
    )


def alembic_config() -> Config:
    """Return an Alembic configuration pointing at the migrations inside the package."""
    config = Config()
    config.set_main_option("script_location", str(files("kommunpolis.storage") / "migrations"))
    return config


def script_revisions() -> list[str]:
    """Return every revision of the migration scripts, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def upgrade_to_head(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision`` in one transaction, foreign keys off."""
    config = alembic_config()
    with engine.connect() as connection:
        # Batch mode rebuilds tables (copy, drop, rename); with foreign keys on, the drop
        # would cascade or fail. The pragma only works outside a transaction.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        # Python's sqlite3 begins a transaction only before INSERT, UPDATE or DELETE: a
        # CREATE TABLE first would run, and stay, on its own, so a migration stopped
        # half-way left its new tables behind an old revision. Here the driver's own
        # handling is off and the transaction begins explicitly, DDL included.
        driver = connection.connection.driver_connection
        assert driver is not None
        implicit = driver.isolation_level
        driver.isolation_level = None
        try:
            with connection.begin():
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"migration left dangling references: {problems[:5]}")
        finally:
            driver.isolation_level = implicit
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()

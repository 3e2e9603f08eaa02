"""Write a new Alembic revision by comparing the tables with a database at head.

Usage: python tools/new_migration.py REV_ID "message"

The new file lands in kommunpolis/storage/migrations/versions/; read and edit it
(batch mode, data moves), then add REV_ID to storage/schema_version.py.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from kommunpolis.storage.database import create_sqlite_engine
from kommunpolis.storage.migrate import alembic_config, upgrade_to_head
from kommunpolis.storage.tables import Base


def main(rev_id: str, message: str) -> None:
    """Autogenerate revision ``rev_id`` against a scratch database at the current head."""
    with tempfile.TemporaryDirectory() as scratch:
        engine = create_sqlite_engine(Path(scratch) / "head.sqlite")
        versions = Path("kommunpolis/storage/migrations/versions")
        if any(versions.glob("[0-9]*.py")):
            upgrade_to_head(engine)
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            config.attributes["target_metadata"] = Base.metadata
            command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
        engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

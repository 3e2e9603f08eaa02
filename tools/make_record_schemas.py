"""Write resources/schemas/bundle-1.records.schema.json from the bundle reader's specs.

Usage: python tools/make_record_schemas.py

Run it after a migration changes a synced table; tests/integration/test_record_schemas.py
fails until the shipped schema matches.
"""

from __future__ import annotations

import json
from pathlib import Path

from kommunpolis.sync.bundle import record_schemas

TARGET = Path(__file__).parents[1] / "resources" / "schemas" / "bundle-1.records.schema.json"


def main() -> None:
    """Regenerate the schema file."""
    TARGET.write_text(json.dumps(record_schemas(), ensure_ascii=False, indent=2) + "\n")
    print(TARGET)


if __name__ == "__main__":
    main()

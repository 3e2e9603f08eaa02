"""A demo database per size, built once into bench/out/cache and reused by every bench."""

from __future__ import annotations

import shutil
from pathlib import Path

from kommunpolis.composition import build_services
from kommunpolis.paths import AppPaths
from kommunpolis.services.demo import DemoService
from kommunpolis.storage.database import read_schema_state
from kommunpolis.storage.schema_version import HEAD_REVISION

CACHE = Path(__file__).parent / "out" / "cache"


def demo_paths(dialogues: int, *, seed: int = 1) -> AppPaths:
    """Return the data dir of a current demo database with ``dialogues`` dialogues."""
    paths = AppPaths(data_dir=CACHE / f"demo-{dialogues}-seed{seed}")
    if paths.database.exists() and read_schema_state(paths.database).revision == HEAD_REVISION:
        return paths
    shutil.rmtree(paths.data_dir, ignore_errors=True)
    services = build_services(paths)
    try:
        services.profiles.create(
            name="Bench Berg", role="officer", municipality_codes=("0180", "0184")
        )
        DemoService(database=services.database, clock=services.clock).generate(
            dialogues=dialogues, seed=seed
        )
    finally:
        services.close()
    return paths

"""A demo database per size, built once into bench/out/cache and reused by every bench."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from kommunpolis.composition import build_services
from kommunpolis.paths import AppPaths
from kommunpolis.services import demo, demo_content
from kommunpolis.services.demo import DemoService
from kommunpolis.storage.database import read_schema_state
from kommunpolis.storage.schema_version import HEAD_REVISION

CACHE = Path(__file__).parent / "out" / "cache"


def _demo_version() -> str:
    """A short hash of the demo generator's code: new demo content makes a new cache."""
    digest = hashlib.sha256()
    for module in (demo, demo_content):
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()[:8]


def demo_paths(dialogues: int, *, seed: int = 1) -> AppPaths:
    """Return the data dir of a current demo database with ``dialogues`` dialogues."""
    name = f"demo-{dialogues}-seed{seed}-{_demo_version()}"
    paths = AppPaths(data_dir=CACHE / name)
    if paths.database.exists() and read_schema_state(paths.database).revision == HEAD_REVISION:
        return paths
    # Older generations of the same size go: each is about a gigabyte at 100 000.
    for old in CACHE.glob(f"demo-{dialogues}-seed{seed}*"):
        shutil.rmtree(old, ignore_errors=True)
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

"""Every directory and file the app uses, from platformdirs unless overridden."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Kommunpolis"
DATA_DIR_ENV = "KOMMUNPOLIS_DATA_DIR"


@dataclass(frozen=True)
class AppPaths:
    """Where one installation keeps its files."""

    data_dir: Path

    @property
    def database(self) -> Path:
        """The SQLite database file."""
        return self.data_dir / "kommunpolis.sqlite"

    @property
    def backups(self) -> Path:
        """Daily and pre-migration database copies."""
        return self.data_dir / "backups"

    @property
    def attachments(self) -> Path:
        """The content-addressed attachment store."""
        return self.data_dir / "attachments"

    @property
    def keys(self) -> Path:
        """This installation's signing and encryption keys, and its trust list."""
        return self.data_dir / "keys"

    @property
    def logs(self) -> Path:
        """Log files."""
        return self.data_dir / "logs"


def resolve_paths(
    data_dir: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] = os.environ,
) -> AppPaths:
    """Return the paths for ``data_dir``, else $KOMMUNPOLIS_DATA_DIR, else the user data dir."""
    chosen = data_dir or environ.get(DATA_DIR_ENV) or user_data_dir(APP_NAME, appauthor=False)
    return AppPaths(data_dir=Path(chosen).expanduser().absolute())

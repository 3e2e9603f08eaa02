"""The ``kommunpolis`` console script: the desktop app at once, or the command line.

Starting the app is what people do most, so this module imports nothing on that path
but what the window needs; the command line (argparse, the error types, the services)
is imported only for a command.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def gui_request(argv: Sequence[str]) -> tuple[bool, str | None]:
    """Return whether ``argv`` only asks for the desktop app, and its --data-dir if given."""
    rest, data_dir = list(argv), None
    for index, word in enumerate(rest):
        if word.startswith("--data-dir="):
            data_dir = word.split("=", 1)[1]
            del rest[index]
            break
        if word == "--data-dir" and index + 1 < len(rest):
            data_dir = rest[index + 1]
            del rest[index : index + 2]
            break
    return rest in ([], ["gui"]), data_dir


def main(argv: Sequence[str] | None = None) -> int:
    """Start the app, or run the command in ``argv``; return the exit code."""
    words = sys.argv[1:] if argv is None else list(argv)
    gui_only, data_dir = gui_request(words)
    if gui_only:
        from kommunpolis.app import run_gui
        from kommunpolis.paths import resolve_paths

        return run_gui(resolve_paths(data_dir))
    from kommunpolis.cli import main as command_line

    return command_line(words)

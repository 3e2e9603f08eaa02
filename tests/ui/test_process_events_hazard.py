"""Regression: PySide6 6.12.0 on CPython 3.11 crashes after many processEvents() calls.

The crash is "Fatal Python error: none_dealloc": each call dropped a reference to
None that it never took, until None's refcount hit zero. pyproject.toml excludes
6.12.0 on Python < 3.12; this test fails (by crashing) if it ever comes back.
"""

import sys

from PySide6.QtWidgets import QApplication

CALLS = 300_000


def test_many_process_events_calls_keep_none_alive(qapp: QApplication) -> None:
    """Call processEvents() many times; the interpreter survives and None keeps its refs."""
    before = sys.getrefcount(None)

    for _ in range(CALLS):
        qapp.processEvents()

    after = sys.getrefcount(None)
    if sys.version_info < (3, 12):
        # On 3.12+ None is immortal and its refcount means nothing.
        assert after >= before - 1000, f"None lost {before - after} references"

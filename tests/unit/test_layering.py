"""Only kommunpolis/ui/ and kommunpolis/app.py may use Qt; the core runs without it."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "kommunpolis"
QT_ALLOWED = {PACKAGE / "app.py", PACKAGE / "ui"}
QT_ROOTS = ("PySide6", "shiboken6")

IMPORT_EVERYTHING_BUT_UI = """
import importlib, pkgutil, sys
names = ["kommunpolis.cli", "kommunpolis.composition", "kommunpolis.paths"]
for package in ("services", "storage", "sync", "domain"):
    module = importlib.import_module(f"kommunpolis.{package}")
    names.append(module.__name__)
    names += [
        info.name
        for info in pkgutil.walk_packages(module.__path__, prefix=f"{module.__name__}.")
        # Alembic's env.py runs migrations when imported; it is not importable on its own.
        if not info.name.endswith(".migrations.env")
    ]
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(len(names))
print(",".join(qt))
"""


def _imports_qt(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        if any(name.split(".")[0] in QT_ROOTS for name in names):
            lines.append(node.lineno)
    return lines


def _allowed(path: Path) -> bool:
    return any(path == allowed or allowed in path.parents for allowed in QT_ALLOWED)


def test_no_core_module_pulls_in_qt_in_a_fresh_interpreter() -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING_BUT_UI],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    imported, qt_modules = result.stdout.splitlines()
    # The migrations and their versions are walked too, so the list is long.
    assert int(imported) > 25
    assert qt_modules == ""


def test_no_file_outside_ui_and_app_imports_qt() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if not _allowed(path)
        for line in _imports_qt(path)
    ]
    assert offenders == []


def test_the_static_check_sees_qt_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QObject\nimport shiboken6\n")
    assert _imports_qt(sample) == [2, 3]


def test_the_command_line_loads_no_database_code_before_the_window() -> None:
    # `kommunpolis` with no command opens the window; SQLAlchemy must wait for its paint.
    code = (
        "import sys, kommunpolis.cli; "
        "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_console_script_loads_only_the_app_on_its_way_to_the_window() -> None:
    code = (
        "import sys, kommunpolis.launcher; "
        "print(sorted(m for m in ('argparse', 'json', 'kommunpolis.cli', 'sqlalchemy') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["gui"], (True, None)),
        (["--data-dir", "/x"], (True, "/x")),
        (["gui", "--data-dir=/y"], (True, "/y")),
        (["--data-dir", "/x", "stats"], (False, "/x")),
        (["stats"], (False, None)),
        (["--help"], (False, None)),
    ],
)
def test_only_a_bare_gui_request_takes_the_fast_path(
    argv: list[str], expected: tuple[bool, str | None]
) -> None:
    from kommunpolis.launcher import gui_request

    assert gui_request(argv) == expected

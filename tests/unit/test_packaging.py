"""The packaging metadata keeps known-bad dependency releases out."""

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

PYPROJECT = Path(__file__).parents[2] / "pyproject.toml"
PYSIDE_NAMES = {"pyside6", "pyside6-essentials", "pyside6-addons"}


def pyside_specifiers_for(python_version: str) -> list[SpecifierSet]:
    """Return the PySide6 version specifiers that apply on the given Python version."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    environment = {"python_version": python_version, "python_full_version": f"{python_version}.0"}
    specifiers = []
    for line in project["dependencies"]:
        requirement = Requirement(line)
        if canonicalize_name(requirement.name) not in PYSIDE_NAMES:
            continue
        if requirement.marker is None or requirement.marker.evaluate(environment):
            specifiers.append(requirement.specifier)
    return specifiers


@pytest.mark.parametrize("python_version", ["3.11", "3.12", "3.13"])
def test_some_pyside_requirement_applies(python_version: str) -> None:
    """Every supported Python gets a PySide6 requirement."""
    assert pyside_specifiers_for(python_version)


def test_pyside_6_12_0_is_excluded_before_python_3_12() -> None:
    """PySide6 6.12.0 crashes CPython 3.11 ("none_dealloc"); it must never be installed there."""
    specifiers = pyside_specifiers_for("3.11")
    assert not all(spec.contains("6.12.0") for spec in specifiers)
    assert all(spec.contains("6.11.3") for spec in specifiers)


def test_pyside_6_12_0_is_allowed_from_python_3_12() -> None:
    """The exclusion is limited to Python < 3.12, where the bug lives."""
    assert all(spec.contains("6.12.0") for spec in pyside_specifiers_for("3.12"))

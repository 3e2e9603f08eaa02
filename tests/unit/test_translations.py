"""The English catalogue is current with the code and complete."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "kommunpolis_en.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def _messages(ts_file: Path) -> dict[tuple[str, str, str], ET.Element]:
    tree = ET.parse(ts_file)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            found[key] = message
    return found


def test_catalogue_lists_exactly_the_strings_in_the_code(tmp_path: Path) -> None:
    if not LUPDATE.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    fresh = tmp_path / "fresh.ts"
    shutil.copy(CATALOGUE, fresh)
    sources = sorted(
        str(path)
        for path in [*(ROOT / "kommunpolis" / "ui").rglob("*.py"), ROOT / "kommunpolis" / "app.py"]
    )
    subprocess.run(
        [str(LUPDATE), "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    stale = set(_messages(fresh)) ^ set(_messages(CATALOGUE))
    assert not stale, f"run 'make translations': {sorted(stale)[:10]}"


def test_every_string_has_an_english_translation() -> None:
    untranslated = [
        key
        for key, message in _messages(CATALOGUE).items()
        if not (
            message.findtext("translation") or message.find("translation/numerusform") is not None
        )
        or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert not untranslated, f"translate these in {CATALOGUE.name}: {untranslated[:10]}"

"""Where speechdoc's own data lives: templates/, fonts/ and profiles/.

In an installed wheel the top-level templates/ and fonts/ folders are package data inside
``speechdoc/``; in a source checkout (editable install) they are at the repository's top level.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder ``name`` ("templates", "fonts", "profiles") of this installation."""
    inside = PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    beside = PACKAGE_DIR.parent.parent / name
    if beside.is_dir():
        return beside
    raise FileNotFoundError(f"speechdoc data folder {name!r} not found next to {PACKAGE_DIR}")

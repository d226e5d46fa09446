"""speechdoc's per-user cache folder: ``$XDG_CACHE_HOME/speechdoc`` (default ``~/.cache/speechdoc``).

It holds only what speechdoc can make again (parsed C declarations, compiled templates); deleting it is always safe.
``SPEECHDOC_NO_CACHE=1`` turns every cache off.
"""
from __future__ import annotations

import os
from pathlib import Path


def enabled() -> bool:
    return not os.environ.get("SPEECHDOC_NO_CACHE")


def cache_dir() -> Path | None:
    """The cache folder (not created), or None when there is no home folder to put it in."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = Path.home() / ".cache"
        except RuntimeError:
            return None
    return Path(base) / "speechdoc"


def folder(name: str) -> Path | None:
    """``cache_dir()/name``, created; None when caching is off or the folder cannot be made."""
    root = cache_dir() if enabled() else None
    if root is None:
        return None
    path = root / name
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path

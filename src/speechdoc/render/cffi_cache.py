"""A per-user cache of the C declarations cffi parses for WeasyPrint.

WeasyPrint declares its C libraries (Pango, HarfBuzz, fontconfig) to cffi as C source text, and cffi parses that
text with pycparser, in pure Python, in every process: ~0.12 s of CPU per cold conversion, for the same text every
time. The parsed syntax trees are kept in ``~/.cache/speechdoc`` (``$XDG_CACHE_HOME``), one file per cffi,
pycparser and Python version, and reused; a tree from the cache is the one pycparser made for the same text.
Nothing is cached when the folder cannot be written, and a damaged file is ignored (and then rewritten).
``SPEECHDOC_NO_CACHE=1`` turns the cache off.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from .. import user_cache

MAX_ENTRIES = 64  # WeasyPrint also parses small type strings whose array sizes change with each document
FORMAT = 1


def cache_file() -> Path | None:
    import cffi
    import pycparser

    root = user_cache.cache_dir()
    if root is None:
        return None
    python = f"{sys.version_info.major}{sys.version_info.minor}"
    return root / f"cffi-{cffi.__version__}-pycparser-{pycparser.__version__}-py{python}-v{FORMAT}.pickle"


class CachedCParser:
    """Stands in for the ``pycparser.CParser`` cffi keeps: ``parse`` answers from the cache when it can."""

    def __init__(self, path: Path):
        self.path = path
        self.entries: dict[str, bytes] = _load(path)
        self.changed = False
        self._parser = None

    def parse(self, text: str, filename: str = "", debug: bool = False):
        key = hashlib.sha256(f"{filename}\0{text}".encode("utf-8")).hexdigest()
        data = self.entries.pop(key, None)
        if data is not None:
            self.entries[key] = data  # most recently used last
            try:
                return pickle.loads(data)
            except Exception:  # noqa: BLE001 - a damaged entry is parsed again
                pass
        tree = self._pycparser().parse(text, filename, debug)
        self.entries[key] = pickle.dumps(tree, protocol=pickle.HIGHEST_PROTOCOL)
        self.changed = True
        return tree

    def _pycparser(self):
        if self._parser is None:
            import pycparser

            self._parser = pycparser.CParser()
        return self._parser

    def save(self) -> None:
        """Write the cache (the most recently used entries) if it changed; failures are ignored."""
        if not self.changed:
            return
        keep = dict(list(self.entries.items())[-MAX_ENTRIES:])
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".cffi-", dir=self.path.parent)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(keep, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
            self.changed = False
        except OSError:
            pass


def _load(path: Path) -> dict[str, bytes]:
    try:
        with path.open("rb") as fh:
            entries = pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing or damaged: start empty
        return {}
    if not isinstance(entries, dict) or not all(isinstance(v, bytes) for v in entries.values()):
        return {}
    return entries


_INSTALLED: CachedCParser | None = None


def install() -> CachedCParser | None:
    """Put the cached parser where cffi looks for its parser (once per process); None when turned off."""
    global _INSTALLED
    if _INSTALLED is not None or not user_cache.enabled():
        return _INSTALLED
    try:
        import cffi.cparser
    except ImportError:
        return None
    if getattr(cffi.cparser, "_parser_cache", "absent") is not None:
        return None  # cffi has already made its own parser (or keeps it elsewhere): leave it alone
    path = cache_file()
    if path is None:
        return None
    _INSTALLED = CachedCParser(path)
    cffi.cparser._parser_cache = _INSTALLED
    return _INSTALLED


def save() -> None:
    if _INSTALLED is not None:
        _INSTALLED.save()

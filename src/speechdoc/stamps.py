"""Up-to-date stamps for batch outputs: one hidden sidecar file per output folder.

``OUTDIR/sub/.speechdoc-stamps.json`` records, for each output file in that folder, the input it was
made from (size and modification time) and a fingerprint of the options and speechdoc version that
made it. An output is up to date when it exists, is not older than its input, and its stamp matches
the input and the fingerprint of this run. Only the batch's main process reads and writes stamps.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .outputs import write_atomic

STAMP_FILE = ".speechdoc-stamps.json"
SCHEMA = "speechdoc.stamps/1"


def fingerprint(settings: Any) -> str:
    """A short hash of anything JSON-serialisable (the options and the version that make an output)."""
    text = json.dumps(settings, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Stamp:
    source: str
    source_size: int
    source_mtime_ns: int
    fingerprint: str

    @classmethod
    def of(cls, source: Path, print_: str) -> Stamp:
        st = source.stat()
        return cls(str(source), st.st_size, st.st_mtime_ns, print_)


class StampBook:
    """The stamps of every output folder a batch touches, loaded lazily and saved when changed."""

    def __init__(self) -> None:
        self._folders: dict[Path, dict[str, dict[str, Any]]] = {}
        self._dirty: set[Path] = set()

    def _folder(self, folder: Path) -> dict[str, dict[str, Any]]:
        if folder not in self._folders:
            self._folders[folder] = _load(folder / STAMP_FILE)
        return self._folders[folder]

    def is_current(self, output: Path, stamp: Stamp) -> bool:
        """``output`` exists, is not older than its input, and was made from it with these options."""
        try:
            out_mtime = output.stat().st_mtime_ns
        except OSError:
            return False
        recorded = self._folder(output.parent).get(output.name)
        if recorded is None or out_mtime < stamp.source_mtime_ns:
            return False
        return recorded == _as_dict(stamp)

    def source_of(self, output: Path) -> str | None:
        """The name of the input ``output`` was made from, if speechdoc made it."""
        recorded = self._folder(output.parent).get(output.name)
        return recorded.get("source") if isinstance(recorded, dict) else None

    def record(self, output: Path, stamp: Stamp) -> None:
        self._folder(output.parent)[output.name] = _as_dict(stamp)
        self._dirty.add(output.parent)

    def forget(self, output: Path) -> None:
        if self._folder(output.parent).pop(output.name, None) is not None:
            self._dirty.add(output.parent)

    def save(self) -> None:
        """Write the changed folders' stamp files (atomically); a folder that cannot take one is skipped."""
        for folder in sorted(self._dirty):
            data = {"schema": SCHEMA, "outputs": dict(sorted(self._folders[folder].items()))}
            try:
                write_atomic(folder / STAMP_FILE, json.dumps(data, indent=1).encode("utf-8"))
            except Exception:  # noqa: BLE001 - a missing stamp only means the next run redoes the work
                continue
        self._dirty.clear()


def _as_dict(stamp: Stamp) -> dict[str, Any]:
    return {"source": os.path.basename(stamp.source), "source_size": stamp.source_size,
            "source_mtime_ns": stamp.source_mtime_ns, "fingerprint": stamp.fingerprint}


def _load(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("outputs"), dict):
        return {}
    return data["outputs"]

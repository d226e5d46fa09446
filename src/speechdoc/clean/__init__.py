"""Cleaning: the text between reading and parsing. Every change is recorded; nothing disappears silently.

    cleaned = clean(lines, keep_boilerplate=False, normalize=True)
    cleaned.lines     # [(source line number, text), …]; a joined paragraph keeps its first line's number
    cleaned.dropped   # model.Dropped: boilerplate lines removed, with the reason
    cleaned.edits     # model.Edit: every change (line, column in the ORIGINAL line, before, after, rule)
    cleaned.warnings  # errors.Diagnostic

Steps, in order, each a small module returning what it changed:
control characters and text-direction marks (``control``) → one-line texts split at U+3000 runs (``runs``) → zero-width characters
and outer whitespace (``spacing``) → glued head lines split (``glued``) → web boilerplate (``boilerplate``,
skipped with ``keep_boilerplate``) → hard-wrapped lines joined, blank runs collapsed (``wrap``) →
punctuation and inner spaces (``punctuation``, ``spacing``; skipped with ``normalize=False``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Diagnostic
from ..model import Dropped, Edit
from .boilerplate import drop_boilerplate
from .control import remove_control_characters, remove_direction_controls
from .glued import split_glued_head
from .punctuation import normalize_punctuation
from .runs import split_space_runs
from .spacing import normalize_inner_spaces, remove_zero_width, strip_outer
from .tracked import Tracked
from .wrap import join_wrapped

__all__ = ["Cleaned", "clean"]


@dataclass(frozen=True)
class Cleaned:
    lines: tuple[tuple[int, str], ...]
    dropped: tuple[Dropped, ...] = ()
    edits: tuple[Edit, ...] = ()
    warnings: tuple[Diagnostic, ...] = field(default=())


def clean(lines: list[str], *, keep_boilerplate: bool = False, normalize: bool = True) -> Cleaned:
    edits: list[Edit] = []
    warnings: list[Diagnostic] = []
    tracked: list[Tracked] = []
    for number, raw in enumerate(lines, 1):
        line, new_edits, new_warnings = remove_control_characters(Tracked.from_source(number, raw))
        edits += new_edits
        warnings += new_warnings
        line, new_edits, new_warnings = remove_direction_controls(line)
        edits += new_edits
        warnings += new_warnings
        pieces, new_edits = split_space_runs(line)
        edits += new_edits
        for piece in pieces:
            piece, new_edits = remove_zero_width(piece)
            edits += new_edits
            tracked.append(strip_outer(piece))
    tracked, new_edits = split_glued_head(tracked)
    edits += new_edits
    dropped: list[Dropped] = []
    if not keep_boilerplate:
        tracked, dropped = drop_boilerplate(tracked)
    tracked, new_edits = join_wrapped(tracked)
    edits += new_edits
    if normalize:
        tracked, new_edits = _normalize(tracked)
        edits += new_edits
    edits.sort(key=lambda e: (e.line, e.column))
    return Cleaned(tuple((t.number, t.text) for t in tracked), tuple(dropped), tuple(edits), tuple(warnings))


def _normalize(lines: list[Tracked]) -> tuple[list[Tracked], list[Edit]]:
    out, edits = [], []
    for line in lines:
        line, punct = normalize_punctuation(line)
        line, spaces = normalize_inner_spaces(line)
        out.append(line)
        edits += punct + spaces
    return out, edits

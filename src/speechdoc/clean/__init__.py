"""Cleaning: the text between reading and parsing. Every change is recorded; nothing disappears silently.

    cleaned = clean(lines, keep_boilerplate=False, normalize=True)
    cleaned.lines     # [(source line number, text), …]; a joined paragraph keeps its first line's number
    cleaned.dropped   # model.Dropped: boilerplate lines removed, with the reason
    cleaned.edits     # model.Edit: every change (line, column in the ORIGINAL line, before, after, rule)
    cleaned.warnings  # errors.Diagnostic

Steps, in order, each a small module returning what it changed:
control characters and text-direction marks (``control``) → one-line texts split at space runs (``runs``) → zero-width characters
and outer whitespace (``spacing``) → glued head lines split (``glued``) → web boilerplate (``boilerplate``,
skipped with ``keep_boilerplate``; bare page numbers: ``pages``) → hard-wrapped lines joined, also across a dropped
page number, blank runs collapsed (``wrap``) →
punctuation and inner spaces (``punctuation``, ``spacing``; skipped with ``normalize=False``).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import Diagnostic
from ..model import Dropped, Edit
from .boilerplate import PAGE_NUMBER, drop_boilerplate
from .control import remove_control_characters, remove_direction_controls
from .glued import split_glued_head
from .punctuation import normalize_punctuation
from .runs import MOST_OF_TEXT, split_space_runs
from .spacing import normalize_inner_spaces, remove_leading_bullet, remove_zero_width, strip_outer
from .tracked import Tracked
from .wrap import join_wrapped

__all__ = ["Cleaned", "clean"]


@dataclass(frozen=True)
class Cleaned:
    lines: tuple[tuple[int, str], ...]
    dropped: tuple[Dropped, ...] = ()
    edits: tuple[Edit, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()


class _Edits(list):
    """Collects the edits of each step: ``result = edits.take(step(...))`` for steps returning (result, edits)."""

    def take(self, result_and_edits):
        result, edits = result_and_edits
        self.extend(edits)
        return result


def clean(lines: list[str], *, keep_boilerplate: bool = False, normalize: bool = True) -> Cleaned:
    edits, warnings = _Edits(), []
    total = sum(len(raw) for raw in lines)
    tracked = [piece for number, raw in enumerate(lines, 1)
               for piece in _source_line(number, raw, edits, warnings, holds_the_text=len(raw) >= MOST_OF_TEXT * total)]
    tracked = edits.take(split_glued_head(tracked))
    dropped: list[Dropped] = []
    if not keep_boilerplate:
        tracked, dropped = drop_boilerplate(tracked)
    page_breaks = frozenset(d.line for d in dropped if d.reason == PAGE_NUMBER)
    tracked = edits.take(join_wrapped(tracked, page_breaks))
    if normalize:
        tracked = [edits.take(_normalize(line)) for line in tracked]
    edits.sort(key=lambda e: (e.line, e.column))
    return Cleaned(tuple((t.number, t.text) for t in tracked), tuple(dropped), tuple(edits), tuple(warnings))


def _source_line(number: int, raw: str, edits: _Edits, warnings: list[Diagnostic], *,
                 holds_the_text: bool) -> list[Tracked]:
    """One source line without control, direction and zero-width characters, split at space runs, without padding."""
    line, removed, found = remove_control_characters(Tracked.from_source(number, raw))
    edits.extend(removed)
    warnings.extend(found)
    line, removed, found = remove_direction_controls(line)
    edits.extend(removed)
    warnings.extend(found)
    pieces = edits.take(split_space_runs(line, holds_the_text=holds_the_text))
    return [strip_outer(edits.take(remove_zero_width(piece))) for piece in pieces]


def _normalize(line: Tracked) -> tuple[Tracked, list[Edit]]:
    edits = _Edits()
    line = edits.take(remove_leading_bullet(line))
    line = edits.take(normalize_punctuation(line))
    line = edits.take(normalize_inner_spaces(line))
    return line, edits

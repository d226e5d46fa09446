"""One-line texts (a scraper's output) whose paragraph breaks survive only as runs of U+3000: split them.

A line is split when it is long and has several runs of two or more ideographic spaces inside it; every
piece keeps the source line number, and each break is recorded as an edit (the run → a line break).
"""
from __future__ import annotations

import re

from ..model import Edit
from .tracked import Span, Tracked

_RUN = re.compile("[\u3000]{2,}")
MIN_LENGTH = 150
MIN_RUNS = 3


_PAD = "\u3000 \u00a0\t"


def split_space_runs(line: Tracked) -> tuple[list[Tracked], list[Edit]]:
    text = line.text
    first, last = len(text) - len(text.lstrip(_PAD)), len(text.rstrip(_PAD))  # the text between the padding
    inner = [m for m in _RUN.finditer(text) if first < m.start() and m.end() < last]
    if last - first < MIN_LENGTH or len(inner) < MIN_RUNS:
        return [line], []
    pieces, pos = [], 0
    for m in inner:
        pieces.append(line.slice(pos, m.start()))
        pos = m.end()
    pieces.append(line.slice(pos))
    return pieces, line.replace([Span(m.start(), m.end(), "\n", "split-at-space-run") for m in inner])[1]

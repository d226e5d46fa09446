"""The checked text: source lines cut into segments, each with its place in the file.

A segment is a stretch of a line that reads as one paragraph: leading indentation is not part of it,
and a run of two or more wide spaces (U+3000) or NBSPs inside a line starts a new segment, because scraped
pages often keep paragraph breaks only as such runs (a whole notice on one line).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_GAP = re.compile(r"[\u3000\u00a0][\u3000\u00a0 ]+|[ ]{4,}")


@dataclass(frozen=True)
class Segment:
    line: int  # 1-based source line
    col: int  # 1-based column of text[0] in the source line
    text: str
    first: bool  # the segment starts its source line

    def col_of(self, offset: int) -> int:
        return self.col + offset


@dataclass
class Text:
    lines: list[str]
    segments: list[Segment] = field(default_factory=list)

    @classmethod
    def from_lines(cls, lines: list[str]) -> "Text":
        return cls(lines=list(lines), segments=list(_segments(lines)))

    def blank_before(self, index: int) -> bool:
        """True when a blank line separates segment ``index`` from the one before it."""
        if index == 0:
            return True
        prev, seg = self.segments[index - 1], self.segments[index]
        return seg.line - prev.line > 1


def _segments(lines: list[str]):
    for number, line in enumerate(lines, start=1):
        start = 0
        first = True
        for gap in _GAP.finditer(line):
            if gap.start() > start:
                yield from _piece(number, line, start, gap.start(), first)
                first = False
            start = gap.end()
        if start < len(line):
            yield from _piece(number, line, start, len(line), first)


def _piece(number: int, line: str, start: int, end: int, first: bool):
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    yield Segment(line=number, col=start + lead + 1, text=stripped, first=first)

"""A line of text that remembers, for every character, where it came from in the source.

Each cleaning step rewrites a ``Tracked`` line through ``replace``, which returns the new line and the
``Edit`` records (source line, 1-based source column, before, after, rule) for exactly what changed.
So columns always point into the ORIGINAL line, however many steps ran before.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..model import Edit

Origin = tuple[int, int]  # (1-based source line, 1-based source column)


@dataclass(frozen=True)
class Span:
    """Replace ``text[start:end]`` by ``new``; ``rule`` names the reason."""

    start: int
    end: int
    new: str
    rule: str


@dataclass(frozen=True)
class Tracked:
    text: str
    origins: tuple[Origin, ...]
    number: int  # the source line this piece starts on

    @classmethod
    def from_source(cls, number: int, text: str) -> Tracked:
        return cls(text, tuple((number, i + 1) for i in range(len(text))), number)

    def origin(self, index: int) -> Origin:
        """Where the character at ``index`` came from; past the end, the column after the last character."""
        if index < len(self.origins):
            return self.origins[index]
        if self.origins:
            line, col = self.origins[-1]
            return line, col + 1
        return self.number, 1

    def slice(self, start: int, end: int | None = None) -> Tracked:
        end = len(self.text) if end is None else end
        origins = self.origins[start:end]
        number = origins[0][0] if origins else self.origin(start)[0]
        return Tracked(self.text[start:end], origins, number)

    def strip(self, chars: str) -> Tracked:
        """Without outer ``chars`` (indentation and padding; not recorded as edits)."""
        left = len(self.text) - len(self.text.lstrip(chars))
        right = len(self.text.rstrip(chars))
        return self.slice(left, max(left, right))

    def replace(self, spans: Iterable[Span]) -> tuple[Tracked, list[Edit]]:
        """Apply non-overlapping ``spans`` (any order); return the new line and its edits."""
        text, origins, edits, pos = [], [], [], 0
        for span in sorted(spans, key=lambda s: (s.start, s.end)):
            if span.start < pos:
                continue  # overlapping: the earlier span wins
            text.append(self.text[pos:span.start])
            origins.extend(self.origins[pos:span.start])
            where = self.origin(span.start)
            text.append(span.new)
            origins.extend([where] * len(span.new))
            before = self.text[span.start:span.end]
            if before != span.new:
                edits.append(Edit(where[0], where[1], before, span.new, span.rule))
            pos = span.end
        text.append(self.text[pos:])
        origins.extend(self.origins[pos:])
        return Tracked("".join(text), tuple(origins), self.number), edits

    def __add__(self, other: Tracked) -> Tracked:
        return Tracked(self.text + other.text, self.origins + other.origins, self.number)

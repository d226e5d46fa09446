"""The parser's view of a line: its source number, its text, and whether a blank line came before it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    after_blank: bool = False


def content_lines(lines) -> list[Line]:
    """Non-blank lines as ``Line``; accepts ``(number, text)`` pairs."""
    out: list[Line] = []
    blank = False
    for number, text in lines:
        text = (text or "").strip()
        if not text:
            blank = True
            continue
        out.append(Line(int(number), text, blank))
        blank = False
    return out

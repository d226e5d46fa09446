"""Outline numbers for headings a rich source marks without one (a Markdown ``##``, a Word Heading 2).

One rule for every rich reader, so a Markdown draft and a Word file give the same model:

* a heading whose text carries a marker (一、 （一） 1. （1）) keeps it; the marker decides its level
  (the reader sets that) and sets the count at its level;
* a heading numbered in a sequence of its own (第一章, 第二部分, a speech lead 第一，/一是, an article
  第一条, a circled ①) keeps it and is not counted;
* any other heading gets the next number of its level written in (一、 （一） 1. （1）), and the
  insertion is reported as an ``Edit`` (rule ``heading-number``), like the cleaner's changes;
* a deeper level restarts under each new heading; an attachment page (``附件``/``附件2`` alone
  on a line) starts a count of its own. A line styled as a heading that says only ``附件`` is
  left to the parser's attachment rules (its hint is dropped), never numbered.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..model import Edit
from ..numerals import outline_marker
from ..parse.matchers import match_article, match_outline, match_speech_lead
from .numerals import has_own_number, marker_level, marker_number
from .source import SourceLine

RULE = "heading-number"
LEVELS = 4
ATTACHMENT_LABEL = re.compile(r"^附件\s*\d*\s*$")
_INDENT = " \u3000\u00a0\t"


def number_headings(lines: Iterable[SourceLine], *, column: Callable[[SourceLine], int] = lambda line: 1,
                    ) -> tuple[list[SourceLine], list[Edit]]:
    """``lines`` with a number written into every heading-hinted line that has none, and the edits.

    ``column`` gives the 1-based column in the source line where a heading's text starts (where the
    number goes in), for the edit; a Word paragraph has no columns, so the default is 1."""
    counters = [0] * (LEVELS + 1)
    out: list[SourceLine] = []
    edits: list[Edit] = []
    for line in lines:
        if ATTACHMENT_LABEL.match(line.text.strip()):
            counters = [0] * (LEVELS + 1)
            if line.hint is not None and line.hint.kind == "heading":
                line = SourceLine(line.text, line.origin, None, line.soft)
        elif _numbers(line):
            line = _numbered(line, counters, column, edits)
        out.append(line)
    return out, edits


def _numbers(line: SourceLine) -> bool:
    """A heading the outline counts: hinted as one, with a level, not numbered in a sequence of its own."""
    hint = line.hint
    return hint is not None and hint.kind == "heading" and bool(hint.level) and not _numbered_otherwise(line.text)


def _numbered_otherwise(text: str) -> bool:
    """Numbered in a sequence of its own, as the parser reads it: 第一章 / 第二节, a speech lead (第一， 一是
    首先，), an article (第一条), a circled ①."""
    text = text.lstrip(_INDENT)
    outline = match_outline(text)
    return (has_own_number(text) or match_speech_lead(text) is not None or match_article(text) is not None
            or (outline is not None and marker_level(text) is None))


def _numbered(line: SourceLine, counters: list[int], column: Callable[[SourceLine], int],
              edits: list[Edit]) -> SourceLine:
    written = marker_level(line.text)
    level = written or min(max(line.hint.level, 1), LEVELS)
    counters[level] = (marker_number(line.text) if written else None) or counters[level] + 1
    counters[level + 1:] = [0] * (LEVELS - level)
    if written:
        return line
    marker = outline_marker(level, counters[level])
    indent = len(line.text) - len(line.text.lstrip(_INDENT))
    edits.append(Edit(line.origin, column(line) + indent, "", marker, RULE))
    text = line.text[:indent] + marker + line.text[indent:]
    return SourceLine(text, line.origin, line.hint, line.soft)

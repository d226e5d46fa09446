"""Whitespace: zero-width characters, indentation and padding, spaces inside a line.

- Zero-width spaces (U+200B/C/D, U+2060, U+FEFF) are removed everywhere (recorded).
- Indentation and right padding (ASCII spaces, tabs, NBSP, U+3000) are stripped (not recorded: they are
  layout, and the renderer indents by the standard).
- With normalisation on: a space run between two Chinese characters is removed, a space run inside a date
  (``2019 年 5 月``) is removed, and any other run of odd spaces (NBSP, U+3000, tabs, several spaces) becomes
  one ASCII space (all recorded).
"""
from __future__ import annotations

import re

from ..model import Edit
from .chars import OUTER_SPACE, SPACE_RUN, ZERO_WIDTH, is_chinese
from .tracked import Span, Tracked

_DATE_UNIT = re.compile("[年月日号]")


def remove_zero_width(line: Tracked) -> tuple[Tracked, list[Edit]]:
    return line.replace(Span(m.start(), m.end(), "", "zero-width") for m in ZERO_WIDTH.finditer(line.text))


def strip_outer(line: Tracked) -> Tracked:
    return line.strip(OUTER_SPACE)


def normalize_inner_spaces(line: Tracked) -> tuple[Tracked, list[Edit]]:
    text, spans = line.text, []
    for m in SPACE_RUN.finditer(text):
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if is_chinese(before) and is_chinese(after):
            spans.append(Span(m.start(), m.end(), "", "space-between-hanzi"))
        elif _in_date(before, after):
            spans.append(Span(m.start(), m.end(), "", "space-in-date"))
        elif m.group() != " ":
            spans.append(Span(m.start(), m.end(), " ", "whitespace"))
    return line.replace(spans)


def _in_date(before: str, after: str) -> bool:
    return (before.isdigit() and bool(_DATE_UNIT.match(after))) or (before in "年月" and after.isdigit())

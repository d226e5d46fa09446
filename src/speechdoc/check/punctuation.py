"""Punctuation marks misused: a doubled mark (``。。`` ``，，``) and an ellipsis written with dots (``...``
``。。。``) or as a single ``…``."""
from __future__ import annotations

import re

from .chars import inside, is_hanzi, url_spans
from .finding import ERROR, WARNING, Edit, Finding
from .text import Segment, Text

_DOUBLED = re.compile(r"([，、；：])\1+|(?<!。)(。)。(?!。)")
_ELLIPSIS = re.compile(r"\.{3,}|。{3,}|．{3,}|[·・]{3,}|(?<!…)…(?!…)|⋯+")


def check_punctuation(text: Text):
    for seg in text.segments:
        yield from _doubled(seg)
        yield from _ellipses(seg, url_spans(seg.text))


def _doubled(seg: Segment):
    for m in _DOUBLED.finditer(seg.text):
        mark = m.group(1) or m.group(2)
        col = seg.col_of(m.start() + 1)
        yield Finding(seg.line, col, ERROR, "punct-doubled", f"'{m.group(0)}': the mark is doubled",
                      f"write one '{mark}'", Edit(seg.line, col, m.group(0)[1:], ""))


def _ellipses(seg: Segment, urls):
    s = seg.text
    for m in _ELLIPSIS.finditer(s):
        if inside(urls, m.start()) or not _chinese_context(s, m.start(), m.end()):
            continue
        col = seg.col_of(m.start())
        lone = m.group(0) == "…"
        message = "a single '…' is half an ellipsis" if lone else f"'{m.group(0)}' used as an ellipsis"
        yield Finding(seg.line, col, WARNING if lone else ERROR, "punct-ellipsis", message,
                      "the Chinese ellipsis is two marks: ……", Edit(seg.line, col, m.group(0), "……"))


def _chinese_context(s: str, start: int, end: int) -> bool:
    around = s[max(0, start - 2):start] + s[end:end + 2]
    return any(is_hanzi(c) or c in "“”‘’（）《》" for c in around)

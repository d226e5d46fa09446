"""Quotes, brackets and book-title marks come in pairs. A pair may span a hard-wrapped line; an item number
with only a closing bracket (``1）`` ``a）``) is not half a pair."""
from __future__ import annotations

import re

from .chars import CLOSERS, OPENERS, inside, url_spans
from .finding import ERROR, Finding
from .markers import read_marker
from .text import Segment, Text

_FAMILIES = [("“", "”"), ("‘", "’"), ("（(", "）)"), ("《", "》"), ("【", "】"), ("〔", "〕"), ("〈", "〉"),
             ("「", "」"), ("『", "』")]
_TERMINAL = "。！？；：…"
_LETTER_MARKER = re.compile(r"^[A-Za-z][)）]")
# An item number with only a closing bracket, inside a sentence: a）… b）…, 1）… 2）…
_ENUMERATOR = re.compile(r"(?:^|(?<=[^A-Za-z0-9]))(?:[A-Za-z]|\d{1,2}|[一二三四五六七八九十]{1,2})[)）]$")


def check_pairs(text: Text):
    for unit in _paragraphs(text):
        yield from _unpaired(unit)


def _paragraphs(text: Text):
    """Segments grouped into paragraphs: a blank line, a new segment inside a line, or a line that ends a
    sentence closes a paragraph — unless an open quote or bracket is closed early on the next line."""
    unit: list[Segment] = []
    for i, seg in enumerate(text.segments):
        if unit and _starts_paragraph(text, i, unit):
            yield unit
            unit = []
        unit.append(seg)
    if unit:
        yield unit


def _starts_paragraph(text: Text, i: int, unit: list[Segment]) -> bool:
    seg = text.segments[i]
    if text.blank_before(i) or not seg.first or read_marker(seg.text):
        return True
    last = unit[-1].text.rstrip(CLOSERS)
    if not last or last[-1] not in _TERMINAL:
        return False
    return not _closes_open_pair(unit, seg.text)


def _closes_open_pair(unit: list[Segment], nxt: str) -> bool:
    open_families = {fam for fam, _ in _open_items(unit)}
    for ch in nxt:
        for fam, (opens, closes) in enumerate(_FAMILIES):
            if ch in opens:
                return False
            if ch in closes and fam in open_families:
                return True
    return False


def _open_items(unit: list[Segment]):
    """(family, (segment, offset)) of each opening mark left open at the end of ``unit``."""
    stacks: dict[int, list] = {}
    for fam, where in _marks(unit):
        if where[2] == "open":
            stacks.setdefault(fam, []).append(where)
        elif stacks.get(fam):
            stacks[fam].pop()
    for fam, stack in stacks.items():
        for where in stack:
            yield fam, where


def _unpaired(unit: list[Segment]):
    stacks: dict[int, list] = {}
    for fam, (seg, i, kind) in _marks(unit):
        if kind == "open":
            stacks.setdefault(fam, []).append((seg, i))
        elif stacks.get(fam):
            stacks[fam].pop()
        elif not _ENUMERATOR.search(seg.text[:i + 1]):
            yield _unpaired_finding(seg, i, "closing")
    for stack in stacks.values():
        for seg, i in stack:
            yield _unpaired_finding(seg, i, "opening")


def _unpaired_finding(seg: Segment, i: int, kind: str) -> Finding:
    ch = seg.text[i]
    return Finding(seg.line, seg.col_of(i), ERROR, "punct-unpaired", f"{kind} '{ch}' has no partner",
                   "add the missing mark or remove this one")


def _marks(unit: list[Segment]):
    """(family, (segment, offset, "open"|"close")) for each quote or bracket, in order."""
    for seg in unit:
        s = seg.text
        urls = url_spans(s)
        marker = read_marker(s)
        skip = len(marker.text) if marker else (2 if _LETTER_MARKER.match(s) else 0)
        for i, ch in enumerate(s):
            if i < skip or (ch not in OPENERS and ch not in CLOSERS) or inside(urls, i):
                continue
            if ch == "’" and 0 < i < len(s) - 1 and s[i - 1].isascii() and s[i + 1].isascii():
                continue  # an apostrophe: it’s
            for fam, (opens, closes) in enumerate(_FAMILIES):
                if ch in opens:
                    yield fam, (seg, i, "open")
                elif ch in closes:
                    yield fam, (seg, i, "close")

"""Outline numbering (GB/T 9704-2012 7.3.3): gaps, duplicates, wrong restarts, skipped levels, marker forms.

A child sequence under a new parent may start again at 1 or go on from where it stopped (both are common);
a restart under the same parent is wrong. An attachment page (``附件`` / ``附件2``) or a note block (``注：``)
starts a new outline. ``一、`` then ``1.`` is allowed (the standard's two-level outline).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .attachments import attachment_blocks
from .finding import ERROR, WARNING, Edit, Finding
from ..numerals import from_chinese, outline_marker, to_chinese
from .markers import LEVEL_NAMES, Marker, read_marker
from .text import Segment, Text

BOUNDARY = re.compile(r"^附\s*件\s*[\d一二三四五六七八九十]*$|^附\s*件\s*[\d一二三四五六七八九十]+\s*[：:]|^(注|说明|备注)\s*\d*\s*[：:]")
# A speech's run-in lead (第一，… 一是… 首先，…) heads the numbered items under it.
_RUN_IN_LEAD = re.compile(r"^(第[一二三四五六七八九十]+[，、,]|[一二三四五六七八九十]+是|(首先|其次|再次|最后)[，,])")
_NUMBERED_LEAD = re.compile(r"^(?:第([一二三四五六七八九十]+)[，、,]|([一二三四五六七八九十]+)是)")
LEAD_PARENT_OF = (3, 4)


@dataclass
class _Outline:
    """The numbering state of one outline (a document body, an attachment, a note block)."""

    last: dict[int, int] = field(default_factory=dict)  # level → last number under the current parent
    carried: dict[int, int] = field(default_factory=dict)  # level → last number before the parent changed
    current: int | None = None  # level of the marker seen last
    leads: dict[str, int] = field(default_factory=dict)  # 第 / 是 → last run-in lead number since the last marker


def check_numbering(text: Text):
    parts = list(_outlines(text))
    for part in parts:
        state = _Outline()
        for seg, marker in part:
            if marker is None:
                _new_parent(state, LEAD_PARENT_OF)
                yield from _lead(state, seg)
            else:
                state.leads.clear()
                yield from _sequence(state, seg, marker)
    yield from _forms([pair for part in parts for pair in part if pair[1] is not None])


def _lead(state: _Outline, seg: Segment):
    """Run-in leads (第一，第二，… or 一是…二是…) between two headings: a gap or a repeat is wrong; a new list
    starting again at 第一 is not."""
    m = _NUMBERED_LEAD.match(seg.text)
    if not m:
        return
    kind = "是" if m.group(2) else "第"
    number = from_chinese(m.group(1) or m.group(2))
    prev = state.leads.get(kind)
    state.leads[kind] = number
    if prev is None or number in (1, prev + 1):
        return
    word = (lambda n: f"第{to_chinese(n)}") if kind == "第" else (lambda n: f"{to_chinese(n)}是")
    code = "num-gap" if number > prev + 1 else "num-duplicate"
    yield Finding(seg.line, seg.col, ERROR, code, f"run-in lead '{word(number)}' follows '{word(prev)}'",
                  f"expected '{word(prev + 1)}'")


def _new_parent(state: _Outline, levels) -> None:
    for level in levels:
        if level in state.last:
            state.carried[level] = state.last.pop(level)


def _outlines(text: Text):
    """Lists of (segment, marker), one per outline; a run-in lead comes as (segment, None); attachment lists
    are not outlines."""
    in_lists = set()
    for block in attachment_blocks(text):
        in_lists |= block.indexes
    part: list[tuple[Segment, Marker]] = []
    for i, seg in enumerate(text.segments):
        if i in in_lists:
            continue
        if BOUNDARY.match(seg.text):
            if part:
                yield part
            part = []
            continue
        marker = read_marker(seg.text)
        if marker is not None:
            part.append((seg, marker))
        elif _RUN_IN_LEAD.match(seg.text):
            part.append((seg, None))
    if part:
        yield part


def _sequence(state: _Outline, seg: Segment, marker: Marker):
    level, number = marker.level, marker.number
    skipped = list(_skipped(state, seg, marker))
    yield from skipped
    _new_parent(state, [lvl for lvl in list(state.last) if lvl > level])
    prev = state.last.get(level)
    if prev is None and not skipped:
        yield from _first_at_level(state, seg, marker)
    elif prev is not None and number != prev + 1:
        yield _out_of_sequence(seg, marker, prev)
    state.last[level] = number
    state.current = level


def _skipped(state: _Outline, seg: Segment, marker: Marker):
    cur, level = state.current, marker.level
    if cur is None or level <= cur + 1:
        return
    if cur == 1 and level == 3:
        return  # 一、 then 1.: the two-level outline the standard allows (and a common house style beside （一）)
    missing = LEVEL_NAMES[cur + 1]
    yield Finding(seg.line, seg.col, WARNING, "num-skip",
                  f"'{marker.text}' comes straight under a '{LEVEL_NAMES[cur]}' heading: the '{missing}' level is skipped",
                  "the levels go 一、 → （一） → 1. → （1）")


def _first_at_level(state: _Outline, seg: Segment, marker: Marker):
    carried = state.carried.get(marker.level)
    if marker.number == 1 or (carried is not None and marker.number == carried + 1):
        return
    expected = outline_marker(marker.level, 1)
    yield Finding(seg.line, seg.col, ERROR, "num-gap",
                  f"numbering starts at '{marker.text}'; expected '{expected}'",
                  "number each level from 1 (or go on from the previous section)")


def _out_of_sequence(seg: Segment, marker: Marker, prev: int) -> Finding:
    expected = outline_marker(marker.level, prev + 1)
    before = outline_marker(marker.level, prev)
    if marker.number == 1 and prev != 1:
        return Finding(seg.line, seg.col, WARNING, "num-restart",
                       f"numbering restarts at '{marker.text}' after '{before}' under the same heading",
                       f"expected '{expected}'")
    if marker.number <= prev:
        return Finding(seg.line, seg.col, ERROR, "num-duplicate",
                       f"'{marker.text}' comes again after '{before}'", f"expected '{expected}'")
    return Finding(seg.line, seg.col, ERROR, "num-gap",
                   f"numbering jumps from '{before}' to '{marker.text}'", f"expected '{expected}'")


def _forms(pairs):
    """Each marker not in the standard form; half-width brackets are errors, other forms warnings."""
    standard_levels = {m.level for _, m in pairs if m.is_standard}
    for seg, marker in pairs:
        if marker.is_standard:
            continue
        edit = Edit(seg.line, seg.col, marker.text, marker.standard)
        if marker.halfwidth_brackets:
            yield Finding(seg.line, seg.col, ERROR, "num-halfwidth",
                          f"outline number '{marker.text}' uses half-width brackets",
                          f"write '{marker.standard}' with full-width brackets", edit)
        elif marker.level in standard_levels and not _extra_mark(marker):
            yield Finding(seg.line, seg.col, WARNING, "num-mixed",
                          f"'{marker.text}' beside '{outline_marker(marker.level, 1)}'-style numbers at the same level",
                          f"use one form: '{marker.standard}'", edit)
        else:
            yield Finding(seg.line, seg.col, WARNING, "num-marker",
                          f"'{marker.text}' is not a standard outline number", _form_hint(marker), edit)


def _extra_mark(marker: Marker) -> bool:
    return marker.text.endswith("、") and marker.level in (2, 4)


def _form_hint(marker: Marker) -> str:
    if _extra_mark(marker):
        return f"no 、 after a bracketed number: write '{marker.standard}'"
    return f"GB/T 9704 writes this level '{LEVEL_NAMES[marker.level]}': write '{marker.standard}'"

"""附件说明 (GB/T 9704-2012 7.3.4): ``附件：`` + names; several attachments numbered ``1.`` ``2.``;
no punctuation after a name; a full-width colon."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..parse.attachments import name_continues
from .finding import ERROR, WARNING, Edit, Finding
from .markers import Marker, read_marker
from .text import Segment, Text

_HEAD = re.compile(r"附\s*件\s*([：:])\s*")
_NAME_END_PUNCT = "。.，,；;、：:"
_INLINE_NEXT = re.compile(r"[；;，,、。\s]\s*\d{1,2}[.．、](?!\d)")


@dataclass(frozen=True)
class Item:
    segment: Segment
    offset: int  # where the item (its marker, or its name) starts in the segment text
    marker: Marker | None

    @property
    def name(self) -> str:
        start = self.offset + (len(self.marker.text) if self.marker else 0)
        return self.segment.text[start:]


@dataclass(frozen=True)
class Block:
    head: Segment
    colon_offset: int
    items: tuple[Item, ...]
    indexes: frozenset[int]  # the segments the block takes


def attachment_blocks(text: Text) -> list[Block]:
    blocks = []
    i = 0
    segs = text.segments
    while i < len(segs):
        m = _HEAD.match(segs[i].text)
        if not m:
            i += 1
            continue
        items, taken = [], [i]
        rest = segs[i].text[m.end():]
        if rest:
            items.append(Item(segs[i], m.end(), read_marker(rest)))
        j = i + 1
        numbered = not items or items[0].marker is not None
        name = items[-1].name if items else ""
        while j < len(segs):
            if name_continues(name):
                name += segs[j].text  # a wrapped name goes on in this line (``…要点和`` / ``责任分工）``)
            elif numbered and _list_item(segs[j]):
                items.append(Item(segs[j], 0, read_marker(segs[j].text)))
                name = items[-1].name
            else:
                break
            taken.append(j)
            j += 1
        blocks.append(Block(segs[i], m.start(1), tuple(items), frozenset(taken)))
        i = j
    return blocks


def _list_item(seg: Segment) -> bool:
    marker = read_marker(seg.text)
    return marker is not None and marker.level in (3, 4) and len(seg.text) > len(marker.text)


def check_attachments(text: Text):
    for block in attachment_blocks(text):
        yield from _colon(block)
        for item in block.items:
            yield from _name_punctuation(item)
        yield from _numbering(block)


def _colon(block: Block):
    colon = block.head.text[block.colon_offset]
    if colon == ":":
        col = block.head.col_of(block.colon_offset)
        yield Finding(block.head.line, col, ERROR, "attach-colon",
                      "附件说明 uses a half-width colon ':'", "write 附件：",
                      Edit(block.head.line, col, ":", "："))


def _name_punctuation(item: Item):
    name = item.name.rstrip()
    if name and name[-1] in _NAME_END_PUNCT:
        offset = item.offset + (len(item.marker.text) if item.marker else 0) + len(name) - 1
        col = item.segment.col_of(offset)
        yield Finding(item.segment.line, col, ERROR, "attach-punct",
                      f"attachment name ends with '{name[-1]}'", "no punctuation after an attachment name",
                      Edit(item.segment.line, col, name[-1], ""))


def _numbering(block: Block):
    items = block.items
    if len(items) == 1:
        yield from _single(items[0])
        return
    for expected, it in enumerate(items, start=1):
        col = it.segment.col_of(it.offset)
        want = f"{expected}."
        if it.marker is None:
            yield Finding(it.segment.line, col, ERROR, "attach-number",
                          "one of several attachments has no number", f"number them 1. 2. …; write {want}")
        elif it.marker.number != expected:
            yield Finding(it.segment.line, col, ERROR, "attach-number",
                          f"attachment numbered '{it.marker.text}', expected '{want}'", "number attachments 1. 2. 3. …")
        elif it.marker.text != want:
            yield Finding(it.segment.line, col, WARNING, "attach-number",
                          f"attachment number '{it.marker.text}' is not in the form '{want}'",
                          "attachments are numbered with a half-width dot: 1. 2. 3.",
                          Edit(it.segment.line, col, it.marker.text, want))


def _single(item: Item):
    if item.marker is None:
        return
    col = item.segment.col_of(item.offset)
    if _INLINE_NEXT.search(item.name):
        yield Finding(item.segment.line, col, WARNING, "attach-number", "several attachments on one line",
                      "put each attachment on its own line, numbered 1. 2. 3.")
        return
    yield Finding(item.segment.line, col, WARNING, "attach-number",
                  f"a single attachment is numbered '{item.marker.text}'", "a single attachment takes no number",
                  Edit(item.segment.line, col, item.marker.text, ""))

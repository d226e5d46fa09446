"""The closing of a document and its attachment pages.

Closing elements are found by position as well as shape, scanning back from the end of the main text:
版记 lines (``抄送：…``, ``…2020年3月5日印发``; kept as paragraphs) at the very end, then
附注 / source credits (lines wholly in brackets), then the 成文日期, then the 署名 lines
just above the date. A short line in the middle of the body is never taken for a 署名, and without a
date at the end there is no 署名. (附件说明 is found in the body by its shape, ``附件：…``.)

Attachment pages start at a line ``附件`` / ``附件1`` standing alone after the head; the next line, if it
looks like a title, is the attachment's title; the rest is parsed like a body.
"""
from __future__ import annotations

import re

from ..model import Block
from .attachments import is_bare_attachments_intro
from .matchers import (is_attachment_label, is_closing_date, is_note, is_record_line, is_signature_shape,
                       is_title_like, split_signature_date)
from .state import State

MAX_SIGNATURES = 3  # joint issuers: at most this many 署名 lines


def find_closing(state: State, start: int, end: int) -> tuple[int, list[Block]]:
    """(index where the closing starts, its blocks in reading order) for lines ``start``..``end``."""
    lines = state.lines
    j = end
    record: list[Block] = []  # 版记 (抄送 / 印发) after everything: kept as paragraphs, skipped for the search
    while j > start and state.hint(j - 1) is None and is_record_line(lines[j - 1].text):
        j -= 1
        record.insert(0, Block("paragraph", lines[j].text, lines[j].number))
    notes: list[Block] = []
    while j > start and state.hint(j - 1) is None and is_note(lines[j - 1].text):
        j -= 1
        notes.insert(0, Block("note", lines[j].text, lines[j].number))
    date_block, signatures, used = _date_and_signatures(state, start, j)
    if date_block is None:
        return j, notes + record
    return j - used, signatures + [date_block] + notes + record


def _date_and_signatures(state: State, start: int, end: int) -> tuple[Block | None, list[Block], int]:
    """The date at ``end - 1``, the 署名 lines above it, and how many lines they take."""
    lines = state.lines
    if end <= start or state.hint(end - 1) is not None:
        return None, [], 0
    last = lines[end - 1]
    if is_closing_date(last.text):
        date = Block("date", last.text, last.number)
        signatures: list[Block] = []
        k = end - 1
        while (k > start and len(signatures) < MAX_SIGNATURES and state.hint(k - 1) is None
               and is_signature_shape(lines[k - 1].text)):
            k -= 1
            signatures.insert(0, Block("signature", lines[k].text, lines[k].number))
        if k == start and signatures and len(signatures) == end - 1 - start:
            signatures = signatures[1:]  # keep at least one line of body above the 署名
        return date, _joint_issuers(signatures), 1 + len(signatures)
    both = split_signature_date(last.text)
    if both:
        return Block("date", both[1], last.number), [Block("signature", both[0], last.number)], 1
    return None, [], 0


_ISSUER_GAP = re.compile("[\u3000 ]+")
_ORGAN_END = re.compile("(?:局|厅|委|委员会|办公室|办公厅|政府|部|会|院|处|中心|公司|学校|大学|小组|党组|社|所|站|队)$")


def _joint_issuers(signatures: list[Block]) -> list[Block]:
    """``市教育局　　市人力资源和社会保障局`` on one line: joint issuers, one 署名 each (7.3.5.2)."""
    out = []
    for block in signatures:
        parts = _ISSUER_GAP.split(block.text)
        if len(parts) > 1 and all(len(p) >= 3 and _ORGAN_END.search(p) for p in parts):
            out += [Block("signature", p, block.line) for p in parts]
        else:
            out.append(block)
    return out


def attachment_pages(state: State, start: int, end: int) -> list[int]:
    """Indexes of the ``附件`` label lines that start attachment pages.

    A bare ``附件`` followed by numbered names and, later, the closing date is a 附件说明 that lost its colon,
    not a page: it is left to the body (see ``is_bare_attachments_intro``)."""
    labels = [i for i in range(start, end) if (state.hint(i) is None and is_attachment_label(state.lines[i].text))
              or (state.hint(i) is not None and state.hint(i).kind == "attachment_label")]
    return [i for n, i in enumerate(labels)
            if not is_bare_attachments_intro(state, i, labels[n + 1] if n + 1 < len(labels) else end)]


def attachment_head(state: State, i: int, end: int) -> int:
    """Add the label (and the title, when the next line looks like one); returns lines used."""
    label = state.lines[i]
    state.add(Block("attachment_label", label.text, label.number))
    if i + 1 < end:
        nxt = state.lines[i + 1]
        hint = state.hint(i + 1)
        if (hint is not None and hint.kind == "attachment_title") or (hint is None and is_title_like(nxt.text)):
            state.add(Block("attachment_title", nxt.text, nxt.number))
            return 2
    return 1

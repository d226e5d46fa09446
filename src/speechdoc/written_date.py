"""成文日期 from the command line (``--date``): checked, written the official way, and added to a model
that lacks one.

GB/T 9704 7.3.5.1: the date is written in Arabic numerals, year in full, month and day without a
leading zero (``2024年3月5日``). ``--date 2024-03-05`` (or ``2024/3/5``, ``2024.3.5``) is accepted and
written so. The block goes where the standard puts the date: under the 署名 when there is one, else
after the last block of the body (after 附件说明, before 附注 and before any attachment page); the
renderers then place it per 7.3.5.2 as they place any date block.

The parser takes short lines above a closing date for the 署名, and without a date finds none; so when
the date comes from ``--date``, the body's last short lines of the 署名's shape (``某某市应急管理局``)
become the 署名, by the parser's own rule, as if the text had carried the date.
"""
from __future__ import annotations

import datetime as dt
import re

from dataclasses import replace

from .errors import UsageError
from .model import Block, Document
from .parse.closing import MAX_SIGNATURES
from .parse.matchers import is_signature_shape

_SHAPES = (
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})"),
)
# Blocks that follow the date (7.3.6 附注; 7.3.7 an attachment page): the date goes before the first.
_AFTER_DATE = ("note", "attachment_label", "attachment_title")


def official_date(value: str) -> str:
    """``value`` as ``2024年3月5日``; a value that is not a real calendar date is a UsageError."""
    text = value.strip()
    for shape in _SHAPES:
        match = shape.fullmatch(text)
        if match:
            year, month, day = (int(g) for g in match.groups() if g.isdigit())
            try:
                dt.date(year, month, day)
            except ValueError:
                break
            return f"{year}年{month}月{day}日"
    raise UsageError(f"--date {value!r} is not a date",
                      hint="write it as 2024年3月5日 or 2024-03-05")


def add_written_date(doc: Document) -> Document:
    """``doc`` with a ``date`` block made from ``doc.meta.date`` when it has none; else ``doc`` as it is."""
    if not doc.meta.date or any(b.kind == "date" for b in doc.blocks):
        return doc
    blocks = list(doc.blocks)
    at = _date_position(blocks)
    if not any(b.kind == "signature" for b in blocks):
        _take_signatures(blocks, at)
    blocks.insert(at, Block("date", official_date(doc.meta.date)))
    return doc.with_blocks(tuple(blocks))


def _take_signatures(blocks: list[Block], at: int) -> None:
    """The plain paragraphs of the 署名's shape just above ``at`` become 署名 (at least one body block stays)."""
    k = at
    while (at - k < MAX_SIGNATURES and k > 1 and blocks[k - 1].kind == "paragraph" and blocks[k - 1].lead is None
           and is_signature_shape(blocks[k - 1].text) and blocks[k - 2].kind not in ("title", "salutation")):
        k -= 1
    for i in range(k, at):
        blocks[i] = replace(blocks[i], kind="signature")


def _date_position(blocks: list[Block]) -> int:
    signature = next((i for i, b in enumerate(blocks) if b.kind == "signature"), None)
    if signature is not None:
        return signature + 1
    end = next((i for i, b in enumerate(blocks) if b.kind == "attachment_label"), len(blocks))
    while end > 0 and blocks[end - 1].kind in _AFTER_DATE:
        end -= 1
    return end

"""The title (GB/T 9704-2012 7.3.2) ends without punctuation; a question mark, a closing quote or a closing
bracket may end it."""
from __future__ import annotations

import re

from .finding import ERROR, Edit, Finding
from .markers import read_marker
from .text import Text

TITLE_LINES = 3
TITLE_LINE_MAX = 40
_END_PUNCT = "。，、；：！.,;:!"
_DATE_LINE = re.compile(r"^[\d〇零一二三四五六七八九十O]{2,4}年.{1,6}[日号]$")
_NOT_TITLE = re.compile(
    r"^(——|--)|[〔\[【(（]\d{4}[〕\]】)）]\s*\d+\s*号$|^[（(].*[年月日].*[）)]|[：:]$|^(同志们|各位|尊敬的)"
)


def check_title(text: Text):
    lines = _title_lines(text)
    if not lines:
        return
    seg = lines[-1]
    s = seg.text
    if s[-1] in _END_PUNCT and len(s) > 1:
        col = seg.col_of(len(s) - 1)
        yield Finding(seg.line, col, ERROR, "title-punct", f"the title ends with '{s[-1]}'",
                      "a title takes no closing punctuation (a ？ or a closing quote or bracket may end it)",
                      Edit(seg.line, col, s[-1], ""))


def _title_lines(text: Text):
    """The first lines of the text when they read as a title: short, unnumbered, one sentence, and set apart
    from what follows (a blank line, a 发文字号, a subtitle, a date line, the salutation) — not the first lines of
    a hard-wrapped paragraph."""
    segs = text.segments
    lines = []
    for i, seg in enumerate(segs[:TITLE_LINES]):
        if i and (text.blank_before(i) or not seg.first):
            break
        if not _could_be_title(seg.text):
            break
        lines.append(seg)
    n = len(lines)
    if not lines or len(segs) <= n:
        return []
    after = segs[n]
    stands_apart = text.blank_before(n) or not after.first or _NOT_TITLE.search(after.text) or read_marker(after.text)
    return lines if stands_apart else []


def _could_be_title(s: str) -> bool:
    return not (len(s) > TITLE_LINE_MAX or _NOT_TITLE.search(s) or read_marker(s) or _DATE_LINE.match(s)
                or "。" in s.rstrip("。"))

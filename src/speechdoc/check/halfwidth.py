"""Half-width punctuation in Chinese text: ``, : ; ? ! ( )`` and straight double quotes.

This is the check's own detector, used while the converter's cleaner (``speechdoc.clean``) is not installed;
with the cleaner, the same findings come from its edits (see ``cleaner``). Not flagged: ``13:30``, ``3:1``,
``98.5%``, ``1,200``, URLs, e-mail addresses, Latin text, and the brackets of an outline number (``numbering``).
"""
from __future__ import annotations

from .chars import inside, is_cjk, is_hanzi, url_spans
from .finding import ERROR, Edit, Finding
from .markers import read_marker
from .text import Segment, Text

_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def check_halfwidth(text: Text):
    for seg in text.segments:
        urls = url_spans(seg.text)
        yield from _halfwidth_marks(seg, urls)
        yield from _halfwidth_brackets(seg, urls)
        yield from _straight_quotes(seg, urls)


def _halfwidth_marks(seg: Segment, urls):
    s = seg.text
    flagged = set()
    for i, ch in enumerate(s):
        if ch not in ",:;?!" or inside(urls, i):
            continue
        prev = s[i - 1] if i else ""
        nxt = s[i + 1] if i + 1 < len(s) else ""
        chinese = ((prev and is_cjk(prev)) or i - 1 in flagged
                   or (nxt and is_hanzi(nxt) and not (ch == ":" and prev.isdigit())))
        if chinese:
            flagged.add(i)
            yield _halfwidth(seg, i, ch)


def _halfwidth(seg: Segment, i: int, ch: str) -> Finding:
    col = seg.col_of(i)
    full = _HALF_TO_FULL[ch]
    return Finding(seg.line, col, ERROR, "punct-halfwidth", f"half-width '{ch}' in Chinese text",
                   f"write '{full}'", Edit(seg.line, col, ch, full))


def _halfwidth_brackets(seg: Segment, urls):
    s = seg.text
    marker = read_marker(s)
    skip = len(marker.text) if marker and marker.halfwidth_brackets else 0
    stack: list[int] = []
    for i, ch in enumerate(s):
        if i < skip or inside(urls, i):
            continue
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            start = stack.pop()
            if _chinese_around(s, start, i):
                yield _halfwidth(seg, start, "(")
                yield _halfwidth(seg, i, ")")


def _straight_quotes(seg: Segment, urls):
    """Straight double quotes around Chinese text, taken in pairs: "两学一做" → “两学一做”."""
    s = seg.text
    marks = [i for i, ch in enumerate(s) if ch == '"' and not inside(urls, i)]
    for start, end in zip(marks[::2], marks[1::2]):
        if _chinese_around(s, start, end):
            for i, full in ((start, "“"), (end, "”")):
                col = seg.col_of(i)
                yield Finding(seg.line, col, ERROR, "punct-quotes", "straight quote '\"' in Chinese text",
                              "write Chinese quotes “ ” (‘ ’ inside)", Edit(seg.line, col, '"', full))


def _chinese_around(s: str, start: int, end: int) -> bool:
    before = s[start - 1] if start else ""
    after = s[end + 1] if end + 1 < len(s) else ""
    return (bool(before) and is_cjk(before)) or (bool(after) and is_cjk(after)) or any(
        is_hanzi(c) for c in s[start + 1:end])

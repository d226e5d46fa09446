"""Punctuation normalised to the Chinese full-width forms, in Chinese context only.

Changed (each change is an edit with its column in the original line):
- ``, : ; ? !`` next to a Chinese character (spaces skipped) → ``， ： ； ？ ！``;
- a full stop ``.`` that ends a Chinese sentence (after a Chinese character, before the line's end, a space or
  Chinese text) → ``。`` — never after a digit or a Latin letter (``1.`` markers, ``3.5``, ``No.``);
  — but never between two digits (``13:30``, ``1:500``, ``1,000``);
- ``( )`` → ``（ ）`` when the brackets hold Chinese or stand next to it (not after a Latin letter: ``f(x)``);
- straight quotes ``"…"`` ``'…'`` → paired ``“…”`` ``‘…’`` when the quoted text or its neighbours are Chinese;
- ``...`` / ``。。。`` (spaces between them too) / a lone ``…`` → ``……``; ``--`` / a lone ``—`` / ``──`` → ``——``;
- the brackets of a document number ``粤社科规划办通[2017]23号`` → ``〔2017〕``;
- zero padding in dates ``2019年05月08日`` → ``2019年5月8日`` (GB/T 9704 7.3.5: 不编虚位);
- a letter O or ○ typed for zero in a year in Chinese numerals ``二OO一年`` → ``二〇〇一年``.
Left alone: URLs, e-mail addresses, times, decimals and percentages, ratios, standard numbers
(``GB/T 9704-2012``), Latin words and sentences, ``1.`` outline markers, ranges like ``20-30分钟``.
"""
from __future__ import annotations

import re

from ..model import Edit
from ..parse.shapes import DOC_NUMBER
from .chars import is_chinese
from .tracked import Span, Tracked

_URL = re.compile(r"(?:https?://|ftp://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%()]+", re.I)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_SIMPLE = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_ELLIPSIS = re.compile(r"。(?:[ \u00a0\u3000]*。){2,}|\.{3,}|(?<!…)…(?!…)")  # ``。。 。``: the spaces go too
_DASH = re.compile(r"-{2,}|－{2,}|─{1,2}|(?<!—)—(?!—)")
_SPACES = " \t\u00a0\u3000"
_DATE_PADDING = re.compile(r"(?<=\d年)0(?=\d月)|(?<=\d月)0(?=\d[日号])")
_DOC_BRACKETS = re.compile(r"[\[［【(（](\d{4})[\]］】)）]")


def normalize_punctuation(line: Tracked) -> tuple[Tracked, list[Edit]]:
    """Repeat until nothing changes: a change can make its neighbour Chinese context (``:—`` → ``：—`` → ``：——``).
    No character is changed twice, so this ends."""
    edits: list[Edit] = []
    for _ in range(len(line.text) + 1):
        line, new = line.replace(_spans(line.text))
        if not new:
            break
        edits += new
    return line, edits


def _spans(text: str) -> list[Span]:
    protected = _protected(text)
    spans: list[Span] = []
    spans += _ellipses(text, protected)
    spans += _dashes(text, protected)
    spans += _simple_marks(text, protected)
    spans += _full_stops(text, protected)
    spans += _brackets(text, protected)
    spans += _quotes(text, protected, '"', "“", "”", nearby_only=False)
    spans += _quotes(text, protected, "'", "‘", "’", nearby_only=True)
    spans += _doc_number_brackets(text)
    spans += [Span(m.start(), m.end(), "", "date-zero-padding") for m in _DATE_PADDING.finditer(text)]
    spans += _year_zeros(text)
    return spans


def _protected(text: str) -> set[int]:
    out: set[int] = set()
    for pattern in (_URL, _EMAIL):
        for m in pattern.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in ".,;:!?)'" and not _balanced(text[m.start():end]):
                end -= 1
            out.update(range(m.start(), end))
    return out


def _balanced(url: str) -> bool:
    return url.count("(") >= url.count(")") and url[-1] not in ".,;:!?'"


def _prev(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j] in _SPACES:
        j -= 1
    return text[j] if j >= 0 else ""


def _next(text: str, i: int) -> str:
    j = i + 1
    while j < len(text) and text[j] in _SPACES:
        j += 1
    return text[j] if j < len(text) else ""


def _chinese_context(text: str, start: int, end: int) -> bool:
    return is_chinese(_prev(text, start)) or is_chinese(_next(text, end - 1))


def _ellipses(text: str, protected: set[int]) -> list[Span]:
    return [Span(m.start(), m.end(), "……", "ellipsis") for m in _ELLIPSIS.finditer(text)
            if m.start() not in protected and (m.group()[0] == "。" or _chinese_context(text, m.start(), m.end()))]


def _dashes(text: str, protected: set[int]) -> list[Span]:
    return [Span(m.start(), m.end(), "——", "dash") for m in _DASH.finditer(text)
            if m.start() not in protected and _chinese_context(text, m.start(), m.end())]


def _simple_marks(text: str, protected: set[int]) -> list[Span]:
    spans = []
    for i, ch in enumerate(text):
        if ch not in _SIMPLE or i in protected:
            continue
        before, after = text[i - 1] if i else "", text[i + 1] if i + 1 < len(text) else ""
        if ch in ",:" and before.isdigit() and after.isdigit():
            continue
        if _chinese_context(text, i, i + 1):
            spans.append(Span(i, i + 1, _SIMPLE[ch], "punctuation"))
    return spans


_CLOSERS = "”’）》」』"


def _is_hanzi(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def _full_stops(text: str, protected: set[int]) -> list[Span]:
    spans = []
    for i, ch in enumerate(text):
        if ch != "." or i in protected or (i + 1 < len(text) and text[i + 1] == ".") or (i and text[i - 1] == "."):
            continue
        j = i - 1
        while j >= 0 and text[j] in _CLOSERS:
            j -= 1
        after = text[i + 1] if i + 1 < len(text) else ""
        if j >= 0 and _is_hanzi(text[j]) and (after == "" or after in _SPACES or _is_hanzi(after) or after in _CLOSERS):
            spans.append(Span(i, i + 1, "。", "full-stop"))
    return spans


def _brackets(text: str, protected: set[int]) -> list[Span]:
    stack: list[int] = []
    pairs: list[tuple[int | None, int | None]] = []
    for i, ch in enumerate(text):
        if i in protected:
            continue
        if ch == "(":
            stack.append(i)
        elif ch == ")":
            pairs.append((stack.pop() if stack else None, i))
    pairs += [(i, None) for i in stack]
    spans = []
    for start, end in pairs:
        if _bracket_is_chinese(text, start, end):
            if start is not None:
                spans.append(Span(start, start + 1, "（", "punctuation"))
            if end is not None:
                spans.append(Span(end, end + 1, "）", "punctuation"))
    return spans


def _bracket_is_chinese(text: str, start: int | None, end: int | None) -> bool:
    if start is not None and end is not None and any(is_chinese(c) for c in text[start + 1:end]):
        return True
    before = text[start - 1] if start else ""
    if before.isascii() and before.isalnum():
        return False  # f(x), ISO(2015)
    if start is not None and (start == 0 or is_chinese(_prev(text, start))):
        return True
    return end is not None and is_chinese(_next(text, end))


def _quotes(text: str, protected: set[int], mark: str, opening: str, closing: str, *, nearby_only: bool) -> list[Span]:
    marks = [i for i, ch in enumerate(text) if ch == mark and i not in protected]
    if nearby_only:
        marks = [i for i in marks if _chinese_context(text, i, i + 1)]
    spans = []
    for a, b in zip(marks[0::2], marks[1::2]):
        inside = any(is_chinese(c) for c in text[a + 1:b])
        if inside or _chinese_context(text, a, a + 1) or _chinese_context(text, b, b + 1):
            spans += [Span(a, a + 1, opening, "quotes"), Span(b, b + 1, closing, "quotes")]
    if len(marks) % 2 and _chinese_context(text, marks[-1], marks[-1] + 1):
        last = marks[-1]
        spans.append(Span(last, last + 1, opening if _opens(text[last + 1:last + 2]) else closing, "quotes"))
    return spans


def _opens(after: str) -> bool:
    """A lone quote mark opens when a word follows it, and closes before punctuation or the line end."""
    return bool(after) and after.isalnum()


_CHINESE_YEAR = re.compile("[〇零OoОо○一二三四五六七八九]{4}(?=年)")
_FALSE_ZEROS = "OoОо○"


def _year_zeros(text: str) -> list[Span]:
    """``二OO一年`` (Latin O, Cyrillic О, ○ typed for zero) → ``二〇〇一年``."""
    spans = []
    for m in _CHINESE_YEAR.finditer(text):
        if any(c in "一二三四五六七八九" for c in m.group()):
            spans += [Span(m.start() + k, m.start() + k + 1, "〇", "year-zero")
                      for k, c in enumerate(m.group()) if c in _FALSE_ZEROS]
    return spans


def _doc_number_brackets(text: str) -> list[Span]:
    spans = []
    for m in DOC_NUMBER.finditer(text):
        b = _DOC_BRACKETS.search(text, m.start(), m.end())
        if b and (text[b.start()] != "〔" or text[b.end() - 1] != "〕"):
            spans += [Span(b.start(), b.start() + 1, "〔", "doc-number-brackets"),
                      Span(b.end() - 1, b.end(), "〕", "doc-number-brackets")]
    return spans

"""Outline numbers as Chinese documents write them: 一、 （一） 1. （1）, and the numerals inside.

Readers use this to write the numbers a source format implies (a Markdown ``##``, a Word
list level) into the text, and to read the level an already-numbered heading carries.
"""
from __future__ import annotations

import re

_DIGITS = "零一二三四五六七八九"
_CN = "[一二三四五六七八九十百零〇]+"

# The level each marker style stands for (GB/T 9704 7.3.3), most specific first.
_MARKERS = (
    (4, re.compile(r"^[（(]\s*\d+\s*[）)]")),
    (2, re.compile(rf"^[（(]\s*{_CN}\s*[）)]")),
    (1, re.compile(rf"^{_CN}\s*[、．.]")),
    (3, re.compile(r"^\d+\s*[、．.](?!\d)")),
)


_OWN_NUMBER = re.compile(rf"^第\s*(?:{_CN}|\d+)\s*[章节部分篇编条款]")


def has_own_number(text: str) -> bool:
    """The text starts with a number of its own kind (第一章, 第二节, 第三部分): no marker goes before it."""
    return bool(_OWN_NUMBER.match(text.lstrip(" \u3000\u00a0\t")))


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (for 1 ≤ n ≤ 999; larger stay Arabic)."""
    if not 0 < n < 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _DIGITS[hundreds] + "百"
        if rest and tens == 0:
            out += "零"
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    if ones:
        out += _DIGITS[ones]
    return out


def outline_marker(level: int, n: int) -> str:
    """The marker for the ``n``-th heading at ``level`` 1–4: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def parse_chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; None when ``text`` is not such a numeral."""
    if not text or any(c not in _DIGITS + "〇十百" for c in text):
        return None
    total, current = 0, 0
    for c in text:
        if c in "十百":
            total += (current or 1) * (10 if c == "十" else 100)
            current = 0
        else:
            current = _DIGITS.index(c) if c in _DIGITS else 0
    return total + current


def marker_number(text: str) -> int | None:
    """The number in the text's leading outline marker (（三） → 3, 12. → 12), or None."""
    stripped = text.lstrip(" \u3000\u00a0\t")
    for _, pattern in _MARKERS:
        m = pattern.match(stripped)
        if m:
            inner = m.group(0).strip("（()）、．. \u3000")
            return int(inner) if inner.isdigit() else parse_chinese_number(inner)
    return None


def marker_level(text: str) -> int | None:
    """The outline level the text's own leading marker stands for, or None when it has none."""
    stripped = text.lstrip(" \u3000\u00a0\t")
    for level, pattern in _MARKERS:
        if pattern.match(stripped):
            return level
    return None

"""Outline numbers as Chinese documents write them: 一、 （一） 1. （1）, and the numerals inside.

Readers use this to write the numbers a source format implies (a Markdown ``##``, a Word
list level) into the text, and to read the level an already-numbered heading carries.
"""
from __future__ import annotations

import re

from ..numerals import from_chinese as parse_chinese_number

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

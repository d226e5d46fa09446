"""Outline markers at the start of a paragraph: ``一、`` ``（一）`` ``1.`` ``（1）`` and their common misspellings.

GB/T 9704-2012 7.3.3 orders the levels 一、 → （一） → 1. → （1）. A marker is read with its level, its number,
the form the writer used and the standard form, so the rules can say what is wrong and what to write instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..numerals import from_chinese, outline_marker

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERAL = "[一二三四五六七八九十百〇零两]"

LEVEL_NAMES = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}


@dataclass(frozen=True)
class Marker:
    level: int  # 1..4 as in GB/T 9704
    number: int
    text: str  # the marker as written, e.g. "(1)"
    standard: str  # the marker as the standard writes it, e.g. "（1）"
    style: str  # a short name of the form used, e.g. "1、"

    @property
    def is_standard(self) -> bool:
        return self.text == self.standard

    @property
    def halfwidth_brackets(self) -> bool:
        return self.text.startswith("(")


# After the dot: not a decimal (1.5亿元), but a name may start with a year (1.2019年本科专业培养方案).
_NOT_DECIMAL = r"(?:(?=\d{4}年)|(?![\d.．]))"

# (level, pattern, numeral kind, style name). Order matters: the first match wins.
_FORMS = [
    (2, re.compile(rf"（({CN_NUMERAL}{{1,3}})）、?"), "cn", "（一）"),
    (2, re.compile(rf"\(({CN_NUMERAL}{{1,3}})\)、?"), "cn", "(一)"),
    (1, re.compile(rf"({CN_NUMERAL}{{1,3}})[、](?!、)"), "cn", "一、"),
    (1, re.compile(rf"({CN_NUMERAL}{{1,3}})[.．](?![\d.．])"), "cn", "一."),
    (4, re.compile(r"（(\d{1,3})）、?"), "ar", "（1）"),
    (4, re.compile(r"\((\d{1,3})\)、?"), "ar", "(1)"),
    (4, re.compile(r"(\d{1,3})[)）](?![\d)）])"), "ar", "1)"),
    (3, re.compile(rf"(\d{{1,3}})\.{_NOT_DECIMAL}"), "ar", "1."),
    (3, re.compile(rf"(\d{{1,3}})．{_NOT_DECIMAL}"), "ar", "1．"),
    (3, re.compile(r"(\d{1,3})、(?![\d、])"), "ar", "1、"),
]


def read_marker(text: str) -> Marker | None:
    """The outline marker that ``text`` starts with, if any."""
    for level, pattern, kind, style in _FORMS:
        m = pattern.match(text)
        if not m:
            continue
        number = from_chinese(m.group(1)) if kind == "cn" else int(m.group(1))
        if number is None or number == 0:
            continue
        if level == 1 and style == "一." and not _reads_as_heading_after(text[m.end():]):
            continue
        return Marker(level, number, m.group(0), outline_marker(level, number), style)
    return None


def _reads_as_heading_after(rest: str) -> bool:
    return bool(rest) and "\u4e00" <= rest[0] <= "\u9fff"



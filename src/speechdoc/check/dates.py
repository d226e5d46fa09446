"""Dates: zero padding (2024年02月05日), impossible dates (2月30日), Chinese and Arabic numerals mixed in one
date, a Latin O or ○ written for 〇, and a weekday that disagrees with its date (a date without a year takes
the year of the text's other dates when they all name the same one). GB/T 9704-2012 7.3.5 writes the
成文日期 in Arabic numerals, unpadded: 2024年2月5日."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .finding import ERROR, WARNING, Edit, Finding
from ..numerals import from_chinese
from .text import Segment, Text

_YEAR_CHARS = "0-9〇零一二三四五六七八九OoＯ○"
_SMALL = "[0-9]{1,2}|[一二三四五六七八九十]{1,3}"
_DATE = re.compile(
    rf"(?<![0-9A-Za-z])(?:(?P<y>[{_YEAR_CHARS}]{{4}})年)?(?P<m>{_SMALL})月(?:(?P<d>{_SMALL})[日号])?"
    r"(?P<wk>\s*[（(]?(?:星期|周|礼拜)(?P<wd>[一二三四五六日天])[）)]?)?"
)
_CN_YEAR_DIGITS = {"〇": 0, "零": 0, "O": 0, "o": 0, "Ｏ": 0, "○": 0, "0": 0, "一": 1, "二": 2, "三": 3,
                   "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NOT_ZERO = "Oo Ｏ○0"
_WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class _Part:
    text: str
    offset: int  # in the segment

    @property
    def arabic(self) -> bool:
        return self.text.isdigit() and self.text.isascii()


@dataclass(frozen=True)
class _Date:
    seg: Segment
    match: re.Match
    year: _Part | None
    month: _Part
    day: _Part | None


def check_dates(text: Text):
    dates = list(_dates(text))
    years = {_year_value(d.year) for d in dates if d.year}
    only_year = years.pop() if len(years) == 1 else None
    for date in dates:
        year = _year_value(date.year) if date.year else only_year
        yield from _padding(date)
        yield from _mixed(date)
        yield from _letter_o(date)
        impossible = list(_impossible(date, year))
        yield from impossible
        if not impossible:
            yield from _weekday(date, year)


def _dates(text: Text):
    for seg in text.segments:
        for m in _DATE.finditer(seg.text):
            if not (m.group("d") or m.group("y")) or _lunar(seg.text, m.start()):
                continue
            part = lambda name: _Part(m.group(name), m.start(name)) if m.group(name) else None  # noqa: E731
            year = part("y")
            if year and not _plausible_year(year):
                continue
            yield _Date(seg, m, year, part("m"), part("d"))


def _lunar(s: str, start: int) -> bool:
    """农历二月三十日 exists: lunar dates are not checked."""
    return any(word in s[max(0, start - 6):start] for word in ("农历", "阴历", "夏历"))


def _plausible_year(year: _Part) -> bool:
    t = year.text
    return t.isdigit() and t.isascii() or any(c in "〇零一二三四五六七八九" for c in t)


def _year_value(year: _Part) -> int | None:
    if year.arabic:
        return int(year.text)
    return int("".join(str(_CN_YEAR_DIGITS[c]) for c in year.text))


def _number(part: _Part) -> int | None:
    return int(part.text) if part.arabic else from_chinese(part.text)


def _start(date: _Date) -> tuple[int, int]:
    """Every date finding is reported at the start of its date."""
    first = date.year or date.month
    return date.seg.line, date.seg.col_of(first.offset)


def _date_text(date: _Date) -> tuple[int, str]:
    """(offset in the segment, text) of the date itself: year (if any) to day (or month)."""
    first = date.year or date.month
    last = date.day or date.month
    end = last.offset + len(last.text) + 1  # and its 日/号/月
    return first.offset, date.seg.text[first.offset:end]


def _padding(date: _Date):
    padded = [p for p in (date.month, date.day)
              if p and p.arabic and len(p.text) == 2 and p.text[0] == "0" and p.text != "00"]
    if not padded:
        return
    line, col = _start(date)
    offset, old = _date_text(date)
    new = old
    for part in sorted(padded, key=lambda p: p.offset, reverse=True):
        i = part.offset - offset
        new = new[:i] + new[i + 1:]
    yield Finding(line, col, ERROR, "date-padded", f"'{old}' has zero-padded numbers",
                  f"write {new} (no leading zeros in a date)", Edit(line, col, old, new))


def _mixed(date: _Date):
    parts = [p for p in (date.year, date.month, date.day) if p]
    kinds = {p.arabic for p in parts}
    if len(kinds) > 1:
        line, col = _start(date)
        yield Finding(line, col, ERROR, "date-mixed", f"'{_date_text(date)[1]}' mixes Chinese and Arabic numerals",
                      "write the whole date in one kind; a 成文日期 in Arabic numerals: 2024年3月5日")


def _letter_o(date: _Date):
    year = date.year
    if not year or year.arabic or not any(ch in _NOT_ZERO for ch in year.text):
        return
    line, col = _start(date)
    new = "".join("〇" if ch in _NOT_ZERO else ch for ch in year.text)
    yield Finding(line, col, WARNING, "date-zero", f"'{year.text}年' writes the Chinese zero with another character",
                  f"write {new}年 (〇 is U+3007)", Edit(line, col, year.text, new))


def _impossible(date: _Date, year: int | None):
    month = _number(date.month)
    day = _number(date.day) if date.day else None
    if month is None or not 1 <= month <= 12:
        problem = f"there is no month {date.month.text}"
    elif day is not None and not 1 <= day <= _days_in(month, year):
        problem = f"{month}月 has no day {date.day.text}" + (f" in {year}" if year and month == 2 else "")
    else:
        return
    line, col = _start(date)
    yield Finding(line, col, ERROR, "date-impossible", f"impossible date '{date.match.group(0).strip()}': {problem}",
                  "check the date")


def _days_in(month: int, year: int | None) -> int:
    if month == 2:
        return 29 if year is None or _leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _weekday(date: _Date, year: int | None):
    m = date.match
    if not m.group("wk") or not date.day or year is None:
        return
    try:
        actual = datetime.date(year, _number(date.month), _number(date.day)).weekday()
    except (ValueError, TypeError):
        return
    given = _WEEKDAYS.index("日" if m.group("wd") == "天" else m.group("wd"))
    if given != actual:
        line, col = _start(date)
        yield Finding(line, col, ERROR, "date-weekday",
                      f"{year}年{_number(date.month)}月{_number(date.day)}日 is a 星期{_WEEKDAYS[actual]}, "
                      f"not 星期{_WEEKDAYS[given]}", "correct the date or the weekday")

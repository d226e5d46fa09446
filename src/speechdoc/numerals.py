"""Chinese numerals and outline markers: 一 ↔ 1, 十二 ↔ 12, 一百零五 ↔ 105; 一、 （一） 1. （1）.

The one place the cleaner, the parser, the readers and the proofreader turn numbers into
Chinese numerals and back.
"""
from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_VALUES = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def from_chinese(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99, 一百零五 → 105; None when ``text`` is not such a numeral."""
    if not text:
        return None
    if "百" in text:
        head, _, tail = text.partition("百")
        hundreds = _VALUES.get(head) if head else 1
        rest = from_chinese(tail.lstrip("零〇")) if tail.lstrip("零〇") else 0
        return None if hundreds is None or rest is None else hundreds * 100 + rest
    if "十" in text:
        head, _, tail = text.partition("十")
        tens = _VALUES.get(head) if head else 1
        ones = _VALUES.get(tail) if tail else 0
        return None if tens is None or ones is None else tens * 10 + ones
    return _VALUES.get(text) if len(text) == 1 else None


def to_chinese(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, 110 → 一百一十 (1 ≤ n ≤ 999; other numbers stay Arabic)."""
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
    """The GB/T 9704 7.3.3 marker for the ``n``-th heading at ``level`` 1–4: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{to_chinese(n)}、"
    if level == 2:
        return f"（{to_chinese(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"

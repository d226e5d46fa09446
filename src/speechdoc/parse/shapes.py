"""Shapes of the lines a Chinese official document or speech is made of, as regular expressions.

Shared by the cleaner (which splits glued head lines) and by the parser's matchers.
"""
from __future__ import annotations

import re

from ..numerals import to_chinese


CN_DIGITS = "〇零一二三四五六七八九十百"
# Year digits as people write them: 〇/零, and the Latin O / Cyrillic О / ○ used for zero.
YEAR_DIGITS = "〇零OoО○一二三四五六七八九"

DOC_NUMBER = re.compile(  # the organ's short name may be a template placeholder: ×政发, XX办发
    r"[\u4e00-\u9fff×XＸ]{1,16}[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号")
_ARABIC_DATE = r"(?:(?:19|20)\d{2}|[X×Ｘx]{2,4})\s*年\s*(?:\d{1,2}|[X×Ｘx]{1,2})\s*月\s*(?:\d{1,2}|[X×Ｘx]{1,2})\s*日"
# (template placeholders 2024年×月×日 / XXXX年X月X日 count as dates)
_CHINESE_DATE = f"[{YEAR_DIGITS}]{{4}}年[{CN_DIGITS}]{{1,3}}月[{CN_DIGITS}]{{1,4}}日"
DATE = f"(?:{_ARABIC_DATE}|{_CHINESE_DATE})"
DATE_ONLY = re.compile(f"^{DATE}$")
ISO_DATE = r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*\d{1,2}:\d{1,2}(?::\d{1,2})?)?"
ISO_DATE_ONLY = re.compile(f"^{ISO_DATE}$")

GENRES = ("通知", "通报", "意见", "决定", "报告", "请示", "批复", "函", "办法", "规定", "方案", "公告", "通告",
          "纪要", "讲话", "讲话稿", "发言", "发言稿", "致辞", "讲稿", "决议", "公报", "命令", "议案", "细则",
          "规划", "要点", "总结", "倡议书", "说明", "贺信", "讲话提纲")
ENDS_WITH_GENRE = re.compile(f"(?:{'|'.join(sorted(GENRES, key=len, reverse=True))})$")

GENRE_WORD = re.compile("|".join(sorted(GENRES, key=len, reverse=True)))
ISO_DATE_AT = re.compile(ISO_DATE)


def format_marker(n: int, style: str) -> str:
    """Number ``n`` written in the marker ``style`` (一、 （一） 1. 1、 （1） ① 第一， 一是)."""
    cn = to_chinese(n)
    return {"一、": f"{cn}、", "一.": f"{cn}.", "（一）": f"（{cn}）", "1.": f"{n}.", "1、": f"{n}、",
            "（1）": f"（{n}）", "①": chr(0x245F + n) if 1 <= n <= 20 else f"（{n}）", "第一，": f"第{cn}，",
            "一是": f"{cn}是", "第一章": f"第{cn}章", "第一节": f"第{cn}节",
            "第一条": f"第{cn}条"}.get(style, str(n))

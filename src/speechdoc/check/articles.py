"""Chapters, sections and articles of a regulation (第一章 … 第一节 … 第一条 …): numbered on without a gap or a
repeat. Articles run on through chapters; sections start again in each chapter; an attachment starts anew."""
from __future__ import annotations

import re

from .finding import ERROR, Finding
from ..numerals import from_chinese, to_chinese
from .numbering import BOUNDARY
from .text import Text

_ARTICLE = re.compile(r"^第([一二三四五六七八九十百零〇]{1,6})([章节条])")


def check_articles(text: Text):
    last: dict[str, int] = {}
    for seg in text.segments:
        if BOUNDARY.match(seg.text):
            last.clear()
            continue
        m = _ARTICLE.match(seg.text)
        if not m:
            continue
        kind, number = m.group(2), from_chinese(m.group(1))
        if number is None:
            continue
        if kind == "章":
            last.pop("节", None)
        prev = last.get(kind)
        last[kind] = number
        if prev is None or number in (1, prev + 1):
            continue
        code = "num-gap" if number > prev + 1 else "num-duplicate"
        yield Finding(seg.line, seg.col, ERROR, code,
                      f"'第{m.group(1)}{kind}' follows '第{to_chinese(prev)}{kind}'",
                      f"expected '第{to_chinese(prev + 1)}{kind}'")

"""发文字号 (GB/T 9704-2012 7.2.4): the year in 六角括号 〔 〕, no 第 before the number, no leading zeros —
``国办发〔2019〕4号``."""
from __future__ import annotations

import re

from .finding import ERROR, Edit, Finding
from .text import Text

_DOC_NUMBER = re.compile(
    r"(?P<org>[\u4e00-\u9fff]{1,12}?)(?P<open>[〔\[［(（【{])(?P<year>(?:19|20)\d{2})(?P<close>[〕\]］)）】}])"
    r"\s*(?P<di>第?)(?P<num>\d{1,5})号"
)


def check_doc_numbers(text: Text):
    for seg in text.segments:
        for m in _DOC_NUMBER.finditer(seg.text):
            yield from _brackets(seg, m)
            yield from _number(seg, m)


def _brackets(seg, m: re.Match):
    if m.group("open") == "〔" and m.group("close") == "〕":
        return
    for name, full in (("open", "〔"), ("close", "〕")):
        mark = m.group(name)
        if mark == full:
            continue
        col = seg.col_of(m.start(name))
        yield Finding(seg.line, col, ERROR, "docnum-brackets", f"'{mark}' around the year of a 发文字号",
                      "a 发文字号 writes its year in 〔 〕: 国办发〔2019〕4号", Edit(seg.line, col, mark, full))


def _number(seg, m: re.Match):
    if m.group("di"):
        col = seg.col_of(m.start("di"))
        yield Finding(seg.line, col, ERROR, "docnum-form", "'第' before the number of a 发文字号",
                      "write 国办发〔2019〕4号, without 第", Edit(seg.line, col, "第", ""))
    num = m.group("num")
    if len(num) > 1 and num.startswith("0"):
        col = seg.col_of(m.start("num"))
        zeros = num[: len(num) - len(num.lstrip("0"))] if num.strip("0") else num[:-1]
        yield Finding(seg.line, col, ERROR, "docnum-form", f"the number '{num}' of a 发文字号 has leading zeros",
                      f"write {int(num)}号", Edit(seg.line, col, zeros, ""))

"""Placeholders left in the text: ``xx`` ``XX`` ``××`` ``ＸＸ`` ``□□`` ``（此处填写…）`` ``【待定】``.

A run of x inside a Latin word (``xxl``, ``0x00``) is not a placeholder, and neither is a naming pattern that
the text itself explains (``“xx学院-x专业”形式命名``), a form's instruction (``（此处粘贴照片）``, ``（盖章）``) or
a redacted name (``王**``). Placeholders are reported, never fixed.
"""
from __future__ import annotations

import re

from .chars import inside, url_spans
from .finding import ERROR, Finding
from .text import Segment, Text

_RUNS = re.compile(r"(?<![A-Za-z0-9_@./\\-])[xX]{2,}(?![A-Za-z0-9_@\\])|[×Ｘｘ╳]{2,}|□{2,}|(?<![A-Za-z0-9])[XxＸｘ×](?=[年月日号])|[○〇]{2,}(?![年月日])")
_BRACKETED = re.compile(r"[（(【\[〔]\s*([^（()）【】\[\]〔〕]{0,24}?)\s*[）)】\]〕]")
_TO_FILL = re.compile(
    r"待定|待补充|待完善|待确认|待核实|待填|TBD|TODO|^(此处|在此|这里)(填写|填入|输入|插入|添加|补充)"
    r"|^请(在此)?(填写|填入|输入|插入|补充)", re.I)
_PATTERN_WORDS = re.compile(r"^.{0,3}(形式|格式|样式|字样|模板|模式|规则)|^.{0,3}(命名|格式为)")


def check_placeholders(text: Text):
    for seg in text.segments:
        urls = url_spans(seg.text)
        for m in _RUNS.finditer(seg.text):
            if inside(urls, m.start()) or _explained_pattern(seg.text, m.start()) or _zero_run_in_number(seg.text, m):
                continue
            yield _finding(seg, m.start(), m.group(0))
        for m in _BRACKETED.finditer(seg.text):
            if _TO_FILL.search(m.group(1)):
                yield _finding(seg, m.start(), m.group(0))


def _finding(seg: Segment, offset: int, what: str) -> Finding:
    return Finding(seg.line, seg.col_of(offset), ERROR, "placeholder", f"placeholder '{what}' left in the text",
                   "fill in the real name, number or date")


def _explained_pattern(s: str, pos: int) -> bool:
    """The placeholder sits inside a quoted naming pattern that the sentence explains (“xx学院”形式命名)."""
    open_at = max(s.rfind("“", 0, pos), s.rfind('"', 0, pos))
    if open_at < 0:
        return False
    close_at = min((i for i in (s.find("”", pos), s.find('"', pos)) if i >= 0), default=-1)
    return close_at >= 0 and bool(_PATTERN_WORDS.search(s[close_at + 1:close_at + 8]))


def _zero_run_in_number(s: str, m: re.Match) -> bool:
    """〇〇 inside a year written in Chinese numerals (二〇〇一) is not a placeholder."""
    if m.group(0)[0] not in "○〇":
        return False
    before = s[m.start() - 1] if m.start() else ""
    after = s[m.end()] if m.end() < len(s) else ""
    return before in "一二三四五六七八九十" or after in "一二三四五六七八九十年"

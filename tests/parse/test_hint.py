"""Hints from rich readers force a line's kind and skip the matchers."""
from __future__ import annotations

from speechdoc.parse import Hint, parse_lines


def _parse(lines, hints):
    blocks, _ = parse_lines(list(enumerate(lines, 1)), hints=hints)
    return [(b.kind, b.text, b.level) for b in blocks]


def test_hinted_heading_and_paragraph():
    got = _parse(["工作报告", "总体情况", "第一，这不是引导语。而是正文。"],
                 {1: Hint("title"), 2: Hint("heading", level=1), 3: Hint("paragraph")})
    assert got == [("title", "工作报告", None), ("heading", "总体情况", 1),
                   ("paragraph", "第一，这不是引导语。而是正文。", None)]


def test_hinted_title_lines_make_one_title():
    blocks, _ = parse_lines([(1, "关于加强"), (2, "绩效考核的意见"), (3, "正文。")],
                            hints={1: Hint("title"), 2: Hint("title")})
    assert blocks[0].text == "关于加强绩效考核的意见" and blocks[0].lines == ("关于加强", "绩效考核的意见")


def test_table_hint_gives_a_table_block():
    rows = (("一级指标", "二级指标"), ("医疗质量", "功能定位"))
    blocks, _ = parse_lines([(1, "标题"), (5, "")] + [(6, "表格")], hints={6: Hint("table", rows=rows)})
    assert blocks[-1].kind == "table" and blocks[-1].rows == rows and blocks[-1].line == 6


def test_unhinted_lines_still_go_through_the_matchers():
    got = _parse(["标题", "一、总体要求", "正文。"], {1: Hint("title")})
    assert got[1] == ("heading", "一、总体要求", 1)


def test_unknown_hint_kind_is_a_paragraph_with_a_warning():
    blocks, warnings = parse_lines([(1, "正文")], hints={1: Hint("banner")})
    assert blocks[0].kind == "paragraph" and "banner" in warnings[0].message

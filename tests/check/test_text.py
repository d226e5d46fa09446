from __future__ import annotations

from speechdoc.check.text import Text


def test_indentation_is_not_part_of_a_segment_and_columns_count_characters():
    text = Text.from_lines(["　　一、总体要求", "  同志们:"])
    assert [(s.line, s.col, s.text) for s in text.segments] == [(1, 3, "一、总体要求"), (2, 3, "同志们:")]


def test_a_one_line_page_is_cut_at_runs_of_wide_spaces():
    line = "各单位：　　1、第一项。　　2、第二项。"
    segs = Text.from_lines([line]).segments
    assert [s.text for s in segs] == ["各单位：", "1、第一项。", "2、第二项。"]
    assert [line[s.col - 1:s.col - 1 + len(s.text)] for s in segs] == [s.text for s in segs]
    assert [s.first for s in segs] == [True, False, False]


def test_blank_lines_separate_segments():
    text = Text.from_lines(["标题", "", "正文"])
    assert [text.blank_before(i) for i in range(2)] == [True, True]
    assert not Text.from_lines(["标题", "正文"]).blank_before(1)

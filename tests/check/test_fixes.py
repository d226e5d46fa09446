from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from speechdoc.check import Edit, Finding, check_lines, fix_lines
from speechdoc.check.fixes import apply_edits


def _f(line, col, old, new):
    return Finding(line, col, "error", "x", "m", "", Edit(line, col, old, new))


def test_edits_apply_right_to_left_and_may_join_split_or_drop_lines():
    lines = ["当前位置:首页", "一,二", "三，", "四五"]
    out, done = apply_edits(lines, [_f(1, 1, "当前位置:首页\n", ""), _f(2, 2, ",", "，"), _f(3, 3, "\n", ""),
                                    _f(4, 2, "", "\n")])
    assert out == ["一，二", "三，四", "五"]
    assert len(done) == 4


def test_an_edit_whose_text_is_not_there_or_overlaps_is_left_out():
    out, done = apply_edits(["甲乙丙"], [_f(1, 1, "乙", "x"), _f(1, 2, "乙丙", "y"), _f(1, 3, "丙", "z")])
    assert out == ["甲乙z"] and [f.fix.new for f in done] == ["z"]


def test_fix_never_touches_placeholders_or_wording():
    lines = ["关于召开xx会议的通知", "", "同志们:", "请于2024年02月05日前报送（此处填写材料名称）,谢谢!"]
    fixed = fix_lines(lines)
    assert fixed.lines == ["关于召开xx会议的通知", "", "同志们：", "请于2024年2月5日前报送（此处填写材料名称），谢谢！"]


CHINESE = st.sampled_from(list("关于通知会议同志们一二三年月日工作要求") + list("，。：、；（）“”《》,.:;!?()\"…　 ")
                          + ["一、", "（一）", "1.", "（1）", "(1)", "1、", "2024年02月05日", "xx", "附件:", "\n", "..."])


@settings(max_examples=150, deadline=None)
@given(st.lists(CHINESE, max_size=60))
def test_check_never_fails_and_fix_settles(pieces):
    lines = "".join(pieces).split("\n")
    check_lines(lines)
    once = fix_lines(lines)
    assert [f for f in check_lines(once.lines) if f.fixable] == []
    assert fix_lines(once.lines).lines == once.lines

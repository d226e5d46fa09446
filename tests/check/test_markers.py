from __future__ import annotations

import pytest

from speechdoc.check.markers import read_marker
from speechdoc.numerals import from_chinese, to_chinese


@pytest.mark.parametrize("text,level,number,standard", [
    ("一、总体要求", 1, 1, "一、"),
    ("十二、附则", 1, 12, "十二、"),
    ("（三）工作目标", 2, 3, "（三）"),
    ("(一)加强领导", 2, 1, "（一）"),
    ("（二）、强化考核", 2, 2, "（二）"),
    ("1.坚持安全第一", 3, 1, "1."),
    ("9. I类切口", 3, 9, "9."),
    ("1.2019年本科专业培养方案", 3, 1, "1."),
    ("1、我省集中申报", 3, 1, "1."),
    ("2．申报材料", 3, 2, "2."),
    ("（1）《申请书》", 4, 1, "（1）"),
    ("(2)著作类成果", 4, 2, "（2）"),
    ("3）期刊类成果", 4, 3, "（3）"),
])
def test_markers_are_read_with_level_number_and_standard_form(text, level, number, standard):
    m = read_marker(text)
    assert (m.level, m.number, m.standard) == (level, number, standard)


@pytest.mark.parametrize("text", ["1.5亿元专项资金", "2019年", "一是抓项目", "第一，抓学习", "10.1假期", "一.5", "（此件公开发布）"])
def test_text_that_is_not_a_marker(text):
    assert read_marker(text) is None


@pytest.mark.parametrize("number", [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 115, 120, 999])
def test_chinese_numerals_round_trip(number):
    assert from_chinese(to_chinese(number)) == number


def test_chinese_numerals_read_as_written():
    assert [from_chinese(t) for t in ("十", "十二", "二十", "二十三", "一百零五")] == [10, 12, 20, 23, 105]

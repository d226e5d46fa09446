from __future__ import annotations

import pytest

from speechdoc.numerals import from_chinese, outline_marker, to_chinese


@pytest.mark.parametrize("n,text", [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (99, "九十九"),
                                    (100, "一百"), (105, "一百零五"), (110, "一百一十"), (999, "九百九十九")])
def test_both_ways(n, text):
    assert to_chinese(n) == text
    assert from_chinese(text) == n


def test_round_trip_and_odd_forms():
    assert all(from_chinese(to_chinese(n)) == n for n in range(1, 1000))
    assert from_chinese("两") == 2 and from_chinese("〇") == 0
    assert from_chinese("") is None and from_chinese("甲") is None and from_chinese("一二") is None
    assert to_chinese(1000) == "1000"


def test_outline_markers():
    assert [outline_marker(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]

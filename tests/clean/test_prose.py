"""Body prose for joining hard-wrapped lines: where a line is cut mid-phrase."""
from __future__ import annotations

import pytest

from speechdoc.clean.prose import cut_mid_phrase


@pytest.mark.parametrize(("prev", "nxt"), [
    ("联系人：王永和", "联系电话：020-12345678"),  # a name ending in 和 is no phrase cut after 和
    ("联系人：陈于", "电话：12345678"),
    ("地址：和平路", "邮编：100000"),
])
def test_a_label_and_its_value_is_no_cut_phrase(prev, nxt):
    assert not cut_mid_phrase(prev, nxt)


@pytest.mark.parametrize(("prev", "nxt"), [
    ("经研究，今年全市全年投入资金", "1.5亿元，用于老旧小区改造。"),
    ("2023年，全市共发生生产安全事故", "3起，同比下降25%。"),  # 起: a measure word
    ("为此，各单位要加强对", "重点领域的监管。"),
])
def test_prose_cut_mid_phrase_goes_on(prev, nxt):
    assert cut_mid_phrase(prev, nxt)

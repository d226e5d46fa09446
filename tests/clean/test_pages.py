"""Page numbers in a PDF copy: dropped (reported), and the paragraph they cut joined across them."""
from __future__ import annotations

import pytest

from speechdoc.clean import clean

HEAD = ["关于做好防汛工作的通知", "各乡镇人民政府、县直各单位："]
BEFORE = "\u3000\u3000当前已进入主汛期，为切实做好今年防汛工作，确保人民群众生"
AFTER = "命财产安全，现将有关事项通知如下。"
JOINED = "当前已进入主汛期，为切实做好今年防汛工作，确保人民群众生命财产安全，现将有关事项通知如下。"
NEXT = ["\u3000\u3000一、提高思想认识", "\u3000\u3000各地各单位要充分认识防汛工作的重要性。"]


@pytest.mark.parametrize("page", ["3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 8 页", "第3页，共8页", "共8页 第3页",
                                  "Page 3 of 8", "3/8", "·3·"])
def test_a_page_number_inside_a_paragraph_is_dropped_and_the_paragraph_joined(page):
    cleaned = clean(HEAD + [BEFORE, page, AFTER] + NEXT)
    assert [t for _, t in cleaned.lines] == HEAD + [JOINED, "一、提高思想认识", "各地各单位要充分认识防汛工作的重要性。"]
    assert [(d.line, d.text, d.reason) for d in cleaned.dropped] == [(4, page, "page number")]
    assert [(e.line, e.rule) for e in cleaned.edits] == [(3, "join-wrapped-line")]


def test_blank_lines_around_the_page_number_do_not_part_the_paragraph():
    cleaned = clean(HEAD + [BEFORE, "", "", "3", "", AFTER] + NEXT)
    assert [t for _, t in cleaned.lines][2] == JOINED


def test_a_page_number_between_two_paragraphs_is_dropped_without_joining_them():
    cleaned = clean(HEAD + [AFTER, "- 3 -", "\u3000\u3000二、强化值班值守"])
    assert [t for _, t in cleaned.lines][2:] == [AFTER, "二、强化值班值守"]
    assert [d.text for d in cleaned.dropped] == ["- 3 -"]


def test_an_indented_line_after_the_page_number_starts_a_new_paragraph_in_a_pdf_copy():
    lines = HEAD + [BEFORE, AFTER, BEFORE, "- 3 -", "\u3000\u3000汛期实行24小时值班和领导带班制度，值班人员要坚守岗位。"]
    texts = [t for _, t in clean(lines).lines]
    assert texts[-1] == "汛期实行24小时值班和领导带班制度，值班人员要坚守岗位。"


def test_lone_numbers_counting_up_a_page_apart_are_page_numbers_wherever_they_fall():
    page = [f"第{n}段工作已经完成。" for n in range(1, 10)]
    lines = ["关于工作进展的报告"] + page + ["2"] + page + ["3"] + page
    cleaned = clean(lines)
    assert [(d.line, d.text) for d in cleaned.dropped] == [(11, "2"), (21, "3")]
    assert len(cleaned.lines) == 1 + 3 * len(page)


def test_lone_numbers_that_are_content_are_kept():
    lines = ["2023年度各区重点项目情况", "城东区", "3", "城西区", "5",  # a flattened table
             "年度排名", "1", "2", "3",  # a list of figures: counting up, but not a page apart
             "本次共评选出优秀单位", "3", "个，比上年增加1个。",  # a short line before the number
             BEFORE, "3", "一、提高思想认识"]  # the next line starts a heading
    cleaned = clean(lines)
    assert cleaned.dropped == ()
    assert [t for _, t in cleaned.lines].count("3") == 4


def test_a_lone_number_after_a_short_line_or_before_its_unit_is_a_figure():
    lines = ["其中，", "3", "个项目已经完工。",
             "今年以来，全市各级各部门认真贯彻落实决策部署，新建中小学校", "3", "所，新增学位5000个。"]
    cleaned = clean(lines)
    assert cleaned.dropped == ()


def test_lone_numbers_of_a_list_do_not_make_a_page_series():
    lines = ["关于工作进展的报告"] + ["2", "3"] * 20
    assert clean(lines).dropped == ()

from __future__ import annotations

from speechdoc.parse import parse_lines


def _warnings(*texts: str) -> list[tuple[int, str]]:
    _, warnings = parse_lines(list(enumerate(texts, 1)))
    return [(w.line, w.message) for w in warnings if w.code == "numbering"]


def test_clean_numbering_gives_no_warning():
    assert _warnings("一、甲", "（一）乙", "1.丙", "（1）丁", "（2）戊", "2.己", "（二）庚", "二、辛") == []


def test_two_levels_one_then_arabic_is_allowed():
    assert _warnings("一、甲", "1.乙", "2.丙", "二、丁", "1.戊") == []


def test_continuous_numbering_across_parents_and_restarts_are_allowed():
    assert _warnings("（一）甲", "1.a", "2.b", "（二）乙", "3.c", "4.d", "（三）丙", "1.e") == []


def test_gap_duplicate_out_of_order():
    assert _warnings("一、甲", "三、乙", "三、丙", "二、丁") == [
        (2, "numbering gap before 三、 (missing 二、)"), (3, "duplicate number 三、"), (4, "number 二、 out of order (after 3)")]


def test_level_skipped_and_mixed_styles():
    assert _warnings("（一）甲", "（1）乙", "1.丙", "2、丁") == [
        (2, "heading level skipped: （1） (level 4) follows a level-2 heading"),
        (4, "mixed marker styles at level 3: 2、 after 1.")]


def test_speech_leads_restart_under_each_heading_and_gaps_warn():
    assert _warnings("一、甲", "第一，要。正文", "第二，要。正文", "二、乙", "第一，要。正文", "第三，要。正文") == [
        (6, "numbering gap before 第三， (missing 第二，)")]


def test_attachment_items_are_checked():
    assert _warnings("正文。", "附件：1.甲", "2.乙", "4.丙") == [(4, "numbering gap before 4. (missing 3.)")]


def test_an_attachment_page_numbers_on_its_own():
    assert _warnings("一、甲", "二、乙", "附件", "附件标题", "一、丙", "二、丁") == []


def test_a_lead_series_may_start_again_in_another_paragraph():
    from speechdoc.api import parse_text

    doc = parse_text("同志们：\n一是产业结构不优。二是创新能力不强。\n我们要加把劲。\n一是要加快转型。二是要深化改革。\n")
    assert not [w for w in doc.warnings if w.code == "numbering"]

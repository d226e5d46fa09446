from __future__ import annotations

from speechdoc.clean import clean


def test_indentation_and_padding_stripped_silently():
    cleaned = clean(["\u3000\u3000正文。\u00a0\u00a0 ", "    \t二、标题"])
    assert [t for _, t in cleaned.lines] == ["正文。", "二、标题"] and cleaned.edits == ()


def test_zero_width_spaces_removed_and_recorded():
    cleaned = clean(["正\u200b文\ufeff。"], normalize=False)
    assert cleaned.lines == ((1, "正文。"),)
    assert [(e.column, e.rule) for e in cleaned.edits] == [(2, "zero-width"), (4, "zero-width")]


def test_inner_spaces():
    cleaned = clean(["中 国　人\u00a0民 GB/T  9704-2012 Word\u3000文档 张三\u3000\u3000\u3000电话\t号码"])
    assert cleaned.lines == ((1, "中国　人民 GB/T 9704-2012 Word 文档张三　电话　号码"),)
    rules = [e.rule for e in cleaned.edits]
    assert rules.count("space-between-hanzi") == 3 and rules.count("whitespace") == 4


def test_no_normalize_keeps_inner_spaces():
    assert clean(["中 国"], normalize=False).lines == ((1, "中 国"),)


def test_spaces_between_the_phrases_of_a_speech_title_are_kept_as_full_width_spaces():
    from speechdoc.clean import clean

    cleaned = clean(["坚定信心 真抓实干 奋力谱写高质量发展新篇章", "中 国 人 民", "我们要 加强领导，落实 责任。"])
    assert [t for _, t in cleaned.lines] == ["坚定信心\u3000真抓实干\u3000奋力谱写高质量发展新篇章", "中国人民",
                                             "我们要加强领导，落实责任。"]


def test_the_blanks_of_a_form_keep_their_width_as_full_width_spaces():
    cases = {
        "单位名称：        填报人：        联系电话：": "单位名称：\u3000\u3000\u3000\u3000填报人：\u3000\u3000\u3000\u3000联系电话：",
        "单位名称：________  填报人：________": "单位名称：________\u3000填报人：________",
        "填报日期：    年  月  日": "填报日期：\u3000\u3000年\u3000月\u3000日",
        "申请人（签字）：     日期：": "申请人（签字）：\u3000\u3000\u3000日期：",  # an odd width rounds up
        "单位名称：        （盖章）": "单位名称：\u3000\u3000\u3000\u3000（盖章）",
        "姓名：\u3000\u3000\u3000性别：": "姓名：\u3000\u3000\u3000性别：",  # already U+3000: no edit
    }
    for source, expected in cases.items():
        cleaned = clean([source])
        assert cleaned.lines == ((1, expected),), source
        assert {e.rule for e in cleaned.edits} <= {"form-blank"}, source
    edits = clean(["单位名称：        填报人："]).edits
    assert [(e.column, e.before, e.after) for e in edits] == [(6, " " * 8, "\u3000" * 4)]


def test_spaces_after_a_colon_before_a_value_are_not_a_blank():
    assert clean(["时间：  2024年3月5日"]).lines == ((1, "时间：2024年3月5日"),)
    assert clean(["主持人：  张三"]).lines == ((1, "主持人：张三"),)
    assert clean(["时间：  2024年3月1日上午9:00"]).lines == ((1, "时间：2024年3月1日上午9:00"),)  # a clock time
    assert clean(["会议定于2024年  3月  5日召开。"]).lines == ((1, "会议定于2024年3月5日召开。"),)
    assert clean(["联系人：张三  电话：12345678"]).lines == ((1, "联系人：张三\u3000电话：12345678"),)

from __future__ import annotations

from speechdoc.clean import clean
from speechdoc.clean.wrap import wrap_width

from ..conftest import FIXTURES


def test_hard_wrapped_fixture_is_joined_with_recorded_edits():
    lines = (FIXTURES / "text" / "documents" / "hard-wrapped.txt").read_text(encoding="utf-8").splitlines()
    cleaned = clean(lines)
    texts = dict(cleaned.lines)
    assert texts[4] == "为进一步转变工作作风，提高工作效率，经局党组研究，现就加强机关作风建设提出如下意见。"
    assert texts[7].endswith("，做到学以致用、用以促学。") and 8 not in texts and 9 not in texts
    joins = [e for e in cleaned.edits if e.rule == "join-wrapped-line"]
    assert [(e.line, e.before, e.after) for e in joins][:2] == [(4, "\n", ""), (7, "\n", "")]
    assert joins[0].column == len(lines[3]) + 1


def test_one_paragraph_per_line_is_not_joined():
    lines = ["这是一个完整的段落。" * n for n in (3, 7, 2, 9, 4, 5)] + ["没有句号结尾的一行" * 3, "下一段。"]
    assert wrap_width(lines) is None
    assert [t for _, t in clean(lines).lines] == lines


def test_headings_and_markers_are_never_joined_into_paragraphs():
    lines = ["一、总体要求", "（一）指导思想", "1.基本原则", "第一，要提高认识"]
    assert [t for _, t in clean(lines).lines] == lines


def test_a_line_ending_in_a_comma_continues():
    cleaned = clean(["各区人民政府，市政府各部门，", "各直属机构："])
    assert cleaned.lines == ((1, "各区人民政府，市政府各部门，各直属机构："),)


def test_latin_words_joined_with_a_space():
    cleaned = clean(["The quick brown fox,", "jumps over"])
    assert cleaned.lines == ((1, "The quick brown fox, jumps over"),)


def test_blank_runs_collapse():
    cleaned = clean(["", "甲。", "", "", "", "乙。", ""])
    assert cleaned.lines == ((2, "甲。"), (3, ""), (6, "乙。"))


def test_uniform_indentation_does_not_stop_joining():
    lines = (FIXTURES / "text" / "documents" / "hard-wrapped.txt").read_text(encoding="utf-8").splitlines()
    plain = clean(lines).lines
    assert clean(["\u3000\u3000" + line if line else line for line in lines]).lines == plain


def test_an_indented_line_starts_a_paragraph_when_only_first_lines_are_indented():
    lines = ["\u3000\u3000第一段第一行很长很长很长很长很长很长很长很长很", "长很长的内容写完了", "\u3000\u3000第二段很长很长很长很长很长很长很长很长很长",
             "很长的内容", "\u3000\u3000第三段很长很长很长很长很长很长很长很长很长很", "长的内容", "\u3000\u3000第四段很长很长很长很长很长很长很长很长很长很", "长"]
    assert [n for n, _ in clean(lines).lines] == [1, 3, 5, 7]


def test_a_line_ending_inside_a_book_title_or_brackets_continues():
    from speechdoc.clean import clean

    cleaned = clean(["根据《中华人民共和国城乡规划法》和《××省城乡", "规划条例》，结合我区实际，开展活动。",
                     "完成改造项目（含老旧", "小区改造）36个。", "一、总体要求"])
    assert [t for _, t in cleaned.lines] == ["根据《中华人民共和国城乡规划法》和《××省城乡规划条例》，结合我区实际，开展活动。",
                                             "完成改造项目（含老旧小区改造）36个。", "一、总体要求"]


def _texts(lines):
    return [t for _, t in clean(lines).lines]


def test_prose_cut_before_a_number_going_on_is_joined_whatever_the_widths():
    assert _texts(["为切实保障和改善民生，今年全市全年投入资金", "1.5亿元，用于老旧小区改造。"]) == [
        "为切实保障和改善民生，今年全市全年投入资金1.5亿元，用于老旧小区改造。"]
    assert _texts(["全年地区生产总值增长了，其中工业增长了15", "%，服务业增长8%。"]) == [
        "全年地区生产总值增长了，其中工业增长了15%，服务业增长8%。"]


def test_prose_cut_after_a_word_that_needs_more_or_before_a_lowercase_word_is_joined():
    assert _texts(["各区要切实履行属地管理责任，加强对", "改造项目的质量监管。"]) == [
        "各区要切实履行属地管理责任，加强对改造项目的质量监管。"]
    assert _texts(["方案已在网上公示，请登录", "www.example.gov.cn查询。"]) == ["方案已在网上公示，请登录www.example.gov.cn查询。"]


def test_lines_that_only_look_cut_are_not_joined():
    kept = [["关于进一步加强和", "改进老旧小区改造工作的通知"],  # a title: no prose marks
            ["联系人：周花，许丽", "电话：84112344"],  # contact lines
            ["经研究，今年计划投入资金", "2024年，全市新开工项目30个。"],  # a year starts a sentence
            ["1.完成老旧小区改造", "30个小区全部开工。"],  # a list item
            ["一、加强组织领导，落实工作责任", "各区要成立工作专班。"],  # a heading
            ["全市共有老旧小区，总数为120", "二、改造范围"]]  # the next line starts a heading
    for lines in kept:
        assert _texts(lines) == lines, lines


PDF_COPY = ["\u3000\u3000为切实保障和改善民生，经市政府研究决定，今年全市全年投入专项资金",  # no mark at the end
            "改造老旧小区、背街小巷和城中村，确保资金及时拨付到位、项目按时开工。",  # a sentence ends at the edge
            "各区要抓紧制定具体实施方案，于每月5日前报送项目进展情况。",
            "\u3000\u3000各区要切实履行属地管理责任，加强项目质量安全监管，严格执行",
            "工程建设标准，确保改造工程经得起历史和群众的检验。",
            "\u3000\u3000以上意见，请结合实际认真贯彻执行，务求实效",
            "市人民政府办公室"]


def test_in_a_pdf_copy_an_unindented_line_of_text_goes_on_with_the_full_line_above_it():
    assert _texts(PDF_COPY) == [
        "为切实保障和改善民生，经市政府研究决定，今年全市全年投入专项资金改造老旧小区、背街小巷和城中村，确保资金及时拨付"
        "到位、项目按时开工。各区要抓紧制定具体实施方案，于每月5日前报送项目进展情况。",
        "各区要切实履行属地管理责任，加强项目质量安全监管，严格执行工程建设标准，确保改造工程经得起历史和群众的检验。",
        "以上意见，请结合实际认真贯彻执行，务求实效", "市人民政府办公室"]


def test_a_text_with_an_indented_line_or_two_is_no_pdf_copy():
    lines = ["关于2023年度工作情况的报告", "\u3000\u3000现将我局2023年度工作情况报告如下。", "一是发展不平衡。城乡差距仍然较大。",
             "二是创新能力不强。"]
    assert _texts(lines) == ["关于2023年度工作情况的报告", "现将我局2023年度工作情况报告如下。", "一是发展不平衡。城乡差距仍然较大。",
                             "二是创新能力不强。"]


def test_in_a_pdf_copy_a_full_numbered_heading_goes_on_in_an_unindented_line():
    lines = PDF_COPY[:5] + ["\u3000\u300031.医疗服务收入（不含药品、耗材、检查检验收入）占医疗", "收入比例▲",
                            "\u3000\u3000定量"]
    assert _texts(lines)[-2:] == ["31.医疗服务收入（不含药品、耗材、检查检验收入）占医疗收入比例▲", "定量"]


def test_one_paragraph_a_line_indented_or_not_as_it_came_is_no_pdf_copy():
    """A web or Word copy: each line a whole paragraph ending its sentence; only some kept their indent."""
    lines = ["\u3000\u3000入汛以来，我区降雨偏多，部分河道水位持续上涨，防汛形势十分严峻，各单位务必高度重视。",
             "要加强汛期值班值守，严格执行24小时值班和领导带班制度，确保信息畅通、指挥有力、处置及时。",
             "\u3000\u3000各镇要严格落实以行政首长负责制为核心的防汛责任制，层层压实责任，确保措施落实到位。",
             "对一时难以整改到位的隐患，要制定应急预案，落实监测预警和安全防范措施，确保安全度汛。",
             "\u3000\u3000各单位要加强宣传教育，提高群众防灾避险意识和自救互救能力，营造全社会共同防汛的氛围。",
             "要组织开展应急演练，检验预案的针对性和可操作性，全面提升基层应急处置能力和水平。"]
    assert _texts(lines) == [line.strip("\u3000") for line in lines]

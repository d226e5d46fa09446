from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from speechdoc.readers.front_matter import chinese_date
from speechdoc.readers.markdown import markdown_document, read_markdown
from tests.conftest import FIXTURES

INPUTS = FIXTURES / "inputs"
HANZI = re.compile(r"[\u4e00-\u9fff]")


def texts(doc):
    return [line.text for line in doc.lines if line.text.strip()]


def kinds(doc):
    return [(line.text, line.hint.kind, line.hint.level) for line in doc.lines if line.hint]


def test_speech_reads_as_the_equivalent_clean_text():
    doc = read_markdown(INPUTS / "speech.md")
    expected = [line for line in (INPUTS / "speech.txt").read_text("utf-8").splitlines() if line.strip()]
    assert texts(doc) == expected
    assert doc.format == "markdown"
    assert doc.meta.title == "在全市教育系统安全工作会议上的讲话"
    assert doc.meta.author == "市教育局办公室"


def test_front_matter_and_headings_become_hints():
    doc = read_markdown(INPUTS / "speech.md")
    assert kinds(doc) == [
        ("在全市教育系统安全工作会议上的讲话", "title", None),
        ("张　明", "speaker", None),
        ("（2024年3月5日）", "date_line", None),
        ("同志们：", "salutation", None),
        ("一、充分认识做好安全工作的重要性", "heading", 1),
        ("（一）成绩值得肯定", "heading", 2),
        ("（二）问题不容忽视", "heading", 2),
        ("二、扎实抓好今年重点工作", "heading", 1),
    ]


def test_line_origins_point_into_the_markdown_file():
    doc = read_markdown(INPUTS / "speech.md")
    source = (INPUTS / "speech.md").read_text("utf-8").splitlines()
    by_text = {line.text: line.origin for line in doc.lines}
    assert source[by_text["张　明"] - 1] == "speaker: 张　明"
    assert source[by_text["一、充分认识做好安全工作的重要性"] - 1] == "## 充分认识做好安全工作的重要性"
    assert source[by_text["第一，思想认识还不到位。一些学校存在麻痹思想。"] - 1].startswith("第一，")


def test_every_hanzi_of_the_body_survives():
    source = (INPUTS / "speech.md").read_text("utf-8")
    doc = read_markdown(INPUTS / "speech.md")
    out = Counter(HANZI.findall("".join(texts(doc)) + doc.meta.author))
    for char, count in Counter(HANZI.findall(source)).items():
        assert out[char] >= count, char


def test_numbered_headings_keep_their_numbers_and_decide_the_level():
    doc = markdown_document("# 标题\n\n## （一）工作目标\n\n## 1.具体措施\n\n#### 二、总体要求\n\n## 没有编号\n")
    assert kinds(doc) == [
        ("标题", "title", None),
        ("（一）工作目标", "heading", 2),
        ("1.具体措施", "heading", 3),
        ("二、总体要求", "heading", 1),
        ("三、没有编号", "heading", 1),  # counting goes on from the written 二、
    ]


def test_generated_numbers_count_per_level_and_restart_below():
    md = "## 甲\n### 子\n#### 细\n##### 末\n##### 末\n### 丑\n## 乙\n### 寅\n"
    assert texts(markdown_document(md)) == [
        "一、甲", "（一）子", "1.细", "（1）末", "（2）末", "（二）丑", "二、乙", "（一）寅"]


def test_too_deep_heading_is_level_four_with_a_warning():
    doc = markdown_document("###### 太深\n")
    assert kinds(doc) == [("（1）太深", "heading", 4)]
    assert any("deeper than the four" in w.message for w in doc.warnings)


def test_emphasis_and_links_become_plain_text_with_warnings():
    doc = markdown_document("要**高度重视**，见[通知](http://example.invalid/a)和<http://example.invalid/b>。\n")
    assert texts(doc) == ["要高度重视，见通知和http://example.invalid/b。"]
    codes = sorted(w.code for w in doc.warnings)
    assert codes == ["markdown-emphasis", "markdown-link"]
    link = next(w for w in doc.warnings if w.code == "markdown-link")
    assert "http://example.invalid/a" in link.message and link.line == 1


def test_images_are_reported_not_carried():
    doc = markdown_document("正文。![校园](campus.png)\n")
    assert texts(doc) == ["正文。"]
    assert [w.code for w in doc.warnings] == ["markdown-image"]


def test_soft_breaks_join_hanzi_without_space_and_latin_with_one():
    doc = markdown_document("第一行中文\n第二行中文\nGB/T\n9704 标准\n")
    assert texts(doc) == ["第一行中文第二行中文GB/T 9704 标准"]


def test_a_signature_over_its_date_keeps_its_soft_line_breaks():
    doc = markdown_document("××市防汛抗旱指挥部\n2024年5月1日\n")
    assert texts(doc) == ["××市防汛抗旱指挥部", "2024年5月1日"]
    assert [line.origin for line in doc.lines] == [1, 2]
    doc = markdown_document("××市教育局\n××市财政局\n2024年5月1日\n")
    assert texts(doc) == ["××市教育局", "××市财政局", "2024年5月1日"]
    from tests.readers.models import parse_text_model
    model = parse_text_model(markdown_document("# 关于做好防汛工作的通知\n\n各单位：\n\n请做好防汛工作。\n\n"
                                               "××市防汛抗旱指挥部\n2024年5月1日\n"))
    assert [(b.kind, b.text) for b in model.blocks][-2:] == [("signature", "××市防汛抗旱指挥部"), ("date", "2024年5月1日")]


def test_soft_breaks_before_a_date_inside_a_sentence_still_join():
    for md, joined in (("会议定于\n2024年5月1日召开。\n", "会议定于2024年5月1日召开。"),
                       ("时间：\n2024年5月1日\n", "时间：2024年5月1日"),
                       ("会议定于\n2024年5月1日\n", "会议定于2024年5月1日"),
                       ("请各单位于\n2024年5月1日\n前报送。\n", "请各单位于2024年5月1日前报送。")):
        assert texts(markdown_document(md)) == [joined]


def test_attachment_items_soft_broken_one_to_a_line_stay_items():
    """``2.`` cannot start a Markdown list inside a paragraph, so the items arrive soft-broken."""
    assert texts(markdown_document("附件：1. 报名表\n2. 分组名单\n")) == ["附件：1. 报名表", "2. 分组名单"]
    from tests.readers.models import parse_text_model
    model = parse_text_model(markdown_document("# 关于报名的通知\n\n各单位：\n\n请按要求报名。\n\n"
                                               "附件：1. 报名表\n2. 分组名单\n"))
    assert [b.items for b in model.blocks if b.kind == "attachments"] == [("报名表", "分组名单")]
    assert texts(markdown_document("附件：关于开展工作的\n实施方案\n")) == ["附件：关于开展工作的实施方案"]  # a wrapped name


def test_hard_breaks_and_br_split_lines():
    doc = markdown_document("××市教育局  \n2024年3月5日<br>（此件公开发布）\n")
    assert texts(doc) == ["××市教育局", "2024年3月5日", "（此件公开发布）"]
    assert [line.origin for line in doc.lines] == [1, 2, 3]


def test_ordered_lists_keep_numbers_bullets_do_not():
    doc = markdown_document("3. 第三项\n4. 第四项\n\n- 一是加强领导\n- 二是强化保障\n")
    assert texts(doc) == ["3.第三项", "4.第四项", "一是加强领导", "二是强化保障"]


def test_tables_become_table_hints():
    doc = markdown_document("| 项目 | 时间 |\n|---|---|\n| 报名 | 3月5日 |\n| 考试 | **4月1日** |\n")
    (line,) = doc.lines
    assert line.hint.kind == "table"
    assert line.hint.rows == (("项目", "时间"), ("报名", "3月5日"), ("考试", "4月1日"))


def test_issuer_puts_attachments_signature_and_date_after_the_body():
    md = ("---\ntitle: 关于开展检查的通知\nsalutation: 各区教育局\nissuer: ××市教育局\ndate: 2024/2/1\n"
          "attachments:\n  - 检查表\n  - 整改台账\n---\n正文。\n\n附件1\n\n# 检查表\n\n内容。\n")
    doc = markdown_document(md)
    assert texts(doc) == ["关于开展检查的通知", "各区教育局：", "正文。", "附件：1.检查表", "2.整改台账",
                          "××市教育局", "2024年2月1日", "附件1", "检查表", "内容。"]
    assert kinds(doc) == [("关于开展检查的通知", "title", None), ("各区教育局：", "salutation", None),
                          ("××市教育局", "signature", None), ("2024年2月1日", "date", None),
                          ("检查表", "attachment_title", None)]


def test_a_single_attachment_has_no_number_and_subtitle_gets_its_dash():
    doc = markdown_document("---\nsubtitle: 在年度总结会上的讲话\nattachments: 会议日程\n---\n正文。\n")
    assert texts(doc) == ["——在年度总结会上的讲话", "正文。", "附件：会议日程"]


def test_a_body_title_is_the_title_and_front_matter_title_names_the_file():
    doc = markdown_document("---\ntitle: 前置标题\n---\n# 正文标题\n\n正文。\n")
    assert texts(doc) == ["正文标题", "正文。"]
    assert kinds(doc) == [("正文标题", "title", None)]
    assert doc.meta.title == "前置标题"


def test_broken_front_matter_is_kept_as_text_with_a_warning():
    md = "---\ntitle: [未闭合\n---\n正文。\n"
    doc = markdown_document(md)
    assert any(w.code == "front-matter" and "YAML" in w.message for w in doc.warnings)
    assert "未闭合" in "".join(texts(doc))


def test_unknown_and_unusable_fields_are_reported():
    doc = markdown_document("---\ntitle: 标题\ncolour: 红\nspeaker: {name: 张三}\n---\n正文。\n")
    messages = " ".join(w.message for w in doc.warnings)
    assert "'colour' is not used" in messages and "'speaker' should be text" in messages
    assert [w.line for w in doc.warnings] == [3, 4]


def test_chinese_date():
    assert chinese_date("2024-03-05") == "2024年3月5日"
    assert chinese_date("2024.3.5") == "2024年3月5日"
    assert chinese_date("二〇二四年三月五日") == "二〇二四年三月五日"


def test_code_blocks_keep_their_text_with_a_warning():
    doc = markdown_document("```\n第一行\n第二行\n```\n")
    assert texts(doc) == ["第一行", "第二行"]
    assert doc.warnings


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#-*_[]()!|`>:\n 　一二、（）1.。，附件标题")), max_size=200))
def test_never_raises_and_keeps_every_hanzi(text):
    doc = markdown_document(text)
    out = Counter(HANZI.findall("".join(line.text for line in doc.lines)))
    for char, count in Counter(HANZI.findall(text)).items():
        assert out[char] >= count


def test_speech_gives_the_same_model_as_the_clean_text():
    from tests.readers.models import content, parse

    rich, text = parse(INPUTS / "speech.md"), parse(INPUTS / "speech.txt")
    assert content(rich) == content(text)
    assert rich.source.format == "markdown"
    assert rich.blocks[5].line == 12  # lines point into the .md file (`## 充分认识…`)
    assert {w.code for w in rich.warnings} == {"markdown-emphasis", "markdown-link"}


def test_nested_ordered_lists_use_the_fourth_level_marker():
    doc = markdown_document("1. 第一项\n   1. 细项甲\n   2. 细项乙\n2. 第二项\n")
    assert texts(doc) == ["1.第一项", "（1）细项甲", "（2）细项乙", "2.第二项"]


def test_raw_html_blocks_keep_their_lines():
    doc = markdown_document('正文。\n\n<div align="right">××市教育局<br>2024年3月5日</div>\n')
    assert texts(doc) == ["正文。", "××市教育局", "2024年3月5日"]
    assert [w.line for w in doc.warnings] == [3]


def test_raw_html_tables_stay_tables():
    doc = markdown_document("<table><tr><td>项目</td><td>时间</td></tr><tr><td>报名</td><td>3月</td></tr></table>\n")
    assert doc.lines[0].hint.rows == (("项目", "时间"), ("报名", "3月"))


def test_chapter_headings_keep_their_own_numbers():
    doc = markdown_document("## 第一章 总则\n\n### 目的\n\n## 第二章 职责\n")
    assert kinds(doc) == [("第一章 总则", "heading", 1), ("（一）目的", "heading", 2), ("第二章 职责", "heading", 1)]


def test_a_title_given_as_lines_keeps_its_breaks():
    doc = markdown_document("---\ntitle:\n  - 国务院办公厅关于加强\n  - 三级公立医院绩效考核工作的意见\n---\n正文。\n")
    assert kinds(doc)[:2] == [("国务院办公厅关于加强", "title", None), ("三级公立医院绩效考核工作的意见", "title", None)]
    assert doc.meta.title == "国务院办公厅关于加强三级公立医院绩效考核工作的意见"
    from tests.readers.models import parse_text_model

    title = parse_text_model(doc).blocks[0]
    assert title.lines == ("国务院办公厅关于加强", "三级公立医院绩效考核工作的意见")


def test_a_line_shaped_like_a_link_definition_is_kept_as_text():
    from speechdoc.readers.markdown import markdown_document

    doc = markdown_document("# 标题\n\n[1]:一是加强领导\n")
    assert "一是加强领导" in "".join(doc.texts())


def test_list_numbers_written_differently_from_the_source_are_reported_as_edits():
    doc = markdown_document("1. 加强领导\n1. 完善机制\n\n2) 乙\n\n1. 外\n   1. 内\n")
    assert texts(doc) == ["1.加强领导", "2.完善机制", "2.乙", "1.外", "（1）内"]
    assert [(e.line, e.column, e.before, e.after, e.rule) for e in doc.edits] == [
        (2, 1, "1.", "2.", "list-number"), (4, 1, "2)", "2.", "list-number"), (7, 4, "1.", "（1）", "list-number")]


def test_list_numbers_written_as_typed_are_not_edits():
    doc = markdown_document("3. 第三项\n4. 第四项\n")
    assert doc.edits == ()


def test_the_front_matter_signature_goes_after_the_attachments_list_not_before_it():
    doc = markdown_document("---\nissuer: ××市教育局\ndate: 2024-03-05\n---\n# 关于开展检查的通知\n\n各单位：\n\n请做好检查。\n\n"
                            "附件：\n\n1. 检查表\n2. 汇总表\n")
    lines = texts(doc)
    assert lines.index("附件：") < lines.index("××市教育局")

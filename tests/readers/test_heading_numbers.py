"""Headings without a number: Word and Markdown write in the same numbers and report them as edits."""
from __future__ import annotations

from speechdoc.parse.hint import Hint
from speechdoc.readers.heading_numbers import number_headings
from speechdoc.readers.source import SourceLine
from tests.readers.docx_factory import docx_with_body
from tests.readers.models import content, parse
from tests.readers.test_docx import p


def heading(text: str, level: int, origin: int) -> SourceLine:
    return SourceLine(text, origin, Hint("heading", level=level))


def test_word_and_markdown_number_unnumbered_headings_alike(tmp_path):
    body = (p("关于开展检查的通知", "Title") + p("总体要求", "Heading1") + p("工作目标", "Heading2")
            + p("坚持安全第一，全面排查隐患。") + p("具体措施", "Heading3") + p("基本原则", "Heading2")
            + p("保障措施", "Heading1"))
    word = parse(docx_with_body(tmp_path / "t.docx", body))
    md_path = tmp_path / "t.md"
    md_path.write_text("# 关于开展检查的通知\n\n## 总体要求\n\n### 工作目标\n\n坚持安全第一，全面排查隐患。\n\n"
                       "#### 具体措施\n\n### 基本原则\n\n## 保障措施\n", "utf-8")
    markdown = parse(md_path)
    assert content(word) == content(markdown)
    assert [(b.kind, b.level, b.marker, b.text) for b in word.blocks if b.kind == "heading"] == [
        ("heading", 1, "一、", "一、总体要求"), ("heading", 2, "（一）", "（一）工作目标"),
        ("heading", 3, "1.", "1.具体措施"), ("heading", 2, "（二）", "（二）基本原则"),
        ("heading", 1, "二、", "二、保障措施")]


def test_every_written_in_number_is_reported_as_an_edit(tmp_path):
    word = parse(docx_with_body(tmp_path / "t.docx", p("通知", "Title") + p("总体要求", "Heading1")
                                + p("正文。") + p("工作目标", "Heading2")))
    assert [(e.line, e.column, e.before, e.after, e.rule) for e in word.edits] == [
        (2, 1, "", "一、", "heading-number"), (4, 1, "", "（一）", "heading-number")]
    md_path = tmp_path / "t.md"
    md_path.write_text("# 通知\n\n## 总体要求\n\n正文。\n\n###   工作目标\n", "utf-8")
    markdown = parse(md_path)
    # the column is where the heading's text starts in the Markdown line, after the #s
    assert [(e.line, e.column, e.before, e.after, e.rule) for e in markdown.edits] == [
        (3, 4, "", "一、", "heading-number"), (7, 7, "", "（一）", "heading-number")]


def test_numbered_headings_keep_their_number_and_are_not_reported(tmp_path):
    body = (p("通知", "Title") + p("二、总体要求", "Heading1") + p("（三）目标", "Heading1")
            + p("保障", "Heading2") + p("第一章　总则", "Heading1"))
    doc = parse(docx_with_body(tmp_path / "t.docx", body))
    assert [b.text for b in doc.blocks if b.kind == "heading"] == [
        "二、总体要求", "（三）目标", "（四）保障", "第一章　总则"]  # counting goes on from a written number
    assert [e.after for e in doc.edits] == ["（四）"]


def test_an_attachment_page_counts_on_its_own_and_its_label_and_title_are_not_numbered():
    lines = [heading("总体要求", 1, 1), heading("工作目标", 2, 2), heading("附件", 1, 3),
             heading("填表说明", 1, 4), heading("填写要求", 1, 5), SourceLine("附件2", 6),
             heading("评分标准", 2, 7), heading("评分方法", 2, 8)]
    out, edits = number_headings(lines)
    assert [line.text for line in out] == ["一、总体要求", "（一）工作目标", "附件", "填表说明", "一、填写要求", "附件2",
                                           "评分标准", "（一）评分方法"]
    assert out[2].hint is None  # the label is left to the parser's attachment rules
    assert out[3].hint == Hint("attachment_title") and out[6].hint == Hint("attachment_title")
    assert [e.line for e in edits] == [1, 2, 5, 8]


def test_attachment_labels_as_the_parser_reads_them_are_never_numbered(tmp_path):
    md_path = tmp_path / "att.md"
    md_path.write_text("# 关于印发实施方案的通知\n\n各单位：\n\n现将方案印发给你们。\n\n## 工作目标\n\n正文。\n\n"
                       "## 附件一\n\n### 任务分工\n\n正文。\n\n## 附件2：\n\n正文。\n\n## 附　件\n\n正文。\n", "utf-8")
    doc = parse(md_path)
    assert [e.after for e in doc.edits if e.rule == "heading-number"] == ["一、"]
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["一、工作目标"]
    assert [(b.kind, b.text) for b in doc.blocks if b.kind.startswith("attachment_")] == [
        ("attachment_label", "附件一"), ("attachment_title", "任务分工"), ("attachment_label", "附件2："),
        ("attachment_label", "附\u3000件")]
    assert doc.warnings == ()


def test_headings_with_a_numbering_scheme_of_their_own_get_no_numbers(tmp_path):
    # Word multilevel decimal numbering (Heading 1-3 numbered %1. / %1.%2 / %1.%2.%3) as the reader writes it
    lines = [heading("1.总体要求", 1, 1), heading("1.1 指导思想", 2, 2), heading("1.2 基本原则", 2, 3),
             heading("2.重点任务", 1, 4), heading("2.1.1 数据底座", 3, 5), heading("保障措施", 1, 6)]
    out, edits = number_headings(lines)
    assert [line.text for line in out] == [line.text for line in lines] and edits == []
    md_path = tmp_path / "doc.md"
    md_path.write_text("# ××市智慧城市建设实施方案\n\n## 1 总体要求\n\n正文。\n\n### 1.1 指导思想\n\n"
                       "#### 1.2.1 坚持统筹\n\n## “十四五”规划回顾\n", "utf-8")
    doc = parse(md_path)
    assert [b.text for b in doc.blocks if b.kind == "heading"] == [
        "1 总体要求", "1.1 指导思想", "1.2.1 坚持统筹", "“十四五”规划回顾"]
    assert not [e for e in doc.edits if e.rule == "heading-number"]


def test_no_number_before_any_number_like_mark():
    texts = ["1.1 指导思想", "1 总体要求", "1.5亿元投资项目进展", "Ⅰ. 基本情况", "II. 概况", "A. 附加说明", "b) 其他",
             "⑴目标", "⒈目标", "第1部分　总体情况", "第三条　适用范围"]
    for text in texts:
        out, edits = number_headings([heading(text, 1, 1)])
        assert out[0].text == text and edits == [], text


def test_ordinary_headings_starting_with_digits_or_numerals_are_numbered():
    texts = ["12345热线办理情况", "3月份工作安排", "一季度经济运行分析", "5G网络建设", "Part A 概况"]
    out, edits = number_headings([heading(text, 1, n) for n, text in enumerate(texts, 1)])
    assert [line.text for line in out] == [f"{m}{t}" for m, t in zip(["一、", "二、", "三、", "四、", "五、"], texts)]


def test_heading_styled_address_signature_date_and_speaker_are_not_numbered(tmp_path):
    body = (p("关于表彰先进集体的决定", "Title") + p("各区县人民政府，市政府各部门：", "Heading2")
            + p("2023年，全市各级各部门认真贯彻落实市委、市政府决策部署。") + p("表彰对象", "Heading2")
            + p("正文。") + p("××市人民政府", "Heading3") + p("2024年1月5日", "Heading3")
            + p("附件1", "Heading1") + p("先进集体名单", "Heading2") + p("市财政局、市教育局"))
    doc = parse(docx_with_body(tmp_path / "t.docx", body))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("title", "关于表彰先进集体的决定"), ("salutation", "各区县人民政府，市政府各部门："),
        ("paragraph", "2023年，全市各级各部门认真贯彻落实市委、市政府决策部署。"), ("heading", "（一）表彰对象"),
        ("paragraph", "正文。"), ("signature", "××市人民政府"), ("date", "2024年1月5日"),
        ("attachment_label", "附件1"), ("attachment_title", "先进集体名单"), ("paragraph", "市财政局、市教育局")]
    speech = (p("在全市经济工作会议上的讲话", "Title") + p("（2024年1月10日）", "Heading2")
              + p("市委书记　李　四", "Heading3") + p("同志们：") + p("经济工作回顾", "Heading1") + p("过去一年……"))
    doc = parse(docx_with_body(tmp_path / "s.docx", speech))
    assert [(b.kind, b.text) for b in doc.blocks][1:5] == [
        ("date_line", "（2024年1月10日）"), ("speaker", "市委书记　李　四"), ("salutation", "同志们："),
        ("heading", "一、经济工作回顾")]


def test_a_name_like_heading_away_from_any_date_is_numbered():
    # 工作目标 has a speaker's shape (two to four hanzi) and a 署名's, but no date stands by it
    out, _ = number_headings([heading("工作目标", 1, 1), SourceLine("正文。", 2), heading("市政协委员履职情况", 1, 3)])
    assert [line.text for line in out] == ["一、工作目标", "正文。", "二、市政协委员履职情况"]


def test_the_number_goes_after_indentation():
    (line,), (edit,) = number_headings([heading("\u3000\u3000总体要求", 1, 9)])
    assert line.text == "\u3000\u3000一、总体要求"
    assert (edit.line, edit.column) == (9, 3)


def test_lines_that_are_not_hinted_headings_are_never_numbered():
    lines = [SourceLine("总体要求", 1), SourceLine("关于开展检查的通知", 2, Hint("title")),
             SourceLine("为做好工作，现通知如下。", 3, Hint("paragraph"))]
    out, edits = number_headings(lines)
    assert out == lines and edits == []


def test_a_first_heading_named_like_a_document_is_the_title_not_heading_one(tmp_path):
    body = (p("关于做好安全生产工作的通知", "Heading1") + p("各单位：") + p("总体要求", "Heading1")
            + p("正文。") + p("主要任务", "Heading1"))
    doc = parse(docx_with_body(tmp_path / "t.docx", body))
    assert [(b.kind, b.level, b.text) for b in doc.blocks if b.kind in ("title", "heading")] == [
        ("title", None, "关于做好安全生产工作的通知"), ("heading", 1, "一、总体要求"), ("heading", 1, "二、主要任务")]


def test_a_first_heading_among_others_not_named_like_a_document_stays_a_heading(tmp_path):
    body = p("总体要求", "Heading1") + p("正文。") + p("主要任务", "Heading1")
    doc = parse(docx_with_body(tmp_path / "t.docx", body))
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["一、总体要求", "二、主要任务"]


def test_headings_numbered_in_a_sequence_of_their_own_get_no_outline_number():
    texts = ["第一章　总则", "第一，提高政治站位", "一是加强组织领导", "首先，统一思想", "第三条　适用范围", "①工作目标"]
    out, edits = number_headings([heading(text, 2, n) for n, text in enumerate(texts, 1)])
    assert [line.text for line in out] == texts and edits == []


MULTILEVEL = """
<w:abstractNum w:abstractNumId="8">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>
<w:num w:numId="8"><w:abstractNumId w:val="8"/></w:num>"""


def test_word_multilevel_decimal_headings_get_no_numbers_written_in(tmp_path):
    from tests.readers.docx_factory import docx_with_body as build

    body = (p("××市智慧城市建设实施方案", "Title") + p("总体要求", "Heading1", (8, 0)) + p("正文。")
            + p("指导思想", "Heading2", (8, 1)) + p("正文。") + p("重点任务", "Heading1", (8, 0))
            + p("数据底座", "Heading3", (8, 2)) + p("正文。") + p("应用场景", "Heading3", (8, 2)))
    doc = parse(build(tmp_path / "m.docx", body, numbering_xml=MULTILEVEL))
    texts = [" ".join(b.text.split()) for b in doc.blocks if b.kind == "heading"]
    assert texts == ["1.总体要求", "1.1 指导思想", "2.重点任务", "2.1.1 数据底座", "2.1.2 应用场景"]
    assert [e for e in doc.edits if e.rule == "heading-number"] == []


def test_a_heading_ending_in_a_colon_in_the_body_is_a_heading_not_the_address():
    lines = [SourceLine("关于做好防汛工作的通知", 1), heading("各区县人民政府：", 2, 2), SourceLine("请做好防汛工作。", 3),
             heading("工作目标", 1, 4), heading("主要任务：", 1, 5)]
    out, edits = number_headings(lines)
    assert [line.text for line in out] == ["关于做好防汛工作的通知", "各区县人民政府：", "请做好防汛工作。", "一、工作目标",
                                           "二、主要任务："]
    assert out[1].hint is None and out[4].hint is not None


def test_a_numbered_heading_right_under_an_attachment_label_is_a_heading_not_its_title():
    out, edits = number_headings([SourceLine("附件1", 1), heading("一、总体情况", 1, 2), heading("工作目标", 2, 3)])
    assert [line.text for line in out] == ["附件1", "一、总体情况", "（一）工作目标"]
    assert out[1].hint == Hint("heading", level=1)

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


def test_an_attachment_page_counts_on_its_own_and_its_label_is_not_numbered():
    lines = [heading("总体要求", 1, 1), heading("工作目标", 2, 2), heading("附件", 1, 3),
             heading("填表说明", 1, 4), SourceLine("附件2", 5), heading("评分标准", 2, 6)]
    out, edits = number_headings(lines)
    assert [line.text for line in out] == ["一、总体要求", "（一）工作目标", "附件", "一、填表说明", "附件2",
                                           "（一）评分标准"]
    assert out[2].hint is None  # the label is left to the parser's attachment rules
    assert [e.line for e in edits] == [1, 2, 4, 6]


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

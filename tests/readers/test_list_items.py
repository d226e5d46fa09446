"""Numbered lists in Word and Markdown drafts: the items of one list are classified alike, by the text
parser's rule for a numbered line that has siblings (``readers.list_items``)."""
from __future__ import annotations

from speechdoc.readers.list_items import items_alike
from speechdoc.readers.markdown import markdown_document
from speechdoc.readers.source import SourceLine
from tests.readers.docx_factory import draft_with_lists
from tests.readers.models import content, parse, parse_text_model

LONG_ITEMS = ["各单位要高度重视安全生产工作，切实落实主体责任，认真排查隐患；",
              "各单位要加强值班值守，确保信息畅通，遇有突发情况及时报告。",
              "各单位要做好宣传。"]


def shapes(doc):
    return [(b.kind, b.level, b.text) for b in doc.blocks]


def word_draft(tmp_path, items, style="List Number", outline=True):
    paragraphs = [("关于做好安全生产工作的通知", "Title"), ("各单位：", None)]
    paragraphs += [("一、工作要求", None)] if outline else []
    paragraphs += [(item, style) for item in items] + [("特此通知。", None)]
    return parse(draft_with_lists(tmp_path / "draft.docx", paragraphs))


def markdown_draft(tmp_path, items, outline=True):
    path = tmp_path / "draft.md"
    path.write_text("# 关于做好安全生产工作的通知\n\n各单位：\n\n" + ("## 一、工作要求\n\n" if outline else "")
                    + "".join(f"{n}. {item}\n" for n, item in enumerate(items, 1)) + "\n特此通知。\n", "utf-8")
    return parse(path)


# ---------------------------------------------------------------- Word


def test_a_word_list_of_sentences_is_body_text_with_its_numbers_kept(tmp_path):
    doc = word_draft(tmp_path, LONG_ITEMS)
    assert shapes(doc)[3:] == [("paragraph", None, f"{n}.{item}") for n, item in enumerate(LONG_ITEMS, 1)] + [
        ("paragraph", None, "特此通知。")]


def test_a_list_paragraph_numbered_directly_is_read_the_same_way(tmp_path):
    assert content(word_draft(tmp_path, LONG_ITEMS, style="List Paragraph")) == content(
        word_draft(tmp_path, LONG_ITEMS))


def test_short_heading_like_items_under_an_outline_stay_headings(tmp_path):
    items = ["加强组织领导", "完善工作机制", "强化督促检查"]
    doc = word_draft(tmp_path, items)
    assert shapes(doc)[3:6] == [("heading", 3, f"{n}.{item}") for n, item in enumerate(items, 1)]


def test_run_in_headings_of_list_items_are_kept(tmp_path):
    items = ["加强组织领导。各单位要成立工作专班，明确分管领导和具体责任人。", "完善工作机制。"]
    doc = word_draft(tmp_path, items)
    first, second = doc.blocks[3:5]
    assert (first.kind, first.lead.text, first.lead.level) == ("paragraph", "1.加强组织领导。", 3)
    assert (second.kind, second.text, second.lead) == ("paragraph", "2.完善工作机制。", None)


def test_word_and_markdown_lists_give_the_same_model(tmp_path):
    for items in (LONG_ITEMS, ["加强组织领导", "完善工作机制"], LONG_ITEMS[1:]):
        assert content(word_draft(tmp_path, items)) == content(markdown_draft(tmp_path, items)), items


def test_two_lists_in_a_row_are_classified_each_on_its_own(tmp_path):
    paragraphs = [("通知", "Title"), ("一、工作要求", None)] + [(t, "List Number") for t in LONG_ITEMS[:2]]
    paragraphs += [("加强组织领导", "List Paragraph"), ("完善工作机制", "List Paragraph")]
    doc = parse(draft_with_lists(tmp_path / "two.docx", paragraphs))
    assert [(b.kind, b.level) for b in doc.blocks[2:]] == [("paragraph", None)] * 2 + [("heading", 3)] * 2


# ---------------------------------------------------------------- Markdown


def test_markdown_list_items_are_classified_alike():
    doc = markdown_document("1. 各单位要高度重视安全生产工作，切实落实主体责任，认真排查隐患；\n"
                            "2. 各单位要做好宣传。\n")
    model = parse_text_model(doc)
    assert [(b.kind, b.text) for b in model.blocks] == [
        ("paragraph", "1.各单位要高度重视安全生产工作，切实落实主体责任，认真排查隐患；"),
        ("paragraph", "2.各单位要做好宣传。")]  # typed by hand, the second line alone would be a heading


def test_markdown_list_with_half_width_punctuation_is_judged_as_cleaned():
    doc = markdown_document("1. 各单位要加强值班值守, 确保信息畅通, 及时报告.\n2. 做好宣传.\n")
    assert [b.kind for b in parse_text_model(doc).blocks] == ["paragraph", "paragraph"]


def test_markdown_lists_of_short_items_stay_headings():
    doc = markdown_document("## 工作要求\n\n1. 加强组织领导\n2. 完善工作机制\n3. 强化督促检查。\n")
    assert [(b.kind, b.level) for b in parse_text_model(doc).blocks] == [("heading", 1)] + [("heading", 3)] * 3


def test_nested_markdown_lists_are_classified_each_on_its_own():
    md = ("1. 加强组织领导\n"
          "   1. 各单位要成立工作专班，明确分管领导和具体责任人，层层压实责任；\n"
          "   2. 做好宣传。\n"
          "2. 完善工作机制\n")
    blocks = parse_text_model(markdown_document(md)).blocks
    assert [(b.kind, b.level, b.text[:4]) for b in blocks] == [
        ("heading", 3, "1.加强"), ("paragraph", None, "（1）各"), ("paragraph", None, "（2）做"),
        ("heading", 3, "2.完善")]


def test_an_attachment_list_is_left_to_the_attachment_rules():
    doc = markdown_document("正文。\n\n附件：\n\n1. 关于做好安全生产工作的实施方案。\n2. 值班表\n")
    blocks = parse_text_model(doc).blocks
    assert blocks[-1].kind == "attachments" and blocks[-1].items == ("关于做好安全生产工作的实施方案。", "值班表")


# ---------------------------------------------------------------- the rule


def test_a_single_item_and_non_list_lines_are_left_to_the_parser():
    one = [SourceLine("1.各单位要做好宣传。", 1)]
    assert items_alike(one) == one
    plain = [SourceLine("为做好工作，现通知如下。", 1), SourceLine("各单位要做好宣传。", 2)]
    assert items_alike(plain) == plain  # no item would be a heading: nothing to hint


def test_a_list_of_body_text_draws_no_numbering_warning_whatever_the_order_of_its_items(tmp_path):
    items = [LONG_ITEMS[2], LONG_ITEMS[0], LONG_ITEMS[1]]  # the short sentence first
    for doc in (word_draft(tmp_path, items), markdown_draft(tmp_path, items)):
        assert [b.kind for b in doc.blocks[3:6]] == ["paragraph"] * 3
        assert [w.message for w in doc.warnings if w.code == "numbering"] == []


MIXED = ["加强组织领导。各单位要成立领导小组，主要负责同志亲自抓。", "强化隐患排查", "严格责任追究。对工作不力的，严肃追究责任。"]


def test_a_mixed_list_is_one_numbered_series_with_no_false_warning(tmp_path):
    # a heading phrase between two run-in headings: read as the text parser reads it, counted with them
    for doc in (word_draft(tmp_path, MIXED), markdown_draft(tmp_path, MIXED)):
        assert [w.message for w in doc.warnings if w.code == "numbering"] == []
        first, second, third = doc.blocks[3:6]
        assert (first.kind, first.lead.text) == ("paragraph", "1.加强组织领导。")
        assert (second.kind, second.level, second.text) == ("heading", 3, "2.强化隐患排查")
        assert (third.kind, third.lead.text) == ("paragraph", "3.严格责任追究。")


def test_a_mixed_list_reads_like_the_same_text_pasted():
    from speechdoc.api import parse_text

    text = "关于加强安全生产工作的通知\n\n各单位：\n\n" + "\n\n".join(f"{n}.{item}" for n, item in enumerate(MIXED, 1))
    md = "# 关于加强安全生产工作的通知\n\n各单位：\n\n" + "".join(f"{n}. {item}\n" for n, item in enumerate(MIXED, 1))
    drafted = markdown_document(md)
    assert [line for line in drafted.lines if line.hint is not None and line.hint.kind == "paragraph"] == []
    assert shapes(parse_text_model(drafted)) == [(kind, level, t) for kind, level, t in shapes(parse_text(text))]


def test_a_short_last_sentence_after_run_in_items_stays_a_list_item(tmp_path):
    items = [MIXED[0], "强化隐患排查。对重点部位逐一检查。", "做好宣传工作。"]
    doc = markdown_draft(tmp_path, items)
    assert [(b.kind, b.text) for b in doc.blocks[3:6]] == [("paragraph", f"{n}.{item}") for n, item in
                                                           enumerate(items, 1)]
    assert [w.message for w in doc.warnings if w.code == "numbering"] == []

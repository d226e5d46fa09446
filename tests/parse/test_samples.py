"""The five real samples (fixtures/text/samples, copied from the project's shared samples)."""
from __future__ import annotations

import re

import pytest

from speechdoc import api
from speechdoc.model import Document

from ..conftest import FIXTURES

SAMPLES = FIXTURES / "text" / "samples"


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {p.name[:2]: api.parse(p) for p in sorted(SAMPLES.glob("0*.txt"))}


def kinds(doc: Document, kind: str):
    return [b for b in doc.blocks if b.kind == kind]


# ---------------------------------------------------------------- 01 scraped speech: the acceptance


def test_01_title_and_salutation(docs):
    doc = docs["01"]
    assert [(b.kind, b.text) for b in doc.blocks[:2]] == [("title", "教育局两学一做专题教育动员会讲话稿"),
                                                          ("salutation", "同志们：")]
    assert len(kinds(doc, "title")) == 1


def test_01_three_level_one_headings_with_full_width_punctuation(docs):
    headings = kinds(docs["01"], "heading")
    assert [(h.level, h.marker) for h in headings] == [(1, "一、"), (1, "二、"), (1, "三、")]
    assert headings[0].text == "一、要深刻认识开展学习教育的重大意义，搞清楚“为什么开展学习教育”"
    assert all("," not in h.text for h in headings)


def test_01_nine_run_in_leads_under_their_headings(docs):
    groups, current = [], None
    for b in docs["01"].blocks:
        if b.kind == "heading":
            current = []
            groups.append(current)
        elif b.lead is not None:
            current.append(b.lead.marker)
    assert groups == [["第一，", "第二，"], ["第一，", "第二，", "第三，"], ["第一，", "第二，", "第三，", "第四，"]]
    first = next(b for b in docs["01"].blocks if b.lead)
    assert first.lead.text == "第一，是提高党员干部整体素质的迫切需要。" and first.lead.level == 2
    assert first.text.startswith(first.lead.text) and len(first.text) > len(first.lead.text)


def test_01_closing_paragraph_kept(docs):
    last = docs["01"].blocks[-1]
    assert last.kind == "paragraph" and last.text.startswith("同志们，搞好这次学习教育")
    assert last.text.endswith("提供坚强保障！")


def test_01_boilerplate_dropped_and_reported(docs):
    dropped = {d.line: d for d in docs["01"].dropped}
    assert dropped[1].reason == "breadcrumb"
    assert dropped[3].text == "2020年两学一做专题教育动员会讲话稿" and "headline" in dropped[3].reason
    assert dropped[5].text.startswith("更新:")
    assert {55, 57, 59, 63, 67, 71} <= set(dropped) and {61, 65, 69, 73} <= set(dropped)
    assert dropped[55].text == "相关文章" and dropped[57].text == "最新图文"
    texts = " ".join(b.text for b in docs["01"].blocks)
    assert "时间:" not in texts and "相关文章" not in texts and "高考升学网" not in texts


def test_01_no_half_width_comma_between_hanzi(docs):
    for b in docs["01"].blocks:
        assert not re.search(r"[\u4e00-\u9fff][,:;!?][\u4e00-\u9fff]", b.text), b.text[:40]
    assert len(docs["01"].edits) >= 200 and all(e.rule == "punctuation" for e in docs["01"].edits)


def test_01_matches_the_saved_model_fixture(docs):
    """The renderers' saved model (tests/fixtures/models) is what the parser gives, block for block."""
    from speechdoc.model import load

    saved = load((FIXTURES / "models" / "speech-scraped.json").read_text(encoding="utf-8"))
    assert docs["01"].blocks == saved.blocks


def test_01_keep_boilerplate(tmp_path):
    doc = api.parse(SAMPLES / "01-speech-scraped.txt", options=api.ReadOptions(keep_boilerplate=True))
    assert doc.dropped == ()
    assert any("相关文章" in b.text for b in doc.blocks)


def test_01_no_normalize(tmp_path):
    doc = api.parse(SAMPLES / "01-speech-scraped.txt", options=api.ReadOptions(normalize=False))
    assert doc.edits == ()
    assert kinds(doc, "salutation")[0].text == "同志们:"


# ---------------------------------------------------------------- 02 notice


def test_02_notice(docs):
    doc = docs["02"]
    assert [(b.kind, b.text) for b in doc.blocks[:3]] == [
        ("title", "教务部关于2019年本科专业培养方案答辩评审安排的通知"),
        ("doc_number", "教务〔2019〕100号"), ("salutation", "各学院、直属系：")]
    assert [(h.level, h.marker) for h in kinds(doc, "heading")][:4] == [(1, "一、"), (1, "二、"), (2, "（一）"),
                                                                       (2, "（二）")]
    leads = [b.lead.marker for b in doc.blocks if b.lead]
    assert leads == ["1.", "2.", "（一）", "（二）"]
    contact = [b.text for b in kinds(doc, "paragraph") if b.text.startswith(("联系人", "电话", "邮箱"))]
    assert len(contact) == 3
    (att,) = kinds(doc, "attachments")
    assert att.items == ("2019年本科专业培养方案答辩会安排", "本科专业培养方案论证报告参考提纲", "培养方案形式审核要点",
                         "院系答辩回执")
    assert [(b.kind, b.text) for b in doc.blocks[-2:]] == [("signature", "教务部"), ("date", "2019年5月8日")]
    assert doc.warnings == ()


# ---------------------------------------------------------------- 03 意见 with an attachment page


def test_03_head(docs):
    doc = docs["03"]
    title = doc.blocks[0]
    assert title.kind == "title" and title.text == "国务院办公厅关于加强三级公立医院绩效考核工作的意见"
    assert title.lines == ("国务院办公厅关于加强", "三级公立医院绩效考核工作的意见")
    assert [(b.kind, b.text) for b in doc.blocks[1:3]] == [
        ("doc_number", "国办发〔2019〕4号"), ("salutation", "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：")]


def test_03_run_in_and_alone_level_two(docs):
    doc = docs["03"]
    alone = [h.text for h in kinds(doc, "heading") if h.level == 2 and h.line < 44]
    assert alone == ["（一）指导思想。", "（二）基本原则。", "（三）工作目标。"]
    leads = [b.lead for b in doc.blocks if b.lead and b.line < 44]
    assert len(leads) == 16 and leads[0].text == "（一）医疗质量。" and leads[0].level == 2


def test_03_closing_and_attachment_page(docs):
    doc = docs["03"]
    kinds_in_order = [b.kind for b in doc.blocks]
    i = kinds_in_order.index("attachments")
    assert kinds_in_order[i:i + 6] == ["attachments", "signature", "date", "note", "attachment_label",
                                       "attachment_title"]
    assert doc.blocks[i].items == ("三级公立医院绩效考核指标",)
    assert [b.text for b in doc.blocks[i + 1:i + 6]] == ["国务院办公厅", "2019年1月16日", "（此件公开发布）", "附件",
                                                        "三级公立医院绩效考核指标"]


def test_03_flattened_table_loses_no_text(docs):
    source = (SAMPLES / "03-four-levels-guoban-sanji-yiyuan-jixiao.txt").read_text(encoding="utf-8").splitlines()
    blocks = " ".join(b.text for b in docs["03"].blocks)
    for line in source[43:]:
        for piece in line.split():
            assert piece.strip("\u3000\u00a0") in blocks, piece
    numbered = [b for b in docs["03"].blocks if b.kind == "heading" and b.level == 3]
    assert len(numbered) == 55
    assert not [w for w in docs["03"].warnings if w.code == "numbering"]


# ---------------------------------------------------------------- 04 speech


def test_04_speech(docs):
    doc = docs["04"]
    assert [(b.kind, b.text) for b in doc.blocks[:4]] == [
        ("title", "在纪念陈毅同志诞辰一百周年座谈会上的讲话"), ("date_line", "（二〇〇一年八月二十三日）"),
        ("speaker", "江泽民"), ("salutation", "同志们：")]
    assert [(e.line, e.column, e.before, e.rule) for e in doc.edits if e.line == 2] == [
        (2, 3, "O", "year-zero"), (2, 4, "O", "year-zero")]
    assert [b.line for b in kinds(doc, "paragraph")] == list(range(4, 17))  # every body line, none merged
    assert not kinds(doc, "heading")
    assert [(b.kind, b.text) for b in doc.blocks[-2:]] == [("note", "（新华社北京8月23日电）"),
                                                          ("note", "（摘自《人民日报》2001年8月24日）")]


# ---------------------------------------------------------------- 05 one-line notice


def test_05_split_head(docs):
    doc = docs["05"]
    assert [(b.kind, b.text) for b in doc.blocks[:3]] == [
        ("title", "关于做好2017年国家社科基金中华学术外译项目申报工作的通知"),
        ("doc_number", "粤社科规划办通〔2017〕23号"), ("salutation", "各单位科研管理部门：")]
    assert [(d.text, d.reason) for d in doc.dropped] == [("2017-08-28", "site date")]


def test_05_points_attachments_and_closing(docs):
    doc = docs["05"]
    numbered = [b.text[:3] for b in doc.blocks if b.kind in ("paragraph", "heading") and b.text[:1] in "12（"]
    assert numbered == ["1、我", "2、申", "（1）", "（2）", "（3）", "（4）", "（5）"]
    (att,) = kinds(doc, "attachments")
    assert len(att.items) == 7 and att.items[0] == "2017年国家社科基金中华学术外译项目申报公告"
    assert not any(item[:1].isdigit() and item[1:2] in ".．" for item in att.items)
    assert [(b.kind, b.text) for b in doc.blocks[-2:]] == [("signature", "广东省哲学社会科学规划领导小组办公室"),
                                                          ("date", "2017年8月28日")]

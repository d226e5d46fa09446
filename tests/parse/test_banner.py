"""The 版头 above a two-line title: 发文机关标志, 发文字号 (with or without 签发人), blank lines or none.

Whatever the variant, the two-line title is one ``title`` block, the 发文机关标志 a ``title`` block of its own
before it, and the 主送 the ``salutation``."""
from __future__ import annotations

import pytest

from speechdoc import api

TITLE = ("关于进一步加强城市道路", "交通安全管理工作的通知")
BODY = ["各区人民政府，市政府各部门：", "今年以来，全市道路交通安全形势总体平稳。现就有关事项通知如下。", "一、压实工作责任",
        "各区要落实属地责任。", "××市人民政府办公室", "2024年3月5日"]

VARIANTS = {
    "plain": ["××市人民政府办公室", "×政办发〔2024〕12号", *TITLE],
    "blank lines between": ["××市人民政府办公室", "", "×政办发〔2024〕12号", "", *TITLE, ""],
    "blank after the number": ["××市人民政府办公室", "×政办发〔2024〕12号", "", *TITLE],
    "blank before the number": ["××市人民政府办公室", "", "×政办发〔2024〕12号", *TITLE],
    "签发人 on the number's line": ["××市人民政府办公室", "", "×政办发〔2024〕12号　　　　签发人：王某某", *TITLE],
    "签发人 alone before": ["××市人民政府办公室", "签发人：王某某", "×政办发〔2024〕12号", *TITLE],
    "签发人 alone after": ["××市人民政府办公室", "×政办发〔2024〕12号", "", "签发人：王某某", "", *TITLE],
    "…文件": ["××市人民政府办公室文件", "×政办发〔2024〕12号", *TITLE],
    "…文件 without a number": ["××市人民政府文件", *TITLE],
    "no number, a blank line": ["××市人民政府办公室", "", *TITLE],
    "份号, 密级, 紧急程度 on top": ["000123", "机密★1年", "特急", "××市人民政府文件", "×政发〔2024〕1号", *TITLE],
    "密级 and 紧急程度 on one line": ["机密★1年　特急", "", "××市人民政府文件", "×政发〔2024〕1号", "", *TITLE],
}


@pytest.mark.parametrize("head", VARIANTS.values(), ids=VARIANTS.keys())
def test_the_two_line_title_and_the_main_recipients_are_found(head):
    blocks = api.parse_text("\n".join(head + BODY)).blocks
    titles = [b for b in blocks if b.kind == "title"]
    assert titles[-1].text == "".join(TITLE) and titles[-1].lines == TITLE
    assert titles[0].text.startswith("××市人民政府") and len(titles) == 2
    assert all(b.kind != "paragraph" or b.line < titles[0].line for b in blocks[:blocks.index(titles[-1])])
    assert [b.text for b in blocks if b.kind == "salutation"] == ["各区人民政府，市政府各部门："]
    assert {b.kind for b in blocks[:blocks.index(titles[-1])]} <= {"paragraph", "title", "doc_number"}


def test_the_签发人_is_kept_with_the_number():
    blocks = api.parse_text("\n".join(VARIANTS["签发人 on the number's line"] + BODY)).blocks
    assert [b.text for b in blocks if b.kind == "doc_number"] == ["×政办发〔2024〕12号　签发人：王某某"]
    blocks = api.parse_text("\n".join(VARIANTS["签发人 alone before"] + BODY)).blocks
    assert [b.text for b in blocks if b.kind == "doc_number"] == ["签发人：王某某", "×政办发〔2024〕12号"]


def test_an_organ_name_and_关于_on_the_next_line_are_one_title():
    """``国务院办公厅`` / ``关于加强…的意见``: the organ is the start of the title, not a 版头."""
    blocks = api.parse_text("\n".join(["××市人民政府办公室", *TITLE] + BODY)).blocks
    assert blocks[0].kind == "title" and blocks[0].lines == ("××市人民政府办公室", *TITLE)
    assert blocks[1].kind == "salutation"


def test_份号_密级_紧急程度_are_paragraphs_above_the_banner_and_only_there():
    blocks = api.parse_text("\n".join(VARIANTS["份号, 密级, 紧急程度 on top"] + BODY)).blocks
    assert [(b.kind, b.text) for b in blocks[:3]] == [("paragraph", "000123"), ("paragraph", "机密★1年"),
                                                       ("paragraph", "特急")]
    speech = api.parse_text("\n".join(["在全市工作会议上的讲话", "特急", "同志们：", "今天开会。"])).blocks
    assert [b.kind for b in speech[:2]] == ["title", "speaker"]  # under a title, a two-hanzi line is a name


def test_a_title_broken_before_its_genre_word_is_one_title():
    """``通知`` alone looks like a two-hanzi name; under a title that has not reached its genre word it ends it."""
    blocks = api.parse_text("\n".join(["教务部关于2019年本科专业培养方案答辩评审安排的", "通知", "各院（系）：", "现将有关事项通知如下。"])).blocks
    assert [(b.kind, b.text) for b in blocks[:2]] == [("title", "教务部关于2019年本科专业培养方案答辩评审安排的通知"),
                                                       ("salutation", "各院（系）：")]

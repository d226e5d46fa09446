from __future__ import annotations

from speechdoc.clean import clean


def test_title_site_date_doc_number_and_salutation_are_separated():
    cleaned = clean(["关于做好申报工作的通知2017-08-28粤社科规划办通[2017]23号各单位科研管理部门：", "正文。"])
    assert [t for _, t in cleaned.lines] == ["关于做好申报工作的通知", "粤社科规划办通〔2017〕23号", "各单位科研管理部门：", "正文。"]
    assert [(d.text, d.reason) for d in cleaned.dropped] == [("2017-08-28", "site date")]
    assert [e.column for e in cleaned.edits if e.rule == "split-glued-line"] == [12, 22, 38]


def test_a_genre_word_inside_the_title_is_not_a_cut():
    cleaned = clean(["关于印发实施方案的通知京政办发〔2020〕3号", "正文。"])
    assert [t for _, t in cleaned.lines][:2] == ["关于印发实施方案的通知", "京政办发〔2020〕3号"]


def test_an_ordinary_title_is_not_split():
    assert clean(["关于做好申报工作的通知", "各单位："]).lines == ((1, "关于做好申报工作的通知"), (2, "各单位："))


def test_a_document_number_on_its_own_line_is_not_cut_at_a_genre_word_in_the_organ_name():
    from speechdoc.api import parse_text

    doc = parse_text("关于做好申报工作的通知\n粤社科规划办通〔2017〕23号\n各单位科研管理部门：\n现将有关事项通知如下。\n")
    assert [(b.kind, b.text) for b in doc.blocks[:3]] == [
        ("title", "关于做好申报工作的通知"),
        ("doc_number", "粤社科规划办通〔2017〕23号"),
        ("salutation", "各单位科研管理部门："),
    ]

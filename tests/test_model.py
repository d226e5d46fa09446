from __future__ import annotations

import json

import pytest

from speechdoc.errors import Diagnostic
from speechdoc.model import SCHEMA, Block, Document, Dropped, Edit, Lead, Meta, Source, dump, load
from speechdoc.model_schema import ModelError

from .conftest import FIXTURES


def _doc() -> Document:
    return Document(
        blocks=(
            Block("title", "关于加强三级公立医院绩效考核工作的意见", line=1, lines=("关于加强", "三级公立医院绩效考核工作的意见")),
            Block("salutation", "同志们：", line=3),
            Block("heading", "一、总体要求", line=4, level=1, marker="一、"),
            Block("paragraph", "第一，是迫切需要。其余正文。", line=5, lead=Lead(2, "第一，是迫切需要。", "第一，")),
            Block("attachments", "附件：1.甲\n2.乙", line=9, items=("甲", "乙")),
            Block("table", "", line=12, rows=(("一级指标", "二级指标"), ("医疗质量", "功能定位"))),
        ),
        source=Source("a.txt", "gb18030"),
        dropped=(Dropped(2, "更新:2023-09-21", "page metadata"),),
        edits=(Edit(5, 3, ",", "，", "punctuation"),),
        warnings=(Diagnostic("warning", "numbering gap", 7, "check 三、"),),
        meta=Meta(author="办公室"),
    )


def test_json_round_trip_is_exact():
    doc = _doc()
    assert load(dump(doc)) == doc
    assert dump(load(dump(doc))) == dump(doc)


def test_json_shape_matches_the_documented_schema():
    d = json.loads(dump(_doc()))
    assert d["schema"] == SCHEMA
    assert d["source"] == {"path": "a.txt", "encoding": "gb18030", "format": "text"}
    para = d["blocks"][3]
    assert para["lead"] == {"level": 2, "text": "第一，是迫切需要。", "marker": "第一，"}
    assert para["text"].startswith("第一，")
    assert d["blocks"][2]["level"] == 1 and d["blocks"][2]["marker"] == "一、"
    assert d["edits"][0] == {"line": 5, "column": 3, "from": ",", "to": "，", "rule": "punctuation"}
    assert d["dropped"][0]["reason"] == "page metadata"
    assert set(d["warnings"][0]) >= {"line", "severity", "message", "hint"}


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        Block("banner", "x")


def test_wrong_schema_is_refused():
    with pytest.raises(ValueError):
        load(json.dumps({"schema": "other/1", "blocks": []}))


def test_saved_fixture_models_load():
    for path in (FIXTURES / "models").glob("*.json"):
        doc = load(path.read_text(encoding="utf-8"))
        assert doc.blocks, path


# ---------------------------------------------------------------- a hand-edited model is checked on load


def _edited(change) -> str:
    d = json.loads(dump(_doc()))
    change(d)
    return json.dumps(d, ensure_ascii=False)


def _refusal(change) -> str:
    with pytest.raises(ModelError) as caught:
        load(_edited(change))
    return str(caught.value)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["blocks"][2].update(level=7),
     "blocks[2] (heading “一、总体要求”): level must be 1–4, not 7"),
    (lambda d: d["blocks"][2].update(level=0), "level must be 1–4, not 0"),
    (lambda d: d["blocks"][2].update(level="2"), "level must be a whole number, not \"2\""),
    (lambda d: d["blocks"][2].update(level=True), "level must be a whole number, not true"),
    (lambda d: d["blocks"][2].pop("level"), "blocks[2] (heading “一、总体要求”): level is missing"),
    (lambda d: d["blocks"][3]["lead"].update(level=5), "blocks[3] (paragraph “第一，是迫切需要。其余正…”): lead.level must be 1–4"),
    (lambda d: d["blocks"][3]["lead"].update(text="是迫切需要。"), "lead.text must be the start of the paragraph's text"),
    (lambda d: d["blocks"][3].update(levle=2), "blocks[3] (paragraph “第一，是迫切需要。其余正…”): unknown field \"levle\""),
    (lambda d: d["blocks"][4].update(text="附件：1.甲\n2.丙"), "blocks[4] (attachments “附件：1.甲 2.丙”): items[1] \"乙\" "
                                                             "is not in text: text and items must say the same"),
    (lambda d: d["blocks"][4].update(text="附件：1.甲\n2.乙\n3.丙"), "text holds \"丙\", which no item holds"),
    (lambda d: d["blocks"][1].update(kind="greeting"), "blocks[1]: kind \"greeting\" is not a block kind"),
    (lambda d: d["blocks"][1].pop("text"), "blocks[1]: text is missing"),
    (lambda d: d["blocks"][1].update(text=5), "blocks[1]: text must be a string, not 5"),
    (lambda d: d["blocks"][1].update(line=0), "line must be a line number from 1, not 0"),
    (lambda d: d["blocks"][5].pop("rows"), "blocks[5] (table “”): rows is missing"),
    (lambda d: d["blocks"][5].update(rows=[["a", 1]]), "rows[0] must be a list of strings"),
    (lambda d: d["blocks"][4].update(items="甲"), "items must be a list, not \"甲\""),
    (lambda d: d["blocks"][2].update(lead="abc"), "blocks[2] (heading “一、总体要求”): lead must be an object, not \"abc\""),
    (lambda d: d["blocks"][3].update(level="2"), "blocks[3] (paragraph “第一，是迫切需要。其余正…”): level must be a whole number"),
    (lambda d: d["blocks"].append("正文"), "blocks[6]: a block must be an object, not \"正文\""),
    (lambda d: d.update(blocks={}), "blocks must be a list, not {}"),
    (lambda d: d.pop("blocks"), "blocks is missing"),
    (lambda d: d.update(bloks=[]), "unknown field \"bloks\""),
    (lambda d: d["edits"][0].pop("column"), "edits[0]: column is missing"),
    (lambda d: d["dropped"][0].update(reason=None), "dropped[0]: reason is missing"),
    (lambda d: d["warnings"][0].update(severity="fatal"), "warnings[0]: severity must be one of"),
    (lambda d: d.update(meta={"titel": "x"}), "meta: unknown field \"titel\""),
    (lambda d: d["source"].update(format=3), "source: format must be a string, not 3"),
])
def test_a_hand_edited_model_is_refused_naming_the_block_and_field(change, message):
    assert message in _refusal(change)


def test_a_valid_model_loads_with_optional_fields_left_out_or_null():
    def trim(d):
        del d["dropped"], d["edits"], d["warnings"], d["meta"], d["source"]
        d["blocks"][2]["marker"] = None
        d["blocks"][3]["line"] = None
    doc = load(_edited(trim))
    assert doc.blocks[2].level == 1 and doc.blocks[2].marker is None and doc.blocks[3].line is None


def test_cli_refuses_a_bad_model_in_one_line_without_a_traceback(tmp_path):
    from .conftest import run_cli

    model = tmp_path / "model.json"
    model.write_text(_edited(lambda d: d["blocks"][2].update(level=7)), encoding="utf-8")
    result = run_cli("to-docx", str(model), "-o", str(tmp_path / "out.docx"))
    err = result.stderr.decode("utf-8")
    assert result.returncode == 1 and not (tmp_path / "out.docx").exists()
    assert err.splitlines()[0] == (f"speechdoc: error: {model}: not a speechdoc model: blocks[2] (heading “一、总体要求”): "
                                   "level must be 1–4, not 7")
    assert "Traceback" not in err


def test_a_refusal_is_one_line_even_when_the_block_text_has_line_breaks():
    message = _refusal(lambda d: d["blocks"][4].update(line=0))
    assert "\n" not in message and message.startswith("blocks[4] (attachments “附件：1.甲 2.乙”)")


# ---------------------------------------------------------------- a block's kind changed by hand


def test_a_heading_made_a_paragraph_by_its_kind_alone_loads_and_the_dropped_fields_are_reported():
    doc = load(_edited(lambda d: d["blocks"][2].update(kind="paragraph")))
    block = doc.blocks[2]
    assert (block.kind, block.text, block.level, block.marker) == ("paragraph", "一、总体要求", None, None)
    notes = [w for w in doc.warnings if w.code == "model-field"]
    assert [(w.severity, w.line) for w in notes] == [("warning", 4), ("warning", 4)]
    assert notes[0].message == "blocks[2] (paragraph “一、总体要求”): level 1 dropped: it belongs only to heading blocks"
    assert "marker \"一、\" dropped" in notes[1].message


def test_a_paragraph_with_a_lead_made_a_heading_takes_the_leads_level_and_marker():
    doc = load(_edited(lambda d: d["blocks"][3].update(kind="heading")))
    block = doc.blocks[3]
    assert (block.kind, block.level, block.marker, block.lead) == ("heading", 2, "第一，", None)
    assert [w.message for w in doc.warnings if w.code == "model-field"] == [
        "blocks[3] (heading “第一，是迫切需要。其余正…”): level 2 taken from its lead",
        "blocks[3] (heading “第一，是迫切需要。其余正…”): lead {\"level\": 2, \"text\": \"第一，是迫切需要。\", \"mark… dropped: "
        "it belongs only to paragraph blocks"]


def test_fields_of_another_kind_are_dropped_even_when_added_by_hand():
    doc = load(_edited(lambda d: d["blocks"][1].update(items=["甲"])))
    assert doc.blocks[1].items == () and doc.blocks[1].kind == "salutation"
    assert [w.message for w in doc.warnings if w.code == "model-field"] == [
        "blocks[1] (salutation “同志们：”): items [\"甲\"] dropped: it belongs only to attachments blocks"]


def test_a_paragraph_made_a_heading_without_a_lead_still_needs_a_level():
    assert "blocks[1] (heading “同志们：”): level is missing" in _refusal(lambda d: d["blocks"][1].update(kind="heading"))


def test_attachment_items_that_match_their_text_load_however_the_text_is_laid_out():
    for text in ("附件：1. 甲；2. 乙。", "附件：\n1．甲\n2．乙", "附件:1、甲 2、乙"):
        doc = load(_edited(lambda d: d["blocks"][4].update(text=text)))
        assert doc.blocks[4].items == ("甲", "乙") and doc.blocks[4].text == text
    wrapped = {"text": "附件：1.安全生产大检查工作方案及检查要点和\n责任分工\n2.汇总表",
               "items": ["安全生产大检查工作方案及检查要点和责任分工", "汇总表"]}
    assert load(_edited(lambda d: d["blocks"][4].update(wrapped))).blocks[4].items[0].endswith("责任分工")


def test_a_model_saved_with_a_byte_order_mark_loads():
    assert load("\ufeff" + dump(_doc())) == _doc()


def test_cli_names_the_model_file_when_its_blocks_are_empty_and_reads_one_with_a_bom(tmp_path):
    from .conftest import run_cli

    model = tmp_path / "model.json"
    model.write_text(_edited(lambda d: d.update(blocks=[])), encoding="utf-8")
    result = run_cli("to-docx", str(model), "-o", str(tmp_path / "out.docx"))
    assert result.returncode == 1
    assert result.stderr.decode("utf-8").splitlines()[0] == (
        f"speechdoc: error: {model}: nothing to convert: the model's blocks list is empty")
    model.write_text(dump(_doc()), encoding="utf-8-sig")
    result = run_cli("to-docx", str(model), "-o", str(tmp_path / "out.docx"))
    assert result.returncode == 0 and (tmp_path / "out.docx").exists()


def test_the_title_of_a_document_with_a_banner_is_the_title_under_it():
    from speechdoc import model

    banner = (model.Block("title", "××市人民政府办公室"), model.Block("doc_number", "×政办发〔2024〕12号"),
              model.Block("title", "关于加强管理的通知"), model.Block("salutation", "各区："),
              model.Block("paragraph", "正文。"), model.Block("title", "不在开头的标题"))
    assert model.Document(blocks=banner).title == "关于加强管理的通知"
    speech = (model.Block("title", "在全市大会上的讲话"), model.Block("subtitle", "——副标题"))
    assert model.Document(blocks=speech).title == "在全市大会上的讲话"
    assert model.Document(blocks=(model.Block("paragraph", "正文。"),), meta=model.Meta(title="元")).title == "元"

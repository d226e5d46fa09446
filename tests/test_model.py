from __future__ import annotations

import json

import pytest

from speechdoc.errors import Diagnostic
from speechdoc.model import SCHEMA, Block, Document, Dropped, Edit, Lead, Meta, Source, dump, load

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

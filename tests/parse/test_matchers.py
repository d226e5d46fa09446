"""Each line matcher against the readable cases in fixtures/text/lines.txt."""
from __future__ import annotations

import pytest

from speechdoc.parse import matchers as m

from ..conftest import FIXTURES


def _outline_heading(text: str) -> bool:
    o = m.match_outline(text)
    return o is not None and m.heading_alone(o)


def _run_in(text: str) -> bool:
    o = m.match_outline(text)
    return o is not None and not m.heading_alone(o) and m.run_in_sentence(text, len(text) - len(o.rest)) is not None


def _speech_lead(text: str) -> bool:
    lead = m.match_speech_lead(text)
    return lead is not None and m.run_in_sentence(text, len(lead.marker), limit=m.MAX_LEAD, alone_ok=True) is not None


MATCHERS = {
    "doc_number": m.is_doc_number,
    "subtitle": m.is_subtitle,
    "date_line": lambda t: m.match_date_line(t) is not None and t.startswith(("（", "江")),
    "salutation": m.is_salutation,
    "speaker": m.is_speaker,
    "heading_alone": _outline_heading,
    "run_in": _run_in,
    "speech_lead": _speech_lead,
    "attachment_label": m.is_attachment_label,
    "attachments_intro": lambda t: m.match_attachments_intro(t) is not None,
    "closing_date": m.is_closing_date,
    "note": m.is_note,
    "signature": m.is_signature_shape,
}


def _cases():
    section = None
    for raw in (FIXTURES / "text" / "lines.txt").read_text(encoding="utf-8").splitlines():
        if raw.startswith("[") and raw.endswith("]"):
            section = raw[1:-1]
        elif raw[:2] in ("+ ", "- "):
            yield pytest.param(section, raw[2:], raw[0] == "+", id=f"{section}:{raw}")


@pytest.mark.parametrize("matcher,text,expected", list(_cases()))
def test_line_matcher(matcher, text, expected):
    assert MATCHERS[matcher](text) is expected


def test_every_matcher_has_cases():
    assert {c.values[0] for c in _cases()} == set(MATCHERS)


def test_outline_levels_and_numbers():
    assert [(o.level, o.number) for o in map(m.match_outline, ["十二、a", "（十四）b", "12.c", "（3）d", "③e"])] == [
        (1, 12), (2, 14), (3, 12), (4, 3), (4, 3)]
    assert m.match_outline("1.2019年本科专业").rest == "2019年本科专业"
    assert m.match_outline("1.5亿元") is None


def test_date_line_with_glued_speaker_is_split_in_reading_order():
    assert m.match_date_line("（二OO一年八月二十三日）江泽民") == ("（二OO一年八月二十三日）", "江泽民", False)
    assert m.match_date_line("江泽民（2001年8月23日）") == ("（2001年8月23日）", "江泽民", True)


def test_signature_and_date_on_one_line():
    assert m.split_signature_date("教务部 2019年5月8日") == ("教务部", "2019年5月8日")
    assert m.split_signature_date("联系人：张三 2019年5月8日") is None


def test_several_attachments_on_one_line():
    assert m.split_attachment_items("1.春节值班表 2.检查清单；3.2019年统计表") == [
        (1, "春节值班表"), (2, "检查清单"), (3, "2019年统计表")]
    assert m.split_attachment_items("1.投资3.5亿元的项目清单") == [(1, "投资3.5亿元的项目清单")]
    assert m.split_attachment_items("春节值班表") == []


@pytest.mark.parametrize("text", ["主席先生：各位代表：", "各位代表：同志们：", "尊敬的各位领导：各位来宾：", "尊敬的王主席：各位来宾："])
def test_a_greeting_to_two_audiences_is_a_salutation(text):
    assert m.is_salutation(text)


@pytest.mark.parametrize("text", ["单位名称：\u3000\u3000\u3000\u3000填报人：", "联系电话：    日期：", "姓名：＿＿＿＿性别："])
def test_a_form_line_with_blanks_between_labels_is_no_salutation(text):
    assert not m.is_salutation(text)

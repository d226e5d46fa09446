"""Properties over generated texts: the parser never raises, and every hanzi of the input ends up either
in the model or in the list of dropped lines."""
from __future__ import annotations

import json
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speechdoc import api
from speechdoc.clean.chars import hanzi_of
from speechdoc.model import dump, load

FRAGMENTS = [
    "一、", "二、", "（一）", "（三）", "1.", "2、", "（1）", "①", "第一，", "二是", "首先，", "附件", "附件：", "附件1",
    "同志们：", "各单位：", "——在", "（2020年3月5日）", "二〇二〇年三月五日", "2019年5月8日", "国办发〔2019〕4号",
    "（此件公开发布）", "当前位置:首页 > ", "更新:2023-09-21 13:30:38", "相关文章", "时间:2024-04-23 08:0:25",
    "第一章", "第二节", "第一条 ", "第三条", "第三部分 ", "抄送：", "2020年3月6日印发", "- 1 -", "（征求意见稿）", "一.", "１．", "③",
    "关于", "的通知", "的讲话", "教务部", "江泽民", "。", "，", ",", ":", "!", "?", "(", ")", '"', "'", "...", "--",
    "http://a.cn/x,y", "a@b.cn", "13:30", "98.5%", "GB/T 9704-2012", "\u3000\u3000", "\u00a0", "\t", "\u200b",
    "\x07", "\ufffe", "\n", "\n", "\n", "\r\n", "\n\n",
]
TEXTS = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet="中国人民政府工作意见学习教育党员加强我们", min_size=1,
                                                               max_size=12)), max_size=60).map("".join)


def _model_hanzi(doc) -> Counter:
    texts = [b.text for b in doc.blocks] + [i for b in doc.blocks for i in b.items]
    texts += [c for b in doc.blocks for r in b.rows for c in r] + [d.text for d in doc.dropped]
    return Counter(h for t in texts for h in hanzi_of(t))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.booleans(), st.booleans())
def test_parser_never_raises_and_loses_no_hanzi(text, keep, normalize):
    doc = api.parse_text(text, options=api.ReadOptions(keep_boilerplate=keep, normalize=normalize))
    missing = Counter(hanzi_of(text)) - _model_hanzi(doc)
    assert not missing, missing
    assert load(dump(doc)) == doc
    json.loads(dump(doc))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.booleans(), st.booleans())
def test_cleaning_changes_nothing_silently(text, keep, normalize):
    """Every visible character of the input is in the output, in a dropped line, or in an edit's ``from``."""
    from speechdoc.clean import clean
    from speechdoc.readers.text import SourceText

    cleaned = clean(SourceText(None, "str", text).lines, keep_boilerplate=keep, normalize=normalize)
    visible = Counter(c for c in text if not c.isspace() and c.isprintable())
    kept = Counter("".join(t for _, t in cleaned.lines) + "".join(d.text for d in cleaned.dropped)
                   + "".join(e.before for e in cleaned.edits))
    assert not visible - kept, visible - kept


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_parses(text):
    doc = api.parse_text(text)
    assert not Counter(hanzi_of(text)) - _model_hanzi(doc)

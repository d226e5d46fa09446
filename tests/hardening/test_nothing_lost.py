"""Nothing lost: over generated documents, every hanzi and every digit of the input is in the rendered
file's text, in order, except what speechdoc reported as dropped; and the file opens."""
from __future__ import annotations

import importlib.util
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from speechdoc import api

from .helpers import docx_text, is_subsequence, kept_chars, pdf_text

HANZI = "中国人民政府工作意见学习教育党员加强我们关于通知办法落实推进建设发展"
RARE = "㑇𠀀𪚥𫝀①②℃〇々﹏"
PUNCT = "，。、；：？！“”‘’（）《》——……·,.;:?!()\"' "
DIGITS = "0123456789０１２３"
WORDS = st.text(alphabet=HANZI + RARE + PUNCT + DIGITS + "abcXYZ", min_size=1, max_size=60)
SHORT = st.text(alphabet=HANZI + RARE + DIGITS, min_size=1, max_size=14)
CN = "一二三四五六七八九十"
ITEM_NUMBER = re.compile(r"(?:^|(?<=[:：\s]))\s*[0-9０-９]+\s*[.．、]")

heading = st.one_of(
    st.builds(lambda n, t: f"{CN[n]}、{t}", st.integers(0, 9), SHORT),
    st.builds(lambda n, t: f"（{CN[n]}）{t}", st.integers(0, 9), SHORT),
    st.builds(lambda n, t: f"{n}.{t}", st.integers(1, 20), SHORT),
    st.builds(lambda n, t: f"（{n}）{t}", st.integers(1, 20), SHORT),
)
run_in = st.one_of(
    st.builds(lambda n, t, rest: f"（{CN[n]}）{t}。{rest}", st.integers(0, 9), SHORT, WORDS),
    st.builds(lambda m, t, rest: f"{m}{t}。{rest}", st.sampled_from(["第一，", "第二，", "一是", "首先，", "最后，"]),
              SHORT, WORDS),
)
boilerplate = st.sampled_from([
    "当前位置：首页 > 通知公告 > 正文", "打印本页 关闭窗口", "责任编辑：王明", "浏览次数：1024",
    "发布时间：2024-03-05 10:21:33", "分享到：", "上一篇：关于春节放假的通知", "- 3 -", "相关文章",
])
closing = st.sampled_from(["2024年3月5日", "二〇二四年三月五日", "附件：1.值班表", "（此件公开发布）",
                           "办公室", "同志们：", "各区县人民政府："])
line = st.one_of(heading, run_in, WORDS, WORDS, boilerplate, closing, st.just(""))
DOCUMENTS = st.lists(line, min_size=1, max_size=25).map("\n".join)


def expected_chars(text: str, doc) -> str:
    """The hanzi and digits of ``text`` without those of the lines (or pieces) speechdoc reported dropped,
    and without the numbers of attachment items: the model keeps the names and the renderers number them
    (1. 2. … when there are several, none for a single one, which the parser reports)."""
    lines = text.split("\n")
    for d in doc.dropped:
        i = d.line - 1
        lines[i] = lines[i].replace(d.text, "", 1)
    for block in doc.blocks:
        if block.kind == "attachments":
            _drop_item_numbers(lines, block)
    return kept_chars("\n".join(lines))


def _drop_item_numbers(lines: list[str], block) -> None:
    wanted, i = len(block.text.split("\n")), block.line - 1
    while wanted and i < len(lines):
        if lines[i].strip():
            lines[i] = ITEM_NUMBER.sub("", lines[i])
            wanted -= 1
        i += 1


def check_nothing_lost(text: str, rendered_text: str, doc) -> None:
    expected = expected_chars(text, doc)
    got = kept_chars(rendered_text)
    assert is_subsequence(expected, got), f"expected {expected!r}\n     got {got!r}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
@example("附件：1.值班表")  # regression: the number of a single attachment was left out without a word
@example("附件：\n1.值班表")
@example("附件：1.值班表\n1.0")  # items renumbered 1. 2. by the renderer
def test_docx_keeps_every_hanzi_and_digit(text):
    doc = api.parse_text(text)
    if not doc.blocks:
        return  # only boilerplate or blank: refused with an error (test_bad_input)
    check_nothing_lost(text, docx_text(api.render_docx_bytes(doc)), doc)


needs_pdf = pytest.mark.skipif(importlib.util.find_spec("speechdoc.render.pdf") is None,
                               reason="the PDF renderer has not landed")


@needs_pdf
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_pdf_keeps_every_hanzi_and_digit(text):
    doc = api.parse_text(text)
    if not doc.blocks:
        return
    check_nothing_lost(text, pdf_text(api.render_pdf_bytes(doc)), doc)


def test_the_checker_can_fail():
    """The property is not vacuous: a lost or reordered character is caught."""
    doc = api.parse_text("正文第1段。")
    with pytest.raises(AssertionError):
        check_nothing_lost("正文第1段。", "正文第段。", doc)
    with pytest.raises(AssertionError):
        check_nothing_lost("正文第1段。", "文正第1段。", doc)

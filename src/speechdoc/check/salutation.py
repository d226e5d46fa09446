"""A salutation (``同志们：``) or 主送 line (``各区人民政府，市政府各部门：``) ends with a full-width colon
(GB/T 9704-2012 7.3.3). Only the head of the text is looked at: the lines before the first paragraph of the body
(a long line or a full sentence)."""
from __future__ import annotations

import re

from .chars import is_hanzi
from .finding import ERROR, Edit, Finding
from .text import Text

_ADDRESS = r"(?:同志们|朋友们|女士们|先生们|老师们|同学们|来宾们|各位[\u4e00-\u9fff]{0,12}|尊敬的[^，。：:、]{1,30})"
_RECIPIENTS = (r"各[\u4e00-\u9fff、，,（）()]{1,60}(?:单位|部门|政府|院系|学院|直属系|党委|党组|党支部|支部|机关|局|委|办"
               r"|厅|处|科室|所|中心|公司|学校|企业|组织|县|区|市|街道|乡镇)")
SALUTATION = re.compile(rf"^({_ADDRESS}(?:[，、,]{_ADDRESS})*|{_RECIPIENTS})([，,！!]?)$")
HEAD_SEGMENT_MAX = 60


def check_salutation(text: Text):
    yield from _salutations(text)


def _salutations(text: Text):
    for seg in _head(text):
        s = seg.text
        if s.startswith("附件") or len(s) > HEAD_SEGMENT_MAX:
            continue
        if s.endswith(":") and len(s) > 1 and is_hanzi(s[-2]):
            col = seg.col_of(len(s) - 1)
            yield Finding(seg.line, col, ERROR, "salutation-colon",
                          "the salutation / 主送 line ends with a half-width ':'", "end it with a full-width '：'",
                          Edit(seg.line, col, ":", "："))
            continue
        m = SALUTATION.match(s)
        if m:
            trail = m.group(2)
            col = seg.col_of(len(s) - len(trail))
            yield Finding(seg.line, col, ERROR, "salutation-colon",
                          f"the salutation '{m.group(1)}' has no full-width '：'", "end it with '：'",
                          Edit(seg.line, col, trail, "："))


def _head(text: Text):
    """The segments before the body starts: the first long paragraph or the first full sentence ends the head."""
    for seg in text.segments:
        if SALUTATION.match(seg.text):
            yield seg
            continue
        if len(seg.text) > HEAD_SEGMENT_MAX or seg.text.endswith(("。", "；", "！", "？")):
            return
        yield seg

"""Punctuation: half-width marks in Chinese text, unpaired quotes and brackets, doubled marks, ellipses,
and a salutation or 主送 line without its full-width colon."""
from __future__ import annotations

import re

from .chars import CLOSERS, OPENERS, inside, is_ascii_alnum, is_cjk, is_hanzi, url_spans
from .finding import ERROR, WARNING, Edit, Finding
from .markers import read_marker
from .text import Segment, Text

_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_FAMILIES = [("“", "”"), ("‘", "’"), ("（(", "）)"), ("《", "》"), ("【", "】"), ("〔", "〕"), ("〈", "〉"),
             ("「", "」"), ("『", "』")]
_DOUBLED = re.compile(r"([，、；：])\1+|(?<!。)(。)。(?!。)")
_ELLIPSIS = re.compile(r"\.{3,}|。{3,}|．{3,}|[·・]{3,}|(?<!…)…(?!…)|⋯+")
_ADDRESS = r"(?:同志们|朋友们|女士们|先生们|老师们|同学们|来宾们|各位[\u4e00-\u9fff]{0,12}|尊敬的[^，。：:、]{1,30})"
_RECIPIENTS = (r"各[\u4e00-\u9fff、，,（）()]{1,60}(?:单位|部门|政府|院系|学院|直属系|党委|党组|党支部|支部|机关|局|委|办"
               r"|厅|处|科室|所|中心|公司|学校|企业|组织|县|区|市|街道|乡镇)")
_SALUTATION = re.compile(rf"^({_ADDRESS}(?:[，、,]{_ADDRESS})*|{_RECIPIENTS})([，,！!]?)$")
_TERMINAL = "。！？；：…"
_LETTER_MARKER = re.compile(r"^[A-Za-z][)）]")
# An item number with only a closing bracket, inside a sentence: a）… b）…, 1）… 2）…
_ENUMERATOR = re.compile(r"(?:^|(?<=[^A-Za-z0-9]))(?:[A-Za-z]|\d{1,2}|[一二三四五六七八九十]{1,2})[)）]$")
HEAD_SEGMENT_MAX = 60


def check_punctuation(text: Text):
    """Every punctuation rule, with this module's own half-width detector (used while the cleaner is absent)."""
    yield from check_pairs_and_marks(text)
    for seg in text.segments:
        urls = url_spans(seg.text)
        yield from _halfwidth_marks(seg, urls)
        yield from _halfwidth_brackets(seg, urls)
        yield from _straight_quotes(seg, urls)


def check_pairs_and_marks(text: Text):
    """The punctuation rules that are this module's alone: salutation colon, doubled marks, ellipses, pairs."""
    yield from _salutations(text)
    for seg in text.segments:
        yield from _doubled(seg)
        yield from _ellipses(seg, url_spans(seg.text))
    for unit in _paragraphs(text):
        yield from _unpaired(unit)


# ---------------------------------------------------------------- half-width marks


def _halfwidth_marks(seg: Segment, urls):
    s = seg.text
    flagged = set()
    for i, ch in enumerate(s):
        if ch not in ",:;?!" or inside(urls, i):
            continue
        prev = s[i - 1] if i else ""
        nxt = s[i + 1] if i + 1 < len(s) else ""
        chinese = ((prev and is_cjk(prev)) or i - 1 in flagged
                   or (nxt and is_hanzi(nxt) and not (ch == ":" and prev.isdigit())))
        if chinese:
            flagged.add(i)
            yield _halfwidth(seg, i, ch)


def _halfwidth(seg: Segment, i: int, ch: str) -> Finding:
    col = seg.col_of(i)
    full = _HALF_TO_FULL[ch]
    return Finding(seg.line, col, ERROR, "punct-halfwidth", f"half-width '{ch}' in Chinese text",
                   f"write '{full}'", Edit(seg.line, col, ch, full))


def _halfwidth_brackets(seg: Segment, urls):
    s = seg.text
    marker = read_marker(s)
    skip = len(marker.text) if marker and marker.halfwidth_brackets else 0
    stack: list[int] = []
    for i, ch in enumerate(s):
        if i < skip or inside(urls, i):
            continue
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            start = stack.pop()
            if _chinese_around(s, start, i):
                yield _halfwidth(seg, start, "(")
                yield _halfwidth(seg, i, ")")


def _straight_quotes(seg: Segment, urls):
    """Straight double quotes around Chinese text, taken in pairs: "两学一做" → “两学一做”."""
    s = seg.text
    marks = [i for i, ch in enumerate(s) if ch == '"' and not inside(urls, i)]
    for start, end in zip(marks[::2], marks[1::2]):
        if _chinese_around(s, start, end):
            for i, full in ((start, "“"), (end, "”")):
                col = seg.col_of(i)
                yield Finding(seg.line, col, ERROR, "punct-quotes", "straight quote '\"' in Chinese text",
                              "write Chinese quotes “ ” (‘ ’ inside)", Edit(seg.line, col, '"', full))


def _chinese_around(s: str, start: int, end: int) -> bool:
    before = s[start - 1] if start else ""
    after = s[end + 1] if end + 1 < len(s) else ""
    return (bool(before) and is_cjk(before)) or (bool(after) and is_cjk(after)) or any(
        is_hanzi(c) for c in s[start + 1:end])


# ---------------------------------------------------------------- doubled marks and ellipses


def _doubled(seg: Segment):
    for m in _DOUBLED.finditer(seg.text):
        mark = m.group(1) or m.group(2)
        col = seg.col_of(m.start() + 1)
        yield Finding(seg.line, col, ERROR, "punct-doubled", f"'{m.group(0)}': the mark is doubled",
                      f"write one '{mark}'", Edit(seg.line, col, m.group(0)[1:], ""))


def _ellipses(seg: Segment, urls):
    s = seg.text
    for m in _ELLIPSIS.finditer(s):
        if inside(urls, m.start()) or not _chinese_context(s, m.start(), m.end()):
            continue
        col = seg.col_of(m.start())
        lone = m.group(0) == "…"
        message = "a single '…' is half an ellipsis" if lone else f"'{m.group(0)}' used as an ellipsis"
        yield Finding(seg.line, col, WARNING if lone else ERROR, "punct-ellipsis", message,
                      "the Chinese ellipsis is two marks: ……", Edit(seg.line, col, m.group(0), "……"))


def _chinese_context(s: str, start: int, end: int) -> bool:
    around = s[max(0, start - 2):start] + s[end:end + 2]
    return any(is_hanzi(c) or c in "“”‘’（）《》" for c in around)


# ---------------------------------------------------------------- salutation / 主送


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
        m = _SALUTATION.match(s)
        if m:
            trail = m.group(2)
            col = seg.col_of(len(s) - len(trail))
            yield Finding(seg.line, col, ERROR, "salutation-colon",
                          f"the salutation '{m.group(1)}' has no full-width '：'", "end it with '：'",
                          Edit(seg.line, col, trail, "："))


def _head(text: Text):
    """The segments before the body starts: the first long paragraph ends the head."""
    for seg in text.segments:
        if len(seg.text) > HEAD_SEGMENT_MAX and not _SALUTATION.match(seg.text):
            return
        yield seg


# ---------------------------------------------------------------- pairs


def _paragraphs(text: Text):
    """Segments grouped into paragraphs: a blank line, a new segment inside a line, or a line that ends a
    sentence closes a paragraph — unless an open quote or bracket is closed early on the next line."""
    unit: list[Segment] = []
    for i, seg in enumerate(text.segments):
        if unit and _starts_paragraph(text, i, unit):
            yield unit
            unit = []
        unit.append(seg)
    if unit:
        yield unit


def _starts_paragraph(text: Text, i: int, unit: list[Segment]) -> bool:
    seg = text.segments[i]
    if text.blank_before(i) or not seg.first or read_marker(seg.text):
        return True
    last = unit[-1].text.rstrip(CLOSERS)
    if not last or last[-1] not in _TERMINAL:
        return False
    return not _closes_open_pair(unit, seg.text)


def _closes_open_pair(unit: list[Segment], nxt: str) -> bool:
    open_families = {fam for fam, _ in _open_items(unit)}
    for ch in nxt:
        for fam, (opens, closes) in enumerate(_FAMILIES):
            if ch in opens:
                return False
            if ch in closes and fam in open_families:
                return True
    return False


def _open_items(unit: list[Segment]):
    """(family, (segment, offset)) of each opening mark left open at the end of ``unit``."""
    stacks: dict[int, list] = {}
    for fam, where in _marks(unit):
        if where[2] == "open":
            stacks.setdefault(fam, []).append(where)
        elif stacks.get(fam):
            stacks[fam].pop()
    for fam, stack in stacks.items():
        for where in stack:
            yield fam, where


def _unpaired(unit: list[Segment]):
    stacks: dict[int, list] = {}
    for fam, (seg, i, kind) in _marks(unit):
        if kind == "open":
            stacks.setdefault(fam, []).append((seg, i))
        elif stacks.get(fam):
            stacks[fam].pop()
        elif not _ENUMERATOR.search(seg.text[:i + 1]):
            yield _unpaired_finding(seg, i, "closing")
    for stack in stacks.values():
        for seg, i in stack:
            yield _unpaired_finding(seg, i, "opening")


def _unpaired_finding(seg: Segment, i: int, kind: str) -> Finding:
    ch = seg.text[i]
    return Finding(seg.line, seg.col_of(i), ERROR, "punct-unpaired", f"{kind} '{ch}' has no partner",
                   "add the missing mark or remove this one")


def _marks(unit: list[Segment]):
    """(family, (segment, offset, "open"|"close")) for each quote or bracket, in order."""
    for seg in unit:
        s = seg.text
        urls = url_spans(s)
        marker = read_marker(s)
        skip = len(marker.text) if marker else (2 if _LETTER_MARKER.match(s) else 0)
        for i, ch in enumerate(s):
            if i < skip or (ch not in OPENERS and ch not in CLOSERS) or inside(urls, i):
                continue
            if ch == "’" and 0 < i < len(s) - 1 and s[i - 1].isascii() and s[i + 1].isascii():
                continue  # an apostrophe: it’s
            for fam, (opens, closes) in enumerate(_FAMILIES):
                if ch in opens:
                    yield fam, (seg, i, "open")
                elif ch in closes:
                    yield fam, (seg, i, "close")

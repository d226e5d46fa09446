"""Break a long title into balanced lines (GB/T 9704 7.3.2: 梯形或菱形, never inside a word).

Both renderers call ``break_title`` with the number of title-size characters that fit the 版心
width, so the .docx and the PDF show the same title lines.
"""
from __future__ import annotations

import itertools
import math
import re

# A break just BEFORE these is natural: 关于 after the issuing organ, the document type after 的.
_BREAK_BEFORE = ("关于", "的通知", "的意见", "的决定", "的报告", "的讲话", "的批复", "的请示", "的函", "的实施方案",
                 "的工作方案", "的方案", "的办法", "的规定", "的通报", "的公告", "的总结", "的发言", "——", "《", "（", "暨")
# A break just AFTER these is natural.
_BREAK_AFTER = ("关于", "、", "，", "：", "》", "）", "暨", "和", "与", "及", "上的", "中的", "会议", "大会", "工作", "建设",
                "办公厅", "办公室", "委员会", "人民政府", "党委", "教务部", "方案", "项目", "专业", "管理", "发展", "改革",
                "安排", "活动", "形势下", "新时代", "基金", "制度", "体系", "机制", "问题", "情况", "年度")
_YEAR = re.compile(r"\d{4}年$")
_AFTER_YEAR_WORD = "度初中底末"  # 2024年度, 年初, 年中, 年底, 年末: one word with the 年
_NO_SPLIT = re.compile(r"[0-9A-Za-z.%〔〕\[\]]{2,}|《[^》]{1,12}》|（[^）]{1,8}）|“[^”]{1,10}”")
_CLOSING = set("，。、；：？！）》”’〕】")
_OPENING = set("（《“‘〔【")

MIN_LAST_LINE = 3  # never a 1–2 character last line
_SPACES = " \u3000"


def break_title(text: str, max_chars: int, author_lines: tuple[str, ...] = ()) -> list[str]:
    """The title's lines: the author's own breaks when they fit, else balanced breaks at natural points."""
    text = text.strip()
    if author_lines and "".join(author_lines) == text and _acceptable(list(author_lines), max_chars):
        return list(author_lines)
    if len(text) <= max_chars:
        return [text]
    n = math.ceil(len(text) / max_chars)
    for lines_count in (n, n + 1, n + 2):
        best = _best_split(text, lines_count, max_chars)
        if best:
            return best
    return _hard_wrap(text, max_chars)


def _acceptable(lines: list[str], max_chars: int) -> bool:
    return all(0 < len(line) <= max_chars for line in lines) and (len(lines) == 1 or len(lines[-1]) >= MIN_LAST_LINE)


def _penalties(text: str) -> dict[int, float]:
    """Cost of breaking before index i (1..len-1); absent = forbidden."""
    protected = set()
    for m in _NO_SPLIT.finditer(text):
        protected.update(range(m.start() + 1, m.end()))
    cost: dict[int, float] = {}
    for i in range(1, len(text)):
        if i in protected or text[i] in _CLOSING or text[i - 1] in _OPENING:
            continue
        c = 40.0  # a break between two arbitrary characters may split a word: only when nothing else fits
        if text[i] in _SPACES:
            c = -5.0  # the author's own separator between phrases: the best place (the space is dropped)
        elif text[i - 1] in _SPACES:
            continue
        elif any(text.startswith(w, i) for w in _BREAK_BEFORE):
            c = 0.0
        elif any(text.endswith(w, 0, i) for w in _BREAK_AFTER):
            c = 1.0
        elif _YEAR.search(text, 0, i) and text[i] not in _AFTER_YEAR_WORD:
            c = 2.0
        elif text[i - 1] == "的":
            c = 2.0
        cost[i] = c
    return cost


def _best_split(text: str, count: int, max_chars: int) -> list[str] | None:
    cost = _penalties(text)
    points = sorted(cost)
    if len(points) < count - 1 or count > 6:
        return None
    best: tuple[float, list[str]] | None = None
    target = len(text) / count
    for cut in itertools.combinations(points, count - 1):
        bounds = (0, *cut, len(text))
        lines = [text[a:b].strip(_SPACES) for a, b in itertools.pairwise(bounds)]
        if not _acceptable(lines, max_chars):
            continue
        balance = sum((len(line) - target) ** 2 for line in lines) / 8
        score = sum(cost[c] for c in cut) + balance + _shape_penalty(lines)
        if best is None or score < best[0]:
            best = (score, lines)
    return best[1] if best else None


def _shape_penalty(lines: list[str]) -> float:
    """Trapezoid (monotone lengths) or diamond (longest in the middle); penalise zig-zags."""
    lengths = [len(line) for line in lines]
    if len(lengths) < 3:
        return 0.0
    peak = lengths.index(max(lengths))
    up = all(a <= b for a, b in itertools.pairwise(lengths[: peak + 1]))
    down = all(a >= b for a, b in itertools.pairwise(lengths[peak:]))
    return 0.0 if up and down else 8.0


def _hard_wrap(text: str, max_chars: int) -> list[str]:
    lines = [text[i:i + max_chars] for i in range(0, len(text), max_chars)]
    if len(lines) > 1 and len(lines[-1]) < MIN_LAST_LINE:
        move = MIN_LAST_LINE - len(lines[-1])
        lines[-1] = lines[-2][-move:] + lines[-1]
        lines[-2] = lines[-2][:-move]
    return lines

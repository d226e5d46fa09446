"""Split a head line that a scraper glued together: ``关于…的通知2017-08-28粤社科规划办通[2017]23号各单位：``
becomes the title, the site's date (dropped later as boilerplate), the document number and the 主送 line.
Each break is recorded as an edit; every piece keeps the source line number."""
from __future__ import annotations

from ..model import Edit
from ..parse.shapes import DOC_NUMBER, GENRE_WORD, ISO_DATE_AT
from .tracked import Span, Tracked

HEAD_LINES = 3  # only the first content lines are looked at


def split_glued_head(lines: list[Tracked]) -> tuple[list[Tracked], list[Edit]]:
    out, edits, seen = [], [], 0
    for line in lines:
        if line.text and seen < HEAD_LINES:
            seen += 1
            pieces, new_edits = _split(line)
            out.extend(pieces)
            edits.extend(new_edits)
        else:
            out.append(line)
    return out, edits


def _split(line: Tracked) -> tuple[list[Tracked], list[Edit]]:
    cuts = _cuts(line.text)
    if not cuts:
        return [line], []
    pieces, edits, pos = [], [], 0
    for cut in cuts:
        pieces.append(line.slice(pos, cut))
        edits.extend(line.replace([Span(cut, cut, "\n", "split-glued-line")])[1])
        pos = cut
    pieces.append(line.slice(pos))
    return [p for p in pieces if p.text], edits


MIN_TITLE = 8  # a title without 关于 or 的 is at least this long


def _title_like(head: str) -> bool:
    return "关于" in head or "的" in head or len(head) >= MIN_TITLE


def _cuts(text: str) -> list[int]:
    """Where to break: after the title's genre word, after a site date, after the document number."""
    for genre in GENRE_WORD.finditer(text):
        pos, cuts = genre.end(), []
        if pos < 4 or text.startswith(("的", "和", "及", "与"), pos):
            continue
        if not _title_like(text[:pos]):
            continue  # 规划 in 粤社科规划办通〔2017〕23号 is part of the organ's name, not a title's genre
        for shape in (ISO_DATE_AT, DOC_NUMBER):
            m = shape.match(text, pos)
            if m:
                cuts.append(pos)
                pos = m.end()
        if cuts:
            return cuts + ([pos] if pos < len(text) else [])
    return []

"""One-line texts (a scraper's output) whose paragraph breaks survive only as runs of spaces: split them.

A run is two or more spaces of any kind a web page leaves for a paragraph break (ASCII, NBSP, U+3000; not tabs,
which are columns). A line is split at every run inside it when
- its pieces look like the lines of a document: at least ``MIN_KINDS`` different kinds of structure line among
  them — a title ending in its genre word (first piece), a 主送 / salutation ending in ``：`` followed by body text,
  an outline heading standing alone, a sentence ending in ``。！？`` before a run, a date alone
  (``关于…的通知  各单位：  为…。  一、检查内容  …  2024年3月1日``), or
- it is long (``MIN_LENGTH``) with ``MIN_RUNS`` runs, and the runs are all U+3000, or most of them follow the end
  of a sentence and the line is most of the text (a one-line speech with no headings; in a text of many lines,
  two spaces after a sentence are a typing habit, not a paragraph break).
So the spaces in ``市长　王某某``, between a title's phrases, or the blanks of a form (``单位名称：　　　填报人：``)
never split a line. In a line that is split, a run where no line ends (after ``，``, inside brackets) is a wrapped
line joined, and a run between a post and a name, before ``签发人：`` or ``…印发``, or — in a text of many lines —
after a run-in heading (``（一）建立台账。  对重点工作…``) stays. Every piece keeps the source line number; each
break is an edit (the run → a line break, or → nothing for a join).
"""
from __future__ import annotations

import re

from ..model import Edit
from ..parse import matchers  # a module, not its names: parse.matchers imports clean.chars (a cycle)
from ..parse.shapes import DATE, ENDS_WITH_GENRE
from .tracked import Span, Tracked
from .wrap import MAX_PAIR_SPAN, open_pair

_RUN = re.compile("[ \u00a0\u3000]{2,}")
_U3000_RUN = re.compile("\u3000{2,}")
_SENTENCE_END = re.compile("[。！？][”’」』）)]?$")
MIN_LENGTH = 150  # characters: a line this long with MIN_RUNS runs after sentences is a one-line text
MIN_RUNS = 3
MIN_KINDS = 2  # different kinds of structure line among the pieces
MIN_SENTENCE_SHARE = 0.5  # of the runs of a long line, this share at least follows a sentence end
MOST_OF_TEXT = 0.5  # a line with this share of the text's characters is (most of) a one-line text

_PAD = "\u3000 \u00a0\t"
_NEVER_ENDS = ("，", "、", ",")
MAX_NAME = 4  # characters: a name after a post (``县委书记  张三``)
_PRINTED = re.compile(f"^{DATE}\\s*印发$")


def split_space_runs(line: Tracked, *, holds_the_text: bool = True) -> tuple[list[Tracked], list[Edit]]:
    """``holds_the_text``: the line is most of the text (``MOST_OF_TEXT``), as a one-line text is; a long line
    among others is split at runs of ASCII spaces or NBSP after its sentences only then."""
    text = line.text
    first, last = len(text) - len(text.lstrip(_PAD)), len(text.rstrip(_PAD))  # the text between the padding
    inner = [m for m in _RUN.finditer(text) if first < m.start() and m.end() < last]
    if not inner:
        return [line], []
    ends = [first] + [m.end() for m in inner]
    texts = [text[a:m.start()].strip() for a, m in zip(ends, inner)] + [text[ends[-1]:last].strip()]
    if not _is_run_together(texts, inner, last - first, holds_the_text):
        return [line], []
    spans = []
    for n, m in enumerate(inner):
        what = _run_is(texts[n], texts[n + 1], holds_the_text)
        if what != KEEP:
            spans.append(Span(m.start(), m.end(), "\n" if what == BREAK else "", what))
    joined, edits = line.replace(spans)
    breaks = [i for i, ch in enumerate(joined.text) if ch == "\n"]
    pieces = [joined.slice(a + 1, b) for a, b in zip([-1] + breaks, breaks + [len(joined.text)])]
    return pieces, edits


BREAK, JOIN, KEEP = "split-at-space-run", "join-wrapped-line", "keep"


def _is_run_together(pieces: list[str], runs: list[re.Match], length: int, holds_the_text: bool) -> bool:
    """The line is several lines run together: by the kinds of its pieces, or long with runs after sentences."""
    if len(_structure_kinds(pieces)) >= MIN_KINDS:
        return True
    if length < MIN_LENGTH or len(runs) < MIN_RUNS:
        return False
    if all(_U3000_RUN.fullmatch(m.group()) for m in runs):
        return True
    after_sentence = sum(1 for p in pieces[:-1] if _SENTENCE_END.search(p))
    return holds_the_text and after_sentence >= MIN_SENTENCE_SHARE * len(runs)


def _run_is(piece: str, following: str, holds_the_text: bool) -> str:
    """What the run between ``piece`` and ``following`` is: a line break (``BREAK``); a line break inside a
    paragraph (``JOIN``: after ``，`` or ``、``, inside brackets — a line never ends there); or spaces inside a
    line (``KEEP``: between a post and a name ``县委书记  张三``, before ``签发人：…`` on the 发文字号's line,
    before the date of the 版记 line ``××办公室　　2020年3月6日印发``, or — in a line among others — after a
    run-in heading ``（一）建立台账。`` with body text after it, the space a web page left after a bold lead)."""
    if piece.endswith(_NEVER_ENDS) or open_pair(piece[-MAX_PAIR_SPAN:]):
        return JOIN
    if (_PRINTED.match(following) or matchers.is_signer(following)
            or (len(following) <= MAX_NAME and matchers.is_speaker(piece + following))):
        return KEEP
    if (not holds_the_text and _is_run_in(piece) and matchers.match_outline(following) is None
            and not matchers.is_closing_date(following)):
        return KEEP
    return BREAK


def _is_run_in(piece: str) -> bool:
    outline = matchers.match_outline(piece)
    return (outline is not None and _SENTENCE_END.search(piece) is not None
            and matchers.run_in_sentence(piece, len(outline.marker), alone_ok=True) == piece)


def _structure_kinds(pieces: list[str]) -> set[str]:
    """Which kinds of document line the pieces are: title, salutation, heading, sentence, date."""
    kinds = set()
    if pieces and matchers.is_title_like(pieces[0]) and ENDS_WITH_GENRE.search(pieces[0].rstrip("）)")):
        kinds.add("title")
    for piece, following in zip(pieces, pieces[1:] + [""]):
        outline = matchers.match_outline(piece)
        if outline is not None and matchers.heading_alone(outline) and following and not _is_run_in(piece):
            kinds.add("heading")
        elif matchers.is_salutation(piece) and piece.endswith(("：", ":")) and _SENTENCE_END.search(following):
            kinds.add("salutation")
        elif _SENTENCE_END.search(piece) and following:
            kinds.add("sentence")
        elif matchers.is_closing_date(piece):
            kinds.add("date")
    return kinds

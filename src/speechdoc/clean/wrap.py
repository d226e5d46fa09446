"""Join hard-wrapped paragraphs (text copied from a PDF or a narrow page) and collapse blank lines.

A line is joined with the next source line (never with a piece split off the same line) when neither is blank,
the next does not start a new element (an outline marker, a speech lead, 附件, a date, a 发文字号…), and either
- the line ends with a mark that never ends a paragraph (``，`` ``、`` ``,`` …), or inside a pair of marks
  (``《`` without its ``》``, ``（`` without its ``）`` …), or the next line starts with a mark no line may start
  with (``，`` ``。`` ``）`` …) — and a speech lead after ``，`` is no new paragraph (``…的问题，`` / ``一是…``), or
- the text is hard-wrapped (most long lines have about the same width, the wrap width) and this line reaches
  that width — or, being prose, three quarters of it — without ending a sentence, or
- the line is body prose (``prose``) cut mid-phrase, whatever its width: the next line goes on with the number
  it started (``…投入资金`` / ``1.5亿元，用于…``) or a lowercase word, or the line ends on a word that needs what
  follows (``的`` ``和`` ``对`` …); a heading, a title or a 署名 is never joined, a numbered item only when a
  full line of it is cut so (or, in a PDF copy, goes on in an unindented line).
When some lines are indented and others are not (``indents``), an indented line always starts a new paragraph.
In a PDF copy (several indented first lines, the other lines mostly full), an unindented line of text also goes
on with the full line of prose above it — even one that happens to end a sentence — unless it is a 版记 line.
Across a dropped page number (``page_breaks``) and the blank lines around it, a paragraph goes on when its line
before the break is full and ends mid-sentence (or on the marks above).
Each join is an edit (``\\n`` → nothing, or → a space between two Latin words) on the first line.
"""
from __future__ import annotations

import re
from collections import Counter

from ..model import Edit
from ..parse.shapes import DOC_NUMBER
from .chars import display_width
from .indents import INDENT_CELLS, PAGE_FULL_LINE, Indents, is_indented, read_indents
from .prose import BARE_NUMBER, cut_mid_phrase, is_prose, is_text_line
from .tracked import Tracked

MIN_WRAP_WIDTH = 20  # display cells; shorter lines are never taken for a wrap width
MAX_WRAP_WIDTH = 200
WRAP_SLACK = 4  # a wrapped line may fall this many cells short of the wrap width
MIN_WRAPPED_SHARE = 0.2
MIN_WRAPPED_LINES = 4

_NEVER_ENDS = re.compile(r"[，、,（(“《]$")
_ENDS_BLOCK = re.compile(r"[。！？!?；;：:…”』」）)》】]$")
_STARTS_ELEMENT = re.compile(
    r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\d+[.．、](?!\d)|[（(]\d+[）)]|[①-⑳]"
    r"|第[一二三四五六七八九十]+[，、,]|[一二三四五六七八九十]+是|首先|其次|再次|最后|附件|——|--)")
_SPEECH_LEAD = re.compile(r"^(?:第[一二三四五六七八九十]+[，、,]|[一二三四五六七八九十]+是|首先|其次|再次|最后)")
_NEVER_STARTS = re.compile(r"^[，。、；：？！）》”’」』】]")
_PAIRS = (("《", "》"), ("（", "）"), ("“", "”"), ("〔", "〕"))
MAX_PAIR_SPAN = 60  # characters: an opening mark this close to the line's end still waits for its closing one
SENTENCE_ENDS = "。！？”）"
LOOSE_SHARE = 0.75  # of the wrap width: a line of prose this wide, not ending a sentence, is wrapped
_RECORD = re.compile(r"^(?:抄送|抄报|分送|主题词|主送)\s*[：:]|印发$")  # 版记 lines
_DATE_LIKE = re.compile(r"^[\d〇零一二三四五六七八九十O]{2,4}年.{1,6}日$")


def join_wrapped(lines: list[Tracked], page_breaks: frozenset[int] = frozenset()) -> tuple[list[Tracked], list[Edit]]:
    """``page_breaks``: the source lines of dropped page numbers; a paragraph may go on across them (and the blank
    lines around them)."""
    width = wrap_width([line.text for line in lines])
    indents = read_indents(lines)
    out: list[Tracked] = []
    edits: list[Edit] = []
    for line in lines:
        prev = out[-1] if out else None
        if (prev is not None and prev.text and line.text and _next_source_line(prev, line)
                and not (indents.first_lines and is_indented(line))
                and _continues(prev.text, line.text, width, _last_source_line(prev), indents.pdf_copy,
                               _tail_indent(prev, indents))):
            _join(out, line, edits)
        elif line.text and _across_page_break(out, line, page_breaks, width, indents):
            while not out[-1].text:
                out.pop()  # the blank lines around the page number are the page's layout
            _join(out, line, edits)
        elif not line.text and (not out or not out[-1].text):
            continue  # collapse blank runs, and drop leading blanks
        else:
            out.append(line)
    while out and not out[-1].text:
        out.pop()
    return out, edits


def _join(out: list[Tracked], line: Tracked, edits: list[Edit]) -> None:
    """Join ``line`` to the last line of ``out`` (a space between two Latin words), recording the edit."""
    prev = out[-1]
    end, start = prev.text[-1], line.text[0]
    glue = " " if (end.isascii() and not end.isspace() and start.isascii() and start.isalnum()
                   and not (end.isdigit() and start.isdigit())) else ""  # ``×10`` / ``0%``: one number
    line_no, column = prev.origin(len(prev.text))
    edits.append(Edit(line_no, column, "\n", glue, "join-wrapped-line"))
    out[-1] = prev + Tracked(glue, ((line_no, column),) * len(glue), prev.number) + line


def _next_source_line(prev: Tracked, line: Tracked) -> bool:
    """``line`` comes from a later source line than ``prev`` ends on (not a piece split off the same line)."""
    return line.number > prev.origin(len(prev.text) - 1)[0]


def _across_page_break(out: list[Tracked], line: Tracked, page_breaks: frozenset[int], width: int | None,
                       indents: Indents) -> bool:
    prev = next((t for t in reversed(out) if t.text), None)
    if prev is None or not page_breaks or not _next_source_line(prev, line):
        return False
    last = prev.origin(len(prev.text) - 1)[0]
    return (any(last < n < line.number for n in page_breaks)
            and continues_across_page(prev, line, width, indents))


def continues_across_page(prev: Tracked, nxt: Tracked, width: int | None, indents: Indents) -> bool:
    """The paragraph of ``prev`` goes on in ``nxt`` on the next page: ``prev`` ends mid-sentence on a full line (or
    on a mark that never ends a paragraph, or cut mid-phrase), ``nxt`` starts no new element."""
    if (indents.first_lines and is_indented(nxt)) or _DATE_LIKE.match(nxt.text):
        return False
    tail, indent = _last_source_line(prev), _tail_indent(prev, indents)
    if _continues(prev.text, nxt.text, None, tail, indents.pdf_copy, indent):
        return True
    if _STARTS_ELEMENT.match(nxt.text):
        return False
    if _ENDS_BLOCK.search(tail[-1:]) or (_STARTS_ELEMENT.match(prev.text) and not re.search("[。！？；]", prev.text)):
        return False
    return is_full_line(tail, width, indent)


def _tail_indent(prev: Tracked, indents: Indents) -> int:
    """The cells a PDF copy indents the last line of ``prev`` by: a paragraph's first line is indented."""
    return INDENT_CELLS if indents.pdf_copy and is_indented(prev) and _one_source_line(prev) else 0


def is_full_line(text: str, width: int | None, indent: int = 0) -> bool:
    """The line reaches the wrap width (or, when there is none, ``PAGE_FULL_LINE``), less ``indent`` cells (a
    paragraph's first line in a PDF copy): a line of a page."""
    return display_width(text) >= (width or PAGE_FULL_LINE) - WRAP_SLACK - indent


def _one_source_line(line: Tracked) -> bool:
    return line.origin(0)[0] == line.origin(len(line.text) - 1)[0]


def _last_source_line(line: Tracked) -> str:
    """The text of ``line`` that came from the source line it ends on (the last line of a joined paragraph)."""
    last = line.origin(len(line.text) - 1)[0]
    start = len(line.text)
    while start > 0 and line.origin(start - 1)[0] == last:
        start -= 1
    return line.text[start:]


def wrap_width(texts: list[str]) -> int | None:
    """The width most long lines share when the text is hard-wrapped, else None."""
    widths = [display_width(t) for t in texts if t]
    long = [w for w in widths if MIN_WRAP_WIDTH <= w <= MAX_WRAP_WIDTH]
    if len(long) < MIN_WRAPPED_LINES:
        return None
    counts = Counter(long)
    best, best_count = None, 0
    for w in counts:
        near = sum(c for v, c in counts.items() if w - WRAP_SLACK <= v <= w)
        if near > best_count or (near == best_count and best is not None and w > best):
            best, best_count = w, near
    over = sum(1 for w in widths if w > (best or 0) + 2)
    if best is None or best_count < MIN_WRAPPED_LINES or best_count < MIN_WRAPPED_SHARE * len(widths) or over > 0.1 * len(widths):
        return None
    return best


def open_pair(tail: str) -> bool:
    """The text ends inside 《》, （）, “” or 〔〕: its last opening mark has no closing one after it."""
    return any(tail.rfind(a) > tail.rfind(b) for a, b in _PAIRS)


def _continues(prev: str, nxt: str, width: int | None, tail: str | None = None, unindented: bool = False,
               tail_indent: int = 0) -> bool:
    """``tail``: the last source line of ``prev`` (a joined paragraph), indented by ``tail_indent`` cells;
    ``unindented``: ``nxt`` is not indented in a text that indents the first lines of its paragraphs (a PDF copy),
    so it starts no paragraph of body text."""
    tail = prev if tail is None else tail
    lead = _SPEECH_LEAD.match(nxt) is not None  # a lead starts a paragraph, never a clause: ``…的问题，`` / ``一是…``
    if lead and _NEVER_ENDS.search(prev[-1:]):
        return True
    if (_STARTS_ELEMENT.match(nxt) and not (lead and unindented)) or _DATE_LIKE.match(nxt) or DOC_NUMBER.match(nxt):
        return False
    if _NEVER_ENDS.search(prev[-1:]):  # the last character only: a search of a long joined line is slow
        return True
    if _NEVER_STARTS.match(nxt) or open_pair(prev[-MAX_PAIR_SPAN:]):
        return True  # ``…和《××省城乡`` / ``规划条例》…``: a line never ends inside a book title or brackets
    if _ENDS_BLOCK.search(prev[-1:]):
        return unindented and _goes_on_after_sentence(tail, nxt, width, tail_indent)
    if _STARTS_ELEMENT.match(prev) and not re.search("[。！？；]", prev):
        # a heading standing alone — unless a full line of it stops mid-phrase: a list item wrapped
        # (or, in a PDF copy, goes on in an unindented line of text)
        return display_width(prev) >= PAGE_FULL_LINE and (
            cut_mid_phrase(prev, nxt) or (unindented and BARE_NUMBER.match(nxt) is None))
    if cut_mid_phrase(prev, nxt) or (unindented and _full_prose_line(tail, nxt, tail_indent > 0)):
        return True
    if width is None:
        return False
    return display_width(prev) >= width - WRAP_SLACK or (
        is_prose(tail) and display_width(tail) >= LOOSE_SHARE * width)


def _goes_on_after_sentence(tail: str, nxt: str, width: int | None, indent: int) -> bool:
    """In a PDF copy, a full line that happens to end a sentence, and an unindented line of prose after it: the
    same paragraph goes on (a new one would be indented) — unless that line is a 版记 line (``抄送：`` ``…印发``)."""
    return (tail[-1:] in SENTENCE_ENDS and is_full_line(tail, width, indent) and is_prose(nxt)
            and not _RECORD.search(nxt) and not nxt.endswith(("：", ":")))


def _full_prose_line(tail: str, nxt: str, first_line: bool = False) -> bool:
    """A line of prose (or a paragraph's indented ``first_line``) as wide as a page's line — a PDF copy's widths
    vary with its digits and Latin letters — and a next line of text."""
    return display_width(tail) >= PAGE_FULL_LINE and (first_line or is_prose(tail)) and is_text_line(nxt)

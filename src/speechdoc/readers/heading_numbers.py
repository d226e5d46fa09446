"""Outline numbers for headings a rich source marks without one (a Markdown ``##``, a Word Heading 2).

One rule for every rich reader, so a Markdown draft and a Word file give the same model:

* a heading whose text carries a marker (一、 （一） 1. （1）) keeps it; the marker decides its level
  (the reader sets that) and sets the count at its level;
* a heading that starts with any other number-like mark keeps it and is not counted: a number in a
  sequence of its own (第一章, 第二部分, a speech lead 第一，/一是, an article 第一条, a circled ①), a
  decimal or multilevel number (``1.1``, ``1.2.1``, ``1 总体要求``, ``1.5亿元``), a Roman numeral or a
  letter (``Ⅰ.``, ``II.``, ``A.``); a source with any heading numbered the last way (decimal, Roman,
  letter) numbers its headings in a scheme of its own, and no number is written into any of them;
* a line styled as a heading that the parser reads as something else is never numbered and loses its
  heading hint, so the parser reads it as what it is: the 主送 under the title (``各区县人民政府：``), a date line
  (``2024年1月5日``, ``（2024年1月10日）``), a 署名 standing over its date, a speaker beside the date line;
* an attachment page's label (``附件``, ``附件2``, ``附件一``, ``附　件``, ``附件2：``, as the parser's
  own matchers read them) is never numbered (its hint is dropped) and starts a count of its own; the
  heading right under it is the attachment's title, not an outline heading;
* any other heading gets the next number of its level written in (一、 （一） 1. （1）), and the
  insertion is reported as an ``Edit`` (rule ``heading-number``), like the cleaner's changes; a deeper
  level restarts under each new heading.

When in doubt nothing is written in: a wrong number in a government document is worse than a missing one.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from ..model import Edit
from ..numerals import outline_marker
from ..parse.hint import Hint
from ..parse.matchers import (
    is_attachment_label, is_closing_date, is_doc_number, is_salutation, is_signature_shape, is_speaker, is_title_like,
    match_article, match_attachments_intro, match_date_line, match_outline, match_speech_lead, split_signature_date,
)
from .numerals import has_own_number, marker_level, marker_number
from .source import SourceLine

RULE = "heading-number"
LEVELS = 4
SIGNATURE_LINES = 3  # a 署名 may stand over its date as up to this many issuer lines
_INDENT = " \u3000\u00a0\t"

# A number-like mark that is not one of the four outline markers: 1.1 / 1.2.1, 1 总体要求, 1) / 1：,
# Ⅰ Ⅱ (and I. II. IV.), A. a) B、, ⑴ ⒈ ❶, a bracketed letter or Roman numeral.
_NUMBER_LIKE = re.compile(
    r"^(?:\d+(?:\s*[.．]\s*\d|\s*[)）:：]|\s)"
    r"|[\u2160-\u2188]"
    r"|(?:[IVXivx]{1,5}|[A-Za-z])\s*[.．、)）](?![A-Za-z])"
    r"|[（(]\s*(?:[A-Za-z]|[IVXivx]{1,5}|[\u2160-\u2188])\s*[）)]"
    r"|[\u2460-\u24ff\u2776-\u2793])")


def is_attachment_page_label(text: str) -> bool:
    """``附件`` / ``附件2`` / ``附件一`` / ``附　件`` alone on a line: the top of an attachment page, as the parser
    reads it. (``附件：`` unstyled opens the 附件说明 list, above the 署名.)"""
    return is_attachment_label(text.strip(_INDENT))


def _page_label(line: SourceLine) -> bool:
    """An attachment page's label; ``附件2：`` too when styled as a heading."""
    return is_attachment_page_label(line.text) or (
        _is_heading(line) and match_attachments_intro(line.text.strip(_INDENT)) == "")


def number_headings(lines: Iterable[SourceLine], *, column: Callable[[SourceLine], int] = lambda line: 1,
                    ) -> tuple[list[SourceLine], list[Edit]]:
    """``lines`` with a number written into every heading-hinted line that has none, and the edits.

    ``column`` gives the 1-based column in the source line where a heading's text starts (where the
    number goes in), for the edit; a Word paragraph has no columns, so the default is 1."""
    lines = list(lines)
    counters = [0] * (LEVELS + 1)
    out: list[SourceLine] = []
    edits: list[Edit] = []
    page_top = False  # the line before was an attachment page's label
    own_scheme = any(_is_heading(line) and _NUMBER_LIKE.match(line.text.lstrip(_INDENT)) for line in lines)
    for i, line in enumerate(lines):
        if not line.text.strip():
            out.append(line)
            continue
        at_page_top, page_top = page_top, False
        if _page_label(line):
            counters = [0] * (LEVELS + 1)
            line, page_top = _as_label(line), True
        elif at_page_top and _is_heading(line) and _unnumbered(line.text):
            line = SourceLine(line.text, line.origin, Hint("attachment_title"), line.soft)
        elif _is_heading(line) and _read_as_other(lines, i):
            line = _unhinted(line)
        elif _numbers(line) and not own_scheme:
            line = _numbered(line, counters, column, edits)
        out.append(line)
    return out, edits


def _is_heading(line: SourceLine) -> bool:
    return line.hint is not None and line.hint.kind == "heading"


def _as_label(line: SourceLine) -> SourceLine:
    """An attachment page's label: ``附件2`` left to the parser's attachment rules; ``附件2：`` styled as a
    heading (which unstyled would open a 附件说明 list) marked as the label it is."""
    if _is_heading(line) and not is_attachment_label(line.text.strip(_INDENT)):
        return SourceLine(line.text, line.origin, Hint("attachment_label"), line.soft)
    return _unhinted(line)


def _unhinted(line: SourceLine) -> SourceLine:
    """A heading-styled line left to the parser's own rules (its heading hint dropped)."""
    return SourceLine(line.text, line.origin, None, line.soft) if _is_heading(line) else line


def _numbers(line: SourceLine) -> bool:
    """A heading the outline counts: hinted as one, with a level, not numbered in a sequence of its own."""
    return _is_heading(line) and bool(line.hint.level) and not _numbered_otherwise(line.text)


def _unnumbered(text: str) -> bool:
    """No number of any kind at the start: an outline marker, a sequence of its own, a number-like mark."""
    return marker_level(text) is None and not _numbered_otherwise(text)


def _numbered_otherwise(text: str) -> bool:
    """Starts with a number-like mark other than an outline marker: 第一章 / 第二节, a speech lead (第一，
    一是 首先，), an article (第一条), a circled ①, ``1.1``, ``1 ``, ``Ⅰ.``, ``A.``."""
    text = text.lstrip(_INDENT)
    if marker_level(text) is not None and not has_own_number(text):
        return False
    outline = match_outline(text)
    return (has_own_number(text) or match_speech_lead(text) is not None or match_article(text) is not None
            or outline is not None or _NUMBER_LIKE.match(text) is not None)


def _read_as_other(lines: Sequence[SourceLine], i: int) -> bool:
    """The parser reads the line as a 主送, a date line, a 署名 over its date or a speaker by the date line."""
    text = _compact(lines[i].text)
    if is_salutation(text) and _in_the_head(lines, i):
        return True
    if match_date_line(text) is not None or split_signature_date(text) is not None:
        return True
    if is_signature_shape(text) and _signs_a_date(lines, i):
        return True
    return is_speaker(text) and any(_is_date_line(lines[j].text) for j in _neighbours(lines, i))


def _in_the_head(lines: Sequence[SourceLine], i: int) -> bool:
    """Only the title and its date, speaker or document number come before line ``i``: where the 主送 stands
    (``主要任务：`` further down is a heading)."""
    before = [line for line in lines[:i] if line.text.strip()]
    for n, line in enumerate(before):
        text = _compact(line.text)
        if line.hint is not None and line.hint.kind in ("title", "subtitle"):
            continue
        if n == 0 and line.hint is None and is_title_like(text):
            continue  # a title the source did not style as one
        if match_date_line(text) is None and not is_speaker(text) and not is_doc_number(text):
            return False
    return True


def _signs_a_date(lines: Sequence[SourceLine], i: int) -> bool:
    """The line stands over a date, with at most a few more 署名-shaped lines between."""
    for j in _following(lines, i)[:SIGNATURE_LINES]:
        text = _compact(lines[j].text)
        if is_closing_date(text):
            return True
        if not is_signature_shape(text):
            return False
    return False


def _is_date_line(text: str) -> bool:
    return match_date_line(_compact(text)) is not None


def _following(lines: Sequence[SourceLine], i: int) -> list[int]:
    return [j for j in range(i + 1, len(lines)) if lines[j].text.strip()]


def _neighbours(lines: Sequence[SourceLine], i: int) -> list[int]:
    """The nearest non-blank lines before and after line ``i``."""
    before = next((j for j in range(i - 1, -1, -1) if lines[j].text.strip()), None)
    after = next(iter(_following(lines, i)), None)
    return [j for j in (before, after) if j is not None]


def _compact(text: str) -> str:
    return text.strip(_INDENT)


def _numbered(line: SourceLine, counters: list[int], column: Callable[[SourceLine], int],
              edits: list[Edit]) -> SourceLine:
    written = marker_level(line.text)
    level = written or min(max(line.hint.level, 1), LEVELS)
    counters[level] = (marker_number(line.text) if written else None) or counters[level] + 1
    counters[level + 1:] = [0] * (LEVELS - level)
    if written:
        return line
    marker = outline_marker(level, counters[level])
    indent = len(line.text) - len(line.text.lstrip(_INDENT))
    edits.append(Edit(line.origin, column(line) + indent, "", marker, RULE))
    text = line.text[:indent] + marker + line.text[indent:]
    return SourceLine(text, line.origin, line.hint, line.soft)

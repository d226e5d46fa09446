"""How a text indents its lines. A PDF copy indents the first line of each paragraph (two characters) and
leaves its other lines flush and full; a web text indents every paragraph or none."""
from __future__ import annotations

from dataclasses import dataclass

from .chars import display_width
from .tracked import Tracked

PAGE_FULL_LINE = 36  # display cells: without a wrap width, a line this wide is a full line of a page
INDENT_CELLS = 4  # display cells: a paragraph's first line is indented by two characters
MIN_INDENTED = 3  # lines: a PDF copy has at least this many indented lines, and as many full unindented ones
PDF_FULL_SHARE = 0.5  # of its unindented lines, a PDF copy has at least this share of full lines
PDF_ENDED_SHARE = 0.5  # and at most this share of its indented and full lines end a sentence
SENTENCE_ENDS = "。！？"


@dataclass(frozen=True)
class Indents:
    """``first_lines``: some lines are indented and others not, so an indented line starts a paragraph;
    ``pdf_copy``: moreover several are, and the lines that are not are mostly full lines (a PDF copy's
    continuation lines), so an unindented line starts no paragraph of body text."""

    first_lines: bool
    pdf_copy: bool


def read_indents(lines: list[Tracked]) -> Indents:
    indented = [line for line in lines if line.text and is_indented(line)]
    flush = [line for line in lines if line.text and not is_indented(line)]
    first_lines = bool(indented) and bool(flush)
    full_lines = [line for line in flush if display_width(line.text) >= PAGE_FULL_LINE]
    full = len(full_lines)
    # A PDF copy's lines are cut wherever the page ended: its first lines and most full lines stop mid-sentence.
    # A text with one paragraph a line, indented or not as it came, ends nearly every line with a sentence.
    cut = indented + full_lines
    ended = sum(1 for line in cut if line.text.rstrip()[-1:] in SENTENCE_ENDS)
    pdf_copy = (first_lines and len(indented) >= MIN_INDENTED and full >= MIN_INDENTED
                and full >= PDF_FULL_SHARE * len(flush) and ended <= PDF_ENDED_SHARE * len(cut))
    return Indents(first_lines, pdf_copy)


def is_indented(line: Tracked) -> bool:
    """The source line had indentation before this text (its first character is not in column 1)."""
    return bool(line.origins) and line.origins[0][1] > 1

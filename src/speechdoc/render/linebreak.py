"""Chinese line breaking for the PDF: 禁则 (no line starts with ，。、 … nor ends with （《“), hanging punctuation,
and justification by per-line tracking.

WeasyPrint justifies only by widening spaces, which Chinese text has none of, and it would push a character to
the next line wherever a closing mark falls at the end of a full line (a ragged right edge). So the PDF renderer
breaks the lines itself, the way Word and LibreOffice set the same .docx: a closing mark that does not fit hangs
past the line end (标点悬挂, Word's "allow punctuation to overflow" and LibreOffice's "hanging punctuation",
both on by default); otherwise the last character moves down and the line is spread to the full measure.
"""
from __future__ import annotations

from dataclasses import dataclass

NO_LINE_START = frozenset("，。、；：？！）》”’〕】」』〉…—·％%‰℃,.;:?!)]}")
NO_LINE_END = frozenset("（《“‘〔【「『〈([{")
HANGING = frozenset("，。、；：？！”’）》」』〕】")  # may hang one past the line end
_PAIRED = frozenset("—…")  # —— and …… never split
BREAK_SPACES = " \u3000"  # a space where a line breaks is not seen: it stays past the end of the line above
EPS = 0.01


def _is_word(c: str) -> bool:
    return c.isascii() and not c.isspace()


def can_break_before(text: str, i: int) -> bool:
    """May a line end just before ``text[i]``?"""
    if i <= 0 or i >= len(text):
        return True
    prev, cur = text[i - 1], text[i]
    if cur in NO_LINE_START or prev in NO_LINE_END:
        return False
    if prev in _PAIRED and cur == prev:
        return False
    if _is_word(prev) and _is_word(cur):
        return False  # inside a Latin word or a number such as 98.5
    return True


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # exclusive; includes a hanging mark
    hanging: bool  # the last character hangs past the measure
    natural: float  # width of the characters inside the measure (pt)
    last: bool  # the paragraph's last line (not spread)
    spaces: int = 0  # spaces at the end, past the measure: a space where a line breaks is not seen

    @property
    def inside(self) -> int:
        """How many characters sit inside the measure (neither a hanging mark nor the spaces at the break)."""
        return self.end - self.start - self.spaces - (1 if self.hanging else 0)


def break_lines(text: str, widths: list[float], first: float, rest: float) -> list[Line]:
    """Lines of ``text`` whose characters have ``widths`` (pt) in a first line of ``first`` pt, then ``rest`` pt."""
    lines: list[Line] = []
    i, n, measure = 0, len(text), first
    while i < n:
        w, j = 0.0, i
        while j < n and w + widths[j] <= measure + EPS:
            w += widths[j]
            j += 1
        if j >= n:
            lines.append(Line(i, n, False, w, True))
            break
        if j == i:  # a single character wider than the measure
            lines.append(Line(i, i + 1, False, widths[i], i + 1 >= n))
            i, measure = i + 1, rest
            continue
        if text[j] in HANGING and can_break_before(text, j + 1) and j > i:
            lines.append(Line(i, j + 1, True, w, j + 1 >= n))
            i, measure = j + 1, rest
            continue
        end = j
        while end > i + 1 and not can_break_before(text, end):
            end -= 1
        if end == i + 1 and not can_break_before(text, end):
            end = j  # nothing allowed: break where it fits
        elif sum(widths[i:end]) < measure / 2 and all(_is_word(c) for c in text[end:j + 1]):
            end = j  # a Latin run longer than half a line (a URL, an identifier) breaks where the line is full
        lines.append(_broken_line(text, widths, i, end))
        i, measure = lines[-1].end, rest
    return _avoid_runt(text, widths, lines, rest)


def _broken_line(text: str, widths: list[float], start: int, end: int) -> Line:
    """The line ``text[start:end]`` ended by a break: spaces at the break (those before it, and those after it,
    which move up) sit past the measure, so the line is spread to the edge by its visible characters."""
    before = 0
    while end - before > start + 1 and text[end - before - 1] in BREAK_SPACES:
        before += 1
    after = _spaces_at(text, end)
    stop = end + after
    return Line(start, stop, False, sum(widths[start:end - before]), stop >= len(text), before + after)


def _spaces_at(text: str, i: int) -> int:
    """How many spaces start at ``text[i]``: they stay at the end of the line above, so no line starts with one
    (unless what follows them may not start a line either)."""
    j = i
    while j < len(text) and text[j] in BREAK_SPACES:
        j += 1
    return j - i if can_break_before(text, j) else 0


def _is_runt(text: str) -> bool:
    """A last line with a single character (closing marks aside): 孤字."""
    return sum(c not in NO_LINE_START for c in text) <= 1


def _avoid_runt(text: str, widths: list[float], lines: list[Line], rest: float) -> list[Line]:
    """Move one more character down to a last line that would hold a single character.

    The line count stays the same (so does the pagination); the line above is spread to the full measure.
    """
    if len(lines) < 2 or not _is_runt(text[lines[-1].start:lines[-1].end]):
        return lines
    prev, last = lines[-2], lines[-1]
    end = prev.end - prev.spaces - (2 if prev.hanging else 1)
    while end > prev.start + 2 and (not can_break_before(text, end) or text[end] in BREAK_SPACES):
        end -= 1
    if (end <= prev.start + 2 or not can_break_before(text, end) or text[end] in BREAK_SPACES
            or sum(widths[end:last.end]) > rest + EPS):
        return lines
    return [*lines[:-2], Line(prev.start, end, False, sum(widths[prev.start:end]), False),
            Line(end, last.end, False, sum(widths[end:last.end]), True)]


def spread(line: Line, target: float, count_inside: int) -> float:
    """Extra tracking (pt per character) that brings ``line`` to ``target`` pt; 0 for a last line, unless a
    closing mark hangs from it (the line is full)."""
    if (line.last and not line.hanging) or count_inside < 2:
        return 0.0
    extra = target - line.natural
    return extra / (count_inside - 1) if extra > EPS else 0.0

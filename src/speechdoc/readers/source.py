"""What a rich reader (Markdown, Word, HTML) hands to the one text parser.

A rich reader turns its file into the lines the text would be if the user had pasted it
(headings with their numbers, ``附件：1.…``, signature and date lines), each with

* ``origin`` — where it came from in the source (Markdown line, Word paragraph number,
  HTML line), so the model's line numbers point into the user's file, and
* an optional ``hint`` — the kind the source format already knows (a Word Heading 2
  style, a Markdown ``#``, a table), which the parser takes instead of guessing.

Lines are numbered 1, 2, 3 … in order (``numbered()``), and ``hints()`` is keyed by those
numbers: the contract of ``speechdoc.parse.parse_lines(lines, hints=...)``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..errors import Diagnostic
from ..model import Dropped, Edit, Meta
from ..parse.hint import Hint  # the parser owns the Hint type; readers only build it


@dataclass(frozen=True)
class SourceLine:
    text: str
    origin: int | None = None  # 1-based position in the source file (line or paragraph)
    hint: Hint | None = None
    # The source broke this line off the previous one *inside* a block (``<br>``, Word's manual
    # line break): it may be a stray break, so the cleaner may join it back like a hard wrap.
    soft: bool = False


@dataclass(frozen=True)
class SourceDocument:
    """A rich source read into pasted-text lines, with hints, drops and warnings."""

    path: str | None
    format: str  # markdown | docx | html
    lines: tuple[SourceLine, ...]
    encoding: str | None = None
    dropped: tuple[Dropped, ...] = ()  # content the reader left out on purpose (web-page chrome)
    edits: tuple[Edit, ...] = ()  # what the reader wrote into the text (a heading's generated number)
    warnings: tuple[Diagnostic, ...] = ()
    meta: Meta = field(default_factory=Meta)

    def texts(self) -> list[str]:
        """The lines as the cleaner's input, a blank line between blocks.

        A block of a rich source (a paragraph, a heading) is never a hard-wrapped piece, so a
        blank line keeps the cleaner from joining two of them (the parser skips blank lines);
        only ``soft`` lines follow their predecessor directly.
        """
        out: list[str] = []
        for line in self.lines:
            if out and not line.soft:
                out.append("")
            out.append(line.text)
        return out

    def hints(self) -> dict[int, Hint]:
        """Hints keyed by text line number (see ``texts``)."""
        return {n: line.hint for n, line in zip(self._numbers(), self.lines) if line.hint is not None}

    def origin(self, number: int | None) -> int | None:
        """The source position of text line ``number`` (see ``texts``), else ``number`` itself."""
        found = self._origins.get(number) if number is not None else None
        return number if found is None else found

    @cached_property
    def _origins(self) -> dict[int, int | None]:
        return {n: line.origin for n, line in zip(self._numbers(), self.lines)}

    def _numbers(self) -> list[int]:
        """The text line number of each line (see ``texts``)."""
        out: list[int] = []
        for line in self.lines:
            out.append(1 if not out else out[-1] + (1 if line.soft else 2))
        return out


def table_line(rows: tuple[tuple[str, ...], ...], origin: int | None = None) -> SourceLine:
    """A table as one hinted line. The hint's rows are the table; the line's text is only a label
    (every cell, separated by ｜, so a report that names the line shows the table's words)."""
    text = "｜".join("｜".join(" ".join(cell.split()) for cell in row) for row in rows)
    return SourceLine(text, origin, Hint("table", rows=rows))

"""Structure: numbered, cleaned lines → the blocks of the document model.

    blocks, warnings = parse_lines(lines, lead_level=2, hints=None)

``lines`` is a sequence of ``(source line number, text)``; blank lines are allowed and skipped.
``hints`` maps a source line number to a ``Hint`` (kind, level, rows) for rich readers that already
know what a line is; a hinted line skips the matchers (see ``hint.Hint``).

The document is read in zones, each with its ordered table of named rules:
head (``head.HEAD_RULES``: title, doc_number, subtitle, date_line, salutation, speaker) → body
(``body.BODY_RULES``: attachments, outline headings alone or run-in, speech leads, paragraph) →
closing (``closing.find_closing``: 署名, 成文日期, 附注, by position and shape) → attachment pages
(``附件`` label, attachment title, then a body of their own). Numbering problems become warnings
(``numbering``). The parser never raises on text: a line no rule recognises is a paragraph.
"""
from __future__ import annotations

from typing import Iterable, Mapping

from ..errors import Diagnostic
from ..model import Block
from .body import parse_body
from .closing import attachment_head, attachment_pages, find_closing
from .head import parse_head
from .hint import Hint
from .lines import content_lines
from .numbering import check_numbering
from .state import State

__all__ = ["Hint", "parse_lines"]


def parse_lines(lines: Iterable[tuple[int, str]], *, lead_level: int = 2,
                hints: Mapping[int, Hint] | None = None) -> tuple[list[Block], list[Diagnostic]]:
    state = State(content_lines(lines), lead_level=lead_level, hints=hints or {})
    total = len(state.lines)
    body_start = parse_head(state, 0, total)
    pages = [p for p in attachment_pages(state, body_start, total)]
    main_end = pages[0] if pages else total
    _body_and_closing(state, body_start, main_end)
    for n, start in enumerate(pages, 1):
        end = pages[n] if n < len(pages) else total
        state.scope = n
        used = attachment_head(state, start, end)
        _body_and_closing(state, start + used, end)
    if not state.blocks:
        state.warn(None, "the text is empty after cleaning", "check the input file", "empty")
    return state.blocks, state.warnings + check_numbering(state.numbered)


def _body_and_closing(state: State, start: int, end: int) -> None:
    closing_start, closing = find_closing(state, start, end)
    parse_body(state, start, closing_start)
    for block in closing:
        state.add(block)

"""Hints: how a rich reader (Markdown, Word, HTML) tells the parser what a line already is."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hint:
    """Force the kind of one source line, skipping the line matchers.

    ``kind`` is one of ``model.BLOCK_KINDS``. ``level`` is the heading level (1–4) for ``heading``;
    the marker, if the text starts with one, is still recorded. A ``table`` hint becomes a table
    block with ``rows`` (the line's text is then only a label and may be empty). A hinted ``title``
    line directly after another hinted ``title`` line continues the same title block.
    """

    kind: str
    level: int | None = None
    rows: tuple[tuple[str, ...], ...] = ()

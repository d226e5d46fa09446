"""Blocks for lines whose kind a rich reader already knows (see ``Hint``)."""
from __future__ import annotations

from dataclasses import replace

from ..model import BLOCK_KINDS, Block
from .attachments import attachments_rule
from .matchers import match_outline
from .state import State


def hinted_block(state: State, i: int) -> int:
    """Add the block a hint asks for; returns the lines used (0 when line ``i`` has no usable hint)."""
    hint = state.hint(i)
    if hint is None:
        return 0
    line = state.lines[i]
    if hint.kind not in BLOCK_KINDS:
        state.warn(line.number, f"unknown hint kind {hint.kind!r}; read as a paragraph")
        state.add(Block("paragraph", line.text, line.number))
        return 1
    if hint.kind == "table":
        state.add(Block("table", line.text if not hint.rows else "", line.number,
                        rows=hint.rows or ((line.text,),)))
        return 1
    if hint.kind == "heading":
        outline = match_outline(line.text)
        level = hint.level or (outline.level if outline else 1)
        state.add(Block("heading", line.text, line.number, level=max(1, min(4, level)),
                        marker=outline.marker if outline else None))
        return 1
    if hint.kind == "title" and state.blocks and state.blocks[-1].kind == "title" and _previous_hinted_title(state, i):
        last = state.blocks[-1]
        parts = last.lines or (last.text,)
        state.blocks[-1] = replace(last, text=last.text + line.text, lines=parts + (line.text,))
        return 1
    if hint.kind == "attachments":
        return attachments_rule(state, i, len(state.lines), forced=True)
    state.add(Block(hint.kind, line.text, line.number, level=hint.level))
    return 1


def _previous_hinted_title(state: State, i: int) -> bool:
    if i == 0:
        return False
    prev = state.hint(i - 1)
    return prev is not None and prev.kind == "title"

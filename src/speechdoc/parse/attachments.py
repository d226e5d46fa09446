"""附件说明: ``附件：1.名称`` with the following numbered item lines, or ``附件：名称`` for a single one."""
from __future__ import annotations

from ..model import Block
from .matchers import match_attachment_item, match_attachments_intro
from .state import State


def attachments_rule(state: State, i: int, end: int, *, forced: bool = False) -> int:
    """One attachments block from line ``i`` and the item lines after it (up to ``end``)."""
    line = state.lines[i]
    rest = match_attachments_intro(line.text)
    if rest is None:
        if not forced:
            return 0
        rest = line.text
    texts, items = [line.text], []
    first = match_attachment_item(rest)
    if first:
        items.append(first[1])
        state.number(i, "attachments", 1, f"{first[0]}.", first[0], "1.")
    elif rest:
        items.append(rest)
    j = i + 1
    while j < end and (first or not rest):
        item = match_attachment_item(state.lines[j].text)
        if item is None or state.hint(j) is not None:
            break
        texts.append(state.lines[j].text)
        items.append(item[1])
        state.number(j, "attachments", 1, f"{item[0]}.", item[0], "1.")
        first = first or item
        j += 1
    if not items:
        state.warn(line.number, "附件 line without an attachment name", "write the name after 附件：")
    state.add(Block("attachments", "\n".join(texts), line.number, items=tuple(items)))
    return j - i

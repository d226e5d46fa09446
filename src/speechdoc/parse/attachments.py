"""附件说明: ``附件：1.名称`` with the following numbered item lines, or ``附件：名称`` for a single one."""
from __future__ import annotations

from ..model import Block
from .matchers import (is_attachment_label, is_closing_date, match_attachments_intro, split_attachment_items,
                       split_signature_date)
from .state import State

SINGLE_ATTACHMENT_NUMBER = "single-attachment-number"  # the warning code when the renderers leave a 1. out


def attachments_rule(state: State, i: int, end: int, *, forced: bool = False) -> int:
    """One attachments block from line ``i`` and the item lines after it (up to ``end``)."""
    line = state.lines[i]
    rest = _intro_rest(state, i, end, forced)
    if rest is None:
        return 0
    texts, items = [line.text], []
    numbered = split_attachment_items(rest)
    if numbered:
        _add_items(state, i, numbered, items)
    elif rest:
        items.append(rest)
    j = i + 1
    while j < end and state.hint(j) is None:
        text = state.lines[j].text
        if items and name_continues(items[-1]):
            items[-1] += text  # a wrapped name: ``…检查要点和`` / ``责任分工）`` (7.3.4 回行)
        elif numbered or not rest:
            more = split_attachment_items(text)
            if not more:
                break
            _add_items(state, j, more, items)
            numbered = numbered or more
        else:
            break
        texts.append(text)
        j += 1
    if not items:
        state.warn(line.number, "附件 line without an attachment name", "write the name after 附件：")
    elif numbered and len(items) == 1:
        state.warn(line.number, f"a single attachment is not numbered: “{numbered[0][0]}.” is left out",
                   "GB/T 9704 7.3.4 numbers attachments only when there are several", SINGLE_ATTACHMENT_NUMBER)
    state.add(Block("attachments", "\n".join(texts), line.number, items=tuple(items)))
    return j - i


_PAIRS = ("（）", "《》", "〔〕", "(）", "“”")


def name_continues(name: str) -> bool:
    """The name stops inside brackets or a book title: its next line continues it."""
    return any(name.count(a) > name.count(b) for a, b in _PAIRS)


def _intro_rest(state: State, i: int, end: int, forced: bool) -> str | None:
    """The text after ``附件：`` on line ``i`` ("" when the names follow), or None when it is no 附件说明."""
    text = state.lines[i].text
    rest = match_attachments_intro(text)
    if rest is None and is_attachment_label(text) and i + 1 < end and split_attachment_items(state.lines[i + 1].text):
        return ""  # 附件 (colon missing) with the names on the following lines; not a page (see attachment_pages)
    return text if rest is None and forced else rest


def _add_items(state: State, i: int, numbered: list[tuple[int, str]], items: list[str]) -> None:
    for number, name in numbered:
        items.append(name)
        state.number(i, "attachments", 1, f"{number}.", number, "1.")


def is_bare_attachments_intro(state: State, i: int, end: int) -> bool:
    """``附件`` alone, then numbered names, then (later) the closing date: a 附件说明 without its colon."""
    lines = state.lines
    return (state.hint(i) is None and i + 1 < end and bool(split_attachment_items(lines[i + 1].text))
            and any(is_closing_date(lines[k].text) or split_signature_date(lines[k].text) for k in range(i + 2, end)))

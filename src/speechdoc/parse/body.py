"""The body: outline headings at four levels (alone or run-in), speech leads, 附件说明, paragraphs.

An ordered table of rules, tried in turn on each line; the first that takes the line adds its block(s)
and returns how many lines it used. The last rule, ``paragraph``, takes any line, so the parser never
fails on text.
"""
from __future__ import annotations

from ..model import Block, Lead
from .attachments import attachments_rule
from .hinted import hinted_block
from .matchers import (MAX_LEAD, MAX_SHORT_HEADING, Outline, heading_alone, is_greeting, is_title_like,
                       match_article, match_outline, match_speech_lead, run_in_sentence)
from .state import State

MAX_ORPHAN_TEXT = 30  # a marker alone on its line takes the next line as its text when it is this short


def outline_rule(state: State, i: int, end: int) -> int:
    line = state.lines[i]
    outline = match_outline(line.text)
    if outline is None:
        return 0
    sequence = "chapter" if outline.style.startswith("第") else "outline"  # 第一章/第一节 count on their own
    state.number(i, sequence, outline.level, outline.marker, outline.number, style_of(outline))
    if not outline.rest:
        return _orphan_marker(state, i, end, outline)
    if heading_alone(outline) and not _one_of_a_list(state, i, end, outline):
        state.add(Block("heading", line.text, line.number, level=outline.level, marker=outline.marker))
        return 1
    lead = run_in_sentence(line.text, len(line.text) - len(outline.rest))
    state.add(Block("paragraph", line.text, line.number,
                    lead=Lead(outline.level, lead, outline.marker) if lead else None))
    return 1


def _one_of_a_list(state: State, i: int, end: int, outline: Outline) -> bool:
    """A whole-sentence item followed by its sibling (（4）…。 then （5）…) is a list item, not a heading."""
    if outline.rest[-1] not in "。！？" or len(outline.rest) <= MAX_SHORT_HEADING or i + 1 >= end:
        return False
    nxt = match_outline(state.lines[i + 1].text)
    return nxt is not None and nxt.level == outline.level and nxt.number == outline.number + 1


def _orphan_marker(state: State, i: int, end: int, outline: Outline) -> int:
    """``（三）`` alone (a flattened table cell): the next short line is its heading text."""
    line = state.lines[i]
    if i + 1 < end and state.hint(i + 1) is None:
        nxt = state.lines[i + 1].text
        if len(nxt) <= MAX_ORPHAN_TEXT and is_title_like(nxt):
            state.add(Block("heading", line.text + nxt, line.number, level=outline.level, marker=outline.marker))
            return 2
    state.add(Block("heading", line.text, line.number, level=outline.level, marker=outline.marker))
    state.warn(line.number, f"the marker {outline.marker} stands alone without a heading text")
    return 1


def style_of(outline: Outline) -> str:
    """The marker's style family: 一、 / 一. / （一） / 1. / 1、 / （1） / ①."""
    marker = outline.marker.replace("．", ".").replace("(", "（").replace(")", "）")
    if outline.style.startswith("第"):
        return outline.style
    if outline.level in (1, 2):
        return "（一）" if outline.level == 2 else ("一、" if marker.endswith("、") else "一.")
    return outline.style


def speech_lead_rule(state: State, i: int, end: int) -> int:
    line = state.lines[i]
    found = match_speech_lead(line.text)
    if found is None or (found.family == "首先，" and not _has_sibling_word(state, end, found.marker)):
        return 0
    state.number(i, f"lead:{found.family}", 0, found.marker, found.number, found.family)
    lead = run_in_sentence(line.text, len(found.marker), limit=MAX_LEAD, alone_ok=True)
    state.add(Block("paragraph", line.text, line.number,
                    lead=Lead(state.lead_level, lead, found.marker) if lead else None))
    return 1


def _has_sibling_word(state: State, end: int, marker: str) -> bool:
    """首先，/其次，/最后，… lead a series: a lone ``最后，`` (a closing wish in a 致辞) is an ordinary sentence."""
    for other in state.lines[:end]:
        sibling = match_speech_lead(other.text)
        if sibling and sibling.family == "首先，" and sibling.marker != marker:
            return True
    return False


MAX_BLOCKS_BEFORE_SALUTATION = 3  # an editor's note may precede 同志们： by this many paragraphs


def late_salutation_rule(state: State, i: int, end: int) -> int:
    """``同志们：`` after a short preface (an editor's note, meeting facts) is still the salutation."""
    line = state.lines[i]
    if state.scope or not is_greeting(line.text) or any(b.kind in ("salutation", "heading") for b in state.blocks):
        return 0
    if sum(1 for b in state.blocks if b.kind == "paragraph") > MAX_BLOCKS_BEFORE_SALUTATION:
        return 0
    state.add(Block("salutation", line.text, line.number))
    return 1


ARTICLE_LEVEL = 1  # 第N条 is set in the level-1 face (黑体), as regulations print it


def article_rule(state: State, i: int, end: int) -> int:
    """``第一条　为了规范…`` : a paragraph whose lead is the article marker alone."""
    line = state.lines[i]
    found = match_article(line.text)
    if found is None:
        return 0
    marker, number = found
    state.number(i, "article", 0, marker, number, "第一条")
    state.add(Block("paragraph", line.text, line.number, lead=Lead(ARTICLE_LEVEL, marker, marker)))
    return 1


def paragraph_rule(state: State, i: int, end: int) -> int:
    state.add(Block("paragraph", state.lines[i].text, state.lines[i].number))
    return 1


BODY_RULES = (
    ("hint", lambda state, i, end: hinted_block(state, i)),
    ("salutation", late_salutation_rule),
    ("attachments", attachments_rule),
    ("outline", outline_rule),
    ("speech_lead", speech_lead_rule),
    ("article", article_rule),
    ("paragraph", paragraph_rule),
)


def parse_body(state: State, start: int, end: int) -> None:
    i = start
    while i < end:
        i += next(n for _, rule in BODY_RULES if (n := rule(state, i, end)))

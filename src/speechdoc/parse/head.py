"""The head of a document: title, 发文字号, subtitle, speaker, date line, salutation / 主送.

An ordered table of rules; each looks at line ``i`` and what the head holds so far, adds its blocks
and returns how many lines it used. The head ends at the first line no rule takes.
"""
from __future__ import annotations

from ..model import Block
from .hinted import hinted_block
from .matchers import (MAX_TITLE, ends_with_genre, is_banner_mark, is_doc_number, is_greeting, is_issuer_mark,
                       is_meeting_fact, is_salutation, is_signer, is_speaker, is_subtitle, is_title_like,
                       match_date_line)
from .state import State

HEAD_KINDS = {"title", "doc_number", "subtitle", "speaker", "date_line", "salutation"}
MAX_TITLE_PART = 40  # a title's continuation line is at most this long


def _kinds(state: State) -> set[str]:
    return {b.kind for b in state.blocks}


def doc_number_rule(state: State, i: int) -> int:
    if "salutation" in _kinds(state) or not is_doc_number(state.lines[i].text):
        return 0
    state.add(Block("doc_number", state.lines[i].text, state.lines[i].number))
    return 1


def banner_mark_rule(state: State, i: int) -> int:
    """份号, 密级, 紧急程度 above everything (``000123`` / ``机密★1年`` / ``特急``): ``paragraph`` blocks, set at the
    left as the standard places them; the head goes on after them."""
    if _kinds(state) - {"paragraph"} or not is_banner_mark(state.lines[i].text):
        return 0
    state.add(Block("paragraph", state.lines[i].text, state.lines[i].number))
    return 1


def signer_rule(state: State, i: int) -> int:
    """``签发人：王某某`` on its own line by the 发文字号: kept with it in the 版头, as a ``doc_number`` block."""
    if "salutation" in _kinds(state) or not is_signer(state.lines[i].text):
        return 0
    state.add(Block("doc_number", state.lines[i].text, state.lines[i].number))
    return 1


def _under_title(state: State, i: int, kind: str, shape) -> int:
    """Line ``i`` as a ``kind`` block when it has the ``shape`` and stands between the title and the salutation."""
    kinds = _kinds(state)
    if "title" not in kinds or "salutation" in kinds or not shape(state.lines[i].text):
        return 0
    state.add(Block(kind, state.lines[i].text, state.lines[i].number))
    return 1


def subtitle_rule(state: State, i: int) -> int:
    return _under_title(state, i, "subtitle", is_subtitle)


def date_line_rule(state: State, i: int) -> int:
    """``（2020年3月5日）``; with a speaker's name glued on, split into a date line and a speaker line."""
    line = state.lines[i]
    kinds = _kinds(state)
    found = match_date_line(line.text)
    if not found or "salutation" in kinds or ("title" not in kinds and not line.text.startswith(("（", "("))):
        return 0
    date, name, name_first = found
    blocks = [Block("date_line", date, line.number)]
    if name:
        speaker = Block("speaker", name, line.number)
        blocks = [speaker] + blocks if name_first else blocks + [speaker]
    for block in blocks:
        state.add(block)
    return 1


def salutation_rule(state: State, i: int) -> int:
    """主送 / salutation; a second one only when it is a form of address (尊敬的…： then 同志们：)."""
    text = state.lines[i].text
    if not is_salutation(text) or ("salutation" in _kinds(state) and not is_greeting(text)):
        return 0
    state.add(Block("salutation", state.lines[i].text, state.lines[i].number))
    return 1


def speaker_rule(state: State, i: int) -> int:
    kinds = _kinds(state)
    last = state.blocks[-1].kind if state.blocks else None
    if ("title" not in kinds or "salutation" in kinds or last not in ("title", "subtitle", "date_line")
            or not is_speaker(state.lines[i].text)):
        return 0
    state.add(Block("speaker", state.lines[i].text, state.lines[i].number))
    return 1


def title_rule(state: State, i: int) -> int:
    """The first title-like line, and its continuation lines while the title has not reached its genre word."""
    kinds = _kinds(state)
    if not is_title_like(state.lines[i].text) or kinds & {"salutation", "subtitle", "date_line"}:
        return 0
    if "title" in kinds and not _after_issuer_mark(state, i):
        return 0
    parts = [state.lines[i].text]
    j = i + 1
    while j < len(state.lines) and _continues_title(state, parts, j):
        parts.append(state.lines[j].text)
        j += 1
    state.add(Block("title", "".join(parts), state.lines[i].number, lines=tuple(parts) if len(parts) > 1 else ()))
    return j - i


def _after_issuer_mark(state: State, i: int) -> bool:
    """``XX市人民政府文件`` (发文机关标志, or a page title) / 发文字号 / then the real title (``关于…`` or ending in
    its genre word, when the first did not): a second title. The 发文字号 may be missing when the first title is
    ``…文件``, or when a blank line parts it from a title starting ``关于``."""
    titles = [b for b in state.blocks if b.kind == "title"]
    line = state.lines[i]
    if len(titles) != 1 or ends_with_genre(titles[0].text):
        return False
    if not (ends_with_genre(line.text.split("（")[0]) or line.text.startswith("关于")):
        return False
    return (state.blocks[-1].kind == "doc_number" or is_issuer_mark(titles[0].text)
            or (line.after_blank and line.text.startswith("关于")))


def _continues_title(state: State, parts: list[str], j: int) -> bool:
    text = state.lines[j].text
    if ends_with_genre(parts[-1]) or state.hint(j) is not None or len(text) > MAX_TITLE_PART:
        return False
    if is_issuer_mark(parts[-1]) or (state.lines[j].after_blank and text.startswith("关于")):
        return False  # the 版头 ``××市人民政府文件``, or a blank line before the title's ``关于…``
    if sum(map(len, parts)) + len(text) > MAX_TITLE or not is_title_like(text):
        return False
    return not (is_doc_number(text) or is_signer(text) or is_subtitle(text) or match_date_line(text)
                or is_salutation(text) or (is_speaker(text) and not ends_with_genre(text)))  # ``…安排的`` / ``通知``


def meeting_fact_rule(state: State, i: int) -> int:
    """``时间：…`` / ``地点：…`` / ``主持：…`` lines under the title stay paragraphs; the head goes on after them."""
    return _under_title(state, i, "paragraph", is_meeting_fact)


HEAD_RULES = (
    ("banner_mark", banner_mark_rule),
    ("doc_number", doc_number_rule),
    ("signer", signer_rule),
    ("subtitle", subtitle_rule),
    ("date_line", date_line_rule),
    ("salutation", salutation_rule),
    ("speaker", speaker_rule),
    ("meeting_fact", meeting_fact_rule),
    ("title", title_rule),
)


def parse_head(state: State, start: int, end: int) -> int:
    """Add the head's blocks; returns the index of the first body line."""
    i = start
    while i < end:
        hint = state.hint(i)
        if hint is not None:
            if hint.kind not in HEAD_KINDS:
                break
            i += hinted_block(state, i)
            continue
        if "salutation" in _kinds(state) and not is_greeting(state.lines[i].text):
            break
        used = next((n for _, rule in HEAD_RULES if (n := rule(state, i))), 0)
        if not used:
            break
        i += used
    return i

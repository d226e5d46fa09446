"""The items of one numbered list (a Markdown ``1.`` list, a Word ``List Number`` list) are classified alike.

Typed by hand, a numbered line is a heading when it stands alone as one (short, at most one short
sentence) and a paragraph otherwise; a whole sentence followed by its next sibling is a list item, not
a heading (``parse.body``). Line by line, that rule can split one list: ``1.…；`` a paragraph and the
last item ``3.…。``, which has no sibling after it, a heading. A rich source says which lines form one
list, so the rule is applied to the list as a whole, with the parser's own matchers:

* every item stands alone as a heading by the text rule (every item has siblings) → the items are
  left to the parser, which makes them headings;
* otherwise the list is body text. When some item has a run-in heading (``1.加强领导。各单位要……``), the
  items are left to the parser, which keeps the run-in headings and reads a short heading phrase
  (``2.强化隐患排查``) as a heading, all in one numbered series (a hinted line is outside the parser's
  numbering check, so hinting an item in the middle would draw a false numbering warning); only the last
  item, when it is one short sentence (``3.做好宣传工作。``, a heading when no sibling follows), is hinted as
  a paragraph. With no run-in heading to keep, every numbered item is hinted as a paragraph.

A list right under an ``附件：`` line is the attachment list, left to the parser's attachment rules.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..clean import clean
from ..parse.matchers import MAX_SHORT_HEADING, Outline, heading_alone, match_outline, run_in_sentence
from .source import Hint, SourceLine

_ATTACHMENTS_LINE = re.compile(r"^\s*附\s*件\s*[:：]")
_SENTENCE_END = "。！？"


def items_alike(items: Sequence[SourceLine], before: SourceLine | None = None) -> list[SourceLine]:
    """``items`` (one list, in order, their numbers written in) with the hints that make them alike.

    ``before`` is the content line before the list, if any."""
    if len(items) < 2 or (before is not None and _ATTACHMENTS_LINE.match(before.text)):
        return list(items)
    parsed = [_as_parsed(item.text) for item in items]
    if all(outline is not None and _heading_in_a_list(outline) for _, outline in parsed):
        return list(items)
    if any(_run_in(text, outline) for text, outline in parsed):
        # the parser reads each item as typed text would be read, so the items stay one numbered series;
        # only a last item of one short sentence, which no sibling follows, would turn into a heading
        hinted = [False] * (len(parsed) - 1) + [_sentence_alone(*parsed[-1])]
    else:  # no run-in heading to keep: every numbered item is hinted, so none is counted apart from the rest
        hinted = [outline is not None for _, outline in parsed]
    return [SourceLine(item.text, item.origin, Hint("paragraph"), item.soft) if hint and item.hint is None
            else item for item, hint in zip(items, hinted)]


def _as_parsed(text: str) -> tuple[str, Outline | None]:
    """The item as the parser will see it (cleaned: ``;`` → ``；``, ``.`` → ``。``) and its outline marker."""
    cleaned = clean([text], keep_boilerplate=True).lines
    line = cleaned[0][1] if len(cleaned) == 1 else text.strip()
    outline = match_outline(line)
    return line, outline if outline is not None and outline.rest else None


def _run_in(text: str, outline: Outline | None) -> bool:
    """The parser would give the item a run-in heading (``1.加强领导。各单位要……``)."""
    return (outline is not None and not heading_alone(outline)
            and run_in_sentence(text, len(text) - len(outline.rest)) is not None)


def _sentence_alone(text: str, outline: Outline | None) -> bool:
    """One short whole sentence after the marker (``3.做好宣传工作。``): a heading by the text rule when
    no sibling follows it, a list item here."""
    return outline is not None and heading_alone(outline) and outline.rest[-1] in _SENTENCE_END


def _heading_in_a_list(outline: Outline) -> bool:
    """The text parser's heading test for a numbered line with a sibling after it: it stands alone as a
    heading and is not one whole, longer sentence."""
    whole_sentence = outline.rest[-1] in _SENTENCE_END and len(outline.rest) > MAX_SHORT_HEADING
    return heading_alone(outline) and not whole_sentence

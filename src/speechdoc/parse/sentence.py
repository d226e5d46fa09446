"""The first sentence of a paragraph: what a run-in heading or a speech lead is made of."""
from __future__ import annotations

SENTENCE_END = "。！？!?"
_OPEN = "（(“‘《〔【「『"
_CLOSE = "）)”’》〕】」』"


def first_sentence_end(text: str, start: int = 0) -> int | None:
    """Index just past the first sentence end (``。！？``) outside brackets and quotes, or None."""
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in SENTENCE_END and depth == 0:
            return i + 1
    return None


def has_inner_sentence_end(text: str) -> bool:
    """True when a sentence ends somewhere before the last character."""
    end = first_sentence_end(text)
    return end is not None and end < len(text)

"""Character classes the cleaner and the parser share: what counts as Chinese, as space, as a sentence end."""
from __future__ import annotations

import re
import unicodedata

HANZI_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HANZI = re.compile(f"[{HANZI_RANGES}]")
# Chinese punctuation and full-width forms (U+3000 block, U+FF00 block) plus the curly quotes, — and ….
CJK_PUNCT = "\u3001-\u303f\uff01-\uffef\u201c\u201d\u2018\u2019\u2014\u2026\u00b7"
_CHINESE = re.compile(f"[{HANZI_RANGES}{CJK_PUNCT}]")

# Horizontal spaces found in pasted text: ASCII space, tab, NBSP, U+3000, the typographic spaces.
SPACE_CHARS = " \t\u00a0\u3000\u202f\u205f" + "".join(map(chr, range(0x2000, 0x200B)))  # a str of chars, not a range
SPACE_RUN = re.compile(f"[{re.escape(SPACE_CHARS)}]+")
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
OUTER_SPACE = SPACE_CHARS + "\u200b\u200c\u200d\u2060\ufeff"  # for str.strip

SENTENCE_END = "。！？"
CLOSE_QUOTES = "”’」』）》"


def is_hanzi(ch: str) -> bool:
    return bool(ch) and HANZI.match(ch) is not None


def is_chinese(ch: str) -> bool:
    """A hanzi or a Chinese (full-width) punctuation mark."""
    return bool(ch) and _CHINESE.match(ch) is not None


def has_hanzi(text: str) -> bool:
    return HANZI.search(text) is not None


def hanzi_of(text: str) -> list[str]:
    return HANZI.findall(text)


def display_width(text: str) -> int:
    """Width in half-width cells: wide (CJK) characters count 2."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

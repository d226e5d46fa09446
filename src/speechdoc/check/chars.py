"""Character classes the rules share."""
from __future__ import annotations

import re

OPENERS = "“‘（(《【〔〈「『"
CLOSERS = "”’）)》】〕〉」』"
_URL = re.compile(r"(?:https?://|ftp://|www\.)[A-Za-z0-9:/?#\[\]@!$&'*+,;=%._~-]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def is_hanzi(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


def is_cjk_punct(ch: str) -> bool:
    return ("\u3000" < ch <= "\u303f" or "\uff01" <= ch <= "\uff0f" or "\uff1a" <= ch <= "\uff20"
            or ch in "“”‘’…—·")


def is_cjk(ch: str) -> bool:
    """A Chinese character or a Chinese punctuation mark."""
    return is_hanzi(ch) or is_cjk_punct(ch)


def url_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each URL or e-mail address in ``text``."""
    return [m.span() for m in _URL.finditer(text)]


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(start <= pos < end for start, end in spans)

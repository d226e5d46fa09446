"""Remove characters that are illegal in XML (and so in .docx): C0 controls except tab, lone surrogates,
U+FFFE and U+FFFF. Remove text-direction controls (U+200E/200F marks, U+202A–202E embeddings and overrides,
U+2066–2069 isolates): invisible in the source, they reverse or reorder Chinese text in Word and in a PDF.
Each removal is an edit; each affected line gets one warning."""
from __future__ import annotations

import re

from ..errors import Diagnostic
from ..model import Edit
from .tracked import Span, Tracked

ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
DIRECTION = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def remove_control_characters(line: Tracked) -> tuple[Tracked, list[Edit], list[Diagnostic]]:
    return _remove(line, ILLEGAL, "control-character", "control character(s)",
                   "the text had invisible characters that Word cannot store")


def remove_direction_controls(line: Tracked) -> tuple[Tracked, list[Edit], list[Diagnostic]]:
    return _remove(line, DIRECTION, "direction-control", "text-direction mark(s)",
                   "invisible right-to-left marks would reverse or reorder the text")


def _remove(line: Tracked, pattern, rule: str, what: str, hint: str) -> tuple[Tracked, list[Edit], list[Diagnostic]]:
    """Remove every match of ``pattern``: one edit each, one warning for the line naming the code points."""
    found = list(pattern.finditer(line.text))
    if not found:
        return line, [], []
    new, edits = line.replace(Span(m.start(), m.end(), "", rule) for m in found)
    codes = ", ".join(sorted({f"U+{ord(m.group()):04X}" for m in found}))
    return new, edits, [Diagnostic("warning", f"removed {len(found)} {what} ({codes})", line.number, hint, rule)]

"""Numbering checks: gaps, duplicates, numbers out of order, skipped levels, mixed marker styles.

They only warn (with the line number); they never change the model or stop the conversion.
A list may restart at 1, and a level may keep counting across its parents (1.–7. under （一）, 8. under
（二）): neither is a warning. With only two levels, 一、 then 1. is allowed by the standard.
"""
from __future__ import annotations

from ..errors import Diagnostic
from .shapes import format_marker
from .state import Numbered

HINT = "check the numbering in the source"


def check_numbering(items: list[Numbered]) -> list[Diagnostic]:
    warnings: list[Diagnostic] = []
    last: dict[tuple[str, int], int | None] = {}  # since the parent's last marker
    overall: dict[tuple[str, int], int] = {}  # ever, in this sequence
    styles: dict[tuple[str, int], str] = {}
    prev_level: dict[str, int] = {}
    for item in items:
        key = (item.sequence, item.level)
        if item.sequence.endswith((":outline", ":chapter")):
            _reset_leads(item, last)
            _check_level(item, prev_level.get(item.sequence), warnings)
            prev_level[item.sequence] = item.level
        _check_number(item, last.get(key), overall.get(key), warnings)
        _check_style(item, styles, warnings)
        last[key] = item.number
        overall[key] = item.number
        for other in list(last):
            if other[0] == item.sequence and other[1] > item.level:
                last[other] = None
    return warnings


def _reset_leads(item: Numbered, last: dict) -> None:
    scope = item.sequence.split(":")[0]
    for key in list(last):
        if key[0].startswith(f"{scope}:lead:"):
            last[key] = None


def _warn(item: Numbered, message: str) -> Diagnostic:
    return Diagnostic("warning", message, item.line, HINT, "numbering")


def _check_number(item: Numbered, last: int | None, overall: int | None, out: list[Diagnostic]) -> None:
    n = item.number
    if n == 1 and ":lead:" in item.sequence:
        return  # 一是… / 第一，… start a new series in any paragraph
    if last is None:
        if n != 1 and n != (overall or 0) + 1:
            out.append(_warn(item, f"numbering starts at {item.marker} (expected 1)"))
    elif n == last:
        out.append(_warn(item, f"duplicate number {item.marker}"))
    elif n > last + 1:
        missing = " ".join(format_marker(k, item.style) for k in range(last + 1, min(n, last + 4)))
        out.append(_warn(item, f"numbering gap before {item.marker} (missing {missing}{'…' if n - last > 4 else ''})"))
    elif n < last and n != 1:
        out.append(_warn(item, f"number {item.marker} out of order (after {last})"))


def _check_level(item: Numbered, prev: int | None, out: list[Diagnostic]) -> None:
    if prev is None or item.level <= prev + 1 or (prev == 1 and item.level == 3):
        return
    out.append(_warn(item, f"heading level skipped: {item.marker} (level {item.level}) follows a level-{prev} heading"))


def _check_style(item: Numbered, styles: dict, out: list[Diagnostic]) -> None:
    key = (item.sequence.split(":")[0], item.level, item.sequence.endswith(":outline"))
    if not key[2]:
        return
    seen = styles.setdefault(key, item.style)
    if seen != item.style and not styles.get((key, "warned")):
        styles[(key, "warned")] = True
        out.append(_warn(item, f"mixed marker styles at level {item.level}: {item.marker} after {seen}"))

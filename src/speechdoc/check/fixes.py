"""Apply the safe corrections that findings carry; never placeholders or wording.

Fixing runs the checks again until no fixable finding is left (a correction can reveal another), at most
``MAX_PASSES`` times. Each applied correction is returned with the finding that asked for it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .finding import Edit, Finding
from .runner import check_lines

MAX_PASSES = 8


@dataclass(frozen=True)
class FixResult:
    lines: list[str]
    applied: list[Finding]  # in the order of the passes; line and column refer to the text of their pass


def fix_lines(lines: list[str]) -> FixResult:
    current = list(lines)
    applied: list[Finding] = []
    for _ in range(MAX_PASSES):
        fixable = [f for f in check_lines(current) if f.fix is not None]
        current, done = apply_edits(current, fixable)
        applied += done
        if not done:
            break
    return FixResult(current, applied)


def apply_edits(lines: list[str], findings: list[Finding]) -> tuple[list[str], list[Finding]]:
    """Apply each finding's edit, right to left over the whole text (an edit may join or split lines, or drop
    one); an edit that overlaps one already taken, or whose text is not where it says, is left out."""
    text = "".join(line + "\n" for line in lines)
    starts = _line_starts(lines)
    placed = []
    for f in findings:
        start = _offset(starts, f.fix)
        if start is not None and text[start:start + len(f.fix.old)] == f.fix.old:
            placed.append((start, f))
    done = []
    pieces: list[str] = []
    taken_from = len(text)
    for start, f in sorted(placed, key=lambda p: (p[0], len(p[1].fix.old)), reverse=True):
        end = start + len(f.fix.old)
        if end > taken_from or (end == taken_from and not f.fix.old and done):
            continue
        pieces.append(text[end:taken_from])
        pieces.append(f.fix.new)
        taken_from = start
        done.append(f)
    pieces.append(text[:taken_from])
    text = "".join(reversed(pieces))
    done.reverse()
    out = text.split("\n")
    return out[:-1] if out and out[-1] == "" else out, done


def _line_starts(lines: list[str]) -> list[int]:
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return starts


def _offset(starts: list[int], edit: Edit) -> int | None:
    if not 1 <= edit.line <= len(starts):
        return None
    return starts[edit.line - 1] + edit.col - 1

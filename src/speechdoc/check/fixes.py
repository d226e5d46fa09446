"""Apply the safe corrections that findings carry; never placeholders or wording.

Fixing runs the checks again until no fixable finding is left (a correction can reveal another), at most
``MAX_PASSES`` times. Each applied correction is returned with the finding that asked for it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .finding import Edit, Finding
from .runner import check_lines

MAX_PASSES = 4


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
    """Apply each finding's edit, right to left on each line; an edit that overlaps one already taken, or whose
    text is not where it says, is left for the next pass."""
    out = list(lines)
    done = []
    by_line: dict[int, list[Finding]] = {}
    for f in findings:
        by_line.setdefault(f.fix.line, []).append(f)
    for number, group in by_line.items():
        line = out[number - 1]
        taken_from = len(line) + 2  # columns at or after this are already edited
        for f in sorted(group, key=lambda f: (f.fix.col, len(f.fix.old)), reverse=True):
            edit = f.fix
            if edit.col + len(edit.old) > taken_from or not _matches(line, edit):
                continue
            start = edit.col - 1
            line = line[:start] + edit.new + line[start + len(edit.old):]
            taken_from = edit.col
            done.append(f)
        out[number - 1] = line
    return out, done


def _matches(line: str, edit: Edit) -> bool:
    start = edit.col - 1
    return 0 <= start <= len(line) and line[start:start + len(edit.old)] == edit.old

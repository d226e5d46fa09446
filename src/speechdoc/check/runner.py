"""Run every family of rules over a text and order the findings."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .attachments import check_attachments
from .dates import check_dates
from .finding import ERROR, Finding
from .numbering import check_numbering
from .placeholders import check_placeholders
from .punctuation import check_punctuation
from .text import Text
from .title import check_title

GENERIC = "punct-halfwidth"
RULES = (check_title, check_numbering, check_punctuation, check_dates, check_placeholders, check_attachments)


def check_lines(lines: list[str], path: str = "") -> list[Finding]:
    """Every finding for ``lines`` (a file's lines, without line endings), in reading order."""
    text = Text.from_lines(lines)
    findings = _without_doubles({f for rule in RULES for f in rule(text)})
    return sorted((replace(f, path=path) for f in findings), key=lambda f: (f.line, f.col, f.code))


def _without_doubles(findings: set[Finding]) -> list[Finding]:
    """A half-width mark that a more specific rule reports (附件:, 同志们:) is reported once, by that rule."""
    specific = {(f.line, f.col) for f in findings if f.code != GENERIC}
    return [f for f in findings if f.code != GENERIC or (f.line, f.col) not in specific]


def check_file(path: str | Path, encoding: str | None = None) -> list[Finding]:
    from ..readers import read_text

    src = read_text(path, encoding)
    return check_lines(src.lines, src.path or "")


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)

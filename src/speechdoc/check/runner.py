"""Run every family of rules over a text and order the findings."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .articles import check_articles
from .attachments import check_attachments
from .cleaner import cleaner_findings
from .dates import check_dates
from .docnumber import check_doc_numbers
from .finding import ERROR, Finding
from .halfwidth import check_halfwidth
from .numbering import check_numbering
from .pairs import check_pairs
from .placeholders import check_placeholders
from .punctuation import check_punctuation
from .salutation import check_salutation
from .text import Text
from .title import check_title

GENERIC = "punct-halfwidth"
RULES = (check_title, check_salutation, check_numbering, check_articles, check_punctuation, check_pairs, check_dates,
         check_placeholders, check_attachments, check_doc_numbers)


def check_lines(lines: list[str], path: str = "") -> list[Finding]:
    """Every finding for ``lines`` (a file's lines, without line endings), in reading order."""
    text = Text.from_lines(lines)
    from_cleaner = cleaner_findings(lines)
    rules = RULES + (check_halfwidth,) if from_cleaner is None else RULES  # the cleaner's edits replace it
    own = {f for rule in rules for f in rule(text)}
    findings = _merge(own, from_cleaner or [])
    return sorted((replace(f, path=path) for f in findings), key=lambda f: (f.line, f.col, f.code))


def _merge(own: set[Finding], from_cleaner: list[Finding]) -> list[Finding]:
    """One finding per place: a more specific rule (附件:, 同志们:) wins over the generic half-width finding
    or the cleaner's edit at the same place; a line the cleaner drops as boilerplate reports only that."""
    dropped = [f.fix for f in from_cleaner if f.code == "boilerplate"]
    specific = {(f.line, f.col) for f in own if f.code != GENERIC}
    kept = [f for f in own if not _in(dropped, f) and (f.code != GENERIC or (f.line, f.col) not in specific)]
    taken = {(f.line, f.col) for f in kept}
    own_edits = [f.fix for f in kept if f.fix is not None and f.fix.old]
    extra = [f for f in from_cleaner
             if f.code == "boilerplate" or not (_in(dropped, f) or (f.line, f.col) in taken or _in(own_edits, f))]
    return kept + extra


def _in(spans, f: Finding) -> bool:
    return any(e.line == f.line and e.col <= f.col < e.col + len(e.old) for e in spans)


def check_file(path: str | Path, encoding: str | None = None) -> list[Finding]:
    from ..readers import read_text

    src = read_text(path, encoding)
    return check_lines(src.lines, src.path or "")


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)

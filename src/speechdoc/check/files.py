"""Checking and fixing files: read with the project's reader, write atomically, never over the input by accident.

``fix`` writes UTF-8 (LF line endings, as the text came in: CRLF stays CRLF) to the output it is given, or to
standard output; with ``in_place`` it replaces the input and keeps the input's own encoding.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError, SpeechdocError
from .finding import Finding
from .fixes import FixResult, fix_lines
from .runner import check_lines


STDIN = "<stdin>"


@dataclass(frozen=True)
class FixedFile:
    path: str
    output: str  # "-" for standard output
    result: FixResult


def read_plain_text(path: str, encoding: str | None):
    """The file as plain text; Markdown, Word and HTML files are refused: their markup is not text to proofread,
    and ``fix`` would damage it (front matter, entities)."""
    from ..readers import read_text
    from ..readers.dispatch import source_format

    if path != "-":
        fmt = source_format(path)
        if fmt != "text":
            raise InputError(f"is a {fmt} file; check and fix read plain text only", path=path,
                             hint="convert it with `speechdoc to-docx` / `to-pdf` (they read it), "
                                  "or proofread the text saved as .txt")
    return read_text(path, encoding)


def check_paths(paths: list[str], encoding: str | None = None, on_error=None) -> list[Finding]:
    """The findings of every file; a file that cannot be read raises, or with ``on_error`` is handed to it
    and the others are still checked."""
    findings: list[Finding] = []
    for path in paths:
        try:
            src = read_plain_text(path, encoding)
        except SpeechdocError as exc:
            if on_error is None:
                raise
            on_error(exc)
            continue
        findings += check_lines(src.lines, src.path or STDIN)
    return findings


def fix_file(path: str, output: str | None = None, *, in_place: bool = False,
             encoding: str | None = None) -> FixedFile:
    from ..outputs import check_output, write_atomic

    if in_place and output:
        raise InputError("give either -o or --in-place, not both")
    if in_place and path == "-":
        raise InputError("cannot fix standard input in place", hint="give -o OUT or no -o for standard output")
    src = read_plain_text(path, encoding)
    result = fix_lines(src.lines)
    target = path if in_place else (output or "-")
    out_encoding = _output_encoding(src.encoding) if in_place else "utf-8"
    data = _join(result.lines, src.text).encode(out_encoding)
    if not in_place:
        check_output(target, path)
    write_atomic(target, data)
    return FixedFile(path=path, output=str(target), result=result)


def _join(lines: list[str], original: str) -> str:
    eol = "\r\n" if "\r\n" in original else "\n"
    text = eol.join(lines)
    return text + eol if original.endswith(("\n", "\r")) else text


def _output_encoding(encoding: str) -> str:
    return "utf-8" if encoding in ("str", "") else encoding


def describe(fixed: FixedFile) -> list[str]:
    """One line per correction, like the check report: ``file:line:col: fixed: message [code]``."""
    name = fixed.path if fixed.path != "-" else STDIN
    lines = []
    for f in fixed.result.applied:
        change = f"'{f.fix.old}' → '{f.fix.new}'" if f.fix.new else f"removed '{f.fix.old}'"
        lines.append(f"{name}:{f.line}:{f.col}: fixed: {f.message}: {change} [{f.code}]")
    return lines



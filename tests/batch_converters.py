"""Small real converters for the batch tests: they read like speechdoc does and write the text back out.

They live in an importable module (not a test file) so the batch's worker processes can load them.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from speechdoc.errors import InputError
from speechdoc.outputs import write_atomic
from speechdoc.readers import read_text


def text_converter(source: Path, targets, settings) -> int:
    """Write the decoded lines of ``source`` into every target; the real reader's errors pass through."""
    lines = read_text(source, settings.read.encoding).lines
    if not any(line.strip() for line in lines):
        raise InputError("is empty", path=str(source))
    body = ("\n".join(lines) + "\n").encode("utf-8")
    for fmt, out in targets:
        write_atomic(out, f"{fmt}:{os.getpid()}\n".encode() + body)
    return 1 if len(lines) > 1 else 0


def slow_converter(source: Path, targets, settings) -> int:
    """``text_converter`` taking a while per document (for interrupting a batch)."""
    time.sleep(float(os.environ.get("SPEECHDOC_TEST_DELAY", "0.4")))
    return text_converter(source, targets, settings)


def crashing_converter(source: Path, targets, settings) -> int:
    """Kills its own process on a file named ``crash.txt`` (a renderer segfault), converts the rest."""
    if source.name == "crash.txt":
        os._exit(9)
    return text_converter(source, targets, settings)


def warm_counter(settings) -> None:
    os.environ["SPEECHDOC_WARMED"] = str(int(os.environ.get("SPEECHDOC_WARMED", "0")) + 1)


def warm_converter(source: Path, targets, settings) -> int:
    """Writes how many times this process was warmed up (must be once, however many documents)."""
    for _, out in targets:
        write_atomic(out, os.environ.get("SPEECHDOC_WARMED", "0").encode())
    return 0


warm_converter.warm = warm_counter


def failing_warm(settings) -> None:
    raise RuntimeError("fonts missing")


def cold_converter(source: Path, targets, settings) -> int:
    """A converter whose warm-up fails: the documents must still be tried, one by one."""
    return text_converter(source, targets, settings)


cold_converter.warm = failing_warm


def warning_converter(source: Path, targets, settings):
    """``text_converter`` that returns one warning per non-empty line after the first, as the parser's
    warnings come back: ``Diagnostic``s with their source line."""
    from speechdoc.errors import Diagnostic

    text_converter(source, targets, settings)
    lines = read_text(source, settings.read.encoding).lines
    return tuple(Diagnostic("warning", f"numbering gap before {line.strip()}", n, "check the numbering", "numbering")
                 for n, line in enumerate(lines, 1) if n > 1 and line.strip())

"""Batch progress: a one-line bar on a terminal, plain lines otherwise, or nothing.

Each reporter takes the same calls from the batch runner: ``start(total, already)``, ``current(name)``,
``done(outcome)``, ``tick()``, ``note(text)`` and ``close()``. Progress goes to standard error; the summary (and
``--json``) to standard output, so a script can read the one and a person watch the other.
"""
from __future__ import annotations

import shutil
import sys
import time
import unicodedata
from typing import TextIO


class Silent:
    """Reports nothing (the Python API's default)."""

    def start(self, total: int, already: int = 0) -> None:
        self.total, self.finished = total, 0
        self.began = time.monotonic()

    def current(self, name: str) -> None:
        pass

    def done(self, outcome) -> None:
        self.finished += 1

    def tick(self) -> None:
        pass

    def note(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass

    # -- shared arithmetic

    def rate(self) -> float:
        elapsed = time.monotonic() - self.began
        return self.finished / elapsed if elapsed > 0 and self.finished else 0.0

    def eta(self) -> str:
        rate = self.rate()
        if not rate:
            return "--:--"
        return clock((self.total - self.finished) / rate)


class Lines(Silent):
    """One plain line per finished document, for logs and pipes: ``[3/40] converted a/b.txt (0.8 s)``."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr

    def done(self, outcome) -> None:
        super().done(outcome)
        width = len(str(self.total))
        line = f"[{self.finished:>{width}}/{self.total}] {outcome.status} {outcome.name}"
        if outcome.reason:
            line += f": {outcome.reason}"
        elif outcome.seconds:
            line += f" ({outcome.seconds:.1f} s)"
        print(line, file=self.stream, flush=True)

    def note(self, text: str) -> None:
        print(text, file=self.stream, flush=True)


class Bar(Silent):
    """A bar redrawn in place: done/total, percentage, rate, ETA and the file being converted.

    Failures are printed above the bar as they happen, so they are not lost in the redraws.
    """

    REDRAW_S = 0.1

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.name = ""
        self.drawn = 0.0

    def start(self, total: int, already: int = 0) -> None:
        super().start(total, already)
        self._draw(force=True)

    def current(self, name: str) -> None:
        self.name = name
        self._draw()

    def done(self, outcome) -> None:
        super().done(outcome)
        if outcome.status == "failed":
            self._clear()
            print(f"failed {outcome.name}: {outcome.reason}", file=self.stream, flush=True)
        self._draw(force=outcome.status == "failed" or self.finished == self.total)

    def tick(self) -> None:
        self._draw()

    def note(self, text: str) -> None:
        self._clear()
        print(text, file=self.stream, flush=True)
        self._draw(force=True)

    def close(self) -> None:
        self._clear()

    def line(self, columns: int) -> str:
        share = self.finished / self.total if self.total else 1.0
        cells = 20
        full = int(share * cells)
        bar = "█" * full + "░" * (cells - full)
        head = f"{self.finished}/{self.total} {bar} {share:4.0%}  {self.rate():.1f} doc/s  ETA {self.eta()}  "
        return fit(head + self.name, columns - 1)

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.drawn < self.REDRAW_S:
            return
        self.drawn = now
        columns = shutil.get_terminal_size((80, 20)).columns
        self.stream.write("\r\x1b[K" + self.line(columns))
        self.stream.flush()

    def _clear(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()


def for_stream(stream: TextIO | None = None, *, quiet: bool = False) -> Silent:
    """The reporter that suits ``stream``: a bar on a terminal, lines otherwise, nothing when quiet."""
    stream = stream or sys.stderr
    if quiet:
        return Silent()
    return Bar(stream) if _is_terminal(stream) else Lines(stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def clock(seconds: float) -> str:
    """``83`` → ``1:23``; ``3725`` → ``1:02:05``."""
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def cells(text: str) -> int:
    """Terminal columns ``text`` takes (hanzi take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fit(text: str, columns: int) -> str:
    """``text`` cut to ``columns`` terminal columns, with … where it was cut."""
    if cells(text) <= columns:
        return text
    out, used = [], 0
    for c in text:
        w = cells(c)
        if used + w > columns - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"

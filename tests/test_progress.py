from __future__ import annotations

import io

from speechdoc.batch import Outcome
from speechdoc.progress import Bar, Lines, Silent, cells, clock, fit, for_stream


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_name_each_document_with_its_count_and_reason():
    out = io.StringIO()
    p = Lines(out)
    p.start(12)
    p.done(Outcome("a/b.txt", "converted", seconds=0.84))
    p.done(Outcome("c.txt", "failed", reason="is empty"))
    p.close()
    assert out.getvalue().splitlines() == ["[ 1/12] converted a/b.txt (0.8 s)", "[ 2/12] failed c.txt: is empty"]


def test_the_bar_shows_done_total_rate_eta_and_the_current_file():
    out = FakeTTY()
    p = Bar(out)
    p.start(4)
    p.current("讲话/一季度.txt")
    p.done(Outcome("讲话/一季度.txt", "converted", seconds=1))
    line = p.line(120)
    assert line.startswith("1/4 ")
    assert " 25%" in line and "doc/s" in line and "ETA" in line and line.endswith("讲话/一季度.txt")
    assert "\r\x1b[K" in out.getvalue()


def test_the_bar_prints_failures_above_itself():
    out = FakeTTY()
    p = Bar(out)
    p.start(2)
    p.done(Outcome("bad.txt", "failed", reason="is a PNG image, not text"))
    p.close()
    assert "failed bad.txt: is a PNG image, not text\n" in out.getvalue()
    assert out.getvalue().endswith("\r\x1b[K")  # the bar is wiped before the summary


def test_the_reporter_suits_the_stream():
    assert type(for_stream(FakeTTY())) is Bar
    assert type(for_stream(io.StringIO())) is Lines
    assert type(for_stream(FakeTTY(), quiet=True)) is Silent


def test_eta_from_the_rate_so_far():
    p = Silent()
    p.start(10)
    p.began -= 4.0
    p.finished = 2
    assert abs(p.rate() - 0.5) < 0.01
    assert p.eta() == "0:16"


def test_clock_and_terminal_width_of_hanzi():
    assert clock(83) == "1:23" and clock(3725) == "1:02:05"
    assert cells("讲话a") == 5
    assert fit("讲话讲话讲话", 7) == "讲话讲…"
    assert cells(fit("讲话讲话讲话", 7)) <= 7
    assert fit("short", 10) == "short"

"""The benchmark script's own mechanics (the timings themselves are not tested)."""
from __future__ import annotations

import importlib.util
import sys

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "run.py")
bench = importlib.util.module_from_spec(spec)
sys.modules["bench"] = bench
spec.loader.exec_module(bench)


def test_measure_reports_time_memory_and_failure(tmp_path):
    made = tmp_path / "made"
    run = bench.measure([sys.executable, "-c", f"b = bytearray(80 * 2**20); open({str(made)!r}, 'w')"],
                        expect=[made])
    assert run.ok and run.wall > 0 and run.peak_mb > 80
    assert not bench.measure([sys.executable, "-c", "pass"], expect=[tmp_path / "never"]).ok
    assert not bench.measure([sys.executable, "-c", "raise SystemExit(1)"]).ok


def test_the_long_document_grows_with_the_pages_asked_for():
    small, large = len(bench.long_text(20)), len(bench.long_text(80))
    assert 3.5 < large / small < 4.5
    assert bench.long_text(10).startswith("关于全面推进各项工作的讲话\n同志们：\n一、")
    assert "十一、第11部分工作" in bench.long_text(200)


def test_the_corpus_is_distinct_real_documents(tmp_path):
    paths = bench.make_corpus(tmp_path, 12)
    texts = {p.read_text(encoding="utf-8") for p in paths}
    assert len(paths) == len(texts) == 12


def test_the_table_has_ratios_and_marks_failures():
    ours = bench.Result([bench.Run(2.0, 150, True), bench.Run(4.0, 160, True), bench.Run(3.0, 155, True)])
    ours.worker_peak_mb = 120.0
    theirs = bench.Result([bench.Run(10.0, 300, True)])
    broken = bench.Result([bench.Run(1.0, 50, False)])
    table = bench.markdown_table([("batch", ours, theirs, ""), ("broken", broken, None, "")], "a machine")
    assert "| batch | 3.00 | 120 per worker (main 160) | 10.00 | 300 | 0.30× |" in table
    assert "| broken | failed | — | — | — | — |" in table

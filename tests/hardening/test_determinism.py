"""Deterministic output: the same input and options give byte-identical files, in one process and across
processes (different hash seeds, different times, different working folders)."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from speechdoc import api

from ..conftest import ROOT, SAMPLE

needs_pdf = pytest.mark.skipif(importlib.util.find_spec("speechdoc.render.pdf") is None,
                               reason="the PDF renderer has not landed")


def convert_in_process(command: str, src: Path, out: Path, seed: str) -> bytes:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONHASHSEED=seed)
    result = subprocess.run([sys.executable, "-m", "speechdoc", command, str(src), "-o", str(out)],
                            env=env, capture_output=True, cwd=out.parent, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    return out.read_bytes()


@pytest.mark.parametrize("command", ["to-docx", pytest.param("to-pdf", marks=needs_pdf)])
def test_separate_processes_write_identical_bytes(tmp_path, command):
    suffix = ".docx" if command == "to-docx" else ".pdf"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = convert_in_process(command, SAMPLE, tmp_path / "a" / f"out{suffix}", seed="1")
    time.sleep(1.1)  # a timestamp taken from the clock would now differ
    second = convert_in_process(command, SAMPLE, tmp_path / "b" / f"other{suffix}", seed="2")
    assert first == second


def test_docx_renders_identically_in_one_process():
    doc = api.parse(SAMPLE)
    assert api.render_docx_bytes(doc) == api.render_docx_bytes(doc)


def test_docx_zip_has_fixed_times_and_order():
    data = api.render_docx_bytes(api.parse(SAMPLE))
    with zipfile.ZipFile(BytesIO(data)) as z:
        infos = z.infolist()
        core = z.read("docProps/core.xml").decode()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert infos[0].filename == "[Content_Types].xml"
    assert time.strftime("%Y-%m-%d") not in core  # no stamp of today


@needs_pdf
def test_pdf_renders_identically_in_one_process():
    doc = api.parse(SAMPLE)
    assert api.render_pdf_bytes(doc) == api.render_pdf_bytes(doc)

"""The command ends its process right after its work: exit handlers run, output is complete, nothing is left."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pymupdf
import pytest

from speechdoc import quick_exit as quick

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "speech-scraped.txt"


def _speechdoc(*args: str, tmp: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), TMPDIR=str(tmp))
    return subprocess.run([sys.executable, "-m", "speechdoc", *args], env=env, capture_output=True, timeout=300)


def test_to_pdf_writes_everything_and_leaves_no_temporary_folder(tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    done = _speechdoc("to-pdf", str(SAMPLE), "-o", str(tmp_path / "out.pdf"), tmp=temp)
    assert done.returncode == 0, done.stderr
    assert b"wrote" in done.stderr  # the last line of standard error was flushed
    assert pymupdf.open(tmp_path / "out.pdf").page_count == 8
    piped = _speechdoc("to-pdf", str(SAMPLE), "-o", "-", tmp=temp)
    assert piped.returncode == 0 and piped.stdout == (tmp_path / "out.pdf").read_bytes()  # every byte on stdout
    assert list(temp.iterdir()) == []  # WeasyPrint's font folder removed by the exit handler


def test_a_failure_keeps_its_exit_status(tmp_path):
    done = _speechdoc("to-pdf", str(tmp_path / "missing.txt"), tmp=tmp_path)
    assert done.returncode == 1 and b"no such file" in done.stderr


def test_the_normal_exit_when_another_thread_runs(monkeypatch):
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    with pytest.raises(SystemExit) as exit_:
        quick.quick_exit(3)
    assert exit_.value.code == 3


def test_a_message_as_exit_code_takes_the_normal_exit():
    with pytest.raises(SystemExit) as exit_:
        quick.quick_exit("speechdoc: stopped")
    assert exit_.value.code == "speechdoc: stopped"

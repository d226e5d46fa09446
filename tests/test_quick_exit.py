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


def test_no_console_at_all_is_fine(tmp_path):
    """Started with standard output closed (pythonw, a detached launcher): sys.stdout is None."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-m", "speechdoc", "to-docx", str(SAMPLE), "-o", str(tmp_path / "a.docx")],
                          env=env, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1), timeout=300)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.docx").stat().st_size > 0


def test_a_reader_that_stops_reading_ends_the_command_quietly():
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "speechdoc", "to-pdf", str(SAMPLE), "-o", "-"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # `| true`: the reader is gone before the PDF is written
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 1
    assert "internal error" not in stderr and "Traceback" not in stderr and "Exception" not in stderr


def test_a_full_disk_on_standard_output_is_a_plain_error():
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "speechdoc", "inspect", str(SAMPLE)], env=env, stdout=full,
                              stderr=subprocess.PIPE, timeout=300)
    assert done.returncode == 1
    assert b"cannot write: No space left on device" in done.stderr and b"internal error" not in done.stderr

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "examples" / "speech-scraped.txt"

# Test this checkout's code, whatever speechdoc is installed.
sys.path.insert(0, str(ROOT / "src"))


def run_cli(*args: str, input: bytes | None = None, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``python -m speechdoc ARGS`` in a real subprocess, with this checkout's code."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-m", "speechdoc", *args], input=input, cwd=cwd, env=env,
                          capture_output=True, timeout=timeout)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES

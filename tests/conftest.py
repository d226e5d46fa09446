from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "examples" / "speech-scraped.txt"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES

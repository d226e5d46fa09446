"""Each ``tests/fixtures/check/NAME.txt`` has ``NAME.expected``: one ``line:col code`` per expected finding.

The comparison is exact both ways: a finding that is not expected fails as much as one that is missing.
These test the check's own rules, so the converter's cleaner is switched off here (its findings are tested in
``test_cleaner``).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from speechdoc.check import check_lines, cleaner, fix_lines

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "check"
CASES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


@pytest.fixture(autouse=True)
def without_cleaner(monkeypatch):
    monkeypatch.setattr(cleaner, "cleaner", lambda: None)


def _lines(name: str) -> list[str]:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").splitlines()


def fixture_names() -> list[str]:
    return CASES


def fixture_lines(name: str) -> list[str]:
    return _lines(name)


def expected_findings(name: str) -> list[str]:
    return _expected(name)


def _expected(name: str) -> list[str]:
    text = (FIXTURES / f"{name}.expected").read_text(encoding="utf-8")
    return sorted(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def test_every_fixture_has_expectations():
    assert CASES, "no fixtures found"
    assert all((FIXTURES / f"{name}.expected").exists() for name in CASES)


@pytest.mark.parametrize("name", CASES)
def test_findings_match_the_expected_file(name):
    found = sorted(f"{f.line}:{f.col} {f.code}" for f in check_lines(_lines(name)))
    assert found == _expected(name)


@pytest.mark.parametrize("name", CASES)
def test_fix_leaves_no_fixable_finding(name):
    fixed = fix_lines(_lines(name))
    assert [f for f in check_lines(fixed.lines) if f.fixable] == []


@pytest.mark.parametrize("name", [n for n in CASES if n.endswith("clean") or n.endswith("question")])
def test_fix_leaves_clean_text_alone(name):
    fixed = fix_lines(_lines(name))
    assert fixed.lines == _lines(name)
    assert fixed.applied == []

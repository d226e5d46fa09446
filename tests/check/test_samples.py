"""The real texts in shared/samples: every finding was reviewed by hand as a real problem.

Findings of the rules that do not depend on the cleaner are compared exactly with ``samples.expected``;
for all findings, ``fix`` then ``check`` leaves nothing fixable and never touches a placeholder.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from speechdoc.check import check_lines, cleaner, fix_lines
from speechdoc.readers import read_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "samples"
EXPECTED = Path(__file__).resolve().parent.parent / "fixtures" / "check" / "samples" / "samples.expected"
VOLATILE = ("punct-", "boilerplate", "spacing", "hard-wrap", "para-split")  # these follow the cleaner
NAMES = sorted(p.name for p in SAMPLES.glob("*.txt")) if SAMPLES.is_dir() else []

pytestmark = pytest.mark.skipif(not NAMES, reason="shared/samples is not beside this checkout")


def _lines(name: str) -> list[str]:
    return read_text(SAMPLES / name).lines


@pytest.fixture(scope="module")
def expected() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {name: [] for name in NAMES}
    for row in EXPECTED.read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            name, where, code = row.split()
            table.setdefault(name, []).append(f"{where} {code}")
    return table


@pytest.mark.parametrize("name", NAMES)
def test_findings_on_real_samples(name, expected):
    found = [f"{f.line}:{f.col} {f.code}" for f in check_lines(_lines(name)) if not f.code.startswith(VOLATILE)]
    assert sorted(found) == sorted(expected[name])


@pytest.mark.parametrize("name", NAMES)
def test_fix_then_check_finds_nothing_fixable(name):
    lines = _lines(name)
    fixed = fix_lines(lines)
    assert [f for f in check_lines(fixed.lines) if f.fixable] == []
    placeholders = sorted(f.message for f in check_lines(lines) if f.code == "placeholder")
    assert sorted(f.message for f in check_lines(fixed.lines) if f.code == "placeholder") == placeholders


@pytest.mark.skipif(cleaner.cleaner() is None, reason="speechdoc.clean is not installed")
def test_fix_drops_the_web_page_around_a_scraped_speech():
    name = next(n for n in NAMES if n.startswith("01-"))
    fixed = fix_lines(_lines(name)).lines
    assert fixed[0].strip() == "教育局两学一做专题教育动员会讲话稿"
    assert not any(line.startswith(("当前位置", "更新:", "相关文章", "时间:")) for line in fixed)
    assert any(line.strip() == "同志们：" for line in fixed)

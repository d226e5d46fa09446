"""check and fix built on the converter's cleaner: its edits and dropped lines become fixable findings.

The cleaner is replaced here by a small stand-in with the same interface (``clean(lines, keep_boilerplate,
normalize)`` → ``.dropped`` of ``model.Dropped`` and ``.edits`` of ``model.Edit`` in source coordinates).
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from speechdoc.check import check_lines, cleaner, fix_lines
from speechdoc.model import Dropped, Edit
from tests.check.test_fixtures import expected_findings, fixture_lines, fixture_names

SOURCE = ["当前位置:首页 > 正文", "关于开展工作的通知", "各单位：", "请各单位高度重视，", "认真组织实施,确保取得实效。"]


@dataclass
class _Cleaned:
    dropped: tuple
    edits: tuple


def _stand_in_clean(lines, keep_boilerplate=False, normalize=True):
    dropped = tuple(Dropped(i, line, "site navigation") for i, line in enumerate(lines, 1) if line.startswith("当前位置"))
    edits = []
    for i, line in enumerate(lines, 1):
        if line.startswith("当前位置"):
            continue
        edits += [Edit(i, col, ",", "，", "punctuation") for col, ch in enumerate(line, 1) if ch == ","]
        if line.endswith("，") and i < len(lines):
            edits.append(Edit(i, len(line) + 1, "\n", "", "join-wrapped-line"))
    return _Cleaned(dropped, tuple(edits))


@pytest.fixture
def with_cleaner(monkeypatch):
    monkeypatch.setattr(cleaner, "cleaner", lambda: _stand_in_clean)


def test_cleaner_edits_become_findings(with_cleaner):
    found = {(f.line, f.col, f.code) for f in check_lines(SOURCE)}
    assert found == {(1, 1, "boilerplate"), (4, 10, "hard-wrap"), (5, 7, "punct-halfwidth")}


def test_a_dropped_line_reports_nothing_else(with_cleaner):
    codes = [f.code for f in check_lines(SOURCE) if f.line == 1]
    assert codes == ["boilerplate"]  # not the half-width colon on the same line


def test_fix_drops_boilerplate_joins_wraps_and_fixes_marks(with_cleaner):
    fixed = fix_lines(SOURCE)
    assert fixed.lines == ["关于开展工作的通知", "各单位：", "请各单位高度重视，认真组织实施，确保取得实效。"]
    assert [f for f in check_lines(fixed.lines) if f.fixable] == []


def test_without_the_cleaner_the_own_detector_reports_half_width_marks(monkeypatch):
    monkeypatch.setattr(cleaner, "cleaner", lambda: None)
    found = {(f.line, f.col, f.code) for f in check_lines(SOURCE)}
    assert found == {(1, 5, "punct-halfwidth"), (5, 7, "punct-halfwidth")}


# ---------------------------------------------------------------- with the real cleaner, once it is installed

CLEANER_CODES = ("punct-", "boilerplate", "spacing", "hard-wrap", "para-split", "docnum-brackets")


@pytest.mark.skipif(cleaner.cleaner() is None, reason="speechdoc.clean is not installed yet")
@pytest.mark.parametrize("name", fixture_names())
def test_the_real_cleaner_leaves_the_own_findings_as_they_are(name):
    own = sorted(f"{f.line}:{f.col} {f.code}" for f in check_lines(fixture_lines(name))
                 if not f.code.startswith(CLEANER_CODES))
    assert own == [e for e in expected_findings(name) if not e.split()[1].startswith(CLEANER_CODES)]


def test_a_dropped_line_takes_the_blank_lines_after_it(with_cleaner):
    assert fix_lines(["当前位置:首页", "", "关于开展工作的通知", "", "各单位："]).lines == [
        "关于开展工作的通知", "", "各单位："]


def test_an_edit_of_a_rule_added_later_is_still_reported_and_fixed(monkeypatch):
    def clean(lines, keep_boilerplate=False, normalize=True):
        edits = tuple(Edit(i, line.index("~") + 1, "~", "～", "tilde") for i, line in enumerate(lines, 1) if "~" in line)
        return _Cleaned((), edits)

    monkeypatch.setattr(cleaner, "cleaner", lambda: clean)
    assert [(f.code, f.severity) for f in check_lines(["一~二"])] == [("normalize", "warning")]
    assert fix_lines(["一~二"]).lines == ["一～二"]


def test_a_deliberate_separator_space_is_no_finding():
    from speechdoc.check import check_lines

    assert not [f for f in check_lines(["在会议上的讲话", "市长 王建国", "同志们：", "今天开会。"], "x.txt")
                if f.code == "spacing"]


def test_a_form_blank_is_its_own_finding_not_a_generic_change():
    """The real cleaner keeps a fill-in blank's width in full-width spaces; check names it as such."""
    findings = check_lines(["报名表", "", "单位名称：        填报人：        ", "日期：    年  月  日"])
    blanks = [f for f in findings if f.code == "form-blank"]
    assert [(f.line, f.col) for f in blanks] == [(3, 6), (4, 4), (4, 9), (4, 12)]
    assert all(f.fixable and f.severity == "warning" for f in blanks)
    assert not [f for f in findings if f.code == "normalize"]
    assert fix_lines(["单位名称：        填报人：王某"]).lines == ["单位名称：　　　　填报人：王某"]

from __future__ import annotations

from speechdoc.clean import clean


def test_control_characters_removed_with_edits_and_a_warning():
    cleaned = clean(["同志们\x07：", "正文\x00\x1f内容\ufffe。"])
    assert [t for _, t in cleaned.lines] == ["同志们：", "正文内容。"]
    assert [(e.line, e.column, e.before, e.rule) for e in cleaned.edits] == [
        (1, 4, "\x07", "control-character"), (2, 3, "\x00", "control-character"),
        (2, 4, "\x1f", "control-character"), (2, 7, "\ufffe", "control-character")]
    assert [w.line for w in cleaned.warnings] == [1, 2] and "U+0007" in cleaned.warnings[0].message


def test_tabs_are_not_control_characters():
    assert clean(["甲\t乙"], normalize=False).edits == ()

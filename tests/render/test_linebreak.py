"""Chinese line breaking: 禁则, hanging punctuation, words and numbers kept whole, spread lines."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechdoc.render.linebreak import HANGING, NO_LINE_END, NO_LINE_START, break_lines, can_break_before, spread


def lines_of(text, first=10, rest=10):
    lines = break_lines(text, [1.0 if not c.isascii() else 0.5 for c in text], first, rest)
    return [text[line.start:line.end] for line in lines], lines


def test_fills_lines_of_ten():
    got, lines = lines_of("一二三四五六七八九十甲乙丙丁戊")
    assert got == ["一二三四五六七八九十", "甲乙丙丁戊"] and lines[-1].last


def test_no_single_character_on_a_last_line():
    got, lines = lines_of("一二三四五六七八九十甲。")
    assert got == ["一二三四五六七八九", "十甲。"] and not lines[0].last and lines[1].last
    got, _ = lines_of("一二三四五六七八九十，甲。")  # the hanging mark comes back in too
    assert got == ["一二三四五六七八九", "十，甲。"]
    got, _ = lines_of("一二三四五六七八九十甲乙")
    assert got == ["一二三四五六七八九十", "甲乙"]  # two characters are fine


def test_closing_mark_hangs_past_a_full_line():
    got, lines = lines_of("一二三四五六七八九十，甲乙")
    assert got == ["一二三四五六七八九十，", "甲乙"] and lines[0].hanging and lines[0].natural == 10


def test_two_closing_marks_move_a_character_down_instead():
    got, lines = lines_of("一二三四五六七八九十。”甲")
    assert got == ["一二三四五六七八九", "十。”甲"] and not lines[0].hanging


def test_no_line_ends_with_an_opening_mark():
    got, _ = lines_of("一二三四五六七八九“十”甲")
    assert got[0] == "一二三四五六七八九" and got[1].startswith("“")


def test_numbers_and_words_stay_whole():
    got, _ = lines_of("一二三四五六七八九2024年")
    assert got[0] == "一二三四五六七八九" and got[1].startswith("2024")
    assert not can_break_before("98.5%", 3) and not can_break_before("——", 1) and not can_break_before("……", 1)


def test_a_long_latin_run_breaks_where_the_line_is_full():
    got, _ = lines_of("见https://example.gov.cn/a/b/c")  # 1 + 28 × 0.5 = 15 > 10
    assert got[0] == "见https://example.go" and "".join(got) == "见https://example.gov.cn/a/b/c"


def test_first_line_is_shorter_by_the_indent():
    got, _ = lines_of("一二三四五六七八九十甲乙", first=8)
    assert got[0] == "一二三四五六七八"


def test_spread_fills_the_measure_except_on_the_last_line():
    _got, lines = lines_of("一二三四五六七八九十。”甲")
    assert spread(lines[0], 10, 9) == (10 - 9) / 8
    assert spread(lines[-1], 10, 4) == 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="一二三四五六七八九十，。、；：？！”“（）《》ab1 —…", min_size=1, max_size=120))
def test_properties(text):
    got, lines = lines_of(text)
    assert "".join(got) == text  # nothing lost, nothing added
    if len(got) > 1 and len(text) > 30:
        assert sum(c not in NO_LINE_START for c in got[-1]) != 1 or not any(
            can_break_before(text, k) and text[k] not in " \u3000" for k in range(lines[-2].start + 3, lines[-2].end))
    for n, (line, info) in enumerate(zip(got, lines)):
        assert info.natural <= 10 + 1e-9 or len(line) == 1
        if info.hanging:
            assert line[-1] in HANGING and info.natural > 10 - 1  # only a full line lets a mark hang
        if n + 1 < len(got):
            # a break at a forbidden point only when nothing allowed fits (a forced break in a long run)
            forced = not any(can_break_before(text, k) for k in range(info.start + 1, info.end + 1))
            inside_run = text[info.end - 1].isascii() and text[info.end].isascii() and info.natural > 10 - 1
            assert can_break_before(text, info.end) or forced or inside_run, (line, got[n + 1])
            if not forced and not inside_run:
                assert got[n + 1][0] not in NO_LINE_START and line[-1] not in NO_LINE_END


def test_a_space_at_a_break_ends_the_line_above_and_is_not_spread():
    text = "一二三四五六七八九ab cd一二"  # the line is full just before the space
    got, lines = lines_of(text)
    assert all(not line.startswith(" ") for line in got), got
    spaced = [info for info in lines if info.spaces]
    assert spaced and all(text[info.end - info.spaces:info.end] == " " * info.spaces for info in spaced)
    assert all(info.inside == info.end - info.start - info.spaces - info.hanging for info in lines)


def test_a_last_line_with_a_hanging_mark_is_full_and_spread():
    from speechdoc.render.linebreak import Line

    hanging_last = Line(0, 10, True, 9.5, True)
    assert spread(hanging_last, 10, 9) == pytest.approx(0.5 / 8)
    assert spread(Line(0, 9, False, 9.0, True), 10, 9) == 0  # an ordinary last line stays as it is

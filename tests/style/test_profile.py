from __future__ import annotations

import pytest

from speechdoc.errors import ProfileError
from speechdoc.style import load_profile
from speechdoc.style.units import mm_to_twips, zihao


def test_default_profile_has_the_standard_numbers():
    p = load_profile()
    assert (p.page.top_mm, p.page.left_mm, p.page.right_mm, p.page.bottom_mm) == (37, 28, 26, 35)
    assert (p.page.lines, p.page.chars) == (22, 28)
    assert p.page.line_pitch_twips == 579  # 225 mm / 22, rounded down to a whole twip
    assert p.page.char_pitch_pt == pytest.approx(15.79, abs=0.01)
    assert p.block("title").size_pt == zihao("二号")
    assert p.block("body").size_pt == zihao("三号")
    assert p.page_number.size_pt == zihao("四号")
    assert [p.block(f"heading{i}").role for i in (1, 2, 3, 4)] == ["hei", "kai", "fangsong", "fangsong"]
    assert p.font("fangsong").word == "仿宋_GB2312"
    assert p.lead_level == 2


def test_set_overrides_one_value():
    p = load_profile(sets=["page.number.align=center", "heading.lead_level=3", "block.body.size_pt=15"])
    assert p.page_number.align == "center"
    assert p.lead_level == 3
    assert p.block("body").size_pt == 15.0


@pytest.mark.parametrize("bad", ["page.nope=1", "page.top_mm=abc", "heading.lead_level=7", "page.number.align=up", "novalue"])
def test_bad_set_is_a_profile_error(bad):
    with pytest.raises(ProfileError):
        load_profile(sets=[bad])


def test_profile_file_layers_over_default(tmp_path):
    f = tmp_path / "house.toml"
    f.write_text('name = "house"\n[page.number]\nalign = "center"\n[block.heading3]\nbold = true\n', encoding="utf-8")
    p = load_profile(f)
    assert p.name == "house"
    assert p.page_number.align == "center" and p.block("heading3").bold
    assert p.page.top_mm == 37  # untouched values come from the default


def test_missing_profile_file():
    with pytest.raises(ProfileError):
        load_profile("/nonexistent/house.toml")


def test_units():
    assert mm_to_twips(37) == 2098 and mm_to_twips(28) == 1587

"""The font resolver: roles → installed faces, chains that cover every CJK block, --font-dir, --strict-fonts."""
from __future__ import annotations

import json

import pytest
from fontTools.ttLib import TTFont

from speechdoc import fonts, model
from speechdoc.errors import FontError
from speechdoc.style import load_profile

from .conftest import run_cli

PROFILE = load_profile()
LIBERATION = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"


@pytest.fixture(scope="module")
def fontset():
    return fonts.resolve_fonts(PROFILE)


def test_every_profile_role_has_a_chain(fontset):
    assert set(fontset.roles) == set(PROFILE.fonts)
    for role in fontset.roles.values():
        assert role.faces and role.latin is not None
        assert role.primary.file and role.primary.weight in (400, 700)


def test_open_faces_stand_in_for_the_official_ones(fontset):
    # The official faces are not installed on the project's machines: the open faces of the set-up stand in.
    assert fontset.role("fangsong").primary.family == "FandolFang"
    assert fontset.role("kai").primary.family == "FandolKai"
    assert fontset.role("hei").primary.family == "FandolHei"
    title = fontset.role("xiaobiaosong").primary
    assert title.family == "Noto Serif CJK SC" and title.weight == 700 and title.index == 2  # the SC face
    assert all(r.substituted for r in fontset.roles.values())
    assert fontset.role("fangsong").latin.family == "Liberation Serif"


@pytest.mark.parametrize("char", ["中", "㑇", "𠀀", "①", "℃", "“", "—", "…", "　"])
def test_every_chain_covers_rare_characters(fontset, char):
    for role in fontset.roles.values():
        assert any(ord(char) in fonts.coverage(f.file, f.index) for f in role.faces), (role.role, char)


def test_every_chain_covers_the_whole_basic_cjk_block(fontset):
    for role in fontset.roles.values():
        covered = set()
        for face in role.faces:
            covered |= fonts.coverage(face.file, face.index)
        assert all(code in covered for code in range(0x4E00, 0x9FA6)), role.role


def test_resolving_is_cached(fontset):
    assert fonts.resolve_fonts(PROFILE) is fontset


def test_strict_fonts_makes_a_missing_official_face_an_error():
    with pytest.raises(FontError, match="official fonts missing"):
        fonts.resolve_fonts(PROFILE, strict_fonts=True)


def test_missing_font_dir_is_an_error(tmp_path):
    with pytest.raises(FontError, match="font folder not found"):
        fonts.resolve_fonts(PROFILE, font_dirs=[tmp_path / "nope"])


@pytest.fixture(scope="module")
def official_dir(tmp_path_factory):
    """A folder with a face that calls itself 仿宋_GB2312 (a renamed Liberation Serif)."""
    folder = tmp_path_factory.mktemp("fonts")
    font = TTFont(LIBERATION)
    name = font["name"]
    name.names = [r for r in name.names if r.nameID not in (1, 4, 6, 16, 17)]
    for name_id, value in ((1, "仿宋_GB2312"), (4, "仿宋_GB2312"), (6, "FangSong_GB2312")):
        name.setName(value, name_id, 3, 1, 0x804)
    font.save(folder / "fangsong.ttf")
    return folder


def test_font_dir_is_searched_first_and_gives_the_official_face(official_dir):
    fontset = fonts.resolve_fonts(PROFILE, font_dirs=[official_dir])
    fang = fontset.role("fangsong")
    assert fang.primary.official and fang.primary.source == "font-dir"
    assert fang.primary.file == str(official_dir / "fangsong.ttf")
    assert fang.primary.needs_font_face  # loaded from its file, not through the fontconfig aliases
    assert not fang.substituted
    assert fang.faces[1].family == "FandolFang"  # the open faces still follow for missing characters
    assert all(r.label != "仿宋" for r in fontset.substitutions())


def test_glyph_report_names_characters_past_the_primary_face(fontset):
    doc = model.Document(blocks=(model.Block("paragraph", "正文㑇𠀀ABC"), model.Block("heading", "一、标题", level=1)))
    report = fonts.glyph_report(fontset, doc, PROFILE)
    assert set(report.fallback["fangsong"]) == {"㑇", "𠀀"}
    assert "hei" not in report.fallback and not report.unrenderable
    notice = fonts.substitution_notice(fontset, report)
    assert notice.startswith("speechdoc: fonts substituted:") and "\n" not in notice and "㑇𠀀" in notice


def test_advance_widths_come_from_the_faces(fontset):
    fang = fontset.role("fangsong")
    assert fonts.advance_em(fang, "中") == 1.0
    assert fonts.advance_em(fang, "，") == 1.0
    assert fonts.advance_em(fang, "1") == 0.5  # Liberation Serif digits
    assert fonts.advance_em(fang, "“") == 1.0  # curly quotes stay in the CJK face
    assert fonts.advance_em(fang, "𠀀") == 1.0


def test_harfbuzz_subset_is_installed():
    assert fonts.harfbuzz_subset_available()


def test_cli_fonts_table_and_json():
    result = run_cli("fonts")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "仿宋 (fangsong): FandolFang — substitute for 仿宋_GB2312" in out
    assert "NotoSerifCJK-Bold.ttc (face 2)" in out
    data = json.loads(run_cli("fonts", "--json").stdout)
    assert {r["role"] for r in data["roles"]} == set(PROFILE.fonts) and data["harfbuzz_subset"] is True


def test_cli_fonts_strict_fails_after_the_table(official_dir):
    result = run_cli("fonts", "--strict-fonts")
    assert result.returncode == 1
    assert b"official fonts missing" in result.stderr and b"FandolFang" in result.stdout
    partial = run_cli("fonts", "--font-dir", str(official_dir), "--json")
    rows = {r["role"]: r for r in json.loads(partial.stdout)["roles"]}
    assert rows["fangsong"]["official"] is True and rows["hei"]["official"] is False


def test_a_role_keeps_its_hash_to_itself_and_pickles_without_it():
    import pickle

    from speechdoc.fonts import resolve_fonts
    from speechdoc.style import load_profile

    role = resolve_fonts(load_profile()).role("fangsong")
    assert hash(role) == hash((role.role, role.label, role.wanted, role.faces, role.latin))
    copy = pickle.loads(pickle.dumps(role))
    assert copy == role and hash(copy) == hash(role) and "_hash" not in pickle.dumps(role).decode("latin-1")

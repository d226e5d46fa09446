"""Renumbered CFF fonts: the same page images and text in MuPDF and Poppler, no empty glyphs, identity charsets."""
from __future__ import annotations

import io
import shutil
import struct
import subprocess

import pytest
from fontTools.ttLib import TTFont

from speechdoc import model
from speechdoc.render import compact_fonts
from speechdoc.render.compact_fonts import _hex_codes, _identity_charset, _map_codes, identity_charset
from speechdoc.render.pdf import render_pdf
from speechdoc.style import load_profile

from .pdf_geometry import open_pdf

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

PROFILE = load_profile()
DOC = model.Document(blocks=(
    model.Block("title", "关于进一步加强基层党组织建设的实施意见"),
    model.Block("heading", "一、总体要求", level=1),
    model.Block("heading", "（一）强化政治引领", level=2),
    model.Block("paragraph", "各级党组织要把学习贯彻落实工作摆在突出位置，2024年底前完成①项任务，温度25℃。" * 6),
    model.Block("paragraph", "罕见字㑇和扩展字𠀀也要正确显示。"),
))


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The document rendered with renumbered fonts and as WeasyPrint alone makes it."""
    compact = render_pdf(DOC, PROFILE)
    renumber = compact_fonts.renumber
    compact_fonts.renumber = lambda pdf, fonts, hinting: []
    try:
        plain = render_pdf(DOC, PROFILE)
    finally:
        compact_fonts.renumber = renumber
    return compact, plain


def embedded_fonts(data: bytes) -> dict[str, TTFont]:
    pdf = open_pdf(data)
    out = {}
    for page in pdf:
        for xref, ext, _type, name, *_rest in page.get_fonts(full=True):
            info = pdf.extract_font(xref)
            out[name] = (ext, TTFont(io.BytesIO(info[3])))
    return out


def test_the_renumbered_pdf_is_smaller(both):
    compact, plain = both
    assert len(compact) < len(plain) - 50 * 1024  # the title face alone kept ~40,000 empty glyphs


def test_pages_look_the_same_in_mupdf(both):
    compact, plain = both
    a, b = open_pdf(compact), open_pdf(plain)
    assert len(a) == len(b)
    for pa, pb in zip(a, b):
        assert pa.get_text() == pb.get_text()
        assert pa.get_pixmap(dpi=72).samples == pb.get_pixmap(dpi=72).samples


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
def test_pages_look_the_same_in_poppler(both, tmp_path):
    """Poppler maps CIDs through the CFF charset (as the PDF specification says); MuPDF takes them as glyph ids."""
    images = []
    for name, data in zip("ab", both):
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(data)
        subprocess.run(["pdftoppm", "-r", "50", "-gray", str(pdf), str(tmp_path / name)], check=True)
        images.append(sorted(p.read_bytes() for p in tmp_path.glob(f"{name}-*.pgm")))
    assert images[0] and images[0] == images[1]


def test_cff_fonts_hold_only_the_glyphs_used_with_identity_cids(both):
    compact, _plain = both
    fonts = embedded_fonts(compact)
    cff = {name: font for name, (ext, font) in fonts.items() if "CFF " in font}
    assert any("Noto-Serif-CJK-SC-Bold" in name for name in cff)
    for name, font in cff.items():
        order = font.getGlyphOrder()
        assert order[1:] == [f"cid{n:05d}" for n in range(1, len(order))], name
        assert len(order) < 200, name  # the glyphs this short document uses, not ids up to 65,535


def test_codes_are_mapped_and_an_unknown_code_stops_the_renumbering():
    assert _map_codes(b"[<00010002>-250<0003>] TJ", _hex_codes({1: 1, 2: 2, 3: 3})) == b"[<00010002>-250<0003>] TJ"
    assert _map_codes(b"[<00050009>-12.5<ab12>] TJ", _hex_codes({5: 1, 9: 2, 0xAB12: 3})) == \
        b"[<00010002>-12.5<0003>] TJ"
    assert _map_codes(b"[<0005000a>] TJ", _hex_codes({5: 1})) is None
    assert _map_codes(b"[<00050>] TJ", _hex_codes({5: 1})) is None


@pytest.mark.parametrize("old,glyphs", [
    (bytes([0]) + struct.pack(">HHH", 7, 900, 40000), 4),  # format 0: one CID per glyph
    (bytes([1]) + struct.pack(">HBHB", 7, 0, 900, 1), 4),  # format 1: ranges with Card8 counts
    (bytes([2]) + struct.pack(">HHHH", 7, 0, 900, 1), 4),  # format 2: ranges with Card16 counts
])
def test_identity_charset_fits_in_the_old_one(old, glyphs):
    new = _identity_charset(old, 0, glyphs)
    assert new[0] == old[0] and len(new) <= len(old)
    if new[0] == 0:
        assert struct.unpack(">HHH", new[1:]) == (1, 2, 3)
    else:
        first, count = struct.unpack(">HB" if new[0] == 1 else ">HH", new[1:])
        assert (first, count) == (1, glyphs - 2)


def test_a_font_without_cff_is_not_rewritten():
    assert identity_charset(b"\0\1\0\0" + struct.pack(">HHHH", 0, 0, 0, 0)) is None  # no tables at all


def test_unexpected_weasyprint_internals_leave_the_fonts_to_weasyprint():
    calls = []
    build = compact_fonts._renumbering(lambda *args: calls.append(args) or "fonts")
    assert build(object(), {"x": object()}, True, True, {"hinting": False}) == "fonts"  # no .objects, no .hash
    assert len(calls) == 1

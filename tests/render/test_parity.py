"""DOCX ↔ PDF parity (issue 4): for every block key, the .docx and the PDF agree on size, font role and spacing.

Measured, not compared as code: the .docx is read back (each paragraph's effective properties, resolved through
its style's ``basedOn`` chain and the document defaults) and the PDFs are measured with PyMuPDF (span sizes, font
names → faces, the first glyph's x → indent and alignment, baselines → empty lines). On ``every-kind.json``, a
small model with every block kind and a run-in lead at every level:

* the .docx against the speechdoc PDF, per key: the same size; the font the style names is the role whose face the
  PDF shows (hanzi and digits); alignment, first-line / left / right indents where the .docx puts them (±1 mm);
  the empty lines before and after;
* LibreOffice's rendering of the .docx against the speechdoc PDF, block by block (this model and the bundled
  sample): the same face for hanzi (a lead's and the text after it) and digits, the same size, the first glyph at
  the same x (±1 mm); between any two blocks on one page, the empty lines the .docx asks for, in both PDFs;
* “”‘’—…· in LibreOffice's PDF in the line's Chinese face (LibreOffice ignores ``w:hint``); page numbers in the
  Song face in both;
* pagination: page count and the first characters of each page of both PDFs (printed; equal page counts asserted
  on the bundled sample).

One render of each kind per module (~15 s, most of it LibreOffice).
"""
from __future__ import annotations

import io

import pytest
from docx import Document as read_docx
from docx.oxml.ns import qn

from speechdoc import api, fonts
from speechdoc.render.docx import STYLE_NAMES, render_docx
from speechdoc.render.pdf import render_pdf
from speechdoc.style import load_profile

from ..conftest import FIXTURES, SAMPLE
from ..lo import docxs_to_pdfs, pt, read_layout, soffice
from .parity import (TWIPS_PER_PT, face_key, first_page_texts, fontset_key, gap_lines, is_hanzi, locate_blocks,
                     private_names, word_look, word_paragraphs_by_block)

pytestmark = [pytest.mark.libreoffice,
              pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")]

PROFILE = load_profile()
PAGE = PROFILE.page
PITCH = PAGE.line_pitch_pt
LEFT, RIGHT = pt(PAGE.left_mm), pt(PAGE.left_mm + PAGE.body_width_mm)
BOTTOM = pt(PAGE.top_mm + PAGE.body_height_mm) + 2  # below this: the page number
TOLERANCE = pt(1.0)  # 1 mm
BLOCK_KEYS = list(PROFILE.blocks)
LEAD_KEYS = [f"lead{level}" for level in range(1, 5)]  # the run-in character styles
# A small model with every block kind and a lead at every level; the bundled sample as a user converts it.
DOCS = {"every-kind": api.load_model(FIXTURES / "models" / "every-kind.json"), "sample": api.parse(SAMPLE)}


def is_digit(ch: str) -> bool:
    return "0" <= ch <= "9"


class Rendering:
    """One model as .docx (read back), as speechdoc PDF and as LibreOffice PDF, block by block."""

    def __init__(self, doc, docx_bytes: bytes, pdf_path, lo_path):
        self.doc = doc
        self.word = read_docx(io.BytesIO(docx_bytes))
        self.looks = [word_look(self.word, p) for p in word_paragraphs_by_block(self.word, doc.blocks)]
        self.pdf_pages = read_layout(pdf_path).pages
        self.lo_pages = read_layout(lo_path).pages
        self.pdf = locate_blocks(self.pdf_pages, doc.blocks, BOTTOM)
        self.lo = locate_blocks(self.lo_pages, doc.blocks, BOTTOM)

    def index(self, key: str) -> int:
        """The first block of ``key`` (``leadN``: the first paragraph with a level-N lead)."""
        for i, block in enumerate(self.doc.blocks):
            if key.startswith("lead"):
                if block.lead is not None and block.lead.level == int(key[4:]):
                    return i
            elif PROFILE.key_for(block.kind, block.level) == key:
                return i
        raise AssertionError(f"the fixture has no block of key {key}")


@pytest.fixture(scope="module")
def renderings(tmp_path_factory) -> dict[str, Rendering]:
    out = tmp_path_factory.mktemp("parity")
    docx_paths, pdf_paths, docx_bytes = [], [], {}
    for name, doc in DOCS.items():
        docx_bytes[name] = render_docx(doc, PROFILE)
        docx_paths.append(out / f"{name}.docx")
        docx_paths[-1].write_bytes(docx_bytes[name])
        pdf_paths.append(out / f"{name}.pdf")
        pdf_paths[-1].write_bytes(render_pdf(doc, PROFILE))
    lo_paths = docxs_to_pdfs(docx_paths, out / "lo")
    return {name: Rendering(doc, docx_bytes[name], pdf, lo)
            for (name, doc), pdf, lo in zip(DOCS.items(), pdf_paths, lo_paths)}


@pytest.fixture(scope="module")
def every(renderings) -> Rendering:
    return renderings["every-kind"]


@pytest.fixture(scope="module")
def faces():
    """Face keys: by profile font role (hanzi and Latin) and by WeasyPrint's private family names."""
    fontset = fonts.resolve_fonts(PROFILE)
    roles = {name: (fontset_key(r.primary), fontset_key(r.latin) if r.latin else None)
             for name, r in fontset.roles.items()}
    return roles, private_names(fontset)


def role_named(word_font: str) -> str:
    """The profile's font role whose Word name is ``word_font``."""
    return next(name for name, role in PROFILE.fonts.items() if role.word == word_font)


def pdf_face(font: str | None, private: dict[str, str]) -> str | None:
    return None if font is None else private.get(font, face_key(font))


def lo_face(font: str | None) -> str | None:
    """LibreOffice substitutes Liberation Serif for Times New Roman (metric twins, same advances)."""
    return None if font is None else face_key(font)


# ---------------------------------------------------------------- the .docx against the speechdoc PDF


@pytest.mark.parametrize("key", BLOCK_KEYS)
def test_docx_style_and_pdf_agree_on_size_and_font(every, faces, key):
    roles, private = faces
    i = every.index(key)
    look, printed = every.looks[i], every.pdf[i]
    assert look.style == STYLE_NAMES[key]
    assert printed.size == pytest.approx(look.size_pt, abs=0.1)
    role = role_named(look.east_asia)
    assert role == PROFILE.block(key).role
    hanzi_face, latin_face = roles[role]
    assert pdf_face(printed.font_of(is_hanzi, printed.lines), private) == hanzi_face
    digit_font = printed.font_of(is_digit, printed.lines)
    if digit_font is not None:
        assert look.latin == PROFILE.font(role).latin
        assert pdf_face(digit_font, private) == latin_face
    # bold: the .docx asks for what the profile says (nothing is bold); the PDF's face, compared above with its
    # weight (``+bold``), is the role's own face, e.g. the bold Noto Serif that stands in for 小标宋
    assert look.bold == PROFILE.block(key).bold


@pytest.mark.parametrize("key", LEAD_KEYS)
def test_docx_lead_style_and_pdf_agree_on_font(every, faces, key):
    roles, private = faces
    i = every.index(key)
    look, printed = every.looks[i], every.pdf[i]
    heading = PROFILE.block(f"heading{key[4:]}")
    assert role_named(look.lead_east_asia) == heading.role and look.lead_bold == heading.bold
    assert pdf_face(printed.font_of(is_hanzi), private) == roles[heading.role][0]
    # the first line ends in the paragraph's own text, in the body's face
    assert pdf_face(_last_hanzi_font(printed.first), private) == roles[role_named(look.east_asia)][0]
    assert printed.size == pytest.approx(look.size_pt, abs=0.1)


def expected_first_x(look, block_key: str, table_cell_left: float) -> float | None:
    """Where the .docx puts the first glyph of a left-aligned or justified block (None: not left-set)."""
    if look.align not in ("justify", "left"):
        return None
    cell = table_cell_left if block_key == "table" else 0.0
    return LEFT + cell + look.left_pt + look.first_line_pt


def table_cell_left_pt(word) -> float:
    style = word.styles["Table Grid"].element
    left = style.find(qn("w:tblPr")).find(qn("w:tblCellMar")).find(qn("w:left"))
    return int(left.get(qn("w:w"))) / TWIPS_PER_PT


@pytest.mark.parametrize("key", BLOCK_KEYS)
def test_docx_and_pdf_agree_on_alignment_and_indents(every, key):
    i = every.index(key)
    look, printed = every.looks[i], every.pdf[i]
    line = printed.first
    if look.first_line_chars:  # Word's indent in characters (0: use the twips) = the twips LibreOffice reads
        assert look.first_line_chars * (look.size_pt + PAGE.char_spacing_pt) == pytest.approx(look.first_line_pt,
                                                                                             abs=0.5)
    if look.align == "center":
        middle = LEFT + look.left_pt + (RIGHT - look.right_pt - LEFT - look.left_pt) / 2
        assert abs((line.x0 + line.x1) / 2 - middle) <= TOLERANCE, (line.x0, line.x1)
    elif look.align == "right":
        assert abs(line.x1 - (RIGHT - look.right_pt)) <= TOLERANCE, line.x1
    else:
        expected = expected_first_x(look, key, table_cell_left_pt(every.word))
        assert abs(printed.first_glyph().x0 - expected) <= TOLERANCE, (printed.first_glyph().x0, expected)
    if key not in ("attachments", "table") and len(printed.lines) > 1:  # one paragraph: wrapped lines
        for wrapped in printed.lines[1:]:
            assert abs(wrapped.x0 - (LEFT + look.left_pt)) <= TOLERANCE, wrapped.text
        for full in printed.lines[:-1]:  # full lines reach the right indent (a closing mark may hang)
            assert RIGHT - look.right_pt - TOLERANCE <= full.x1 <= RIGHT - look.right_pt + look.size_pt, full.text


@pytest.mark.parametrize("key", BLOCK_KEYS)
def test_docx_and_pdf_agree_on_empty_lines(every, key):
    i = every.index(key)
    checked = 0
    for before, after in ((i - 1, i), (i, i + 1)):
        if before < 0 or after >= len(every.doc.blocks):
            continue
        measured = gap_lines(every.pdf[before], every.pdf[after], PITCH)
        if measured is None:
            continue  # across a page break
        asked = every.looks[before].after_lines + every.looks[after].before_lines
        assert measured == round(asked), (every.doc.blocks[before].kind, every.doc.blocks[after].kind)
        checked += 1
    assert checked, "neither neighbour is on the same page"


# ---------------------------------------------------------------- LibreOffice's PDF against the speechdoc PDF


def _block_ids(doc) -> list[str]:
    return [f"{i:02d}-{PROFILE.key_for(b.kind, b.level)}{'-lead' if b.lead else ''}" for i, b in enumerate(doc.blocks)]


@pytest.mark.parametrize("name, i", [(name, i) for name, doc in DOCS.items() for i in range(len(doc.blocks))],
                         ids=[f"{name}-{bid}" for name, doc in DOCS.items() for bid in _block_ids(doc)])
def test_libreoffice_and_pdf_agree_per_block(renderings, faces, name, i):
    """Every block: the same size, the same face for its hanzi (a lead's and the text after it) and its digits,
    and its first glyph at the same x (±1 mm)."""
    _roles, private = faces
    r = renderings[name]
    ours, theirs = r.pdf[i], r.lo[i]
    assert theirs.size == pytest.approx(ours.size, abs=0.1)
    assert lo_face(theirs.font_of(is_hanzi, theirs.lines)) == pdf_face(ours.font_of(is_hanzi, ours.lines), private)
    last_hanzi = [lo_face(_last_hanzi_font(theirs.first)), pdf_face(_last_hanzi_font(ours.first), private)]
    assert last_hanzi[0] == last_hanzi[1]
    ours_digits, theirs_digits = ours.font_of(is_digit, ours.lines), theirs.font_of(is_digit, theirs.lines)
    assert lo_face(theirs_digits) == pdf_face(ours_digits, private)
    align = r.looks[i].align
    if align in ("justify", "left"):
        assert abs(theirs.first_glyph().x0 - ours.first_glyph().x0) <= TOLERANCE, (theirs.first_glyph(),
                                                                                 ours.first_glyph())
    else:  # LibreOffice widens a line with digits (it ignores autoSpaceDN): centred lines by their middle,
        # right-set ones by their end
        assert abs(edge(theirs.first, align) - edge(ours.first, align)) <= TOLERANCE, (theirs.first.text,
                                                                                     ours.first.text)


def _last_hanzi_font(line) -> str | None:
    fonts = [s.font for s in line.spans if any(is_hanzi(c) for c in s.text)]
    return fonts[-1] if fonts else None


def edge(line, align: str) -> float:
    return (line.x0 + line.x1) / 2 if align == "center" else line.x1


@pytest.mark.parametrize("name", list(DOCS))
def test_all_three_agree_on_empty_lines_between_blocks(renderings, name):
    """Between any two consecutive blocks on one page: the empty lines the .docx asks for, in both PDFs."""
    r = renderings[name]
    wrong, compared = [], 0
    for i in range(1, len(r.doc.blocks)):
        asked = round(r.looks[i - 1].after_lines + r.looks[i].before_lines)
        for which, printed in (("pdf", r.pdf), ("libreoffice", r.lo)):
            measured = gap_lines(printed[i - 1], printed[i], PITCH)
            if measured is not None:
                compared += 1
                if measured != asked:
                    wrong.append((which, i, r.doc.blocks[i - 1].kind, r.doc.blocks[i].kind, measured, asked))
    assert not wrong
    assert compared > len(r.doc.blocks)


# ---------------------------------------------------------------- pagination


def pagination_report(name: str, r: Rendering) -> str:
    ours, theirs = first_page_texts(r.pdf_pages, BOTTOM), first_page_texts(r.lo_pages, BOTTOM)
    rows = [f"{name}: speechdoc PDF {len(ours)} pages, LibreOffice {len(theirs)} pages"]
    for n in range(max(len(ours), len(theirs))):
        a = ours[n] if n < len(ours) else "—"
        b = theirs[n] if n < len(theirs) else "—"
        rows.append(f"  page {n + 1:2d}  {'same' if a == b else 'DIFF'}  {a:<8}  {b}")
    return "\n".join(rows)


def test_pagination_of_both_pdfs(renderings, capsys):
    with capsys.disabled():
        for name, r in renderings.items():
            print("\n" + pagination_report(name, r))
    sample = renderings["sample"]
    assert len(sample.pdf_pages) == len(sample.lo_pages)


def test_page_numbers_in_the_same_face_in_both(every, faces):
    """7.5: 半角宋体阿拉伯数字 — the dashes and the digits in the Song face, in both PDFs."""
    roles, private = faces
    song = roles[PROFILE.page_number.role][0]
    for ours, theirs in zip(every.pdf_pages, every.lo_pages):
        for page, face in ((ours, lambda f: pdf_face(f, private)), (theirs, lo_face)):
            number = [s for line in page.lines if line.baseline > BOTTOM for s in line.spans if s.text.strip()]
            assert number and {face(s.font) for s in number} == {song}, [(s.font, s.text) for s in number]


AMBIGUOUS = "“”‘’—…·"


@pytest.mark.parametrize("name", ["every-kind", "sample"])
def test_libreoffice_sets_quotes_and_dashes_in_the_chinese_face(renderings, faces, name):
    """LibreOffice ignores w:hint; “”‘’—…· at a paragraph's start, after digits or Latin still come out in the
    line's Chinese face (the one its hanzi are in), never in the Latin face."""
    roles, _private = faces
    latin = {face for _hanzi, face in roles.values()}
    seen = 0
    for page in renderings[name].lo_pages:
        for line in page.lines_between(0, BOTTOM):  # the page numbers: test_page_numbers_in_the_same_face_in_both
            hanzi_faces = {lo_face(s.font) for s in line.spans if any(is_hanzi(c) for c in s.text)}
            for span in line.spans:
                for glyph in span.glyphs:
                    if glyph.char in AMBIGUOUS:
                        seen += 1
                        assert lo_face(span.font) not in latin, (glyph.char, span.font, line.text)
                        assert lo_face(span.font) in hanzi_faces, (glyph.char, span.font, line.text)
    assert seen > 10

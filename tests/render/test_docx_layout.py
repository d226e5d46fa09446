"""The .docx rendered by LibreOffice and measured in the PDF: GB/T 9704's page, grid, fonts and numbers.

One LibreOffice render per fixture model (module scope). Every number the tests expect comes from the
style profile; the tolerances are the issue's (margins ±1 mm, page numbers ±1.5 mm).
"""
from __future__ import annotations

import statistics
from collections import Counter

import pytest

from speechdoc import model
from speechdoc.render.docx import render_docx
from speechdoc.style import load_profile

from ..conftest import FIXTURES
from ..lo import docxs_to_pdfs, mm, pt, read_layout, soffice

pytestmark = [pytest.mark.libreoffice,
              pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")]

MODELS = ("speech-scraped", "notice-long")
PROFILE = load_profile()
PAGE = PROFILE.page
BODY = PROFILE.block("body")
PITCH = PAGE.line_pitch_pt  # 28.95
CHAR = BODY.size_pt + PAGE.char_spacing_pt  # advance of one body character: 15.75
TOP, LEFT = pt(PAGE.top_mm), pt(PAGE.left_mm)
RIGHT = pt(PAGE.left_mm + PAGE.body_width_mm)
BOTTOM = pt(PAGE.top_mm + PAGE.body_height_mm)
ASCENT, DESCENT = 0.88, 0.12  # the ideographic em box of the CJK faces, around the baseline
HANGING = set("，。、；：？！”’）》")


class Rendered:
    def __init__(self, name: str, doc: model.Document, layout):
        self.name, self.doc, self.layout = name, doc, layout
        self.pages = layout.pages

    def body_lines(self, page):
        return [line for line in page.lines_between(TOP, BOTTOM + 2)]

    def texts(self, kind: str) -> list[str]:
        return [b.text for b in self.doc.blocks if b.kind == kind]

    def find_line(self, start: str, *, size: float | None = None, exact: bool = False):
        """The first line that starts with ``start`` (is ``start`` when ``exact``), of ``size`` if given."""
        for page in self.pages:
            for i, line in enumerate(page.lines):
                text = line.text.replace(" ", "")
                if (text == start if exact else text.startswith(start)) and size in (None, line.size):
                    return page, i, line
        raise AssertionError(f"{start!r} not found in the PDF of {self.name}")


RARE = "生僻字：䶮、𠮷、堃、喆、犇、镕、赟、昇、玥、𬌗。"


def rare_doc() -> model.Document:
    return model.Document(blocks=(model.Block("title", "关于䶮字的说明"), model.Block("paragraph", RARE)))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Rendered]:
    """Every document of this module rendered in one LibreOffice run."""
    out = tmp_path_factory.mktemp("docx-layout")
    docs = {name: model.load((FIXTURES / "models" / f"{name}.json").read_text(encoding="utf-8")) for name in MODELS}
    docs["rare"] = rare_doc()
    paths = []
    for name, doc in docs.items():
        paths.append(out / f"{name}.docx")
        paths[-1].write_bytes(render_docx(doc, PROFILE))
    pdfs = docxs_to_pdfs(paths, out)
    return {name: Rendered(name, doc, read_layout(pdf)) for (name, doc), pdf in zip(docs.items(), pdfs)}


@pytest.fixture(params=MODELS)
def r(request, rendered) -> Rendered:
    return rendered[request.param]


def full_pages(r: Rendered):
    """Pages the text fills to the bottom: not the last page, not one before a forced page break
    (附件), not one whose next page starts with a heading or table kept with it, not one holding a table."""
    kept = [t[:6] for t in r.texts("heading") + r.texts("attachment_label")]
    tables = [row[-1] for b in r.doc.blocks if b.kind == "table" for row in b.rows]
    for page, following in zip(r.pages, r.pages[1:]):
        lines = r.body_lines(page)
        nxt = r.body_lines(following)[0].text.replace(" ", "")
        if any(nxt.startswith(k) for k in kept) or r.body_lines(following)[0].size < BODY.size_pt:
            continue  # the next page starts with a heading or a table header kept with what follows
        if any(line.size < BODY.size_pt for line in lines):
            continue  # a table page: rows are not on the grid
        yield page, lines


# ---------------------------------------------------------------- page and grid


def test_fixtures_are_long_enough(rendered):
    assert len(rendered["notice-long"].pages) >= 10
    assert len(rendered["speech-scraped"].pages) >= 5


def grid_rows(r: Rendered, lines) -> list[int]:
    grid_top = r.body_lines(r.pages[1])[0].baseline
    rows = [(line.baseline - grid_top) / PITCH for line in lines]
    assert all(abs(row - round(row)) * PITCH < 1.5 for row in rows), rows  # every line on a grid row
    return [round(row) for row in rows]


def test_22_lines_on_every_full_page(r):
    """The first line on grid row 1, the last on row 22, one line to a row, and 22 lines of text — less
    the empty lines the layout puts below a title (page 1, attachment pages)."""
    titled = [t[:6] for t in r.texts("title") + r.texts("attachment_title")]
    counts = {}
    for page, lines in full_pages(r):
        rows = grid_rows(r, lines)
        assert rows[0] == 0 and rows[-1] == PAGE.lines - 1, (page.number, rows)
        assert rows == sorted(set(rows)), page.number
        if any(line.text.replace(" ", "").startswith(t) for t in titled for line in lines):
            assert PAGE.lines - len(lines) <= 2, page.number
            continue
        counts[page.number] = len(lines)
    assert len(counts) >= len(r.pages) // 2
    assert set(counts.values()) == {PAGE.lines}, counts


def test_line_pitch_is_the_grid(r):
    pitches = [(lines[-1].baseline - lines[0].baseline) / (len(lines) - 1)
               for page, lines in full_pages(r) if page.number > 1 and len(lines) == PAGE.lines]
    assert pitches
    assert statistics.mean(pitches) == pytest.approx(PITCH, abs=0.02)
    assert all(p == pytest.approx(PITCH, abs=0.1) for p in pitches), pitches


def test_margins(r):
    """Top/bottom: the em boxes of the first and last body lines of full pages with the leading split
    evenly around them (the line box), against the 版心's edges; left/right: the glyphs of full lines."""
    pages = [(page, lines) for page, lines in full_pages(r) if page.number > 1]
    leading = (PITCH - BODY.size_pt) / 2
    tops = [lines[0].baseline - ASCENT * BODY.size_pt - leading for _, lines in pages]
    bottoms = [lines[-1].baseline + DESCENT * BODY.size_pt + leading for _, lines in pages]
    height, width = r.pages[0].height, r.pages[0].width
    assert mm(statistics.mean(tops)) == pytest.approx(PAGE.top_mm, abs=1.0)
    assert mm(height - statistics.mean(bottoms)) == pytest.approx(PAGE.bottom_mm, abs=1.0)
    lines = [line for _, ls in pages for line in ls]
    assert mm(min(line.x0 for line in lines)) == pytest.approx(PAGE.left_mm, abs=1.0)
    right_edges = [inside_glyphs(line)[-1].x1 for line in lines if is_full(line)]
    assert mm(width - max(right_edges)) == pytest.approx(PAGE.right_mm, abs=1.0)


def inside_glyphs(line):
    """The line's glyphs without a closing punctuation mark hanging past the right edge."""
    glyphs = [g for g in line.glyphs if g.char.strip()]
    if glyphs[-1].char in HANGING and glyphs[-1].x1 > RIGHT + 1:
        glyphs = glyphs[:-1]
    return glyphs


def is_full(line) -> bool:
    return line.size == BODY.size_pt and inside_glyphs(line)[-1].x1 > RIGHT - CHAR / 2


OPENING = set("“‘（《〔【")


def test_28_characters_on_every_full_line(r):
    """A full line holds 28 characters (first lines: 26 after the indent), never more. Fewer only by the
    line-breaking rule for punctuation: an opening mark may not end a line and a closing mark may not
    start one, so one or two characters move down and the line is justified. (Word hangs a closing
    mark in the margin instead; LibreOffice 7.4 reads that setting inverted — see render/docx.py.)"""
    checked, kinsoku = 0, 0
    for page in r.pages:
        lines = r.body_lines(page)
        for line, nxt in zip(lines, lines[1:]):
            glyphs = inside_glyphs(line)
            if not is_full(line) or not all(ord(g.char) > 0x2E80 for g in glyphs):
                continue
            cells = len(glyphs) + round((glyphs[0].x0 - LEFT) / CHAR)
            assert glyphs[-1].x1 <= RIGHT + 0.5
            checked += 1
            if cells == PAGE.chars:
                continue
            moved = PAGE.chars - cells
            follow = nxt.text.replace(" ", "")
            assert moved in (1, 2), (page.number, line.text)
            assert follow[moved] in HANGING or OPENING & set(line.text[-1] + follow[:moved]), \
                (page.number, line.text, follow[:3])
            kinsoku += 1
    assert checked >= 60
    assert kinsoku <= checked * 0.3


# ---------------------------------------------------------------- type


def test_title_22pt_centred_in_the_text_block(r):
    title = next(b for b in r.doc.blocks if b.kind == "title")
    page, _, line = r.find_line(title.text[:6])
    assert page.number == 1 and line.size == PROFILE.block("title").size_pt
    assert line.baseline == pytest.approx(r.body_lines(r.pages[1])[0].baseline, abs=1.5)  # on line 1
    centre = (line.x0 + line.x1) / 2
    assert mm(centre) == pytest.approx(PAGE.left_mm + PAGE.body_width_mm / 2, abs=1.0)
    assert all("NotoSerifCJK" in f and "Bold" in f for f in line.fonts)


def test_one_empty_line_between_title_block_and_salutation(r):
    first_page = r.body_lines(r.pages[0])
    salutation = r.texts("salutation")[0]
    index = next(i for i, line in enumerate(first_page) if line.text.startswith(salutation[:6]))
    title_block_lines = index  # lines above it on page 1: the title block, without empty lines
    expected_row = title_block_lines + PROFILE.block("title").space_after_lines
    grid_top = r.body_lines(r.pages[1])[0].baseline
    assert first_page[index].baseline == pytest.approx(grid_top + expected_row * PITCH, abs=1.5)
    assert mm(first_page[index].x0) == pytest.approx(PAGE.left_mm, abs=0.5)


def test_body_16pt_fangsong_first_line_indent_two_characters(r):
    paragraphs = [b for b in r.doc.blocks if b.kind == "paragraph" and not b.lead]
    checked = 0
    for block in paragraphs[:15]:
        _, _, line = r.find_line(block.text[:8], size=BODY.size_pt)
        assert line.fonts <= {"FandolFang-Regular", "LiberationSerif"}
        assert line.x0 - LEFT == pytest.approx(BODY.first_line_indent_chars * CHAR, abs=1.0)
        checked += 1
    assert checked >= 5


@pytest.mark.parametrize("level,font", [(1, "FandolHei-Regular"), (2, "FandolKai-Regular"),
                                        (3, "FandolFang-Regular"), (4, "FandolFang-Regular")])
def test_heading_fonts_by_level(rendered, level, font):
    r = rendered["notice-long"]
    headings = [b for b in r.doc.blocks if b.kind == "heading" and b.level == level]
    assert headings
    for block in headings:
        _, _, line = r.find_line(block.text[:6])
        hanzi = [s.font for s in line.spans if any(ord(c) > 0x2E80 for c in s.text)]
        assert set(hanzi) == {font}, (block.text, line.fonts)
        assert line.size == PROFILE.block(f"heading{level}").size_pt


def test_lead_sentence_in_heading_font_rest_in_body_font(r):
    block = next(b for b in r.doc.blocks if b.lead and b.lead.level == 2)
    _, _, line = r.find_line(block.text[:8])
    n = len(block.lead.text)
    assert line.font_at(0) == line.font_at(n - 1) == "FandolKai-Regular"
    assert line.font_at(n) == "FandolFang-Regular"


def test_quotes_and_dashes_after_hanzi_stay_in_the_chinese_font(r):
    """“” — … after a hanzi are set in the hanzi's font. (LibreOffice ignores w:hint, so one at the
    start of a paragraph or after a digit takes the Latin font there; Word and WPS follow the hint.)"""
    quotes = [(s.font, g.char) for p in r.pages for line in p.lines for s in line.spans
              for prev, g in zip(s.glyphs, s.glyphs[1:]) if g.char in "“”—…" and ord(prev.char) > 0x3400]
    assert len(quotes) >= 5
    assert all(font.startswith("Fandol") for font, _ in quotes), quotes[:5]


# ---------------------------------------------------------------- page numbers


def test_page_numbers_outside_7mm_below_the_text_block(r):
    number = PROFILE.page_number
    inset = number.inset_chars * number.size_pt
    for page in r.pages:
        below = page.lines_below(BOTTOM + 2)
        assert len(below) == 1, page.number
        line = below[0]
        assert line.text == f"{number.dash} {page.number} {number.dash}"
        assert line.size == number.size_pt and line.fonts == {"FandolSong-Regular"}
        top = line.baseline - ASCENT * number.size_pt
        assert mm(top - BOTTOM) == pytest.approx(number.below_body_mm, abs=1.5)
        if page.number % 2:
            assert mm(RIGHT - line.x1) == pytest.approx(mm(inset), abs=1.5)
        else:
            assert mm(line.x0 - LEFT) == pytest.approx(mm(inset), abs=1.5)


# ---------------------------------------------------------------- closing and attachments


def test_signature_and_date_per_7_3_5_2(rendered):
    r = rendered["notice-long"]
    _, i, sig = r.find_line(r.texts("signature")[0], exact=True)
    page, j, date = r.find_line(r.texts("date")[0], exact=True)
    assert j == i + 1
    assert date.baseline - sig.baseline == pytest.approx(PITCH, abs=1.5)
    offset = PROFILE.block("date").offset_from_signature_chars * CHAR
    assert date.x0 - sig.x0 == pytest.approx(offset, abs=pt(1.0))
    assert RIGHT - sig.x1 >= PROFILE.block("signature").right_indent_chars * CHAR - pt(1.0)
    assert date.x1 <= RIGHT
    note = page.lines[j + 1]
    assert note.text.startswith("（此件")
    assert note.x0 - LEFT == pytest.approx(2 * CHAR, abs=pt(1.0))


def test_attachment_list_wraps_under_the_name(rendered):
    r = rendered["notice-long"]
    block = next(b for b in r.doc.blocks if b.kind == "attachments")
    page, i, first = r.find_line("附件：1.")
    assert first.x0 - LEFT == pytest.approx(2 * CHAR, abs=pt(0.5))
    name_x = next(g.x0 for g in first.glyphs if g.char == block.items[0][0])
    second = page.lines[i + 1]
    assert second.text.replace(" ", "").startswith("2." + block.items[1][:4])
    assert second.x0 == pytest.approx(first.glyphs[3].x0, abs=pt(0.5))  # 2. under 1.
    wrapped = page.lines[i + 2]
    assert block.items[1].endswith(wrapped.text.replace(" ", ""))
    assert wrapped.x0 == pytest.approx(name_x, abs=pt(0.5))


def test_attachment_starts_a_page_label_on_line_1_title_on_line_3(rendered):
    r = rendered["notice-long"]
    label = r.texts("attachment_label")[0]
    page, i, line = r.find_line(label)
    assert i == 0 and line.fonts >= {"FandolHei-Regular"}
    assert mm(line.x0) == pytest.approx(PAGE.left_mm, abs=0.5)
    grid_top = r.body_lines(r.pages[1])[0].baseline
    assert line.baseline == pytest.approx(grid_top, abs=1.5)
    title = page.lines[1]
    assert title.text.replace(" ", "") == r.texts("attachment_title")[0]
    assert title.baseline == pytest.approx(grid_top + 2 * PITCH, abs=1.5)
    assert title.size == PROFILE.block("attachment_title").size_pt
    assert mm((title.x0 + title.x1) / 2) == pytest.approx(PAGE.left_mm + PAGE.body_width_mm / 2, abs=1.0)
    previous = r.pages[page.number - 2]
    assert previous.lines_between(TOP, BOTTOM)[-1].text.startswith("（此件")


# ---------------------------------------------------------------- fonts


def test_all_fonts_embedded_and_no_missing_glyphs(r):
    assert r.layout.fonts and all(f["embedded"] for f in r.layout.fonts), r.layout.fonts
    chars = Counter(g.char for g in r.layout.glyphs)
    assert "\ufffd" not in chars
    wanted = Counter(c for b in r.doc.blocks for c in shown_text(b) if not c.isspace())
    missing = {c: (n, chars[c]) for c, n in wanted.items() if chars[c] < n}
    assert not missing  # every character of the text is on the page, as often as in the text


def shown_text(block: model.Block) -> str:
    """The text a block puts on the page: a table its cells, 附件说明 its names, others their text."""
    if block.kind == "table":
        return "".join(sum(block.rows, ()))
    if block.kind == "attachments" and block.items:
        return "".join(block.items)
    return block.text


def test_rare_characters_render_without_boxes(rendered):
    """Characters outside GB2312 (Ext A 䶮, Ext B 𠮷, names like 堃 喆 赟) fall back to a face that has them."""
    layout, text = rendered["rare"].layout, RARE
    chars = Counter(g.char for g in layout.glyphs)
    assert "\ufffd" not in chars and all(chars[c] for c in text)
    assert all(f["embedded"] for f in layout.fonts)
    # FandolFang has no Ext A/B glyphs: these must come from a face that has them, not as its .notdef box
    faces = {g.char: s.font for p in layout.pages for line in p.lines for s in line.spans for g in s.glyphs}
    assert all(faces[c].startswith(("NotoSerifCJK", "NotoSansCJK", "HanaMin")) for c in "䶮𠮷𬌗"), faces

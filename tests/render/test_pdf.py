"""The PDF measured with PyMuPDF glyph positions: margins, grid, sizes and faces by role, page numbers, fonts."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from speechdoc import api, model
from speechdoc.render.pdf import render_pdf, render_pdf_with_warnings
from speechdoc.style import load_profile
from speechdoc.style.units import pt_to_mm

from .pdf_geometry import open_pdf, page_glyphs, page_lines

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

PROFILE = load_profile()
PAGE = PROFILE.page
TOL = 1.0  # mm
BODY_TOP, BODY_LEFT = PAGE.top_mm, PAGE.left_mm
BODY_RIGHT = PAGE.left_mm + PAGE.body_width_mm
BODY_BOTTOM = PAGE.top_mm + PAGE.body_height_mm
CELL_MM = pt_to_mm(16 + PAGE.char_spacing_pt)
CLOSING = set("，。、；：？！）》”’")
OPENING = set("（《“‘")


@pytest.fixture(scope="module")
def sample(fixtures):
    doc = api.load_model(fixtures / "models" / "speech-scraped.json")
    data = render_pdf(doc, PROFILE)
    return doc, data, open_pdf(data)


@pytest.fixture(scope="module")
def long(fixtures):
    doc = api.load_model(fixtures / "models" / "long-pdf.json")
    data, warnings = render_pdf_with_warnings(doc, PROFILE)
    assert warnings == []  # no CSS WeasyPrint ignored, no URL refused, no missing glyph
    return doc, data, open_pdf(data)


@pytest.fixture(scope="module")
def fixtures():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "fixtures"


def body_lines(page):
    """Text lines inside the 版心 (not the page number)."""
    return [line for line in page_lines(page) if line.baseline < BODY_BOTTOM]


def number_line(page):
    lines = [line for line in page_lines(page) if line.baseline > BODY_BOTTOM]
    assert len(lines) == 1, [line.text for line in lines]
    return lines[0]


def inside(line):
    """The glyphs inside the measure: a hanging closing mark past the right edge is left out, and so are the
    (invisible) spaces where the line breaks, which stay past its end."""
    glyphs = line.glyphs
    while glyphs and glyphs[-1].char in " \u3000":
        glyphs = glyphs[:-1]
    if glyphs and glyphs[-1].char in CLOSING and glyphs[-1].x0 >= BODY_RIGHT - 0.5:
        glyphs = glyphs[:-1]
    return glyphs


def full_pages(pdf):
    """Pages whose text runs to the foot of the 版心 (not the last, not before a forced page break)."""
    return [p for p in pdf if body_lines(p) and body_lines(p)[-1].baseline > BODY_BOTTOM - 10]


# ---------------------------------------------------------------- margins and grid


@pytest.mark.parametrize("which", ["sample", "long"])
def test_text_stays_in_the_type_area(which, request):
    _doc, _data, pdf = request.getfixturevalue(which)
    for page in pdf:
        for line in body_lines(page):
            for g in inside(line):
                assert BODY_LEFT - 0.2 <= g.x0 and g.x1 <= BODY_RIGHT + 0.2, (page.number, line.text)
                assert BODY_TOP - 0.2 <= g.top, (page.number, line.text)
                assert g.top + pt_to_mm(g.size) <= BODY_BOTTOM + 0.2, (page.number, line.text)


@pytest.mark.parametrize("which", ["sample", "long"])
def test_full_pages_have_22_lines_on_the_grid(which, request):
    _doc, _data, pdf = request.getfixturevalue(which)
    pages = full_pages(pdf)
    assert len(pages) >= len(pdf) - 4
    pitch_mm = pt_to_mm(PAGE.line_pitch_pt)
    for page in pages:
        lines = body_lines(page)
        if any(g.size != 16 for line in lines for g in line.glyphs):
            continue  # a page with a table or a title
        assert len(lines) == PAGE.lines, (page.number, len(lines))
        steps = [b.baseline - a.baseline for a, b in zip(lines, lines[1:])]
        assert all(abs(s - pitch_mm) < 0.05 for s in steps), (page.number, steps)
        half_leading = (pitch_mm - pt_to_mm(16)) / 2
        assert lines[0].glyphs[0].top == pytest.approx(BODY_TOP + half_leading, abs=TOL)
        assert lines[-1].glyphs[0].top + pt_to_mm(16) == pytest.approx(BODY_BOTTOM - half_leading, abs=TOL)


def test_full_lines_have_28_characters(sample):
    _doc, _data, pdf = sample
    widths = Counter()
    for page in pdf:
        for line in body_lines(page):
            glyphs = inside(line)
            if glyphs[0].x0 < BODY_LEFT + 0.5 and glyphs[-1].x1 > BODY_RIGHT - CELL_MM:
                # full-width characters count one, half-width (digits, Latin) half
                widths[sum(0.5 if g.char.isascii() else 1 for g in glyphs)] += 1
                assert abs(glyphs[0].x0 - BODY_LEFT) < TOL
                assert abs(glyphs[-1].x1 - BODY_RIGHT) < TOL
    assert widths[PAGE.chars] > 100
    # a Latin letter may leave half a cell; a line whose last character had to move down is spread (27)
    assert set(widths) <= {PAGE.chars, PAGE.chars - 0.5, PAGE.chars - 1}, widths
    assert widths[PAGE.chars - 1] <= 3


@pytest.mark.parametrize("which", ["sample", "long"])
def test_chinese_line_breaking_rules(which, request):
    _doc, _data, pdf = request.getfixturevalue(which)
    for page in pdf:
        for line in body_lines(page):
            text = line.text
            assert text[0] not in CLOSING, text
            assert text[-1] not in OPENING, text


def test_hanging_punctuation_hangs_one_mark_past_the_measure(sample):
    _doc, _data, pdf = sample
    hanging = [line.glyphs[-1] for page in pdf for line in body_lines(page)
               if line.glyphs[-1].x1 > BODY_RIGHT + 0.5]
    assert hanging, "the sample has lines whose closing mark hangs"
    assert all(g.char in CLOSING and g.x0 == pytest.approx(BODY_RIGHT, abs=0.6) for g in hanging)


def test_paragraph_first_lines_are_indented_two_characters(sample):
    _doc, _data, pdf = sample
    firsts = [line for line in body_lines(pdf[0]) if line.text.startswith("在全体党员中")]
    assert firsts and firsts[0].x0 == pytest.approx(BODY_LEFT + 2 * CELL_MM, abs=0.3)


# ---------------------------------------------------------------- roles: size and face


def _glyphs_of(pdf, text):
    for page in pdf:
        for line in page_lines(page):
            if text in line.text:
                start = line.text.index(text)
                return page, line.glyphs[start:start + len(text)]
    raise AssertionError(f"{text!r} not in the PDF")


@pytest.mark.parametrize("text,font,size", [
    ("关于进一步加强", "Noto-Serif-CJK-SC-Bold", 22),  # title: 小标宋 → Noto Serif CJK SC Bold
    ("在全市基层党建", "FandolKai", 16),  # subtitle: 楷体
    ("总体要求", "FandolHei", 16),  # heading 1: 黑体
    ("强化政治引领", "FandolKai", 16),  # heading 2: 楷体
    ("健全组织体系", "FandolFang", 16),  # heading 3: 仿宋
    ("完善制度机制", "FandolFang", 16),  # run-in level-4 lead: 仿宋
    ("要把握重点", "FandolKai", 16),  # run-in speech lead 第一，: 楷体
    ("各区县党委", "FandolFang", 16),  # salutation
    ("市委组织部", "FandolFang", 14),  # table: 4号
    ("附件1", "FandolHei", 16),  # attachment label: 黑体
])
def test_sizes_and_faces_by_role(long, text, font, size):
    _doc, _data, pdf = long
    _page, glyphs = _glyphs_of(pdf, text)
    cjk = [g for g in glyphs if not g.char.isascii()]
    assert all(font in g.font for g in cjk), {g.font for g in cjk}
    assert all(g.size == size for g in glyphs)


def test_digits_are_set_in_the_latin_face(long):
    _doc, _data, pdf = long
    _page, glyphs = _glyphs_of(pdf, "2024年度")
    assert all("latin" in g.font for g in glyphs[:4]) and "Fandol" in glyphs[4].font


def test_lead_is_followed_by_body_text(long):
    _doc, _data, pdf = long
    _page, glyphs = _glyphs_of(pdf, "要把握重点。")
    _page, after = _glyphs_of(pdf, glyphs[-1].char)
    body = [g for page in pdf for line in page_lines(page) if "要把握重点。" in line.text
            for g in line.glyphs[line.text.index("要把握重点。") + 6:][:3]]
    assert body and all("FandolFang" in g.font for g in body)


# ---------------------------------------------------------------- page numbers


@pytest.mark.parametrize("which", ["sample", "long"])
def test_page_numbers(which, request):
    _doc, _data, pdf = request.getfixturevalue(which)
    number = PROFILE.page_number
    inset = pt_to_mm(number.inset_chars * number.size_pt)
    for page in pdf:
        line = number_line(page)
        n = page.number + 1
        assert line.text == f"— {n} —"
        assert {g.size for g in line.glyphs} == {number.size_pt}
        assert all("FandolSong" in g.font or "speechdoc-latin" in g.font for g in line.glyphs)
        dash = line.glyphs[0]
        assert dash.top == pytest.approx(BODY_BOTTOM + number.below_body_mm, abs=TOL)
        if n % 2:
            assert line.x1 == pytest.approx(BODY_RIGHT - inset, abs=TOL)
        else:
            assert line.x0 == pytest.approx(BODY_LEFT + inset, abs=TOL)


# ---------------------------------------------------------------- the long fixture's structure


def test_long_fixture_is_at_least_ten_pages(long):
    assert len(long[2]) >= 10


def test_attachment_labels_start_new_pages(long):
    _doc, _data, pdf = long
    starts = [body_lines(p)[0].text for p in pdf]
    assert "附件1" in starts and "附件2" in starts
    for page in pdf:
        lines = body_lines(page)
        if lines[0].text in ("附件1", "附件2"):
            assert lines[0].x0 == pytest.approx(BODY_LEFT, abs=0.3)
            title = lines[1]
            pitch = pt_to_mm(PAGE.line_pitch_pt)
            assert title.baseline - lines[0].baseline == pytest.approx(2 * pitch, abs=2)  # line 3
            assert (title.x0 + title.x1) / 2 == pytest.approx((BODY_LEFT + BODY_RIGHT) / 2, abs=1)


def test_signature_and_date_without_seal(long):
    """7.3.5.2: 署名 right-indented 2 字; the date starts 2 字 right of the 署名's first character."""
    _doc, _data, pdf = long
    page, sig = _glyphs_of(pdf, "中共某某市委组织部")
    line = next(line for line in body_lines(page) if line.text == "2024年3月5日")
    date = line.glyphs
    assert sig[-1].x1 == pytest.approx(BODY_RIGHT - 2 * CELL_MM, abs=0.5)
    assert date[0].x0 == pytest.approx(sig[0].x0 + 2 * CELL_MM, abs=0.5)


def test_attachment_names_wrap_under_their_first_character(long):
    _doc, _data, pdf = long
    page, glyphs = _glyphs_of(pdf, "2024年度基层党建工作重点项目清单（含")
    lines = body_lines(page)
    at = next(i for i, line in enumerate(lines) if "重点项目清单（含" in line.text)
    assert lines[at + 1].x0 == pytest.approx(glyphs[0].x0, abs=0.3)


def test_title_is_broken_like_the_docx(long):
    from speechdoc.layout.title import break_title
    from speechdoc.render.html import title_chars

    doc, _data, pdf = long
    title = doc.blocks[0].text
    expected = break_title(title, title_chars(PROFILE))
    got = [line.text for line in body_lines(pdf[0])[:len(expected)]]
    assert got == expected


# ---------------------------------------------------------------- fonts, glyphs, PDF structure


@pytest.mark.parametrize("which", ["sample", "long"])
def test_fonts_embedded_and_subset(which, request):
    _doc, _data, pdf = request.getfixturevalue(which)
    fonts = {f[3]: f for page in pdf for f in page.get_fonts(full=True)}
    assert fonts
    for name, f in fonts.items():
        assert re.match(r"^[A-Z]{6}\+", name), name  # subset prefix
        assert f[1] != "n/a", name  # embedded font file


@pytest.mark.parametrize("which", ["sample", "long"])
def test_no_notdef_and_no_replacement_character(which, request):
    doc, _data, pdf = request.getfixturevalue(which)
    glyphs = [g for page in pdf for g in page_glyphs(page)]
    assert glyphs and all(g.gid != 0 for g in glyphs), {g.char for g in glyphs if g.gid == 0}
    # every visible glyph has its advance in the PDF (a CID that misses its glyph would measure 0)
    assert all(g.x1 - g.x0 > 1 for g in glyphs if not g.char.isspace()), \
        {(g.char, g.font) for g in glyphs if g.x1 - g.x0 <= 1 and not g.char.isspace()}
    text = "".join(page.get_text() for page in pdf)
    assert "\ufffd" not in text


def test_rare_characters_and_symbols_are_set(long):
    _doc, _data, pdf = long
    glyphs = {g.char: g for page in pdf for g in page_glyphs(page)}
    for char in "㑇𠀀①℃‰№":
        assert char in glyphs and glyphs[char].gid != 0, char
    assert "HanaMin" in glyphs["𠀀"].font or "Noto" in glyphs["𠀀"].font
    assert "Noto" in glyphs["㑇"].font


def test_outline_from_title_and_headings(long):
    doc, _data, pdf = long
    toc = pdf.get_toc()
    assert toc[0][:2] == [1, doc.blocks[0].text] or toc[0][0] == 1
    levels = {level for level, _title, _page in toc}
    assert levels == {1, 2, 3, 4, 5}
    assert [t for lvl, t, _p in toc if lvl == 2] == ["一、总体要求", "二、重点任务", "三、保障措施"]


def test_metadata_and_language(long):
    doc, data, pdf = long
    assert pdf.metadata["title"] == doc.blocks[0].text
    assert pdf.metadata["author"] == "某某市委办公室"
    assert pdf.xref_get_key(pdf.pdf_catalog(), "Lang") == ("string", "zh-CN")


def test_size_of_the_sample_stays_within_todays_bound(sample):
    assert len(sample[1]) <= 370 * 1024  # 360 KB today: FandolFang's 595 glyphs (~450 B each) are 262 KB of it


@pytest.mark.xfail(strict=True, reason="the issue's 250 KB target cannot be met with FandolFang: its glyphs alone "
                                       "are 262 KB of the 360 KB, see the README's PDF section")
def test_size_of_the_sample_meets_the_target(sample):
    assert len(sample[1]) <= 250 * 1024


def test_same_input_gives_the_same_bytes(sample):
    doc, data, _pdf = sample
    assert render_pdf(doc, PROFILE) == data
    assert not _pdf.metadata["creationDate"]


def test_real_date_stamps_the_pdf(sample):
    doc, _data, _pdf = sample
    small = doc.with_blocks(doc.blocks[:3])
    assert open_pdf(render_pdf(small, PROFILE, real_date=True)).metadata["creationDate"].startswith("D:20")


# ---------------------------------------------------------------- hostile text


HOSTILE = ['<img src="file:///etc/passwd">', '<link rel="stylesheet" href="http://example.invalid/x.css">',
           "{{ 7*7 }}", "{% include 'document.html.j2' %}", "&lt;b&gt;", "</p><style>body{color:red}</style>",
           'url("file:///etc/passwd")']


@pytest.fixture(scope="module")
def hostile():
    blocks = [model.Block("title", "标题<script>alert(1)</script>")]
    blocks += [model.Block("paragraph", f"正文{h}结束") for h in HOSTILE]
    blocks += [model.Block("table", "", rows=(("<b>粗</b>", "{{ x }}"),)),
               model.Block("attachments", "附件：<i>x</i>", items=("<i>x</i>",))]
    doc = model.Document(blocks=tuple(blocks), meta=model.Meta(author='"><script>'))
    data, warnings = render_pdf_with_warnings(doc, PROFILE)
    assert warnings == []  # nothing was fetched, nothing refused: the text never became markup
    return open_pdf(data)


def test_hostile_text_appears_literally(hostile):
    text = "".join(page.get_text() for page in hostile).replace("\n", "")
    for h in HOSTILE:
        assert h in text, h
    assert "标题<script>alert(1)</script>" in text
    assert "<b>粗</b>" in text and "{{ x }}" in text and "<i>x</i>" in text
    assert "49" not in text


def test_cli_to_pdf_writes_and_reports_substitution(tmp_path, fixtures):
    from ..conftest import run_cli

    out = tmp_path / "out.pdf"
    small = tmp_path / "small.json"
    doc = api.load_model(fixtures / "models" / "long-pdf.json")
    small.write_text(model.dump(doc.with_blocks(doc.blocks[:8] + (model.Block("paragraph", "㑇"),))),
                     encoding="utf-8")
    result = run_cli("to-pdf", str(small), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    notices = [line for line in result.stderr.decode().splitlines() if "substituted" in line]
    assert len(notices) == 1 and "仿宋 → FandolFang" in notices[0] and "㑇" in notices[0]
    again = run_cli("to-pdf", str(small), "-o", "-")
    assert again.returncode == 0 and again.stdout == out.read_bytes()
    refused = run_cli("to-pdf", str(small), "-o", str(small))
    assert refused.returncode != 0 and b"overwrite" in refused.stderr


def test_api_to_pdf_refuses_to_overwrite_a_model_input(tmp_path, fixtures):
    from speechdoc.errors import OutputError

    small = tmp_path / "m.json"
    doc = api.load_model(fixtures / "models" / "speech-scraped.json")
    small.write_text(model.dump(doc.with_blocks(doc.blocks[:2])), encoding="utf-8")
    with pytest.raises(OutputError, match="overwrite"):
        api.to_pdf(small, small)
    assert small.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize("which", ["sample", "long"])
def test_headings_are_kept_with_the_following_text(which, request):
    doc, _data, pdf = request.getfixturevalue(which)
    headings = {b.text for b in doc.blocks if b.kind == "heading"}
    assert headings
    for page in pdf[:-1]:
        last = body_lines(page)[-1].text
        assert not any(h.endswith(last) for h in headings), (page.number, last)


def test_outline_labels_are_the_block_texts(long):
    doc, _data, pdf = long
    labels = [title for _level, title, _page in pdf.get_toc()]
    assert labels[0] == doc.blocks[0].text
    assert "1.健全组织体系" in labels and "（2）加强队伍建设" in labels


def test_a_heading_on_a_page_s_last_line_moves_to_the_next_page():
    filler = "中" * (PAGE.chars - 2 + (PAGE.lines - 2) * PAGE.chars)  # 21 full lines
    doc = model.Document(blocks=(model.Block("paragraph", filler), model.Block("heading", "一、标题", level=1),
                                 model.Block("paragraph", "正文。")))
    pdf = open_pdf(render_pdf(doc, PROFILE))
    assert len(body_lines(pdf[0])) == PAGE.lines - 1
    assert body_lines(pdf[1])[0].text == "一、标题"


@pytest.mark.parametrize("align", ["center", "right", "left"])
def test_page_number_alignment_from_the_profile(align):
    profile = load_profile(sets=[f"page.number.align={align}"])
    doc = model.Document(blocks=(model.Block("paragraph", "中" * 1400),))  # three pages
    data, warnings = render_pdf_with_warnings(doc, profile)
    assert warnings == []
    pdf = open_pdf(data)
    inset = pt_to_mm(profile.page_number.inset_chars * profile.page_number.size_pt)
    for page in pdf:
        line = number_line(page)
        if align == "center":
            assert (line.x0 + line.x1) / 2 == pytest.approx((BODY_LEFT + BODY_RIGHT) / 2, abs=TOL)
        elif align == "right":
            assert line.x1 == pytest.approx(BODY_RIGHT - inset, abs=TOL)
        else:
            assert line.x0 == pytest.approx(BODY_LEFT + inset, abs=TOL)


def test_a_line_broken_at_a_space_starts_flush_with_the_margin():
    """Latin words in Chinese text: the space where a line breaks stays at the end of the line above."""
    phrase = "按照 World Health Organization 的 guidelines for the prevention of infectious disease 开展工作，"
    blocks = [model.Block("paragraph", "中" * k + phrase * 3) for k in (7, 12, 19)]  # breaks fall before a space
    pdf = open_pdf(render_pdf(model.Document(blocks=tuple(blocks)), PROFILE))
    lines = [line for page in pdf for line in body_lines(page)]
    assert len(lines) >= 12
    assert all(line.text[0] != " " for line in lines), [line.text[:8] for line in lines]
    starts = Counter(round((line.x0 - BODY_LEFT) / CELL_MM) for line in lines)
    assert set(starts) == {0, 2}, starts  # flush left, or the paragraph's 2-字 first-line indent
    assert all(abs(line.x0 - BODY_LEFT - CELL_MM * round((line.x0 - BODY_LEFT) / CELL_MM)) < TOL for line in lines)


def test_speechdocs_user_agent_stylesheet_gives_the_pages_of_weasyprints(fixtures, monkeypatch):
    """templates/ua.css replaces WeasyPrint's HTML5 sheet: every kind of block is drawn the same, pixel for pixel."""
    import weasyprint

    from speechdoc.render import pdf as pdf_module

    doc = api.load_model(fixtures / "models" / "every-kind.json")
    ours = open_pdf(render_pdf(doc, PROFILE))
    monkeypatch.setattr(pdf_module, "_HTML_CLASS", weasyprint.HTML)
    theirs = open_pdf(render_pdf(doc, PROFILE))
    assert len(ours) == len(theirs) >= 2
    for mine, other in zip(ours, theirs):
        assert mine.get_pixmap(dpi=60).samples == other.get_pixmap(dpi=60).samples
    assert ours.get_toc() == theirs.get_toc()


def test_lines_with_latin_words_and_spaces_reach_the_right_edge_exactly():
    """Spaces are measured in the face Pango sets them in; spaces and U+3000 at a break are past the measure."""
    mixed = "我们要加快推进 AI 和 5G 及 IoT 与 VR 等 App 在 Web 端与 PC 端的 OA 系统中应用，大力推进 Artificial " \
            "Intelligence and Machine Learning 技术在政务服务中的应用，覆盖 120 个部门、3500 项事项。"
    spaced = "各部门要按照要求认真组织实施确保取得实效各　项工作要落实到位　形成工作合力推动全面发展取得新的成效。"
    blocks = [model.Block("paragraph", "中" * k + mixed * 2) for k in range(0, 12, 3)]
    blocks += [model.Block("paragraph", "中" * k + spaced * 3) for k in range(0, 12, 4)]
    pdf = open_pdf(render_pdf(model.Document(blocks=tuple(blocks)), PROFILE))
    checked = 0
    for page in pdf:
        lines = body_lines(page)
        for line, below in zip(lines, lines[1:]):
            if abs(below.x0 - BODY_LEFT) > TOL:
                continue  # ``line`` ends its paragraph (the next one starts indented)
            visible = [g for g in inside(line) if g.char not in " \u3000"]
            assert visible[-1].x1 == pytest.approx(BODY_LEFT + 28 * CELL_MM, abs=0.3), line.text  # the grid's edge
            assert below.text[0] not in " \u3000", below.text
            checked += 1
    assert checked >= 20

"""The .docx read back with python-docx and as XML: styles, fonts, grid, footers, properties, bytes."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from docx.oxml.ns import qn

from speechdoc import model
from speechdoc.model import Block, Document, Lead, Meta
from speechdoc.render.docx import (
    RUN_IN_STYLE, STYLE_NAMES, footer_distance_mm, place_signature_and_date, render_docx, text_width_pt,
    title_max_chars,
)
from speechdoc.style import load_profile
from speechdoc.style.units import mm_to_twips

from ..conftest import FIXTURES, run_cli

MODELS = FIXTURES / "models"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def profile():
    return load_profile()


@pytest.fixture(scope="module")
def long_doc() -> Document:
    return model.load((MODELS / "notice-long.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def long_bytes(long_doc, profile) -> bytes:
    return render_docx(long_doc, profile)


@pytest.fixture(scope="module")
def word(long_bytes):
    return docx.Document(io.BytesIO(long_bytes))


@pytest.fixture(scope="module")
def parts(long_bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(long_bytes)) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}


def every_kind_doc() -> Document:
    blocks = (
        Block("title", "关于进一步加强和改进机关公文处理工作的通知"),
        Block("doc_number", "办发〔2024〕3号"),
        Block("subtitle", "——在全市公文处理工作会议上的讲话"),
        Block("speaker", "张三"),
        Block("date_line", "（2024年3月5日）"),
        Block("salutation", "同志们："),
        Block("heading", "一、总体要求", level=1, marker="一、"),
        Block("heading", "（一）指导思想", level=2, marker="（一）"),
        Block("heading", "1.基本原则", level=3, marker="1."),
        Block("heading", "（1）工作目标", level=4, marker="（1）"),
        Block("paragraph", "第一，加强学习。要把学习作为首要任务。",
              lead=Lead(2, "第一，加强学习。", "第一，")),
        Block("table", "", rows=(("项目", "要求"), ("公文格式", "按国家标准执行"))),
        Block("attachments", "附件：1.格式要求 2.报送表", items=("格式要求", "报送表")),
        Block("signature", "市政府办公室"),
        Block("date", "2024年3月5日"),
        Block("note", "（此件公开发布）"),
        Block("attachment_label", "附件1"),
        Block("attachment_title", "公文格式要求"),
        Block("paragraph", "正文。"),
    )
    assert {b.kind for b in blocks} == set(model.BLOCK_KINDS)
    return Document(blocks=blocks, meta=Meta(author="张三", org="市政府办公室"))


# ---------------------------------------------------------------- styles


def test_every_block_kind_gets_its_own_style(profile):
    word = docx.Document(io.BytesIO(render_docx(every_kind_doc(), profile)))
    names = [p.style.name for p in word.paragraphs if p.text]
    assert names == ["Title", "Document Number", "Subtitle", "Speaker", "Date Line", "Salutation",
                     "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Body Text", "Attachments",
                     "Attachments", "Signature", "Date", "Note", "Attachment Label", "Attachment Title",
                     "Body Text"]
    assert len(word.tables) == 1
    table = word.tables[0]
    assert table.style.name == "Table Grid"
    assert [c.text for c in table.rows[1].cells] == ["公文格式", "按国家标准执行"]
    assert {p.style.name for row in table.rows for c in row.cells for p in c.paragraphs} == {"Table Text"}


def test_builtin_styles_are_matched_by_their_word_names(parts):
    styles = parts["word/styles.xml"]
    for internal in ("heading 1", "heading 2", "heading 3", "heading 4", "Title", "Subtitle", "Body Text",
                     "Salutation", "Signature", "Date", "footer"):
        assert f'<w:name w:val="{internal}"/>' in styles
    for style_id in ("Heading1", "Heading4", "Title", "BodyText"):
        assert f'w:styleId="{style_id}"' in styles
        block = styles.split(f'w:styleId="{style_id}"')[1].split("</w:style>")[0]
        assert "w:customStyle" not in block.split(">")[0]


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_heading_styles_have_outline_levels_fonts_and_keep_with_next(word, profile, level):
    style = word.styles[f"Heading {level}"]
    ppr = style.element.pPr
    assert ppr.find(qn("w:outlineLvl")).get(qn("w:val")) == str(level - 1)
    assert style.paragraph_format.keep_with_next is True
    assert style.paragraph_format.keep_together is True
    role = profile.font(profile.block(f"heading{level}").role)
    fonts = style.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == role.word
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == role.latin
    assert fonts.get(qn("w:hint")) == "eastAsia"
    assert style.font.size.pt == profile.block(f"heading{level}").size_pt


def test_fonts_by_role_on_every_paragraph_style(word, profile):
    for key, name in STYLE_NAMES.items():
        block = profile.block(key)
        role = profile.font(block.role)
        rpr = word.styles[name].element.rPr
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == role.word, name
        assert word.styles[name].font.size.pt == block.size_pt, name
        assert bool(word.styles[name].font.bold) == block.bold, name
    assert word.styles["Heading 1"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"
    assert word.styles["Heading 2"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "楷体_GB2312"
    assert word.styles["Body Text"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_normal_carries_the_grid_base(word, profile):
    normal = word.styles["Normal"]
    assert normal.font.size.pt == profile.block("body").size_pt
    rpr, ppr = normal.element.rPr, normal.element.pPr
    assert rpr.find(qn("w:spacing")).get(qn("w:val")) == str(round(profile.page.char_spacing_pt * 20))
    spacing = ppr.find(qn("w:spacing"))
    assert spacing.get(qn("w:line")) == str(profile.page.line_pitch_twips) == "579"
    assert spacing.get(qn("w:lineRule")) == "exact"
    assert normal.paragraph_format.widow_control is False
    assert ppr.find(qn("w:overflowPunct")).get(qn("w:val")) == "1"  # Word's default, see render/docx.py
    assert ppr.find(qn("w:autoSpaceDN")).get(qn("w:val")) == "0"
    assert ppr.find(qn("w:snapToGrid")) is None  # body lines snap to the line grid
    assert word.styles["Title"].element.pPr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"


def test_body_first_line_indent_is_two_characters(word, profile):
    ind = word.styles["Body Text"].element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    assert int(ind.get(qn("w:firstLine"))) == round(2 * (16 - 0.25) * 20)


def test_run_in_character_styles_use_the_heading_fonts(word, profile):
    for level in range(1, 5):
        style = word.styles[RUN_IN_STYLE.format(level=level)]
        assert style.type == docx.enum.style.WD_STYLE_TYPE.CHARACTER
        fonts = style.element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == profile.font(profile.block(f"heading{level}").role).word


def test_lead_is_a_run_of_the_run_in_style_in_the_same_paragraph(word, long_doc):
    block = next(b for b in long_doc.blocks if b.lead)
    paragraph = next(p for p in word.paragraphs if p.text == block.text)
    assert paragraph.style.name == "Body Text"
    first, *rest = paragraph.runs
    assert first.text == block.lead.text
    assert first.style.name == RUN_IN_STYLE.format(level=block.lead.level)
    assert "".join(r.text for r in rest) == block.text[len(block.lead.text):]
    assert all(r.style.name == "Default Paragraph Font" for r in rest)


# ---------------------------------------------------------------- theme fonts and run fonts


def test_no_theme_font_reference_anywhere(parts):
    for name, xml in parts.items():
        assert not re.search(r"w:(ascii|hAnsi|eastAsia|cs)Theme=|w:cstheme=", xml), name


def test_runs_carry_only_the_east_asian_hint(parts, profile):
    """No run names an East Asian font (that stays with the style); only runs of “”‘’—…· name a role's Chinese
    font in the Latin slots, for LibreOffice, which ignores the hint."""
    chinese = {role.word for role in profile.fonts.values()}
    punctuation = 0
    for name in [n for n in parts if n.startswith("word/") and ("document" in n or "footer" in n)]:
        for run in re.findall(r"<w:r>.*?</w:r>", parts[name]):
            for fonts in re.findall(r"<w:rFonts [^>]*/>", run):
                if fonts == '<w:rFonts w:hint="eastAsia"/>':
                    continue
                texts = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", run))
                latin = re.fullmatch(r'<w:rFonts w:hint="eastAsia" w:ascii="([^"]+)" w:hAnsi="([^"]+)"/>', fonts)
                assert latin and latin[1] == latin[2] and latin[1] in chinese, (name, fonts)
                assert texts and set(texts) <= set("“”‘’—…·"), (name, texts)
                punctuation += 1
    assert punctuation


def test_doc_defaults_name_the_body_fonts(parts, profile):
    defaults = parts["word/styles.xml"].split("<w:docDefaults>")[1].split("</w:docDefaults>")[0]
    body = profile.font(profile.block("body").role)
    assert f'w:eastAsia="{body.word}"' in defaults and f'w:ascii="{body.latin}"' in defaults


def test_theme_font_scheme_is_the_official_fonts(parts):
    theme = next(v for k, v in parts.items() if k.startswith("word/theme/"))
    assert "Calibri" not in theme and "等线" not in theme and "Cambria" not in theme
    assert '<a:ea typeface="仿宋_GB2312"/>' in theme and '<a:ea typeface="黑体"/>' in theme


def test_font_table_names_fallbacks(parts):
    table = parts["word/fontTable.xml"]
    assert re.search(r'<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>', table)
    assert re.search(r'<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>', table)
    assert '<w:font w:name="Times New Roman">' in table


def test_template_leftovers_are_gone(long_bytes):
    names = zipfile.ZipFile(io.BytesIO(long_bytes)).namelist()
    assert not [n for n in names if "thumbnail" in n or "customXml" in n or "stylesWithEffects" in n]
    assert names[0] == "[Content_Types].xml"


# ---------------------------------------------------------------- page, grid, footers


def test_page_margins_and_line_grid(word, parts, profile):
    section = word.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert (section.top_margin.twips, section.bottom_margin.twips) == (2098, 1984)
    assert (section.left_margin.twips, section.right_margin.twips) == (1587, 1474)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"
    assert grid.get(qn("w:charSpace")) is None


def test_footer_distance_puts_the_number_7mm_below_the_text_block(word, profile):
    expected = profile.page.bottom_mm - 7.0 - 14 * 25.4 / 72
    assert footer_distance_mm(profile) == pytest.approx(expected)
    assert word.sections[0].footer_distance.twips == mm_to_twips(expected)


def test_odd_and_even_footers_hold_a_page_field(word, parts, profile):
    assert "<w:evenAndOddHeaders/>" in parts["word/settings.xml"]
    section = word.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        xml = paragraph._p.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert paragraph.style.name == "Footer"
        ind = paragraph._p.pPr.find(qn("w:ind"))
        assert ind.get(qn(f"w:{side}")) == str(round(14 * 20)) and ind.get(qn(f"w:{side}Chars")) == "100"
    footer_style = word.styles["Footer"]
    assert footer_style.font.size.pt == 14
    assert footer_style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"


def test_centred_page_numbers_need_no_even_footer(profile):
    centred = load_profile(sets=["page.number.align=center"])
    data = render_docx(every_kind_doc(), centred)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml").decode()
    assert "evenAndOddHeaders" not in xml


# ---------------------------------------------------------------- text-dependent placement


def test_title_breaks_like_the_shared_title_breaker(word, long_doc, profile):
    assert title_max_chars(profile) == 20
    title = word.paragraphs[0]
    assert title.style.name == "Title"
    assert title.text.split("\n") == list(long_doc.blocks[0].lines)


def test_long_title_without_author_lines_is_balanced(profile):
    text = "关于进一步加强全市机关事业单位公文处理和档案管理规范化建设工作的实施意见"
    word = docx.Document(io.BytesIO(render_docx(Document(blocks=(Block("title", text),)), profile)))
    lines = word.paragraphs[0].text.split("\n")
    assert "".join(lines) == text and len(lines) == 2
    assert all(len(line) <= 20 for line in lines) and min(len(line) for line in lines) >= 3


def test_signature_short_date_right_of_it(profile):
    signature = "国务院深化医药卫生体制改革领导小组办公室"
    place = place_signature_and_date(signature, "2019年1月16日", profile)
    assert place.signature_right == pytest.approx(2 * 15.75)
    sig_first = 442.2 - place.signature_right - len(signature) * 15.75
    assert place.date_left == pytest.approx(sig_first + 2 * 15.75, abs=0.2)


def test_signature_moves_left_when_the_date_is_longer(profile):
    place = place_signature_and_date("国务院办公厅", "2019年1月16日", profile)
    date_width = text_width_pt("2019年1月16日", profile.block("date"), profile)
    assert date_width == pytest.approx(3 * 15.75 + 7 * 7.75)
    # the date ends 2 字 from the right edge; the 署名 starts 2 字 left of the date
    assert place.date_left + date_width == pytest.approx(442.2 - 2 * 15.75, abs=0.2)
    assert place.signature_right > 2 * 15.75


def test_signature_is_kept_with_its_date(word):
    signature = next(p for p in word.paragraphs if p.style.name == "Signature")
    assert signature.paragraph_format.keep_with_next is True


def test_attachment_names_align_under_the_first_name(word):
    items = [p for p in word.paragraphs if p.style.name == "Attachments"]
    assert items[0].text.startswith("附件：1.") and items[1].text.startswith("2.")
    lefts = {p._p.pPr.find(qn("w:ind")).get(qn("w:left")) for p in items}
    assert len(lefts) == 1  # wrapped lines of every item start at the same place: the names' column
    first_at = [int(p._p.pPr.find(qn("w:ind")).get(qn("w:left"))) - int(p._p.pPr.find(qn("w:ind")).get(qn("w:hanging")))
                for p in items]
    assert first_at[0] == round(2 * 15.75 * 20)  # 附件： starts 2 字 in
    assert first_at[1] == round(5 * 15.75 * 20)  # 2. stands under 1.


# ---------------------------------------------------------------- properties and bytes


def test_core_and_app_properties(word, parts, long_doc):
    props = word.core_properties
    assert props.title == long_doc.title
    assert props.author == "国务院办公厅"
    assert props.created.year == 2019 and props.created.month == 1 and props.created.day == 16
    assert "<Company>国务院办公厅</Company>" in parts["docProps/app.xml"]


def test_same_input_same_bytes(long_doc, profile, long_bytes):
    again = render_docx(long_doc, profile)
    assert again == long_bytes
    entries = zipfile.ZipFile(io.BytesIO(again)).infolist()
    assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}


def test_different_input_different_bytes(long_doc, profile, long_bytes):
    changed = long_doc.with_blocks(long_doc.blocks[:-1])
    assert render_docx(changed, profile) != long_bytes


def test_cli_writes_the_docx_from_a_model(tmp_path: Path):
    out = tmp_path / "speech.docx"
    result = run_cli("to-docx", str(MODELS / "speech-scraped.json"), "-o", str(out), "--org", "区教委")
    assert result.returncode == 0, result.stderr.decode()
    word = docx.Document(str(out))
    assert word.paragraphs[0].style.name == "Title"
    assert word.paragraphs[0].text == "教育局两学一做专题教育动员会讲话稿"
    again = tmp_path / "again.docx"
    assert run_cli("to-docx", str(MODELS / "speech-scraped.json"), "-o", str(again), "--org", "区教委").returncode == 0
    assert out.read_bytes() == again.read_bytes()


# ---------------------------------------------------------------- any valid model renders

_text = st.text(alphabet=st.sampled_from(list("公文格式通知附件一二三、，。：“”—…（）《》0123456789ab \t\n\x0b")),
                min_size=0, max_size=60)


@st.composite
def blocks(draw):
    kind = draw(st.sampled_from(model.BLOCK_KINDS))
    text = draw(_text)
    lead = None
    if kind == "paragraph" and draw(st.booleans()):
        lead = Lead(draw(st.integers(1, 4)), draw(_text), None)
    return Block(kind, text, level=draw(st.one_of(st.none(), st.integers(1, 4))), lead=lead,
                 items=tuple(draw(st.lists(_text, max_size=3))),
                 rows=tuple(tuple(r) for r in draw(st.lists(st.lists(_text, max_size=3), max_size=3))))


@settings(max_examples=20, deadline=None)
@given(st.lists(blocks(), max_size=8))
def test_any_model_renders_to_a_readable_docx(profile, items):
    data = render_docx(Document(blocks=tuple(items)), profile)
    word = docx.Document(io.BytesIO(data))
    assert len(word.sections) == 1
    texts = "".join(p.text for p in word.paragraphs)
    assert "\x0b" not in texts


def test_properties_are_in_schema_order(parts):
    """Word calls a file with misordered w:pPr / w:rPr / w:tblPr children unreadable."""
    from lxml import etree

    from speechdoc.render.docx_oxml import _PPR_ORDER, _RPR_ORDER, _TBLPR_ORDER

    orders = {"pPr": _PPR_ORDER, "rPr": _RPR_ORDER, "tblPr": _TBLPR_ORDER}
    checked = 0
    for name, xml in parts.items():
        if not name.startswith("word/"):
            continue
        root = etree.fromstring(xml.encode("utf-8"))
        for tag, order in orders.items():
            for element in root.iter(f"{W}{tag}"):
                tags = [etree.QName(c).localname for c in element]
                positions = [order.index(t) for t in tags if t in order]
                assert positions == sorted(positions), (name, tag, tags)
                checked += 1
    assert checked > 100


def test_cli_converts_the_bundled_sample_text(tmp_path: Path):
    from ..conftest import SAMPLE

    out = tmp_path / "speech.docx"
    result = run_cli("to-docx", str(SAMPLE), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    word = docx.Document(str(out))
    styles = [p.style.name for p in word.paragraphs]
    assert styles[:2] == ["Title", "Salutation"]
    assert styles.count("Heading 1") == 3
    assert any(r.style.name == "Run-in Heading 2" for p in word.paragraphs for r in p.runs)


def test_joint_issuers_stay_on_the_dates_page(profile):
    doc = Document(blocks=(Block("paragraph", "正文。"), Block("signature", "中共某区委组织部"),
                           Block("signature", "某区人力资源和社会保障局"), Block("date", "2024年5月20日")))
    paragraphs = docx.Document(io.BytesIO(render_docx(doc, profile))).paragraphs
    signatures = [p for p in paragraphs if p.text.startswith(("中共", "某区"))]
    assert [p.paragraph_format.keep_with_next for p in signatures] == [True, True]

"""Model → HTML/CSS: escaping, every block kind, the closing layout, the CSS from the profile, the fetcher."""
from __future__ import annotations

import re

import pytest

from speechdoc import fonts, model
from speechdoc.render import html
from speechdoc.render.pdf import RefusedURL, url_fetcher
from speechdoc.resources import data_dir
from speechdoc.style import load_profile

PROFILE = load_profile()


@pytest.fixture(scope="module")
def fontset():
    return fonts.resolve_fonts(PROFILE)


def every_kind() -> model.Document:
    blocks = []
    for kind in model.BLOCK_KINDS:
        if kind == "heading":
            blocks += [model.Block("heading", f"标题{n}", level=n) for n in (1, 2, 3, 4)]
        elif kind == "table":
            blocks.append(model.Block("table", "", rows=(("甲", "乙"), ("1", "2"))))
        elif kind == "attachments":
            blocks.append(model.Block("attachments", "附件：1.甲\n2.乙", items=("甲", "乙")))
        else:
            blocks.append(model.Block(kind, f"{kind}文字"))
    return model.Document(blocks=tuple(blocks))


def test_every_block_kind_has_its_class(fontset):
    page = html.render_html(every_kind(), PROFILE, fontset)
    css = html.render_css(PROFILE, fontset)
    for kind in model.BLOCK_KINDS:
        keys = [f"heading{n}" for n in (1, 2, 3, 4)] if kind == "heading" else [PROFILE.key_for(kind)]
        for key in keys:
            assert f'class="{key}' in page, key
            assert f".{key} {{" in css, key


def test_css_numbers_come_from_the_profile(fontset):
    css = html.render_css(PROFILE, fontset)
    assert "margin: 37.0mm 26.0mm 35.0mm 28.0mm;" in css
    assert f"line-height: {PROFILE.page.line_pitch_pt}pt;" in css
    assert f"letter-spacing: {PROFILE.page.char_spacing_pt}pt;" in css
    assert "padding-top: 7.0mm;" in css and "font-size: 14.0pt;" in css
    changed = load_profile(sets=["page.top_mm=30", "page.number.below_body_mm=5", "block.title.size_pt=24"])
    css2 = html.render_css(changed, fonts.resolve_fonts(changed))
    assert "margin: 30.0mm" in css2 and "padding-top: 5.0mm;" in css2
    assert re.search(r"\.title \{[^}]*font-size: 24\.0pt;", css2)


def test_no_font_face_family_is_a_generic_name(fontset):
    css = html.render_css(PROFILE, fontset)
    families = re.findall(r'@font-face \{\s*font-family: "([^"]+)"', css)
    assert families and not {f.lower() for f in families} & {"serif", "sans", "sans-serif", "monospace"}
    assert "unicode-range: U+0020-007E;" in css


HOSTILE = ['<img src="file:///etc/passwd">', '<link href="http://example.invalid/a.css" rel="stylesheet">',
           "{{ 7*7 }}", "{% include 'document.html.j2' %}", "&lt;", "</p></body><style>*{x:y}</style>"]


@pytest.mark.parametrize("with_fonts", [True, False])
def test_text_is_escaped_and_never_interpreted(fontset, with_fonts):
    blocks = [model.Block("title", "<b>标题</b>"), model.Block("salutation", "{{ config }}")]
    blocks += [model.Block("paragraph", h) for h in HOSTILE]
    doc = model.Document(blocks=tuple(blocks), meta=model.Meta(author='"><script>x</script>'))
    page = html.render_html(doc, PROFILE, fontset if with_fonts else None)
    assert "<img" not in page and "<link" not in page and "<style" not in page and "<b>" not in page
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in page
    assert "{{ 7*7 }}" in page and "49" not in page and "{{ config }}" in page
    assert "{% include" in page
    assert "&amp;lt;" in page
    assert "<script>" not in page


def test_css_never_contains_document_text(fontset):
    doc = model.Document(blocks=(model.Block("title", "独特标题}body{color:red"),))
    css = html.render_css(PROFILE, fontset)
    assert "独特标题" not in css and "color:red" not in css
    assert "独特标题" in html.render_html(doc, PROFILE, fontset)


def test_title_lines_come_from_break_title(fontset):
    from speechdoc.layout.title import break_title

    text = "关于进一步加强和改进新时代基层党组织建设工作推进高质量发展的实施意见"
    views = html.block_views(model.Document(blocks=(model.Block("title", text),)), PROFILE, fontset)
    assert views[0].lines == break_title(text, html.title_chars(PROFILE)) and len(views[0].lines) > 1
    assert html.title_chars(PROFILE) == 20  # 442.2 pt / (22 − 0.25) pt


def test_title_space_goes_below_the_speech_front_matter(fontset):
    doc = model.Document(blocks=(model.Block("title", "题"), model.Block("subtitle", "——讲话"),
                                 model.Block("date_line", "（2020年3月5日）"), model.Block("salutation", "同志们：")))
    views = html.block_views(doc, PROFILE, fontset)
    assert "space-after-0" in views[0].extra and "title-group-end" in views[2].extra
    assert "title-group-end" not in views[3].extra


@pytest.mark.parametrize("signature,date,expected", [
    ("中共某某市委组织部", "2024年3月5日", (2.0, 2.0 + 9 - 2 - 6)),  # digits are half a 字  # date starts 2 字 right of the 署名
    ("某局", "2024年12月25日", (2.0 + 7 + 2 - 2, 2.0)),  # a longer date: date right 2 字, 署名 moves left
])
def test_signature_and_date_indents(signature, date, expected):
    assert html.closing_indents(PROFILE, signature, date) == pytest.approx(expected)


def test_run_in_lead_is_its_own_span(fontset):
    block = model.Block("paragraph", "第一，要把握重点。正文内容。", lead=model.Lead(2, "第一，要把握重点。", "第一，"))
    page = html.render_html(model.Document(blocks=(block,)), PROFILE, fontset)
    assert '<span class="lead lead-heading2">第一，要把握重点。</span>正文内容。' in page


def test_attachments_number_items_only_when_several(fontset):
    one = html.block_views(model.Document(blocks=(model.Block("attachments", "附件：甲", items=("甲",)),)), PROFILE)
    two = html.block_views(model.Document(blocks=(model.Block("attachments", "", items=("甲", "乙")),)), PROFILE)
    assert [i["text"] for i in one[0].items] == ["附件：甲"]
    assert [i["text"] for i in two[0].items] == ["附件：1.甲", "2.乙"]


def test_fetcher_serves_only_templates_and_font_files(fontset):
    fetch = url_fetcher(fontset)
    font = fontset.role("fangsong").latin.file
    assert fetch.fetch(f"file://{font}").read()[:4] in (b"\x00\x01\x00\x00", b"OTTO", b"true")
    css = (data_dir("templates") / "gbt9704.css.j2").as_uri()
    assert fetch.fetch(css).read()
    for url in ("file:///etc/passwd", "http://example.invalid/x.css", "https://example.invalid/",
                "data:text/css,body{}", f"file://{font}/../../../../etc/passwd", "ftp://example.invalid/x",
                f"file://{data_dir('templates')}/../../../../../etc/passwd"):
        with pytest.raises(RefusedURL):
            fetch.fetch(url)


def test_levels_outside_the_profile_fall_back_to_body_text(fontset):
    doc = model.Document(blocks=(model.Block("paragraph", "第一，甲。乙", lead=model.Lead(7, "第一，甲。")),
                                 model.Block("heading", "标题", level=9)))
    views = html.block_views(doc, PROFILE, fontset)
    assert [v.key for v in views] == ["body", "body"] and views[0].lead == ""
    assert fonts.glyph_report(fontset, doc, PROFILE).fallback == {}


def test_joint_issuers_stay_on_the_dates_page(fontset):
    doc = model.Document(blocks=(model.Block("paragraph", "正文。"), model.Block("signature", "中共某区委组织部"),
                                 model.Block("signature", "某区人力资源和社会保障局"),
                                 model.Block("date", "2024年5月20日")))
    views = html.block_views(doc, load_profile(), fontset)
    assert [("break-after: avoid" in v.style) for v in views[1:]] == [True, True, False]


def test_tabs_and_line_breaks_in_a_set_paragraph_print_as_spaces(fontset):
    """The PDF's lines are `white-space: pre`: a tab or a newline from a model would tab or break them."""
    lines = html.set_lines(PROFILE, fontset, "body", "第一项\t内容\n第二项\r\n内容\u2028完")
    text = "".join(f["text"] for line in lines for f in line["frags"])
    assert text == "第一项 内容 第二项  内容 完"


@pytest.mark.parametrize(("text", "at", "cjk"), [
    ("推进 AI", 2, True),  # after a hanzi, before a letter: the CJK face's space (as measured in WeasyPrint 70)
    ("和 5G", 1, False),  # before a digit: the Latin face
    ("AI 和", 2, False),  # after a letter: the Latin face
    ("120 个", 3, False),  # after a digit
    ("中 文", 1, True),
    (" 开头", 0, True),  # nothing before: the face of what follows
    (" AI", 0, False),
])
def test_a_space_is_measured_in_the_face_pango_sets_it_in(text, at, cjk):
    assert html._space_in_cjk_face(text, at) is cjk

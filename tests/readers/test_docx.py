from __future__ import annotations

import re
import shutil
import time
import zipfile
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speechdoc.errors import InputError
from speechdoc.readers import read_source
from speechdoc.readers.docx import read_docx
from speechdoc.readers.docx_numbering import format_number
from tests.conftest import FIXTURES
from tests.readers.docx_factory import docx_with_body, messy_notice, replace_part, zip_bomb

INPUTS = FIXTURES / "inputs"
HANZI = re.compile(r"[\u4e00-\u9fff]")
# notice.txt is the notice as clean text; plain text has no tables, so the table is kept beside it.
NOTICE_TABLE = tuple(tuple(row.split("\t")) for row in (INPUTS / "notice-table.tsv").read_text("utf-8").splitlines())


@pytest.fixture(scope="module")
def notice(tmp_path_factory):
    return messy_notice(tmp_path_factory.mktemp("docx") / "notice.docx")


def texts(doc):
    return [line.text for line in doc.lines if line.text.strip()]


def hinted(doc):
    return [(line.text, line.hint.kind, line.hint.level) for line in doc.lines if line.hint]


def p(text: str, style: str | None = None, num: tuple[int, int] | None = None, extra: str = "") -> str:
    ppr = ""
    if style or num:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "")
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>{extra}</w:p>"


def read_body(tmp_path, body: str, numbering: str | None = None):
    return read_docx(docx_with_body(tmp_path / "t.docx", body, numbering_xml=numbering))


# ---------------------------------------------------------------- the messy notice


def test_messy_notice_reads_as_the_equivalent_clean_text(notice):
    doc = read_docx(notice)
    expected = [line for line in (INPUTS / "notice.txt").read_text("utf-8").splitlines() if line.strip()]
    got = texts(doc)
    table = next(line for line in doc.lines if line.hint and line.hint.kind == "table")
    assert [t.strip(" \u3000\u00a0") for t in got if t != table.text] == expected
    assert table.hint.rows == NOTICE_TABLE
    assert doc.format == "docx" and doc.warnings == ()


def test_word_numbering_and_heading_styles_give_numbered_hinted_headings(notice):
    assert hinted(read_docx(notice))[:-1] == [
        ("一、总体要求", "heading", 1), ("（一）工作目标", "heading", 2), ("（二）基本原则", "heading", 2),
        ("二、主要任务", "heading", 1), ("（一）开展安全检查", "heading", 2)]


def test_every_character_of_the_document_survives(notice):
    with zipfile.ZipFile(notice) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    source = Counter(HANZI.findall("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))))
    out = Counter(HANZI.findall("".join(line.text for line in read_docx(notice).lines)))
    assert all(out[c] >= n for c, n in source.items())


def test_origins_are_paragraph_numbers(notice):
    doc = read_docx(notice)
    assert [line.origin for line in doc.lines][:5] == [1, 2, 3, 4, 5]


# ---------------------------------------------------------------- numbering


NUMBERING = """
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/>
    <w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="3"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%3"/>
    <w:lvlRestart w:val="0"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
"""


def test_numbering_formats_levels_restarts_and_overrides(tmp_path):
    body = "".join([
        p("总则", num=(1, 0)), p("目的", num=(1, 1)), p("甲", num=(1, 2)), p("依据", num=(1, 1)),
        p("分则", num=(1, 0)), p("范围", num=(1, 1)), p("乙", num=(1, 2)),
        p("要点", num=(2, 0)), p("", num=(1, 0)), p("附则", num=(3, 0)),
    ])
    assert texts(read_body(tmp_path, body, NUMBERING)) == [
        "第一章\u3000总则", "1.1\u3000目的", "③甲", "1.2\u3000依据",
        "第二章\u3000分则", "2.1\u3000范围", "④乙",  # level 3 never restarts (lvlRestart 0)
        "要点",  # a bullet is no number
        "第五章\u3000附则",  # the empty numbered paragraph counted 第三章; numId 3 restarts at 5
    ]


def test_numbering_linked_to_heading_styles(tmp_path):
    numbering = """
<w:abstractNum w:abstractNumId="7">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/>
    <w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading2"/>
    <w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="7"/></w:num>"""
    from docx import Document

    path = docx_with_body(tmp_path / "s.docx", p("总体要求", "Heading1") + p("目标", "Heading2") + p("正文。"),
                          numbering_xml=numbering)
    with zipfile.ZipFile(path) as zf:
        styles = zf.read("word/styles.xml").decode("utf-8")
    for sid in ("Heading1", "Heading2"):  # link the styles to the list, as Word's gallery does
        styles = re.sub(rf'(<w:style [^>]*w:styleId="{sid}"[^>]*>.*?<w:pPr>)',
                        r'\1<w:numPr><w:numId w:val="7"/></w:numPr>', styles, count=1, flags=re.S)
    linked = replace_part(path, tmp_path / "linked.docx", "word/styles.xml", styles.encode("utf-8"))
    Document(linked)  # still a valid file
    assert hinted(read_docx(linked)) == [("一、总体要求", "heading", 1), ("（一）目标", "heading", 2)]


@pytest.mark.parametrize("n,fmt,expected", [
    (3, "chineseCounting", "三"), (12, "chineseCountingThousand", "十二"), (10, "ideographDigital", "一〇"),
    (4, "chineseLegalSimplified", "肆"), (2, "ideographTraditional", "乙"), (1, "ideographZodiac", "子"),
    (7, "decimalEnclosedCircle", "⑦"), (12, "decimalFullWidth", "１２"), (4, "upperRoman", "IV"),
    (27, "lowerLetter", "aa"), (5, "decimalZero", "05"), (5, "none", ""), (9, "decimal", "9"),
])
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


# ---------------------------------------------------------------- structure and content


def test_title_style_and_outline_levels(tmp_path):
    body = (p("关于开展检查的通知", "Title") + p("总体要求", "Heading1")
            + '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>（一）目标</w:t></w:r></w:p>' + p("正文。"))
    assert hinted(read_body(tmp_path, body)) == [
        ("关于开展检查的通知", "title", None), ("一、总体要求", "heading", 1), ("（一）目标", "heading", 2)]


def test_a_lone_first_heading_1_is_the_title_and_the_rest_move_up(tmp_path):
    body = p("关于开展检查的通知", "Heading1") + p("总体要求", "Heading2") + p("正文。") + p("工作目标", "Heading3")
    assert hinted(read_body(tmp_path, body)) == [
        ("关于开展检查的通知", "title", None), ("一、总体要求", "heading", 1), ("（一）工作目标", "heading", 2)]


def test_a_written_marker_decides_the_level_over_the_style(tmp_path):
    assert hinted(read_body(tmp_path, p("标题", "Title") + p("（二）目标", "Heading1"))) == [
        ("标题", "title", None), ("（二）目标", "heading", 2)]


def test_revisions_fields_links_and_content_controls(tmp_path):
    body = ("<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>"
            "<w:ins><w:r><w:t>插入</w:t></w:r></w:ins>"
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink>'
            "<w:sdt><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt></w:p>"
            "<w:sdt><w:sdtContent>" + p("块控件") + "</w:sdtContent></w:sdt>")
    doc = read_body(tmp_path, body)
    assert texts(doc) == ["保留插入3链接控件", "块控件"]
    assert [w.code for w in doc.warnings] == ["docx-revisions"]


def test_line_breaks_split_lines_tabs_stay(tmp_path):
    body = "<w:p><w:r><w:t>××市教育局</w:t><w:br/><w:t>2024年2月1日</w:t><w:tab/><w:t>印</w:t></w:r></w:p>"
    doc = read_body(tmp_path, body)
    assert texts(doc) == ["××市教育局", "2024年2月1日\t印"]
    assert [line.origin for line in doc.lines] == [1, 1]


def test_images_objects_and_notes_are_reported(tmp_path):
    body = ("<w:p><w:r><w:t>有图</w:t></w:r><w:r><w:drawing/></w:r><w:r><w:object/></w:r>"
            '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>')
    doc = read_body(tmp_path, body)
    assert texts(doc) == ["有图"]
    assert sorted(w.code for w in doc.warnings) == ["docx-image", "docx-note", "docx-object", "docx-symbol"]
    assert all(w.line == 1 for w in doc.warnings)


def test_text_boxes_keep_their_text(tmp_path):
    box = ("<w:r><w:pict><w:txbxContent>" + p("框内文字") + "</w:txbxContent></w:pict></w:r>")
    doc = read_body(tmp_path, p("正文。", extra=box))
    assert texts(doc) == ["正文。", "框内文字"]


def test_tables_keep_rows_spans_and_one_cell_frames_become_text(tmp_path):
    cell = lambda t, span="": f"<w:tc><w:tcPr>{span}</w:tcPr>{p(t)}</w:tc>"  # noqa: E731
    table = ("<w:tbl><w:tr>" + cell("合并", '<w:gridSpan w:val="2"/>') + cell("丙") + "</w:tr>"
             "<w:tr>" + cell("甲") + cell("乙") + cell("第一段") + "</w:tr></w:tbl>")
    frame = "<w:tbl><w:tr>" + cell("一、框里的标题") + "</w:tr></w:tbl>"
    doc = read_body(tmp_path, table + frame)
    assert doc.lines[0].hint.rows == (("合并", "", "丙"), ("甲", "乙", "第一段"))
    assert doc.lines[1].text == "一、框里的标题" and doc.lines[1].hint is None


def test_table_of_contents_is_dropped_and_reported(tmp_path):
    from docx import Document

    path = tmp_path / "toc.docx"
    d = Document()
    d.styles.add_style("toc 1", 1)
    d.add_paragraph("一、总体要求\t1", style="toc 1")
    d.add_paragraph("一、总体要求", style="Heading 1")
    d.save(path)
    doc = read_docx(path)
    assert texts(doc) == ["一、总体要求"]
    assert [(x.text, x.reason) for x in doc.dropped] == [("一、总体要求\t1", "table of contents (rebuilt from the headings)")]


# ---------------------------------------------------------------- hostile and broken files


def test_zip_bomb_fails_cleanly_and_fast(notice, tmp_path):
    bomb = zip_bomb(notice, tmp_path / "bomb.docx", inflated_mb=100)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    start = time.monotonic()
    with pytest.raises(InputError, match="ZIP bomb"):
        read_source(bomb)
    assert time.monotonic() - start < 5


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "http://example.invalid/x">]>',
])
def test_xml_entities_are_refused(notice, tmp_path, doctype):
    with zipfile.ZipFile(notice) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    entity = "&d;" if "ENTITY a" in doctype else "&xxe;"
    xml = re.sub(r"(<\?xml[^>]*\?>)", lambda m: m.group(1) + doctype, xml, count=1)
    xml = xml.replace("各区教育局，各直属学校：", entity, 1)
    hostile = replace_part(notice, tmp_path / "entity.docx", "word/document.xml", xml.encode("utf-8"))
    with pytest.raises(InputError, match="DOCTYPE"):
        read_docx(hostile)


def test_damaged_and_foreign_zips_fail_cleanly(tmp_path):
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(InputError, match="damaged"):
        read_source(damaged)
    plain_zip = tmp_path / "archive.docx"
    with zipfile.ZipFile(plain_zip, "w") as zf:
        zf.writestr("readme.txt", "hi")
    with pytest.raises(InputError, match="not a Word document"):
        read_source(plain_zip)


def test_a_word_file_named_txt_is_read_as_word(notice, tmp_path):
    renamed = tmp_path / "notice.txt"
    shutil.copyfile(notice, renamed)
    assert read_source(renamed).format == "docx"


def test_doc_without_libreoffice_says_what_to_do(tmp_path, monkeypatch):
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(InputError, match="LibreOffice") as err:
        read_source(doc)
    assert "save the file as .docx" in err.value.hint


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_doc_is_converted_through_libreoffice(notice, tmp_path):
    import subprocess

    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(notice)], check=True, capture_output=True, timeout=180)
    old = read_source(tmp_path / "notice.doc")
    assert old.path == str(tmp_path / "notice.doc")
    assert texts(old) == texts(read_docx(notice))
    assert hinted(old) == hinted(read_docx(notice))


def test_messy_notice_gives_the_same_model_as_the_clean_text(notice):
    from tests.readers.models import content, parse

    rich, text = parse(notice), parse(INPUTS / "notice.txt")
    assert content(rich, without_tables=True) == content(text)
    kinds = [b.kind for b in rich.blocks]
    table = rich.blocks[kinds.index("table")]
    assert table.rows == NOTICE_TABLE and kinds[kinds.index("table") + 1] == "attachments"
    assert rich.source.format == "docx"
    assert [b.line for b in rich.blocks[:3]] == [1, 3, 4]  # paragraph numbers


def test_reformatting_a_word_file_never_targets_the_original():
    from speechdoc.outputs import default_output

    assert str(default_output("in/messy.docx", ".docx")) == "in/messy-gbt9704.docx"
    assert str(default_output("in/messy.docx", ".pdf")) == "in/messy.pdf"
    assert str(default_output("in/speech.txt", ".docx")) == "in/speech.docx"


def test_a_whole_paragraph_styled_as_heading_is_left_to_the_text_rules(tmp_path):
    doc = read_body(tmp_path, p("标题", "Title") + p("（一）指导思想。坚持以人民为中心。", "Heading2"))
    assert hinted(doc) == [("标题", "title", None)]
    assert texts(doc)[1] == "（一）指导思想。坚持以人民为中心。"


def test_strict_open_xml_is_read(notice, tmp_path):
    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(notice) as zin, zipfile.ZipFile(strict, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("word/"):
                data = data.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                    b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            zout.writestr(info, data)
    assert texts(read_docx(strict)) == texts(read_docx(notice))


def test_a_pasted_scrape_in_word_gives_the_same_model_as_the_text(tmp_path):
    """The bundled real sample, one Word paragraph per line, as a clerk pastes it into Word."""
    from docx import Document

    from tests.conftest import SAMPLE
    from tests.readers.models import content, parse

    d = Document()
    for line in SAMPLE.read_text("utf-8").splitlines():
        d.add_paragraph(line)
    d.save(tmp_path / "pasted.docx")
    rich, text = parse(tmp_path / "pasted.docx"), parse(SAMPLE)
    assert content(rich) == content(text)
    assert [(x.text, x.reason) for x in rich.dropped] == [(x.text, x.reason) for x in text.dropped]


def test_hidden_text_is_left_out_and_reported(tmp_path):
    body = ('<w:p><w:r><w:t>看得见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>看不见</w:t></w:r>'
            '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也看得见</w:t></w:r></w:p>')
    doc = read_body(tmp_path, body)
    assert texts(doc) == ["看得见也看得见"]
    assert [(d.line, d.text) for d in doc.dropped] == [(1, "看不见")]


def test_lists_defined_through_a_list_style(tmp_path):
    numbering = """
<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="GongwenList"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="GongwenList"/></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>"""
    path = docx_with_body(tmp_path / "l.docx", p("总体要求", num=(2, 0)) + p("主要任务", num=(2, 0)),
                          numbering_xml=numbering)
    with zipfile.ZipFile(path) as zf:
        styles = zf.read("word/styles.xml").decode("utf-8")
    list_style = ('<w:style w:type="numbering" w:styleId="GongwenList"><w:name w:val="公文列表"/>'
                  '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    styles = styles.replace("</w:styles>", list_style + "</w:styles>")
    linked = replace_part(path, tmp_path / "linked.docx", "word/styles.xml", styles.encode("utf-8"))
    assert texts(read_docx(linked)) == ["一、总体要求", "二、主要任务"]


def test_numbered_paragraphs_in_table_cells_keep_their_numbers(tmp_path):
    cell = lambda body: f"<w:tc>{body}</w:tc>"  # noqa: E731
    table = ("<w:tbl><w:tr>" + cell(p("甲", num=(1, 0))) + cell(p("说明")) + "</w:tr>"
             "<w:tr>" + cell(p("乙", num=(1, 0))) + cell(p("说明")) + "</w:tr></w:tbl>")
    doc = read_body(tmp_path, table + p("丙", num=(1, 0)), NUMBERING)
    assert doc.lines[0].hint.rows == (("第一章\u3000甲", "说明"), ("第二章\u3000乙", "说明"))
    assert texts(doc)[1] == "第三章\u3000丙"


def test_password_protected_word_file_says_so(tmp_path):
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(InputError, match="password-protected"):
        read_source(locked)


def test_official_document_with_a_banji_box_gives_the_same_model_as_the_text(tmp_path):
    from tests.readers.docx_factory import gongwen_with_boxes
    from tests.readers.models import content, parse

    rich = parse(gongwen_with_boxes(tmp_path / "gongwen.docx"))
    assert content(rich) == content(parse(INPUTS / "gongwen.txt"))
    assert [b.kind for b in rich.blocks][-5:] == ["signature", "date", "note", "paragraph", "paragraph"]


def test_to_docx_reformats_a_word_file_beside_the_original(notice, tmp_path):
    from docx import Document

    from tests.conftest import run_cli

    source = tmp_path / "通知.docx"
    shutil.copyfile(notice, source)
    before = source.read_bytes()
    result = run_cli("to-docx", str(source))
    assert result.returncode == 0, result.stderr.decode()
    out = tmp_path / "通知-gbt9704.docx"
    assert source.read_bytes() == before
    paragraphs = [p.text for p in Document(out).paragraphs if p.text.strip()]
    assert paragraphs[0] == "关于做好2024年春季学期开学工作的通知"
    assert "一、总体要求" in paragraphs and "（一）开展安全检查" in paragraphs
    assert [c.text for c in Document(out).tables[0].rows[1].cells] == list(NOTICE_TABLE[1])


def test_the_main_part_is_found_through_the_relationships(notice, tmp_path):
    moved = tmp_path / "moved.docx"
    with zipfile.ZipFile(notice) as zin, zipfile.ZipFile(moved, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            name = info.filename.replace("word/document.xml", "word/document2.xml").replace(
                "word/_rels/document.xml.rels", "word/_rels/document2.xml.rels")
            if name in ("_rels/.rels", "[Content_Types].xml"):
                data = data.replace(b"/word/document.xml", b"/word/document2.xml").replace(
                    b"word/document.xml", b"word/document2.xml")
            zout.writestr(name, data)
    with zipfile.ZipFile(moved) as zf:
        assert "word/document.xml" not in zf.namelist()
    renamed = tmp_path / "moved.bin"
    shutil.copyfile(moved, renamed)
    assert read_source(renamed).format == "docx"
    assert texts(read_docx(moved)) == texts(read_docx(notice))
    assert hinted(read_docx(moved)) == hinted(read_docx(notice))


_RUNS = ["<w:r><w:t>一、总体</w:t></w:r>", "<w:r><w:br/></w:r>", "<w:r><w:tab/></w:r>", "<w:r><w:drawing/></w:r>",
         "<w:del><w:r><w:delText>删</w:delText></w:r></w:del>", "<w:ins><w:r><w:t>增</w:t></w:r></w:ins>",
         "<w:hyperlink><w:r><w:t>链</w:t></w:r></w:hyperlink>", '<w:r><w:sym w:char="2605"/></w:r>',
         "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐</w:t></w:r>", "<w:r><w:t>（一）目标。正文</w:t></w:r>"]
_PPR = ["", '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>', '<w:pPr><w:outlineLvl w:val="2"/></w:pPr>',
        '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>',
        '<w:pPr><w:numPr><w:ilvl w:val="7"/><w:numId w:val="99"/></w:numPr></w:pPr>']


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(_PPR), st.lists(st.sampled_from(_RUNS), max_size=5),
                          st.booleans()), max_size=8))
def test_any_paragraph_mix_is_read_and_visible_hanzi_survive(tmp_path, paragraphs):
    body = ""
    for ppr, runs, in_table in paragraphs:
        para = f"<w:p>{ppr}{''.join(runs)}</w:p>"
        body += f"<w:tbl><w:tr><w:tc>{para}</w:tc><w:tc>{p('格')}</w:tc></w:tr></w:tbl>" if in_table else para
    doc = read_body(tmp_path, body, NUMBERING)
    seen = "".join(line.text for line in doc.lines) + "".join(
        c for line in doc.lines if line.hint for row in line.hint.rows for c in row)
    visible = re.sub(r"<w:del>.*?</w:del>|<w:r><w:rPr><w:vanish/>.*?</w:r>", "", body)
    for char in set(HANZI.findall("".join(re.findall(r"<w:t>([^<]*)</w:t>", visible)))):
        assert char in seen
    assert all(d.text == "隐" * len(d.text) for d in doc.dropped)

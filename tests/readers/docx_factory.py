"""Build messy Word files with python-docx, as clerks make them: wrong fonts, direct formatting,
Word's automatic numbering (一、 （一） 1.), a table, mixed spacing. Also hostile files.

The notice built by ``messy_notice`` reads as ``tests/fixtures/inputs/notice.txt``.
"""
from __future__ import annotations

import copy
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# A multilevel list as Word's "一、 / （一） / 1." gallery entry writes it.
ABSTRACT_NUM = f"""
<w:abstractNum {W_NS} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
"""
NUM = f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def _add_numbering(doc) -> None:
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT_NUM))
    numbering.append(parse_xml(NUM))


def _number(paragraph, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))


def _wrong_font(run, name: str = "Arial", east_asia: str = "微软雅黑", size: float = 12) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)


def _para(doc, text: str, *, style: str | None = None, level: int | None = None, runs: int = 1):
    """A paragraph split over ``runs`` runs (as editing leaves it), each with its own wrong font."""
    p = doc.add_paragraph(style=style)
    if level is not None:
        _number(p, level)
    step = max(len(text) // runs, 1)
    for i in range(0, len(text), step):
        _wrong_font(p.add_run(text[i:i + step]), size=11 + i % 3)
    p.paragraph_format.space_after = Pt(7 + len(text) % 5)
    return p


def messy_notice(path: Path) -> Path:
    doc = Document()
    _add_numbering(doc)
    title = _para(doc, "关于做好2024年春季学期开学工作的通知")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in title.runs:
        run.bold = True
        _wrong_font(run, "Times New Roman", "宋体", 20)
    doc.add_paragraph()  # an empty paragraph under the title
    _para(doc, "各区教育局，各直属学校：")
    _para(doc, "\u3000\u3000为做好2024年春季学期开学工作，确保师生安全、平稳有序开学，现将有关事项通知如下。", runs=3)
    _para(doc, "总体要求", style="Heading 1", level=0)
    _para(doc, "工作目标", style="Heading 2", level=1)
    _para(doc, "    坚持安全第一、预防为主，全面排查校园安全隐患，确保开学工作平稳有序。", runs=4)
    _para(doc, "基本原则", style="Heading 2", level=1)
    _para(doc, "属地管理。各区教育局负责本区域内学校的开学工作。", level=2)
    _para(doc, "分类指导。各校根据实际情况制定开学方案。", level=2)
    _para(doc, "主要任务", style="Heading 1", level=0)
    _para(doc, "开展安全检查", style="Heading 2", level=1)
    _para(doc, "\u00a0\u00a0各校要在开学前完成校舍、食堂、宿舍等场所的安全检查，建立问题清单，逐项整改到位。", runs=2)
    table = doc.add_table(rows=3, cols=3)
    cells = [("项目", "完成时间", "责任单位"), ("校舍检查", "2月20日前", "各区教育局"),
             ("食堂检查", "2月22日前", "各直属学校")]
    for row, texts in zip(table.rows, cells):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    _para(doc, "附件：1.开学工作检查表")
    _para(doc, "\u3000\u3000\u30002.安全隐患整改台账")
    signature = _para(doc, "××市教育局")
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _para(doc, "2024年2月1日").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(path)
    return path


def draft_with_lists(path: Path, paragraphs: list[tuple[str, str | None]]) -> Path:
    """A Word draft of ``(text, kind)`` paragraphs, as a clerk types one: kind ``Title``, ``Heading N``,
    ``List Number`` (the template's automatic 1. 2. 3.), ``List Paragraph`` (numbered through ``w:numPr``,
    at the 1. level of the 一、/（一）/1. list) or None (a body paragraph)."""
    doc = Document()
    _add_numbering(doc)
    for text, kind in paragraphs:
        p = doc.add_paragraph(text, style=kind)
        if kind == "List Paragraph":
            _number(p, 2)
    doc.save(path)
    return path


def docx_with_body(path: Path, body_xml: str, *, numbering_xml: str | None = None) -> Path:
    """A minimal .docx whose body is ``body_xml`` (w: elements), for reader unit tests."""
    doc = Document()
    body = doc.element.body
    for el in list(body):
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    sect = body.find(qn("w:sectPr"))
    for el in parse_xml(f"<w:body {W_NS}>{body_xml}</w:body>"):
        sect.addprevious(copy.deepcopy(el))
    if numbering_xml is not None:
        numbering = doc.part.numbering_part.element
        for el in list(numbering):
            numbering.remove(el)
        for el in parse_xml(f"<w:numbering {W_NS}>{numbering_xml}</w:numbering>"):
            numbering.append(copy.deepcopy(el))
    doc.save(path)
    return path


def replace_part(src: Path, dest: Path, name: str, data: bytes) -> Path:
    """A copy of the package ``src`` with part ``name`` replaced by ``data``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, data if info.filename == name else zin.read(info))
    return dest


def zip_bomb(src: Path, dest: Path, inflated_mb: int = 200) -> Path:
    """``src`` with word/document.xml replaced by ``inflated_mb`` MB of spaces (compresses ~1000:1)."""
    chunk = b" " * (1024 * 1024)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == "word/document.xml":
                with zout.open("word/document.xml", "w", force_zip64=True) as fh:
                    fh.write(b'<?xml version="1.0"?><w:document ' + W_NS.encode() + b">")
                    for _ in range(inflated_mb):
                        fh.write(chunk)
            else:
                zout.writestr(info, zin.read(info))
    return dest


def gongwen_with_boxes(path: Path) -> Path:
    """An official document as offices type it: 版头 in big red letters, empty paragraphs as
    spacing, a title over two paragraphs, and the 版记 (抄送/印发) in a one-column table.
    Reads as ``tests/fixtures/inputs/gongwen.txt``."""
    from docx.shared import RGBColor

    doc = Document()
    head = doc.add_paragraph()
    run = head.add_run("××市教育局文件")
    run.font.size, run.font.color.rgb = Pt(40), RGBColor(255, 0, 0)
    for text in ("", "×教发〔2024〕1号", "", "关于做好2024年春季学期", "开学工作的通知", "",
                 "各区教育局，各直属学校：", "　　现将有关事项通知如下。", "　　一、总体要求", "　　坚持安全第一。", "",
                 "　　附件：开学工作检查表", "", "××市教育局", "2024年2月1日", "　　（此件公开发布）"):
        doc.add_paragraph(text)
    box = doc.add_table(rows=2, cols=1)
    box.cell(0, 0).text = "抄送：市委办公室，市政府办公室。"
    box.cell(1, 0).text = "××市教育局办公室　　　　2024年2月1日印发"
    doc.save(path)
    return path

"""Read an existing Word file (``.docx``) to reformat it into the standard.

Paragraphs and tables are read in body order. Structure comes, in this order, from

1. built-in styles and outline levels (Title, Heading 1–4, ``w:outlineLvl``) → hints; a heading
   without a number gets one written in, as a Markdown ``##`` does (``heading_numbers``);
2. Word's automatic numbering, turned into the text Word displays (``一、`` ``（一）`` ``1.``);
3. the text matchers of the one parser, for everything else.

Direct formatting, theme fonts and odd spacing are ignored. Tables stay tables (a one-cell
"frame" table is read as the text in it). Text boxes keep their text. Images, embedded
objects, footnotes and equations cannot be carried and are reported as warnings; a table of
contents is dropped (reported) since the headings rebuild it. The package is opened with
limits (``ooxml``): ZIP bombs and XML entity tricks fail cleanly.

Line origins are paragraph numbers: the n-th paragraph or table of the body.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import Diagnostic, InputError
from ..model import Dropped, Meta
from ..parse.matchers import ends_with_genre
from .docx_numbering import Numbering
from .docx_styles import Structure, Styles, w, wval
from .heading_numbers import number_headings
from .list_items import items_alike
from .numerals import marker_level
from .ooxml import Package, parse_xml
from .source import Hint, SourceDocument, SourceLine, table_line

_DOCUMENT = "word/document.xml"
_SKIP = {w(t) for t in ("pPr", "rPr", "del", "moveFrom", "instrText", "delInstrText", "delText", "fldData",
                        "sdtPr", "sdtEndPr", "rPrChange", "pPrChange", "commentReference", "annotationRef",
                        "footnoteRef", "endnoteRef", "separator", "continuationSeparator", "tblPr", "tblGrid",
                        "trPr", "tcPr")}
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_BREAK = "\n"
_MAX_TABLE_DEPTH = 8
_RUN_IN = re.compile(r"[。！？；].+")  # a sentence end with more text after it
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL_W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def read_docx(path: str | Path) -> SourceDocument:
    name = str(path)
    with Package(name) as pkg:
        document = pkg.main_part() or (_DOCUMENT if pkg.has(_DOCUMENT) else None)
        if document is None:
            raise InputError("is a ZIP file but not a Word document (no word/document.xml)", path=name,
                             hint="give a .docx saved by Word or WPS")
        styles = Styles(_optional(pkg, pkg.related(document, "styles")))
        numbering = Numbering(_optional(pkg, pkg.related(document, "numbering")), styles.list_styles)
        reader = _Reader(styles, numbering)
        body = _xml(pkg, document).find(w("body"))
        if body is not None:
            reader.block_container(body)
            reader.close_list_run()
            reader.note_revisions(body)
        title = _core_title(pkg)
    lines, edits = number_headings(_title_from_first_heading(reader.lines))
    return SourceDocument(path=name, format="docx", lines=tuple(lines), dropped=tuple(reader.dropped),
                          edits=tuple(edits), warnings=tuple(reader.warnings), meta=Meta(title=title))


def _optional(pkg: Package, name: str | None) -> etree._Element | None:
    return _xml(pkg, name) if name and pkg.has(name) else None


def _xml(pkg: Package, name: str) -> etree._Element:
    """A part, with "Strict Open XML" (Word's other save format) read as the usual namespace."""
    return parse_xml(pkg.read(name).replace(_STRICT_W, _TRANSITIONAL_W), name=name, path=pkg.path)


def _core_title(pkg: Package) -> str | None:
    if not pkg.has("docProps/core.xml"):
        return None
    el = pkg.xml("docProps/core.xml").find("{http://purl.org/dc/elements/1.1/}title")
    return (el.text or "").strip() or None if el is not None else None


@dataclass
class _Paragraph:
    """Text of one paragraph, split at manual line breaks, and what it holds besides text."""

    parts: list[str] = field(default_factory=lambda: [""])
    images: int = 0
    objects: int = 0
    notes: int = 0
    math: int = 0
    symbols: int = 0
    hidden: str = ""  # text formatted as hidden, left out and reported
    textboxes: list[etree._Element] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.parts[-1] += text

    def brk(self) -> None:
        self.parts.append("")

    @property
    def text(self) -> str:
        return "".join(self.parts)


class _Reader:
    def __init__(self, styles: Styles, numbering: Numbering):
        self.styles = styles
        self.numbering = numbering
        self.lines: list[SourceLine] = []
        self.dropped: list[Dropped] = []
        self.warnings: list[Diagnostic] = []
        self.number = 0  # paragraph (or table) number in the body: the line origin
        self.list_run: list[tuple[tuple[str, int], int]] = []  # numbered paragraphs in a row: (list, line index)

    # ------------------------------------------------------------ body

    def block_container(self, el: etree._Element) -> None:
        for child in el:
            if child.tag == w("p"):
                self.number += 1
                self.paragraph(child)
            elif child.tag == w("tbl"):
                self.number += 1
                self.close_list_run()  # a table ends a run of list paragraphs
                self.table(child)
            elif child.tag in (w("sdt"), w("customXml"), w("sdtContent"), f"{{{_MC}}}AlternateContent",
                               f"{{{_MC}}}Choice"):
                self.block_container(child)
            elif child.tag == w("altChunk"):
                self.warn("an embedded document (altChunk) cannot be read; its content is missing",
                          "open the file in Word and save it again, which merges it")

    def paragraph(self, p: etree._Element) -> None:
        ppr = p.find(w("pPr"))
        style_id = wval(ppr, "pStyle")
        outline = wval(ppr, "outlineLvl")
        structure = self.styles.structure(style_id, int(outline) if outline and outline.isdigit() else None)
        content = _Paragraph()
        _inline(p, content)
        self.report(content)
        if content.hidden.strip():
            self.dropped.append(Dropped(self.number, content.hidden, "hidden text (not shown or printed by Word)"))
        text = content.text
        if structure is not None and structure.kind == "toc":
            if text.strip():
                self.dropped.append(Dropped(self.number, text, "table of contents (rebuilt from the headings)"))
            return
        position = self.list_position(ppr, style_id)
        label = self.numbering.label(*position) if position else None
        if text.strip():
            first = len(self.lines)
            self.emit(content, label or "", structure)
            if label and structure is None and position:
                self.list_run.append((position, first))  # a list item: its list is judged when the run ends
            else:
                self.close_list_run()
        elif label is None:
            self.lines.append(SourceLine("", self.number))  # an empty paragraph reads as a blank line
        for box in content.textboxes:
            self.warn("a text box is read as ordinary paragraphs after the paragraph that holds it")
            self.block_container(box)

    def list_position(self, ppr: etree._Element | None, style_id: str | None) -> tuple[str, int] | None:
        """(numId, level) of a paragraph Word numbers automatically, directly or through its style."""
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        num_id, ilvl = wval(numpr, "numId"), wval(numpr, "ilvl")
        if num_id is None:
            num_id, style_ilvl = self.styles.numbering(style_id)
            if ilvl is None and style_ilvl is not None:
                ilvl = str(style_ilvl)
        if num_id is None or num_id == "0":
            return None
        level = int(ilvl) if ilvl and ilvl.isdigit() else self.numbering.level_for_style(num_id, style_id)
        return num_id, level

    def number_label(self, ppr: etree._Element | None, style_id: str | None) -> str | None:
        position = self.list_position(ppr, style_id)
        return self.numbering.label(*position) if position else None

    def close_list_run(self) -> None:
        """The run of numbered paragraphs in a row has ended: the items of each list in it (one numId and
        level each) are classified alike (``list_items``)."""
        lists: dict[tuple[str, int], list[int]] = {}
        for key, index in self.list_run:
            lists.setdefault(key, []).append(index)
        for indices in lists.values():
            before = next((line for line in reversed(self.lines[:indices[0]]) if line.text.strip()), None)
            for index, item in zip(indices, items_alike([self.lines[i] for i in indices], before)):
                self.lines[index] = item
        self.list_run = []

    def emit(self, content: _Paragraph, label: str, structure: Structure | None) -> None:
        if structure is None:
            parts = [label + content.parts[0], *content.parts[1:]]
            self.lines.extend(SourceLine(part, self.number, soft=n > 0)  # after a manual line break
                              for n, part in enumerate(parts) if part.strip())
            return
        text = label + content.text
        if structure.kind == "heading" and _RUN_IN.search(text):
            self.lines.append(SourceLine(text, self.number))  # a whole paragraph styled as a heading:
            return  # the text matchers find its run-in heading
        if structure.kind == "heading":
            level = marker_level(text) or min(structure.level or 1, 4)
            self.lines.append(SourceLine(text, self.number, Hint("heading", level=level)))
        else:  # title / subtitle: keep the author's line breaks as lines of one block
            for part in content.parts:
                if part.strip():
                    self.lines.append(SourceLine(part, self.number, Hint(structure.kind)))

    # ------------------------------------------------------------ tables

    def table(self, tbl: etree._Element) -> None:
        rows = tuple(tuple(_cell_text(tc, self.cell_label) for tc in _cells(tr)) for tr in tbl.iter(w("tr"))
                     if _own(tr, tbl))
        if rows and all(len(row) == 1 for row in rows):  # a frame or a 版记 box: read the text in it
            self.warn("a one-column table (a frame or box) is read as the paragraphs inside it")
            for tr in tbl.iter(w("tr")):
                for tc in (_cells(tr) if _own(tr, tbl) else ()):
                    self.block_container(tc)
            return
        if rows:
            self.lines.append(table_line(rows, self.number))
        for image in tbl.iter(w("drawing"), w("pict")):
            self.warn("an image in a table cannot be carried; it is left out",
                      "insert pictures in the Word file after converting", code="docx-image")

    def cell_label(self, p: etree._Element) -> str:
        ppr = p.find(w("pPr"))
        return self.number_label(ppr, wval(ppr, "pStyle")) or ""

    # ------------------------------------------------------------ reporting

    def report(self, content: _Paragraph) -> None:
        if content.images:
            self.warn(f"{_count(content.images, 'image')} cannot be carried; left out",
                      "insert pictures in the Word file after converting", code="docx-image")
        if content.objects:
            self.warn(f"{_count(content.objects, 'embedded object')} (chart, OLE, shape) cannot be carried; "
                      "left out", code="docx-object")
        if content.notes:
            self.warn(f"{_count(content.notes, 'footnote or endnote reference')}: the notes themselves are "
                      "not carried", "write the note into the text or an 附注 line", code="docx-note")
        if content.math:
            self.warn("an equation is kept as its plain text only", code="docx-math")
        if content.symbols:
            self.warn(f"{_count(content.symbols, 'symbol-font character')} (Wingdings/Symbol) left out",
                      code="docx-symbol")

    def note_revisions(self, body: etree._Element) -> None:
        """Tracked changes are read as if accepted (insertions kept, deletions left out): say so once."""
        if next(body.iter(w("ins"), w("del"), w("moveFrom"), w("moveTo")), None) is not None:
            self.warnings.append(Diagnostic("warning", "the document has tracked changes; they are read as if "
                                            "accepted", None, "accept or reject them in Word first to be sure",
                                            "docx-revisions"))

    def warn(self, message: str, hint: str = "", code: str = "docx") -> None:
        self.warnings.append(Diagnostic("warning", message, self.number, hint, code))


# ---------------------------------------------------------------- inline content


def _inline(el: etree._Element, out: _Paragraph) -> None:
    """Collect the visible text of a paragraph's runs, in order."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == w("r") and _hidden(child):
            hidden = _Paragraph()
            _inline(child, hidden)
            out.hidden += hidden.text
        elif tag == w("t"):
            out.add(child.text or "")
        elif tag in (w("tab"), w("ptab")):
            out.add("\t")
        elif tag in (w("br"), w("cr")):
            out.brk()
        elif tag == w("noBreakHyphen"):
            out.add("-")
        elif tag == w("sym"):
            _symbol(child, out)
        elif tag in (w("drawing"), w("pict")):
            _drawing(child, out)
        elif tag in (w("object"), w("control")):
            out.objects += 1
        elif tag in (w("footnoteReference"), w("endnoteReference")):
            out.notes += 1
        elif tag == f"{{{_MC}}}AlternateContent":
            choice = child.find(f"{{{_MC}}}Choice")
            _inline(choice if choice is not None else child, out)
        elif tag in (f"{{{_MATH}}}oMath", f"{{{_MATH}}}oMathPara"):
            out.math += 1
            out.add("".join(t.text or "" for t in child.iter(f"{{{_MATH}}}t")))
        else:  # r, hyperlink, ins, smartTag, sdt, sdtContent, fldSimple, customXml, moveTo, dir, bdo …
            _inline(child, out)


def _hidden(run: etree._Element) -> bool:
    """A run formatted as hidden text (``w:vanish``), which Word does not show or print."""
    vanish = run.find(f"{w('rPr')}/{w('vanish')}")
    return vanish is not None and vanish.get(w("val"), "true") not in ("0", "false", "off")


def _symbol(el: etree._Element, out: _Paragraph) -> None:
    code = int(el.get(w("char")) or "0", 16) if _is_hex(el.get(w("char"))) else 0
    if 0xF000 <= code <= 0xF0FF or code == 0:
        out.symbols += 1
    else:
        out.add(chr(code))


def _drawing(el: etree._Element, out: _Paragraph) -> None:
    boxes = list(el.iter(w("txbxContent")))
    if boxes:
        out.textboxes.extend(boxes)
    else:
        out.images += 1


def _is_hex(value: str | None) -> bool:
    return bool(value) and all(c in "0123456789abcdefABCDEF" for c in value)


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'s' if n > 1 else ''}" if n > 1 else f"an {what}" if what[0] in "aeio" else f"a {what}"


# ---------------------------------------------------------------- tables


def _own(row: etree._Element, table: etree._Element) -> bool:
    """A row of this table, not of a table nested in one of its cells."""
    parent = row.getparent()
    while parent is not None and parent.tag != w("tbl"):
        parent = parent.getparent()
    return parent is table


def _cells(tr: etree._Element) -> list[etree._Element | None]:
    """The row's cells; a cell spanning n grid columns is followed by n - 1 empty ones."""
    out: list[etree._Element | None] = []
    for tc in tr.iter(w("tc")):
        if tc.getparent() is not tr and not _in_row_container(tc, tr):
            continue
        out.append(tc)
        span = wval(tc.find(w("tcPr")), "gridSpan")
        out.extend([None] * (int(span) - 1 if span and span.isdigit() and int(span) > 1 else 0))
    return out


def _in_row_container(tc: etree._Element, tr: etree._Element) -> bool:
    """Cells wrapped in a content control (w:sdt/w:sdtContent) still belong to the row."""
    parent = tc.getparent()
    while parent is not None and parent is not tr:
        if parent.tag in (w("tbl"), w("tc")):
            return False
        parent = parent.getparent()
    return parent is tr


def _cell_text(tc: etree._Element | None, label: Callable[[etree._Element], str], depth: int = 0) -> str:
    """A cell's paragraphs (with their list numbers, from ``label``) and nested tables as text."""
    if tc is None:
        return ""
    parts: list[str] = []
    for child in tc:
        if child.tag == w("p"):
            content = _Paragraph()
            _inline(child, content)
            parts.append(label(child) + "\n".join(content.parts))
        elif child.tag == w("tbl") and depth < _MAX_TABLE_DEPTH:
            for tr in child.iter(w("tr")):
                if _own(tr, child):
                    parts.append("\t".join(_cell_text(c, label, depth + 1) for c in _cells(tr)))
        elif child.tag in (w("sdt"), w("sdtContent"), w("customXml")):
            parts.append(_cell_text(child, label, depth))
    return "\n".join(p for p in parts if p).strip("\n")


# ---------------------------------------------------------------- the title


def _title_from_first_heading(lines: list[SourceLine]) -> list[SourceLine]:
    """No Title style, but the first content paragraph is a heading without a number that is the only
    Heading 1 (a common habit) or is named like a document (ends in 通知, 意见, 讲话 …): that is the title,
    never a heading numbered 一、. When it was the only Heading 1, the other headings move one level up."""
    hinted = [line for line in lines if line.hint is not None]
    if any(line.hint.kind == "title" for line in hinted):
        return lines
    first = next((i for i, line in enumerate(lines) if line.text.strip()), None)
    if first is None:
        return lines
    head = lines[first]
    if head.hint is None or head.hint.kind != "heading" or marker_level(head.text):
        return lines
    level_ones = [line for line in hinted if line.hint.kind == "heading" and line.hint.level == 1]
    lone = level_ones == [head]
    if not lone and not ends_with_genre(head.text.strip()):
        return lines
    out = [_promoted(line) for line in lines] if lone else list(lines)
    out[first] = SourceLine(head.text, head.origin, Hint("title"))
    return out


def _promoted(line: SourceLine) -> SourceLine:
    """One level up for a heading whose level came from its style (Heading 2 → level 1)."""
    if line.hint is None or line.hint.kind != "heading" or marker_level(line.text) or not line.hint.level:
        return line
    return SourceLine(line.text, line.origin, Hint("heading", level=max(line.hint.level - 1, 1)))

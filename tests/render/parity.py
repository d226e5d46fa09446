"""Measuring one document in its three renderings — the .docx read back, the speechdoc PDF and LibreOffice's PDF
of the .docx — block by block, in the same terms, for the parity tests.

* ``WordLook``: what the .docx asks for, for one block's paragraph: properties resolved the way Word and
  LibreOffice resolve them — the paragraph's own pPr, then its style, the style's ``basedOn`` chain, then the
  document defaults; each ``w:ind`` / ``w:spacing`` attribute on its own.
* ``PrintedBlock``: what a PDF shows for one block: its lines, found in reading order by the block's first
  characters; the first glyph's position, the size, the face of the hanzi and of the digits.
* ``face_key``: a font as its family and weight only (``fandolfang``, ``notoserifcjk+bold``), so that
  LibreOffice's ``NotoSerifCJKjp-Bold-VKana`` and WeasyPrint's ``Noto-Serif-CJK-SC-Bold`` (one OpenType
  collection, whose shared CFF table carries the JP name) compare equal, and WeasyPrint's private
  ``speechdoc-latin-0`` is looked up to the face it loads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn

from speechdoc.model import Block

from ..lo import Line, Page

TWIPS_PER_PT = 20
_REGION = re.compile(r"(sc|tc|jp|kr|hk)$")
_STYLE_WORDS = ("vkana", "vkan", "vka", "regular", "bold", "medium", "light")  # PDF names come cut at 24
_JC = {"both": "justify", "distribute": "justify", "left": "left", "start": "left", "center": "center",
       "right": "right", "end": "right"}


# ---------------------------------------------------------------- fonts


def face_key(name: str) -> str:
    """``ABCDEF+NotoSerifCJKjp-Bold-VKana`` → ``notoserifcjk+bold``; ``FandolFang-Regular`` → ``fandolfang``."""
    name = name.split("+", 1)[-1]
    text = re.sub(r"[^a-z0-9]", "", name.lower())
    bold = "bold" in text
    changed = True
    while changed:
        changed = False
        for word in _STYLE_WORDS:
            if text.endswith(word):
                text, changed = text[: -len(word)], True
    text = _REGION.sub("", text) if "cjk" in text else text
    return text + ("+bold" if bold else "")


def fontset_key(face) -> str:
    """The key of a resolved ``speechdoc.fonts.Face``."""
    return face_key(face.family) + ("+bold" if face.weight >= 700 and "bold" not in face.family.lower() else "")


def private_names(fontset) -> dict[str, str]:
    """WeasyPrint's private family names (``speechdoc-latin-0``, ``speechdoc-face-1``) → face keys."""
    from speechdoc.render.html import FACE_FAMILY, LATIN_FAMILY, _loaded_faces

    latin, faces = _loaded_faces(fontset)
    by_file = {}
    for role in fontset.roles.values():
        for face in (*role.faces, role.latin):
            if face is not None:
                by_file.setdefault((face.file, face.index), face)
                by_file.setdefault((face.file, None), face)
    out = {LATIN_FAMILY.format(n=n): fontset_key(by_file[(f, None)]) for n, f in enumerate(latin)}
    out.update({FACE_FAMILY.format(n=n): fontset_key(by_file[(f, i)]) for n, (f, i) in enumerate(faces)})
    return out


# ---------------------------------------------------------------- the .docx


@dataclass(frozen=True)
class WordLook:
    """A paragraph's effective look, in pt and grid lines."""

    style: str
    east_asia: str
    latin: str
    size_pt: float
    bold: bool
    align: str
    left_pt: float
    right_pt: float
    first_line_pt: float  # negative: hanging
    first_line_chars: float | None  # Word's character-unit indent, when given
    before_lines: float
    after_lines: float
    lead_east_asia: str | None = None  # the run-in lead's character style, if any
    lead_bold: bool | None = None


def _style_chain(style):
    while style is not None:
        yield style.element
        style = style.base_style


def _lookup(elements, container: str, tag: str, attr: str):
    """The first ``container/tag@attr`` value along ``elements`` (pPr or rPr levels, nearest first)."""
    for element in elements:
        if element is None:
            continue
        box = element if container is None else element.find(qn(f"w:{container}"))
        if box is None:
            continue
        child = box.find(qn(f"w:{tag}"))
        if child is not None and child.get(qn(f"w:{attr}")) is not None:
            return child.get(qn(f"w:{attr}"))
    return None


def _on(value: str | None) -> bool:
    return value is not None and value not in ("0", "false", "off")


def _defaults(word, which: str):
    defaults = word.styles.element.find(qn("w:docDefaults"))
    box = defaults.find(qn(f"w:{which}Default")) if defaults is not None else None
    return box.find(qn(f"w:{which}")) if box is not None else None


def word_look(word, paragraph) -> WordLook:
    """The effective look of ``paragraph`` (python-docx) in ``word`` (its Document)."""
    styles = list(_style_chain(paragraph.style))
    ppr_levels = [paragraph._p.pPr, *[s.find(qn("w:pPr")) for s in styles], _defaults(word, "pPr")]
    rpr_levels = [*[s.find(qn("w:rPr")) for s in styles], _defaults(word, "rPr")]

    def ppr(tag, attr, default="0"):
        value = _lookup(ppr_levels, None, tag, attr)
        return default if value is None else value

    def rpr(tag, attr):
        return _lookup(rpr_levels, None, tag, attr)

    first = _first_line(ppr_levels)
    chars = _lookup(ppr_levels, None, "ind", "firstLineChars")
    pitch = _grid_pitch_pt(word)
    lead = next((r for r in paragraph.runs if r.style is not None and r.style.type == 2
                 and r.style.name != "Default Paragraph Font"), None)
    lead_levels = [s.find(qn("w:rPr")) for s in _style_chain(lead.style)] if lead is not None else []
    return WordLook(
        style=paragraph.style.name,
        east_asia=rpr("rFonts", "eastAsia"), latin=rpr("rFonts", "ascii"),
        size_pt=int(rpr("sz", "val")) / 2, bold=_on(rpr("b", "val")),
        align=_JC[ppr("jc", "val", "left")],
        left_pt=int(ppr("ind", "left")) / TWIPS_PER_PT, right_pt=int(ppr("ind", "right")) / TWIPS_PER_PT,
        first_line_pt=first, first_line_chars=None if chars is None else int(chars) / 100,
        before_lines=int(ppr("spacing", "before")) / TWIPS_PER_PT / pitch,
        after_lines=int(ppr("spacing", "after")) / TWIPS_PER_PT / pitch,
        lead_east_asia=_lookup(lead_levels, None, "rFonts", "eastAsia") if lead is not None else None,
        lead_bold=_on(_lookup(lead_levels, None, "b", "val")) if lead is not None else None,
    )


def _first_line(ppr_levels) -> float:
    """firstLine or −hanging from the nearest level that gives either (they exclude each other)."""
    for level in ppr_levels:
        ind = level.find(qn("w:ind")) if level is not None else None
        if ind is None:
            continue
        if ind.get(qn("w:hanging")) is not None:
            return -int(ind.get(qn("w:hanging"))) / TWIPS_PER_PT
        if ind.get(qn("w:firstLine")) is not None:
            return int(ind.get(qn("w:firstLine"))) / TWIPS_PER_PT
    return 0.0


def _grid_pitch_pt(word) -> float:
    grid = word.sections[0]._sectPr.find(qn("w:docGrid"))
    return int(grid.get(qn("w:linePitch"))) / TWIPS_PER_PT


def word_paragraphs_by_block(word, blocks: tuple[Block, ...]) -> list:
    """The first paragraph the .docx has for each block (a table: its first cell's), in block order.

    The renderer writes one paragraph per block, except 附件说明 (one per attachment) and tables.
    """
    body = [child for child in word.element.body if child.tag in (qn("w:p"), qn("w:tbl"))]
    paragraphs = {p._p: p for p in word.paragraphs}
    tables = {t._tbl: t for t in word.tables}
    out, i = [], 0
    for block in blocks:
        element = body[i]
        if block.kind == "table":
            out.append(tables[element].cell(0, 0).paragraphs[0])
            i += 1
            continue
        out.append(paragraphs[element])
        i += max(1, len(block.items)) if block.kind == "attachments" else 1
    return out


# ---------------------------------------------------------------- a PDF


@dataclass
class PrintedBlock:
    block: Block
    page: int
    lines: list[Line] = field(default_factory=list)

    @property
    def first(self) -> Line:
        return self.lines[0]

    def first_glyph(self):
        return next(g for g in self.first.glyphs if g.char.strip())

    @property
    def size(self) -> float:
        glyph = self.first_glyph()
        return next(s.size for s in self.first.spans if glyph in s.glyphs)

    def font_of(self, wanted, lines=None) -> str | None:
        """The font of the first glyph (in ``lines``, default the first line) for which ``wanted(char)``."""
        for line in lines or [self.first]:
            for span in line.spans:
                for glyph in span.glyphs:
                    if wanted(glyph.char):
                        return span.font
        return None


def is_hanzi(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def probe(block: Block) -> str:
    """The first characters the block's first printed line starts with."""
    text = block.rows[0][0] if block.kind == "table" and block.rows else block.text
    return text.replace(" ", "").replace("\u3000", "")[:6]


def _plain(text: str) -> str:
    return text.replace(" ", "").replace("\u3000", "")


def locate_blocks(pages: list[Page], blocks: tuple[Block, ...], bottom_pt: float) -> list[PrintedBlock]:
    """Each block's printed lines, found in reading order; the page-number lines (below ``bottom_pt``) are left out."""
    lines = [(page.number, line) for page in pages for line in page.lines if line.baseline <= bottom_pt]
    starts, cursor = [], 0
    for block in blocks:
        start = probe(block)
        while cursor < len(lines) and not _plain(lines[cursor][1].text).startswith(start):
            cursor += 1
        if cursor == len(lines):
            raise AssertionError(f"block {block.kind} {block.text[:20]!r} not found in the PDF")
        starts.append(cursor)
        cursor += 1
    out = []
    for n, (block, start) in enumerate(zip(blocks, starts)):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        out.append(PrintedBlock(block, lines[start][0], [line for _p, line in lines[start:end]]))
    return out


def gap_lines(before: PrintedBlock, after: PrintedBlock, pitch: float) -> int | None:
    """Empty grid lines between two consecutive blocks on one page (None across a page break)."""
    if before.page != after.page:
        return None
    return round((after.first.baseline - before.lines[-1].baseline) / pitch) - 1


def first_page_texts(pages: list[Page], bottom_pt: float, n: int = 8) -> list[str]:
    """The first ``n`` characters of each page's text (page numbers left out)."""
    out = []
    for page in pages:
        text = "".join(line.text for line in page.lines if line.baseline <= bottom_pt)
        out.append(_plain(text)[:n])
    return out

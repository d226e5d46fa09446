"""Measure a rendered PDF with PyMuPDF: glyphs with their font, size, box and glyph id, grouped into lines."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pymupdf

PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Glyph:
    char: str
    gid: int
    font: str
    size: float
    x0: float  # mm from the left paper edge
    x1: float
    baseline: float  # mm from the top paper edge
    top: float  # top of the em box (mm)


@dataclass
class TextLine:
    baseline: float
    glyphs: list[Glyph]

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return self.glyphs[-1].x1


def page_glyphs(page: pymupdf.Page) -> list[Glyph]:
    out = []
    for span in page.get_texttrace():
        size = span["size"]
        asc = span.get("ascender", 0.88)
        for code, gid, origin, bbox in span["chars"]:
            x0, _y0, x1, _y1 = bbox
            out.append(Glyph(chr(code), gid, span["font"], round(size, 2), x0 / PT_PER_MM, x1 / PT_PER_MM,
                             origin[1] / PT_PER_MM, (origin[1] - asc * size) / PT_PER_MM))
    return out


def page_lines(page: pymupdf.Page) -> list[TextLine]:
    rows: dict[float, list[Glyph]] = defaultdict(list)
    for g in page_glyphs(page):
        key = next((b for b in rows if abs(b - g.baseline) < 0.3), g.baseline)
        rows[key].append(g)
    return [TextLine(b, sorted(gs, key=lambda g: g.x0)) for b, gs in sorted(rows.items())]


def open_pdf(data: bytes) -> pymupdf.Document:
    return pymupdf.open(stream=data, filetype="pdf")

"""Render a .docx with LibreOffice and measure the PDF with PyMuPDF — for tests of both renderers.

    pdf = docx_to_pdf(docx_path, out_dir)        # LibreOffice, private profile, headless
    pdfs = docxs_to_pdfs([a, b, c], out_dir)     # several in one LibreOffice run (start-up is most of it)
    layout = read_layout(pdf)                    # pages → text lines (baseline, spans, glyph boxes)
    layout.pages[0].body_lines(top_pt, bottom_pt)

Everything is in PDF points with the origin at the top left of the page (PyMuPDF's convention); use
``mm`` / ``pt`` to convert. Nothing here knows the style profile: tests pass the numbers in.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

MM_PER_PT = 25.4 / 72
BASELINE_TOLERANCE_PT = 1.0  # glyphs whose baselines are this close belong to one line
NOTDEF = "\ufffd"


def mm(pt: float) -> float:
    return pt * MM_PER_PT


def pt(mm_value: float) -> float:
    return mm_value / MM_PER_PT


def soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: Path, out_dir: Path, *, timeout: float = 240) -> Path:
    """Convert ``docx`` to PDF with LibreOffice in ``out_dir``."""
    return docxs_to_pdfs([docx], out_dir, timeout=timeout)[0]


def docxs_to_pdfs(paths: list[Path], out_dir: Path, *, timeout: float = 300) -> list[Path]:
    """Convert several files in one LibreOffice run (its start-up is most of the time), with a private
    user profile, so several conversions (other tests, other people) can run at the same time."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.gettempdir()) / f"lo-profile-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        result = subprocess.run(
            [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, paths)],
            capture_output=True, timeout=timeout, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdfs = [out_dir / (Path(p).stem + ".pdf") for p in paths]
    if result.returncode != 0 or not all(p.exists() for p in pdfs):
        raise RuntimeError(f"LibreOffice failed ({result.returncode}): {result.stderr.decode(errors='replace')}")
    return pdfs


# ---------------------------------------------------------------- measuring a PDF


@dataclass(frozen=True)
class Glyph:
    char: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Span:
    text: str
    font: str
    size: float
    baseline: float
    glyphs: tuple[Glyph, ...]

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return self.glyphs[-1].x1

    @property
    def top(self) -> float:
        """Top of the em box: baseline minus the size's ascent share (0.88 em, as CJK fonts set it)."""
        return self.baseline - 0.88 * self.size


@dataclass
class Line:
    baseline: float
    spans: list[Span] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def glyphs(self) -> list[Glyph]:
        return [g for s in self.spans for g in s.glyphs]

    @property
    def x0(self) -> float:
        return min(s.x0 for s in self.spans)

    @property
    def x1(self) -> float:
        return max(s.x1 for s in self.spans)

    @property
    def size(self) -> float:
        return max(s.size for s in self.spans)

    @property
    def top(self) -> float:
        return min(s.top for s in self.spans)

    @property
    def fonts(self) -> set[str]:
        return {s.font for s in self.spans if s.text.strip()}

    def font_at(self, index: int) -> str:
        """The font of the ``index``-th non-space glyph of the line."""
        n = 0
        for span in self.spans:
            for glyph in span.glyphs:
                if glyph.char.strip():
                    if n == index:
                        return span.font
                    n += 1
        raise IndexError(index)


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]

    def lines_between(self, top: float, bottom: float) -> list[Line]:
        """Lines whose baselines lie between ``top`` and ``bottom`` (e.g. the 版心)."""
        return [line for line in self.lines if top < line.baseline <= bottom]

    def lines_below(self, y: float) -> list[Line]:
        return [line for line in self.lines if line.baseline > y]


@dataclass
class Layout:
    pages: list[Page]
    fonts: list[dict]  # one per font resource: name, type, embedded
    text: str  # all text in reading order

    @property
    def glyphs(self) -> list[Glyph]:
        return [g for p in self.pages for line in p.lines for g in line.glyphs]


def read_layout(pdf: Path) -> Layout:
    """The PDF's text as pages of lines of spans of glyphs, plus its fonts."""
    import pymupdf

    pages: list[Page] = []
    fonts: dict[int, dict] = {}
    texts: list[str] = []
    with pymupdf.open(pdf) as document:
        for index, page in enumerate(document):
            spans = []
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        glyphs = tuple(Glyph(c["c"], *c["bbox"]) for c in span["chars"])
                        if glyphs:
                            spans.append(Span("".join(g.char for g in glyphs), span["font"], span["size"],
                                              span["origin"][1], glyphs))
            pages.append(Page(index + 1, page.rect.width, page.rect.height, _group_lines(spans)))
            texts.append(page.get_text())
            for xref, ext, kind, basefont, *_ in page.get_fonts(full=False):
                fonts[xref] = {"name": basefont, "type": kind, "embedded": ext not in ("n/a", "")}
    return Layout(pages, list(fonts.values()), "".join(texts))


def _group_lines(spans: list[Span]) -> list[Line]:
    lines: list[Line] = []
    for span in sorted(spans, key=lambda s: (s.baseline, s.x0)):
        if lines and abs(lines[-1].baseline - span.baseline) <= BASELINE_TOLERANCE_PT:
            lines[-1].spans.append(span)
        else:
            lines.append(Line(span.baseline, [span]))
    for line in lines:
        line.spans.sort(key=lambda s: s.x0)
    return lines


def cell_count(text: str) -> float:
    """Characters of a line in grid cells: full-width characters 1, half-width (ASCII) ones ½."""
    return sum(0.5 if ord(ch) < 0x2E80 and ch not in "“”‘’—…·" else 1.0 for ch in text if ch != " ")

"""Shared helpers for the hardening tests: reading back what the renderers wrote, and the hanzi and digits
that must survive a conversion."""
from __future__ import annotations

import io
import re
from pathlib import Path

# The characters whose loss a reader would notice: CJK ideographs (BMP and the supplementary planes),
# full-width and ASCII digits.
KEPT = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f0-9\uff10-\uff19]")


def kept_chars(text: str) -> str:
    return "".join(KEPT.findall(text))


def docx_text(data: bytes | Path) -> str:
    """All paragraph and table text of a .docx, opened with python-docx (so it must open)."""
    import docx

    word = docx.Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))
    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def pdf_text(data: bytes | Path) -> str:
    """The text of every page of a PDF, opened with PyMuPDF (so it must open)."""
    import fitz

    pdf = fitz.open(stream=data, filetype="pdf") if isinstance(data, bytes) else fitz.open(str(data))
    return "\n".join(page.get_text() for page in pdf)


def is_subsequence(needle: str, haystack: str) -> bool:
    """Every character of ``needle`` appears in ``haystack``, in order."""
    it = iter(haystack)
    return all(ch in it for ch in needle)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())

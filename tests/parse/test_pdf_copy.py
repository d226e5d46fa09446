"""The real samples as a PDF copy gives them: lines wrapped at 28 characters, first lines indented, a page number
after every 22 lines (bare, ``— N —`` or ``第 N 页 共 M 页``, with or without blank lines around it). The outline
must be the one the sample itself gives."""
from __future__ import annotations

import pytest

from speechdoc import api
from speechdoc.clean.chars import display_width

from ..conftest import FIXTURES
from .outline import outline

SAMPLES = FIXTURES / "text" / "samples"
LINE_CELLS = 56  # 28 characters
PAGE_LINES = 22
INDENT = "\u3000\u3000"


def wrapped(text: str, cells: int) -> list[str]:
    lines, current = [""], 0
    for ch in text:
        if current + display_width(ch) > cells:
            lines.append("")
            current = 0
        lines[-1] += ch
        current += display_width(ch)
    return lines


def pdf_copy(source: str, head_lines: int, page: str, blanks: bool) -> str:
    lines = []
    for number, raw in enumerate(source.splitlines()):
        text = raw.strip()
        if not text or number < head_lines:
            lines.append(text)
            continue
        first, *rest = wrapped(text, LINE_CELLS - 4)
        lines += [INDENT + first] + wrapped("".join(rest), LINE_CELLS) * bool(rest)
    out = []
    for n, line in enumerate(lines, 1):
        out.append(line)
        if n % PAGE_LINES == 0:
            number = page.format(n // PAGE_LINES + 1)
            out += ["", number, ""] if blanks else [number]
    return "\n".join(out) + "\n"


def blocks_of(text: str) -> list[str]:
    return [line.split(" ", 1)[1] for line in outline(api.parse_text(text))
            if not line.startswith(("dropped", "warning", "    lines"))]


@pytest.mark.parametrize("page,blanks", [("{}", True), ("— {} —", False), ("第 {} 页 共 99 页", True)])
@pytest.mark.parametrize("name,head_lines,known", [
    ("01-speech-scraped.txt", 3, 0),
    ("04-speech-jiangzemin-chenyi-100.txt", 3, 0),
    ("03-four-levels-guoban-sanji-yiyuan-jixiao.txt", 5, 0),
])
def test_a_pdf_copy_of_a_sample_gives_the_sample_outline(name, head_lines, known, page, blanks):
    source = (SAMPLES / name).read_text(encoding="utf-8")
    expected, got = blocks_of(source), blocks_of(pdf_copy(source, head_lines, page, blanks))
    missing = [b for b in expected if b not in got]
    assert len(missing) <= known, missing[:3]
    assert len(got) - len(expected) <= known
    copy = pdf_copy(source, head_lines, page, blanks)
    pages = [d.text for d in api.parse_text(copy).dropped if d.reason == "page number"]
    assert pages == [line for line in copy.splitlines() if line and line.strip("—第页共 0123456789") == ""]

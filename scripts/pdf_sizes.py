#!/usr/bin/env python3
"""Where the bytes of a PDF go: each embedded font (stored bytes, glyphs, bytes per glyph), page content, the rest.

    python3 scripts/pdf_sizes.py FILE.pdf
"""
from __future__ import annotations

import io
import re
import sys
import warnings


def main(path: str) -> None:
    warnings.filterwarnings("ignore")
    import pymupdf
    from fontTools.ttLib import TTFont

    pdf = pymupdf.open(path)
    total = len(open(path, "rb").read())
    font_files = {}
    for xref in range(1, pdf.xref_length()):
        obj = pdf.xref_object(xref, compressed=True)
        name, file = re.search(r"/FontName ?/(\S+?)[/>\s]", obj), re.search(r"/FontFile\d? (\d+) 0 R", obj)
        if name and file:
            font_files[int(file.group(1))] = name.group(1)
    fonts, content, other = [], 0, 0
    for xref in range(1, pdf.xref_length()):
        if not pdf.xref_is_stream(xref):
            continue
        stored = len(pdf.xref_stream_raw(xref))
        if xref in font_files:
            font = TTFont(io.BytesIO(pdf.xref_stream(xref)))
            fonts.append((font_files[xref], stored, font["maxp"].numGlyphs))
        elif pdf.xref_get_key(xref, "Type")[1] in ("null", "") and not pdf.xref_stream(xref).startswith(b"/CIDInit"):
            content += stored
        else:
            other += stored
    print(f"{path}: {total / 1024:.0f} KB")
    for name, stored, glyphs in sorted(fonts, key=lambda f: -f[1]):
        print(f"  {name:40s} {stored / 1024:7.1f} KB  {glyphs:6d} glyphs  {stored / max(glyphs - 1, 1):6.0f} B/glyph")
    rest = total - sum(f[1] for f in fonts) - content
    print(f"  {'page content streams':40s} {content / 1024:7.1f} KB")
    print(f"  {'everything else (ToUnicode, dictionaries, xref)':40s} {rest / 1024:7.1f} KB")


if __name__ == "__main__":
    main(sys.argv[1])

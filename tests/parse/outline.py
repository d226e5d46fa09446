"""The readable outline format of the ``.expected`` files next to the text fixtures.

One line per block: ``LINE kind[ level][ marker] | text``; under it, indented, ``lead LEVEL MARKER | text``,
``lines | a / b`` (a title's own line breaks) and ``item | name``; then ``dropped LINE reason | text`` and
``warning LINE | message``. Text is the block's whole text, newlines shown as ``⏎``.
"""
from __future__ import annotations

from speechdoc.model import Document


def outline(doc: Document) -> list[str]:
    out: list[str] = []
    for b in doc.blocks:
        head = " ".join(str(x) for x in (b.line, b.kind, b.level, b.marker) if x is not None)
        out.append(f"{head} | {b.text.replace(chr(10), '⏎')}")
        if b.lead:
            out.append(f"    lead {b.lead.level} {b.lead.marker} | {b.lead.text}")
        if b.lines:
            out.append(f"    lines | {' / '.join(b.lines)}")
        out += [f"    item | {item}" for item in b.items]
    out += [f"dropped {d.line} {d.reason} | {d.text}" for d in doc.dropped]
    out += [f"warning {w.line} | {w.message}" for w in doc.warnings]
    return out


def read_expected(path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]

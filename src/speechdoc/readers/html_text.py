"""Lay out an HTML tree as text lines, the way a browser shows it and a user would copy it.

Block elements and ``<br>`` end lines; runs of ASCII white space collapse to one space while
``&nbsp;`` and U+3000 (indentation) are kept; ``<pre>`` keeps its line breaks. A data table
(short cells, no nested tables) becomes one table item; a layout table is read cell by cell.
Each line remembers the block element it started in (its *owner*) and its source line, so the
caller can decide which lines are the article and which are page chrome.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

BLOCKS = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul "
    "caption".split())
SKIPPED = frozenset("script style noscript template iframe object embed svg canvas select button input textarea "
                    "head map area audio video".split())
_COLLAPSIBLE = re.compile(r"[ \t\r\n\f\v]+")
_MAX_CELL_CHARS = 200
_SEGMENT_BREAK = "\0"  # a collapsed run that held a line break; lxml never yields NUL in text
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_BREAK_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}]){_SEGMENT_BREAK}(?=[{_CJK}])")


@dataclass(frozen=True)
class TextLine:
    text: str
    line: int | None  # source line in the HTML file
    owner: etree._Element  # the block element the line started in
    rows: tuple[tuple[str, ...], ...] = ()  # set for a data table
    images: int = 0
    soft: bool = False  # broken off the previous line by a <br> inside the same block


@dataclass
class _Layout:
    out: list[TextLine] = field(default_factory=list)
    buf: list[str] = field(default_factory=list)
    owner: etree._Element | None = None
    line: int | None = None
    images: int = 0
    breaks: int = 2  # <br>s since the last line; 2 stands for "a new block" (a hard break)

    def text(self, s: str | None, owner: etree._Element, line: int | None, pre: bool) -> None:
        if not s:
            return
        if not pre:
            s = _COLLAPSIBLE.sub(_collapse, s)
        if not self.buf:
            self.owner, self.line = owner, line
        self.buf.append(s)

    def flush(self, *, br: bool = False) -> None:
        """End the current line, at a <br> (``br``) or a block boundary.

        A line after exactly one <br> is ``soft``; after two <br>s or a new block it is not."""
        text = _resolve_segment_breaks("".join(self.buf)).strip(" ")
        if (text.strip() or self.images) and self.owner is not None:
            for n, part in enumerate(text.split("\n") if "\n" in text else [text]):
                if part.strip() or self.images:
                    self.out.append(TextLine(part.strip(" "), _plus(self.line, n), self.owner, images=self.images,
                                             soft=self.breaks == 1 or n > 0))
                    self.images, self.breaks = 0, 0
        self.buf, self.owner, self.line, self.images = [], None, None, 0
        self.breaks = min(self.breaks + 1, 2) if br else 2


def lay_out(root: etree._Element) -> list[TextLine]:
    layout = _Layout()
    _walk(root, root, layout, pre=False)
    layout.flush()
    return layout.out


def _walk(el: etree._Element, owner: etree._Element, layout: _Layout, pre: bool) -> None:
    tag = _tag(el)
    if tag in SKIPPED or tag is None:
        return
    if tag == "br":
        layout.flush(br=True)
        return
    if tag == "img":
        if layout.owner is None:
            layout.owner, layout.line = owner, el.sourceline
        layout.images += 1
        return
    block = tag in BLOCKS
    if block:
        layout.flush()
        owner = el
    if tag == "table" and is_data_table(el):
        layout.out.append(TextLine("", el.sourceline, el, rows=table_rows(el)))
        return
    pre = pre or tag == "pre"
    if tag == "li":
        layout.text(list_number(el), owner, el.sourceline, pre)
    layout.text(el.text, owner, el.sourceline, pre)
    for child in el:
        _walk(child, owner, layout, pre)
        layout.text(child.tail, owner, child.sourceline, pre)
    if block:
        layout.flush()


def list_number(li: etree._Element) -> str:
    """The number a browser shows before an item of an ordered list (``1.``), else nothing."""
    parent = li.getparent()
    if parent is None or _tag(parent) != "ol":
        return ""
    start = parent.get("start", "1")
    n = (int(start) if start.lstrip("-").isdigit() else 1) + sum(1 for s in li.itersiblings(preceding=True)
                                                                 if _tag(s) == "li")
    value = li.get("value")
    if value and value.isdigit():
        n = int(value)
    return f"{n}."


def is_data_table(table: etree._Element) -> bool:
    """Short cells in at least two rows and two columns, no table inside: data, not page layout."""
    if any(_tag(t) == "table" for t in table.iterdescendants()):
        return False
    rows = table_rows(table)
    if len(rows) < 2 or max((len(r) for r in rows), default=0) < 2:
        return False
    return all(len(cell) <= _MAX_CELL_CHARS for row in rows for cell in row)


def table_rows(table: etree._Element) -> tuple[tuple[str, ...], ...]:
    rows = []
    for tr in table.iter():
        if _tag(tr) != "tr":
            continue
        cells = [cell for cell in tr if _tag(cell) in ("td", "th")]
        texts: list[str] = []
        for cell in cells:
            texts.append(cell_text(cell))
            span = cell.get("colspan", "1")
            texts.extend([""] * (int(span) - 1 if span.isdigit() and 1 < int(span) < 50 else 0))
        if any(t for t in texts):
            rows.append(tuple(texts))
    return tuple(rows)


def cell_text(cell: etree._Element) -> str:
    return "\n".join(line.text for line in lay_out(cell) if line.text)


def _collapse(m: re.Match) -> str:
    return _SEGMENT_BREAK if "\n" in m.group(0) or "\r" in m.group(0) else " "


def _resolve_segment_breaks(text: str) -> str:
    """A source line break between two hanzi vanishes (CSS Text 3, as browsers show Chinese);
    elsewhere it is a space."""
    return _BREAK_BETWEEN_CJK.sub("", text).replace(_SEGMENT_BREAK, " ")


def _tag(el) -> str | None:
    return el.tag.lower() if isinstance(el.tag, str) else None


def _plus(line: int | None, n: int) -> int | None:
    return None if line is None else line + n

"""What a Word file's styles say about structure: Title, Heading 1–9, outline levels, list links.

Only structure is read; fonts, sizes and spacing (direct or styled) are ignored on purpose —
speechdoc sets them from the profile. Styles are matched by their ``w:name`` (``heading 1``,
``Title``; WPS and localised Word also write ``标题 1``, ``标题``), never by their id, which
Word localises (``1``, ``a3``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = {"title", "标题"}
_SUBTITLE_NAMES = {"subtitle", "副标题"}
_TOC_NAME = re.compile(r"^(?:toc|目录)\s*\d$", re.IGNORECASE)
BODY_TEXT_OUTLINE = 9  # w:outlineLvl 9 means "body text"


def w(tag: str) -> str:
    return _W + tag


def wval(el: etree._Element | None, tag: str) -> str | None:
    """``<w:tag w:val="…"/>`` child's value."""
    if el is None:
        return None
    child = el.find(w(tag))
    return None if child is None else child.get(w("val"))


@dataclass(frozen=True)
class Style:
    style_id: str
    name: str
    based_on: str | None
    outline_level: int | None  # 0-based, as Word stores it
    num_id: str | None
    ilvl: int | None


@dataclass(frozen=True)
class Structure:
    """The structural role a paragraph's style gives it."""

    kind: str  # title | subtitle | heading | toc
    level: int | None = None


class Styles:
    def __init__(self, root: etree._Element | None):
        self._styles: dict[str, Style] = {}
        self.default_paragraph: str | None = None
        self.list_styles: dict[str, str] = {}  # numbering style id → numId
        if root is None:
            return
        for el in root.iter(w("style")):
            if el.get(w("type")) == "numbering":
                num_id = _style(el).num_id
                if num_id:
                    self.list_styles[el.get(w("styleId")) or ""] = num_id
            if el.get(w("type")) != "paragraph":
                continue
            style = _style(el)
            self._styles[style.style_id] = style
            if el.get(w("default")) in ("1", "true", "on"):
                self.default_paragraph = style.style_id

    def structure(self, style_id: str | None, direct_outline: int | None = None) -> Structure | None:
        """Title / Heading N by name, else the outline level (direct, then through ``basedOn``)."""
        chain = self._chain(style_id)
        for style in chain:
            found = _by_name(style.name)
            if found:
                return found
        outline = direct_outline
        if outline is None:
            outline = next((s.outline_level for s in chain if s.outline_level is not None), None)
        if outline is not None and outline < BODY_TEXT_OUTLINE:
            return Structure("heading", outline + 1)
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph inherits from its style chain."""
        for style in self._chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, None

    def _chain(self, style_id: str | None) -> list[Style]:
        out: list[Style] = []
        current = style_id or self.default_paragraph
        while current and current in self._styles and len(out) < 20:
            style = self._styles[current]
            if style in out:
                break
            out.append(style)
            current = style.based_on
        return out


def _style(el: etree._Element) -> Style:
    ppr = el.find(w("pPr"))
    numpr = ppr.find(w("numPr")) if ppr is not None else None
    outline = wval(ppr, "outlineLvl")
    ilvl = wval(numpr, "ilvl")
    return Style(
        style_id=el.get(w("styleId")) or "",
        name=(wval(el, "name") or "").strip(),
        based_on=wval(el, "basedOn"),
        outline_level=int(outline) if outline and outline.isdigit() else None,
        num_id=wval(numpr, "numId"),
        ilvl=int(ilvl) if ilvl and ilvl.isdigit() else None,
    )


def _by_name(name: str) -> Structure | None:
    lowered = name.lower()
    if lowered in _TITLE_NAMES:
        return Structure("title")
    if lowered in _SUBTITLE_NAMES:
        return Structure("subtitle")
    m = _HEADING_NAME.match(lowered)
    if m:
        return Structure("heading", int(m.group(1)))
    if _TOC_NAME.match(lowered):
        return Structure("toc")
    return None

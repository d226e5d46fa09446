"""附件说明 (GB/T 9704 7.3.4): where each attachment's line starts and where its wrapped lines start.

``附件：`` stands 2 字 in; several attachments are numbered ``1.`` ``2.`` … one to a line, and a name that wraps
continues under the name's first character. Both renderers place the items from here (the .docx as hanging
indents, the PDF as margins and text indents), so the two agree to the point.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Block
from ..style.profile import BlockStyle, Profile

PREFIX = "附件："  # 7.3.4

# Advance widths of half-width characters in em, for the indents that depend on a string's width
# (署名/日期, numbered 附件). Digits are half an em in Times New Roman (and its metric twin Liberation
# Serif) and in every CJK font; these are facts of the fonts, not style choices.
_HALF_WIDTH_EM = {".": 0.25, ",": 0.25, " ": 0.25, "-": 0.333, "(": 0.333, ")": 0.333}
_DEFAULT_HALF_WIDTH_EM = 0.5
_FULL_WIDTH_SHARED = "“”‘’—…·"  # below U+2E80 but set full width in Chinese text


def char_advance_pt(style: BlockStyle, profile: Profile) -> float:
    """The advance of one full-width character of ``style``: its size plus the grid's tracking."""
    return style.size_pt + profile.page.char_spacing_pt


def text_width_pt(text: str, style: BlockStyle, profile: Profile) -> float:
    """Width of ``text`` set in ``style``: full-width characters 1 em, half-width ones their Latin width."""
    width = 0.0
    for ch in text:
        half = ord(ch) < 0x2E80 and ch not in _FULL_WIDTH_SHARED
        em = _HALF_WIDTH_EM.get(ch, _DEFAULT_HALF_WIDTH_EM) if half else 1.0
        width += em * style.size_pt + profile.page.char_spacing_pt
    return width


@dataclass(frozen=True)
class AttachmentItem:
    lead_in: str  # ``附件：1.`` on the first item, ``2.`` on the next ones, ``附件：`` alone for one attachment
    name: str
    first_line_pt: float  # where the item's first line starts, from the left edge of the 版心
    name_pt: float  # where the name starts, and so every wrapped line of it

    @property
    def text(self) -> str:
        return self.lead_in + self.name


def attachment_names(block: Block) -> list[str]:
    """The attachments' names: the block's items, or its text after ``附件：``."""
    if block.items:
        return list(block.items)
    text = block.text
    for prefix in (PREFIX, "附件:"):
        if text.startswith(prefix):
            return [text[len(prefix):]]
    return [text]


def attachment_items(block: Block, profile: Profile) -> list[AttachmentItem]:
    """One line (paragraph) per attachment, with its indents."""
    style = profile.block("attachments")
    start = style.first_line_indent_chars * char_advance_pt(style, profile)
    prefix_width = text_width_pt(PREFIX, style, profile)
    names = attachment_names(block)
    numbered = len(names) > 1
    items = []
    for i, name in enumerate(names):
        number = f"{i + 1}." if numbered else ""
        name_at = start + prefix_width + text_width_pt(number, style, profile)
        items.append(AttachmentItem((PREFIX if i == 0 else "") + number, name,
                                    start if i == 0 else start + prefix_width, name_at))
    return items

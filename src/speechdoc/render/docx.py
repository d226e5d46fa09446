"""Document model → a Word file in the GB/T 9704 format, made of real Word styles.

Every block is a paragraph in the named style of its key (``heading2`` → ``Heading 2``, ``body`` →
``Body Text``); the look lives in the styles, which are built from the style profile, so a user who
changes a paragraph's style in Word gets that style's font, and the navigation pane and a table of
contents see the outline levels. Direct formatting is used only where the value depends on the text
itself: the run-in lead (a character style), the indents of 署名 and 成文日期, the hanging indent of
附件说明 and the gap below the title block.

The 22 × 28 grid (5.2.3), measured in LibreOffice 7.4 and holding in Word by the same arithmetic:

* ``w:docGrid type="lines"`` with the profile's line pitch (579 twips = 28.95 pt) — a line grid only.
  Word's own “每行28字” setting (``linesAndChars`` + ``charSpace``) makes LibreOffice 7.4 put a 16 pt
  glyph into two 15.8 pt cells, i.e. 13–14 characters a line, so the character grid is not used.
* every paragraph style has exact line spacing of one pitch, no space before or after except whole
  grid lines, so each line sits on the grid in both programs;
* 28 characters fit the 442.2 pt line through tracking (``w:spacing``) of the profile's
  ``grid.char_spacing_pt`` (−0.25 pt: 28 × 15.75 pt = 441 pt) on the Normal style;
* the body size sits on the Normal style itself, because LibreOffice takes the grid's base font from
  Normal (not from the document defaults) and falls back to 12 pt;
* widow/orphan control is OFF: with it on, pages come out with 21 lines when a paragraph's last line
  would be alone. Headings (and the title block, attachment labels) are kept with the next paragraph
  instead, which is what the standard's layout needs.
"""
from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from docx import Document as new_word_document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Twips
from docx.text.paragraph import Paragraph

from .. import __version__
from ..layout.attachments import attachment_items, char_advance_pt, text_width_pt
from ..layout.title import break_title
from ..model import Block, Document
from ..style.profile import BlockStyle, Profile
from ..style.units import mm_to_pt, mm_to_twips, pt_to_half_points, pt_to_mm, pt_to_twips
from . import docx_oxml as oxml

# The Word style of each profile key. Built-in names (matched by w:name, so Word localises them and
# knows their role) where Word has one; the rest are custom styles named after the block.
STYLE_NAMES = {
    "body": "Body Text",
    "title": "Title",
    "doc_number": "Document Number",
    "subtitle": "Subtitle",
    "speaker": "Speaker",
    "date_line": "Date Line",
    "salutation": "Salutation",
    "heading1": "Heading 1",
    "heading2": "Heading 2",
    "heading3": "Heading 3",
    "heading4": "Heading 4",
    "table": "Table Text",
    "attachments": "Attachments",
    "signature": "Signature",
    "date": "Date",
    "note": "Note",
    "attachment_label": "Attachment Label",
    "attachment_title": "Attachment Title",
}
BUILTIN_STYLES = {"Body Text", "Title", "Subtitle", "Salutation", "Heading 1", "Heading 2", "Heading 3",
                  "Heading 4", "Signature", "Date", "Footer"}
RUN_IN_STYLE = "Run-in Heading {level}"  # character style: a lead sentence set like heading ``level``
TABLE_STYLE = "Table Grid"
FOOTER_STYLE = "Footer"
# Styles of the template that Word expects to exist; everything else of the template is dropped.
KEPT_TEMPLATE_STYLE_IDS = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid"}

# The title block: centred lines kept together, with the empty line (7.3.3) below the last of them.
FRONT_MATTER = ("title", "doc_number", "subtitle", "speaker", "date_line")
KEEP_WITH_NEXT = {"title", "subtitle", "speaker", "date_line", "doc_number", "heading1", "heading2",
                  "heading3", "heading4", "attachment_label", "attachment_title"}
LANG_LATIN, LANG_EAST_ASIA = "en-US", "zh-CN"
WORD_COMPATIBILITY_MODE = 15  # Word 2013+
TABLE_BORDER_EIGHTHS_PT = 4  # 0.5 pt rules
# When nothing in the document dates it, the properties carry this fixed time (reproducible bytes).
FIXED_TIME = datetime(2000, 1, 1, tzinfo=timezone.utc)

# Punctuation that Unicode shares between Chinese and Western text. Word and WPS set it in the East Asian
# font through w:hint="eastAsia"; LibreOffice ignores the hint and, after a digit or a Latin letter or at
# the start of a paragraph, sets it in the Latin font (a narrow Times ” in a 仿宋 line).
AMBIGUOUS_PUNCTUATION = "“”‘’—…·"
_AMBIGUOUS_RUNS = re.compile(f"([{AMBIGUOUS_PUNCTUATION}]+)")

_ALIGN = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
          "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# Characters XML 1.0 cannot hold (control characters scraped from web pages): dropped, never fatal.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def render_docx(doc: Document, profile: Profile) -> bytes:
    """The .docx bytes for ``doc``: the same document and profile always give the same bytes."""
    word = new_word_document()
    _strip_template(word)
    Stylesheet(word, profile).build()
    _set_up_page(word, profile)
    _add_page_numbers(word, profile)
    Body(word, profile).add_blocks(doc.blocks)
    _set_properties(word, doc)
    buffer = io.BytesIO()
    word.save(buffer)
    return oxml.reproducible_zip(buffer.getvalue())


# ---------------------------------------------------------------- measures


def title_max_chars(profile: Profile, key: str = "title") -> int:
    """How many title-size characters fit the 版心 width (20 for 二号 with the grid's tracking)."""
    fits = mm_to_pt(profile.page.body_width_mm) / char_advance_pt(profile.block(key), profile)
    return math.floor(fits + 1e-6)  # the same count the PDF renderer takes, float noise aside


@dataclass(frozen=True)
class ClosingPlacement:
    """Where 署名 and 成文日期 go (7.3.5.2), in pt from the 版心's edges: the 署名 right-aligned
    ``signature_right`` in from the right edge; the date left-aligned ``date_left`` in from the left edge,
    so that its first character is exactly 2 字 right of the 署名's whatever the digits' widths."""

    signature_right: float
    date_left: float


def place_signature_and_date(signature: str, date: str, profile: Profile) -> ClosingPlacement:
    """署名 right-indented 2 字 and the date's first character 2 字 right of the 署名's; when the date
    is then too long to keep 2 字 from the right edge, the date is right-indented 2 字 and the 署名 moves
    left by as much (7.3.5.2)."""
    sig_style, date_style = profile.block("signature"), profile.block("date")
    unit = char_advance_pt(sig_style, profile)
    line = mm_to_pt(profile.page.body_width_mm)
    offset = date_style.offset_from_signature_chars * unit
    min_date_right = date_style.right_indent_chars * char_advance_pt(date_style, profile)
    sig_width = text_width_pt(signature, sig_style, profile)
    date_width = text_width_pt(date, date_style, profile)
    sig_right = max(sig_style.right_indent_chars * unit, date_width + min_date_right + offset - sig_width)
    return ClosingPlacement(sig_right, line - sig_right - sig_width + offset)


# ---------------------------------------------------------------- template and page


def _strip_template(word) -> None:
    """Remove what python-docx's template brings that a clean document must not carry: a thumbnail,
    customXml, stylesWithEffects (full of theme fonts), the numbering part, and the template's rsids."""
    oxml.drop_relationships(word.part.package, (RT.THUMBNAIL,))
    oxml.drop_relationships(word.part, (RT.CUSTOM_XML, RT.NUMBERING,
                                        "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"))
    oxml.remove_revision_ids(word.settings.element)
    oxml.set_east_asian_theme_language(word.settings.element, LANG_EAST_ASIA)
    oxml.set_compatibility_mode(word.settings.element, WORD_COMPATIBILITY_MODE)


def _set_up_page(word, profile: Profile) -> None:
    page = profile.page
    section = word.sections[0]
    section.page_width = Twips(mm_to_twips(page.width_mm))
    section.page_height = Twips(mm_to_twips(page.height_mm))
    section.top_margin = Twips(mm_to_twips(page.top_mm))
    section.bottom_margin = Twips(mm_to_twips(page.bottom_mm))
    section.left_margin = Twips(mm_to_twips(page.left_mm))
    section.right_margin = Twips(mm_to_twips(page.right_mm))
    section.gutter = Twips(0)
    oxml.set_line_grid(section._sectPr, line_pitch_twips=page.line_pitch_twips)


def footer_distance_mm(profile: Profile) -> float:
    """Word's footer distance (paper edge → bottom of the footer) that puts the top of the page-number
    line ``below_body_mm`` under the 版心: bottom margin − gap − the line's height (its exact spacing)."""
    number = profile.page_number
    return profile.page.bottom_mm - number.below_body_mm - pt_to_mm(number.size_pt)


# page.number.align → the side of the number on odd and on even pages (None: centred)
_PAGE_NUMBER_SIDES = {"outside": ("right", "left"), "right": ("right", "right"), "left": ("left", "left"),
                      "center": (None, None)}


def _add_page_numbers(word, profile: Profile) -> None:
    """``— N —`` in 4号宋体 below the 版心; odd pages right, even pages left, each 1 字 in (7.5)."""
    number = profile.page_number
    section = word.sections[0]
    section.footer_distance = Twips(mm_to_twips(footer_distance_mm(profile)))
    inset_twips = pt_to_twips(number.inset_chars * number.size_pt)  # 1 字 of the number's own size
    inset_hundredths = round(number.inset_chars * 100)
    odd_side, even_side = _PAGE_NUMBER_SIDES[number.align]
    footers = [(section.footer, odd_side)]
    if odd_side != even_side:
        word.settings.odd_and_even_pages_header_footer = True
        footers.append((section.even_page_footer, even_side))
    for footer, side in footers:
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = word.styles[FOOTER_STYLE]
        paragraph.alignment = _ALIGN[side or "center"]
        if side:
            oxml.set_side_indent(paragraph._p.get_or_add_pPr(), side=side, twips=inset_twips,
                                 chars_hundredths=inset_hundredths)
        oxml.append_page_field(paragraph, prefix=f"{number.dash} ", suffix=f" {number.dash}")
        for run in paragraph.runs:
            oxml.set_east_asian_hint(run._r.get_or_add_rPr())


# ---------------------------------------------------------------- styles


class Stylesheet:
    """Builds Normal, one paragraph style per profile key, run-in character styles, the table and
    footer styles, the document defaults, the font table and the theme fonts — all from the profile."""

    def __init__(self, word, profile: Profile):
        self.word = word
        self.profile = profile
        self.styles = word.styles

    def build(self) -> None:
        body = self.profile.block("body")
        body_font = self.profile.font(body.role)
        oxml.remove_styles_except(self.styles.element, KEPT_TEMPLATE_STYLE_IDS)
        oxml.reset_doc_defaults(self.styles.element, east_asia=body_font.word, latin=body_font.latin,
                                half_points=pt_to_half_points(body.size_pt), lang_latin=LANG_LATIN,
                                lang_east_asia=LANG_EAST_ASIA)
        self._normal()
        for key, name in STYLE_NAMES.items():
            if key in self.profile.blocks:
                self._paragraph_style(name, self.profile.block(key), keep_next=key in KEEP_WITH_NEXT)
        for level in range(1, 5):
            self._run_in_style(level)
        self._table_style()
        self._footer_style()
        self._link_next_styles()
        oxml.remove_theme_font_references(self.styles.element)
        self._font_table()
        self._theme()

    # -- the grid's base
    def _normal(self) -> None:
        body = self.profile.block("body")
        normal = self.styles["Normal"]
        self._font(normal, body)
        oxml.set_character_spacing(normal.element.get_or_add_rPr(), pt_to_twips(self.profile.page.char_spacing_pt))
        fmt = normal.paragraph_format
        fmt.widow_control = False  # see the module docstring: it breaks the 22-line grid
        fmt.alignment = _ALIGN[body.align]
        # No automatic gaps around digits and Latin letters (“2019 年1 月”): 公文 set them tight, and the
        # indents of 署名/日期 are computed from the text's width. (LibreOffice 7.4 ignores this setting.)
        oxml.set_auto_space(normal.element.get_or_add_pPr(), False)
        # Hanging punctuation: w:overflowPunct="1" is Word's and WPS's own default (a closing 。，may hang
        # in the margin). LibreOffice 7.4 reads the element inverted (writerfilter: hanging = value == 0)
        # and, when it hangs a mark inside a paragraph, drops it from the page; written as "1" it hangs
        # nothing and no mark is lost there.
        oxml.set_hanging_punctuation(normal.element.get_or_add_pPr(), True)
        oxml.set_exact_line_spacing(normal.element.get_or_add_pPr(), line_twips=self.profile.page.line_pitch_twips)

    def _font(self, style, block: BlockStyle) -> None:
        role = self.profile.font(block.role)
        rpr = style.element.get_or_add_rPr()
        oxml.set_fonts(rpr, east_asia=role.word, latin=role.latin)
        oxml.set_size(rpr, pt_to_half_points(block.size_pt))
        oxml.set_bold(rpr, block.bold)

    def _get_or_add(self, name: str, style_type):
        if name in [s.name for s in self.styles]:
            return self.styles[name]
        style = self.styles.add_style(name, style_type, builtin=name in BUILTIN_STYLES)
        style.quick_style = True
        return style

    def _paragraph_style(self, name: str, block: BlockStyle, *, keep_next: bool) -> None:
        style = self._get_or_add(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self.styles["Normal"]
        self._font(style, block)
        fmt = style.paragraph_format
        fmt.alignment = _ALIGN[block.align]
        fmt.keep_with_next = keep_next or None
        fmt.keep_together = keep_next or None  # a two-line heading or title is not split over pages
        fmt.page_break_before = block.page_break_before or None
        ppr = style.element.get_or_add_pPr()
        pitch = self.profile.page.line_pitch_twips
        oxml.set_exact_line_spacing(ppr, line_twips=pitch, before_twips=block.space_before_lines * pitch,
                                    after_twips=block.space_after_lines * pitch)
        unit = char_advance_pt(block, self.profile)
        if block.first_line_indent_chars:
            oxml.set_first_line_indent(ppr, chars_hundredths=round(block.first_line_indent_chars * 100),
                                       twips=pt_to_twips(block.first_line_indent_chars * unit))
        if block.right_indent_chars:
            oxml.set_right_indent(ppr, twips=pt_to_twips(block.right_indent_chars * unit),
                                  chars_hundredths=round(block.right_indent_chars * 100))
        if block.outline_level:
            oxml.set_outline_level(ppr, block.outline_level)
        if block.size_pt > self.profile.block("body").size_pt:
            # LibreOffice gives a line of type larger than the grid's base size two grid lines; Word
            # keeps it to the exact line spacing. Off the grid, both give it one line of one pitch.
            oxml.set_snap_to_grid(ppr, False)

    def _run_in_style(self, level: int) -> None:
        heading = self.profile.block(f"heading{level}")
        style = self._get_or_add(RUN_IN_STYLE.format(level=level), WD_STYLE_TYPE.CHARACTER)
        style.base_style = self.styles["Default Paragraph Font"]
        role = self.profile.font(heading.role)
        rpr = style.element.get_or_add_rPr()
        oxml.set_fonts(rpr, east_asia=role.word, latin=role.latin)
        oxml.set_bold(rpr, heading.bold)

    def _table_style(self) -> None:
        style = self.styles[TABLE_STYLE]
        oxml.set_exact_line_spacing(style.element.get_or_add_pPr(), line_twips=self.profile.page.line_pitch_twips)
        oxml.add_table_grid_borders(style.element, size_eighths=TABLE_BORDER_EIGHTHS_PT)
        oxml.set_cell_margins(style.element, top=0, bottom=0, left=pt_to_twips(self._cell_padding_pt()),
                              right=pt_to_twips(self._cell_padding_pt()))

    def _cell_padding_pt(self) -> float:
        """The profile's cell padding, in characters of the table's size, on each side of a cell's text."""
        table = self.profile.block("table")
        return table.cell_padding_chars * table.size_pt

    def _footer_style(self) -> None:
        number = self.profile.page_number
        style = self._get_or_add(FOOTER_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self.styles["Normal"]
        role = self.profile.font(number.role)
        rpr = style.element.get_or_add_rPr()
        # 7.5: 半角宋体 digits, so the Latin font of the page number is the Song face too.
        oxml.set_fonts(rpr, east_asia=role.word, latin=role.word)
        oxml.set_size(rpr, pt_to_half_points(number.size_pt))
        oxml.set_character_spacing(rpr, 0)
        oxml.set_exact_line_spacing(style.element.get_or_add_pPr(), line_twips=pt_to_twips(number.size_pt))

    def _link_next_styles(self) -> None:
        """Enter after a heading or the title block gives a body paragraph."""
        body = self.styles[STYLE_NAMES["body"]]
        for key in ("title", "subtitle", "speaker", "date_line", "salutation", "heading1", "heading2",
                    "heading3", "heading4", "attachment_title"):
            self.styles[STYLE_NAMES[key]].next_paragraph_style = body

    def _font_table(self) -> None:
        entries: dict[str, tuple[str, str | None, bool]] = {}
        for role in self.profile.fonts.values():
            entries.setdefault(role.word, (role.word, role.word_fallback, True))
            entries.setdefault(role.latin, (role.latin, None, False))
        part = self.word.part.part_related_by(RT.FONT_TABLE)
        oxml.replace_part_blob(part, oxml.font_table_xml(list(entries.values())))

    def _theme(self) -> None:
        heading = self.profile.font(self.profile.block("heading1").role)
        body = self.profile.font(self.profile.block("body").role)
        part = self.word.part.part_related_by(RT.THEME)
        oxml.replace_part_blob(part, oxml.neutral_theme_fonts(
            part.blob, major_latin=heading.latin, major_east_asia=heading.word,
            minor_latin=body.latin, minor_east_asia=body.word))


# ---------------------------------------------------------------- blocks


class Body:
    """Adds the model's blocks, in order, as paragraphs and tables of the document."""

    def __init__(self, word, profile: Profile):
        self.word = word
        self.profile = profile
        self.pitch = profile.page.line_pitch_twips
        self._first_paragraph = True
        self._style_ids: dict[str, str] = {}

    def add_blocks(self, blocks: tuple[Block, ...]) -> None:
        blocks = tuple(blocks)
        for i, block in enumerate(blocks):
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            before = blocks[i - 1] if i > 0 else None
            getattr(self, f"_add_{block.kind}", self._add_plain)(block, before, after)
        self._drop_initial_empty_paragraph()

    # -- helpers
    def _paragraph(self, key: str, text: str = ""):
        if key not in self._style_ids:  # a style lookup scans the whole stylesheet
            self._style_ids[key] = self.word.styles[STYLE_NAMES[key]].style_id
        p = oxml.add_body_paragraph(self.word.element.body, self._style_ids[key])
        paragraph = Paragraph(p, self.word._body)
        if text:
            self._run(paragraph, text, key)
        return paragraph

    def _run(self, paragraph, text: str, key: str, style=None):
        """``text`` as runs of ``paragraph`` set like block ``key``; returns the last run.

        The runs carry no fonts, only the East Asian hint, so that changing the paragraph's style changes
        its font — except runs of the punctuation Word and LibreOffice class differently (“”‘’—…·): those
        name the role's Chinese font as their Latin font too (see ``oxml.keep_punctuation_chinese``).
        """
        run = None
        for piece in _AMBIGUOUS_RUNS.split(xml_safe(text)):
            if not piece:
                continue
            run = paragraph.add_run(piece, style=style)
            rpr = run._r.get_or_add_rPr()
            oxml.set_east_asian_hint(rpr)
            if piece[0] in AMBIGUOUS_PUNCTUATION:
                oxml.keep_punctuation_chinese(rpr, self.profile.font(self.profile.block(key).role).word)
        return run if run is not None else paragraph.add_run("", style=style)

    def _lines(self, paragraph, key: str, lines: list[str]) -> None:
        for i, line in enumerate(lines):
            run = self._run(paragraph, line, key)
            if i < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)

    def _drop_initial_empty_paragraph(self) -> None:
        """python-docx's template starts with one empty paragraph; it must not push the text down."""
        body = self.word.element.body
        first = body[0]
        if first.tag.endswith("}p") and not first.xpath(".//w:t") and len(body) > 2:
            body.remove(first)

    # -- title block
    def _add_title(self, block: Block, before, after) -> None:
        lines = break_title(block.text, title_max_chars(self.profile), block.lines)
        paragraph = self._paragraph("title")
        self._lines(paragraph, "title", lines)
        self._end_front_matter(paragraph, "title", after)

    def _add_front_matter(self, block: Block, before, after) -> None:
        paragraph = self._paragraph(block.kind, block.text)
        self._end_front_matter(paragraph, block.kind, after)

    _add_subtitle = _add_speaker = _add_date_line = _add_doc_number = _add_front_matter

    def _end_front_matter(self, paragraph, key: str, after) -> None:
        """The empty line below the title (7.3.3) goes below the whole title block: title, 发文字号,
        subtitle, speaker and date line stand together; the gap follows the last of them."""
        title = self.profile.block("title")
        style = self.profile.block(key)
        inside = after is not None and after.kind in FRONT_MATTER
        after_lines = 0 if inside or after is None else title.space_after_lines
        if after_lines != style.space_after_lines:
            oxml.set_exact_line_spacing(paragraph._p.get_or_add_pPr(), line_twips=self.pitch,
                                        before_twips=style.space_before_lines * self.pitch,
                                        after_twips=after_lines * self.pitch)

    # -- body
    def _add_plain(self, block: Block, before, after) -> None:
        key = self.profile.key_for(block.kind, block.level)
        self._paragraph(key if key in STYLE_NAMES else "body", block.text)

    def _add_heading(self, block: Block, before, after) -> None:
        level = min(max(block.level or 1, 1), 4)
        self._paragraph(f"heading{level}", block.text)

    def _add_paragraph(self, block: Block, before, after) -> None:
        paragraph = self._paragraph("body")
        lead = block.lead
        if lead and lead.text and block.text.startswith(lead.text):
            level = min(max(lead.level, 1), 4)
            self._run(paragraph, lead.text, f"heading{level}",
                      style=self.word.styles[RUN_IN_STYLE.format(level=level)])
            rest = block.text[len(lead.text):]
            if rest:
                self._run(paragraph, rest, "body")
        else:
            self._run(paragraph, block.text, "body")

    def _add_table(self, block: Block, before, after) -> None:
        rows = [list(r) for r in block.rows if r] or [[block.text]]
        columns = max(len(r) for r in rows)
        table = self.word.add_table(rows=len(rows), cols=columns)
        table.style = self.word.styles[TABLE_STYLE]
        table.autofit = False
        width = Twips(mm_to_twips(self.profile.page.body_width_mm) // columns)
        text_style = self.word.styles[STYLE_NAMES["table"]]
        for r, row in enumerate(rows):
            header = r == 0 and len(rows) > 1  # the first row heads the table: repeated, kept with row 2
            oxml.set_row_flags(table.rows[r], header=header)
            for c in range(columns):
                cell = table.cell(r, c)
                cell.width = width
                paragraph = cell.paragraphs[0]
                paragraph.style = text_style
                if header:
                    paragraph.paragraph_format.keep_with_next = True
                if c < len(row) and row[c]:
                    self._run(paragraph, row[c], "table")

    def _add_attachments(self, block: Block, before, after) -> None:
        """附件说明 (7.3.4): one paragraph per attachment, placed by ``layout.attachments``."""
        for i, item in enumerate(attachment_items(block, self.profile)):
            paragraph = self._paragraph("attachments")
            if i > 0:  # only the first line of 附件说明 has the empty line above it
                oxml.set_exact_line_spacing(paragraph._p.get_or_add_pPr(), line_twips=self.pitch)
            oxml.set_hanging_indent(paragraph._p.get_or_add_pPr(), left_twips=pt_to_twips(item.name_pt),
                                    hanging_twips=pt_to_twips(item.name_pt - item.first_line_pt))
            self._run(paragraph, item.text, "attachments")

    def _add_signature(self, block: Block, before, after) -> None:
        paragraph = self._paragraph("signature", block.text)
        if after is not None and after.kind == "signature":
            paragraph.paragraph_format.keep_with_next = True  # joint issuers: every 署名 on the date's page
        if after is not None and after.kind == "date":
            place = place_signature_and_date(block.text, after.text, self.profile)
            oxml.set_right_indent(paragraph._p.get_or_add_pPr(), twips=pt_to_twips(place.signature_right))
            paragraph.paragraph_format.keep_with_next = True  # 署名 and 日期 on one page

    def _add_date(self, block: Block, before, after) -> None:
        paragraph = self._paragraph("date", block.text)
        if before is None or before.kind != "signature":
            return  # no 署名: the style's own right indent of 2 字
        place = place_signature_and_date(before.text, block.text, self.profile)
        ppr = paragraph._p.get_or_add_pPr()
        paragraph.alignment = _ALIGN["left"]
        oxml.set_left_indent(ppr, twips=pt_to_twips(place.date_left))
        oxml.set_right_indent(ppr, twips=0)

    def _add_attachment_title(self, block: Block, before, after) -> None:
        lines = break_title(block.text, title_max_chars(self.profile, "attachment_title"), block.lines)
        self._lines(self._paragraph("attachment_title"), "attachment_title", lines)


# ---------------------------------------------------------------- properties


def document_time(doc: Document) -> datetime:
    """The time written into the properties: the document's own date (metadata, else its 成文日期),
    else a fixed time — never the clock, so the same input gives the same file."""
    candidates = [doc.meta.date] + [b.text for b in doc.blocks if b.kind in ("date", "date_line")]
    for text in candidates:
        match = _DATE.search(text or "")
        if match:
            try:
                return datetime(*(int(g) for g in match.groups()), tzinfo=timezone.utc)
            except ValueError:
                continue
    return FIXED_TIME


def _set_properties(word, doc: Document) -> None:
    props = word.core_properties
    props.title = xml_safe(doc.title or "")
    props.author = xml_safe(doc.meta.author or doc.meta.org or "")
    props.last_modified_by = props.author
    props.comments = ""
    props.subject = ""
    props.keywords = ""
    props.category = ""
    props.language = LANG_EAST_ASIA
    props.revision = 1
    when = document_time(doc).replace(tzinfo=None)
    props.created = when
    props.modified = when
    app = word.part.package.part_related_by(RT.EXTENDED_PROPERTIES)
    oxml.replace_part_blob(app, oxml.app_properties_xml(company=xml_safe(doc.meta.org or "") or None, application=f"speechdoc {__version__}"))

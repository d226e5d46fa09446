"""The one module that touches raw WordprocessingML, behind helpers named for what they do.

python-docx has no API for East Asian fonts, character spacing, indents in character units,
outline levels, the document grid, PAGE fields, the font table, the theme's font scheme or
reproducible zip files; these helpers add them. Callers pass numbers already converted to the
units Word stores (twips, half-points, hundredths of a character); nothing here decides a size.
"""
from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

# Schema order of the children of w:rPr and w:pPr (ECMA-376 Part 1, 17.3.2.28 and 17.3.1.26): Word
# rejects or ignores properties out of order, so new children are inserted at their place.
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
              "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
              "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
              "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")
_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange")
_TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
                "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar",
                "tblLook", "tblCaption", "tblDescription")
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")

# The fixed time stamped into every zip entry (the earliest a zip can hold), so the same input
# gives the same bytes.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _child(parent, tag: str, order: tuple[str, ...]):
    """``parent``'s ``w:tag`` child, created at its schema position when missing."""
    found = parent.find(qn(f"w:{tag}"))
    if found is not None:
        return found
    element = OxmlElement(f"w:{tag}")
    later = {qn(f"w:{t}") for t in order[order.index(tag) + 1:]}
    for i, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(i, element)
            return element
    parent.append(element)
    return element


def add_body_paragraph(body, style_id: str):
    """A new ``w:p`` of style ``style_id`` at the end of ``body``, before its section properties.

    python-docx finds the ``w:sectPr`` by scanning every child for each new paragraph (quadratic: minutes
    for a 700-page text); this takes the last child, where a body keeps its ``w:sectPr``.
    """
    p = OxmlElement("w:p")
    last = next(body.iterchildren(reversed=True), None)  # len(body) would count every child
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(p)
    else:
        body.append(p)
    p.style = style_id
    return p


def _rpr_child(rpr, tag: str):
    return _child(rpr, tag, _RPR_ORDER)


def _ppr_child(ppr, tag: str):
    return _child(ppr, tag, _PPR_ORDER)


# ---------------------------------------------------------------- run properties


def set_fonts(rpr, *, east_asia: str, latin: str) -> None:
    """Fonts by role: hanzi in ``east_asia``, digits and Latin in ``latin``, and the East Asian hint so
    that the ambiguous “” ‘’ — … (which Word would otherwise give the Latin font) stay in the hanzi font."""
    fonts = _rpr_child(rpr, "rFonts")
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:hint"), "eastAsia")


def set_east_asian_hint(rpr) -> None:
    """Only the East Asian hint on a run: the fonts themselves stay with the style, so restyling works."""
    _rpr_child(rpr, "rFonts").set(qn("w:hint"), "eastAsia")


def keep_punctuation_chinese(rpr, east_asian_font: str) -> None:
    """A run of “”‘’—… set in ``east_asian_font`` whichever font slot a program picks for it.

    Only w:ascii and w:hAnsi are written (with the hint); w:eastAsia stays with the style. Word and WPS
    take these characters from the East Asian slot (the hint), so there changing the paragraph's style
    still changes their font. LibreOffice, which ignores the hint and may use the Latin slot, gets the
    Chinese font from it. The trade-off: after a restyle in LibreOffice (not Word/WPS), these few
    characters keep the old role's face until the run's font is cleared (Ctrl+M / 清除格式).
    """
    fonts = _rpr_child(rpr, "rFonts")
    fonts.set(qn("w:ascii"), east_asian_font)
    fonts.set(qn("w:hAnsi"), east_asian_font)
    fonts.set(qn("w:hint"), "eastAsia")


def set_size(rpr, half_points: int) -> None:
    _rpr_child(rpr, "sz").set(qn("w:val"), str(half_points))
    _rpr_child(rpr, "szCs").set(qn("w:val"), str(half_points))


def set_character_spacing(rpr, twips: int) -> None:
    """Tracking added after every character (w:spacing in twentieths of a point; negative condenses)."""
    _rpr_child(rpr, "spacing").set(qn("w:val"), str(twips))


def set_bold(rpr, bold: bool) -> None:
    for tag in ("b", "bCs"):
        _rpr_child(rpr, tag).set(qn("w:val"), "1" if bold else "0")


def set_language(rpr, latin: str, east_asia: str) -> None:
    lang = _rpr_child(rpr, "lang")
    lang.set(qn("w:val"), latin)
    lang.set(qn("w:eastAsia"), east_asia)


# ---------------------------------------------------------------- paragraph properties


def set_first_line_indent(ppr, *, chars_hundredths: int, twips: int) -> None:
    """A first-line indent in character units (Word keeps it right when the font size changes) with the
    same indent in twips for readers that ignore character units (LibreOffice 7.4)."""
    ind = _ppr_child(ppr, "ind")
    ind.set(qn("w:firstLineChars"), str(chars_hundredths))
    ind.set(qn("w:firstLine"), str(twips))


def set_hanging_indent(ppr, *, left_twips: int, hanging_twips: int) -> None:
    """Wrapped lines start at ``left``; the first line starts ``hanging`` before it.

    firstLineChars="0" and leftChars="0" are written, not left out: each w:ind attribute is inherited on its
    own, and Word and WPS give a style's character-unit indent (Body Text's firstLineChars="200") precedence
    over this paragraph's twips, so without them the first line would start 2 字 in instead of hanging.
    """
    ind = _ppr_child(ppr, "ind")
    for attr in ("firstLine", "hangingChars"):
        ind.attrib.pop(qn(f"w:{attr}"), None)
    ind.set(qn("w:left"), str(left_twips))
    ind.set(qn("w:leftChars"), "0")
    ind.set(qn("w:hanging"), str(hanging_twips))
    ind.set(qn("w:firstLineChars"), "0")


def set_right_indent(ppr, *, twips: int, chars_hundredths: int = 0) -> None:
    """A right indent in twips; ``chars_hundredths`` = 0 writes rightChars="0", which tells Word to use
    the twips even where the style gives the indent in characters."""
    ind = _ppr_child(ppr, "ind")
    ind.set(qn("w:right"), str(twips))
    ind.set(qn("w:rightChars"), str(chars_hundredths))


def set_left_indent(ppr, *, twips: int) -> None:
    """A left indent in twips and no first-line indent (leftChars="0" and firstLineChars="0" tell Word
    to ignore the style's character-unit indents)."""
    ind = _ppr_child(ppr, "ind")
    for attr in ("hanging", "hangingChars"):
        ind.attrib.pop(qn(f"w:{attr}"), None)
    ind.set(qn("w:left"), str(twips))
    ind.set(qn("w:leftChars"), "0")
    ind.set(qn("w:firstLine"), "0")
    ind.set(qn("w:firstLineChars"), "0")


def set_side_indent(ppr, *, side: str, twips: int, chars_hundredths: int) -> None:
    """An indent from the ``left`` or ``right`` margin, in character units and in twips."""
    ind = _ppr_child(ppr, "ind")
    ind.set(qn(f"w:{side}"), str(twips))
    ind.set(qn(f"w:{side}Chars"), str(chars_hundredths))


def set_snap_to_grid(ppr, on: bool) -> None:
    """Whether the paragraph's lines snap to the document grid."""
    _ppr_child(ppr, "snapToGrid").set(qn("w:val"), "1" if on else "0")


def set_hanging_punctuation(ppr, on: bool) -> None:
    """Whether closing punctuation may hang past the line's end (w:overflowPunct)."""
    _ppr_child(ppr, "overflowPunct").set(qn("w:val"), "1" if on else "0")


def set_auto_space(ppr, on: bool) -> None:
    """Word's automatic gaps between hanzi and Latin letters (autoSpaceDE) or digits (autoSpaceDN)."""
    _ppr_child(ppr, "autoSpaceDE").set(qn("w:val"), "1" if on else "0")
    _ppr_child(ppr, "autoSpaceDN").set(qn("w:val"), "1" if on else "0")


def set_outline_level(ppr, level: int) -> None:
    """Outline level 1–9 (stored 0-based): the navigation pane and a table of contents use it."""
    _ppr_child(ppr, "outlineLvl").set(qn("w:val"), str(level - 1))


def set_exact_line_spacing(ppr, *, line_twips: int, before_twips: int = 0, after_twips: int = 0) -> None:
    spacing = _ppr_child(ppr, "spacing")
    for attr in ("beforeLines", "afterLines", "beforeAutospacing", "afterAutospacing"):
        spacing.attrib.pop(qn(f"w:{attr}"), None)
    spacing.set(qn("w:before"), str(before_twips))
    spacing.set(qn("w:after"), str(after_twips))
    spacing.set(qn("w:line"), str(line_twips))
    spacing.set(qn("w:lineRule"), "exact")


# ---------------------------------------------------------------- styles part


def reset_doc_defaults(styles_element, *, east_asia: str, latin: str, half_points: int,
                       lang_latin: str, lang_east_asia: str) -> None:
    """Document defaults with explicit fonts (no theme fonts), the body size and no paragraph spacing."""
    for old in styles_element.findall(qn("w:docDefaults")):
        styles_element.remove(old)
    defaults = parse_xml(
        f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr/></w:rPrDefault>"
        f"<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
        f"</w:pPrDefault></w:docDefaults>")
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, east_asia=east_asia, latin=latin)
    set_size(rpr, half_points)
    set_language(rpr, lang_latin, lang_east_asia)
    styles_element.insert(0, defaults)


def remove_styles_except(styles_element, keep_ids: set[str]) -> None:
    """Drop the template's own styles (they carry theme fonts and colours) except ``keep_ids``."""
    for style in styles_element.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in keep_ids:
            styles_element.remove(style)


def remove_theme_font_references(element) -> None:
    """Strip every asciiTheme/hAnsiTheme/eastAsiaTheme/cstheme attribute below ``element``."""
    for fonts in element.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            fonts.attrib.pop(qn(f"w:{attr}"), None)


def _fresh_tblpr_child(style_element, tag: str):
    """An empty ``w:tag`` in the style's w:tblPr, replacing any old one, at its schema position."""
    tblpr = style_element.find(qn("w:tblPr"))
    if tblpr is None:
        tblpr = OxmlElement("w:tblPr")
        style_element.append(tblpr)
    for old in tblpr.findall(qn(f"w:{tag}")):
        tblpr.remove(old)
    return _child(tblpr, tag, _TBLPR_ORDER)


def add_table_grid_borders(style_element, *, size_eighths: int) -> None:
    """Single black borders round and inside every cell of a table style."""
    borders = _fresh_tblpr_child(style_element, "tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(parse_xml(f'<w:{edge} {nsdecls("w")} w:val="single" w:sz="{size_eighths}" w:space="0" '
                                 f'w:color="000000"/>'))


def set_cell_margins(style_element, *, top: int, bottom: int, left: int, right: int) -> None:
    margins = _fresh_tblpr_child(style_element, "tblCellMar")
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        margins.append(parse_xml(f'<w:{side} {nsdecls("w")} w:w="{value}" w:type="dxa"/>'))


def set_row_flags(row, *, header: bool) -> None:
    """A table row (python-docx _Row) that is never split over two pages; a header row repeats on each
    page the table runs over."""
    trpr = row._tr.get_or_add_trPr()
    for tag in ("cantSplit", "tblHeader"):
        for old in trpr.findall(qn(f"w:{tag}")):
            trpr.remove(old)
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


# ---------------------------------------------------------------- section, settings, fields


def set_line_grid(sect_pr, *, line_pitch_twips: int) -> None:
    """A line-only document grid (Word: 只指定行网格)."""
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.attrib.pop(qn("w:charSpace"), None)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(line_pitch_twips))


def set_east_asian_theme_language(settings_element, lang_east_asia: str) -> None:
    lang = settings_element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), lang_east_asia)


def set_compatibility_mode(settings_element, mode: int) -> None:
    """Word's layout compatibility mode (15 = Word 2013 and later: no “compatibility mode” banner)."""
    for setting in settings_element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), str(mode))


def remove_revision_ids(settings_element) -> None:
    """The template's w:rsids and w14:docId identify the template's editing sessions, not this file."""
    for tag in ("w:rsids",):
        for old in settings_element.findall(qn(tag)):
            settings_element.remove(old)
    for old in settings_element.findall("{http://schemas.microsoft.com/office/word/2010/wordml}docId"):
        settings_element.remove(old)


def append_page_field(paragraph, *, prefix: str, suffix: str, placeholder: str = "1") -> None:
    """``prefix`` + a PAGE field + ``suffix`` as runs of ``paragraph`` (a python-docx Paragraph).

    The field is a complex field with a cached result, which Word and LibreOffice both update.
    """
    def run_with(*children):
        run = paragraph.add_run()
        set_east_asian_hint(run._r.get_or_add_rPr())
        for child in children:
            run._r.append(child)
        return run

    paragraph.add_run(prefix)
    run_with(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
    run_with(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>'))
    run_with(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>'))
    run_with(parse_xml(f'<w:t {nsdecls("w")}>{escape(placeholder)}</w:t>'))
    run_with(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))
    paragraph.add_run(suffix)


# ---------------------------------------------------------------- other parts


def font_table_xml(fonts: list[tuple[str, str | None, bool]]) -> bytes:
    """A font table naming each font; ``(name, alternative name, is East Asian)``.

    ``w:altName`` is the name Word and WPS try when the named font is missing (仿宋_GB2312 → 仿宋), and
    charset 86 (GB2312) tells them the font is Chinese.
    """
    entries = []
    for name, alt, east_asian in fonts:
        alt_xml = f'<w:altName w:val="{escape(alt)}"/>' if alt and alt != name else ""
        charset = "86" if east_asian else "00"
        family = "modern" if east_asian else "roman"
        pitch = "fixed" if east_asian else "variable"
        entries.append(f'<w:font w:name="{escape(name)}">{alt_xml}<w:charset w:val="{charset}"/>'
                       f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>')
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f"<w:fonts {nsdecls('w', 'r')}>{''.join(entries)}</w:fonts>").encode("utf-8")


def neutral_theme_fonts(theme_xml: bytes, *, major_latin: str, major_east_asia: str,
                        minor_latin: str, minor_east_asia: str) -> bytes:
    """The theme with its font scheme replaced: Word's “theme fonts” (+标题 / +正文) become the official
    fonts instead of Calibri/等线, so even a style Word adds later from its built-in list looks right."""
    text = theme_xml.decode("utf-8")

    def scheme(tag: str, latin: str, east_asia: str) -> str:
        return (f'<a:{tag}><a:latin typeface="{escape(latin)}"/><a:ea typeface="{escape(east_asia)}"/>'
                f'<a:cs typeface=""/><a:font script="Hans" typeface="{escape(east_asia)}"/></a:{tag}>')

    text, n_major = re.subn(r"<a:majorFont>.*?</a:majorFont>", lambda _: scheme("majorFont", major_latin,
                            major_east_asia), text, flags=re.S)
    text, n_minor = re.subn(r"<a:minorFont>.*?</a:minorFont>", lambda _: scheme("minorFont", minor_latin,
                            minor_east_asia), text, flags=re.S)
    if n_major != 1 or n_minor != 1:
        raise ValueError("the template's theme has no font scheme to replace")
    return text.encode("utf-8")


def app_properties_xml(*, company: str | None, application: str) -> bytes:
    """Extended properties: the application name and the organisation (Word's 单位 / Company)."""
    company_xml = f"<Company>{escape(company)}</Company>" if company else ""
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"<Application>{escape(application)}</Application>{company_xml}</Properties>").encode("utf-8")


def replace_part_blob(part, blob: bytes) -> None:
    """Set the bytes of a part python-docx keeps as an opaque blob (theme, font table, app.xml)."""
    part._blob = blob  # python-docx has no public setter for a generic part's content


def drop_relationships(source, reltypes: tuple[str, ...]) -> None:
    """Forget ``source``'s relationships of these types (and so their parts, unless used elsewhere)."""
    for rid, rel in list(source.rels.items()):
        if rel.reltype in reltypes:
            source.rels.pop(rid)


def reproducible_zip(data: bytes) -> bytes:
    """The same package with fixed entry dates and attributes: identical input gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            dst.writestr(entry, src.read(info.filename), compresslevel=6)
    return out.getvalue()

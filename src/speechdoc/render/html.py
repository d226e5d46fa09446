"""Model → HTML + CSS for WeasyPrint, through the Jinja2 templates in ``templates/``.

Every number of the CSS comes from the style profile; the document's text goes only into the HTML, escaped by
Jinja2's autoescape. Each block kind has one key (``heading1``, ``body``, ``title`` …) that names its profile
table and its CSS class.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .. import user_cache
from ..fonts import LATIN_RANGE, FontSet, RoleFonts, advance_em
from ..layout.attachments import attachment_items
from ..layout.title import break_title
from ..model import Block, Document
from ..resources import data_dir
from ..style.profile import BlockStyle, Profile
from ..style.units import mm_to_pt
from .linebreak import break_lines, spread

HTML_TEMPLATE = "document.html.j2"
CSS_TEMPLATE = "gbt9704.css.j2"
TITLE_GROUP = ("title", "doc_number", "subtitle", "speaker", "date_line")  # the title block and speech front matter
LATIN_FAMILY = "speechdoc-latin-{n}"  # one @font-face per file: each rule costs WeasyPrint a font copy + reload
FACE_FAMILY = "speechdoc-face-{n}"


@dataclass
class BlockView:
    """What the template needs for one block."""

    key: str
    lines: list[str] = field(default_factory=list)
    extra: str = ""  # extra CSS classes (each starting with a space)
    lead: str = ""
    lead_key: str = ""
    style: str = ""  # computed indents only (numbers), never text
    rows: tuple = ()
    items: list[dict] = field(default_factory=list)
    set_lines: list[dict] = field(default_factory=list)  # lines broken by linebreak.py: spacing + fragments
    bookmark: str = ""  # the PDF outline entry's text (title and headings)


# ---------------------------------------------------------------- templates


def css_string(value: str) -> str:
    """A CSS string literal; quotes, backslashes and newlines escaped."""
    out = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{out}"'


def environment() -> jinja2.Environment:
    """The templates' environment; compiled templates are kept in the per-user cache (~30 ms of a cold start)."""
    compiled = user_cache.folder("templates")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(compiled)) if compiled else None,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=True,
                                            default=False),  # the CSS template gets numbers and font names only
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["css_string"] = css_string
    return env


_ENV: jinja2.Environment | None = None


def _env() -> jinja2.Environment:
    global _ENV
    if _ENV is None:
        _ENV = environment()
    return _ENV


# ---------------------------------------------------------------- fonts → CSS


def _loaded_faces(fontset: FontSet) -> tuple[list, list]:
    """The Latin files and the (file, index) faces loaded through ``@font-face``, in a stable order."""
    latin, faces = [], []
    for role in fontset.roles.values():
        if role.latin and role.latin.file not in latin:
            latin.append(role.latin.file)
        for face in role.faces:
            if face.needs_font_face and (face.file, face.index) not in faces:
                faces.append((face.file, face.index))
    return latin, faces


def font_faces(fontset: FontSet) -> list[dict]:
    """``@font-face`` rules: the Latin faces (ASCII only) and the faces loaded from their files."""
    latin, faces = _loaded_faces(fontset)
    rules = [{"family": LATIN_FAMILY.format(n=n), "url": Path(file).as_uri(),
              "unicode_range": f"U+{LATIN_RANGE[0]:04X}-{LATIN_RANGE[1]:04X}"} for n, file in enumerate(latin)]
    rules += [{"family": FACE_FAMILY.format(n=n), "url": Path(file).as_uri(), "unicode_range": None}
              for n, (file, _index) in enumerate(faces)]
    return rules


def font_stack(fontset: FontSet, role: RoleFonts, *, with_latin: bool = True) -> str:
    """The role's CSS font-family list: its Latin face (ASCII only) first, then its CJK faces."""
    latin, faces = _loaded_faces(fontset)
    names = [LATIN_FAMILY.format(n=latin.index(role.latin.file))] if role.latin and with_latin else []
    for face in role.faces:
        names.append(FACE_FAMILY.format(n=faces.index((face.file, face.index))) if face.needs_font_face
                     else face.family)
    return ", ".join(css_string(n) for n in names)


# ---------------------------------------------------------------- profile → CSS


def char_pt(profile: Profile, size_pt: float) -> float:
    """One 字 of a block: its glyph size plus the grid's tracking."""
    return size_pt + profile.page.char_spacing_pt


def _style(profile: Profile, fontset: FontSet, s: BlockStyle) -> dict:
    role = fontset.role(s.role)
    pitch = profile.page.line_pitch_pt
    return {
        "key": s.key, "family": font_stack(fontset, role), "size_pt": s.size_pt,
        "weight": 700 if s.bold else role.primary.weight,
        "align": s.align, "indent_pt": round(s.first_line_indent_chars * char_pt(profile, s.size_pt), 3),
        "right_pt": round(s.right_indent_chars * char_pt(profile, s.size_pt), 3),
        "before_pt": round(s.space_before_lines * pitch, 3), "after_pt": round(s.space_after_lines * pitch, 3),
        "page_break_before": s.page_break_before,
        "bookmark_level": _bookmark_level(s),
    }


def _bookmark_level(s: BlockStyle) -> int | None:
    if s.key == "title":
        return 1
    if s.outline_level:
        return s.outline_level + 1
    return None


def render_css(profile: Profile, fontset: FontSet) -> str:
    page, number = profile.page, profile.page_number
    body = profile.block("body")
    number_role = fontset.role(number.role)
    inset = round(number.inset_chars * number.size_pt, 3)
    sides = {
        "outside": [("right", "right", "right"), ("left", "left", "left")],
        "right": [("right", "right", "right"), ("left", "right", "right")],
        "left": [("right", "left", "left"), ("left", "left", "left")],
        "center": [("right", "center", "center"), ("left", "center", "center")],
    }[number.align]
    boxes = [{"page": p, "box": b, "align": a, "inset_pt": inset if a != "center" else 0} for p, b, a in sides]
    return _env().get_template(CSS_TEMPLATE).render(
        font_faces=font_faces(fontset),
        page={"width_mm": page.width_mm, "height_mm": page.height_mm, "top_mm": page.top_mm,
              "right_mm": round(page.right_mm, 3), "bottom_mm": round(page.bottom_mm, 3), "left_mm": page.left_mm},
        # 7.5: 半角宋体阿拉伯数字 — the digits in the Song face itself, not the Latin one (as in the .docx)
        number={"dash": number.dash, "family": font_stack(fontset, number_role, with_latin=False),
                "size_pt": number.size_pt,
                "below_body_mm": number.below_body_mm},
        number_boxes=boxes,
        body_size_pt=body.size_pt,
        line_pitch_pt=page.line_pitch_pt,
        char_spacing_pt=page.char_spacing_pt,
        styles=[_style(profile, fontset, s) for s in profile.blocks.values()],
        title_after_pt=round(profile.block("title").space_after_lines * page.line_pitch_pt, 3),
        table={"cell_padding_pt": round(profile.block("table").cell_padding_chars
                                        * profile.block("table").size_pt, 3)},
    )


# ---------------------------------------------------------------- model → views


def title_chars(profile: Profile, key: str = "title") -> int:
    """How many title-size characters fit the 版心 width (20 for 22 pt)."""
    return math.floor(mm_to_pt(profile.page.body_width_mm) / char_pt(profile, profile.block(key).size_pt) + 1e-6)


def text_width_chars(text: str) -> float:
    """Width of ``text`` in 字: printable ASCII (digits in the Latin face) counts as half a 字."""
    return sum(0.5 if LATIN_RANGE[0] <= ord(c) <= LATIN_RANGE[1] else 1.0 for c in text)


def closing_indents(profile: Profile, signature: str, date: str) -> tuple[float, float]:
    """Right indents (in 字) of 署名 and 成文日期 without a seal (GB/T 9704 7.3.5.2).

    The 署名 is right-indented 2 字 and the date starts 2 字 right of the 署名's first character; when the
    date is too long for that, the date is right-indented 2 字 and the 署名 moves left.
    """
    sig_right = profile.block("signature").right_indent_chars
    date_right = profile.block("date").right_indent_chars
    offset = profile.block("date").offset_from_signature_chars
    sig_w, date_w = text_width_chars(signature), text_width_chars(date)
    aligned_date_right = sig_right + sig_w - offset - date_w
    if aligned_date_right >= date_right:
        return sig_right, aligned_date_right
    return date_right + date_w + offset - sig_w, date_right


def set_lines(profile: Profile, fontset: FontSet, key: str, text: str, lead_len: int = 0,
              lead_key: str | None = None, starts: tuple[float, float] | None = None) -> list[dict]:
    """``text`` broken into the lines of block ``key`` (禁则, hanging punctuation, full lines spread).

    ``starts``: where the first line and the next ones start (pt from the 版心's left edge), when not at the
    block's own first-line indent and 0.
    """
    style = profile.block(key)
    cell = char_pt(profile, style.size_pt)
    tracking = profile.page.char_spacing_pt
    width = mm_to_pt(profile.page.body_width_mm) - style.right_indent_chars * cell
    first_at, rest_at = starts or (style.first_line_indent_chars * cell, 0.0)
    first, rest = width - first_at, width - rest_at
    role = fontset.role(style.role)
    lead_role = fontset.role(profile.block(lead_key).role) if lead_key else role
    text = text.translate(_ONE_LINE)
    widths = [em * style.size_pt + tracking for em in _advances(text, lead_len, role, lead_role)]
    out = []
    for n, line in enumerate(break_lines(text, widths, first, rest)):
        measure = first if n == 0 else rest
        # a full line ends on the grid's last whole 字; lines that start off the grid (``starts``) at the edge
        target = measure if starts else math.floor(measure / cell + 1e-6) * cell
        extra = spread(line, target, line.inside)
        frags = []
        if line.start < lead_len:
            frags.append({"lead": True, "text": text[line.start:min(line.end, lead_len)]})
        if line.end > lead_len:
            frags.append({"lead": False, "text": text[max(line.start, lead_len):line.end]})
        out.append({"spacing": round(tracking + extra, 4) if extra else None, "frags": frags})
    return out


# Characters that would break or tab a line that speechdoc has already set (the lines are `white-space: pre`):
# printed as a space, as WeasyPrint would print them in running text.
_ONE_LINE = str.maketrans({c: " " for c in "\t\n\r\v\f\x85\u2028\u2029"})


def _advances(text: str, lead_len: int, role, lead_role) -> list[float]:
    """Each character's advance in ems, in the face that will set it.

    A space is set by Pango in the face of a neighbour, not always the Latin one: measured with WeasyPrint 70, a
    space next to a Latin-face character (a letter or digit before it, a digit after it) is the Latin face's
    space; a space after a hanzi, before a letter or another hanzi, is the CJK face's (wider) space; a space
    with nothing before it takes the face of what follows.
    """
    out = []
    for i, c in enumerate(text):
        r = lead_role if i < lead_len else role
        out.append(advance_em(r, c, c == " " and _space_in_cjk_face(text, i)))
    return out


def _space_in_cjk_face(text: str, i: int) -> bool:
    b = i - 1
    while b >= 0 and text[b] == " ":
        b -= 1
    a = i + 1
    while a < len(text) and text[a] == " ":
        a += 1
    after = text[a] if a < len(text) else ""
    if b < 0:  # the face of what follows
        return bool(after) and not _latin_face(after)
    if _latin_face(text[b]):
        return False
    return not (after.isascii() and after.isdigit())


def _latin_face(c: str) -> bool:
    return LATIN_RANGE[0] <= ord(c) <= LATIN_RANGE[1]


def _lead_view(profile: Profile, block: Block, view: BlockView) -> None:
    lead = block.lead
    if (lead is None or not lead.text or not block.text.startswith(lead.text)
            or f"heading{lead.level}" not in profile.blocks):
        view.lines = [block.text]
        return
    view.lead = lead.text
    view.lead_key = f"heading{lead.level}"
    view.lines = [block.text[len(lead.text):]]


def _attachments_view(block: Block, profile: Profile, fontset: FontSet | None) -> BlockView:
    """附件说明: one paragraph per attachment, placed by ``layout.attachments`` as in the .docx."""
    view = BlockView("attachments")
    for item in attachment_items(block, profile):
        starts = (item.first_line_pt, item.name_pt)
        view.items.append({
            "style": f"margin-left: {round(item.name_pt, 3)}pt; "
                     f"text-indent: {round(item.first_line_pt - item.name_pt, 3)}pt",
            "text": item.text,
            "set_lines": set_lines(profile, fontset, "attachments", item.text, starts=starts) if fontset else [],
        })
    return view


def block_views(doc: Document, profile: Profile, fontset: FontSet | None = None) -> list[BlockView]:
    views: list[BlockView] = []
    blocks = list(doc.blocks)
    for i, block in enumerate(blocks):
        key = profile.key_for(block.kind, block.level)
        if key not in profile.blocks:
            key = "body"
        if block.kind == "attachments":
            views.append(_attachments_view(block, profile, fontset))
            continue
        view = BlockView(key)
        if block.kind in ("title", "attachment_title"):
            view.lines = break_title(block.text, title_chars(profile, key), block.lines)
        elif block.kind == "table":
            view.rows = block.rows
        elif block.kind == "paragraph":
            _lead_view(profile, block, view)
        else:
            view.lines = [block.text]
        if fontset is not None and profile.block(key).align == "justify" and view.lines:
            text = view.lead + "".join(view.lines)
            view.set_lines = set_lines(profile, fontset, key, text, len(view.lead), view.lead_key or None)
            view.extra += " set"
        if _bookmark_level(profile.block(key)) and view.lines:
            view.bookmark = view.lead + "".join(view.lines)
        views.append(view)
    _title_group(blocks, views)
    _closing(profile, blocks, views)
    return views


def _title_group(blocks: list[Block], views: list[BlockView]) -> None:
    """The title's space after goes below the whole title block (title + speech front matter)."""
    start = next((i for i, b in enumerate(blocks) if b.kind == "title"), None)
    if start is None:
        return
    end = start
    while end + 1 < len(blocks) and blocks[end + 1].kind in TITLE_GROUP and blocks[end + 1].kind != "title":
        end += 1
    if end > start:
        views[start].extra += " space-after-0"
        views[end].extra += " title-group-end"


def _closing(profile: Profile, blocks: list[Block], views: list[BlockView]) -> None:
    """署名 and 成文日期 placed as a pair (7.3.5.2); the 署名 lines (several for joint issuers) stay on the
    date's page."""
    for i, block in enumerate(blocks):
        following = blocks[i + 1].kind if i + 1 < len(blocks) else None
        if block.kind != "signature" or following not in ("signature", "date"):
            continue
        if following == "date":
            sig_right, date_right = closing_indents(profile, block.text, blocks[i + 1].text)
            size = profile.block("signature").size_pt
            views[i].style = f"margin-right: {round(sig_right * char_pt(profile, size), 3)}pt; "
            views[i + 1].style = f"margin-right: {round(date_right * char_pt(profile, size), 3)}pt"
        views[i].style += "break-after: avoid"


def document_meta(doc: Document, created: str | None = None) -> dict:
    return {"title": doc.title or doc.meta.title or "", "author": doc.meta.author or doc.meta.org or "",
            "org": doc.meta.org or "", "created": created}


def render_html(doc: Document, profile: Profile, fontset: FontSet | None = None, *,
                created: str | None = None) -> str:
    """The document as an HTML page (the CSS comes separately, from ``render_css``).

    With ``fontset``, justified blocks are broken into lines here (see linebreak.py); without, WeasyPrint
    breaks them.
    """
    return _env().get_template(HTML_TEMPLATE).render(blocks=block_views(doc, profile, fontset),
                                                     meta=document_meta(doc, created))

"""Read a Markdown draft (``.md``) into pasted-text lines with hints.

Parsed with markdown-it-py (CommonMark + tables), never with regexes:

* ``#`` is the title; ``##``–``#####`` are heading levels 1–4. A heading whose text already
  carries a marker (一、 （一） 1. （1）) keeps it and the marker decides its level; one without
  gets the marker written in (一、 （一） 1. （1）, counted per level, reported as an edit: see
  ``heading_numbers``, which the Word reader shares).
* YAML front matter supplies title, subtitle, speaker, date, salutation, issuer, attachments
  and author (see ``front_matter``).
* Emphasis, links and inline code become plain text; a warning names what was lost (a link's
  address, that a passage was bold). Images cannot be carried and are reported.
* Ordered list items keep their numbers (``1.``), so the text matchers see them as written, and
  the items of one list are classified alike (``list_items``); bullet items become plain paragraphs. Tables become table blocks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..errors import Diagnostic
from ..model import Edit, Meta
from ..parse.matchers import is_signature_shape, match_date_line
from .front_matter import FrontMatter, split_front_matter
from .heading_numbers import is_attachment_page_label, number_headings
from .list_items import items_alike
from .numerals import has_own_number, marker_level
from .source import Hint, SourceDocument, SourceLine, table_line
from .text import read_text

_ATX_OPENING = re.compile(r"^\s*(?:#{1,6}\s+)?")
_BR_TAG = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
_ATTACHMENT_ITEM = re.compile(r"^\d{1,2}\s*[.．、]\s*\S")  # ``2. 分组名单``
_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")
_LEADS_INTO_DATE = tuple("于在至到从自的为")  # ``会议定于`` / ``2024年5月1日``: one sentence broken before its date
_SOFT_BREAK = "\0"  # markdown-it turns NUL in the input into U+FFFD, so NUL is free as a marker


def read_markdown(path: str | Path, encoding: str | None = None) -> SourceDocument:
    src = read_text(path, encoding)
    return markdown_document(src.text, path=src.path, encoding=src.encoding)


def markdown_document(text: str, *, path: str | None = None, encoding: str | None = None) -> SourceDocument:
    source_lines = text.splitlines()
    front = split_front_matter(source_lines)
    body = "\n".join(source_lines[front.body_start:])
    # Link reference definitions (``[1]: …``) would vanish from the token stream with their text, and a
    # Chinese draft's ``[1]:一…`` is text: keep them as paragraphs.
    tokens = MarkdownIt("commonmark").enable("table").disable("reference").parse(body)
    walker = _Walker(offset=front.body_start, source=source_lines)
    walker.walk(tokens)
    body_lines, edits = number_headings(walker.lines, column=lambda line: _text_column(source_lines, line.origin))
    lines = _assemble(front, body_lines, body_has_title=walker.title is not None)
    meta = Meta(title=front.get("title") or walker.title, author=front.get("author"))
    edits = sorted(walker.edits + edits, key=lambda e: (e.line or 0, e.column))
    return SourceDocument(path=path, format="markdown", lines=tuple(lines), encoding=encoding, edits=tuple(edits),
                          warnings=front.warnings + tuple(walker.warnings), meta=meta)


def _text_column(source_lines: list[str], origin: int | None) -> int:
    """The 1-based column where a heading's text starts in its source line (after ``## ``)."""
    if origin is None or not 0 < origin <= len(source_lines):
        return 1
    return _ATX_OPENING.match(source_lines[origin - 1]).end() + 1


def _assemble(front: FrontMatter, body: list[SourceLine], *, body_has_title: bool) -> list[SourceLine]:
    """Front-matter lines around the body; the closing lines go before any attachment pages.
    A ``#`` title in the body is the title; the front matter's then only names the file's properties."""
    end = next((i for i, line in enumerate(body) if is_attachment_page_label(line.text)), len(body))
    return front.head_lines(with_title=not body_has_title) + body[:end] + front.tail_lines() + body[end:]


@dataclass
class _List:
    ordered: bool
    number: int
    items: list[int] = field(default_factory=list)  # index in the lines of each item's numbered line


@dataclass
class _Walker:
    """Walks the block tokens once, writing lines; keeps the list state."""

    offset: int
    source: list[str] = field(default_factory=list)  # the file's lines, for the columns of edits
    lines: list[SourceLine] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    title: str | None = None
    lists: list[_List] = field(default_factory=list)
    item_prefix: str = ""

    def walk(self, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            i = self._block(tokens, i)

    def _block(self, tokens: list[Token], i: int) -> int:
        tok = tokens[i]
        line = self._line_of(tok)
        if tok.type == "heading_open":
            self._heading(int(tok.tag[1]), tokens[i + 1], line)
            return i + 3
        if tok.type == "paragraph_open":
            self._paragraph(tokens[i + 1], line)
            return i + 3
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            start = int(tok.attrGet("start") or 1)
            self.lists.append(_List(tok.type == "ordered_list_open", start - 1))
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            self._close_list(self.lists.pop())
        elif tok.type == "list_item_open":
            self._list_item(tok)
        elif tok.type == "table_open":
            return self._table(tokens, i, line)
        elif tok.type in ("fence", "code_block"):
            self._code(tok, line)
        elif tok.type == "html_block":
            self._html_block(tok, line)
        return i + 1

    def _line_of(self, tok: Token) -> int | None:
        return tok.map[0] + 1 + self.offset if tok.map else None

    # ------------------------------------------------------------ blocks

    def _heading(self, depth: int, inline: Token, line: int | None) -> None:
        text = self._inline_text(inline, line)
        if depth == 1 and self.lines and is_attachment_page_label(self.lines[-1].text):
            self.lines.append(SourceLine(text, line, Hint("attachment_title")))
            return
        if depth == 1 and self.title is None:
            self.title = text
            self.lines.append(SourceLine(text, line, Hint("title")))
            return
        if depth > 5:
            self._warn(line, f"heading level {depth} (`{'#' * depth}`) is deeper than the four official levels; "
                             "it is set as level 4")
        # A written marker (（一） 1.) decides the level; the number of one without is written in later
        # (``heading_numbers``), for Word's headings the same way.
        level = (None if has_own_number(text) else marker_level(text)) or min(max(depth - 1, 1), 4)
        self.lines.append(SourceLine(text, line, Hint("heading", level=level)))

    def _paragraph(self, inline: Token, line: int | None) -> None:
        prefix, self.item_prefix = self.item_prefix, ""
        if prefix and self.lists:
            self.lists[-1].items.append(len(self.lines))
        for n, text in enumerate(self._inline_lines(inline, line)):
            self.lines.append(SourceLine((prefix if n == 0 else "") + text, None if line is None else line + n))

    def _list_item(self, tok: Token) -> None:
        current = self.lists[-1] if self.lists else None
        if current is None or not current.ordered:
            self.item_prefix = ""
            return
        current.number += 1
        nested = sum(1 for lst in self.lists if lst.ordered) > 1
        self.item_prefix = f"（{current.number}）" if nested else f"{current.number}."
        typed = f"{tok.info}{tok.markup}"
        if tok.info and typed != self.item_prefix:  # ``1. 1. 1.`` counted on, ``1)`` or a nested list rewritten
            line = self._line_of(tok)
            raw = self.source[line - 1] if line is not None and 0 < line <= len(self.source) else ""
            self.edits.append(Edit(line, raw.find(typed) + 1 if typed in raw else 1, typed, self.item_prefix,
                                   "list-number"))

    def _close_list(self, closed: _List) -> None:
        """The items of one ordered list are classified alike (``list_items``)."""
        if not closed.items:
            return
        first = closed.items[0]
        before = next((line for line in reversed(self.lines[:first]) if line.text.strip()), None)
        for index, item in zip(closed.items, items_alike([self.lines[i] for i in closed.items], before)):
            self.lines[index] = item

    def _table(self, tokens: list[Token], i: int, line: int | None) -> int:
        rows: list[tuple[str, ...]] = []
        row: list[str] = []
        while tokens[i].type != "table_close":
            tok = tokens[i]
            if tok.type == "tr_open":
                row = []
            elif tok.type == "inline":
                row.append(self._inline_text(tok, self._line_of(tok)))
            elif tok.type == "tr_close":
                rows.append(tuple(row))
            i += 1
        self.lines.append(table_line(tuple(rows), line))
        return i + 1

    def _code(self, tok: Token, line: int | None) -> None:
        self._warn(line, "a code block is set as plain paragraphs", "official documents have no code blocks")
        for n, text in enumerate(tok.content.rstrip("\n").split("\n")):
            if text.strip():
                self.lines.append(SourceLine(text, None if line is None else line + 1 + n))

    def _html_block(self, tok: Token, line: int | None) -> None:
        lines = _html_lines(tok.content, line)
        if lines:
            self._warn(line, "raw HTML in the Markdown: only its text (and tables) are kept")
        self.lines.extend(lines)

    # ------------------------------------------------------------ inline

    def _inline_text(self, inline: Token, line: int | None) -> str:
        return "".join(self._inline_lines(inline, line))

    def _inline_lines(self, inline: Token, line: int | None) -> list[str]:
        """The inline content as text lines: soft breaks join, hard breaks (and ``<br>``) split."""
        lines = [""]
        link_href: str | None = None
        link_text = ""
        for child in inline.children or ():
            kind = child.type
            if kind in ("text", "code_inline"):
                lines[-1] += child.content
                link_text += child.content
            elif kind == "softbreak":
                lines[-1] += _SOFT_BREAK
            elif kind == "hardbreak" or (kind == "html_inline" and _BR_TAG.match(child.content.strip())):
                lines.append("")
            elif kind in ("strong_open", "em_open"):
                self._warn(line, f"{'bold' if kind == 'strong_open' else 'italic'} emphasis is not part of the "
                                 "official format; the text is kept plain", code="markdown-emphasis")
            elif kind == "link_open":
                link_href, link_text = child.attrGet("href") or "", ""
            elif kind == "link_close":
                self._link_lost(link_href or "", link_text, line)
                link_href = None
            elif kind == "image":
                self._warn(line, f"image {child.attrGet('src')!r} cannot be carried; it is left out",
                           "insert pictures in the Word file after converting", code="markdown-image")
        return _joined_soft_breaks(lines)

    def _link_lost(self, href: str, text: str, line: int | None) -> None:
        if href in (text, f"mailto:{text}") or not href:
            return
        self._warn(line, f"the link address {href} is dropped; only its text “{text}” is kept",
                   "write the address into the text if readers need it", code="markdown-link")

    def _warn(self, line: int | None, message: str, hint: str = "", code: str = "markdown") -> None:
        diag = Diagnostic("warning", message, line, hint, code)
        if diag not in self.warnings:
            self.warnings.append(diag)


def _joined_soft_breaks(lines: list[str]) -> list[str]:
    """Resolve soft line breaks: nothing between hanzi, a space between Latin words; but a 署名 over its
    date (``××市防汛抗旱指挥部`` / ``2024年5月1日``, one or more issuer lines) keeps its lines."""
    out = []
    for text in lines:
        parts = text.split(_SOFT_BREAK)
        if _signature_over_date(parts) or _attachment_list(parts):
            out += parts
            continue
        joined = parts[0]
        for part in parts[1:]:
            latin = _LATIN_END.search(joined) and _LATIN_START.match(part)
            joined += (" " if latin else "") + part
        out.append(joined)
    return out


def _attachment_list(parts: list[str]) -> bool:
    """A 附件说明 whose numbered items are soft-broken one to a line (``附件：1. 报名表`` / ``2. 分组名单``: a
    Markdown list may not start at 2., so the items stay in the paragraph)."""
    first, *rest = [part.strip() for part in parts]
    return first.startswith(("附件：", "附件:")) and bool(rest) and all(_ATTACHMENT_ITEM.match(p) for p in rest)


def _signature_over_date(parts: list[str]) -> bool:
    """Lines soft-broken in one paragraph that are a 署名 (one or more issuers) and then its date."""
    *names, last = [part.strip() for part in parts]
    return (bool(names) and match_date_line(last) is not None and not names[-1].endswith(_LEADS_INTO_DATE)
            and all(is_signature_shape(name) and match_date_line(name) is None for name in names))


def _html_lines(html: str, line: int | None) -> list[SourceLine]:
    """A raw HTML block laid out as a browser shows it: ``<br>`` splits lines, tables stay tables."""
    from lxml import html as lxml_html

    from .html_text import lay_out

    stripped = html.strip()
    if not stripped or stripped.startswith("<!--"):
        return []
    try:
        fragment = lxml_html.fragment_fromstring(stripped, create_parent="div")
    except Exception:  # noqa: BLE001 - malformed HTML: keep the raw text rather than lose it
        return [SourceLine(stripped, line)]
    return [table_line(item.rows, line) if item.rows else SourceLine(item.text, line)
            for item in lay_out(fragment) if item.rows or item.text.strip()]

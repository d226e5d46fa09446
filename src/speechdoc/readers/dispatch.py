"""Pick the reader for a source: by its extension, and by its content when the extension is
missing or lies (a Word file saved as ``.txt``, a web page saved without ``.html``).

``read_source`` returns a ``SourceText`` for plain text and a ``SourceDocument`` (lines with
hints) for the rich formats. ``INPUT_SUFFIXES`` is the one list of what speechdoc reads; the
batch command walks folders for exactly these.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import InputError
from .source import SourceDocument
from .text import SourceText, read_text, require_regular_file

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
DOCX_SUFFIXES = (".docx",)
LEGACY_WORD_SUFFIXES = (".doc", ".wps")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
INPUT_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + DOCX_SUFFIXES + LEGACY_WORD_SUFFIXES + HTML_SUFFIXES

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<meta", b"<body")


def source_format(path: str | Path) -> str:
    """text | markdown | docx | legacy-word | html: what the file is, content first, then its name."""
    name = str(path)
    if name != "-":
        require_regular_file(name)  # opening a pipe to sniff it would block
    sniffed = _sniff(name) if name != "-" else None
    if sniffed:
        return sniffed
    suffix = Path(name).suffix.lower()
    for fmt, suffixes in (("markdown", MARKDOWN_SUFFIXES), ("docx", DOCX_SUFFIXES),
                          ("legacy-word", LEGACY_WORD_SUFFIXES), ("html", HTML_SUFFIXES)):
        if suffix in suffixes:
            return fmt
    return "text"


def read_source(path: str | Path, encoding: str | None = None, *,
                keep_boilerplate: bool = False) -> SourceText | SourceDocument:
    """Read ``path`` (``-`` for standard input, always text) with the reader for its type.

    ``keep_boilerplate`` keeps a web page's navigation, footers and the like as text lines."""
    fmt = source_format(path)
    if fmt == "markdown":
        from .markdown import read_markdown

        return read_markdown(path, encoding)
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(path)
    if fmt == "legacy-word":
        from .legacy_word import read_legacy_word

        return read_legacy_word(path)
    if fmt == "html":
        from .html import read_html

        return read_html(path, encoding, keep_page=keep_boilerplate)
    return read_text(path, encoding)


def _sniff(name: str) -> str | None:
    try:
        with open(name, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return None  # the reader reports missing and unreadable files in its own words
    if head.startswith(b"PK\x03\x04"):
        return "docx" if _is_word_package(name) else None
    if head.startswith(_OLE_MAGIC):
        return "legacy-word"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(_HTML_STARTS):
        return "html"
    return None


def _is_word_package(name: str) -> bool:
    """A ZIP whose content types name a Word main document (whatever the part is called)."""
    try:
        with zipfile.ZipFile(name) as zf:
            if "word/document.xml" in zf.namelist():
                return True
            if "[Content_Types].xml" not in zf.namelist():
                return False
            with zf.open("[Content_Types].xml") as fh:
                return b"wordprocessingml.document" in fh.read(1024 * 1024)
    except (zipfile.BadZipFile, OSError):
        return False
    except Exception as exc:  # noqa: BLE001 - a damaged archive is not a Word file
        raise InputError(f"cannot open the archive ({exc})", path=name) from None

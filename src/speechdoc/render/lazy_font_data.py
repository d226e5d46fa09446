"""WeasyPrint reads a font's whole file only when it needs it — which, with HarfBuzz subsetting, is never.

For every face a document uses, WeasyPrint's PDF ``Font`` copies the complete font file into a Python ``bytes``
object when it is created (``file_content``): 53 MB for the six faces of a speech (the Noto Serif CJK collection of
the title alone is 27 MB), ~0.1 s in a cold process as the pages are read from disk, 20–30 ms in a warm one. Then it
subsets the face through HarfBuzz, which works on the face, not on those bytes, and replaces ``file_content`` with
the subset. Here ``file_content`` is read from the face the first time anything asks for it (the fontTools fallback,
a variable or colour font, a font that could not be subset), so the output is the same bytes.

Should WeasyPrint's ``Font`` not look as expected, nothing is changed.
"""
from __future__ import annotations

_UNREAD = object()
_installed = False


class LazyFileContent:
    """``Font.file_content``: the face's file, read from HarfBuzz on first use; assignments are kept as they are."""

    def __init__(self, read):
        self.read = read

    def __get__(self, font, owner=None):
        if font is None:
            return self
        data = font.__dict__.get("_speechdoc_file_content", _UNREAD)
        if data is _UNREAD:
            data = self.read(font.hb_face)
            font.__dict__["_speechdoc_file_content"] = data
        return data

    def __set__(self, font, value):
        font.__dict__["_speechdoc_file_content"] = value


def install() -> None:
    """Make WeasyPrint's ``Font.file_content`` lazy (once per process)."""
    global _installed
    if _installed:
        return
    _installed = True
    from weasyprint.pdf import fonts

    font_class, read = getattr(fonts, "Font", None), getattr(fonts, "get_hb_object_data", None)
    if font_class is None or read is None or "file_content" in vars(font_class):
        return
    original_init = font_class.__init__

    def __init__(self, *args, **kwargs):
        fonts.get_hb_object_data = _unread  # the one read in __init__ is deferred: file_content stays unread
        try:
            original_init(self, *args, **kwargs)
        finally:
            fonts.get_hb_object_data = read

    def _unread(hb_object, *args, **kwargs):
        return _UNREAD if not args and not kwargs else read(hb_object, *args, **kwargs)

    font_class.file_content = LazyFileContent(read)
    font_class.__init__ = __init__

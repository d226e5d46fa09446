"""Readers: turn a source file into numbered source lines (text) or, for rich formats, lines plus hints."""
from .text import SourceText, decode_bytes, read_text

__all__ = ["SourceText", "decode_bytes", "read_text"]

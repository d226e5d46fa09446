"""Readers: turn a source file into numbered source lines (text) or, for rich formats, lines plus hints.

``read_source(path, encoding)`` picks the reader by content and extension (``dispatch``);
``INPUT_SUFFIXES`` lists every extension speechdoc reads.
"""
from .dispatch import INPUT_SUFFIXES, read_source, source_format
from .source import SourceDocument, SourceLine
from .text import SourceText, decode_bytes, read_text

__all__ = ["INPUT_SUFFIXES", "SourceDocument", "SourceLine", "SourceText", "decode_bytes", "read_source",
           "read_text", "source_format"]

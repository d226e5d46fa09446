"""Compare the model of a rich input with the model of the same document as clean text."""
from __future__ import annotations

from dataclasses import replace

from speechdoc import api


def parse(path):
    return api.parse(str(path))


def content(doc, *, without_tables: bool = False):
    """The blocks without their source line numbers (a Word paragraph number is not a text line)."""
    return [replace(b, line=None) for b in doc.blocks if not (without_tables and b.kind == "table")]


def parse_text_model(source_document):
    """The model of an already read rich source (clean + parse with its hints)."""
    return api.parse_source_document(source_document, options=api.ReadOptions(), profile=api.load_profile())

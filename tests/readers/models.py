"""Compare the model of a rich input with the model of the same document as clean text."""
from __future__ import annotations

from dataclasses import replace

import pytest


def parse_or_skip(path):
    pytest.importorskip("speechdoc.parse", reason="the parser (branch parse) is not merged yet")
    from speechdoc import api

    return api.parse(str(path))


def content(doc, *, without_tables: bool = False):
    """The blocks without their source line numbers (a Word paragraph number is not a text line)."""
    return [replace(b, line=None) for b in doc.blocks if not (without_tables and b.kind == "table")]

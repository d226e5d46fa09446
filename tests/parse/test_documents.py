"""Whole documents: each fixtures/text/documents/NAME.txt must give exactly the outline in NAME.expected."""
from __future__ import annotations

import codecs

import pytest

from speechdoc import api

from ..conftest import FIXTURES
from .outline import outline, read_expected

DOCS = FIXTURES / "text" / "documents"
NAMES = sorted(p.stem for p in DOCS.glob("*.txt"))


@pytest.mark.parametrize("name", NAMES)
def test_document_outline(name):
    assert outline(api.parse(DOCS / f"{name}.txt")) == read_expected(DOCS / f"{name}.expected")


def test_there_are_document_fixtures():
    assert {"speech-subtitle", "notice-attachments", "report-four-levels", "hard-wrapped"} <= set(NAMES)


ENCODINGS = [
    ("gbk", lambda t: t.encode("gbk"), "gb18030"),
    ("gb18030", lambda t: t.encode("gb18030"), "gb18030"),
    ("utf-8-bom", lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    ("utf-16-le-bom", lambda t: t.encode("utf-16"), "utf-16"),
    ("utf-16-be-bom", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
    ("crlf", lambda t: t.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ("cr", lambda t: t.replace("\n", "\r").encode("utf-8"), "utf-8"),
]


@pytest.mark.parametrize("label,encode,detected", ENCODINGS, ids=[e[0] for e in ENCODINGS])
@pytest.mark.parametrize("name", ["notice-attachments", "speech-subtitle"])
def test_each_encoding_gives_the_same_outline(tmp_path, name, label, encode, detected):
    text = (DOCS / f"{name}.txt").read_text(encoding="utf-8")
    path = tmp_path / f"{name}.txt"
    path.write_bytes(encode(text))
    doc = api.parse(path)
    assert doc.source.encoding == detected
    assert outline(doc) == read_expected(DOCS / f"{name}.expected")


def test_indentation_with_spaces_u3000_or_nbsp_is_the_same(tmp_path):
    text = (DOCS / "report-four-levels.txt").read_text(encoding="utf-8")
    expected = read_expected(DOCS / "report-four-levels.expected")
    for indent in ("    ", "\u3000\u3000", "\u00a0\u00a0\u00a0\u00a0", "\t"):
        indented = "\n".join(indent + line if line else line for line in text.split("\n"))
        assert outline(api.parse_text(indented)) == expected, repr(indent)

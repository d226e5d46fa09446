from __future__ import annotations

import json

import pytest

from speechdoc.readers import INPUT_SUFFIXES, SourceDocument, SourceText, read_source, source_format
from tests.conftest import FIXTURES, run_cli

INPUTS = FIXTURES / "inputs"


@pytest.mark.parametrize("name,content,fmt", [
    ("a.md", b"# \xe6\xa0\x87\xe9\xa2\x98\n", "markdown"),
    ("a.MARKDOWN", b"text", "markdown"),
    ("a.htm", b"<p>x</p>", "html"),
    ("page", b"\xef\xbb\xbf\n<!DOCTYPE HTML><html></html>", "html"),
    ("a.txt", b"<html><body>x</body></html>", "html"),
    ("a.txt", b"# not markdown: a .txt stays text\n", "text"),
    ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "legacy-word"),
    ("a.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "legacy-word"),
    ("a.docx", b"not a zip at all", "docx"),
    ("noext", b"plain words", "text"),
])
def test_format_by_content_then_extension(tmp_path, name, content, fmt):
    f = tmp_path / name
    f.write_bytes(content)
    assert source_format(f) == fmt


def test_text_and_rich_readers_return_their_types():
    assert isinstance(read_source(INPUTS / "notice.txt"), SourceText)
    assert isinstance(read_source(INPUTS / "speech.md"), SourceDocument)


def test_every_reader_suffix_is_listed_once():
    assert len(set(INPUT_SUFFIXES)) == len(INPUT_SUFFIXES)
    assert {".txt", ".md", ".docx", ".doc", ".wps", ".html", ".htm"} <= set(INPUT_SUFFIXES)


def test_missing_file_is_an_input_error():
    from speechdoc.errors import InputError

    with pytest.raises(InputError, match="no such file"):
        read_source("/nonexistent/speech.md")


@pytest.mark.parametrize("name,fmt", [("speech.md", "markdown"), ("notice.html", "html")])
def test_inspect_reads_rich_inputs(name, fmt):
    result = run_cli("inspect", "--json", str(INPUTS / name))
    assert result.returncode == 0, result.stderr.decode()
    model = json.loads(result.stdout)
    assert model["source"]["format"] == fmt
    assert model["blocks"][0]["kind"] == "title"


def test_inspect_reads_a_word_file(tmp_path):
    from tests.readers.docx_factory import messy_notice

    result = run_cli("inspect", str(messy_notice(tmp_path / "notice.docx")))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "format: docx" in out and "一、总体要求" in out and "rows" in out

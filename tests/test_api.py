from __future__ import annotations

import pytest

import speechdoc
from tests.batch_converters import text_converter
from tests.conftest import SAMPLE
from tests.test_batch import GOOD, SPEECH, make_tree


def test_the_public_api():
    for name in ("parse", "to_docx", "to_pdf", "convert_many", "Document", "ReadOptions", "Meta", "load_profile"):
        assert name in speechdoc.__all__ and callable(getattr(speechdoc, name))


def test_speechdoc_parse_stays_the_function_after_the_parser_is_imported():
    import speechdoc.parse as package  # noqa: F401 - what api.parse does on its first call

    doc = speechdoc.parse_text("同志们：\n今天开会。\n")
    assert doc.blocks
    assert callable(speechdoc.parse) and speechdoc.parse is speechdoc.api.parse


def test_convert_many_a_folder(tmp_path):
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    summary = speechdoc.convert_many(root, out, to="docx,pdf", jobs=1, convert=text_converter)
    assert {o.name for o in summary.outcomes if o.status == "converted"} == GOOD
    assert summary.exit_code == 1
    assert (out / "2023" / "上半年" / "c.pdf").is_file()


def test_convert_many_files_and_folders_together(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x.txt").write_text(SPEECH, encoding="utf-8")
    (b / "x.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "one.txt").write_text(SPEECH, encoding="utf-8")
    summary = speechdoc.convert_many([a, b, tmp_path / "one.txt"], None, jobs=1, convert=text_converter)
    assert sorted(o.name for o in summary.outcomes) == sorted([str(a / "x.txt"), str(b / "x.txt"),
                                                               str(tmp_path / "one.txt")])
    assert summary.exit_code == 0
    assert (a / "x.docx").is_file() and (b / "x.docx").is_file() and (tmp_path / "one.docx").is_file()


def test_convert_many_refuses_an_unknown_format(tmp_path):
    with pytest.raises(ValueError, match="odt"):
        speechdoc.convert_many(tmp_path, to="odt")


def test_the_readme_example(tmp_path):
    doc = speechdoc.parse(SAMPLE)
    assert doc.title
    docx = speechdoc.to_docx(doc, tmp_path / "speech.docx")
    pdf = speechdoc.to_pdf(SAMPLE, tmp_path / "speech.pdf", meta=speechdoc.Meta(author="办公室"))
    assert docx.read_bytes().startswith(b"PK") and pdf.read_bytes().startswith(b"%PDF")

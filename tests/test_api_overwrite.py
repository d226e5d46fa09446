"""A saved model given as the input is never overwritten by the output (its source.path names the text)."""
from __future__ import annotations

import pytest

from speechdoc import api, model

from .conftest import FIXTURES, run_cli


@pytest.mark.parametrize("command", ["to-docx", "to-pdf"])
def test_a_json_model_input_is_not_overwritten(tmp_path, command):
    doc = api.load_model(FIXTURES / "models" / "speech-scraped.json")
    path = tmp_path / "model.json"
    path.write_text(model.dump(doc.with_blocks(doc.blocks[:3])), encoding="utf-8")
    before = path.read_bytes()
    result = run_cli(command, str(path), "-o", str(path))
    assert result.returncode == 1 and b"overwrite the input" in result.stderr
    assert path.read_bytes() == before


def test_a_default_output_that_speechdoc_did_not_write_is_never_replaced(tmp_path):
    import docx as python_docx

    from speechdoc import api
    from speechdoc.errors import OutputError
    from speechdoc.outputs import made_by_speechdoc

    source = tmp_path / "讲话.txt"
    source.write_text("同志们：\n今天开会。\n", encoding="utf-8")
    own = tmp_path / "讲话.docx"
    original = python_docx.Document()
    original.add_paragraph("我的原稿")
    original.save(own)
    before = own.read_bytes()
    with pytest.raises(OutputError, match="did not write"):
        api.to_docx(source)
    assert own.read_bytes() == before and not made_by_speechdoc(own)
    api.to_docx(source, own)  # named with -o: the user asked for it
    assert made_by_speechdoc(own)
    api.to_docx(source)  # now it is ours: a re-run replaces it
    pdf = api.to_pdf(source)
    assert made_by_speechdoc(pdf)
    api.to_pdf(source)

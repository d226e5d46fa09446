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

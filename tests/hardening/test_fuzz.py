"""Fuzzing with a fixed budget (runs in CI): random bytes and random Unicode through the whole pipeline
(read → clean → parse → DOCX), and random edits of a saved model. The only failures allowed are
speechdoc's own one-line errors; every document that parses renders to a .docx that opens."""
from __future__ import annotations

import copy
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speechdoc import api
from speechdoc.errors import SpeechdocError
from speechdoc.readers.text import decode_bytes

from ..conftest import FIXTURES, run_cli
from .helpers import docx_text

BUDGET = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MODEL = json.loads((FIXTURES / "models" / "speech-scraped.json").read_text(encoding="utf-8"))

# Bytes that matter to the reader: BOMs, magic numbers, UTF-8 and GB18030 pieces, encoded surrogates, NULs.
BYTE_PIECES = st.sampled_from([
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x89PNG", b"PK\x03\x04", b"\x00", b"\r", b"\n", b"\r\n",
    "一、总体要求\n".encode(), "（一）加强领导。".encode(), "同志们：".encode(), "二〇二四年一月十日".encode(),
    "通知".encode("gb18030"), b"\xed\xa0\x80", b"\xed\xb0\x80", b"\xc3\x28", b"\xe3\x80\x80", b"\x1b[31m",
])
RAW = st.lists(st.one_of(BYTE_PIECES, st.binary(max_size=8)), max_size=40).map(b"".join)


def render_checked(doc) -> None:
    if not doc.blocks:
        try:
            api.require_text(doc)
        except SpeechdocError:
            return
        raise AssertionError("an empty document was accepted")
    docx_text(api.render_docx_bytes(doc))  # opens in python-docx


@BUDGET
@given(RAW)
def test_random_bytes_through_the_pipeline(data):
    try:
        encoding, text = decode_bytes(data, name="fuzz.txt")
    except SpeechdocError as exc:
        assert "\n" not in exc.one_line()
        return
    render_checked(api.parse_text(text))


@BUDGET
@given(st.text(alphabet=st.characters(blacklist_categories=("Cn",)), max_size=200))
def test_random_unicode_through_the_pipeline(text):
    render_checked(api.parse_text(text))


JSON_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 10 ** 6), st.text(max_size=10),
                        st.lists(st.one_of(st.integers(), st.text(max_size=3), st.none()), max_size=3),
                        st.dictionaries(st.sampled_from(["level", "text", "marker", "x"]),
                                        st.one_of(st.integers(-2, 9), st.text(max_size=4), st.none()), max_size=3))
BLOCK_FIELDS = ["kind", "text", "line", "level", "marker", "lead", "items", "rows", "lines"]
TOP_FIELDS = ["schema", "source", "blocks", "dropped", "edits", "warnings", "meta"]


def load_edited(tmp_path_factory, data) -> None:
    path = tmp_path_factory.mktemp("model") / "model.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    try:
        render_checked(api.parse(path))
    except SpeechdocError as exc:
        assert "\n" not in exc.one_line()


@BUDGET
@given(st.sampled_from([0, 1, 3, 5]), st.sampled_from(BLOCK_FIELDS), JSON_VALUES, st.booleans())
def test_hand_edited_block(tmp_path_factory, index, field, value, drop):
    """A model edited by hand (wrong types, missing fields) is a one-line error or renders; never a crash."""
    data = copy.deepcopy(MODEL)
    if drop:
        data["blocks"][index].pop(field, None)
    else:
        data["blocks"][index][field] = value
    load_edited(tmp_path_factory, data)


@BUDGET
@given(st.sampled_from(TOP_FIELDS), JSON_VALUES)
def test_hand_edited_document(tmp_path_factory, field, value):
    data = copy.deepcopy(MODEL)
    data[field] = value
    load_edited(tmp_path_factory, data)


def test_wrong_types_in_a_model_are_one_line_errors(tmp_path):
    """Regression: these crashed the renderer with TypeError/AttributeError before the model checked types."""
    cases = [("blocks", 0, "text", 5), ("blocks", 3, "level", "x"), ("blocks", 0, "lines", [1]),
             ("blocks", 3, "lead", "abc"), ("source", None, "path", 5), ("meta", None, "author", 5)]
    for where, index, field, value in cases:
        data = copy.deepcopy(MODEL)
        target = data[where][index] if index is not None else data.setdefault(where, {})
        target[field] = value
        path = tmp_path / "model.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        result = run_cli("to-docx", str(path), "-o", str(tmp_path / "out.docx"))
        err = result.stderr.decode()
        assert result.returncode == 1 and "not a speechdoc model" in err and "internal" not in err, (field, err)
        assert not (tmp_path / "out.docx").exists()

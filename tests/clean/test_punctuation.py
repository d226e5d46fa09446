"""Punctuation normalisation: readable cases (fixtures/text/punctuation.txt) and properties of the edits."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechdoc.clean.punctuation import normalize_punctuation
from speechdoc.clean.tracked import Tracked

from ..conftest import FIXTURES


def _cases():
    for raw in (FIXTURES / "text" / "punctuation.txt").read_text(encoding="utf-8").splitlines():
        if raw and not raw.startswith("#"):
            source, expected = raw.split(" ⇒ ")
            yield pytest.param(source, source if expected == "=" else expected, id=source)


def _normalize(text: str):
    from speechdoc.clean.spacing import normalize_inner_spaces

    line, edits = normalize_punctuation(Tracked.from_source(1, text))
    line, more = normalize_inner_spaces(line)
    return line.text, edits + more


@pytest.mark.parametrize("source,expected", list(_cases()))
def test_normalisation_case(source, expected):
    assert _normalize(source)[0] == expected


def apply_edits(original: str, edits) -> str:
    """The original line with each edit (1-based column in the ORIGINAL line) applied."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: e.column):
        start = e.column - 1
        assert original[start:start + len(e.before)] == e.before, (e, original)
        out.append(original[pos:start])
        out.append(e.after)
        pos = start + len(e.before)
    out.append(original[pos:])
    return "".join(out)


@pytest.mark.parametrize("source,expected", list(_cases()))
def test_edits_explain_every_change(source, expected):
    text, edits = _normalize(source)
    assert apply_edits(source, edits) == text
    assert all(e.line == 1 and e.rule for e in edits)


MIXED = st.text(alphabet=st.sampled_from(list("中国人民教育，。,.:;?!()\"'- 　1239aZ/@…—")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_edits_reconstruct_any_line(source):
    text, edits = _normalize(source)
    assert apply_edits(source, edits) == text


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_normalising_twice_changes_nothing_more(source):
    once, _ = _normalize(source)
    twice, edits = _normalize(once)
    assert twice == once, edits


def test_columns_point_into_the_original_line_after_earlier_removals():
    from speechdoc.clean import clean

    cleaned = clean(["\u3000\u3000同志们\u200b:"])
    (edit,) = [e for e in cleaned.edits if e.rule == "punctuation"]
    assert (edit.line, edit.column, edit.before, edit.after) == (1, 7, ":", "：")
    assert cleaned.lines == ((1, "同志们："),)


def test_an_ellipsis_with_spaces_inside_is_one_ellipsis_and_stays_one():
    text, edits = _normalize("。。 。")
    assert text == "……" and [(e.before, e.rule) for e in edits] == [("。。 。", "ellipsis")]
    assert _normalize(text)[1] == []

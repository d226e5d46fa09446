from __future__ import annotations

from speechdoc.check import Edit, Finding


def test_text_form_is_like_a_compiler_message():
    f = Finding(3, 4, "error", "punct-halfwidth", "half-width ','", "write '，'", Edit(3, 4, ",", "，"), "a.txt")
    assert f.format() == "a.txt:3:4: error: half-width ',' [punct-halfwidth]\n  hint: write '，'"


def test_json_form_names_the_file_and_says_whether_fix_corrects_it():
    f = Finding(1, 2, "warning", "num-marker", "m", "h", None, "a.txt")
    assert f.as_dict() == {"file": "a.txt", "line": 1, "col": 2, "severity": "warning", "code": "num-marker",
                           "message": "m", "hint": "h", "fixable": False, "fix": None}
    g = Finding(1, 2, "error", "date-padded", "m", "h", Edit(1, 2, "0", ""), "a.txt")
    assert g.as_dict()["fix"] == {"from": "0", "to": ""}
    assert list(g.as_dict())[0] == "file"

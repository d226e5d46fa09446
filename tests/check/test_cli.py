"""`speechdoc check` and `speechdoc fix` as a user runs them."""
from __future__ import annotations

import json

from tests.conftest import run_cli

BAD = "关于召开会议的通知\n\n同志们:\n定于2024年02月05日召开会议,请xx单位参加。\n"
GOOD = "关于召开会议的通知\n\n同志们：\n定于2024年2月5日13:30召开会议，请准时参加。\n"


def test_check_reports_like_a_compiler_and_exits_1_on_errors(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_text(BAD, encoding="utf-8")
    r = run_cli("check", str(f))
    assert r.returncode == 1
    out = r.stdout.decode()
    assert f"{f}:3:4: error: " in out and "[salutation-colon]" in out
    assert f"{f}:4:3: error: " in out and "[date-padded]" in out
    assert "  hint: " in out
    assert "can be corrected with `speechdoc fix`" in r.stderr.decode()


def test_check_exits_0_on_a_clean_file(tmp_path):
    f = tmp_path / "good.txt"
    f.write_text(GOOD, encoding="utf-8")
    r = run_cli("check", str(f))
    assert r.returncode == 0, r.stdout.decode()
    assert r.stdout == b""


def test_check_exits_0_when_there_are_only_warnings(tmp_path):
    f = tmp_path / "warn.txt"
    f.write_text("关于召开会议的通知\n\n各单位：\n1、请准时参加。\n2、请带好材料。\n", encoding="utf-8")
    r = run_cli("check", str(f))
    assert r.returncode == 0
    assert "warning:" in r.stdout.decode() and "[num-marker]" in r.stdout.decode()


def test_check_json_lists_findings_of_several_files(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(BAD, encoding="utf-8")
    b.write_bytes(BAD.encode("gb18030"))
    r = run_cli("check", "--json", str(a), str(b))
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert {d["file"] for d in data} == {str(a), str(b)}
    first = data[0]
    assert set(first) >= {"file", "line", "col", "severity", "code", "message", "hint", "fixable"}
    assert {d["code"] for d in data if d["file"] == str(b)} == {d["code"] for d in data if d["file"] == str(a)}


def test_check_a_missing_file_is_a_clear_error_and_the_others_are_still_checked(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD.replace("：", ":"), encoding="utf-8")
    r = run_cli("check", str(tmp_path / "nope.txt"), str(good))
    assert r.returncode == 1
    assert "nope.txt: no such file" in r.stderr.decode()
    assert "[salutation-colon]" in r.stdout.decode()


def test_fix_writes_the_output_and_lists_its_changes(tmp_path):
    f, out = tmp_path / "bad.txt", tmp_path / "fixed.txt"
    f.write_text(BAD, encoding="utf-8")
    r = run_cli("fix", str(f), "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert f.read_text(encoding="utf-8") == BAD  # the input is untouched
    assert out.read_text(encoding="utf-8") == "关于召开会议的通知\n\n同志们：\n定于2024年2月5日召开会议，请xx单位参加。\n"
    err = r.stderr.decode()
    assert "fixed:" in err and "[date-padded]" in err and "3 correction(s)" in err
    again = run_cli("check", "--json", str(out))
    assert [d for d in json.loads(again.stdout) if d["fixable"]] == []
    assert [d["code"] for d in json.loads(again.stdout)] == ["placeholder"]


def test_fix_without_output_prints_the_text(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_text(BAD, encoding="utf-8")
    r = run_cli("fix", str(f))
    assert r.returncode == 0
    assert r.stdout.decode("utf-8").startswith("关于召开会议的通知\n\n同志们：\n")
    assert f.read_text(encoding="utf-8") == BAD


def test_fix_refuses_to_overwrite_the_input_without_in_place(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_text(BAD, encoding="utf-8")
    r = run_cli("fix", str(f), "-o", str(f))
    assert r.returncode == 1
    assert "overwrite the input" in r.stderr.decode()
    assert f.read_text(encoding="utf-8") == BAD


def test_fix_in_place_keeps_the_encoding_and_line_endings(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes(BAD.replace("\n", "\r\n").encode("gb18030"))
    r = run_cli("fix", "--in-place", str(f))
    assert r.returncode == 0, r.stderr.decode()
    text = f.read_bytes().decode("gb18030")
    assert "同志们：\r\n" in text and "2024年2月5日" in text and text.endswith("\r\n")


def test_markdown_and_html_are_refused_not_damaged(tmp_path):
    md = tmp_path / "speech.md"
    md.write_text("---\ntitle: 讲话\nspeaker: 李强\n---\n\n同志们:\n", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>&nbsp;&nbsp;这次会议,很重要。</p></body></html>", encoding="utf-8")
    for path in (md, page):
        before = path.read_bytes()
        for args in (("check", str(path)), ("fix", "--in-place", str(path))):
            result = run_cli(*args)
            assert result.returncode == 1
            assert "read plain text only" in result.stderr.decode()
        assert path.read_bytes() == before

"""`speechdoc inspect` end to end, in a subprocess (the CLI as users run it)."""
from __future__ import annotations

import json

import pytest

from speechdoc.model import SCHEMA, load

from .conftest import FIXTURES, run_cli

SAMPLE01 = FIXTURES / "text" / "samples" / "01-speech-scraped.txt"
NOTICE = FIXTURES / "text" / "documents" / "notice-attachments.txt"


@pytest.fixture(scope="module")
def sample01_json() -> dict:
    result = run_cli("inspect", "--json", str(SAMPLE01))
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_outline_shows_blocks_dropped_lines_edits(tmp_path):
    result = run_cli("inspect", str(SAMPLE01))
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "encoding: utf-8" in out
    assert "   7  title              教育局两学一做专题教育动员会讲话稿" in out
    assert "heading 1" in out and "lead 2" in out and "第一，是提高党员干部整体素质的迫切需要。" in out
    assert "dropped 13 line(s):" in out and "line    1  breadcrumb: 当前位置" in out
    assert "edits: 230 (punctuation 230)" in out and "line    9:6   : → ：  punctuation" in out


def test_json_has_the_documented_shape(sample01_json):
    d = sample01_json
    assert d["schema"] == SCHEMA
    assert d["source"]["encoding"] == "utf-8" and d["source"]["path"].endswith("01-speech-scraped.txt")
    assert {"blocks", "dropped", "edits", "warnings"} <= set(d)
    assert d["blocks"][0] == {"kind": "title", "text": "教育局两学一做专题教育动员会讲话稿", "line": 7}
    lead = next(b for b in d["blocks"] if "lead" in b)
    assert lead["lead"] == {"level": 2, "text": "第一，是提高党员干部整体素质的迫切需要。", "marker": "第一，"}
    assert set(d["dropped"][0]) == {"line", "text", "reason"}
    assert set(d["edits"][0]) == {"line", "column", "from", "to", "rule"}


def test_json_round_trips_and_renders_back(tmp_path, sample01_json):
    text = json.dumps(sample01_json, ensure_ascii=False)
    doc = load(text)
    path = tmp_path / "model.json"
    path.write_text(text, encoding="utf-8")
    again = run_cli("inspect", "--json", str(path))
    assert again.returncode == 0 and load(again.stdout.decode()) == doc


def test_gbk_file_and_encoding_override(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(NOTICE.read_text(encoding="utf-8").encode("gbk"))
    result = run_cli("inspect", str(path))
    assert result.returncode == 0 and "encoding: gb18030" in result.stdout.decode()
    forced = run_cli("inspect", "--encoding", "utf-8", str(path))
    assert forced.returncode != 0 and b"--encoding" in forced.stderr


def test_standard_input_and_flags():
    data = "当前位置:首页 > 正文\n标题\n同志们:\n正文,内容。\n".encode("utf-8")
    plain = run_cli("inspect", "--json", "-", input=data)
    d = json.loads(plain.stdout)
    assert d["source"]["path"] is None and [b["kind"] for b in d["blocks"]] == ["title", "salutation", "paragraph"]
    kept = json.loads(run_cli("inspect", "--json", "--keep-boilerplate", "--no-normalize", "-", input=data).stdout)
    assert kept["dropped"] == [] and kept["edits"] == [] and kept["blocks"][-1]["text"] == "正文,内容。"


def test_lead_level_comes_from_the_profile():
    d = json.loads(run_cli("inspect", "--json", "--set", "heading.lead_level=3", str(SAMPLE01)).stdout)
    assert {b["lead"]["level"] for b in d["blocks"] if "lead" in b} == {3}


def test_warnings_are_listed_with_lines():
    out = run_cli("inspect", str(FIXTURES / "text" / "documents" / "numbering-problems.txt")).stdout.decode()
    assert "warnings: 5" in out and "warning: line 8: duplicate number （一）" in out

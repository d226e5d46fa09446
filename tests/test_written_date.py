"""``--date``: the 成文日期 printed when the text lacks one (issue 5), checked and written 2024年3月5日."""
from __future__ import annotations

import pymupdf
import pytest
from docx import Document as read_docx

from .conftest import run_cli
from speechdoc.errors import UsageError
from speechdoc.model import Block, Document, Meta
from speechdoc.written_date import add_written_date, official_date

NOTICE = "关于做好春季防火工作的通知\n\n各单位：\n\n现将有关事项通知如下，请认真贯彻执行。\n\n附件：防火责任清单\n"
NOTICE_DATED = NOTICE + "\n某某市应急管理局\n2023年1月2日\n"
NOTICE_SIGNED = NOTICE + "\n某某市应急管理局\n"


@pytest.mark.parametrize("value, expected", [
    ("2024年3月5日", "2024年3月5日"), ("2024年03月05日", "2024年3月5日"), ("2024-03-05", "2024年3月5日"),
    ("2024/3/5", "2024年3月5日"), (" 2024.12.31 ", "2024年12月31日"), ("2024 年 3 月 5 日", "2024年3月5日"),
])
def test_official_date_shapes(value, expected):
    assert official_date(value) == expected


@pytest.mark.parametrize("value", ["2024-02-30", "2024-13-01", "3月5日", "2024-3", "tomorrow", "2024-03/05", ""])
def test_a_bad_date_is_an_option_error(value):
    with pytest.raises(UsageError) as err:
        official_date(value)
    assert err.value.exit_code == 2 and "2024年3月5日" in err.value.hint


def _kinds(doc):
    return [b.kind for b in doc.blocks]


def _doc(*kinds, date="2024-03-05"):
    return Document(blocks=tuple(Block(k, k) for k in kinds), meta=Meta(date=date))


def test_the_date_goes_under_the_signature():
    doc = add_written_date(_doc("title", "paragraph", "signature", "note", "attachment_label", "paragraph"))
    assert _kinds(doc) == ["title", "paragraph", "signature", "date", "note", "attachment_label", "paragraph"]
    assert doc.blocks[3].text == "2024年3月5日"


def test_without_signature_the_date_ends_the_body_before_note_and_attachment_page():
    doc = add_written_date(_doc("title", "paragraph", "attachments", "note", "attachment_label", "paragraph"))
    assert _kinds(doc) == ["title", "paragraph", "attachments", "date", "note", "attachment_label", "paragraph"]
    assert _kinds(add_written_date(_doc("title", "paragraph"))) == ["title", "paragraph", "date"]


def test_short_lines_ending_the_body_become_the_signature_as_the_parser_would_take_them():
    blocks = (Block("title", "关于做好春季防火工作的通知"), Block("paragraph", "现将有关事项通知如下，请认真贯彻执行。"),
              Block("paragraph", "某某市应急管理局"), Block("paragraph", "某某市消防救援支队"),
              Block("note", "（此件公开发布）"))
    doc = add_written_date(Document(blocks=blocks, meta=Meta(date="2024-03-05")))
    assert _kinds(doc) == ["title", "paragraph", "signature", "signature", "date", "note"]


@pytest.mark.parametrize("last", ["谢谢大家！", "请认真贯彻执行。", "一、总体要求"])
def test_sentences_and_headings_do_not_become_a_signature(last):
    blocks = (Block("title", "标题"), Block("paragraph", "正文。"), Block("paragraph", last))
    doc = add_written_date(Document(blocks=blocks, meta=Meta(date="2024-03-05")))
    assert _kinds(doc) == ["title", "paragraph", "paragraph", "date"]


def test_the_only_body_line_stays_body():
    blocks = (Block("title", "标题"), Block("salutation", "各单位："), Block("paragraph", "某某市应急管理局"))
    doc = add_written_date(Document(blocks=blocks, meta=Meta(date="2024-03-05")))
    assert _kinds(doc) == ["title", "salutation", "paragraph", "date"]


def test_a_document_with_a_date_or_without_meta_date_is_unchanged():
    dated = _doc("paragraph", "date")
    assert add_written_date(dated) is dated
    undated = _doc("paragraph", date=None)
    assert add_written_date(undated) is undated


# ---------------------------------------------------------------- through the CLI


def _docx_paragraphs(path):
    return [(p.style.name, p.text) for p in read_docx(str(path)).paragraphs if p.text]


def test_to_docx_prints_the_date(tmp_path):
    src = tmp_path / "notice.txt"
    src.write_text(NOTICE, encoding="utf-8")
    result = run_cli("to-docx", str(src), "--date", "2024-03-05", "-o", str(tmp_path / "n.docx"))
    assert result.returncode == 0, result.stderr.decode()
    paragraphs = _docx_paragraphs(tmp_path / "n.docx")
    assert paragraphs[-1] == ("Date", "2024年3月5日")
    assert paragraphs[-2][0] == "Attachments"  # after 附件说明, the last of the body


def test_to_docx_signs_and_dates_a_signed_text(tmp_path):
    src = tmp_path / "notice.txt"
    src.write_text(NOTICE_SIGNED, encoding="utf-8")
    result = run_cli("to-docx", str(src), "--date", "2024年3月5日", "-o", str(tmp_path / "n.docx"))
    assert result.returncode == 0, result.stderr.decode()
    assert _docx_paragraphs(tmp_path / "n.docx")[-2:] == [("Signature", "某某市应急管理局"), ("Date", "2024年3月5日")]


def test_to_docx_keeps_the_texts_own_date(tmp_path):
    src = tmp_path / "notice.txt"
    src.write_text(NOTICE_DATED, encoding="utf-8")
    result = run_cli("to-docx", str(src), "--date", "2024-03-05", "-o", str(tmp_path / "n.docx"))
    assert result.returncode == 0, result.stderr.decode()
    dates = [text for style, text in _docx_paragraphs(tmp_path / "n.docx") if style == "Date"]
    assert dates == ["2023年1月2日"]


def test_to_pdf_prints_the_date_right_indented(tmp_path):
    src = tmp_path / "notice.txt"
    src.write_text(NOTICE, encoding="utf-8")
    result = run_cli("to-pdf", str(src), "--date", "2024年3月5日", "-o", str(tmp_path / "n.pdf"))
    assert result.returncode == 0, result.stderr.decode()
    with pymupdf.open(tmp_path / "n.pdf") as pdf:
        lines = [(line["bbox"], "".join(s["text"] for s in line["spans"]))
                 for block in pdf[0].get_text("dict")["blocks"] for line in block.get("lines", [])]
    (x0, _y0, x1, _y1), text = next(line for line in lines if "2024" in line[1])
    assert text.replace(" ", "") == "2024年3月5日"
    # 7.3.5.2 without a 署名: right-indented 2 字 (2 × 15.75 pt) from the 版心's right edge (184 mm)
    assert abs((184 / 25.4 * 72 - x1) - 2 * 15.75) < 2.0


@pytest.mark.parametrize("command", ["to-docx", "to-pdf"])
def test_a_bad_date_is_one_line_and_writes_nothing(tmp_path, command):
    src = tmp_path / "notice.txt"
    src.write_text(NOTICE, encoding="utf-8")
    out = tmp_path / "out.bin"
    result = run_cli(command, str(src), "--date", "2024-02-30", "-o", str(out))
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.splitlines()[0] == "speechdoc: error: --date '2024-02-30' is not a date"
    assert "Traceback" not in err and not out.exists()


def test_to_pdf_places_the_date_under_the_signature(tmp_path):
    """7.3.5.2: the date's first character 2 字 right of the 署名's."""
    src = tmp_path / "notice.txt"
    src.write_text(NOTICE_SIGNED, encoding="utf-8")
    result = run_cli("to-pdf", str(src), "--date", "2024-03-05", "-o", str(tmp_path / "n.pdf"))
    assert result.returncode == 0, result.stderr.decode()
    with pymupdf.open(tmp_path / "n.pdf") as pdf:
        lines = {"".join(s["text"] for s in line["spans"]).replace(" ", ""): line["bbox"]
                 for block in pdf[0].get_text("dict")["blocks"] for line in block.get("lines", [])}
    signature, date = lines["某某市应急管理局"], lines["2024年3月5日"]
    assert abs((date[0] - signature[0]) - 2 * 15.75) < 1.5
    assert date[1] > signature[1]

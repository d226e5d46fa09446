"""Hostile Word and web files: ZIP bombs, lying ZIP headers, XML entities (billion laughs, external
entities) are refused with a one-line error, never a hang, a crash or a read of a local file; markup in an
HTML file fetches nothing when it becomes a PDF."""
from __future__ import annotations

import importlib.util
import io
import struct
import time
import zipfile
from pathlib import Path

import pytest

from ..conftest import run_cli
from .helpers import docx_text, files_in

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
needs_docx_reader = pytest.mark.skipif(importlib.util.find_spec("speechdoc.readers.docx") is None,
                                       reason="the Word reader has not landed")
pytestmark = needs_docx_reader


def document_xml(body: str, doctype: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
            f'<w:document {W}><w:body>{body}</w:body></w:document>').encode()


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


@pytest.fixture(scope="module")
def valid_docx() -> bytes:
    """A real .docx (python-docx's template) with a title and a paragraph."""
    import docx

    word = docx.Document()
    word.add_paragraph("关于测试的通知")
    word.add_paragraph("正文第一段。")
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


def replace_part(docx_bytes: bytes, name: str, data: bytes, *, extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == name else src.read(info.filename))
        for extra_name, extra_data in (extra or {}).items():
            dst.writestr(extra_name, extra_data)
    return out.getvalue()


def refused(tmp_path: Path, data: bytes, *words: str, name: str = "hostile.docx") -> str:
    src = tmp_path / "in" / name
    src.parent.mkdir(exist_ok=True)
    src.write_bytes(data)
    out_dir = tmp_path / "out"
    out_dir.mkdir(exist_ok=True)
    started = time.monotonic()
    result = run_cli("to-docx", str(src), "-o", str(out_dir / "x.docx"), timeout=120)
    err = result.stderr.decode()
    assert time.monotonic() - started < 60
    assert result.returncode == 1, err
    assert err.startswith("speechdoc: error: ") and "Traceback" not in err and "internal error" not in err, err
    for word in words:
        assert word in err.splitlines()[0], err
    assert files_in(out_dir) == []
    return err


def test_the_valid_docx_converts(tmp_path, valid_docx):
    """The control: the untouched file converts, so the refusals below are about the attack."""
    src = tmp_path / "ok.docx"
    src.write_bytes(valid_docx)
    result = run_cli("to-docx", str(src), "-o", str(tmp_path / "out.docx"))
    assert result.returncode == 0, result.stderr.decode()
    assert "正文第一段。" in docx_text(tmp_path / "out.docx")


def test_zip_bomb_by_ratio(tmp_path, valid_docx):
    huge = document_xml(paragraph("正文") + "<w:p/>" * (12 * 1024 * 1024))  # 72 MB, deflates ~1000:1
    refused(tmp_path, replace_part(valid_docx, "word/document.xml", huge), "hostile.docx")


def lie_about_size(zip_bytes: bytes, name: str, claimed: int) -> bytes:
    """Patch the uncompressed size of ``name`` in the local header and the central directory."""
    data = bytearray(zip_bytes)
    encoded = name.encode()
    pos = 0
    while True:
        pos = data.find(b"PK\x03\x04", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", data, pos + 26)[0]
        if bytes(data[pos + 30:pos + 30 + n]) == encoded:
            struct.pack_into("<I", data, pos + 22, claimed)
        pos += 4
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46:pos + 46 + n]) == encoded:
            struct.pack_into("<I", data, pos + 24, claimed)
        pos += 4
    return bytes(data)


def test_zip_headers_that_lie_about_the_size(tmp_path, valid_docx):
    """The headers claim 2 KB; the part inflates to 72 MB. Reading stops at the limit or the CRC check."""
    huge = document_xml(paragraph("正文") + "<w:p/>" * (12 * 1024 * 1024))
    bomb = lie_about_size(replace_part(valid_docx, "word/document.xml", huge), "word/document.xml", 2048)
    refused(tmp_path, bomb)


def test_too_many_entries(tmp_path, valid_docx):
    extra = {f"junk/{i}.xml": b"<a/>" for i in range(6000)}
    refused(tmp_path, replace_part(valid_docx, "word/document.xml", document_xml(paragraph("正文")), extra=extra))


BILLION_LAUGHS = ('<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
                  + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
                  + "]>")
XXE = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("doctype,body", [
    (BILLION_LAUGHS, paragraph("&i;")),
    (XXE, paragraph("&x;")),
    ('<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/evil.dtd">', paragraph("正文")),
])
def test_xml_entities_in_the_document_are_refused(tmp_path, valid_docx, doctype, body):
    err = refused(tmp_path, replace_part(valid_docx, "word/document.xml", document_xml(body, doctype)))
    assert "root:" not in err


@pytest.mark.parametrize("part", ["word/styles.xml", "docProps/core.xml", "[Content_Types].xml"])
def test_xml_entities_in_other_parts_are_refused_or_ignored(tmp_path, valid_docx, part):
    """An entity in any part never resolves: the file is refused, or converts without the entity's text."""
    with zipfile.ZipFile(io.BytesIO(valid_docx)) as z:
        original = z.read(part).decode()
    root_at = original.index("<", original.index("?>") + 2) if original.startswith("<?xml") else 0
    poisoned = (original[:root_at] + XXE.replace("w:document", original[root_at + 1:].split()[0].rstrip(">"))
                + original[root_at:]).encode()
    src = tmp_path / "p.docx"
    src.write_bytes(replace_part(valid_docx, part, poisoned))
    result = run_cli("to-docx", str(src), "-o", str(tmp_path / "out.docx"))
    err = result.stderr.decode()
    assert "Traceback" not in err and "internal error" not in err, err
    if result.returncode == 0:
        assert "root:x:" not in docx_text(tmp_path / "out.docx")
    else:
        assert err.startswith("speechdoc: error: ") and not (tmp_path / "out.docx").exists()


def test_damaged_zip_and_plain_zip_renamed_docx(tmp_path, valid_docx):
    refused(tmp_path, valid_docx[: len(valid_docx) // 2], name="half.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("../../escape.txt", "x")
    refused(tmp_path, buf.getvalue(), name="plain.docx")
    assert not (tmp_path.parent / "escape.txt").exists()


# ---------------------------------------------------------------- HTML input → PDF fetches nothing


needs_pdf = pytest.mark.skipif(importlib.util.find_spec("speechdoc.render.pdf") is None
                               or importlib.util.find_spec("speechdoc.readers.html") is None,
                               reason="the PDF renderer or the HTML reader has not landed")


@needs_pdf
def test_html_input_with_remote_and_local_resources_fetches_nothing(tmp_path):
    from .test_hostile_input import outside_project, secrets_touched, spy_on_pdf_render

    src = tmp_path / "page.html"
    src.write_text("""<!DOCTYPE html><html><head><title>关于测试的通知</title>
<link rel="stylesheet" href="file:///etc/passwd"><style>@import url(file:///etc/hostname);</style>
<script src="http://127.0.0.1:9/x.js"></script><base href="file:///etc/"></head>
<body><h1>关于测试的通知</h1><p>正文<img src="file:///etc/passwd">第一段。</p>
<iframe src="file:///etc/passwd"></iframe><object data="file:///etc/hostname"></object>
<p style="background: url(file:///etc/passwd)">第二段。</p></body></html>""", encoding="utf-8")
    events = spy_on_pdf_render(src)
    assert secrets_touched(events) == []
    assert outside_project([what for _, kind, what in events if kind == "fetch"]) == []
    out = tmp_path / "page.pdf"
    result = run_cli("to-pdf", str(src), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    from .helpers import pdf_text

    text = "".join(pdf_text(out).split())
    assert "正文第一段。" in text and "第二段。" in text and "root:x:" not in text

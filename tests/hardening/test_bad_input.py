"""Broken input through the real command line: a one-line error or a clear warning, never a traceback,
never a partial output file."""
from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pytest

from speechdoc import api
from speechdoc.errors import InputError, OutputError
from speechdoc.numerals import to_chinese

from ..conftest import run_cli
from .helpers import docx_text, files_in, kept_chars

BODY = "关于做好2024年防汛工作的通知\n\n各区县：\n　　现就有关事项通知如下。\n"


def convert(src: Path, out: Path, *extra: str):
    result = run_cli("to-docx", str(src), "-o", str(out), *extra)
    return result.returncode, result.stderr.decode("utf-8")


def assert_refused(src: Path, out: Path, *words: str) -> str:
    """The conversion failed with the one-line error format, mentioning ``words``, and wrote nothing."""
    before = files_in(out.parent)
    code, err = convert(src, out)
    assert code == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    first = err.splitlines()[0]
    assert first.startswith("speechdoc: error: "), err
    for word in words:
        assert word in first, err
    assert files_in(out.parent) == before, "a failed conversion left a file behind"
    return err


def zip_bytes() -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("photos/a.jpg", b"\xff\xd8\xff" + bytes(100))
    return buf.getvalue()


@pytest.mark.parametrize("name,data,words", [
    ("empty", b"", ("empty",)),
    ("blank-lines", b"\n\n  \r\n\t\n\xe3\x80\x80\n", ("empty",)),
    ("only-boilerplate", "当前位置：首页 > 通知公告 > 正文\n打印本页 关闭窗口\n".encode(), ("boilerplate",)),
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(200), ("PNG",)),
    ("zip", zip_bytes(), ("ZIP",)),
    ("undecodable", "第一行\n".encode() + bytes(range(0x80, 0x100)) * 4, ("cannot decode", "line 2")),
    ("utf16-without-bom", "abc def\nghi\n".encode("utf-16-le") * 10, ("binary",)),
])
def test_unusable_file_is_refused(tmp_path, name, data, words):
    src = tmp_path / "in" / f"{name}.txt"
    src.parent.mkdir()
    src.write_bytes(data)
    (tmp_path / "out").mkdir()
    assert_refused(src, tmp_path / "out" / "x.docx", str(src), *words)


def test_boilerplate_refusal_names_the_way_out(tmp_path):
    src = tmp_path / "page.txt"
    src.write_text("当前位置：首页 > 通知公告 > 正文\n打印本页 关闭窗口\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    err = assert_refused(src, tmp_path / "out" / "x.docx")
    assert "--keep-boilerplate" in err


def test_folder_given_as_file(tmp_path):
    (tmp_path / "notes.txt").mkdir()
    assert_refused(tmp_path / "notes.txt", tmp_path / "x.docx", "folder")


def test_missing_file(tmp_path):
    assert_refused(tmp_path / "nope.txt", tmp_path / "x.docx", "no such file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file; see the simulated test below")
def test_unreadable_file(tmp_path):
    src = tmp_path / "secret.txt"
    src.write_text(BODY, encoding="utf-8")
    src.chmod(0)
    try:
        assert_refused(src, tmp_path / "out.docx", "permission denied")
    finally:
        src.chmod(0o644)


def test_unreadable_file_simulated(tmp_path, monkeypatch):
    """As root (CI) chmod 000 does not stop reads: the operating system's refusal is simulated."""
    src = tmp_path / "secret.txt"
    src.write_text(BODY, encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match="permission denied"):
        api.to_docx(src, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


# ---------------------------------------------------------------- the output


@pytest.fixture
def text_file(tmp_path) -> Path:
    src = tmp_path / "notice.txt"
    src.write_text(BODY, encoding="utf-8")
    return src


def test_output_folder_missing(tmp_path, text_file):
    code, err = convert(text_file, tmp_path / "no" / "such" / "out.docx")
    assert code == 1 and err.startswith("speechdoc: error: ") and "does not exist" in err
    assert not (tmp_path / "no").exists()


def test_output_folder_is_a_file(tmp_path, text_file):
    code, err = convert(text_file, text_file / "out.docx")
    assert code == 1 and "is not a folder" in err and "Traceback" not in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a chmod 555 folder")
def test_output_folder_not_writable(tmp_path, text_file):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        code, err = convert(text_file, locked / "out.docx")
        assert code == 1 and "not writable" in err
        assert files_in(locked) == []
    finally:
        locked.chmod(0o755)


def test_output_folder_refusing_writes_even_to_root(text_file):
    """sysfs refuses new files even to root: a real unwritable folder on a CI machine."""
    target = Path("/sys/speechdoc-test.docx")
    if not Path("/sys").is_dir() or target.exists():
        pytest.skip("no sysfs")
    code, err = convert(text_file, target)
    assert code == 1 and err.startswith("speechdoc: error: /sys/speechdoc-test.docx: ")
    assert "Traceback" not in err and not target.exists()


def test_write_failure_leaves_no_partial_file(tmp_path, text_file, monkeypatch):
    """A write that fails half-way (disk full) leaves neither the output nor its temporary file."""
    import speechdoc.outputs as outputs

    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fd, mode):
            self.fh = real_fdopen(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs.os, "fdopen", FullDisk)
    out = tmp_path / "out" / "x.docx"
    out.parent.mkdir()
    with pytest.raises(OutputError, match="No space left"):
        api.to_docx(text_file, out)
    assert files_in(out.parent) == []


@pytest.mark.parametrize("spelling", ["same", "dotted", "hardlink", "symlink"])
def test_output_naming_the_input_is_refused(tmp_path, text_file, spelling):
    other = {"same": text_file, "dotted": tmp_path / "." / text_file.name,
             "hardlink": tmp_path / "link.txt", "symlink": tmp_path / "sym.txt"}[spelling]
    if spelling == "hardlink":
        os.link(text_file, other)
    if spelling == "symlink":
        other.symlink_to(text_file)
    code, err = convert(text_file, other)
    assert code == 1 and "overwrite the input" in err and "Traceback" not in err
    assert text_file.read_text(encoding="utf-8") == BODY


def test_pdf_output_naming_the_input_is_refused(text_file):
    result = run_cli("to-pdf", str(text_file), "-o", str(text_file))
    err = result.stderr.decode()
    assert result.returncode == 1 and "overwrite the input" in err and "Traceback" not in err
    assert text_file.read_text(encoding="utf-8") == BODY


# ---------------------------------------------------------------- odd characters: removed and reported


def test_control_characters_and_lone_surrogates_are_removed_and_reported(tmp_path):
    controls = "".join(chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))
    data = ("关于开展检查的通知\n\n各单位：\n前文" + controls + "后文，第3项。\n").encode("utf-8")
    data += "孤立".encode() + b"\xed\xa0\x80" + "代理项".encode() + b"\xed\xb0\x80" + "之后。\n".encode()
    # a surrogate PAIR encoded as two 3-byte sequences (CESU-8) is one real character: 𠀀
    data += "成对".encode() + "\U00020000".encode("utf-16-le").decode("utf-16-le").encode("utf-8", "surrogatepass")
    data = data.replace("\U00020000".encode(), b"\xed\xa1\x80\xed\xb0\x80") + "字。\n".encode()
    src = tmp_path / "dirty.txt"
    src.write_bytes(data)
    out = tmp_path / "dirty.docx"
    code, err = convert(src, out)
    assert code == 0, err
    assert "removed 29 control character(s)" in err and "U+0000" in err and "U+001F" in err
    assert "U+D800" in err and "U+DC00" in err and ":5:" in err
    text = docx_text(out.read_bytes())
    assert "前文后文，第3项。" in text
    assert "孤立代理项之后。" in text
    assert "成对\U00020000字。" in text


def test_dirty_docx_opens_in_libreoffice(tmp_path):
    from ..lo import docx_to_pdf, soffice
    from .helpers import pdf_text

    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    text = "关于开展检查的通知\n\n前文\x00\x01\x08\x0b\x0c\x1b\x1f后文\ud800。\n"
    doc = api.parse_text(text)
    out = tmp_path / "dirty.docx"
    api.to_docx(doc, out)
    pdf = docx_to_pdf(out, tmp_path / "pdf")
    assert "前文后文。" in pdf_text(pdf).replace("\n", "")


def test_json_model_with_lone_surrogates_round_trips(tmp_path):
    """``inspect --json`` writes the removed surrogate as an escape, and the model renders back."""
    src = tmp_path / "a.txt"
    src.write_bytes("标题\n\n正文".encode() + b"\xed\xa0\x80" + "结束。\n".encode())
    result = run_cli("inspect", "--json", str(src))
    assert result.returncode == 0, result.stderr
    assert b"\\ud800" in result.stdout
    model = tmp_path / "m.json"
    model.write_bytes(result.stdout)
    code, err = convert(model, tmp_path / "m.docx")
    assert code == 0, err
    outline = run_cli("inspect", str(src))
    assert outline.returncode == 0 and "'\\ud800'" in outline.stdout.decode()


def test_direction_marks_zero_width_and_combining_characters(tmp_path):
    src = tmp_path / "marks.txt"
    src.write_text("标题\n\n正文\u200f阿拉伯\u200e标记\u202e反向\u202c文字\u2067隔离\u2069\u200b零宽\ufeff，"
                   "caf\u00e9 cafe\u0301 中\u0301文\u20dd。\n", encoding="utf-8")
    out = tmp_path / "marks.docx"
    code, err = convert(src, out)
    assert code == 0, err
    assert "removed 6 text-direction mark(s)" in err
    text = docx_text(out.read_bytes())
    assert "正文阿拉伯标记反向文字隔离零宽，" in text
    for ch in "\u200e\u200f\u202e\u202c\u2067\u2069\u200b\ufeff":
        assert ch not in text
    assert "caf\u00e9 cafe\u0301 中\u0301文\u20dd。" in text  # combining marks kept on their letters


# ---------------------------------------------------------------- size


def hanzi_run(n: int, seed: int = 7) -> str:
    import random

    rng = random.Random(seed)
    return "".join(chr(rng.randrange(0x4E00, 0x9FA6)) for _ in range(n))


def test_100000_character_line_without_punctuation(tmp_path):
    line = hanzi_run(100_000)
    src = tmp_path / "line.txt"
    src.write_text("标题\n\n" + line + "\n", encoding="utf-8")
    out = tmp_path / "line.docx"
    started = time.monotonic()
    code, err = convert(src, out)
    assert code == 0, err
    assert time.monotonic() - started < 30
    assert line in docx_text(out.read_bytes()).replace("\n", "")


def test_5000_headings(tmp_path):
    """50 一、 × 9 （一） × 10 1. = 5,000 headings at three levels, a short paragraph after each ten."""
    parts = ["五千个标题", ""]
    for a in range(1, 51):
        parts.append(f"{to_chinese(a)}、第{a}部分")
        for b in range(1, 10):
            parts.append(f"（{to_chinese(b)}）第{a}部分第{b}节")
            parts += [f"{c}.第{a}-{b}-{c}项工作" for c in range(1, 11)]
            parts.append(hanzi_run(20, a * 10 + b) + "。")
    doc = api.parse_text("\n".join(parts))
    headings = [b for b in doc.blocks if b.kind == "heading"]
    assert len(headings) == 5000
    started = time.monotonic()
    data = api.render_docx_bytes(doc)
    assert time.monotonic() - started < 30
    import docx
    import io

    word = docx.Document(io.BytesIO(data))
    styled = [p for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert len(styled) == 5000
    assert styled[-1].text == "10.第50-9-10项工作"


TWO_MB = 2 * 1024 * 1024


@pytest.fixture(scope="module")
def two_mb_text(tmp_path_factory) -> Path:
    """About 700 pages: 22,000 short paragraphs (many blocks is the hard case for a renderer)."""
    src = tmp_path_factory.mktemp("big") / "big.txt"
    parts, size, k = ["关于印发某某办法的通知", "", "各单位："], 0, 0
    while size < TWO_MB:
        k += 1
        para = hanzi_run(30, k) + f"第{k}段。"
        parts.append(para)
        size += len(para.encode()) + 1
    src.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return src


def test_two_megabyte_text_to_docx_under_a_minute(tmp_path, two_mb_text):
    out = tmp_path / "big.docx"
    started = time.monotonic()
    code, err = convert(two_mb_text, out)
    elapsed = time.monotonic() - started
    assert code == 0, err
    assert elapsed < 60, f"2 MB → DOCX took {elapsed:.0f} s"
    text = docx_text(out.read_bytes())
    assert kept_chars(text).endswith(kept_chars(two_mb_text.read_text(encoding="utf-8")[-200:]))


# ---------------------------------------------------------------- things that are not files


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_device_or_pipe_is_refused_without_blocking(tmp_path, kind):
    """Regression: /dev/zero read forever and a named pipe blocked the sniffing of its first bytes."""
    if kind == "device":
        src = Path("/dev/zero")
        if not src.exists():
            pytest.skip("no /dev/zero")
    else:
        src = tmp_path / "pipe.txt"
        os.mkfifo(src)
    result = run_cli("to-docx", str(src), "-o", str(tmp_path / "x.docx"), timeout=30)
    err = result.stderr.decode()
    assert result.returncode == 1 and "not a regular file" in err and "Traceback" not in err
    assert not (tmp_path / "x.docx").exists()


def test_standard_input_over_the_limit_is_refused(monkeypatch):
    """Standard input is read up to the limit, not to its end (a stream may never end)."""
    import io
    import types

    import speechdoc.readers.text as text_reader

    monkeypatch.setattr(text_reader, "MAX_INPUT_BYTES", 1000)
    stream = io.BytesIO(b"a" * 5000)
    monkeypatch.setattr(text_reader.sys, "stdin", types.SimpleNamespace(buffer=stream))
    with pytest.raises(InputError, match="at most 0 MB|over"):
        api.parse("-")
    assert stream.tell() == 1001


def test_pdf_over_the_size_limit_is_refused_up_front(tmp_path):
    """2 MB made 1,227 pages in 1.35 GB (README); a model just over the limit is refused in seconds."""
    from speechdoc.api import MAX_PDF_CHARS
    from speechdoc.model import Block, Document, dump

    chunk = hanzi_run(10_000) + "。"
    blocks = (Block("title", "超长文件"),) + tuple(Block("paragraph", chunk) for _ in range(MAX_PDF_CHARS // len(chunk) + 1))
    model = tmp_path / "big.json"
    model.write_text(dump(Document(blocks=blocks), indent=None), encoding="utf-8")
    started = time.monotonic()
    result = run_cli("to-pdf", str(model), "-o", str(tmp_path / "big.pdf"))
    err = result.stderr.decode()
    assert result.returncode == 1 and f"at most {MAX_PDF_CHARS:,}" in err and "pages" in err, err
    assert "Traceback" not in err and ".docx" in err
    assert time.monotonic() - started < 30
    assert not (tmp_path / "big.pdf").exists()
    just_under = Document(blocks=blocks[:2])
    assert api.require_pdf_size(just_under) is just_under


def test_document_chars_counts_what_is_set():
    from speechdoc.api import document_chars
    from speechdoc.model import Block, Document

    doc = Document(blocks=(Block("paragraph", "正文。"), Block("attachments", "附件：1.甲\n2.乙", items=("甲", "乙")),
                           Block("table", "", rows=(("一", "二"), ("三",)))))
    assert document_chars(doc) == 3 + 10 + 2 + 3


@pytest.mark.parametrize("name,text", [
    ("space-runs", "中\u3000\u3000" * 20_000),  # was 41 s: each U+3000 run re-sliced the whole line
    ("comma-lines", "正文，\n" * 20_000),  # was 15 s: each join searched the whole paragraph so far
], ids=["space-runs", "comma-lines"])
def test_pathological_lines_clean_in_linear_time(name, text):
    started = time.process_time()
    doc = api.parse_text("标题\n\n" + text)
    assert time.process_time() - started < 8, name
    assert kept_chars("".join(b.text for b in doc.blocks)) == kept_chars("标题" + text)

from __future__ import annotations

import codecs

import pytest

from speechdoc.errors import DecodeError, InputError
from speechdoc.readers import read_text

TEXT = "关于开展工作的通知\n各单位：\n　　现将有关事项通知如下。\n"


@pytest.mark.parametrize(
    "encoding,data,expected",
    [
        ("utf-8", TEXT.encode("utf-8"), "utf-8"),
        ("utf-8-sig", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        ("gb18030", TEXT.encode("gb18030"), "gb18030"),
        ("gbk", TEXT.encode("gbk"), "gb18030"),
        ("utf-16", TEXT.encode("utf-16"), "utf-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_encodings_are_detected(tmp_path, encoding, data, expected):
    f = tmp_path / f"{encoding}.txt"
    f.write_bytes(data)
    src = read_text(f)
    assert src.encoding == expected
    assert src.lines == TEXT.rstrip("\n").split("\n")


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_line_endings(tmp_path, eol):
    f = tmp_path / "a.txt"
    f.write_bytes(eol.join(["一", "", "二"]).encode("utf-8"))
    assert read_text(f).lines == ["一", "", "二"]


def test_undecodable_bytes_name_line_and_offset(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes("第一行\n".encode("utf-8") + b"\xff\xfe\xfd\x80\x81 abc")
    with pytest.raises(DecodeError) as info:
        read_text(f)
    err = info.value
    assert "line 2" in err.message and "offset 10" in err.message
    assert "--encoding" in err.hint and err.path == str(f)


def test_forced_encoding(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(TEXT.encode("gbk"))
    assert read_text(f, encoding="gbk").lines[0] == "关于开展工作的通知"
    with pytest.raises(DecodeError):
        read_text(f, encoding="utf-8")
    with pytest.raises(InputError):
        read_text(f, encoding="no-such-codec")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00", b"PK\x03\x04\x14\x00", b"abc\x00\x00def"])
def test_binary_files_are_refused(tmp_path, data):
    f = tmp_path / "x.txt"
    f.write_bytes(data)
    with pytest.raises(InputError):
        read_text(f)


def test_missing_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_text(tmp_path)
